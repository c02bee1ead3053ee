package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
)

// The steps Measure runs, each in a fresh process.
const (
	// StepLoad loads and type-checks the whole import graph (go/packages,
	// the datagate command's load mode) and stops there. It is not part
	// of a target; it tells how much of the other steps is loading.
	StepLoad = "load"
	// StepSSA is the baseline: StepLoad, then SSA for every package
	// (ssautil.AllPackages + Program.Build).
	StepSSA = "load+SSA"
	// StepDatagate is the full datagate scan through internal/cli, JSON
	// output discarded.
	StepDatagate = "datagate"
	// StepGosec is `gosec -quiet -fmt json -out FILE PATTERNS` in the
	// module directory.
	StepGosec = "gosec"
	// stepCount counts the SSA instructions of the root packages, once,
	// outside the timed rounds.
	stepCount = "count"

	// The incremental steps (Options.Edit), in this order in a round:
	// StepGoList is `go list -e -deps PATTERNS`; StepCold the scan with a
	// new, empty cache (its own in each round); StepWarm the same scan
	// again, nothing changed; StepEdit the scan again after a line is
	// added at the end of the file Options.Edit names (taken out again
	// after the step); StepEditShift the scan again after a comment line
	// is put after the file's package clause instead, so that every
	// declaration of the file moves a line down (an edit near the top of
	// a file, as most are: positions in the package's facts change).
	StepGoList    = "go-list"
	StepCold      = "cold-cache"
	StepWarm      = "warm"
	StepEdit      = "edit"
	StepEditShift = "edit-shift"
)

// AllSteps are the steps in the order each round runs them.
var AllSteps = []string{StepLoad, StepSSA, StepDatagate, StepGosec}

// IncrementalSteps are the steps Options.Edit adds to a round, in order.
var IncrementalSteps = []string{StepGoList, StepCold, StepWarm, StepEdit, StepEditShift}

// cacheDirEnv passes the incremental steps' cache directory to the step's
// process.
const cacheDirEnv = "DATAGATE_BENCH_CACHE"

// editLine is what StepEdit adds at the end of Options.Edit: a package
// variable, so that the package is analysed again (its files changed)
// while what its importers see does not change.
const editLine = "\nvar _ = \"datagate-bench: a one-line edit\"\n"

// shiftLine is what StepEditShift puts after the package clause of
// Options.Edit.
const shiftLine = "// datagate-bench: a line that moves every declaration below it\n"

// Targets, from the product brief.
const (
	TargetScanOverSSA   = 1.3  // datagate wall time / load+SSA wall time, at most
	TargetScanOverGosec = 0.5  // datagate wall time / gosec wall time, at most
	TargetPeakRSSMB     = 1024 // datagate peak RSS, below
	TargetEditOverCold  = 0.1  // scan after a one-file edit / cold scan with the cache, below
)

// GosecInstall is the hint printed when no gosec binary is found.
const GosecInstall = "go install github.com/securego/gosec/v2/cmd/gosec@v2.30.0"

// Options configure Measure.
type Options struct {
	Dir      string   // module directory, absolute
	Patterns []string // package patterns, default ./...
	Runs     int      // timed rounds, default 3
	Steps    []string // subset of AllSteps, default all
	// Exe is the program re-executed for each step with -child STEP: the
	// datagate-bench command itself.
	Exe string
	// Gosec is the gosec binary; empty: the gosec step is skipped.
	Gosec string
	// ProfileDir, if set, makes the datagate step's first run write a CPU
	// profile and heap profiles there.
	ProfileDir string
	// Timeout bounds each run of a step (0: none). A step that runs out
	// of time is not run again; with ProfileDir, the datagate step then
	// writes its profiles so far and a goroutine dump (goroutines.txt).
	Timeout time.Duration
	// Edit, when set, adds IncrementalSteps to each round: the file (a
	// path relative to Dir) edited for StepEdit.
	Edit string
	// Generated describes the module when it was generated.
	Generated *Module
	// Log receives progress lines; nil: none.
	Log io.Writer
}

// Run is one timed execution of a step.
type Run struct {
	WallMS   float64 `json:"wall_ms"`
	CPUMS    float64 `json:"cpu_ms"`
	MaxRSSMB float64 `json:"max_rss_mb"`
	Stats    *Stats  `json:"stats,omitempty"`
}

