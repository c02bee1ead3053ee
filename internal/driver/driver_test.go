package driver_test

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/datagate/datagate/internal/driver"
	"github.com/datagate/datagate/internal/testutil"
)

// depthFact records, for a function, how many packages deep its chain of
// calls into other packages goes: a fact that only reaches a package
// through its imports' facts.
type depthFact struct{ Depth int }

func (*depthFact) AFact()           {}
func (f *depthFact) String() string { return fmt.Sprintf("depth(%d)", f.Depth) }

// otherFact belongs to another analyzer; depth must not see it.
type otherFact struct{}

func (*otherFact) AFact() {}

// suite is a pair of analyzers: depth exports a depthFact for every
// function (1 + the deepest depth among the functions of other packages it
// calls); report, which requires depth, runs on roots only and lists the
// depths of the package's functions. It also counts the packages each
// analyzer ran on.
type suite struct {
	depth, other, report *analysis.Analyzer

	mu  sync.Mutex
	ran map[string][]string // analyzer name -> package paths
	// panicIn makes depth panic on the package with this path.
	panicIn string
	// foreignExport makes depth export a fact about an imported object in
	// the package with this path.
	foreignExport string
	// appFacts are depth's AllObjectFacts and AllPackageFacts as seen
	// from example.com/m/app, before it exports its own.
	appFacts []string
}

func newSuite() *suite {
	s := &suite{ran: make(map[string][]string)}
	s.other = &analysis.Analyzer{
		Name:      "other",
		Doc:       "exports an otherFact on every function",
		FactTypes: []analysis.Fact{new(otherFact)},
		Run: func(pass *analysis.Pass) (any, error) {
			s.record("other", pass)
			for _, name := range pass.Pkg.Scope().Names() {
				if fn, ok := pass.Pkg.Scope().Lookup(name).(*types.Func); ok {
					pass.ExportObjectFact(fn, new(otherFact))
				}
			}
			return nil, nil
		},
	}
	s.depth = &analysis.Analyzer{
		Name:       "depth",
		Doc:        "exports the depth of each function's calls into other packages",
		Requires:   []*analysis.Analyzer{s.other},
		FactTypes:  []analysis.Fact{new(depthFact)},
		ResultType: reflect.TypeFor[map[string]int](),
		Run:        s.runDepth,
	}
	s.report = &analysis.Analyzer{
		Name:       "report",
		Doc:        "reports the depth of every function",
		Requires:   []*analysis.Analyzer{s.depth},
		ResultType: reflect.TypeFor[[]string](),
		Run: func(pass *analysis.Pass) (any, error) {
			s.record("report", pass)
			depths := pass.ResultOf[s.depth].(map[string]int)
			var out []string
			for name, d := range depths {
				out = append(out, fmt.Sprintf("%s=%d", name, d))
				pass.Reportf(pass.Files[0].Package, "%s has depth %d", name, d)
			}
			sort.Strings(out)
			return out, nil
		},
	}
	return s
}

func (s *suite) record(name string, pass *analysis.Pass) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ran[name] = append(s.ran[name], pass.Pkg.Path())
}

func (s *suite) ranOn(name string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := slices.Clone(s.ran[name])
	sort.Strings(out)
	return out
}

func (s *suite) runDepth(pass *analysis.Pass) (any, error) {
	s.record("depth", pass)
	if pass.Pkg.Path() == s.panicIn {
		panic("boom")
	}
	if pass.Pkg.Path() == "example.com/m/app" {
		for _, f := range pass.AllObjectFacts() {
			s.appFacts = append(s.appFacts, fmt.Sprintf("%s.%s %v", f.Object.Pkg().Name(), f.Object.Name(), f.Fact))
		}
		for _, f := range pass.AllPackageFacts() {
			s.appFacts = append(s.appFacts, fmt.Sprintf("package %s %v", f.Package.Name(), f.Fact))
		}
	}
	depths := make(map[string]int)
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			d := 1
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				callee, ok := pass.TypesInfo.Uses[sel.Sel].(*types.Func)
				if !ok || callee.Pkg() == pass.Pkg {
					return true
				}
				if pass.Pkg.Path() == s.foreignExport {
					pass.ExportObjectFact(callee, &depthFact{Depth: 99})
				}
				var of otherFact
				if pass.ImportObjectFact(callee, &of) {
					panic("depth saw a fact of another analyzer")
				}
				var df depthFact
				if pass.ImportObjectFact(callee, &df) && df.Depth+1 > d {
					d = df.Depth + 1
				}
				return true
			})
			fn := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			pass.ExportObjectFact(fn, &depthFact{Depth: d})
			depths[fn.Name()] = d
		}
	}
	return depths, nil
}

