package bench

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/datagate/datagate/internal/cli"
)

// LoadMode is what the baseline loads: syntax and types of every package in
// the import graph, standard library included, all at once (as
// packages.LoadAllSyntax). The datagate command lists the graph and lets
// internal/driver parse and check one package at a time.
const LoadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedTypes | packages.NeedSyntax |
	packages.NeedTypesInfo | packages.NeedTypesSizes | packages.NeedModule

// Stats is what one step measured inside its own process.
type Stats struct {
	// Packages is the number of packages in the import graph (load, ssa)
	// or of root packages analysed (datagate).
	Packages int `json:"packages"`
	// Roots is the number of packages the patterns matched.
	Roots int `json:"roots,omitempty"`
	// Phases are the step's own timings (load, ssa), in milliseconds.
	Phases map[string]float64 `json:"phases_ms,omitempty"`
	// Findings and Errors are the datagate scan's counts.
	Findings int `json:"findings,omitempty"`
	Errors   int `json:"errors,omitempty"`
	// Functions and Instrs count the SSA functions and instructions built
	// (count step).
	Functions int `json:"functions,omitempty"`
	Instrs    int `json:"instrs,omitempty"`
	// Files and Lines are gosec's counts of what it scanned.
	Files int `json:"files,omitempty"`
	Lines int `json:"lines,omitempty"`
	// OutputSum is the SHA-256 of a scan's output (a scan restored from
	// the cache must write what the scan that filled it wrote).
	OutputSum string `json:"output_sum,omitempty"`
}

// Load loads the packages matched by patterns in dir with LoadMode: syntax
// and types of the whole import graph. It fails if a package has errors.
func Load(dir string, patterns ...string) ([]*packages.Package, error) {
	cfg := &packages.Config{Mode: LoadMode, Dir: dir}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	var msgs []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			if len(msgs) < 10 {
				msgs = append(msgs, e.Error())
			}
		}
	})
	if len(msgs) > 0 {
		return nil, fmt.Errorf("loading %s: %s", strings.Join(patterns, " "), strings.Join(msgs, "; "))
	}
	return pkgs, nil
}

// countGraph returns the number of packages in the import graph of roots.
func countGraph(roots []*packages.Package) int {
	n := 0
	packages.Visit(roots, nil, func(*packages.Package) { n++ })
	return n
}

// LoadStep is the baseline's first half: load and type-check the whole
// import graph, nothing else.
func LoadStep(dir string, patterns []string) (*Stats, error) {
	t0 := time.Now()
	pkgs, err := Load(dir, patterns...)
	if err != nil {
		return nil, err
	}
	return &Stats{
		Packages: countGraph(pkgs),
		Roots:    len(pkgs),
		Phases:   map[string]float64{"load": ms(time.Since(t0))},
	}, nil
}

// SSAStep is the baseline: load and type-check the whole import graph and
// build SSA for every package in it (ssautil.AllPackages + Program.Build).
func SSAStep(dir string, patterns []string) (*Stats, error) {
	t0 := time.Now()
	pkgs, err := Load(dir, patterns...)
	if err != nil {
		return nil, err
	}
	t1 := time.Now()
	prog, _ := ssautil.AllPackages(pkgs, ssa.BuilderMode(0))
	prog.Build()
	t2 := time.Now()
	return &Stats{
		Packages: countGraph(pkgs),
		Roots:    len(pkgs),
		Phases:   map[string]float64{"load": ms(t1.Sub(t0)), "ssa": ms(t2.Sub(t1))},
	}, nil
}

// ScanStep is the datagate scan, run through the command's own entry
// point (internal/cli.Main) with -format json and the output discarded.
// -fail-on none keeps findings from setting the exit code, so that any
// non-zero code is a failure.
//
// The output goes to a buffer rather than -o /dev/null: the command
// writes -o FILE through a temporary file renamed over FILE, which for a
// device would replace it.
//
// With cache set, the scan uses the cache in that directory (which the
// incremental steps share between runs); without, the cache is off. (Not
// -v, for the counts of packages analysed and restored: its notes read
// every restored package's facts.)
func ScanStep(dir string, patterns []string, cache string) (*Stats, error) {
	var stdout, stderr bytes.Buffer
	args := []string{"-C", dir, "-format", "json", "-fail-on", "none", "-cache", "off"}
	if cache != "" {
		args = args[:len(args)-2]
		os.Setenv(cli.CacheEnv, cache)
	}
	args = append(args, patterns...)
	if code := cli.Main(args, &stdout, &stderr); code != cli.ExitOK {
		return nil, fmt.Errorf("datagate exited with code %d: %s", code, firstLines(stderr.String(), 20))
	}
	var out struct {
		Findings []json.RawMessage `json:"findings"`
		Errors   []json.RawMessage `json:"errors"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		return nil, fmt.Errorf("reading datagate's JSON output: %w", err)
	}
	st := &Stats{Findings: len(out.Findings), Errors: len(out.Errors)}
	if cache != "" {
		sum := sha256.Sum256(stdout.Bytes())
		st.OutputSum = hex.EncodeToString(sum[:])
	}
	return st, nil
}

// GoListStep runs go list -e -deps over the patterns: what a scan that
// finds everything in its cache cannot do without (it lists the packages
// and reads their files).
func GoListStep(dir string, patterns []string) (*Stats, error) {
	cmd := exec.Command("go", append([]string{"list", "-e", "-deps", "-f", "{{.ImportPath}}"}, patterns...)...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %w", err)
	}
	return &Stats{Packages: bytes.Count(out, []byte("\n"))}, nil
}

// CountSSA builds SSA for the packages matched by patterns in dir (only
// those, not their dependencies) and counts their functions and
// instructions, anonymous functions and wrappers included: the size of
// the code the flows analyzer summarises.
func CountSSA(dir string, patterns ...string) (functions, instrs int, err error) {
	pkgs, err := Load(dir, patterns...)
	if err != nil {
		return 0, 0, err
	}
	prog, spkgs := ssautil.Packages(pkgs, ssa.BuilderMode(0))
	mine := make(map[*ssa.Package]bool)
	for _, p := range spkgs {
		if p != nil {
			p.Build()
			mine[p] = true
		}
	}
	for fn := range ssautil.AllFunctions(prog) {
		if mine[fn.Package()] || fn.Origin() != nil && mine[fn.Origin().Package()] {
			functions++
			instrs += countInstrs(fn)
		}
	}
	return functions, instrs, nil
}

func countInstrs(fn *ssa.Function) int {
	n := 0
	for _, b := range fn.Blocks {
		n += len(b.Instrs)
	}
	return n
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
