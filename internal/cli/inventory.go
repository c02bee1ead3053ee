package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/datagate/datagate/analyzers/datagate"
	"github.com/datagate/datagate/internal/inventory"
	"github.com/datagate/datagate/lineage"
)

// lineageUsage is the help text of datagate lineage.
const lineageUsage = `usage: datagate lineage [flags] [packages]

The lineage inventory: every flow of user data the scan finds (flows to
allowed regions, internal services and the gateway, sanitised flows and
violations), one row per field, exit and endpoint, with the region, whether
it is allowed, and the rule the exit breaks, if any.

Flags:
  -format FORMAT   markdown (default), json, dot or csv; with -diff, text
                   (default) or markdown
  -diff OLD.json   compare with an inventory written earlier with -format json:
                   new and gone flows, new destinations, new categories, region
                   changes
  -policy FILE     policy file (as for the scan)
  -o FILE          write the output to FILE instead of standard output
  -tests           also analyse _test.go files
  -tags LIST       comma-separated build tags
  -C DIR           change to DIR first
  -keep-going      exit as if every package had been analysed, even if some
                   could not be loaded or analysed (their flows are missing)

Exit codes: 0 written (with -diff: no new flow to a region outside the
allowed ones); 1 with -diff, a new flow, or a region change, sends user data
outside the allowed regions; 2 usage, policy, load or -diff file error, or a
package that could not be analysed (unless -keep-going).
`

// lineageOptions are datagate lineage's flags.
type lineageOptions struct {
	scan     options
	format   string
	diff     string
	explicit bool // -format was given
}

// lineageCommand writes the lineage inventory, or with -diff its changes.
func lineageCommand(args []string, stdout, stderr io.Writer, hooks *scanHooks) error {
	lo, err := parseLineageFlags(args, stdout)
	if err != nil {
		return err
	}
	o := &lo.scan
	o.stderr = stderr
	wd, err := workDir(o.dir)
	if err != nil {
		return err
	}

	// Read the old inventory first: a bad file fails before the analysis.
	var old *inventory.Inventory
	if lo.diff != "" {
		data, err := os.ReadFile(inDir(wd, lo.diff))
		if err != nil {
			return fmt.Errorf("-diff: %w", err)
		}
		if old, err = inventory.Read(bytes.NewReader(data), lo.diff); err != nil {
			return fmt.Errorf("-diff: %w", err)
		}
	}

	cfg, fixed, err := scanConfig(o, wd)
	if err != nil {
		return err
	}
	an, err := analyse(o, wd, cfg, fixed, hooks)
	if err != nil {
		return err
	}
	inv := buildInventory(an)

	var diff *inventory.Diff
	var out bytes.Buffer
	switch {
	case old != nil:
		diff = inventory.Compare(old, inv)
		if lo.format == "markdown" {
			err = inventory.WriteDiffMarkdown(&out, diff, lo.diff)
		} else {
			err = inventory.WriteDiffText(&out, diff, lo.diff)
		}
	default:
		err = inventory.Write(&out, inv, lo.format)
	}
	if err != nil {
		return err
	}
	if err := writeFile(wd, o.output, out.Bytes(), stdout); err != nil {
		return err
	}

	if errs := toolErrors(an.graph, an.root); len(errs) > 0 {
		for _, e := range errs {
			fmt.Fprintf(stderr, "datagate: %s: %s\n", e.Package, e.Message)
		}
		if !o.keepGoing {
			return &incompleteError{n: len(errs)}
		}
		fmt.Fprintf(stderr, "datagate: warning: %v; the inventory lacks their flows (-keep-going)\n", &incompleteError{n: len(errs)})
	}
	if diff != nil && len(diff.Fails()) > 0 {
		return errFindings
	}
	return nil
}

// parseLineageFlags reads datagate lineage's flags.
func parseLineageFlags(args []string, stdout io.Writer) (*lineageOptions, error) {
	lo := &lineageOptions{}
	o := &lo.scan
	fs := flag.NewFlagSet("datagate lineage", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.policy, "policy", "", "")
	fs.StringVar(&o.output, "o", "", "")
	fs.BoolVar(&o.tests, "tests", false, "")
	fs.StringVar(&o.tags, "tags", "", "")
	fs.StringVar(&o.dir, "C", "", "")
	fs.BoolVar(&o.keepGoing, "keep-going", false, "")
	fs.StringVar(&lo.format, "format", "", "")
	fs.StringVar(&lo.diff, "diff", "", "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, lineageUsage)
			return nil, err
		}
		return nil, usagef("lineage: %v", err)
	}
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "format" {
			lo.explicit = true
		}
	})
	if err := patternsOf(o, fs.Args()); err != nil {
		return nil, err
	}
	switch {
	case lo.diff != "" && !lo.explicit:
		lo.format = "text"
	case lo.diff != "":
		if lo.format != "text" && lo.format != "markdown" {
			return nil, usagef("lineage: -format %q with -diff: want text or markdown", lo.format)
		}
	case !lo.explicit:
		lo.format = "markdown"
	default:
		known := false
		for _, f := range inventory.Formats() {
			known = known || f == lo.format
		}
		if !known {
			return nil, usagef("lineage: -format: unknown format %q (want %s)", lo.format, strings.Join(inventory.Formats(), ", "))
		}
	}
	if err := checkDir(o.dir); err != nil {
		return nil, err
	}
	return lo, nil
}

// patternsOf sets o.patterns from the arguments after the flags (default
// ./...), refusing flags among them.
func patternsOf(o *options, args []string) error {
	o.patterns = args
	if len(o.patterns) == 0 {
		o.patterns = []string{"./..."}
	}
	for _, p := range o.patterns {
		if strings.HasPrefix(p, "-") {
			return usagef("flag %s after the packages: flags come first", p)
		}
	}
	return nil
}

// checkDir checks the -C directory.
func checkDir(dir string) error {
	if dir == "" {
		return nil
	}
	fi, err := os.Stat(dir)
	if err != nil {
		return usagef("-C: %v", err)
	}
	if !fi.IsDir() {
		return usagef("-C: %s is not a directory", dir)
	}
	return nil
}

// buildInventory makes the inventory of an analysis: the scan's merged
// flows, each with what datagate.Check makes of it under its policy.
func buildInventory(an *analysed) *inventory.Inventory {
	dirs := allDirectives(an.results)
	var flows []inventory.Flow
	for _, m := range an.merged {
		f := inventory.Flow{Flow: m.flow, Parts: m.parts, Policy: m.policy, Local: m.local}
		if fds := datagate.Check([]lineage.Flow{m.flow}, m.policy, dirs, an.now); len(fds) > 0 {
			f.Finding = &fds[0]
		}
		flows = append(flows, f)
	}
	return inventory.Build(modulePath(an), flows, func(file string) string { return displayPath(an.root, file) })
}

// modulePath is the path of the module the paths are relative to.
func modulePath(an *analysed) string {
	for _, p := range an.roots {
		if p.Module != nil && p.Module.Dir == an.root {
			return p.Module.Path
		}
	}
	return ""
}

// writeFile writes data to standard output, or to path (relative to wd)
// through a temporary file renamed into place, so that a failed write
// leaves no partial output.
func writeFile(wd, path string, data []byte, stdout io.Writer) error {
	if path == "" {
		_, err := stdout.Write(data)
		return err
	}
	return renameInto(inDir(wd, path), path, data, 0o644)
}