// StepResult is a step's runs and their summary.
type StepResult struct {
	Name     string  `json:"name"`
	Skipped  string  `json:"skipped,omitempty"`
	Runs     []Run   `json:"runs,omitempty"`
	BestMS   float64 `json:"best_ms,omitempty"`
	MedianMS float64 `json:"median_ms,omitempty"`
	CPUMS    float64 `json:"cpu_median_ms,omitempty"`
	PeakMB   float64 `json:"peak_rss_mb,omitempty"`
	Note     string  `json:"note,omitempty"`
	// TimedOutMS is the timeout a run of the step exceeded; its wall time
	// then counts as that, a lower bound.
	TimedOutMS float64 `json:"timed_out_ms,omitempty"`
}

// Ratio is one target and how the measurement compares.
type Ratio struct {
	Name   string  `json:"name"`
	Best   float64 `json:"best,omitempty"`   // from the best wall times (or the peak RSS)
	Median float64 `json:"median,omitempty"` // from the median wall (or CPU) times
	Target string  `json:"target,omitempty"` // empty: shown for information`
	Pass   bool    `json:"pass"`
	Unit   string  `json:"unit,omitempty"`
	// AtLeast marks a ratio from a step that timed out: the true value is
	// larger.
	AtLeast bool `json:"at_least,omitempty"`
}

// Report is the outcome of Measure.
type Report struct {
	Dir        string       `json:"dir"`
	Patterns   []string     `json:"patterns"`
	Edit       string       `json:"edit,omitempty"`
	Generated  *Module      `json:"generated,omitempty"`
	Go         string       `json:"go"`
	CPUs       int          `json:"cpus"`
	Runs       int          `json:"runs"`
	Timeout    string       `json:"timeout,omitempty"`
	Functions  int          `json:"ssa_functions,omitempty"`
	Instrs     int          `json:"ssa_instrs,omitempty"`
	Steps      []StepResult `json:"steps"`
	Ratios     []Ratio      `json:"ratios"`
	ProfileDir string       `json:"profile_dir,omitempty"`
}

