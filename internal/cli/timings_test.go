package cli

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/packages"

	"github.com/datagate/datagate/internal/driver"
)

func TestWriteTimings(t *testing.T) {
	g := &driver.Graph{All: []*driver.Action{
		{Package: &packages.Package{ID: "a"}, Duration: 1 * time.Second},
		{Package: &packages.Package{ID: "b"}, Duration: 3 * time.Second},
		{Package: &packages.Package{ID: "c"}, Duration: 2 * time.Second},
	}}
	var b strings.Builder
	writeTimings(&b, g, 2)
	want := "datagate: 3 packages checked and analysed, 6.00s in all (summed over packages); the slowest:\n" +
		"      3.00s  b\n" +
		"      2.00s  c\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

// TestTypesOnly checks which packages the scan analyses: the roots and
// what they import, but not the modelled SDK packages nor what only they
// import (knowledge.Modelled).
func TestTypesOnly(t *testing.T) {
	mk := func(path string, imports ...*packages.Package) *packages.Package {
		p := &packages.Package{ID: path, PkgPath: path, Module: &packages.Module{Path: path}, Imports: map[string]*packages.Package{}}
		for _, imp := range imports {
			p.Imports[imp.PkgPath] = imp
		}
		return p
	}
	smithy := mk("github.com/aws/smithy-go")
	s3 := mk("github.com/aws/aws-sdk-go-v2/service/s3", smithy)
	retry := mk("github.com/aws/aws-sdk-go-v2/aws/retry", smithy)
	lambda := mk("github.com/aws/aws-sdk-go-v2/service/lambda", retry)
	lib := mk("example.com/lib")
	app := mk("example.com/app", s3, lambda, lib)
	only := typesOnly([]*packages.Package{app})
	for p, want := range map[*packages.Package]bool{app: false, s3: true, smithy: false, lambda: false, retry: false, lib: false} {
		if got := only(p); got != want {
			t.Errorf("typesOnly(%s) = %v, want %v", p.PkgPath, got, want)
		}
	}
	// Imported only through the modelled s3: not analysed.
	only = typesOnly([]*packages.Package{mk("example.com/app2", s3, lib)})
	if !only(smithy) || only(lib) {
		t.Errorf("smithy-go imported only by s3: typesOnly %v, want true; lib %v, want false", only(smithy), only(lib))
	}
}
