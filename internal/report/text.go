package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/datagate/datagate/lineage"
	"github.com/datagate/datagate/lineage/rules"
)

// textWriter writes findings for people, in the style of go vet:
//
//	app/signup.go:42:17: error datagate/disallowed-region: User data ... outside the allowed regions EEA.
//	    model/user.go:9:2: read model.User.Email
//	    app/signup.go:42:17: passed to http.Post
//	    endpoint https://api.mixpanel.com/track: US (catalog: Mixpanel US)
//
// then the packages that failed, the notes and one summary line. Columns
// are Go's byte columns.
type textWriter struct{}

func (textWriter) Write(w io.Writer, r *Result) error {
	b := bufio.NewWriter(w)
	for _, f := range shown(r) {
		writeTextFinding(b, r.Root, &f)
	}
	for _, e := range r.Errors {
		where := "datagate"
		if e.Pos.IsValid() {
			where = posString(r.Root, e.Pos)
		}
		// A multi-line message (a list of type errors) keeps its lines,
		// indented under the first.
		msg := strings.ReplaceAll(strings.TrimRight(e.Message, "\n"), "\n", "\n    ")
		fmt.Fprintf(b, "%s: package %s: %s\n", where, e.Package, msg)
	}
	for _, n := range r.Notes {
		fmt.Fprintf(b, "note: %s\n", n)
	}
	fmt.Fprintln(b, summary(r))
	return b.Flush()
}

func writeTextFinding(b *bufio.Writer, root string, f *lineage.Finding) {
	fl := &f.Flow
	fmt.Fprintf(b, "%s: %s %s: %s", posString(root, fl.Exit.Pos), level(f), ruleID(f.Rule), oneLine(f.Message))
	if f.Suppr != nil {
		fmt.Fprintf(b, " [suppressed: %s]", oneLine(f.Suppr.Reason))
	}
	b.WriteByte('\n')
	for i, s := range fl.Path {
		if fl.PathCut > 0 && i == len(fl.Path)/2 {
			fmt.Fprintf(b, "    ... %s omitted ...\n", plural(fl.PathCut, "step"))
		}
		fmt.Fprintf(b, "    %s: %s\n", posString(root, s.Pos), oneLine(s.Desc))
	}
	for _, e := range fl.Endpoints {
		fmt.Fprintf(b, "    endpoint %s\n", describeEndpoint(root, e))
	}
}

// describeEndpoint says where an endpoint goes and why:
// "https://api.mixpanel.com/track: US (catalog: Mixpanel US), defined at a.go:3:7".
func describeEndpoint(root string, e lineage.Endpoint) string {
	var s string
	switch {
	case e.Unresolved != "":
		s = "unresolved: " + e.Unresolved
	default:
		region := e.Region
		if region == "" {
			region = "unknown region"
		}
		s = endpointName(e) + ": " + region
		if e.RegionWhy != "" {
			s += " (" + e.RegionWhy + ")"
		}
		if d := e.Input.Deployed(); d != "" {
			s += ", from " + d
		}
	}
	if e.Def.IsValid() {
		s += ", defined at " + posString(root, e.Def)
	}
	return oneLine(s)
}

// summary is the last line:
// "3 findings (2 errors, 1 warning); 1 suppressed; 2 matched the baseline".
func summary(r *Result) string {
	// Count unsuppressed findings by level: error, warning, note, then any
	// other level in sorted order.
	levels := []string{rules.LevelError, rules.LevelWarning, rules.LevelNote}
	counts := map[string]int{}
	var others []string
	for _, f := range r.Findings {
		if f.Suppr != nil {
			continue
		}
		lv := level(&f)
		if rules.LevelRank(lv) == 0 && counts[lv] == 0 {
			others = append(others, lv)
		}
		counts[lv]++
	}
	total := 0
	var byLevel []string
	for _, lv := range append(levels, sortedUnique(others)...) {
		if n := counts[lv]; n > 0 {
			byLevel = append(byLevel, plural(n, lv))
			total += n
		}
	}

	parts := []string{"no findings"}
	if total > 0 {
		parts[0] = plural(total, "finding") + " (" + strings.Join(byLevel, ", ") + ")"
	}
	if n := suppressedCount(r); n > 0 {
		parts = append(parts, fmt.Sprintf("%d suppressed", n))
	}
	if r.BaselineMatched > 0 {
		parts = append(parts, fmt.Sprintf("%d matched the baseline", r.BaselineMatched))
	}
	if n := len(r.Errors); n > 0 {
		parts = append(parts, plural(n, "package")+" not analysed")
	}
	return strings.Join(parts, "; ")
}

// oneLine keeps a text on one line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