// Measure runs each step Runs times, interleaved (load, load+SSA,
// datagate, gosec, then again), each in a fresh process so that its peak
// RSS is its own, and compares them.
func Measure(ctx context.Context, o Options) (*Report, error) {
	if len(o.Patterns) == 0 {
		o.Patterns = []string{"./..."}
	}
	if o.Runs <= 0 {
		o.Runs = 3
	}
	if len(o.Steps) == 0 {
		o.Steps = AllSteps
	}
	if o.Edit != "" {
		if _, err := os.Stat(filepath.Join(o.Dir, o.Edit)); err != nil {
			return nil, fmt.Errorf("-edit: %w", err)
		}
		if !slices.ContainsFunc(o.Steps, func(s string) bool { return slices.Contains(IncrementalSteps, s) }) {
			o.Steps = append(slices.Clone(o.Steps), IncrementalSteps...)
		}
	}
	for _, s := range o.Steps {
		if slices.Contains(IncrementalSteps, s) && o.Edit == "" {
			return nil, fmt.Errorf("step %s needs the file to edit (-edit)", s)
		}
	}
	// The incremental steps run in their order: warm and edit need the
	// cache cold-cache filled in the same round.
	if slices.ContainsFunc(o.Steps, func(s string) bool { return s == StepWarm || s == StepEdit || s == StepEditShift }) && !slices.Contains(o.Steps, StepCold) {
		return nil, fmt.Errorf("steps %s, %s and %s need %s", StepWarm, StepEdit, StepEditShift, StepCold)
	}
	logf := func(format string, args ...any) {
		if o.Log != nil {
			fmt.Fprintf(o.Log, format+"\n", args...)
		}
	}
	rep := &Report{
		Dir: o.Dir, Patterns: o.Patterns, Edit: o.Edit, Generated: o.Generated,
		Go: runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH, CPUs: runtime.NumCPU(), Runs: o.Runs,
		ProfileDir: o.ProfileDir,
	}
	if o.Timeout > 0 {
		rep.Timeout = o.Timeout.String()
	}

	// Warm the go command's caches (go list, cgo, export data for gosec)
	// so that the first round is not the only one paying for them.
	logf("warming up: go list -deps -export %s", strings.Join(o.Patterns, " "))
	warm := exec.CommandContext(ctx, "go", append([]string{"list", "-e", "-deps", "-export", "-compiled", "-f", "{{.ImportPath}}"}, o.Patterns...)...)
	warm.Dir = o.Dir
	if out, err := warm.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go list in %s: %w\n%s", o.Dir, err, firstLines(string(out), 20))
	}

	logf("counting SSA instructions of the root packages")
	if r, err := runChild(ctx, Options{Dir: o.Dir, Patterns: o.Patterns, Exe: o.Exe}, stepCount, "", ""); err != nil {
		return nil, err
	} else if r.Stats != nil {
		rep.Functions, rep.Instrs = r.Stats.Functions, r.Stats.Instrs
	}

	results := make(map[string]*StepResult)
	for _, s := range o.Steps {
		res := &StepResult{Name: s}
		if s == StepGosec && o.Gosec == "" {
			res.Skipped = "gosec: not installed (" + GosecInstall + ")"
		}
		results[s] = res
	}
	var caches []string // the incremental steps' caches, one per round
	defer func() {
		for _, c := range caches {
			os.RemoveAll(c)
		}
	}()
	for round := range o.Runs {
		cache := "" // this round's
		for _, s := range o.Steps {
			res := results[s]
			if res.Skipped != "" || res.TimedOutMS > 0 {
				continue
			}
			profile := ""
			if s == StepDatagate && round == 0 {
				profile = o.ProfileDir
			}
			if s == StepCold {
				var err error
				if cache, err = os.MkdirTemp("", "datagate-bench-cache-"); err != nil {
					return nil, err
				}
				caches = append(caches, cache)
			}
			var r Run
			var err error
			switch s {
			case StepGosec:
				r, err = runGosec(ctx, o)
			case StepEdit:
				r, err = runEdited(ctx, o, cache, StepEdit, appendLine)
			case StepEditShift:
				r, err = runEdited(ctx, o, cache, StepEditShift, shiftDeclarations)
			default:
				r, err = runChild(ctx, o, s, profile, cache)
			}
			if errors.Is(err, errTimedOut) {
				logf("round %d/%d %-9s timed out after %v", round+1, o.Runs, s, o.Timeout)
				res.TimedOutMS = ms(o.Timeout)
				res.PeakMB = max(res.PeakMB, r.MaxRSSMB)
				continue
			}
			if err != nil {
				return nil, fmt.Errorf("%s, round %d: %w", s, round+1, err)
			}
			logf("round %d/%d %-10s %8.2fs  cpu %7.2fs  rss %6.0f MB", round+1, o.Runs, s, r.WallMS/1000, r.CPUMS/1000, r.MaxRSSMB)
			res.Runs = append(res.Runs, r)
		}
		if err := sameOutput(results, round); err != nil {
			return nil, err
		}
	}
	for _, s := range o.Steps {
		res := results[s]
		res.summarize()
		rep.Steps = append(rep.Steps, *res)
	}
	rep.Ratios = append(ratios(results), incrementalRatios(results)...)
	return rep, nil
}

func (s *StepResult) summarize() {
	if len(s.Runs) == 0 {
		if s.TimedOutMS > 0 {
			s.BestMS, s.MedianMS = s.TimedOutMS, s.TimedOutMS
			s.Note = "timed out: a lower bound"
		}
		return
	}
	var walls, cpus []float64
	for _, r := range s.Runs {
		walls = append(walls, r.WallMS)
		cpus = append(cpus, r.CPUMS)
		s.PeakMB = max(s.PeakMB, r.MaxRSSMB)
	}
	s.BestMS = slices.Min(walls)
	s.MedianMS = median(walls)
	s.CPUMS = median(cpus)
	st := s.Runs[len(s.Runs)-1].Stats
	if st == nil {
		return
	}
	switch s.Name {
	case StepLoad, StepSSA:
		s.Note = fmt.Sprintf("%d packages loaded (%d roots)", st.Packages, st.Roots)
	case StepDatagate:
		s.Note = fmt.Sprintf("%d findings, %d package errors", st.Findings, st.Errors)
	case StepGosec:
		s.Note = fmt.Sprintf("%d issues, %d files, %d lines", st.Findings, st.Files, st.Lines)
	case StepGoList:
		s.Note = fmt.Sprintf("%d packages listed", st.Packages)
	case StepCold, StepWarm, StepEdit, StepEditShift:
		s.Note = fmt.Sprintf("%d findings, %d package errors", st.Findings, st.Errors)
	}
}

