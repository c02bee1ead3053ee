package bench

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/datagate/datagate/internal/cli"
	"github.com/datagate/datagate/internal/testutil"
)

// The benchmarks' module size: go test -bench=. ./internal/bench -args -packages=300.
// The default keeps -benchtime=1x within a couple of minutes on two
// cores; cmd/datagate-bench measures the larger sizes.
var benchPackages = flag.Int("packages", 100, "number of packages of the module the benchmarks generate")

// fixture is the benchmarks' generated module, made once per test binary
// and removed by TestMain.
var fixture struct {
	once   sync.Once
	dir    string
	mod    *Module
	instrs int
	err    error
	remove string // the directory to remove when the tests end
}

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if fixture.remove != "" {
		os.RemoveAll(fixture.remove)
	}
	os.Exit(code)
}

// setup generates the benchmarks' module and counts its SSA instructions,
// once; the benchmarks' timers do not include it.
func setup(b *testing.B) (dir string, instrs int) {
	b.Helper()
	fixture.once.Do(func() {
		dir, err := os.MkdirTemp("", "datagate-bench-")
		if err != nil {
			fixture.err = err
			return
		}
		fixture.remove = dir
		if fixture.mod, err = Generate(dir, Config{Packages: *benchPackages}); err != nil {
			fixture.err = err
			return
		}
		fixture.dir = dir
		_, fixture.instrs, fixture.err = CountSSA(dir, "./...")
	})
	if fixture.err != nil {
		b.Fatal(fixture.err)
	}
	return fixture.dir, fixture.instrs
}

// BenchmarkScan is the full datagate scan of the generated module, through
// the command's entry point. ns/ssa-instr is the time per SSA instruction
// of the module's own packages (standard library not counted), so that
// runs of different sizes compare.
func BenchmarkScan(b *testing.B) {
	dir, instrs := setup(b)
	b.ReportAllocs()
	var st *Stats
	for b.Loop() {
		var err error
		if st, err = ScanStep(dir, []string{"./..."}, ""); err != nil {
			b.Fatal(err)
		}
	}
	// A module that gives no findings would measure an engine with
	// nothing to follow.
	if st.Findings == 0 || st.Errors > 0 {
		b.Fatalf("%d findings, %d package errors; want findings and no errors", st.Findings, st.Errors)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(instrs), "ns/ssa-instr")
	b.ReportMetric(float64(st.Findings), "findings")
}

// BenchmarkLoadSSA is the baseline BenchmarkScan is held against: load
// and type-check the whole import graph, and build SSA for all of it.
func BenchmarkLoadSSA(b *testing.B) {
	dir, instrs := setup(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := SSAStep(dir, []string{"./..."}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(instrs), "ns/ssa-instr")
}

// tiny is a module small enough for unit tests.
var tiny = Config{Packages: 7, Layers: 3, Steps: 2, Fillers: 1}

// TestGenerateTypeChecks checks that the generated module is valid Go: it
// loads and type-checks without errors (dependencies from export data, to
// stay fast), and has the shape asked for.
func TestGenerateTypeChecks(t *testing.T) {
	dir := t.TempDir()
	m, err := Generate(dir, tiny)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Packages) != tiny.Packages+1+5 {
		t.Errorf("got %d packages, want %d, 5 shapes and a main", len(m.Packages), tiny.Packages)
	}
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedImports | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo, Dir: dir}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) != len(m.Packages) {
		t.Errorf("loaded %d packages, want %d", len(pkgs), len(m.Packages))
	}
	for _, p := range pkgs {
		for _, e := range p.Errors {
			t.Errorf("%s: %v", p.PkgPath, e)
		}
	}
	// Every package but those of layer 0 imports Fanout packages of the
	// layer below; the main package imports the whole top layer.
	for _, p := range pkgs {
		var mine int
		for path := range p.Imports {
			if strings.HasPrefix(path, ModulePath+"/") {
				mine++
			}
		}
		switch {
		case p.Name == "main":
			if mine == 0 {
				t.Errorf("%s imports none of the module's packages", p.PkgPath)
			}
		case strings.Contains(p.PkgPath, "/l00/"), strings.Contains(p.PkgPath, "/shapes/"):
			if mine != 0 {
				t.Errorf("%s (layer 0) imports %d of the module's packages", p.PkgPath, mine)
			}
		default:
			if mine == 0 || mine > 3 {
				t.Errorf("%s imports %d of the module's packages, want 1 to 3", p.PkgPath, mine)
			}
		}
	}
}

