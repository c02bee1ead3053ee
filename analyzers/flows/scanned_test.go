package flows

import (
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestScanned: which packages count as the code under scan (the larger
// work budget) and which as dependencies.
func TestScanned(t *testing.T) {
	for _, c := range []struct {
		m    *analysis.Module
		path string
		want bool
	}{
		{nil, "net/http", false},                           // standard library, standalone driver
		{&analysis.Module{Path: "std"}, "net/http", false}, // standard library, go vet
		{nil, "example.com/app", true},                     // analysistest, GOPATH style
		{&analysis.Module{Path: "example.com/app", Main: true}, "example.com/app/x", true},
		{&analysis.Module{Path: "example.com/lib"}, "example.com/lib", true}, // workspace module, no version
		{&analysis.Module{Path: "github.com/dep/lib", Version: "v1.2.3"}, "github.com/dep/lib", false},
		{&analysis.Module{Path: "github.com/ory/x", Version: "v0.0.1", Replace: &analysis.Module{Path: "./oryx"}}, "github.com/ory/x/fetcher", true},
		{&analysis.Module{Path: "github.com/a/b", Version: "v1.0.0", Replace: &analysis.Module{Path: "github.com/c/b", Version: "v1.0.1"}}, "github.com/a/b", false},
	} {
		if got := Scanned(c.m, c.path); got != c.want {
			t.Errorf("Scanned(%+v, %q) = %v, want %v", c.m, c.path, got, c.want)
		}
	}
}
