package hygiene

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datagate/datagate/internal/report"
	"github.com/datagate/datagate/internal/testutil"
	"github.com/datagate/datagate/lineage/rules"
)

// The rules' metadata lives in one place, lineage/rules' table. `datagate
// rules` and SARIF's tool.driver.rules are built from it; README.md's Rules
// table and analyzers/datagate/doc.go's rule list are copies for readers,
// and these tests fail when a copy and the table disagree.

// TestReadmeRules checks README.md's Rules table against the rule table:
// one row per rule, in evaluation order, with its id, level and When.
func TestReadmeRules(t *testing.T) {
	readme := testutil.ReadFile(t, filepath.Join(testutil.RepoRoot(t), "README.md"))
	section := markdownSection(t, readme, "## Rules")
	got := firstTable(section)
	want := []string{"| id | level | reported when |", "|---|---|---|"}
	for _, r := range rules.All() {
		want = append(want, "| `"+r.ID+"` | "+r.Level+" | "+r.When+" |")
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("README.md's Rules table differs from lineage/rules' table (copy the rows below into README.md); by table row, %s\nwant:\n%s", testutil.FirstDiff(w, g), w)
	}
}

// TestAnalyzerDocRules checks the rule list of analyzers/datagate/doc.go
// (the analyzer's Doc, which go vet -datagate.help prints) against the rule
// table: one list item per rule, in evaluation order, with its level and
// When as plain text.
func TestAnalyzerDocRules(t *testing.T) {
	src := testutil.ReadFile(t, filepath.Join(testutil.RepoRoot(t), "analyzers", "datagate", "doc.go"))
	const item = "//   - datagate/"
	var got []string
	for _, l := range strings.Split(src, "\n") {
		if strings.HasPrefix(l, item) {
			got = append(got, l)
		}
	}
	var want []string
	for _, r := range rules.All() {
		want = append(want, "//   - "+r.ID+" ("+r.Level+"): "+rules.PlainText(r.When))
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("analyzers/datagate/doc.go's rule list differs from lineage/rules' table (copy the lines below into it); by line, %s\nwant:\n%s", testutil.FirstDiff(w, g), w)
	}
}

// TestSARIFRules checks that SARIF's tool.driver.rules is the rule table:
// the same rules in the same order, with the table's texts.
func TestSARIFRules(t *testing.T) {
	w, err := report.ForFormat("sarif")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := w.Write(&buf, &report.Result{}); err != nil {
		t.Fatal(err)
	}
	type text struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown"`
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID     string `json:"id"`
						Name   string `json:"name"`
						Short  text   `json:"shortDescription"`
						Full   text   `json:"fullDescription"`
						Help   text   `json:"help"`
						URI    string `json:"helpUri"`
						Config struct {
							Level string `json:"level"`
						} `json:"defaultConfiguration"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs", len(log.Runs))
	}
	got := log.Runs[0].Tool.Driver.Rules
	all := rules.All()
	if len(got) != len(all) {
		t.Fatalf("SARIF has %d rules, the table %d", len(got), len(all))
	}
	for i, r := range all {
		g := got[i]
		if g.ID != r.ID || g.Name != r.Name || g.Short.Text != r.Short || g.Full.Text != r.Full ||
			g.Help.Text != r.Help || g.Help.Markdown != r.Markdown || g.URI != r.HelpURI || g.Config.Level != r.Level {
			t.Errorf("SARIF rule %d (%s) differs from the table's %s", i, g.ID, r.ID)
		}
	}
}

// markdownSection returns the part of a Markdown document after heading
// (a whole line) up to the next heading of the same or a higher level.
func markdownSection(t *testing.T, doc, heading string) string {
	t.Helper()
	i := strings.Index(doc, "\n"+heading+"\n")
	if i < 0 {
		t.Fatalf("no %q section", heading)
	}
	rest := doc[i+len(heading)+2:]
	level := strings.Index(heading, " ")
	off := 0
	for _, l := range strings.SplitAfter(rest, "\n") {
		if h, _, ok := strings.Cut(l, " "); ok && h != "" && strings.Trim(h, "#") == "" && len(h) <= level {
			return rest[:off]
		}
		off += len(l)
	}
	return rest
}

// firstTable returns the lines of the first Markdown table in s.
func firstTable(s string) []string {
	var rows []string
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "|") {
			rows = append(rows, l)
		} else if len(rows) > 0 {
			break
		}
	}
	return rows
}
