package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sync"
	"testing"

	"github.com/datagate/datagate/internal/lazyfact"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

type labelFact struct{ Labels []string }

func (*labelFact) AFact() {}

// funcFact cannot be encoded (a func field): the table keeps it as is.
type funcFact struct{ F func() }

func (*funcFact) AFact() {}

// TestEncodedFacts: an object fact a package exports is kept encoded; a
// lookup decodes it, and from the pinAfter-th on it stays decoded; every
// lookup gives the fact exported; the cache gets the bytes it would have
// encoded, and the fact's shape, kept since the export when the run has a
// cache (and then dropped), else made from the encoded fact; a fact that
// does not encode is kept as it is.
func TestEncodedFacts(t *testing.T) {
	sent := &labelFact{Labels: []string{"User.Email", "User.Name"}}
	typ := reflect.TypeOf(sent)
	want, err := lazyfact.Encode(sent)
	if err != nil {
		t.Fatal(err)
	}
	js, _ := json.Marshal(sent)
	wantShape := shapeOf(js)
	for _, shapes := range []bool{true, false} {
		kept := encodeOnExport(typ, sent, shapes)
		rf, ok := kept.(*rawFact)
		if !ok {
			t.Fatalf("kept %T, want a *rawFact", kept)
		}
		if (rf.shape != nil) != shapes {
			t.Errorf("shapes %v: a shape kept: %v", shapes, rf.shape != nil)
		}
		got, shape, err := encodedShape(kept)
		if err != nil || !bytes.Equal(got, want) || !reflect.DeepEqual(shape, wantShape) {
			t.Errorf("shapes %v: encodedShape = %q, %+v, %v; want lazyfact.Encode's %q, %+v", shapes, got, shape, err, want, wantShape)
		}
		if rf.shape != nil {
			t.Errorf("shapes %v: the shape is still kept after encodedShape", shapes)
		}
	}

	kept := encodeOnExport(typ, sent, false)
	rf := kept.(*rawFact)

	var mu sync.RWMutex
	k := objectKey{types.NewTypeName(token.NoPos, nil, "T", nil), typ}
	m := map[objectKey]analysis.Fact{k: kept}
	for i := 1; i <= pinAfter+1; i++ {
		var got labelFact
		if !lookup(&mu, m, k, &got) || !reflect.DeepEqual(&got, sent) {
			t.Fatalf("lookup %d = %+v, want %+v", i, got, sent)
		}
		_, raw := m[k].(*rawFact)
		if pinned := i >= pinAfter; raw == pinned {
			t.Errorf("after lookup %d the table holds a %T (pinned from lookup %d on)", i, m[k], pinAfter)
		}
		if i == 1 {
			runtime.GC() // the weakly held decoded fact may go: decoded again
		}
	}
	if rf.asked != pinAfter {
		t.Errorf("asked = %d, want %d", rf.asked, pinAfter)
	}

	ff := &funcFact{F: func() {}}
	if got := encodeOnExport(reflect.TypeOf(ff), ff, true); got != analysis.Fact(ff) {
		t.Errorf("a fact that does not encode is kept as %T", got)
	}
}

// TestFileSumsKnown: fileSums takes the sums the caller knows and reads
// and hashes only the other files.
func TestFileSumsKnown(t *testing.T) {
	dir := t.TempDir()
	read := filepath.Join(dir, "read.go")
	if err := os.WriteFile(read, []byte("package p\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	known := filepath.Join(dir, "known.go") // not on disk: never read
	ks := sha256.Sum256([]byte("what the caller read"))
	n := &node{pkg: &packages.Package{CompiledGoFiles: []string{read, known}}}
	got := fileSums([]*node{n}, map[string][sha256.Size]byte{known: ks})
	if got[known] != ks {
		t.Errorf("known file: %x, want the caller's sum", got[known])
	}
	if got[read] != sha256.Sum256([]byte("package p\n")) {
		t.Errorf("read file: %x, want its SHA-256", got[read])
	}
	if len(got) != 2 {
		t.Errorf("%d sums, want 2", len(got))
	}
}

// TestExportKeepsEncoded: a fact a pass exports goes into the table
// encoded, and the pass of an importer reads it back as exported.
func TestExportKeepsEncoded(t *testing.T) {
	a := &analysis.Analyzer{Name: "labels", FactTypes: []analysis.Fact{new(labelFact)}}
	var ft factTable
	ft.init([]*analysis.Analyzer{a})
	pkg := types.NewPackage("example.com/p", "p")
	obj := types.NewTypeName(token.NoPos, pkg, "User", nil)
	exporter := &analysis.Pass{Pkg: pkg}
	ft.bind(exporter, a)
	sent := &labelFact{Labels: []string{"User.Email"}}
	exporter.ExportObjectFact(obj, sent)
	if f := ft.obj[objectKey{obj, reflect.TypeOf(sent)}]; reflect.TypeOf(f) != reflect.TypeOf(&rawFact{}) {
		t.Errorf("the table keeps a %T, want the fact encoded", f)
	}
	importer := &analysis.Pass{Pkg: types.NewPackage("example.com/q", "q")}
	ft.bind(importer, a)
	var got labelFact
	if !importer.ImportObjectFact(obj, &got) || !reflect.DeepEqual(&got, sent) {
		t.Errorf("imported %+v, want %+v", got, sent)
	}
}
