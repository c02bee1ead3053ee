// Command datagate-bench measures datagate against its performance targets,
// side by side in one run: the full scan's wall time against loading,
// type-checking and building SSA for the same packages (at most 1.3x),
// against gosec on the same code (at most 0.5x), and the scan's peak
// memory (under 1 GB).
//
// Usage:
//
//	datagate-bench [flags] [packages]
//
// Without -C, it generates a synthetic module (internal/bench) of
// -packages packages in a temporary directory and measures that; with
// -real, a small real module whose dependencies have the shapes that cost
// an analysis most (modernc.org/sqlite, golang.org/x/text's display
// names, go-github, go-jsonnet; pinned in internal/bench, downloaded from
// the module proxy); with -C DIR, the module in DIR. Packages are named as for go build; the
// default is ./... .
//
// Each step runs -runs times, interleaved (load, load+SSA, datagate,
// gosec, load, ...) so that the steps share the machine's noise, and each
// run in a fresh process, so that the peak RSS reported (the process's
// getrusage maximum) is that step's own. The steps:
//
//	load       go/packages load with syntax and types of the whole import
//	           graph, as the datagate command loads (not a target; it shows
//	           how much of the others is loading)
//	load+SSA   the same, then SSA for every package (ssautil.AllPackages,
//	           Program.Build): the baseline
//	datagate   the full scan (datagate -format json, output discarded),
//	           through the command's own entry point
//	gosec      gosec -quiet -fmt json -out FILE [packages] in the module
//	           directory, when a gosec binary is found
//
// With -edit FILE, each round also measures re-scans with the cache:
//
//	go-list    go list -e -deps [packages]: what a scan with everything in
//	           its cache cannot do without
//	cold-cache the scan with a new, empty cache (the round's own)
//	warm       the scan again, nothing changed (its output must be the
//	           cold one's, byte for byte, or the run fails)
//	edit       the scan again after a line (a package variable) is added at
//	           the end of FILE, which is restored afterwards: what the
//	           package gives its importers does not change
//	edit-shift the scan again after a comment line is put after FILE's
//	           package clause instead: every declaration of the file moves
//	           down a line, and so do the positions its facts hold
//
// and compares edit and edit-shift with cold-cache (target: under a tenth)
// and warm with go-list.
//
// Flags:
//
//	-C DIR          measure the module in DIR instead of a generated one
//	-packages N     size of the generated module (default 300)
//	-real           measure the real module instead of a generated one
//	-keep           keep the generated module (its directory is printed)
//	-runs N         timed rounds (default 3); wall times are best and median
//	-steps LIST     comma-separated subset of load,load+SSA,datagate,gosec
//	                (and, with -edit, of go-list,cold-cache,warm,edit)
//	-edit FILE      also measure the incremental steps, editing FILE (a
//	                path relative to the module directory)
//	-gosec PATH     gosec binary (default: gosec in PATH, else in GOBIN or
//	                GOPATH/bin); "none" skips the gosec step
//	-profile DIR    write CPU and heap profiles of the first datagate run
//	                to DIR (cpu.pprof, allocs.pprof, peak-heap.pprof)
//	-timeout D      stop a run of a step after D; the step is not run
//	                again and D counts as its time (a lower bound). With
//	                -profile, a datagate run stopped so writes its profiles
//	                so far and a goroutine dump (goroutines.txt)
//	-json           print the report as JSON
//	-report FILE    print the tables of a report written with -json
//
// The exit code is 0 when every target is met, 1 when one is missed and 2
// on errors. The environment is passed to every step: to measure a module
// that needs no network, set GOFLAGS=-mod=mod GOPROXY=off.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"

	"github.com/datagate/datagate/internal/bench"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage: datagate-bench [-C DIR | -packages N | -real] [-runs N] [-steps LIST] [-edit FILE] [-gosec PATH] [-profile DIR] [-timeout D] [-json] [packages]
       datagate-bench -report FILE

Measures the datagate scan against load+SSA of the same packages and
against gosec, side by side, each step in a fresh process. See
go doc github.com/datagate/datagate/cmd/datagate-bench.

