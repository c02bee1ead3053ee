// Package report writes datagate's results as text, JSON or SARIF 2.1.0.
//
// Each format has one Writer, chosen with ForFormat. Writers take a Result:
// the findings (already sorted by the caller: writers keep their order and
// never iterate over maps), the packages that failed, and what the caller
// decided about suppressions and the baseline. Suppressed findings are
// written only with Result.ShowSuppressed, in every format. Paths are made
// relative to Result.Root, with forward slashes.
//
// # SARIF mapping
//
// The SARIF log has one run. Its tool.driver is "datagate", with
// semanticVersion Result.Version and rules[] from package lineage/rules, in
// the order rules.All gives them (so ruleIndex is stable): id, name,
// shortDescription, fullDescription, help (text and markdown), helpUri,
// defaultConfiguration.level and properties precision, security-severity and
// tags (at most 10, GitHub's limit).
//
// Each finding becomes one result:
//
//   - ruleId, ruleIndex and level from the finding (level defaults to the
//     rule's);
//   - message.text is the finding's message, whose first sentence GitHub
//     shows as the alert title, with embedded links "[text](id)" to the
//     related locations it names;
//   - locations[0] is the exit call (Flow.Exit.Pos), its logical location the
//     function containing it;
//   - codeFlows[0].threadFlows[0].locations are the flow's path, each step
//     with its description; a path longer than 1,000 steps (what GitHub
//     shows) loses steps from its middle, and the codeFlow's message and a
//     run notification say so;
//   - relatedLocations are the declarations of the fields (Label.Decl) and
//     the definitions of the endpoints (Endpoint.Def), with ids starting at
//     1, at most 1,000;
//   - properties hold the fields, categories, endpoints, regions and exit;
//   - partialFingerprints hold "datagate/v1", Fingerprint's hash of what the
//     finding means (not where it is), which -baseline matches, and
//     "primaryLocationLineHash", computed from the exit's source line the
//     way GitHub's codeql-action does, so that the upload action keeps it;
//     it is left out when the file cannot be read;
//   - a suppressed finding (only with ShowSuppressed) carries one suppression
//     of kind "inSource", status "accepted", with the directive's reason as
//     justification and its location. GitHub ignores SARIF suppressions and
//     would open such results as alerts, so they are left out by default.
//
// Locations inside Result.Root are URIs relative to the uriBaseId
// "%SRCROOT%", which run.originalUriBaseIds maps to Root's file URI; others
// are absolute file URIs. Columns count UTF-16 code units
// (run.columnKind "utf16CodeUnits"), converted from Go's byte columns using
// the file's text; when the file cannot be read they stay byte columns.
//
// invocations[0].executionSuccessful is false when a package failed; every
// ToolError becomes an error-level toolExecutionNotification, every
// Result.Notes entry and every limit the writer applied a warning-level one,
// and left-out suppressed and baseline-matched results are counted in
// note-level ones. With Result.Category set, runAutomationDetails.id is
// "<category>/". At most 25,000 results are written (GitHub's limit per
// run); beyond that the least severe are left out, with a notification.
package report

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/datagate/datagate/lineage"
	"github.com/datagate/datagate/lineage/rules"
)

// Result is everything a writer writes.
type Result struct {
	// Findings in the order to write them.
	Findings []lineage.Finding
	// Errors are the packages that failed to load or analyse.
	Errors []lineage.ToolError
	// Root is the module root directory: paths are written relative to it.
	Root string
	// Version is datagate's version, e.g. "0.1.0".
	Version string
	// Category is the SARIF runAutomationDetails category; "" for none.
	Category string
	// ShowSuppressed keeps findings that a //datagate:allow suppresses.
	ShowSuppressed bool
	// BaselineMatched counts results hidden because their fingerprint is in
	// the baseline.
	BaselineMatched int
	// Notes are run-level notices (limits hit, etc.).
	Notes []string
}

// Writer writes a Result in one format.
type Writer interface {
	Write(w io.Writer, r *Result) error
}

// Formats lists the names ForFormat accepts.
func Formats() []string { return []string{"text", "json", "sarif"} }

// ForFormat returns the writer for "text", "json" or "sarif".
func ForFormat(name string) (Writer, error) {
	switch name {
	case "text":
		return textWriter{}, nil
	case "json":
		return jsonWriter{}, nil
	case "sarif":
		return sarifWriter{}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want %s)", name, strings.Join(Formats(), ", "))
}

// InformationURI is datagate's home page.
const InformationURI = "https://github.com/datagate/datagate"

// shown returns the findings to write: the unsuppressed ones, and the
// suppressed ones too with ShowSuppressed.
func shown(r *Result) []lineage.Finding {
	var out []lineage.Finding
	for _, f := range r.Findings {
		if f.Suppr == nil || r.ShowSuppressed {
			out = append(out, f)
		}
	}
	return out
}

// suppressedCount counts the suppressed findings, shown or not.
func suppressedCount(r *Result) int {
	n := 0
	for _, f := range r.Findings {
		if f.Suppr != nil {
			n++
		}
	}
	return n
}

// ruleFor returns the rule of a finding's id (full or short), or nil for an
// id datagate does not know.
func ruleFor(id string) *rules.Rule { return rules.Lookup(id) }

// ruleID returns the canonical (full) id of a finding's rule.
func ruleID(id string) string {
	if r := ruleFor(id); r != nil {
		return r.ID
	}
	return id
}

// level returns the finding's level, else its rule's default, else warning.
func level(f *lineage.Finding) string {
	if f.Level != "" {
		return f.Level
	}
	if r := ruleFor(f.Rule); r != nil {
		return r.Level
	}
	return rules.LevelWarning
}

// relPath returns file relative to root with forward slashes, and whether
// it lies inside root. A relative file is taken as relative to root already.
func relPath(root, file string) (string, bool) {
	if file == "" {
		return "", false
	}
	if !filepath.IsAbs(file) {
		return filepath.ToSlash(filepath.Clean(file)), true
	}
	if root == "" {
		return filepath.ToSlash(file), false
	}
	rel, err := filepath.Rel(root, file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return filepath.ToSlash(file), false
	}
	return filepath.ToSlash(rel), true
}

// relPos returns p with its file made relative to root (when inside it).
func relPos(root string, p lineage.Position) lineage.Position {
	if p.File != "" {
		p.File, _ = relPath(root, p.File)
	}
	return p
}

// posString formats p as path:line:col with the path relative to root, or
// "-" for no position.
func posString(root string, p lineage.Position) string {
	return relPos(root, p).String()
}

// endpointName is an endpoint as shown in lists: its value, host, or the
// reason it is unresolved.
func endpointName(e lineage.Endpoint) string {
	switch {
	case e.Unresolved != "":
		return "unresolved: " + e.Unresolved
	case e.Value != "":
		return e.Value
	case e.Host != "":
		return e.Host
	}
	return "unresolved"
}

// plural returns "1 finding", "2 findings".
func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
