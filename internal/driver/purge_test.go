package driver

import (
	"bytes"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPurgeBodiesShapes: the bodies of declared functions go, whatever
// their signatures hold, and so do the insides of package variables'
// literals, except arrays sized by their elements; type bodies and
// bodiless declarations stay; every line break stays where it was.
func TestPurgeBodiesShapes(t *testing.T) {
	src := `package p

import "fmt"

var table = [...]int{1, 2, 3}

var hook = func() { fmt.Println("hook body") }

var (
	names = map[string]struct{ N int }{"a": {1}, "b": {2}}
	sized = [...]struct{ K string }{{"k1"}, {"k2"}}
	typed struct{ T int }
	pair  = f([...]int{7, 8}, []int{9})
)

type S struct{ A int }

func plain(x int) int { return x + len(table) }

func result() struct{ B string } {
	return struct{ B string }{"gone"}
}

func generic[T interface{ ~int | ~string }](v T) T {
	s := ` + "`raw\n{string`" + `
	_ = s
	return v
}

func (s *S) method() func() int { return func() int { return s.A } }

func fromAsm(x int) int

func nested(m map[string]struct{}) { if true { for { break } } }
`
	got := string(purgeBodies([]byte(src)))
	if len(got) != len(src) {
		t.Fatalf("length %d, want %d", len(got), len(src))
	}
	for i := range src {
		if (src[i] == '\n') != (got[i] == '\n') {
			t.Fatalf("line break moved at offset %d:\n%s", i, got)
		}
	}
	for _, gone := range []string{"len(table)", `"gone"`, "raw", "_ = s", "return s.A", "break", "hook body", `"a": {1}`, "9"} {
		if strings.Contains(got, gone) {
			t.Errorf("%s is still there:\n%s", gone, got)
		}
	}
	for _, kept := range []string{"[...]int{1, 2, 3}", "struct{ A int }", "struct{ B string } {", "interface{ ~int | ~string }", "func fromAsm(x int) int\n", "map[string]struct{}", "map[string]struct{ N int }{", `{{"k1"}, {"k2"}}`, "struct{ T int }", "[...]int{7, 8}"} {
		if !strings.Contains(got, kept) {
			t.Errorf("%s is gone:\n%s", kept, got)
		}
	}
	if _, err := parser.ParseFile(token.NewFileSet(), "p.go", got, 0); err != nil {
		t.Errorf("purged file does not parse: %v\n%s", err, got)
	}
	for _, keep := range []string{"package p\n//line x.go:1\nfunc f() { g() }\n", "package p\nfunc f() { if x {\n"} {
		if got := purgeBodies([]byte(keep)); !bytes.Equal(got, []byte(keep)) {
			t.Errorf("purgeBodies(%q) = %q, want it unchanged", keep, got)
		}
	}
}

// TestPurgeBodiesStd: type-checked without function bodies, standard
// library packages declare the same objects, with the same types, at the
// same positions, from their purged files as from their files.
func TestPurgeBodiesStd(t *testing.T) {
	// Imports are left empty (the same on both sides): what is compared
	// is what the files themselves declare.
	imp := importerFunc(func(path string) (*types.Package, error) {
		p := types.NewPackage(path, filepath.Base(path))
		p.MarkComplete()
		return p, nil
	})
	for _, path := range []string{"net/http", "encoding/json", "go/types", "unicode", "crypto/tls", "runtime"} {
		bp, err := build.Default.Import(path, "", 0)
		if err != nil {
			t.Fatal(err)
		}
		var errs []string
		check := func(purge bool) string {
			fset := token.NewFileSet()
			var files []*ast.File
			for _, name := range bp.GoFiles {
				name = filepath.Join(bp.Dir, name)
				src, err := os.ReadFile(name)
				if err != nil {
					t.Fatal(err)
				}
				if purge {
					src = purgeBodies(src)
				}
				f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
				if err != nil {
					t.Fatalf("%s (purged: %v): %v", name, purge, err)
				}
				files = append(files, f)
			}
			errs = nil
			conf := types.Config{IgnoreFuncBodies: true, Importer: imp, Error: func(err error) { errs = append(errs, err.Error()) }}
			pkg, _ := conf.Check(path, fset, files, nil)
			var b strings.Builder
			scope := pkg.Scope()
			for _, name := range scope.Names() {
				obj := scope.Lookup(name)
				b.WriteString(fset.Position(obj.Pos()).String() + " " + types.ObjectString(obj, nil) + "\n")
				if tn, ok := obj.(*types.TypeName); ok {
					if named, ok := tn.Type().(*types.Named); ok {
						for m := range named.Methods() {
							b.WriteString("  " + fset.Position(m.Pos()).String() + " " + m.String() + "\n")
						}
					}
				}
			}
			return b.String()
		}
		a := check(false)
		before := make(map[string]bool)
		for _, e := range errs {
			before[e] = true
		}
		b := check(true)
		if a != b {
			al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
			for i := range min(len(al), len(bl)) {
				if al[i] != bl[i] {
					t.Errorf("%s: the purged files declare something else:\n%s\n%s", path, al[i], bl[i])
					break
				}
			}
		}
		// No new error (the empty imports give some): blanking removes
		// uses only, and an import used only there is not reported unused
		// when bodies are ignored.
		for _, e := range errs {
			if !before[e] {
				t.Errorf("%s: an error only when purged: %s", path, e)
			}
		}
	}
}
