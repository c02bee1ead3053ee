package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/datagate/datagate/internal/testutil"
	"golang.org/x/tools/go/packages"
)

// describe writes what the scan uses of every package of the graph below
// roots, one entry per package ID.
func describe(roots []*packages.Package) map[string]string {
	out := make(map[string]string)
	packages.Visit(roots, nil, func(p *packages.Package) {
		var imps []string
		for path, imp := range p.Imports {
			imps = append(imps, path+"="+imp.ID)
		}
		slices.Sort(imps)
		mod := "none"
		if m := p.Module; m != nil {
			mod = fmt.Sprintf("%s %s main=%v dir=%s go=%s", m.Path, m.Version, m.Main, m.Dir, m.GoVersion)
			if r := m.Replace; r != nil {
				mod += fmt.Sprintf(" => %s %s %s", r.Path, r.Version, r.Dir)
			}
		}
		sizes := "nil"
		if p.TypesSizes != nil {
			sizes = fmt.Sprintf("%#v", reflect.ValueOf(p.TypesSizes).Elem().Interface())
		}
		out[p.ID] = fmt.Sprintf("name %s path %s\ngo %v\ncompiled %v\nother %v\nignored %v\nembed %v\nimports %v\nmodule %s\nerrors %v\nsizes %s\n",
			p.Name, p.PkgPath, p.GoFiles, p.CompiledGoFiles, p.OtherFiles, p.IgnoredFiles, p.EmbedFiles, strings.Join(imps, " "), mod, p.Errors, sizes)
	})
	return out
}

// TestLoadPackagesAsLoad: loadPackages gives the graph packages.Load gives
// with loadMode (files, compiled files, imports, errors, sizes), for a
// module with a cgo package, and one without, with and without tests;
// with a file index that names the cgo packages of the last scan (a
// test variant among them or not), names one that no longer uses cgo,
// or names none.
func TestLoadPackagesAsLoad(t *testing.T) {
	t.Setenv("CGO_ENABLED", "1")
	// The cgo module, with a test of its cgo package (a test variant
	// that uses cgo, with -tests).
	cgoDir := testutil.CopyTestdata(t, "robust", "cgo")
	testutil.WriteFile(t, cgoDir, "native/native_test.go", "package native\n\nimport \"testing\"\n\nfunc TestNothing(t *testing.T) {}\n")
	for _, mod := range [][]string{{"robust", "cgo"}, {"demo"}} {
		dir := testutil.Testdata(t, mod...)
		if mod[0] == "robust" {
			dir = cgoDir
		}
		for _, tests := range []bool{false, true} {
			cfg := func() *packages.Config { return &packages.Config{Mode: loadMode, Dir: dir, Tests: tests} }
			want, err := packages.Load(cfg(), "./...")
			if err != nil {
				t.Fatal(err)
			}
			wantDesc := describe(want)
			for _, last := range [][]string{nil, {"example.com/robust/cgo/native", "net"}, {"example.com/robust/cgo/native [example.com/robust/cgo/native.test]"}, {"example.com/robust/cgo/model"}} {
				what := fmt.Sprintf("%s, tests=%v, cgo packages of the last scan %v", filepath.Join(mod...), tests, last)
				index := make(chan *fileIndex, 1)
				index <- &fileIndex{path: filepath.Join(t.TempDir(), "index"), oldCgo: last}
				got, idx, err := loadPackages(cfg(), index, "./...")
				if err != nil {
					t.Fatalf("%s: %v", what, err)
				}
				if len(got) != len(want) {
					t.Errorf("%s: %d roots, want %d", what, len(got), len(want))
				}
				gotDesc := describe(got)
				for id, w := range wantDesc {
					if g, ok := gotDesc[id]; !ok {
						t.Errorf("%s: %s missing", what, id)
					} else if g != w {
						t.Errorf("%s: %s:\n%s", what, id, testutil.FirstDiff(w, g))
					}
				}
				for id := range gotDesc {
					if _, ok := wantDesc[id]; !ok {
						t.Errorf("%s: %s listed, packages.Load does not list it", what, id)
					}
				}
				if mod[0] == "robust" && !slices.Contains(idx.cgo, "example.com/robust/cgo/native") {
					t.Errorf("%s: the index keeps %v as the cgo packages, want native among them", what, idx.cgo)
				}
			}
		}
	}
}

