// Package cli is the datagate command: flag parsing, the scan (load,
// analyse, merge, check, write) and the rules, regions and version
// subcommands. cmd/datagate is a thin main around Main; its doc.go is the
// user documentation, including the exit codes.
//
// A scan runs the datagate analyzer suite (analyzers/datagate) over the
// named packages with golang.org/x/tools/go/analysis/checker, then treats
// the flows of all root packages as one program: one result per exit, at
// the exit when it lies in an analysed, hand-written file, else at the call
// in analysed code that leads to it (README.md#rules). The go vet entry
// point (unitchecker) sees one package at a time and reports at the call
// in that package instead.
//
// Nothing here lives in package variables: Main can run many times in one
// process (the tests do), each run with its own analyzer and config.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/datagate/datagate/internal/report"
	"github.com/datagate/datagate/lineage/policy"
	"github.com/datagate/datagate/lineage/rules"
)

// usage is the help text. It, the subcommands' usage texts and
// cmd/datagate/doc.go name the same subcommands and flags (internal/hygiene's
// TestUsage checks them against the flag sets); README.md#command-line has
// the full reference.
const usage = `usage: datagate [flags] [packages]
       datagate rules [rule]
       datagate regions [-policy FILE] [-C DIR] host|region... | -list
       datagate lineage [-format markdown|json|dot|csv] [-diff OLD.json] [flags] [packages]
       datagate endpoints [-format text|json|markdown] [flags] [packages]
       datagate suggest [-fix] [-min high|medium|low] [packages]
       datagate version
       go vet -vettool=$(command -v datagate) [-datagate.policy=FILE] [packages]

datagate follows user data (struct fields tagged userdata:"category") to the
calls where it leaves the process and reports the exits that send it outside
the policy's allowed regions or around its gateway. Packages are named as for
go build; the default is ./... .

Flags:
  -policy FILE        policy file (default: $DATAGATE_POLICY, else the nearest
                      datagate.yaml up to the module root, else the built-in
                      default: allowed_regions [EEA], no gateway)
  -format FORMAT      output format: text, sarif or json (default text)
  -o FILE             write the output to FILE instead of standard output
  -fail-on LEVEL      lowest level that makes the exit code 1: error, warning,
                      note or none (default error)
  -baseline FILE      SARIF file from an earlier run: results with the same
                      fingerprint are not reported
  -tests              also analyse _test.go files
  -tags LIST          comma-separated build tags
  -show-suppressed    keep results suppressed by //datagate:allow (SARIF
                      suppressions, text marked)
  -category NAME      SARIF runAutomationDetails category
  -C DIR              change to DIR before doing anything else (relative
                      -policy, -o and -baseline paths are taken from DIR)
  -keep-going         set the exit code by the findings alone, even if some
                      packages could not be loaded or analysed
  -cache on|off       keep each package's analysis between runs, so that a
                      scan analyses only what changed (default on; in
                      $DATAGATE_CACHE, else datagate under the user cache
                      directory; DATAGATE_CACHE=off turns it off)
  -v                  print the engine's notes (calls it has no model for,
                      limits it hit) to standard error
  -version            print the version and exit

Under go vet the policy flag is -datagate.policy; give it an absolute path
(go vet runs the tool in each package's directory).

Exit codes: 0 nothing at or above -fail-on; 1 findings at or above it;
2 usage, policy, baseline or load error, or a package that failed to
analyse (unless -keep-going).
`

// options are the scan's flags.
type options struct {
	policy         string
	format         string
	output         string
	failOn         string
	baseline       string
	tests          bool
	tags           string
	showSuppressed bool
	category       string
	dir            string
	keepGoing      bool
	cache          string    // on, off ("" means on)
	stderr         io.Writer // where the progress line goes, if a terminal (set by the command)
	verbose        bool
	version        bool
	patterns       []string
}

// Main runs the datagate command with args (without the program name) and
// returns the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	return mainWith(args, stdout, stderr, nil)
}

// mainWith is Main with hooks for tests (nil in the command).
func mainWith(args []string, stdout, stderr io.Writer, hooks *scanHooks) int {
	err := command(args, stdout, stderr, hooks)
	var ue *usageError
	var pe *policy.Error
	var ie *incompleteError
	switch {
	case err == nil, errors.Is(err, errFindings):
	case errors.Is(err, flag.ErrHelp):
		return ExitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "datagate: %s\n\n%s", ue.msg, usage)
	case errors.As(err, &pe):
		// file:line:col: key: msg, so that editors can jump to it.
		fmt.Fprintln(stderr, pe.Error())
	case errors.As(err, &ie):
		fmt.Fprintf(stderr, "datagate: %v (run with -keep-going to set the exit code by the findings alone)\n", err)
	default:
		fmt.Fprintf(stderr, "datagate: %v\n", err)
	}
	return exitCode(err)
}