// sameOutput checks that the warm scan of a round wrote what the cold
// scan that filled the cache wrote.
func sameOutput(res map[string]*StepResult, round int) error {
	cold, warm := res[StepCold], res[StepWarm]
	if cold == nil || warm == nil || len(cold.Runs) <= round || len(warm.Runs) <= round {
		return nil
	}
	c, w := cold.Runs[round].Stats, warm.Runs[round].Stats
	if c != nil && w != nil && c.OutputSum != w.OutputSum {
		return fmt.Errorf("round %d: the scan restored from the cache wrote another output than the scan that filled it", round+1)
	}
	return nil
}

func median(xs []float64) float64 {
	ys := slices.Clone(xs)
	slices.Sort(ys)
	n := len(ys)
	if n%2 == 1 {
		return ys[n/2]
	}
	return (ys[n/2-1] + ys[n/2]) / 2
}

func ratios(res map[string]*StepResult) (out []Ratio) {
	ok := func(s string) *StepResult {
		if r := res[s]; r != nil && (len(r.Runs) > 0 || r.TimedOutMS > 0) {
			return r
		}
		return nil
	}
	b := ok(StepDatagate)
	if b == nil {
		return nil
	}
	defer func() {
		// A timed-out datagate run makes its measures lower bounds (a
		// timed-out baseline would make them upper bounds: not shown).
		for i := range out {
			out[i].AtLeast = b.TimedOutMS > 0
		}
	}()
	// The targets are on wall time; the CPU time ratios (user + system,
	// medians) are shown beside them, as they suffer less from a busy
	// machine (but more from a step's own parallelism).
	if a := ok(StepSSA); a != nil && a.TimedOutMS == 0 {
		best := b.BestMS / a.BestMS
		out = append(out, Ratio{Name: "datagate / load+SSA (wall)", Best: best, Median: b.MedianMS / a.MedianMS,
			Target: fmt.Sprintf("<= %.1f", TargetScanOverSSA), Pass: best <= TargetScanOverSSA && b.TimedOutMS == 0},
			Ratio{Name: "datagate / load+SSA (cpu)", Median: b.CPUMS / a.CPUMS, Pass: true})
	}
	if c := ok(StepGosec); c != nil && c.TimedOutMS == 0 {
		best := b.BestMS / c.BestMS
		out = append(out, Ratio{Name: "datagate / gosec (wall)", Best: best, Median: b.MedianMS / c.MedianMS,
			Target: fmt.Sprintf("<= %.1f", TargetScanOverGosec), Pass: best <= TargetScanOverGosec && b.TimedOutMS == 0},
			Ratio{Name: "datagate / gosec (cpu)", Median: b.CPUMS / c.CPUMS, Pass: true})
	}
	if b.PeakMB > 0 {
		out = append(out, Ratio{Name: "datagate peak RSS", Best: b.PeakMB, Unit: "MB",
			Target: fmt.Sprintf("< %d MB", TargetPeakRSSMB), Pass: b.PeakMB < TargetPeakRSSMB && b.TimedOutMS == 0})
	}
	return out
}

// incrementalRatios compare the scans with the cache: after an edit
// against cold (the target), and with nothing changed against go list.
func incrementalRatios(res map[string]*StepResult) (out []Ratio) {
	done := func(s string) *StepResult {
		if r := res[s]; r != nil && len(r.Runs) > 0 && r.TimedOutMS == 0 {
			return r
		}
		return nil
	}
	cold, warm, list := done(StepCold), done(StepWarm), done(StepGoList)
	for _, name := range []string{StepEdit, StepEditShift} {
		if edit := done(name); cold != nil && edit != nil {
			best := edit.BestMS / cold.BestMS
			out = append(out, Ratio{Name: name + " / cold-cache (wall)", Best: best, Median: edit.MedianMS / cold.MedianMS,
				Target: fmt.Sprintf("< %.1f", TargetEditOverCold), Pass: best < TargetEditOverCold})
		}
	}
	if warm != nil && list != nil {
		out = append(out, Ratio{Name: "warm / go-list (wall)", Median: warm.MedianMS / list.MedianMS, Pass: true})
	}
	return out
}

// childArgs are the arguments of a step's process.
func childArgs(o Options, step, profile string) []string {
	args := []string{"-child", step, "-C", o.Dir}
	if profile != "" {
		args = append(args, "-profile", profile)
	}
	if o.Timeout > 0 {
		args = append(args, "-timeout", o.Timeout.String())
	}
	return append(append(args, "--"), o.Patterns...)
}

