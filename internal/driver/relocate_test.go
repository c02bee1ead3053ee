package driver_test

import (
	"encoding/json"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/datagate/datagate/internal/driver"
	"github.com/datagate/datagate/internal/testutil"
)

// pos is a position as lineage.Position encodes it.
type pos struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
}

// pathFact holds, for a function, the position of its declaration and
// those of the functions of other packages it calls, as the engine's
// summaries hold the steps of a path.
type pathFact struct {
	Path []pos `json:"path"`
}

func (*pathFact) AFact() {}

// pathRecord is one function of a root and its path: the result of the
// paths analyzer.
type pathRecord struct {
	Func string `json:"func"`
	Path []pos  `json:"path"`
	// Field, when the function takes a struct of another package, is the
	// position of its first field, found through the types and not
	// through a fact.
	Field *pos `json:"field,omitempty"`
}

// pathSuite is an analyzer that exports a pathFact for each function and
// returns the paths of its package's functions, counting the packages it
// ran on.
type pathSuite struct {
	a   *analysis.Analyzer
	mu  sync.Mutex
	ran []string
}

func newPathSuite() *pathSuite {
	s := &pathSuite{}
	s.a = &analysis.Analyzer{
		Name:       "paths",
		Doc:        "exports the positions of each function's calls into other packages",
		FactTypes:  []analysis.Fact{new(pathFact)},
		ResultType: reflect.TypeFor[[]pathRecord](),
		Run:        s.run,
	}
	return s
}

func (s *pathSuite) run(pass *analysis.Pass) (any, error) {
	s.mu.Lock()
	s.ran = append(s.ran, pass.Pkg.Path())
	s.mu.Unlock()
	at := func(p token.Pos) pos {
		q := pass.Fset.Position(p)
		return pos{File: q.Filename, Line: q.Line, Col: q.Column}
	}
	var out []pathRecord
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			rec := pathRecord{Func: fn.Name(), Path: []pos{at(fd.Name.Pos())}}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok {
					if callee, ok := pass.TypesInfo.Uses[sel.Sel].(*types.Func); ok && callee.Pkg() != pass.Pkg {
						var fact pathFact
						if pass.ImportObjectFact(callee, &fact) {
							rec.Path = append(rec.Path, fact.Path...)
						}
					}
				}
				return true
			})
			params := fn.Type().(*types.Signature).Params()
			if params.Len() > 0 {
				if st, ok := params.At(0).Type().Underlying().(*types.Struct); ok && st.NumFields() > 0 {
					// The line alone: a field's column is not kept
					// when low's types come from export data.
					p := at(st.Field(0).Pos())
					p.Col = 0
					rec.Field = &p
				}
			}
			pass.ExportObjectFact(fn, &pathFact{Path: rec.Path})
			out = append(out, rec)
		}
	}
	return out, nil
}

func (s *pathSuite) ranOn() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := slices.Clone(s.ran)
	slices.Sort(out)
	return out
}

// pathModule: app calls mid, which calls low; lone takes low's struct,
// whose field's position it finds through the types alone.
var pathModule = map[string]string{
	"go.mod": "module example.com/m\n\ngo 1.22\n",
	"low/low.go": "package low\n\nfunc First() int { return 1 }\n\nfunc Second() int { return 2 }\n\n" +
		"type Pair struct {\n\tA, B int\n}\n",
	"mid/mid.go":   "package mid\n\nimport \"example.com/m/low\"\n\nfunc Mid() int { return low.First() + low.Second() }\n",
	"app/app.go":   "package app\n\nimport \"example.com/m/mid\"\n\nfunc App() int { return mid.Mid() }\n",
	"lone/lone.go": "package lone\n\nimport \"example.com/m/low\"\n\nfunc Lone(p low.Pair) int { return p.A }\n",
}

