package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/datagate/datagate/analyzers/config"
	"github.com/datagate/datagate/analyzers/datagate"
	"github.com/datagate/datagate/analyzers/flows"
	"github.com/datagate/datagate/internal/driver"
	"github.com/datagate/datagate/internal/report"
	"github.com/datagate/datagate/knowledge"
	"github.com/datagate/datagate/lineage"
	"github.com/datagate/datagate/lineage/policy"
	"github.com/datagate/datagate/lineage/rules"
	"github.com/datagate/datagate/lineage/suppress"
)

// loadMode lists the package graph; the driver parses and type-checks one
// package at a time.
const loadMode = driver.LoadMode

// scanCommand runs a scan and writes its output. It returns errFindings
// when there are results at or above -fail-on, an *incompleteError when
// packages failed (and -keep-going is off), and any other error when
// nothing was written.
func scanCommand(o *options, stdout, stderr io.Writer, hooks *scanHooks) error {
	o.stderr = stderr
	wd, err := workDir(o.dir)
	if err != nil {
		return err
	}
	res, notes, err := scan(o, wd, hooks)
	if err != nil {
		return err
	}

	if o.verbose {
		for _, n := range notes {
			fmt.Fprintf(stderr, "datagate: note: %s\n", n)
		}
	}
	if err := writeOutput(o, wd, res, stdout); err != nil {
		return err
	}
	if len(res.Errors) > 0 {
		if !o.keepGoing {
			return &incompleteError{n: len(res.Errors)}
		}
		fmt.Fprintf(stderr, "datagate: warning: %v; the exit code reflects the findings alone (-keep-going)\n", &incompleteError{n: len(res.Errors)})
	}
	if failing(res.Findings, o.failOn) {
		return errFindings
	}
	return nil
}

// failing reports whether an unsuppressed finding is at or above the level
// failOn ("none" never fails).
func failing(fs []lineage.Finding, failOn string) bool {
	min := rules.LevelRank(failOn)
	if min == 0 {
		return false
	}
	for i := range fs {
		if fs[i].Suppr == nil && rules.LevelRank(findingLevel(&fs[i])) >= min {
			return true
		}
	}
	return false
}

func findingLevel(f *lineage.Finding) string {
	if f.Level != "" {
		return f.Level
	}
	if r := rules.Lookup(f.Rule); r != nil {
		return r.Level
	}
	return rules.LevelWarning
}

// policyEnv returns getenv with DATAGATE_POLICY made absolute relative to
// the working directory wd, so that -C applies to it as to -policy.
func policyEnv(wd string, getenv func(string) string) func(string) string {
	return func(k string) string {
		v := getenv(k)
		if k == policy.EnvVar {
			v = inDir(wd, v)
		}
		return v
	}
}

// scanHooks let tests share loaded packages between scans; nil in the
// command.
type scanHooks struct {
	// load replaces packages.Load.
	load func(cfg *packages.Config, patterns ...string) ([]*packages.Package, error)
	// allFunctions analyses every function of the dependencies, not
	// only those the code can call (tests compare the two).
	allFunctions bool
	// indexNow is the time the file index's guard counts back from
	// (time.Now): tests move it ahead so that files they just wrote are
	// kept.
	indexNow func() time.Time
}

// scan loads the packages, checks the policies, analyses the packages and
// turns their flows into the findings to report. It returns the engine's
// notes separately (for -v). An error means nothing is to be written: a
// policy or baseline error, or packages that could not be listed at all.
func scan(o *options, wd string, hooks *scanHooks) (*report.Result, []string, error) {
	cfg, fixed, err := scanConfig(o, wd)
	if err != nil {
		return nil, nil, err
	}

	var baseline map[string]bool
	if o.baseline != "" {
		if baseline, err = report.ReadBaseline(inDir(wd, o.baseline)); err != nil {
			return nil, nil, err
		}
	}

	an, err := analyse(o, wd, cfg, fixed, hooks)
	if err != nil {
		return nil, nil, err
	}
	results := an.results

	now := an.now
	findings := findingsOf(an.merged, results, an.root, now)
	findings = append(findings, invalidSuppressions(results, now)...)

	matched := 0
	if baseline != nil {
		kept := findings[:0]
		for _, f := range findings {
			if baseline[report.Fingerprint(&f)] {
				matched++
				continue
			}
			kept = append(kept, f)
		}
		findings = kept
	}
	sortFindings(findings)

	// The notes of all packages, once each (several packages meet the
	// same unmodelled calls).
	seenNote := make(map[string]bool)
	var notes []string
	for _, r := range results {
		for _, n := range r.res.Notes {
			if !seenNote[n] {
				seenNote[n] = true
				notes = append(notes, n)
			}
		}
	}
	for _, n := range an.depNotes {
		if !seenNote[n] {
			seenNote[n] = true
			notes = append(notes, n)
		}
	}
	sort.Strings(notes)
	notes = append(notes, an.cacheLine())

	return &report.Result{
		Findings:        findings,
		Errors:          toolErrors(an.graph, an.root),
		Root:            an.root,
		Version:         Version(),
		Category:        o.category,
		ShowSuppressed:  o.showSuppressed,
		BaselineMatched: matched,
	}, notes, nil
}