// chain is a module of four packages: app imports mid, which imports low
// and strings (the standard library); lone imports nothing of the module.
var chain = map[string]string{
	"go.mod":        "module example.com/m\n\ngo 1.22\n",
	"low/low.go":    "package low\n\nfunc Low() int { return 1 }\n",
	"mid/mid.go":    "package mid\n\nimport (\n\t\"strings\"\n\n\t\"example.com/m/low\"\n)\n\nfunc Mid() int { return low.Low() + len(strings.TrimSpace(\" x \")) }\n",
	"app/app.go":    "package app\n\nimport \"example.com/m/mid\"\n\nfunc App() int { return mid.Mid() }\n\nfunc Local() int { return 0 }\n",
	"lone/lone.go":  "package lone\n\nfunc Lone() {}\n",
	"broken/b.go":   "package broken\n\nfunc B() int { return \"not an int\" }\n",
	"user/user.go":  "package user\n\nimport \"example.com/m/broken\"\n\nfunc U() int { return broken.B() }\n",
	"parse/p.go":    "package parse\n\nfunc P( {\n",
	"listerr/le.go": "package listerr\n\nimport \"example.com/m/missing\"\n\nvar _ = missing.X\n",
}

func load(t *testing.T, dir string, patterns ...string) []*packages.Package {
	t.Helper()
	pkgs, err := packages.Load(&packages.Config{Mode: driver.LoadMode, Dir: dir}, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	return pkgs
}

func isStd(p *packages.Package) bool { return p.Module == nil }

func byPath(g *driver.Graph) map[string]*driver.Action {
	out := make(map[string]*driver.Action)
	for _, a := range g.All {
		out[a.Package.PkgPath] = a
	}
	return out
}

func TestFactsFlowInImportOrder(t *testing.T) {
	dir := testutil.WriteModule(t, chain)
	roots := load(t, dir, "./app", "./lone")
	s := newSuite()
	g, err := driver.Analyze([]*analysis.Analyzer{s.report}, roots, &driver.Options{TypesOnly: isStd})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Roots) != 2 || g.Roots[0].Package.PkgPath != "example.com/m/app" || g.Roots[1].Package.PkgPath != "example.com/m/lone" {
		t.Fatalf("roots = %v, want app and lone in the order given", g.Roots)
	}
	for _, root := range g.Roots {
		if !root.Analysed() {
			t.Fatalf("%v not analysed", root)
		}
	}
	got := g.Roots[0].Results[s.report].([]string)
	if want := []string{"App=3", "Local=1"}; !slices.Equal(got, want) {
		t.Errorf("app's depths = %v, want %v (Low 1, Mid 2 through low's fact, App 3 through mid's)", got, want)
	}
	if len(g.Roots[0].Diagnostics) != 2 || !strings.Contains(g.Roots[0].Diagnostics[0].Message, "has depth") {
		t.Errorf("diagnostics of app = %v, want the two reports", g.Roots[0].Diagnostics)
	}
	// depth (and other, which it requires) ran on the module's packages,
	// never on the standard library; report on the roots only.
	if got, want := s.ranOn("depth"), []string{"example.com/m/app", "example.com/m/lone", "example.com/m/low", "example.com/m/mid"}; !slices.Equal(got, want) {
		t.Errorf("depth ran on %v, want %v", got, want)
	}
	if got, want := s.ranOn("other"), s.ranOn("depth"); !slices.Equal(got, want) {
		t.Errorf("other ran on %v, want %v (what depth ran on)", got, want)
	}
	if got, want := s.ranOn("report"), []string{"example.com/m/app", "example.com/m/lone"}; !slices.Equal(got, want) {
		t.Errorf("report ran on %v, want the roots %v", got, want)
	}
	acts := byPath(g)
	if acts["strings"] == nil || len(acts["strings"].Errors) > 0 {
		t.Errorf("strings should be checked (types only) without errors: %v", acts["strings"])
	}
	// lone's facts are not visible from app, nor other's facts to depth.
	if want := []string{"low.Low depth(1)", "mid.Mid depth(2)"}; !slices.Equal(s.appFacts, want) {
		t.Errorf("AllObjectFacts from app = %q, want %q", s.appFacts, want)
	}
	if _, ok := g.Roots[0].Results[s.depth]; ok || len(g.Roots[0].Results) != 1 {
		t.Errorf("app keeps results of analyzers not asked for: %v", g.Roots[0].Results)
	}
	if acts["example.com/m/mid"].Results != nil {
		t.Errorf("a dependency keeps its results: %v", acts["example.com/m/mid"].Results)
	}
	if !sort.SliceIsSorted(g.All, func(i, j int) bool { return g.All[i].Package.ID < g.All[j].Package.ID }) {
		t.Error("Graph.All is not sorted by package ID")
	}
}