// TestParseImportsC: the imports of a file cut anywhere are known only
// when something other than an import follows them whole.
func TestParseImportsC(t *testing.T) {
	src := "// Package p.\npackage p\n\n/*\n#include <stdio.h>\n*/\nimport \"C\"\n\nimport (\n\t\"fmt\"\n)\n\nfunc F() { fmt.Println() }\n"
	plain := strings.Replace(src, "import \"C\"\n", "", 1)
	late := "package p\n\nimport \"fmt\"\nimport \"C\"\n\nvar X = 1\n"
	for _, c := range []struct {
		name string
		src  string
		cgo  bool
	}{{"cgo", src, true}, {"plain", plain, false}, {"late", late, true}} {
		if got, _ := parseImportsC([]byte(c.src), false); got != c.cgo {
			t.Errorf("%s: whole file: imports C %v, want %v", c.name, got, c.cgo)
		}
		for i := 0; i <= len(c.src); i++ {
			cgo, ok := parseImportsC([]byte(c.src[:i]), true)
			if ok && cgo != c.cgo {
				t.Errorf("%s cut at %d (%q): imports C %v, want %v", c.name, i, c.src[:i], cgo, c.cgo)
			}
		}
		if _, ok := parseImportsC([]byte(c.src[:len(c.src)-3]), true); !ok {
			t.Errorf("%s: cut in its last declaration: imports not known", c.name)
		}
	}
	// A header longer than the chunk is read whole.
	long := "package p\n\n/*\n" + strings.Repeat("// padding\n", headerChunk/8) + "*/\nimport \"C\"\n"
	name := filepath.Join(t.TempDir(), "long.go")
	if err := os.WriteFile(name, []byte(long), 0o666); err != nil {
		t.Fatal(err)
	}
	if cgo, err := fileImportsC(name, make([]byte, headerChunk)); err != nil || !cgo {
		t.Errorf("a cgo file with a long preamble: imports C %v, %v", cgo, err)
	}
}

// TestLoadPackagesIndex: after a scan with a file index, the next finds
// the cgo packages reading only the headers of the files the index does
// not hold (a cgo package's files that import "C", which are never
// compiled as they are): the same cgo packages, the same graph as
// packages.Load's.
func TestLoadPackagesIndex(t *testing.T) {
	t.Setenv("CGO_ENABLED", "1")
	dir := testutil.CopyTestdata(t, "robust", "cgo")
	cache := t.TempDir()
	later := time.Now().Add(time.Hour) // every file past the guard
	cfg := func() *packages.Config { return &packages.Config{Mode: loadMode, Dir: dir} }
	scan := func() ([]*packages.Package, *fileIndex) {
		t.Helper()
		index := make(chan *fileIndex, 1)
		index <- openFileIndex(cache, "k", later)
		pkgs, idx, err := loadPackages(cfg(), index, "./...")
		if err != nil {
			t.Fatal(err)
		}
		roots := rootPackages(pkgs)
		programNames(roots, typesOnly(roots), idx)
		idx.wait()
		return pkgs, idx
	}
	scan()
	next := openFileIndex(cache, "k", later)
	model := filepath.Join(dir, "model", "model.go")
	if native := filepath.Join(dir, "native", "native.go"); !next.knows(model) || next.knows(native) {
		t.Errorf("the index knows model.go: %v, native.go (imports C): %v; want true, false", next.knows(model), next.knows(native))
	}
	got, idx := scan()
	if want := []string{"example.com/robust/cgo/native"}; !slices.Equal(idx.cgo, want) {
		t.Errorf("second scan: cgo packages %v, want %v", idx.cgo, want)
	}
	want, err := packages.Load(cfg(), "./...")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(describe(got), describe(want)) {
		t.Error("second scan: the graph differs from packages.Load's")
	}
}