// TestShapesScan checks that the shape packages carry the main package's
// user data to their exits: the scan reports each of the five calls in
// main that lead to one.
func TestShapesScan(t *testing.T) {
	if testing.Short() {
		t.Skip("scans a generated module")
	}
	dir := t.TempDir()
	if _, err := Generate(dir, tiny); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(dir, "cmd", "server", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	// Cold, then restored from the cache: the same output.
	t.Setenv(cli.CacheEnv, t.TempDir())
	var stdout, stderr, warm bytes.Buffer
	if code := cli.Main([]string{"-C", dir, "-fail-on", "none", "./..."}, &stdout, &stderr); code != cli.ExitOK {
		t.Fatalf("datagate exited with %d: %s", code, stderr.String())
	}
	if code := cli.Main([]string{"-C", dir, "-fail-on", "none", "-v", "./..."}, &warm, &stderr); code != cli.ExitOK {
		t.Fatalf("datagate exited with %d: %s", code, stderr.String())
	}
	if stdout.String() != warm.String() {
		t.Errorf("the scan restored from the cache differs:\n%s", testutil.FirstDiff(stdout.String(), warm.String()))
	}
	if !strings.Contains(stderr.String(), " 0 packages analysed,") {
		t.Errorf("the second scan analysed packages again:\n%s", stderr.String())
	}
	// The decorator's walk goes through more places than a coarse walk
	// keeps apart: its allocations are merged (lineage maxCoarsePts), and
	// its flow is still found (below).
	if merged := "decor.Decorator).Decorate: a value points to over 64 places: walked field-insensitively, its allocations as one place"; !strings.Contains(stderr.String(), merged) {
		t.Errorf("-v does not say that Decorate was walked with its allocations merged:\n%s", testutil.Head(stderr.String(), 30))
	}
	// Each service package's audit store wraps another Store and calls
	// its methods: a function reaching itself through an interface, which
	// is walked once (lineage callsItself). Iterated, its endpoint read
	// one field deeper each round and never settled.
	if strings.Contains(stderr.String(), "did not settle") {
		t.Errorf("a recursion did not settle:\n%s", testutil.Head(stderr.String(), 30))
	}
	for _, call := range []string{`/giant"`, `/table"`, "c.Users.Op0(", `/prod/pb"`, `/decor"`} {
		line := 0
		for i, l := range strings.Split(string(src), "\n") {
			if strings.Contains(l, call) {
				line = i + 1
			}
		}
		if line == 0 {
			t.Fatalf("main.go has no call %s", call)
		}
		if at := fmt.Sprintf("cmd/server/main.go:%d:", line); !strings.Contains(stdout.String(), "\n"+at) && !strings.HasPrefix(stdout.String(), at) {
			t.Errorf("no finding at %s (the call %s):\n%s", at, call, stdout.String())
		}
	}
}

// TestRealModule checks the real module's text: its main package parses
// and imports the four dependencies, which go.mod requires and go.sum
// pins. With the dependencies in the module cache (no network: GOPROXY is
// off), it also type-checks.
func TestRealModule(t *testing.T) {
	dir := t.TempDir()
	if err := writeRealFiles(dir); err != nil {
		t.Fatal(err)
	}
	f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, "main.go"), nil, parser.ImportsOnly)
	if err != nil {
		t.Fatal(err)
	}
	imports := make(map[string]bool)
	for _, s := range f.Imports {
		imports[strings.Trim(s.Path.Value, `"`)] = true
	}
	for mod, pkg := range map[string]string{
		"modernc.org/sqlite":           "modernc.org/sqlite",
		"golang.org/x/text":            "golang.org/x/text/language/display",
		"github.com/google/go-github/": "github.com/google/go-github/v93/github",
		"github.com/google/go-jsonnet": "github.com/google/go-jsonnet",
	} {
		if !imports[pkg] {
			t.Errorf("main.go does not import %s", pkg)
		}
		if !strings.Contains(realGoMod, "\t"+mod) {
			t.Errorf("go.mod does not require %s", mod)
		}
		if !strings.Contains(realGoSum, mod) {
			t.Errorf("go.sum has no line for %s", mod)
		}
	}
	if testing.Short() {
		return
	}
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		if strings.Contains(string(out), "module lookup disabled") || strings.Contains(string(out), "GOPROXY=off") {
			t.Skipf("dependencies not in the module cache: %s", firstLines(string(out), 3))
		}
		t.Fatalf("go vet: %v\n%s", err, out)
	}
}