func TestFailuresStopDependents(t *testing.T) {
	dir := testutil.WriteModule(t, chain)
	roots := load(t, dir, "./...")
	s := newSuite()
	s.panicIn = "example.com/m/low"
	g, err := driver.Analyze([]*analysis.Analyzer{s.report}, roots, &driver.Options{TypesOnly: isStd})
	if err != nil {
		t.Fatal(err)
	}
	acts := byPath(g)
	check := func(path string, ok func(*driver.Action) bool, what string) {
		t.Helper()
		a := acts["example.com/m/"+path]
		if a == nil {
			t.Fatalf("no action for %s", path)
		}
		if !ok(a) {
			t.Errorf("%s: %v; want %s", path, a, what)
		}
	}
	check("low", func(a *driver.Action) bool {
		return a.Err != nil && strings.Contains(a.Err.Error(), "internal error: panic in depth") && strings.Contains(a.Err.Error(), "boom")
	}, "a panic turned into an internal error")
	check("mid", func(a *driver.Action) bool { return slices.Equal(a.FailedDeps, []string{"example.com/m/low"}) }, "not analysed because of low")
	check("app", func(a *driver.Action) bool { return slices.Equal(a.FailedDeps, []string{"example.com/m/low"}) }, "not analysed because of low (indirectly)")
	check("broken", func(a *driver.Action) bool {
		return len(a.Errors) == 1 && a.Errors[0].Kind == packages.TypeError && strings.HasSuffix(a.Errors[0].Pos, "b.go:3:23") && a.Results == nil
	}, "one type error at b.go:3:23, not analysed")
	check("user", func(a *driver.Action) bool { return slices.Equal(a.FailedDeps, []string{"example.com/m/broken"}) }, "not analysed because of broken")
	check("parse", func(a *driver.Action) bool { return len(a.Errors) > 0 && a.Errors[0].Kind == packages.ParseError }, "a parse error")
	check("listerr", func(a *driver.Action) bool { return len(a.Errors) > 0 && !a.Analysed() }, "load errors, not analysed")
	check("lone", (*driver.Action).Analysed, "analysed: it imports nothing that failed")
	if slices.Contains(s.ranOn("depth"), "example.com/m/mid") {
		t.Error("depth ran on mid, whose import failed")
	}
}

// TestTypesOnly: a types-only dependency is checked without its function
// bodies (an error inside one is not seen) and not analysed; its importers
// are.
func TestTypesOnly(t *testing.T) {
	dir := testutil.WriteModule(t, chain)
	s := newSuite()
	typesOnly := func(p *packages.Package) bool { return isStd(p) || p.PkgPath == "example.com/m/broken" }
	g, err := driver.Analyze([]*analysis.Analyzer{s.report}, load(t, dir, "./user"), &driver.Options{TypesOnly: typesOnly})
	if err != nil {
		t.Fatal(err)
	}
	acts := byPath(g)
	if b := acts["example.com/m/broken"]; len(b.Errors) > 0 || b.Results != nil {
		t.Errorf("broken, types only: %v; want no errors (its body is not checked) and no results", b)
	}
	if !g.Roots[0].Analysed() {
		t.Errorf("user: %v; want it analysed", g.Roots[0])
	}
	if got, want := s.ranOn("depth"), []string{"example.com/m/user"}; !slices.Equal(got, want) {
		t.Errorf("depth ran on %v, want only %v", got, want)
	}
}

