package cli

import (
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/datagate/datagate/internal/testutil"
)

// TestInGoroot: standard library packages, cgo ones included (their
// compiled files lie in the build cache), are types-only; the module's
// are not.
func TestInGoroot(t *testing.T) {
	pkgs, err := packages.Load(&packages.Config{Mode: loadMode, Dir: testutil.Testdata(t, "demo")}, "strings", "net", "os/user", "./api")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pkgs {
		want := p.PkgPath != "example.com/shop/api"
		if got := inGoroot(p); got != want {
			t.Errorf("inGoroot(%s) = %v, want %v (Dir %q, CompiledGoFiles %q)", p.PkgPath, got, want, p.Dir, p.CompiledGoFiles)
		}
	}
	if len(pkgs) != 4 {
		t.Errorf("loaded %d packages, want 4", len(pkgs))
	}
}