// errTimedOut is a step that ran out of Options.Timeout.
var errTimedOut = errors.New("timed out")

// exitTimedOut is the exit code of a child that ran out of time.
const exitTimedOut = 3

// runEdited runs step, the scan after edit changed o.Edit, which is
// restored afterwards.
func runEdited(ctx context.Context, o Options, cache, step string, edit func(path string, src []byte) ([]byte, error)) (Run, error) {
	path := filepath.Join(o.Dir, o.Edit)
	src, err := os.ReadFile(path)
	if err != nil {
		return Run{}, err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return Run{}, err
	}
	edited, err := edit(path, slices.Clip(src))
	if err != nil {
		return Run{}, err
	}
	if err := os.WriteFile(path, edited, fi.Mode()); err != nil {
		return Run{}, err
	}
	r, err := runChild(ctx, o, step, "", cache)
	if werr := os.WriteFile(path, src, fi.Mode()); werr != nil {
		return r, errors.Join(err, fmt.Errorf("restoring %s: %w", path, werr))
	}
	return r, err
}

// appendLine is StepEdit's edit: editLine at the end of the file.
func appendLine(_ string, src []byte) ([]byte, error) { return append(src, editLine...), nil }

// shiftDeclarations is StepEditShift's edit: shiftLine on a line of its
// own after the package clause.
func shiftDeclarations(path string, src []byte) ([]byte, error) {
	f, err := parser.ParseFile(token.NewFileSet(), path, src, parser.PackageClauseOnly)
	if err != nil {
		return nil, err
	}
	at := int(f.Name.End()) - 1 // the file's base is 1
	nl := bytes.IndexByte(src[at:], '\n')
	if nl < 0 {
		return append(append(src, '\n'), shiftLine...), nil
	}
	at += nl + 1
	return slices.Concat(src[:at], []byte(shiftLine), src[at:]), nil
}

// runChild runs one step in a fresh process of o.Exe and reads the Stats
// it prints; cache is the directory of the incremental steps' cache.
func runChild(ctx context.Context, o Options, step, profile, cache string) (Run, error) {
	if o.Timeout > 0 {
		// The child stops itself at the timeout; this is for a child
		// that cannot.
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, o.Timeout+time.Minute)
		defer cancel()
	}
	cmd := exec.CommandContext(ctx, o.Exe, childArgs(o, step, profile)...)
	if cache != "" {
		cmd.Env = append(os.Environ(), cacheDirEnv+"="+cache)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	r, err := timed(cmd)
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.ExitCode() == exitTimedOut || ctx.Err() == context.DeadlineExceeded {
		return r, errTimedOut
	}
	if err != nil {
		return r, fmt.Errorf("%w\n%s", err, firstLines(stderr.String(), 30))
	}
	var st Stats
	if err := json.Unmarshal(stdout.Bytes(), &st); err != nil {
		return r, fmt.Errorf("reading the step's statistics: %w\n%s", err, firstLines(stdout.String(), 10))
	}
	r.Stats = &st
	return r, nil
}

// runGosec runs gosec over the patterns in the module directory. Its JSON
// report goes to a temporary file, read for its statistics. gosec exits
// with 1 when it finds issues.
func runGosec(ctx context.Context, o Options) (Run, error) {
	tmp, err := os.MkdirTemp("", "datagate-bench-gosec-")
	if err != nil {
		return Run{}, err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "gosec.json")
	if o.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, o.Timeout)
		defer cancel()
	}
	cmd := exec.CommandContext(ctx, o.Gosec, append([]string{"-quiet", "-fmt", "json", "-out", out}, o.Patterns...)...)
	cmd.Dir = o.Dir
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	r, err := timed(cmd)
	if ctx.Err() == context.DeadlineExceeded {
		return r, errTimedOut
	}
	var ee *exec.ExitError
	if err != nil && !(errors.As(err, &ee) && ee.ExitCode() == 1) {
		return r, fmt.Errorf("gosec: %w\n%s", err, firstLines(stderr.String(), 30))
	}
	data, rerr := os.ReadFile(out)
	if rerr != nil {
		return r, fmt.Errorf("gosec wrote no report: %w\n%s", errors.Join(err, rerr), firstLines(stderr.String(), 30))
	}
	var rep struct {
		Stats struct {
			Files int `json:"files"`
			Lines int `json:"lines"`
			Found int `json:"found"`
		} `json:"Stats"`
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		return r, fmt.Errorf("reading gosec's report: %w", err)
	}
	r.Stats = &Stats{Findings: rep.Stats.Found, Files: rep.Stats.Files, Lines: rep.Stats.Lines}
	return r, nil
}