// TestGenerateDeterministic checks that a seed gives the same module.
func TestGenerateDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	ma, err := Generate(a, tiny)
	if err != nil {
		t.Fatal(err)
	}
	mb, err := Generate(b, tiny)
	if err != nil {
		t.Fatal(err)
	}
	if ma.Lines != mb.Lines || ma.Files != mb.Files {
		t.Fatalf("two generations differ: %d/%d files, %d/%d lines", ma.Files, mb.Files, ma.Lines, mb.Lines)
	}
	err = filepath.WalkDir(a, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(a, path)
		if err != nil {
			return err
		}
		x, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil {
			return err
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two generations", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestReport checks the ratios and their PASS/FAIL marks on made-up runs.
func TestReport(t *testing.T) {
	res := map[string]*StepResult{
		StepSSA:      {Name: StepSSA, Runs: []Run{{WallMS: 1000, CPUMS: 1500}, {WallMS: 1200, CPUMS: 1500}, {WallMS: 1100, CPUMS: 1500}}},
		StepDatagate: {Name: StepDatagate, Runs: []Run{{WallMS: 1250, CPUMS: 1800, MaxRSSMB: 900}, {WallMS: 1400, CPUMS: 1800, MaxRSSMB: 950}}},
		StepGosec:    {Name: StepGosec, Runs: []Run{{WallMS: 2000, CPUMS: 3600}}},
	}
	for _, r := range res {
		r.summarize()
	}
	if got := res[StepSSA].MedianMS; got != 1100 {
		t.Errorf("median of 1000, 1200, 1100 = %v, want 1100", got)
	}
	rep := &Report{Dir: "/m", Patterns: []string{"./..."}, Runs: 3, Ratios: ratios(res)}
	for _, s := range []string{StepSSA, StepDatagate, StepGosec} {
		rep.Steps = append(rep.Steps, *res[s])
	}
	rep.Steps = append(rep.Steps, StepResult{Name: StepLoad, Skipped: "not run"})
	var buf bytes.Buffer
	if err := rep.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	lines := make(map[string]string) // by the text before the first two spaces
	for _, l := range strings.Split(out, "\n") {
		if name, rest, ok := strings.Cut(strings.TrimSpace(l), "  "); ok {
			lines[name] = strings.Join(strings.Fields(rest), " ")
		}
	}
	for name, want := range map[string]string{
		"datagate / load+SSA (wall)": "1.25 1.20 <= 1.3 PASS",
		"datagate / gosec (wall)":    "0.62 0.66 <= 0.5 FAIL",
		"datagate / load+SSA (cpu)":  "1.20 (no target)",
		"datagate / gosec (cpu)":     "0.50 (no target)",
		"datagate peak RSS":          "950 MB < 1024 MB PASS",
		"datagate":                   "1.25s 1.32s 1.80s 950 MB",
		"load":                       "- - - - not run",
	} {
		if got := lines[name]; got != want {
			t.Errorf("%s: got %q, want %q in\n%s", name, got, want, out)
		}
	}
	var marks []string
	for _, r := range rep.Ratios {
		marks = append(marks, fmt.Sprint(r.Pass))
	}
	if got := strings.Join(marks, " "); got != "true true false true true" {
		t.Errorf("PASS marks %s, want true true false true true", got)
	}
}

// TestReportTimedOut checks that a datagate step that ran out of time
// fails its targets with lower bounds.
func TestReportTimedOut(t *testing.T) {
	res := map[string]*StepResult{
		StepSSA:      {Name: StepSSA, Runs: []Run{{WallMS: 1000, CPUMS: 1500}}},
		StepDatagate: {Name: StepDatagate, TimedOutMS: 60000, PeakMB: 700},
	}
	for _, r := range res {
		r.summarize()
	}
	rs := ratios(res)
	if len(rs) != 3 {
		t.Fatalf("got %d ratios, want wall, cpu and RSS: %+v", len(rs), rs)
	}
	if r := rs[0]; r.Best != 60 || !r.AtLeast || r.Pass {
		t.Errorf("wall ratio %+v, want at least 60 and failing", r)
	}
	if r := rs[2]; r.Pass || !r.AtLeast {
		t.Errorf("RSS %+v, want a failing lower bound", r)
	}
	var buf bytes.Buffer
	rep := &Report{Steps: []StepResult{*res[StepSSA], *res[StepDatagate]}, Ratios: rs}
	if err := rep.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), ">60.00") || !strings.Contains(buf.String(), "timed out") {
		t.Errorf("report does not show the timeout:\n%s", buf.String())
	}
}