// command dispatches to a subcommand or the scan.
func command(args []string, stdout, stderr io.Writer, hooks *scanHooks) error {
	if len(args) > 0 {
		switch args[0] {
		case "rules":
			return rulesCommand(args[1:], stdout)
		case "regions":
			return regionsCommand(args[1:], stdout, stderr)
		case "lineage":
			return lineageCommand(args[1:], stdout, stderr, hooks)
		case "endpoints":
			return endpointsCommand(args[1:], stdout, stderr, hooks)
		case "suggest":
			return suggestCommand(args[1:], stdout, stderr)
		case "version":
			if len(args) > 1 {
				return usagef("version takes no arguments")
			}
			printVersion(stdout)
			return nil
		case "help":
			fmt.Fprint(stdout, usage)
			return nil
		}
	}
	o, err := parseFlags(args, stdout, stderr)
	if err != nil {
		return err
	}
	if o.version {
		printVersion(stdout)
		return nil
	}
	return scanCommand(o, stdout, stderr, hooks)
}

// parseFlags reads the scan's flags and checks their values.
func parseFlags(args []string, stdout, stderr io.Writer) (*options, error) {
	o := &options{}
	fs := flag.NewFlagSet("datagate", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // Main prints the error and the usage
	fs.StringVar(&o.policy, "policy", "", "")
	fs.StringVar(&o.format, "format", "text", "")
	fs.StringVar(&o.output, "o", "", "")
	fs.StringVar(&o.failOn, "fail-on", rules.LevelError, "")
	fs.StringVar(&o.baseline, "baseline", "", "")
	fs.BoolVar(&o.tests, "tests", false, "")
	fs.StringVar(&o.tags, "tags", "", "")
	fs.BoolVar(&o.showSuppressed, "show-suppressed", false, "")
	fs.StringVar(&o.category, "category", "", "")
	fs.StringVar(&o.dir, "C", "", "")
	fs.BoolVar(&o.keepGoing, "keep-going", false, "")
	fs.StringVar(&o.cache, "cache", "on", "")
	fs.BoolVar(&o.verbose, "v", false, "")
	fs.BoolVar(&o.version, "version", false, "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return nil, err
		}
		return nil, usagef("%v", err)
	}
	o.patterns = fs.Args()
	if len(o.patterns) == 0 {
		o.patterns = []string{"./..."}
	}
	for _, p := range o.patterns {
		if strings.HasPrefix(p, "-") {
			return nil, usagef("flag %s after the packages: flags come first", p)
		}
	}
	if _, err := report.ForFormat(o.format); err != nil {
		return nil, usagef("-format: %v", err)
	}
	if o.cache != "on" && o.cache != "off" {
		return nil, usagef("-cache: %q: want on or off", o.cache)
	}
	switch o.failOn {
	case rules.LevelError, rules.LevelWarning, rules.LevelNote, "none":
	default:
		return nil, usagef("-fail-on: unknown level %q (want error, warning, note or none)", o.failOn)
	}
	if o.category != "" && strings.ContainsAny(o.category, " \t\r\n") {
		return nil, usagef("-category: %q contains white space", o.category)
	}
	if o.dir != "" {
		fi, err := os.Stat(o.dir)
		if err != nil {
			return nil, usagef("-C: %v", err)
		}
		if !fi.IsDir() {
			return nil, usagef("-C: %s is not a directory", o.dir)
		}
	}
	return o, nil
}

// workDir returns the directory the command works in: -C's, absolute, or
// the current one.
func workDir(dir string) (string, error) {
	if dir == "" {
		return os.Getwd()
	}
	return filepath.Abs(dir)
}

// inDir makes a path given on the command line absolute, relative to the
// working directory dir (as go -C does).
func inDir(dir, path string) string {
	if path == "" || filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(dir, path)
}

// IsVetInvocation reports whether args (without the program name) are the
// go vet -vettool protocol rather than a datagate command line: "-flags",
// "-V=full", or unitchecker flags followed by a JSON config file whose name
// ends in ".cfg" (see golang.org/x/tools/go/analysis/unitchecker). The file
// must exist and be a regular file, which no package pattern is, and it
// must not be the value of one of datagate's own flags ("-o report.cfg").
func IsVetInvocation(args []string) bool {
	if len(args) == 1 && (args[0] == "-flags" || strings.HasPrefix(args[0], "-V=")) {
		return true
	}
	if len(args) == 0 {
		return false
	}
	last := args[len(args)-1]
	if !strings.HasSuffix(last, ".cfg") {
		return false
	}
	if len(args) > 1 && cliValueFlag(args[len(args)-2]) {
		return false
	}
	fi, err := os.Stat(last)
	return err == nil && fi.Mode().IsRegular()
}

// cliValueFlag reports whether arg is one of the command's flags that take
// their value as the next argument.
func cliValueFlag(arg string) bool {
	name := strings.TrimLeft(arg, "-")
	if name == arg || strings.Contains(name, "=") {
		return false
	}
	switch name {
	case "policy", "format", "o", "fail-on", "baseline", "tags", "category", "C", "cache":
		return true
	}
	return false
}
