// Package suppress reads //datagate:allow directives, which suppress one
// rule's finding at one exit:
//
//	//datagate:allow <rule> [until=YYYY-MM-DD] <reason...>
//
// The directive is a line comment with no space after "//", like //go:
// directives, on the exit's line or the line above. <rule> is one rule id,
// short ("gateway-bypass") or full ("datagate/gateway-bypass"); there is no
// "all". The reason is required. An until= date makes the directive lapse at
// the end of that day, UTC.
//
// A directive that is malformed (no rule, no reason, an unknown rule, a bad
// date), or has expired, suppresses nothing; Report turns it into a
// datagate/invalid-suppression finding so that it is seen. A comment written
// "// datagate:allow ..." (with a space) is taken as a malformed directive
// rather than ignored, since it was surely meant as one. Block comments are
// never directives.
package suppress

import (
	"go/ast"
	"go/token"
	"strings"
	"time"

	"github.com/datagate/datagate/lineage"
	"github.com/datagate/datagate/lineage/rules"
)

// Prefix starts every directive.
const Prefix = "//datagate:allow"

// dateLayout is the form of until= dates.
const dateLayout = "2006-01-02"

// Usage is the directive's form, for documentation.
const Usage = "//datagate:allow <rule> [until=YYYY-MM-DD] <reason>"

// hint is the form as messages give it: without brackets, which SARIF text
// messages would have to escape.
const hint = "write //datagate:allow <rule> <reason>"

// Directive is one //datagate:allow comment.
type Directive struct {
	// Rule is the full rule id ("datagate/gateway-bypass") when the rule is
	// known, else the text as written.
	Rule string
	// Reason is the justification, trimmed.
	Reason string
	// Until is the expiry date, YYYY-MM-DD, or "".
	Until string
	// Pos is where the comment starts.
	Pos lineage.Position
	// Err is non-empty when the directive is malformed; it says what is
	// wrong, as a phrase ("it gives no reason").
	Err string
	// Text is the comment as written.
	Text string
	// Func is the enclosing function or method as "pkg.Func" or
	// "pkg.Type.Method", "" at file level (set by Scan).
	Func string
}

// Parse reads one comment's raw text ("//datagate:allow ..."). ok is false
// when the comment is not a datagate:allow directive at all; when it is one
// but malformed, ok is true and d.Err says why.
func Parse(text string, pos lineage.Position) (d Directive, ok bool) {
	rest, ok := strings.CutPrefix(text, Prefix)
	if !ok {
		// "// datagate:allow" is a mistake, not prose.
		body, isLine := strings.CutPrefix(text, "//")
		spaced := strings.TrimLeft(body, " \t")
		after, named := strings.CutPrefix(spaced, "datagate:allow")
		if !isLine || len(spaced) == len(body) || !named || !endsWord(after) {
			return Directive{}, false
		}
		return Directive{Pos: pos, Text: text, Err: "it has a space after // (" + hint + ")"}, true
	}
	if !endsWord(rest) {
		return Directive{}, false // e.g. //datagate:allowed
	}
	d = Directive{Pos: pos, Text: text}

	ruleTok, rest := nextToken(rest)
	if ruleTok == "" {
		d.Err = "it names no rule (" + hint + ")"
		return d, true
	}
	d.Rule = ruleTok
	if tok, after := nextToken(rest); strings.HasPrefix(tok, "until=") {
		d.Until = strings.TrimPrefix(tok, "until=")
		rest = after
	}
	d.Reason = strings.TrimSpace(rest)

	r := rules.Lookup(ruleTok)
	switch {
	case ruleTok == "all" || ruleTok == rules.Prefix+"all":
		d.Err = `"all" is not accepted (name the one rule to suppress)`
	case r == nil:
		d.Err = "rule " + quote(ruleTok) + " is unknown (rules: " + ruleList() + ")"
	case r.ID == rules.InvalidSuppression:
		d.Rule = r.ID
		d.Err = "invalid-suppression cannot be suppressed (fix the directive instead)"
	default:
		d.Rule = r.ID
		if d.Until != "" {
			if _, err := time.Parse(dateLayout, d.Until); err != nil {
				d.Err = "its date until=" + d.Until + " is not a valid YYYY-MM-DD date"
				break
			}
		}
		if d.Reason == "" {
			d.Err = "it gives no reason (" + hint + ")"
		}
	}
	return d, true
}

// endsWord reports whether the text after the directive name ends the name.
func endsWord(after string) bool {
	return after == "" || after[0] == ' ' || after[0] == '\t'
}

