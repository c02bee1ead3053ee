package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/datagate/datagate/analyzers/datagate"
	"github.com/datagate/datagate/lineage"
	"github.com/datagate/datagate/lineage/policy"
	"github.com/datagate/datagate/lineage/regions"
	"github.com/datagate/datagate/lineage/rules"
)

// endpointsUsage is the help text of datagate endpoints.
const endpointsUsage = `usage: datagate endpoints [flags] [packages]

The checklist a policy is written from: every exit carrying user data whose
destination is configured (an environment variable, a flag, a config key or
a config struct field), grouped by the input that decides it, with the
policy's endpoints entry for it, the values the policy's deploy files give
it and the region each resolves to, and the exits it decides.

Flags:
  -format FORMAT   text (default), json or markdown
  -policy FILE     policy file (as for the scan)
  -o FILE          write the output to FILE instead of standard output
  -tests           also analyse _test.go files
  -tags LIST       comma-separated build tags
  -C DIR           change to DIR first
  -keep-going      exit as if every package had been analysed, even if some
                   could not be loaded or analysed (their exits are missing)

Exit codes: 0 written; 2 usage, policy or load error, or a package that
could not be analysed (unless -keep-going).
`

// endpointsCommand writes the configured destinations.
func endpointsCommand(args []string, stdout, stderr io.Writer, hooks *scanHooks) error {
	o, format, err := parseEndpointsFlags(args, stdout)
	if err != nil {
		return err
	}
	o.stderr = stderr
	wd, err := workDir(o.dir)
	if err != nil {
		return err
	}
	cfg, fixed, err := scanConfig(o, wd)
	if err != nil {
		return err
	}
	an, err := analyse(o, wd, cfg, fixed, hooks)
	if err != nil {
		return err
	}
	inputs := configuredInputs(an)
	var out bytes.Buffer
	switch format {
	case "json":
		err = writeInputsJSON(&out, inputs)
	case "markdown":
		err = writeInputsMarkdown(&out, inputs)
	default:
		err = writeInputsText(&out, inputs)
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
		fmt.Fprintf(stderr, "datagate: warning: %v; the list lacks their exits (-keep-going)\n", &incompleteError{n: len(errs)})
	}
	return nil
}

// parseEndpointsFlags reads datagate endpoints' flags.
func parseEndpointsFlags(args []string, stdout io.Writer) (*options, string, error) {
	o := &options{}
	var format string
	fs := flag.NewFlagSet("datagate endpoints", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.policy, "policy", "", "")
	fs.StringVar(&o.output, "o", "", "")
	fs.BoolVar(&o.tests, "tests", false, "")
	fs.StringVar(&o.tags, "tags", "", "")
	fs.StringVar(&o.dir, "C", "", "")
	fs.BoolVar(&o.keepGoing, "keep-going", false, "")
	fs.StringVar(&format, "format", "text", "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, endpointsUsage)
			return nil, "", err
		}
		return nil, "", usagef("endpoints: %v", err)
	}
	switch format {
	case "text", "json", "markdown":
	default:
		return nil, "", usagef("endpoints: -format: unknown format %q (want text, json or markdown)", format)
	}
	if err := patternsOf(o, fs.Args()); err != nil {
		return nil, "", err
	}
	if err := checkDir(o.dir); err != nil {
		return nil, "", err
	}
	return o, format, nil
}

// configuredInput is one configured input that decides where user data
// goes.
type configuredInput struct {
	Kind   string       `json:"kind"`  // env, flag, config, field
	Name   string       `json:"name"`  // SMTP_ADDR, smtp-host, a.b, example.com/cfg.Config.URL
	Input  string       `json:"input"` // "environment variable SMTP_ADDR"
	Policy *inputPolicy `json:"policy,omitempty"`
	Values []inputValue `json:"values,omitempty"`
	Exits  []inputExit  `json:"exits"`
}

// inputPolicy is the policy endpoints entry naming an input.
type inputPolicy struct {
	Region string `json:"region"`
	File   string `json:"file"`
	Line   int    `json:"line"`
}

// inputValue is a value a deploy file gives an input, and where it leads.
type inputValue struct {
	Value  string `json:"value"`
	From   string `json:"from"`             // deploy/k8s/api.yaml:41, relative to the module root
	Host   string `json:"host,omitempty"`   // "" when the value has no host
	Region string `json:"region,omitempty"` // "" when unknown
	Why    string `json:"why,omitempty"`    // how the region was decided, or why there is none
}

// inputExit is an exit whose destination the input decides.
type inputExit struct {
	Pos        string   `json:"pos"` // file:line:col, relative to the module root
	Func       string   `json:"func"`
	Callee     string   `json:"callee"`
	Kind       string   `json:"kind"`
	Fields     []string `json:"fields"` // in full: example.com/shop/model.User.Email
	Categories []string `json:"categories"`
	Rule       string   `json:"rule,omitempty"` // the result at the exit, if any
}