// timed runs cmd and measures its wall time, CPU time and peak RSS.
func timed(cmd *exec.Cmd) (Run, error) {
	t0 := time.Now()
	err := cmd.Run()
	wall := time.Since(t0)
	r := Run{WallMS: ms(wall)}
	if cmd.ProcessState != nil {
		rss, cpu := usage(cmd.ProcessState)
		r.MaxRSSMB = float64(rss) / (1 << 20)
		r.CPUMS = ms(cpu)
	}
	return r, err
}

// WriteText writes the report as tables.
func (rep *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "module:   %s\n", rep.Dir)
	if g := rep.Generated; g != nil {
		fmt.Fprintf(&b, "          generated: %d packages (%d layers, fanout %d), %d files, %d lines\n",
			len(g.Packages), g.Config.Layers, g.Config.Fanout, g.Files, g.Lines)
	}
	fmt.Fprintf(&b, "patterns: %s\n", strings.Join(rep.Patterns, " "))
	if rep.Edit != "" {
		fmt.Fprintf(&b, "edit:     %s (a line added at its end for the edit step, after its package clause for edit-shift)\n", rep.Edit)
	}
	fmt.Fprintf(&b, "machine:  %s, %d CPUs; %d interleaved rounds, each step in a fresh process\n", rep.Go, rep.CPUs, rep.Runs)
	if rep.Timeout != "" {
		fmt.Fprintf(&b, "timeout:  %s per run\n", rep.Timeout)
	}
	if rep.Instrs > 0 {
		fmt.Fprintf(&b, "size:     %d SSA functions, %d SSA instructions in the root packages\n", rep.Functions, rep.Instrs)
	}
	b.WriteString("\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "step\twall best\twall median\tcpu median\tpeak RSS\t")
	for _, s := range rep.Steps {
		if s.Skipped != "" {
			fmt.Fprintf(tw, "%s\t%9s\t%11s\t%10s\t%8s\t%s\n", s.Name, "-", "-", "-", "-", s.Skipped)
			continue
		}
		if len(s.Runs) == 0 && s.TimedOutMS > 0 {
			fmt.Fprintf(tw, "%s\t>%7.2fs\t%11s\t%10s\t>%4.0f MB\t%s\n", s.Name, s.TimedOutMS/1000, "-", "-", s.PeakMB, s.Note)
			continue
		}
		fmt.Fprintf(tw, "%s\t%8.2fs\t%10.2fs\t%9.2fs\t%5.0f MB\t%s\n", s.Name, s.BestMS/1000, s.MedianMS/1000, s.CPUMS/1000, s.PeakMB, s.Note)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	b.WriteString("\n")
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "measure\tbest\tmedian\ttarget\t")
	for _, r := range rep.Ratios {
		mark := "PASS"
		switch {
		case r.Target == "" && r.AtLeast:
			continue // no CPU time for a run that timed out
		case r.Target == "":
			fmt.Fprintf(tw, "%s\t%5s\t%7.2f\t(no target)\t\n", r.Name, "", r.Median)
			continue
		case !r.Pass:
			mark = "FAIL"
		}
		gt := ""
		if r.AtLeast {
			gt = ">"
		}
		if r.Unit != "" {
			fmt.Fprintf(tw, "%s\t%s%.0f %s\t%6s\t%s\t%s\n", r.Name, gt, r.Best, r.Unit, "", r.Target, mark)
			continue
		}
		fmt.Fprintf(tw, "%s\t%5s\t%7s\t%s\t%s\n", r.Name, gt+fmt.Sprintf("%.2f", r.Best), gt+fmt.Sprintf("%.2f", r.Median), r.Target, mark)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if rep.ProfileDir != "" {
		fmt.Fprintf(&b, "\nprofiles of the first datagate run: %s (go tool pprof -top %s)\n",
			rep.ProfileDir, filepath.Join(rep.ProfileDir, "cpu.pprof"))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes the report as indented JSON.
func (rep *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}