// runPaths analyses app and lone (every package, test variants included,
// with tests set) with the cache in dir (none when dir is "") and returns
// the results of the roots, as JSON, the packages analysed and those
// restored with their positions moved.
func runPaths(t *testing.T, mod, dir string, tests bool) (res string, ran, moved []string) {
	t.Helper()
	opts := &driver.Options{TypesOnly: isStd, Codec: jsonCodec[[]pathRecord]{}, Salt: func(*packages.Package) string { return "p" }}
	if dir != "" {
		c, err := driver.OpenCache(dir)
		if err != nil {
			t.Fatal(err)
		}
		opts.Cache = c
	}
	roots := load(t, mod, "./app", "./lone")
	if tests {
		var err error
		roots, err = packages.Load(&packages.Config{Mode: driver.LoadMode, Dir: mod, Tests: true}, "./...")
		if err != nil {
			t.Fatal(err)
		}
	}
	s := newPathSuite()
	g, err := driver.Analyze([]*analysis.Analyzer{s.a}, roots, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range g.All {
		if a.Moved {
			moved = append(moved, a.Package.ID)
		}
	}
	slices.Sort(moved)
	results := make(map[string]any)
	for _, r := range g.Roots {
		if !r.Analysed() {
			t.Fatalf("%s not analysed: %v %v", r.Package.ID, r.Errors, r.Err)
		}
		results[r.Package.ID] = r.Results[s.a]
	}
	js, err := json.MarshalIndent(results, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(string(js), mod, "$MOD"), s.ranOn(), moved
}

// TestCacheMovedCode: code that moves without changing what it does (a
// comment line above it) is analysed alone; the packages above it are
// restored with their facts' and results' positions in it moved to where
// a fresh analysis puts them, and again when it moves back. Code whose
// positions change order is a change: what imports it is analysed. So is
// a position the importer found through the types alone (lone's field).
func TestCacheMovedCode(t *testing.T) {
	mod := testutil.WriteModule(t, pathModule)
	dir := t.TempDir()
	fresh := func() string {
		res, _, _ := runPaths(t, mod, "", false)
		return res
	}
	step := func(name, lowSrc string, wantRan, wantMoved []string) {
		t.Helper()
		testutil.WriteFile(t, mod, "low/low.go", lowSrc)
		res, ran, moved := runPaths(t, mod, dir, false)
		if !slices.Equal(ran, wantRan) {
			t.Errorf("%s: analysed %v, want %v", name, ran, wantRan)
		}
		if !slices.Equal(moved, wantMoved) {
			t.Errorf("%s: positions moved in %v, want %v", name, moved, wantMoved)
		}
		if want := fresh(); res != want {
			t.Errorf("%s: results\n%s\nwant (no cache)\n%s", name, res, want)
		}
	}
	orig := pathModule["low/low.go"]
	all := []string{"example.com/m/app", "example.com/m/lone", "example.com/m/low", "example.com/m/mid"}
	above := []string{"example.com/m/app", "example.com/m/mid"}
	step("cold", orig, all, nil)
	step("warm", orig, nil, nil)

	// Functions move down two lines, the struct too: app's path and
	// mid's are moved; lone found the field's position through the types
	// alone, so it cannot be moved and lone is analysed again.
	moved := strings.Replace(orig, "package low\n", "package low\n\n// Moved.\n", 1)
	step("moved", moved, []string{"example.com/m/lone", "example.com/m/low"}, above)
	if res, _, _ := runPaths(t, mod, dir, false); !strings.Contains(res, `"line": 5`) {
		t.Errorf("after the move, no position on line 5 (First):\n%s", res)
	}
	// low's first entry is found again: only lone is analysed; app, a
	// root, is moved back. mid, which nothing analysed needs, is left
	// as it is: its entry still holds the positions of the move.
	step("moved back", orig, []string{"example.com/m/lone"}, []string{"example.com/m/app"})

	// A comment at the end: low changed, its positions did not. app's
	// entry only notes low's new sum; mid's is moved from where the move
	// put them; lone, whose field position no list holds, is analysed
	// at every change of low.
	step("appended", orig+"\n// The end.\n", []string{"example.com/m/lone", "example.com/m/low"}, []string{"example.com/m/mid"})

	// First and Second change places: their positions change order, and
	// mid, which holds both, is analysed again, and app above it.
	swapped := "package low\n\nfunc Second() int { return 2 }\n\nfunc First() int { return 1 }\n\n" +
		"type Pair struct {\n\tA, B int\n}\n"
	step("swapped", swapped, all, nil)
}

// TestCacheMovedCodeOldEntryGone: an entry is moved from the list of the
// entry of the moved package it names; when that entry is gone (pruned),
// the package is analysed again.
func TestCacheMovedCodeOldEntryGone(t *testing.T) {
	mod := testutil.WriteModule(t, pathModule)
	dir := t.TempDir()
	runPaths(t, mod, dir, false)
	before := entries(t, dir)
	orig := pathModule["low/low.go"]
	testutil.WriteFile(t, mod, "low/low.go", strings.Replace(orig, "package low\n", "package low\n\n// Moved.\n", 1))
	// low's entry is the one entry that holds no import of a package of
	// the module: remove every entry but those of mid, app and lone,
	// found by what their position parts name.
	for path := range before {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), "low.go") || strings.Contains(string(data), "mid.go") ||
			strings.Contains(string(data), "app.go") || strings.Contains(string(data), "lone.go") {
			continue
		}
		if err := os.Remove(path); err != nil {
			t.Fatal(err)
		}
	}
	_, ran, _ := runPaths(t, mod, dir, false)
	want := []string{"example.com/m/app", "example.com/m/lone", "example.com/m/low", "example.com/m/mid"}
	if !slices.Equal(ran, want) {
		t.Errorf("with low's old entry gone, analysed %v, want %v", ran, want)
	}
}

// entries returns the cache's entry files.
func entries(t *testing.T, dir string) map[string]bool {
	t.Helper()
	out := make(map[string]bool)
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out[path] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCacheMovedCodeTestVariant: with tests loaded, low.go belongs to low
// and to low's test variant; an importer's positions in it are ranked by
// the list of the one it imports, so that when low.go moves, mid and app
// are moved as without tests (low and its variant analysed, lone too for
// its field), and give what a run without the cache gives.
func TestCacheMovedCodeTestVariant(t *testing.T) {
	files := maps.Clone(pathModule)
	files["low/low_test.go"] = "package low\n\nimport \"testing\"\n\nfunc TestFirst(t *testing.T) {\n\tif First() != 1 {\n\t\tt.Fail()\n\t}\n}\n"
	mod := testutil.WriteModule(t, files)
	dir := t.TempDir()
	runPaths(t, mod, dir, true)
	testutil.WriteFile(t, mod, "low/low.go", strings.Replace(files["low/low.go"], "package low\n", "package low\n\n// Moved.\n", 1))
	res, ran, moved := runPaths(t, mod, dir, true)
	if want := []string{"example.com/m/lone", "example.com/m/low", "example.com/m/low"}; !slices.Equal(ran, want) {
		t.Errorf("after the move, analysed %v; want %v (low and its test variant, and lone)", ran, want)
	}
	if want := []string{"example.com/m/app", "example.com/m/mid"}; !slices.Equal(moved, want) {
		t.Errorf("positions moved in %v; want %v", moved, want)
	}
	if want, _, _ := runPaths(t, mod, "", true); res != want {
		t.Errorf("results\n%s\nwant (no cache)\n%s", res, want)
	}
}