// nextToken splits off the first space-separated token of s.
func nextToken(s string) (tok, rest string) {
	s = strings.TrimLeft(s, " \t")
	i := strings.IndexAny(s, " \t")
	if i < 0 {
		return s, ""
	}
	return s[:i], s[i:]
}

func quote(s string) string { return `"` + s + `"` }

// ruleList names the rules a directive may suppress.
func ruleList() string {
	var ids []string
	for _, r := range rules.All() {
		if r.ID != rules.InvalidSuppression {
			ids = append(ids, r.ShortID())
		}
	}
	return strings.Join(ids, ", ")
}

// Scan returns every directive in f, in source order, positions taken from
// fset.
func Scan(fset *token.FileSet, f *ast.File) []Directive {
	var out []Directive
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			p := fset.Position(c.Slash)
			d, ok := Parse(c.Text, lineage.Position{File: p.Filename, Line: p.Line, Col: p.Column})
			if !ok {
				continue
			}
			d.Func = enclosingFunc(f, c.Slash)
			out = append(out, d)
		}
	}
	return out
}

// enclosingFunc names the function declaration that contains pos, or "".
// A directive on the line above a function's first statement is inside it;
// one just above the declaration is not.
func enclosingFunc(f *ast.File, pos token.Pos) string {
	for _, decl := range f.Decls {
		fd, ok := decl.(*ast.FuncDecl)
		if !ok || pos < fd.Pos() || pos >= fd.End() {
			continue
		}
		name := fd.Name.Name
		if fd.Recv != nil && len(fd.Recv.List) == 1 {
			name = recvTypeName(fd.Recv.List[0].Type) + "." + name
		}
		return f.Name.Name + "." + name
	}
	return ""
}

func recvTypeName(e ast.Expr) string {
	for {
		switch t := e.(type) {
		case *ast.StarExpr:
			e = t.X
		case *ast.ParenExpr:
			e = t.X
		case *ast.IndexExpr:
			e = t.X
		case *ast.IndexListExpr:
			e = t.X
		case *ast.Ident:
			return t.Name
		default:
			return "?"
		}
	}
}

// Expired reports whether d has an until= date and now is past the end of
// that day, UTC. A directive without a date, or with a malformed one (which
// Err reports), never expires.
func Expired(d Directive, now time.Time) bool {
	if d.Until == "" {
		return false
	}
	day, err := time.Parse(dateLayout, d.Until)
	if err != nil {
		return false
	}
	return !now.UTC().Before(day.AddDate(0, 0, 1))
}

// Match returns the directive that suppresses a finding of rule (full or
// short id) whose exit is at line in file: a well-formed, unexpired
// directive for that rule in that file, on that line or else on the line
// above. It returns nil when there is none.
func Match(dirs []Directive, rule string, file string, line int, now time.Time) *Directive {
	r := rules.Lookup(rule)
	if r == nil {
		return nil
	}
	for _, want := range []int{line, line - 1} {
		for i := range dirs {
			d := &dirs[i]
			if d.Err == "" && d.Rule == r.ID && d.Pos.File == file && d.Pos.Line == want && !Expired(*d, now) {
				return d
			}
		}
	}
	return nil
}

// Problem says why d suppresses nothing ("it gives no reason", "it expired
// on 2025-01-31"), or returns "" when d is well-formed and current.
func Problem(d Directive, now time.Time) string {
	switch {
	case d.Err != "":
		return d.Err
	case Expired(d, now):
		return "it expired at the end of " + d.Until + " (UTC)"
	}
	return ""
}

// Suppression converts d for a finding it suppresses.
func (d Directive) Suppression() *lineage.Suppression {
	return &lineage.Suppression{Rule: d.Rule, Reason: d.Reason, Until: d.Until, Pos: d.Pos}
}

// Report returns the datagate/invalid-suppression finding for a directive
// that suppresses nothing, and false when d is well-formed and current.
// The finding's exit is the directive itself: its position, and Func, the
// enclosing function. It has no labels, endpoints or path; its message ends
// with the directive's text, which is what identifies it across runs.
func Report(d Directive, now time.Time) (lineage.Finding, bool) {
	problem := Problem(d, now)
	if problem == "" {
		return lineage.Finding{}, false
	}
	what := "This //datagate:allow directive"
	if r := rules.Lookup(d.Rule); r != nil {
		what = "This //datagate:allow " + r.ShortID() + " directive"
	}
	r := rules.Lookup(rules.InvalidSuppression)
	return lineage.Finding{
		Rule:    r.ID,
		Level:   r.Level,
		Message: what + " suppresses nothing: " + problem + ". Directive: " + strings.TrimSpace(d.Text),
		Flow: lineage.Flow{
			Exit: lineage.Exit{Pos: d.Pos, Func: d.Func},
		},
	}, true
}