// inputKinds orders the kinds of configured inputs.
var inputKinds = map[string]int{lineage.InputEnv: 0, lineage.InputFlag: 1, lineage.InputConfig: 2, lineage.InputField: 3}

// configuredInputs groups the analysis' exits by the configured inputs that
// decide their destinations.
func configuredInputs(an *analysed) []configuredInput {
	dirs := allDirectives(an.results)
	type key struct{ kind, name string }
	byKey := make(map[key]*configuredInput)
	exitSeen := make(map[key]map[string]bool)
	valueSeen := make(map[key]map[string]bool)
	for _, m := range an.merged {
		f := m.flow
		if f.Sanitized || f.Exit.Kind == lineage.ExitGateway || m.excluded() {
			continue
		}
		at := f.Exit.Pos
		if !m.local && f.Via.IsValid() {
			at = f.Via
		}
		rule := ""
		if fds := datagate.Check([]lineage.Flow{f}, m.policy, dirs, an.now); len(fds) > 0 && fds[0].Suppr == nil {
			rule = fds[0].Rule
		}
		for _, e := range f.Endpoints {
			in := e.Input
			if !in.Configured() {
				continue
			}
			k := key{in.Kind, in.Name}
			ci := byKey[k]
			if ci == nil {
				ci = &configuredInput{Kind: in.Kind, Name: in.Name, Input: lineage.Input{Kind: in.Kind, Name: in.Name}.Describe()}
				if r, pr, ok := m.policy.InputRegion(in.Kind, in.Name); ok {
					ci.Policy = &inputPolicy{Region: r, File: displayPath(an.root, m.policy.File), Line: pr.Line}
				}
				for _, v := range m.policy.DeployValues(in.Kind, in.Name) {
					host, region, why := rawValueRegion(m.policy, v.Value)
					ci.Values = append(ci.Values, inputValue{Value: v.Value, From: v.From(), Host: host, Region: region, Why: why})
				}
				byKey[k] = ci
				exitSeen[k] = make(map[string]bool)
				valueSeen[k] = make(map[string]bool)
			}
			if in.From != "" {
				// What the value gave once folded into the destination.
				for i := range ci.Values {
					v := &ci.Values[i]
					if v.From == in.From && !valueSeen[k][v.From] {
						valueSeen[k][v.From] = true
						v.Host, v.Region, v.Why = e.Host, e.Region, e.RegionWhy
						if e.Unresolved != "" {
							v.Why = e.Unresolved
						}
					}
				}
			}
			pos := relPosText(an.root, at)
			if exitSeen[k][pos] {
				continue
			}
			exitSeen[k][pos] = true
			fn := f.Exit.Func
			if !m.local && f.Via.IsValid() && f.ViaFunc != "" {
				fn = f.ViaFunc
			}
			var fields []string
			for _, l := range f.Labels {
				fields = append(fields, l.Field)
			}
			ci.Exits = append(ci.Exits, inputExit{
				Pos: pos, Func: rules.ShortFunc(fn), Callee: rules.ShortFunc(f.Exit.Callee), Kind: f.Exit.Kind,
				Fields: fields, Categories: f.Categories(), Rule: rule,
			})
		}
	}
	out := make([]configuredInput, 0, len(byKey))
	for _, ci := range byKey {
		sort.Slice(ci.Exits, func(i, j int) bool { return lessPos(ci.Exits[i].Pos, ci.Exits[j].Pos) })
		out = append(out, *ci)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return inputKinds[out[i].Kind] < inputKinds[out[j].Kind]
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// rawValueRegion classifies a deploy value on its own: its host's region
// by the policy and the catalog.
func rawValueRegion(pol *policy.Policy, value string) (host, region, why string) {
	h, ok := regions.HostOf(value)
	if !ok {
		return "", "", "no host in " + strconv.Quote(value)
	}
	region, why = hostRegion(pol, h)
	return h, region, why
}

// posText is a position as file:line:col relative to root.
func relPosText(root string, p lineage.Position) string {
	return fmt.Sprintf("%s:%d:%d", displayPath(root, p.File), p.Line, p.Col)
}

// lessPos orders file:line:col texts by file, then line and column as
// numbers.
func lessPos(a, b string) bool {
	fa, la, ca := splitPos(a)
	fb, lb, cb := splitPos(b)
	if fa != fb {
		return fa < fb
	}
	if la != lb {
		return la < lb
	}
	return ca < cb
}

func splitPos(s string) (string, int, int) {
	p := parsePos(s)
	return p.File, p.Line, p.Col
}

func writeInputsJSON(w io.Writer, inputs []configuredInput) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Inputs []configuredInput `json:"inputs"`
	}{inputs})
}