Flags:
`

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("datagate-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("C", "", "measure the module in `DIR` instead of a generated one")
	npkg := fs.Int("packages", 300, "`N` packages in the generated module")
	realMod := fs.Bool("real", false, "measure the real module (sqlite, x/text display, go-github, go-jsonnet from the module proxy) instead of a generated one")
	keep := fs.Bool("keep", false, "keep the generated module")
	runs := fs.Int("runs", 3, "`N` timed rounds")
	steps := fs.String("steps", strings.Join(bench.AllSteps, ","), "comma-separated `LIST` of steps to run")
	edit := fs.String("edit", "", "also measure scans with the cache: cold, warm, after a line is added at the end of `FILE` (relative to the module) and after one is put after its package clause")
	gosec := fs.String("gosec", "", "gosec binary `PATH` (default: gosec in PATH, GOBIN or GOPATH/bin); none: skip the step")
	profile := fs.String("profile", "", "write profiles of the first datagate run to `DIR`")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	timeout := fs.Duration("timeout", 0, "stop a run of a step after `D` (0: none); its time then counts as D, a lower bound")
	reread := fs.String("report", "", "print the tables of a JSON report `FILE` written by -json, and measure nothing")
	child := fs.String("child", "", "") // hidden: run one step in this process
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.VisitAll(func(f *flag.Flag) {
			if f.Name == "child" {
				return
			}
			name, u := flag.UnquoteUsage(f)
			if name != "" {
				name = " " + name
			}
			if f.DefValue != "" && f.DefValue != "false" {
				u += fmt.Sprintf(" (default %s)", f.DefValue)
			}
			fmt.Fprintf(stderr, "  -%s%s\n    \t%s\n", f.Name, name, u)
		})
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	patterns := fs.Args()

	if *reread != "" {
		return printReport(*reread, stdout, stderr)
	}
	if *child != "" {
		if err := bench.RunChild(*child, *dir, *profile, *timeout, patterns, stdout); err != nil {
			fmt.Fprintf(stderr, "datagate-bench: %s: %v\n", *child, err)
			return 2
		}
		return 0
	}

	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "datagate-bench: %v\n", err)
		return 2
	}
	o := bench.Options{Patterns: patterns, Runs: *runs, Exe: exe, Log: stderr, Timeout: *timeout, Edit: *edit}
	for s := range strings.SplitSeq(*steps, ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		if !known(s) {
			fmt.Fprintf(stderr, "datagate-bench: unknown step %q (want %s)\n", s, strings.Join(append(slices.Clone(bench.AllSteps), bench.IncrementalSteps...), ","))
			return 2
		}
		o.Steps = append(o.Steps, s)
	}
	if *profile != "" {
		if o.ProfileDir, err = filepath.Abs(*profile); err != nil {
			fmt.Fprintf(stderr, "datagate-bench: %v\n", err)
			return 2
		}
	}
	switch *gosec {
	case "none":
	case "":
		o.Gosec = findGosec()
	default:
		o.Gosec = *gosec
	}

	if *realMod && *dir != "" {
		fmt.Fprintln(stderr, "datagate-bench: -real and -C exclude each other")
		return 2
	}
	if *dir != "" {
		if o.Dir, err = filepath.Abs(*dir); err != nil {
			fmt.Fprintf(stderr, "datagate-bench: %v\n", err)
			return 2
		}
	} else {
		tmp, err := os.MkdirTemp("", "datagate-bench-")
		if err != nil {
			fmt.Fprintf(stderr, "datagate-bench: %v\n", err)
			return 2
		}
		if *keep {
			fmt.Fprintf(stderr, "generated module kept in %s\n", tmp)
		} else {
			defer os.RemoveAll(tmp)
		}
		if *realMod {
			fmt.Fprintf(stderr, "writing the real module %s in %s and downloading its dependencies\n", bench.RealModulePath, tmp)
			if err := bench.WriteRealModule(context.Background(), tmp); err != nil {
				fmt.Fprintf(stderr, "datagate-bench: %v\n", err)
				return 2
			}
			o.Dir = tmp
		} else {
			m, err := bench.Generate(tmp, bench.Config{Packages: *npkg})
			if err != nil {
				fmt.Fprintf(stderr, "datagate-bench: %v\n", err)
				return 2
			}
			o.Dir, o.Generated = tmp, m
			fmt.Fprintf(stderr, "generated %d packages, %d lines in %s\n", len(m.Packages), m.Lines, tmp)
		}
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	rep, err := bench.Measure(ctx, o)
	if err != nil {
		fmt.Fprintf(stderr, "datagate-bench: %v\n", err)
		return 2
	}
	if *asJSON {
		err = rep.WriteJSON(stdout)
	} else {
		err = rep.WriteText(stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "datagate-bench: %v\n", err)
		return 2
	}
	for _, r := range rep.Ratios {
		if !r.Pass {
			return 1
		}
	}
	return 0
}

// printReport prints the tables of a JSON report.
func printReport(path string, stdout, stderr io.Writer) int {
	data, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(stderr, "datagate-bench: %v\n", err)
		return 2
	}
	var rep bench.Report
	if err := json.Unmarshal(data, &rep); err != nil {
		fmt.Fprintf(stderr, "datagate-bench: %s: %v\n", path, err)
		return 2
	}
	if err := rep.WriteText(stdout); err != nil {
		fmt.Fprintf(stderr, "datagate-bench: %v\n", err)
		return 2
	}
	return 0
}

func known(step string) bool {
	return slices.Contains(bench.AllSteps, step) || slices.Contains(bench.IncrementalSteps, step)
}

// findGosec looks gosec up in PATH, then where go install puts it.
func findGosec() string {
	if p, err := exec.LookPath("gosec"); err == nil {
		return p
	}
	var dirs []string
	if out, err := exec.Command("go", "env", "GOBIN", "GOPATH").Output(); err == nil {
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		if len(lines) > 0 && strings.TrimSpace(lines[0]) != "" {
			dirs = append(dirs, strings.TrimSpace(lines[0]))
		}
		if len(lines) > 1 {
			for _, p := range filepath.SplitList(strings.TrimSpace(lines[1])) {
				dirs = append(dirs, filepath.Join(p, "bin"))
			}
		}
	}
	for _, d := range dirs {
		p := filepath.Join(d, "gosec")
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0 {
			return p
		}
	}
	return ""
}