// TestIncrementalRatios: the edit step is held against the cold scan with
// the cache (target under a tenth), the warm one shown against go list;
// a warm scan that wrote another output than the cold one is an error.
func TestIncrementalRatios(t *testing.T) {
	res := map[string]*StepResult{
		StepGoList: {Name: StepGoList, Runs: []Run{{WallMS: 1000}}},
		StepCold:   {Name: StepCold, Runs: []Run{{WallMS: 40000, Stats: &Stats{OutputSum: "a"}}, {WallMS: 36000, Stats: &Stats{OutputSum: "b"}}}},
		StepWarm:   {Name: StepWarm, Runs: []Run{{WallMS: 1900, Stats: &Stats{OutputSum: "a"}}, {WallMS: 2100, Stats: &Stats{OutputSum: "c"}}}},
		StepEdit:   {Name: StepEdit, Runs: []Run{{WallMS: 3000}, {WallMS: 4000}}},
	}
	for _, r := range res {
		r.summarize()
	}
	rs := incrementalRatios(res)
	if len(rs) != 2 {
		t.Fatalf("got %d ratios, want edit/cold and warm/go-list: %+v", len(rs), rs)
	}
	if r := rs[0]; r.Best != 3000.0/36000 || r.Median != 3500.0/38000 || !r.Pass {
		t.Errorf("edit/cold %+v, want best 3/36, median 3.5/38, passing", r)
	}
	if r := rs[1]; r.Median != 2.0 || r.Target != "" {
		t.Errorf("warm/go-list %+v, want 2.0 and no target", r)
	}
	res[StepEdit].Runs = []Run{{WallMS: 4000}}
	res[StepEdit].summarize()
	if r := incrementalRatios(res)[0]; r.Pass {
		t.Errorf("edit/cold %+v passes at 4/36", r)
	}
	// The edit that moves the file's declarations has a ratio of its own.
	res[StepEditShift] = &StepResult{Name: StepEditShift, Runs: []Run{{WallMS: 5400}}}
	res[StepEditShift].summarize()
	rs = incrementalRatios(res)
	if len(rs) != 3 || rs[1].Name != "edit-shift / cold-cache (wall)" || rs[1].Best != 5400.0/36000 || rs[1].Pass {
		t.Errorf("ratios %+v, want edit-shift/cold second, 5.4/36, failing", rs)
	}
	if err := sameOutput(res, 0); err != nil {
		t.Errorf("round 1: %v", err)
	}
	if err := sameOutput(res, 1); err == nil {
		t.Error("round 2: a warm output unlike the cold one is not reported")
	}
}

// TestRunEdited: the edit step runs with a line added at the end of the
// file, and the file is as it was afterwards. The step's process here is
// a script that checks the line.
func TestRunEdited(t *testing.T) {
	dir := t.TempDir()
	src := "package p\n\nfunc F() {}\n"
	testutil.WriteFile(t, dir, "p/p.go", src)
	exe := filepath.Join(t.TempDir(), "child.sh")
	script := "#!/bin/sh\n# args: -child edit -C DIR -- patterns\n" +
		"grep -q 'datagate-bench: a one-line edit' \"$4/p/p.go\" || exit 1\n" +
		"test \"$DATAGATE_BENCH_CACHE\" = /the/cache || exit 1\n" +
		"echo '{\"findings\": 1}'\n"
	if err := os.WriteFile(exe, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	r, err := runEdited(context.Background(), Options{Dir: dir, Edit: "p/p.go", Exe: exe, Patterns: []string{"./..."}}, "/the/cache", StepEdit, appendLine)
	if err != nil {
		t.Fatal(err)
	}
	if r.Stats == nil || r.Stats.Findings != 1 {
		t.Errorf("stats %+v, want what the step printed", r.Stats)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "p", "p.go")); string(got) != src {
		t.Errorf("after the step the file is\n%s\nwant\n%s", got, src)
	}
}

// TestShiftDeclarations: the edit-shift step's edit puts a line after the
// package clause (its doc comment and a comment on its line stay above),
// so that every declaration moves down one line.
func TestShiftDeclarations(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"// Package p.\npackage p // the p\n\nfunc F() {}\n", "// Package p.\npackage p // the p\n" + shiftLine + "\nfunc F() {}\n"},
		{"package p", "package p\n" + shiftLine},
	} {
		got, err := shiftDeclarations("p.go", []byte(c.src))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != c.want {
			t.Errorf("shiftDeclarations(%q) = %q, want %q", c.src, got, c.want)
		}
	}
	if _, err := shiftDeclarations("p.go", []byte("func F() {}")); err == nil {
		t.Errorf("a file with no package clause: no error")
	}
}