// summaryLine counts the inputs and exits.
func summaryLine(inputs []configuredInput) string {
	exits := make(map[string]bool)
	for _, ci := range inputs {
		for _, x := range ci.Exits {
			exits[x.Pos] = true
		}
	}
	verb := "decide"
	if len(inputs) == 1 {
		verb = "decides"
	}
	return fmt.Sprintf("%s %s where user data goes, at %s.", plural(len(inputs), "configured input"), verb, plural(len(exits), "exit"))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

func (v inputValue) text() string {
	switch {
	case v.Host == "":
		return fmt.Sprintf("%s (%s): unresolved, %s", v.Value, v.From, v.Why)
	case v.Region == "":
		return fmt.Sprintf("%s (%s) -> %s: unknown region", v.Value, v.From, v.Host)
	}
	return fmt.Sprintf("%s (%s) -> %s: %s", v.Value, v.From, v.Host, v.Region)
}

func (ci *configuredInput) policyText() string {
	p := ci.Policy
	switch {
	case p == nil && len(ci.Values) > 0:
		return "no endpoints entry; the deploy values decide"
	case p == nil:
		return "none: unresolved; add an endpoints entry, or a deploy file that sets it"
	}
	return fmt.Sprintf("%s (endpoints entry at %s:%d)", p.Region, p.File, p.Line)
}

func (x inputExit) text() string {
	s := fmt.Sprintf("%s %s: %s; %s", x.Pos, x.Func, x.Callee, strings.Join(shortFields(x.Fields), ", "))
	if x.Rule != "" {
		s += " [" + x.Rule + "]"
	}
	return s
}

func writeInputsText(w io.Writer, inputs []configuredInput) error {
	b := bufio.NewWriter(w)
	b.WriteString(summaryLine(inputs) + "\n")
	for _, ci := range inputs {
		fmt.Fprintf(b, "\n%s\n", ci.Input)
		if ci.Kind == lineage.InputField {
			fmt.Fprintf(b, "  field:  %s\n", ci.Name)
		}
		fmt.Fprintf(b, "  policy: %s\n", ci.policyText())
		for _, v := range ci.Values {
			fmt.Fprintf(b, "  deploy: %s\n", v.text())
		}
		for _, x := range ci.Exits {
			fmt.Fprintf(b, "  exit:   %s\n", x.text())
		}
	}
	return b.Flush()
}

func writeInputsMarkdown(w io.Writer, inputs []configuredInput) error {
	b := bufio.NewWriter(w)
	b.WriteString("# Configured destinations\n\n")
	b.WriteString(summaryLine(inputs) + "\n")
	if len(inputs) == 0 {
		return b.Flush()
	}
	b.WriteString("\n| input | policy | deploy values → region | exits | user data | result |\n")
	b.WriteString("|---|---|---|---|---|---|\n")
	for _, ci := range inputs {
		name := ci.Name
		if name == "" {
			name = "?"
		}
		input := mdEsc(strings.TrimSuffix(ci.Input, ci.Input[strings.LastIndexByte(ci.Input, ' ')+1:])) + "`" + name + "`"
		pol := "—"
		if ci.Policy != nil {
			pol = fmt.Sprintf("%s (%s:%d)", ci.Policy.Region, mdEsc(ci.Policy.File), ci.Policy.Line)
		}
		var vals []string
		for _, v := range ci.Values {
			region := v.Region
			switch {
			case v.Host == "":
				region = "unresolved"
			case region == "":
				region = "unknown"
			}
			vals = append(vals, fmt.Sprintf("`%s` (%s) → %s", v.Value, mdEsc(v.From), region))
		}
		var exits, data, res []string
		for _, x := range ci.Exits {
			exits = append(exits, fmt.Sprintf("`%s` `%s`", x.Pos, x.Func))
			for _, f := range shortFields(x.Fields) {
				data = append(data, "`"+f+"`")
			}
			r := "—"
			if x.Rule != "" {
				r = x.Rule
			}
			res = append(res, r)
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s |\n", input, pol, orDashMD(strings.Join(vals, "<br>")),
			strings.Join(exits, "<br>"), strings.Join(uniqueSorted(data), ", "), strings.Join(res, "<br>"))
	}
	return b.Flush()
}

// shortFields drops the import path directories of fields:
// model.User.Email.
func shortFields(fields []string) []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = lineage.Label{Field: f}.ShortField()
	}
	return out
}

func mdEsc(s string) string {
	return strings.NewReplacer("|", `\|`, "_", `\_`, "*", `\*`, "<", "&lt;").Replace(s)
}

func orDashMD(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func uniqueSorted(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}
