package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"

	"golang.org/x/tools/go/packages"

	"github.com/datagate/datagate/internal/suggest"
)

// suggestUsage is the help text of datagate suggest.
const suggestUsage = `usage: datagate suggest [flags] [packages]

Lists the struct fields that look like personal data (an e-mail, a name, a
birth date, an IP address, an IBAN, ...) but carry no userdata tag, with the
category to tag them with and how sure the guess is:

  file:line:col: Type.Field: suggest userdata:"category" (confidence, reason)

Flags:
  -fix          write the tags into the source: userdata:"category" appended
                to the field's tag (or a new tag), the file kept gofmt-clean
  -min LEVEL    the least confidence to list or fix: high, medium or low
                (default: medium when listing, high with -fix)
  -tests        also inspect _test.go files
  -tags LIST    comma-separated build tags
  -C DIR        change to DIR first

Exit codes: 0 done (suggestions are advice, not failures); 2 usage or load
error, or a file that could not be fixed.
`

// suggestLoadMode is what the suggestions need: syntax and types of the
// root packages.
const suggestLoadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo | packages.NeedModule

// suggestCommand lists, or with -fix writes, userdata tags for the fields
// that look like personal data.
func suggestCommand(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("datagate suggest", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fix := fs.Bool("fix", false, "")
	minFlag := fs.String("min", "", "")
	tests := fs.Bool("tests", false, "")
	tags := fs.String("tags", "", "")
	dir := fs.String("C", "", "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, suggestUsage)
			return err
		}
		return usagef("suggest: %v", err)
	}
	least := suggest.Medium
	if *fix {
		least = suggest.High
	}
	if *minFlag != "" {
		c, ok := suggest.ParseConfidence(*minFlag)
		if !ok {
			return usagef("suggest: -min: unknown level %q (want high, medium or low)", *minFlag)
		}
		least = c
	}
	o := &options{}
	if err := patternsOf(o, fs.Args()); err != nil {
		return err
	}
	if err := checkDir(*dir); err != nil {
		return err
	}
	wd, err := workDir(*dir)
	if err != nil {
		return err
	}

	pcfg := &packages.Config{Mode: suggestLoadMode, Dir: wd, Tests: *tests}
	if *tags != "" {
		pcfg.BuildFlags = []string{"-tags=" + *tags}
	}
	all, err := packages.Load(pcfg, o.patterns...)
	if err != nil {
		return fmt.Errorf("loading packages: %w", err)
	}
	roots := rootPackages(all)
	if len(roots) == 0 {
		return fmt.Errorf("%v matched no packages", o.patterns)
	}
	var bad []string
	packages.Visit(roots, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			bad = append(bad, e.Error())
		}
	})
	if len(bad) > 0 {
		for _, e := range bad {
			fmt.Fprintf(stderr, "datagate: %s\n", e)
		}
		return fmt.Errorf("%s: nothing suggested", countOf(len(bad), "load error", "load errors"))
	}
	root := moduleRoot(roots, wd)

	// Each file once: with -tests, a package and its test variant share
	// files.
	seen := make(map[string]bool)
	var in []suggest.Package
	for _, p := range roots {
		sp := suggest.Package{Fset: p.Fset, Info: p.TypesInfo}
		for _, f := range p.Syntax {
			name := p.Fset.File(f.Pos()).Name()
			if seen[name] {
				continue
			}
			seen[name] = true
			sp.Files = append(sp.Files, f)
		}
		in = append(in, sp)
	}
	var sugs []suggest.Suggestion
	for _, s := range suggest.Inspect(in) {
		if s.Confidence >= least {
			sugs = append(sugs, s)
		}
	}

	line := func(s *suggest.Suggestion) string {
		return fmt.Sprintf("%s:%d:%d: %s.%s", displayPath(root, s.Pos.Filename), s.Pos.Line, s.Pos.Column, s.Type, s.Field)
	}
	if !*fix {
		for i := range sugs {
			s := &sugs[i]
			fmt.Fprintf(stdout, "%s: suggest %s (%s, %s)\n", line(s), s.Tag(), s.Confidence, s.Reason)
		}
		return nil
	}

	byFile := make(map[string][]suggest.Suggestion)
	var files []string
	for _, s := range sugs {
		if byFile[s.Pos.Filename] == nil {
			files = append(files, s.Pos.Filename)
		}
		byFile[s.Pos.Filename] = append(byFile[s.Pos.Filename], s)
	}
	sort.Strings(files)
	written, changed := 0, 0
	for _, file := range files {
		ss := byFile[file]
		src, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		out, skipped, err := suggest.Fix(file, src, ss)
		if err != nil {
			return err
		}
		skip := make(map[suggest.Suggestion]string)
		for _, k := range skipped {
			skip[k.Suggestion] = k.Why
		}
		for i := range ss {
			s := &ss[i]
			if why, ok := skip[*s]; ok {
				fmt.Fprintf(stdout, "%s: not fixed: %s\n", line(s), why)
				continue
			}
			written++
			fmt.Fprintf(stdout, "%s: fixed: %s (%s, %s)\n", line(s), s.Tag(), s.Confidence, s.Reason)
		}
		if string(out) == string(src) {
			continue
		}
		if err := replaceFile(file, out); err != nil {
			return err
		}
		changed++
	}
	fmt.Fprintf(stderr, "datagate: wrote %s in %s\n", countOf(written, "userdata tag", "userdata tags"), countOf(changed, "file", "files"))
	return nil
}

func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// replaceFile writes data to path through a temporary file beside it,
// keeping the file's mode.
func replaceFile(path string, data []byte) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	return renameInto(path, path, data, fi.Mode().Perm())
}