func TestForeignFactIsAnError(t *testing.T) {
	dir := testutil.WriteModule(t, chain)
	s := newSuite()
	s.foreignExport = "example.com/m/mid"
	g, err := driver.Analyze([]*analysis.Analyzer{s.report}, load(t, dir, "./app"), nil)
	if err != nil {
		t.Fatal(err)
	}
	mid := byPath(g)["example.com/m/mid"]
	if mid.Err == nil || !strings.Contains(mid.Err.Error(), "not in package example.com/m/mid") {
		t.Errorf("mid: %v; want an internal error for the fact about low.Low", mid)
	}
}

// TestDeterministic runs the suite over the module with one worker and
// with eight and compares everything the graph holds.
func TestDeterministic(t *testing.T) {
	dir := testutil.WriteModule(t, chain)
	roots := load(t, dir, "./...")
	describe := func(par int) string {
		s := newSuite()
		g, err := driver.Analyze([]*analysis.Analyzer{s.report}, roots, &driver.Options{Parallelism: par, TypesOnly: isStd})
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, a := range g.All {
			fmt.Fprintf(&b, "%s errs=%v deps=%v err=%v res=%v\n", a.Package.ID, a.Errors, a.FailedDeps, a.Err != nil, a.Results[s.report])
		}
		return b.String()
	}
	one := describe(1)
	for range 3 {
		if many := describe(8); many != one {
			t.Fatalf("parallel run differs:\n%s", testutil.FirstDiff(one, many))
		}
	}
}

func TestBadInput(t *testing.T) {
	if _, err := driver.Analyze([]*analysis.Analyzer{{Name: "bad name!", Doc: "x", Run: func(*analysis.Pass) (any, error) { return nil, nil }}}, nil, nil); err == nil {
		t.Error("an invalid analyzer was accepted")
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedImports, Dir: testutil.WriteModule(t, chain)}, "./lone")
	if err != nil {
		t.Fatal(err)
	}
	s := newSuite()
	_, err = driver.Analyze([]*analysis.Analyzer{s.report}, pkgs, nil)
	if err == nil || !strings.Contains(err.Error(), "driver.LoadMode") {
		t.Errorf("packages loaded without files: err = %v, want one naming driver.LoadMode", err)
	}
}

// nameFact is a package fact: the package's name.
type nameFact struct{ Name string }

func (*nameFact) AFact() {}

// TestRelease: after Release the run's facts are gone (PackageFacts gives
// none) and the actions stay, with the roots' results.
func TestRelease(t *testing.T) {
	dir := testutil.WriteModule(t, chain)
	named := &analysis.Analyzer{
		Name:      "named",
		Doc:       "exports the package's name as a package fact",
		FactTypes: []analysis.Fact{new(nameFact)},
		Run: func(pass *analysis.Pass) (any, error) {
			pass.ExportPackageFact(&nameFact{Name: pass.Pkg.Name()})
			return nil, nil
		},
	}
	root := &analysis.Analyzer{
		Name:       "root",
		Doc:        "needs named",
		Requires:   []*analysis.Analyzer{named},
		ResultType: reflect.TypeFor[string](),
		Run:        func(pass *analysis.Pass) (any, error) { return pass.Pkg.Name(), nil },
	}
	g, err := driver.Analyze([]*analysis.Analyzer{root}, load(t, dir, "./app"), &driver.Options{TypesOnly: isStd})
	if err != nil {
		t.Fatal(err)
	}
	low := byPath(g)["example.com/m/low"]
	if facts := g.PackageFacts(low.Package); len(facts) != 1 || facts[0].(*nameFact).Name != "low" {
		t.Fatalf("low's package facts = %v, want its name", facts)
	}
	g.Release()
	if facts := g.PackageFacts(low.Package); facts != nil {
		t.Errorf("after Release, low's package facts = %v, want none", facts)
	}
	if len(g.All) != len(byPath(g)) || g.Roots[0].Results[root] != "app" {
		t.Errorf("after Release, actions %v, root results %v: want them kept", g.All, g.Roots[0].Results)
	}
}