// scanConfig makes the analyzers' configuration from the flags. A policy
// named by the flag or the environment (fixed, its path) applies to every
// package: it is loaded here, before anything else, so that a mistake in it
// fails fast.
func scanConfig(o *options, wd string) (cfg *config.Config, fixed string, err error) {
	getenv := policyEnv(wd, os.Getenv)
	cfg = config.New()
	cfg.Tests = o.tests
	cfg.DropTypesInfo = true // the driver runs nothing after flows that needs it
	cfg.Getenv = getenv
	cfg.PolicyFile = inDir(wd, o.policy)

	fixed = cfg.PolicyFile
	if fixed == "" {
		fixed = getenv(policy.EnvVar)
	}
	if fixed != "" {
		p, err := policy.Load(fixed)
		if err != nil {
			return nil, "", err
		}
		cfg.SetPolicy(p)
	}
	return cfg, fixed, nil
}

// analysed is what loading and analysing the packages gives.
type analysed struct {
	results []pkgResult  // the datagate results of the root packages, by package ID (their flows folded into merged)
	merged  []mergedFlow // the flows of all root packages, one per reported place
	// depNotes are the notes the dependencies' facts keep, with -v.
	depNotes []string
	graph    *driver.Graph       // for the tool errors
	roots    []*packages.Package // the root packages, by ID
	root     string              // the module root: paths are written relative to it
	now      time.Time           // the time the rules are evaluated at
	// cache is the directory of the cache the run used ("" for none),
	// cacheErr why it could not use one.
	cache     string
	cacheErr  error
	typesOnly func(*packages.Package) bool
}

// cacheLine says, for -v, how many packages the run analysed and how many
// it restored from the cache.
func (an *analysed) cacheLine() string {
	analysed, restored, exported, moved := 0, 0, 0, 0
	for _, act := range an.graph.All {
		if act.TypesFromExport {
			exported++
		}
		if act.Moved {
			moved++
		}
		switch {
		case act.Cached:
			restored++
		case act.Analysed() && !an.typesOnly(act.Package):
			analysed++
		}
	}
	switch {
	case an.cacheErr != nil:
		return fmt.Sprintf("%d packages analysed; no cache: %v", analysed, an.cacheErr)
	case an.cache == "":
		return fmt.Sprintf("%d packages analysed; cache off", analysed)
	}
	line := fmt.Sprintf("%d packages analysed, %d restored from the cache in %s", analysed, restored, an.cache)
	var more []string
	if exported > 0 {
		more = append(more, fmt.Sprintf("types of %d packages read from export data", exported))
	}
	if moved > 0 {
		more = append(more, fmt.Sprintf("%d with positions in code that moved since translated", moved))
	}
	if len(more) > 0 {
		line += " (" + strings.Join(more, "; ") + ")"
	}
	return line
}

