package datagate

import (
	_ "embed"
	"go/ast"
	"go/token"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"time"

	"github.com/datagate/datagate/analyzers/config"
	"github.com/datagate/datagate/analyzers/flows"
	"github.com/datagate/datagate/analyzers/internal/doc"
	"github.com/datagate/datagate/analyzers/sources"
	"github.com/datagate/datagate/lineage"
	"github.com/datagate/datagate/lineage/policy"
	"github.com/datagate/datagate/lineage/rules"
	"github.com/datagate/datagate/lineage/suppress"
	"golang.org/x/tools/go/analysis"
)

//go:embed doc.go
var docText string

// Result is the package's flows, the findings they make under the
// package's policy, and its //datagate:allow directives.
type Result struct {
	Policy     *policy.Policy
	Flows      []lineage.Flow
	Findings   []lineage.Finding
	Directives []suppress.Directive
	Notes      []string
}

// New returns the datagate analyzer and the analyzers it requires, all
// sharing cfg. Its flags (-policy, -tests) set cfg.
func New(cfg *config.Config) *analysis.Analyzer {
	src := sources.New(cfg)
	fl := flows.New(cfg, src)
	a := &analysis.Analyzer{
		Name:       "datagate",
		Doc:        doc.Extract(docText),
		URL:        "https://github.com/datagate/datagate#rules",
		Requires:   []*analysis.Analyzer{fl},
		ResultType: reflect.TypeFor[*Result](),
	}
	cfg.RegisterFlags(&a.Flags)
	a.Run = func(pass *analysis.Pass) (any, error) { return run(cfg, fl, pass) }
	return a
}

// Analyzer is the datagate analyzer with default settings, for go vet,
// nogo and other drivers that take a package variable.
var Analyzer = New(config.New())

func run(cfg *config.Config, fl *analysis.Analyzer, pass *analysis.Pass) (any, error) {
	pol, err := cfg.Policy(pass)
	if err != nil {
		return nil, err
	}
	fr := pass.ResultOf[fl].(*flows.Result)
	var dirs []suppress.Directive
	files := make(map[string]bool)
	for _, f := range pass.Files {
		name := pass.Fset.File(f.Pos()).Name()
		files[name] = true
		dirs = append(dirs, suppress.Scan(pass.Fset, f)...)
	}
	now := cfg.Time()
	merged := lineage.MergeFlows(fr.Flows, func(p lineage.Position) bool { return files[p.File] })
	findings := Check(merged, pol, dirs, now)
	if len(pol.Exclude) > 0 {
		// Packages the policy excludes are analysed (their facts serve the
		// packages that import them) but never reported in, and neither
		// are their exits.
		mod := ""
		if pass.Module != nil {
			mod = pass.Module.Path
		}
		kept := findings[:0]
		for _, f := range findings {
			if !pol.Excluded(pass.Pkg.Path(), mod) && !pol.Excluded(f.Flow.Exit.Package(), mod) {
				kept = append(kept, f)
			}
		}
		findings = kept
	}
	r := &Result{Policy: pol, Flows: fr.Flows, Findings: findings, Directives: dirs, Notes: fr.Notes}

	// Diagnostics, for go vet and other drivers that report them: each at
	// the exit when it is in this package, else at the call leading to it.
	tf := fileIndex(pass)
	for _, f := range findings {
		if f.Suppr != nil {
			continue
		}
		at, msg := f.Flow.Exit.Pos, f.Message
		if !files[at.File] && f.Flow.Via.IsValid() {
			at = f.Flow.Via
			msg += " (exit at " + relTo(config.PackageDir(pass.Fset, pass.Files), f.Flow.Exit.Pos) + ")"
		}
		if p := tf(at); p.IsValid() {
			pass.Report(analysisDiag(p, f.Rule, msg))
		}
	}
	checkTags(pass)
	for _, d := range dirs {
		if f, bad := suppress.Report(d, now); bad {
			if p := tf(d.Pos); p.IsValid() {
				pass.Report(analysisDiag(p, f.Rule, f.Message))
			}
		}
	}
	return r, nil
}

func analysisDiag(p token.Pos, rule, msg string) analysis.Diagnostic {
	return analysis.Diagnostic{Pos: p, Category: rule, Message: rule + ": " + msg}
}

// fileIndex maps a Position in one of the package's files back to a
// token.Pos, for diagnostics.
func fileIndex(pass *analysis.Pass) func(lineage.Position) token.Pos {
	byName := make(map[string]*token.File)
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.Pos())
		byName[tf.Name()] = tf
	}
	return func(p lineage.Position) token.Pos {
		tf := byName[p.File]
		if tf == nil || p.Line < 1 || p.Line > tf.LineCount() {
			return token.NoPos
		}
		pos := tf.LineStart(p.Line) + token.Pos(p.Col-1)
		if int(pos)-tf.Base() > tf.Size() {
			return tf.LineStart(p.Line)
		}
		return pos
	}
}

// Check applies the rules to flows: one finding per flow that breaks a
// rule, with the directive that suppresses it, if any (on the exit's line
// or the line above, or on the line of the call leading to it).
func Check(fs []lineage.Flow, pol *policy.Policy, dirs []suppress.Directive, now time.Time) []lineage.Finding {
	params := rules.Params{Allowed: pol.AllowedRegions, Gateway: pol.HasGateway(), Categories: pol.Categories}
	for _, g := range pol.Gateway {
		params.Gateways = append(params.Gateways, g.Text)
	}
	var out []lineage.Finding
	for _, f := range fs {
		r, msg, fields := rules.Judge(&f, params)
		if r == nil {
			continue
		}
		if len(fields) > 0 && len(fields) < len(f.Labels) {
			// The result is about the fields out of place only.
			f.Labels = fields
		}
		fd := lineage.Finding{Rule: r.ID, Level: r.Level, Message: msg, Flow: f}
		d := suppress.Match(dirs, r.ID, f.Exit.Pos.File, f.Exit.Pos.Line, now)
		if d == nil && f.Via.IsValid() {
			d = suppress.Match(dirs, r.ID, f.Via.File, f.Via.Line, now)
		}
		if d != nil {
			fd.Suppr = d.Suppression()
		}
		out = append(out, fd)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Flow.Exit.Pos.Less(out[j].Flow.Exit.Pos) })
	return out
}

// relTo names a position relative to dir, for messages.
func relTo(dir string, p lineage.Position) string {
	file := p.File
	if rel, err := filepath.Rel(dir, file); err == nil && dir != "" {
		file = filepath.ToSlash(rel)
	}
	return file + ":" + strconv.Itoa(p.Line)
}

// checkTags reports userdata tags whose category is malformed (README.md#tagging:
// [a-z][a-z0-9_.-]*, or empty for personal). Such a field still counts
// as user data, of category personal.
func checkTags(pass *analysis.Pass) {
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			st, ok := n.(*ast.StructType)
			if !ok {
				return true
			}
			for _, field := range st.Fields.List {
				if field.Tag == nil {
					continue
				}
				raw, err := strconv.Unquote(field.Tag.Value)
				if err != nil {
					continue
				}
				if cat, ok := reflect.StructTag(raw).Lookup(sources.TagKey); ok && cat != "" && !sources.ValidCategory(cat) {
					pass.Reportf(field.Tag.Pos(), "datagate: invalid userdata category %q: want [a-z][a-z0-9_.-]* or empty (the field counts as personal)", cat)
				}
			}
			return true
		})
	}
}