// analyse loads the packages o names, checks the policies that discovery
// finds (when no policy is fixed) and runs the datagate analyzer over the
// root packages. An error means nothing was analysed: a policy error, or
// packages that could not be listed at all.
func analyse(o *options, wd string, cfg *config.Config, fixed string, hooks *scanHooks) (*analysed, error) {
	if hooks == nil {
		hooks = &scanHooks{}
	}
	pcfg := &packages.Config{Mode: loadMode, Dir: wd, Tests: o.tests}
	if o.tags != "" {
		pcfg.BuildFlags = []string{"-tags=" + o.tags}
	}
	cdir, err := cacheDir(o.cache, wd, cfg.Getenv)
	if err != nil {
		return nil, err
	}
	// What the cache needs and the packages' list does not give (the
	// file index, the build's hash) is read while go list runs.
	index := make(chan *fileIndex, 1)
	now := time.Now
	if hooks.indexNow != nil {
		now = hooks.indexNow
	}
	if cdir != "" {
		go func() {
			buildID() //nolint:errcheck // kept for driverCache
			index <- openFileIndex(cdir, indexKey(wd, o), now())
		}()
	} else {
		index <- nil
	}
	prog := newProgress(o.stderr)
	defer prog.finish() // on errors; else once the analysis is done
	var all []*packages.Package
	var idx *fileIndex
	if hooks.load != nil {
		all, err = hooks.load(pcfg, o.patterns...)
		idx = <-index
	} else {
		all, idx, err = loadPackages(pcfg, index, o.patterns...)
	}
	if err != nil {
		return nil, fmt.Errorf("loading packages: %w", err)
	}
	roots := rootPackages(all)
	if len(roots) == 0 {
		return nil, fmt.Errorf("%s matched no packages", strings.Join(o.patterns, " "))
	}

	// Policies found by discovery: one per directory, checked before any
	// package is analysed.
	if fixed == "" {
		if err := checkPolicies(roots, cfg.Getenv); err != nil {
			return nil, err
		}
	}

	root := moduleRoot(roots, wd)
	a := datagate.New(cfg)
	dopts := &driver.Options{}
	var cacheErr error
	if cdir != "" {
		if dopts, cacheErr = driverCache(cdir, o, cfg); cacheErr != nil {
			dopts, cdir, idx = &driver.Options{}, "", nil // scan without it; -v says why
		}
	}
	dopts.TypesOnly = typesOnly(roots)
	// The names the code writes after a dot, read from every package
	// analysed before any is: the engine leaves out the functions of
	// dependencies no code calls (lineage.Config.Named). Which of a
	// dependency's functions those are is part of its cache key.
	ps := programNames(roots, dopts.TypesOnly, idx)
	dopts.FileSums = ps.sums
	called := ps.called
	if !hooks.allFunctions {
		cfg.Names = ps.names
	}
	if salt := dopts.Salt; salt != nil {
		dopts.Salt = func(p *packages.Package) string {
			if scannedPackage(p) {
				return salt(p)
			}
			return salt(p) + "\ncalled " + called[p]
		}
	}
	if prog != nil {
		dopts.Track = prog
	}
	fm := newFlowMerger(roots, a)
	dopts.Finished = fm.finished
	graph, err := driver.Analyze([]*analysis.Analyzer{a}, roots, dopts)
	prog.finish()
	idx.wait()
	if err != nil {
		return nil, err
	}
	if n, _ := strconv.Atoi(os.Getenv("DATAGATE_TIMINGS")); n > 0 {
		writeTimings(os.Stderr, graph, n)
	}

	var results []pkgResult
	for _, act := range graph.Roots {
		if r, ok := act.Results[a].(*datagate.Result); ok && act.Analysed() {
			results = append(results, pkgResult{pkg: act.Package, res: r})
		}
	}
	sort.Slice(results, func(i, j int) bool { return results[i].pkg.ID < results[j].pkg.ID })
	var depNotes []string
	if o.verbose {
		// The limits the engine hit in the dependencies (functions walked
		// field-insensitively, and why), which their facts keep.
		for _, act := range graph.All {
			for _, f := range graph.PackageFacts(act.Package) {
				if nf, ok := f.(*flows.NotesFact); ok {
					depNotes = append(depNotes, nf.Notes...)
				}
			}
		}
	}
	// Nothing below needs the packages' types and facts: free them before
	// the output is made (the generated 1,000-package module peaked
	// there, with every package's facts still live).
	graph.Release()
	return &analysed{results: results, merged: fm.merged(results), depNotes: depNotes, graph: graph, roots: roots, root: root, now: cfg.Time(), cache: cdir, cacheErr: cacheErr, typesOnly: dopts.TypesOnly}, nil
}

// typesOnly returns the packages of the graph below roots that are needed
// only for their types: the standard library, the SDK packages the
// knowledge tables model (knowledge.Modelled), and every package that only
// such packages import (directly or not), whose facts nobody reads.
func typesOnly(roots []*packages.Package) func(*packages.Package) bool {
	analysed := make(map[*packages.Package]bool)
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		if analysed[p] {
			return
		}
		analysed[p] = true
		for _, imp := range p.Imports {
			if !inGoroot(imp) && !knowledge.IsModelled(imp.PkgPath) {
				visit(imp)
			}
		}
	}
	for _, r := range roots {
		visit(r)
	}
	return func(p *packages.Package) bool { return !analysed[p] }
}

// inGoroot reports whether the package is part of the Go distribution (the
// standard library and the packages it vendors). The engine models these
// rather than reading their bodies, so only their types are needed. The
// directory is that of the package's own files (GoFiles), not of
// CompiledGoFiles, which for cgo packages lie in the build cache.
func inGoroot(p *packages.Package) bool {
	if p.Module != nil {
		return false
	}
	dir := p.Dir
	if dir == "" && len(p.GoFiles) > 0 {
		dir = filepath.Dir(p.GoFiles[0])
	}
	return config.InGoroot(dir)
}

// writeTimings lists the n packages that took longest to check and
// analyse, for DATAGATE_TIMINGS=n (a debugging aid; the times vary from
// run to run, so they are not part of any output format).
func writeTimings(w io.Writer, g *driver.Graph, n int) {
	acts := slices.Clone(g.All)
	var total time.Duration
	for _, a := range acts {
		total += a.Duration
	}
	sort.SliceStable(acts, func(i, j int) bool { return acts[i].Duration > acts[j].Duration })
	fmt.Fprintf(w, "datagate: %d packages checked and analysed, %.2fs in all (summed over packages); the slowest:\n", len(acts), total.Seconds())
	for _, a := range acts[:min(n, len(acts))] {
		fmt.Fprintf(w, "  %8.2fs  %s\n", a.Duration.Seconds(), a.Package.ID)
	}
}

// pkgResult is the datagate result of one root package.
type pkgResult struct {
	pkg *packages.Package
	res *datagate.Result
}

// rootPackages returns the packages to analyse, sorted by ID: with -tests,
// a package's test variant ("p [p.test]") replaces the package itself, whose
// files it holds, and the generated test mains ("p.test") are left out.
func rootPackages(pkgs []*packages.Package) []*packages.Package {
	hasTestVariant := make(map[string]bool)
	for _, p := range pkgs {
		if p.ID != p.PkgPath && strings.HasSuffix(p.ID, ".test]") && !strings.HasSuffix(p.PkgPath, "_test") {
			hasTestVariant[p.PkgPath] = true
		}
	}
	var out []*packages.Package
	for _, p := range pkgs {
		switch {
		case strings.HasSuffix(p.ID, ".test") && p.Name == "main":
			continue // generated test main
		case p.ID == p.PkgPath && hasTestVariant[p.PkgPath]:
			continue
		}
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// checkPolicies locates and loads the policy of every root package's
// directory, so that a malformed policy is an error before any analysis.
func checkPolicies(roots []*packages.Package, getenv func(string) string) error {
	seen := make(map[string]bool)
	for _, p := range roots {
		if p.Dir == "" {
			continue
		}
		path, err := policy.Locate("", p.Dir, getenv)
		if err != nil {
			return err
		}
		if path == "" || seen[path] {
			continue
		}
		seen[path] = true
		if _, err := policy.Load(path); err != nil {
			return err
		}
	}
	return nil
}

// moduleRoot is the directory paths are written relative to: the main
// module's directory, else the first root package's module's, else wd.
func moduleRoot(roots []*packages.Package, wd string) string {
	for _, p := range roots {
		if p.Module != nil && p.Module.Main && p.Module.Dir != "" {
			return p.Module.Dir
		}
	}
	for _, p := range roots {
		if p.Module != nil && p.Module.Dir != "" {
			return p.Module.Dir
		}
	}
	return wd
}

// sortFindings orders findings by file, line, column, rule and message.
func sortFindings(fs []lineage.Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := &fs[i], &fs[j]
		if a.Flow.Exit.Pos != b.Flow.Exit.Pos {
			return a.Flow.Exit.Pos.Less(b.Flow.Exit.Pos)
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}

// invalidSuppressions reports the //datagate:allow directives of the root
// packages that suppress nothing (malformed or expired), once each.
func invalidSuppressions(results []pkgResult, now time.Time) []lineage.Finding {
	var out []lineage.Finding
	seen := make(map[lineage.Position]bool)
	for _, r := range results {
		for _, d := range r.res.Directives {
			if seen[d.Pos] {
				continue
			}
			seen[d.Pos] = true
			if f, bad := suppress.Report(d, now); bad {
				out = append(out, f)
			}
		}
	}
	return out
}

// allDirectives returns the directives of the root packages, once each.
func allDirectives(results []pkgResult) []suppress.Directive {
	var out []suppress.Directive
	seen := make(map[lineage.Position]bool)
	for _, r := range results {
		for _, d := range r.res.Directives {
			if !seen[d.Pos] {
				seen[d.Pos] = true
				out = append(out, d)
			}
		}
	}
	return out
}

// writeOutput writes the result in the chosen format to standard output or
// to -o. A file is written to a temporary file beside it and renamed, so
// that a failed write leaves no partial output (see writeVia).
func writeOutput(o *options, wd string, res *report.Result, stdout io.Writer) error {
	w, err := report.ForFormat(o.format)
	if err != nil {
		return err
	}
	if o.output == "" {
		return w.Write(stdout, res)
	}
	return writeVia(inDir(wd, o.output), o.output, 0o644, func(f io.Writer) error { return w.Write(f, res) })
}
