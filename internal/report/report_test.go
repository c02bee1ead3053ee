package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/datagate/datagate/internal/testutil"
	"github.com/datagate/datagate/lineage"
	"github.com/datagate/datagate/lineage/rules"
	"github.com/datagate/datagate/lineage/suppress"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// srcDir returns the absolute path of testdata/src, the fixture's Root.
func srcDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("testdata", "src"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// fixture is one fixed Result over the files in testdata/src: a
// disallowed-region, an unresolved endpoint on a line with non-ASCII text,
// a suppressed unknown-region, an invalid suppression and the finding it
// failed to suppress, two failed packages and a note.
func fixture(t *testing.T) *Result {
	t.Helper()
	root := srcDir(t)
	at := func(file string, line, col int) lineage.Position {
		return lineage.Position{File: filepath.Join(root, filepath.FromSlash(file)), Line: line, Col: col}
	}
	email := lineage.Label{Field: "example.com/demo/model.User.Email", Category: "contact", Decl: at("model/user.go", 7, 2)}
	name := lineage.Label{Field: "example.com/demo/model.User.Name", Category: "personal", Decl: at("model/user.go", 8, 2)}
	phone := lineage.Label{Field: "example.com/demo/model.User.Phone", Category: "contact", Decl: at("model/user.go", 9, 2)}
	post := func(fn string, pos lineage.Position) lineage.Exit {
		return lineage.Exit{Pos: pos, Kind: lineage.ExitHTTP, Callee: "net/http.Post", Func: "example.com/demo/app." + fn}
	}
	mixpanel := lineage.Endpoint{
		Value: "https://api.mixpanel.com/track", Host: "api.mixpanel.com", Region: "US",
		RegionWhy: "catalog: Mixpanel US (docs.mixpanel.com, EU residency)", Def: at("app/signup.go", 14, 7),
	}
	flows := []lineage.Flow{
		{
			Labels:    []lineage.Label{email},
			Exit:      post("Signup", at("app/signup.go", 18, 2)),
			Endpoints: []lineage.Endpoint{mixpanel},
			Path: []lineage.Step{
				{Pos: at("app/signup.go", 17, 53), Desc: "read model.User.Email"},
				{Pos: at("app/signup.go", 17, 13), Desc: "serialised by json.Marshal"},
				{Pos: at("app/signup.go", 18, 2), Desc: "sent by http.Post"},
			},
		},
		{
			Labels: []lineage.Label{name},
			Exit:   post("Greet", at("app/signup.go", 22, 41)),
			Endpoints: []lineage.Endpoint{{
				Unresolved: "environment variable HOOK_URL", Def: at("app/signup.go", 22, 51),
			}},
			Path: []lineage.Step{
				{Pos: at("app/signup.go", 22, 23), Desc: "read model.User.Name"},
				{Pos: at("app/signup.go", 22, 9), Desc: "concatenated into msg [a string]"},
				{Pos: at("app/signup.go", 22, 41), Desc: "sent by http.Post"},
			},
		},
		{
			Labels: []lineage.Label{phone},
			Exit:   post("Sync", at("app/signup.go", 27, 2)),
			Endpoints: []lineage.Endpoint{{
				Value: "https://api.example-crm.com/v2", Host: "api.example-crm.com", Def: at("app/signup.go", 27, 12),
			}},
			Path: []lineage.Step{
				{Pos: at("app/signup.go", 27, 82), Desc: "read model.User.Phone"},
				{Pos: at("app/signup.go", 27, 2), Desc: "sent by http.Post"},
			},
		},
		{
			Labels:    []lineage.Label{email},
			Exit:      post("Legacy", at("app/signup.go", 32, 2)),
			Endpoints: []lineage.Endpoint{{Value: "https://api.mixpanel.com/track", Host: "api.mixpanel.com", Region: "US", RegionWhy: "catalog: Mixpanel US"}},
			Path: []lineage.Step{
				{Pos: at("app/signup.go", 32, 82), Desc: "read model.User.Email"},
				{Pos: at("app/signup.go", 32, 2), Desc: "sent by http.Post"},
			},
		},
	}
	params := rules.Params{Allowed: []string{"EEA"}}
	var findings []lineage.Finding
	for _, fl := range flows {
		rule, msg := rules.Evaluate(&fl, params)
		if rule == nil {
			t.Fatalf("fixture flow at %v is not a finding", fl.Exit.Pos)
		}
		findings = append(findings, lineage.Finding{Rule: rule.ID, Level: rule.Level, Message: msg, Flow: fl})
	}

	// Suppression directives, as the command would read them.
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	good, _ := suppress.Parse("//datagate:allow unknown-region CRM is hosted in Frankfurt, ticket PRIV-42", at("app/signup.go", 26, 2))
	bad, _ := suppress.Parse("//datagate:allow gateway-bypass", at("app/signup.go", 31, 2))
	bad.Func = "app.Legacy"
	dirs := []suppress.Directive{good, bad}
	for i := range findings {
		p := findings[i].Flow.Exit.Pos
		if d := suppress.Match(dirs, findings[i].Rule, p.File, p.Line, now); d != nil {
			findings[i].Suppr = d.Suppression()
		}
	}
	invalid, ok := suppress.Report(bad, now)
	if !ok {
		t.Fatal("the directive without a reason is not reported")
	}
	// Keep the order by position, as the command does.
	findings = append(findings[:3], append([]lineage.Finding{invalid}, findings[3:]...)...)

	return &Result{
		Findings: findings,
		Errors: []lineage.ToolError{
			{Package: "example.com/demo/broken", Pos: at("broken/b.go", 3, 1), Message: "expected 'package', found 'EOF'"},
			{Package: "example.com/demo/cgo", Message: "cgo is not supported"},
		},
		Root:            root,
		Version:         "0.1.0",
		Category:        "datagate",
		ShowSuppressed:  true,
		BaselineMatched: 2,
		Notes:           []string{"taint depth limit 64 reached in example.com/demo/app.Deep; flows beyond it are not followed"},
	}
}

func write(t *testing.T, format string, r *Result) []byte {
	t.Helper()
	w, err := ForFormat(format)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := w.Write(&buf, r); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.Bytes()
}

// normalise replaces the machine-dependent root URI.
func normalise(t *testing.T, out []byte) []byte {
	return bytes.ReplaceAll(out, []byte(fileURI(srcDir(t))), []byte("file:///ROOT"))
}

func TestGolden(t *testing.T) {
	r := fixture(t)
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			got := normalise(t, write(t, format, r))
			testutil.Golden(t, filepath.Join("testdata", format+".golden"), string(got), *update)
		})
	}
}

func TestDeterministic(t *testing.T) {
	for _, format := range Formats() {
		a := write(t, format, fixture(t))
		b := write(t, format, fixture(t))
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two writes differ:\n%s", format, testutil.FirstDiff(string(a), string(b)))
		}
	}
}

func TestForFormat(t *testing.T) {
	if _, err := ForFormat("xml"); err == nil || !strings.Contains(err.Error(), "text, json, sarif") {
		t.Errorf("ForFormat(xml) error = %v", err)
	}
}

// longFlow has a path longer than GitHub shows, many fields, and a finding
// whose rule datagate does not know, without positions.
func oddResult(t *testing.T) *Result {
	root := srcDir(t)
	var steps []lineage.Step
	for i := range 2500 {
		steps = append(steps, lineage.Step{Pos: lineage.Position{File: filepath.Join(root, "app", "signup.go"), Line: 1 + i%30, Col: 1}, Desc: fmt.Sprintf("step %d", i)})
	}
	var labels []lineage.Label
	for i := range 12 {
		labels = append(labels, lineage.Label{Field: fmt.Sprintf("example.com/m.T.F%02d", i), Category: "personal"})
	}
	long := lineage.Flow{
		Labels:    labels,
		Exit:      lineage.Exit{Pos: lineage.Position{File: filepath.Join(root, "app", "signup.go"), Line: 18, Col: 2}, Callee: "(*net/http.Client).Do", Func: "example.com/demo/app.Deep"},
		Endpoints: []lineage.Endpoint{{Host: "bücher.example", Value: "https://bücher.example/[x]", Def: lineage.Position{File: "/elsewhere/with space/ä.go", Line: 3, Col: 4}}},
		Path:      steps,
		PathCut:   10,
	}
	_, msg := rules.Evaluate(&long, rules.Params{Allowed: []string{"EEA"}})
	return &Result{
		Root: root,
		Findings: []lineage.Finding{
			{Rule: rules.UnknownRegion, Level: "warning", Message: msg, Flow: long},
			{Rule: "other/rule", Message: "Something [odd] happened.", Suppr: &lineage.Suppression{Rule: "other/rule"}},
			{Rule: "gateway-bypass", Level: "error", Message: "Short id.", Flow: lineage.Flow{Exit: lineage.Exit{Pos: lineage.Position{File: "/outside/root.go", Line: 2, Col: 3}}}},
		},
		ShowSuppressed: true,
	}
}

func TestSARIFValidates(t *testing.T) {
	hidden := fixture(t)
	hidden.ShowSuppressed = false
	hidden.Category = ""
	noRoot := fixture(t)
	noRoot.Root = ""
	for name, r := range map[string]*Result{
		"fixture":          fixture(t),
		"hidden":           hidden,
		"no root":          noRoot,
		"empty":            {},
		"odd":              oddResult(t),
		"only tool errors": {Errors: []lineage.ToolError{{Package: "p", Message: "m"}}},
	} {
		t.Run(name, func(t *testing.T) {
			testutil.CheckSARIF(t, write(t, "sarif", r))
		})
	}
}

// sarifLog is the part of the SARIF output the tests look at.
type sarifLog struct {
	Schema string `json:"$schema"`
	Runs   []struct {
		Tool struct {
			Driver struct {
				Name            string `json:"name"`
				SemanticVersion string `json:"semanticVersion"`
				Rules           []struct {
					ID         string         `json:"id"`
					Properties map[string]any `json:"properties"`
					Help       struct{ Text, Markdown string }
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct {
				Text string `json:"text"`
			} `json:"message"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine   int `json:"startLine"`
						StartColumn int `json:"startColumn"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			CodeFlows []struct {
				Message     struct{ Text string }
				ThreadFlows []struct {
					Locations []struct {
						Location struct {
							Message struct{ Text string }
						}
					}
				}
			}
			RelatedLocations []struct {
				ID int `json:"id"`
			} `json:"relatedLocations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Suppressions        []struct {
				Kind          string `json:"kind"`
				Justification string `json:"justification"`
			} `json:"suppressions"`
			Properties map[string]any `json:"properties"`
		} `json:"results"`
		Invocations []struct {
			ExecutionSuccessful        bool `json:"executionSuccessful"`
			ToolExecutionNotifications []struct {
				Level   string `json:"level"`
				Message struct{ Text string }
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
		AutomationDetails *struct {
			ID string `json:"id"`
		} `json:"automationDetails"`
		ColumnKind         string `json:"columnKind"`
		OriginalURIBaseIDs map[string]struct {
			URI string `json:"uri"`
		} `json:"originalUriBaseIds"`
	} `json:"runs"`
}

func readSARIF(t *testing.T, r *Result) sarifLog {
	t.Helper()
	var log sarifLog
	if err := json.Unmarshal(write(t, "sarif", r), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs", len(log.Runs))
	}
	return log
}

func TestSARIFContent(t *testing.T) {
	r := fixture(t)
	log := readSARIF(t, r)
	run := log.Runs[0]

	if d := run.Tool.Driver; d.Name != "datagate" || d.SemanticVersion != "0.1.0" || len(d.Rules) != len(rules.All()) {
		t.Errorf("driver = %s %s with %d rules", d.Name, d.SemanticVersion, len(d.Rules))
	}
	for i, rule := range run.Tool.Driver.Rules {
		if rule.ID != rules.All()[i].ID || rule.Help.Text == "" || rule.Help.Markdown == "" || rule.Properties["precision"] == nil {
			t.Errorf("rule %d = %+v", i, rule)
		}
		if tags, _ := rule.Properties["tags"].([]any); len(tags) == 0 || len(tags) > 10 {
			t.Errorf("rule %s: %d tags", rule.ID, len(tags))
		}
	}
	if run.ColumnKind != "utf16CodeUnits" {
		t.Errorf("columnKind = %q", run.ColumnKind)
	}
	if got, want := run.OriginalURIBaseIDs["%SRCROOT%"].URI, fileURI(r.Root)+"/"; got != want {
		t.Errorf("%%SRCROOT%% = %q, want %q", got, want)
	}
	if run.AutomationDetails == nil || run.AutomationDetails.ID != "datagate/" {
		t.Errorf("automationDetails = %+v", run.AutomationDetails)
	}
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful {
		t.Errorf("executionSuccessful with tool errors")
	}
	var levels []string
	for _, n := range inv.ToolExecutionNotifications {
		levels = append(levels, n.Level)
	}
	if got := strings.Join(levels, " "); got != "error error warning note" {
		t.Errorf("notification levels = %s", got)
	}

	if len(run.Results) != len(r.Findings) {
		t.Fatalf("%d results for %d findings", len(run.Results), len(r.Findings))
	}
	hashes := lineHashes(testutil.ReadFile(t, filepath.Join(r.Root, "app", "signup.go")))
	for i, res := range run.Results {
		f := r.Findings[i]
		if res.RuleID != f.Rule || run.Tool.Driver.Rules[res.RuleIndex].ID != f.Rule || res.Level != f.Level {
			t.Errorf("result %d: rule %s index %d level %s", i, res.RuleID, res.RuleIndex, res.Level)
		}
		loc := res.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI != "app/signup.go" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || loc.Region.StartLine != f.Flow.Exit.Pos.Line {
			t.Errorf("result %d: location %+v", i, loc)
		}
		if got, want := res.PartialFingerprints["primaryLocationLineHash"], hashes[f.Flow.Exit.Pos.Line-1]; got != want {
			t.Errorf("result %d: line hash %q, want %q", i, got, want)
		}
		if got, want := res.PartialFingerprints[FingerprintKey], Fingerprint(&f); got != want {
			t.Errorf("result %d: fingerprint %q, want %q", i, got, want)
		}
		if (f.Suppr != nil) != (len(res.Suppressions) == 1) {
			t.Errorf("result %d: suppressions %+v", i, res.Suppressions)
		}
	}

	// The unresolved endpoint's exit follows "Grüße, " and an emoji.
	greet := run.Results[1]
	if col := greet.Locations[0].PhysicalLocation.Region.StartColumn; col != 37 {
		t.Errorf("UTF-16 column of the exit after non-ASCII text = %d, want 37 (byte column 41)", col)
	}
	if got := greet.Message.Text; !strings.Contains(got, "User data [model.User.Name](1) (personal)") || !strings.Contains(got, "([environment variable HOOK_URL](2))") {
		t.Errorf("message without links: %s", got)
	}
	if steps := greet.CodeFlows[0].ThreadFlows[0].Locations; len(steps) != 3 || steps[1].Location.Message.Text != `concatenated into msg \[a string\]` {
		t.Errorf("thread flow = %+v", steps)
	}
	if s := run.Results[2].Suppressions; len(s) != 1 || s[0].Kind != "inSource" || s[0].Justification != "CRM is hosted in Frankfurt, ticket PRIV-42" {
		t.Errorf("suppression = %+v", s)
	}
	if props := run.Results[0].Properties; fmt.Sprint(props["regions"]) != "[US]" || fmt.Sprint(props["fields"]) != "[example.com/demo/model.User.Email]" {
		t.Errorf("properties = %v", props)
	}

	// Without ShowSuppressed the suppressed result is left out, and counted.
	r.ShowSuppressed = false
	run = readSARIF(t, r).Runs[0]
	if len(run.Results) != len(r.Findings)-1 {
		t.Errorf("%d results with a suppressed finding hidden", len(run.Results))
	}
	for _, res := range run.Results {
		if len(res.Suppressions) > 0 {
			t.Errorf("suppressed result written")
		}
	}
}

func TestSARIFLimits(t *testing.T) {
	r := oddResult(t)
	run := readSARIF(t, r).Runs[0]
	long := run.Results[0]
	steps := long.CodeFlows[0].ThreadFlows[0].Locations
	if len(steps) != maxThreadFlowLocations {
		t.Fatalf("%d thread-flow locations, want %d", len(steps), maxThreadFlowLocations)
	}
	if got := steps[500].Location.Message.Text; got != "(1500 steps left out) step 2000" {
		t.Errorf("step after the cut: %q", got)
	}
	if got := steps[499].Location.Message.Text; got != "step 499" {
		t.Errorf("step before the cut: %q", got)
	}
	if msg := long.CodeFlows[0].Message.Text; !strings.Contains(msg, "the analysis left out 10 steps") || !strings.Contains(msg, "1500 steps left out after step 500") {
		t.Errorf("code flow message: %q", msg)
	}
	found := false
	for _, n := range run.Invocations[0].ToolExecutionNotifications {
		if n.Level == "warning" && strings.Contains(n.Message.Text, "were cut to 1000 steps") {
			found = true
		}
	}
	if !found {
		t.Errorf("no notification for the cut path: %+v", run.Invocations[0].ToolExecutionNotifications)
	}
	if !run.Invocations[0].ExecutionSuccessful {
		t.Errorf("executionSuccessful false without tool errors")
	}

	// Unknown rule: a descriptor is added after datagate's, ruleIndex points at it.
	odd := run.Results[1]
	if odd.RuleID != "other/rule" || run.Tool.Driver.Rules[odd.RuleIndex].ID != "other/rule" || odd.Level != "warning" {
		t.Errorf("unknown rule result: %s %d %s", odd.RuleID, odd.RuleIndex, odd.Level)
	}
	if odd.Message.Text != `Something \[odd\] happened.` {
		t.Errorf("brackets not escaped: %q", odd.Message.Text)
	}
	// A short rule id is written in full; a file outside Root gets a file URI.
	out := run.Results[2]
	if out.RuleID != rules.GatewayBypass || out.Locations[0].PhysicalLocation.ArtifactLocation.URI != "file:///outside/root.go" {
		t.Errorf("outside root: %+v", out)
	}
	if _, ok := out.PartialFingerprints["primaryLocationLineHash"]; ok {
		t.Errorf("line hash for a file outside the root")
	}
}

func TestMostSevere(t *testing.T) {
	var fs []lineage.Finding
	for i, lv := range []string{"note", "warning", "error", "warning", "error", "note"} {
		fs = append(fs, lineage.Finding{Level: lv, Message: fmt.Sprint(i)})
	}
	kept, dropped := mostSevere(fs, 3)
	var got []string
	for _, f := range kept {
		got = append(got, f.Message)
	}
	if strings.Join(got, ",") != "1,2,4" || dropped != 3 {
		t.Errorf("mostSevere kept %v, dropped %d; want 1,2,4 and 3", got, dropped)
	}
	if kept, dropped := mostSevere(fs, 10); len(kept) != 6 || dropped != 0 {
		t.Errorf("under the limit: %d kept, %d dropped", len(kept), dropped)
	}
}

func TestFingerprint(t *testing.T) {
	base := lineage.Finding{
		Rule: rules.DisallowedRegion,
		Flow: lineage.Flow{
			Labels: []lineage.Label{
				{Field: "m.User.Email", Category: "contact", Decl: lineage.Position{File: "/a/m.go", Line: 3}},
				{Field: "m.User.Name", Category: "personal"},
			},
			Exit:      lineage.Exit{Pos: lineage.Position{File: "/a/app.go", Line: 10, Col: 2}, Callee: "net/http.Post", Func: "app.Signup"},
			Endpoints: []lineage.Endpoint{{Value: "https://x.com", Host: "x.com", Region: "US"}, {Unresolved: "flag -url"}},
			Path:      []lineage.Step{{Pos: lineage.Position{File: "/a/app.go", Line: 9}}},
		},
	}
	fp := Fingerprint(&base)
	if len(fp) != 64 {
		t.Fatalf("fingerprint %q is not 64 hex digits", fp)
	}
	same := func(name string, change func(f *lineage.Finding), want bool) {
		f := base
		f.Flow.Labels = append([]lineage.Label(nil), base.Flow.Labels...)
		f.Flow.Endpoints = append([]lineage.Endpoint(nil), base.Flow.Endpoints...)
		change(&f)
		if got := Fingerprint(&f) == fp; got != want {
			t.Errorf("%s: same fingerprint = %v, want %v", name, got, want)
		}
	}
	same("moved lines", func(f *lineage.Finding) {
		f.Flow.Exit.Pos.Line, f.Flow.Exit.Pos.Col = 42, 9
		f.Flow.Labels[0].Decl.Line = 7
		f.Flow.Path = nil
	}, true)
	same("other message and level", func(f *lineage.Finding) { f.Message, f.Level = "reworded", "warning" }, true)
	same("short rule id", func(f *lineage.Finding) { f.Rule = "disallowed-region" }, true)
	same("labels reordered", func(f *lineage.Finding) {
		f.Flow.Labels[0], f.Flow.Labels[1] = f.Flow.Labels[1], f.Flow.Labels[0]
	}, true)
	same("endpoints reordered", func(f *lineage.Finding) {
		f.Flow.Endpoints[0], f.Flow.Endpoints[1] = f.Flow.Endpoints[1], f.Flow.Endpoints[0]
	}, true)
	same("suppressed", func(f *lineage.Finding) { f.Suppr = &lineage.Suppression{Reason: "x"} }, true)
	same("other field", func(f *lineage.Finding) { f.Flow.Labels[1].Field = "m.User.Phone" }, false)
	same("one field fewer", func(f *lineage.Finding) { f.Flow.Labels = f.Flow.Labels[:1] }, false)
	same("other endpoint", func(f *lineage.Finding) { f.Flow.Endpoints[0].Value = "https://y.com" }, false)
	same("other unresolved reason", func(f *lineage.Finding) { f.Flow.Endpoints[1].Unresolved = "flag -addr" }, false)
	same("other rule", func(f *lineage.Finding) { f.Rule = rules.GatewayBypass }, false)
	same("other function", func(f *lineage.Finding) { f.Flow.Exit.Func = "app.Login" }, false)
	same("other callee", func(f *lineage.Finding) { f.Flow.Exit.Callee = "(*net/http.Client).Do" }, false)

	// Non-flow findings are told apart by their message.
	a := lineage.Finding{Rule: rules.InvalidSuppression, Message: "x"}
	b := lineage.Finding{Rule: rules.InvalidSuppression, Message: "y"}
	if Fingerprint(&a) == Fingerprint(&b) {
		t.Errorf("invalid-suppression findings with different messages share a fingerprint")
	}
}

func TestReadBaseline(t *testing.T) {
	r := fixture(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "base.sarif")
	if err := os.WriteFile(path, write(t, "sarif", r), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := ReadBaseline(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(r.Findings) {
		t.Errorf("baseline has %d fingerprints, want %d", len(got), len(r.Findings))
	}
	for _, f := range r.Findings {
		if !got[Fingerprint(&f)] {
			t.Errorf("fingerprint of %q missing from the baseline", f.Message)
		}
	}

	for name, tc := range map[string]struct{ content, want string }{
		"bad json":   {"{\n  \"runs\": [\n    {,\n", "bad.sarif:3:6: invalid JSON"},
		"not sarif":  {`{"version": "2.1.0"}`, `not a SARIF log: no "runs"`},
		"wrong type": {`{"runs": {"results": []}}`, "not a SARIF log"},
	} {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, "bad.sarif")
			if err := os.WriteFile(p, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := ReadBaseline(p)
			if err == nil || !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want it to name %s and say %q", err, p, tc.want)
			}
		})
	}
	if _, err := ReadBaseline(filepath.Join(dir, "missing.sarif")); err == nil || !strings.Contains(err.Error(), "missing.sarif") {
		t.Errorf("missing file: %v", err)
	}
	empty := filepath.Join(dir, "empty.sarif")
	if err := os.WriteFile(empty, []byte(`{"version":"2.1.0","runs":[{"results":[{"partialFingerprints":{"primaryLocationLineHash":"1:1"}}]}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := ReadBaseline(empty); err != nil || len(got) != 0 {
		t.Errorf("baseline without datagate fingerprints = %v, %v", got, err)
	}
}

// Test vectors from github/codeql-action src/fingerprints.test.ts.
func TestLineHashes(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", []string{"c129715d7a2bc9a3:1"}},
		{" a\nb\n  \t\tc\n d", []string{"271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"}},
		{" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End", []string{"8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1", "bff680108adb0fcc:1", "c6805c5e1288b612:1", "b86d3392aea1be30:1", "e6ceba753e1a442:1"}},
		{" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n", []string{"e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"}},
		{" hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r", []string{"e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"}},
		{" hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n", []string{"e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"}},
		{" hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n", []string{"e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"}},
		{strings.Repeat("Lorem ipsum dolor sit amet.\n", 10), []string{
			"a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4", "a7f2ff13bc495cf2:5",
			"a7f2ff13bc495cf2:6", "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1", "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1",
		}},
	} {
		got := lineHashes(tc.in)
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("lineHashes(%q) =\n%v\nwant\n%v", tc.in, got, tc.want)
		}
	}
}

func TestUTF16Column(t *testing.T) {
	for _, tc := range []struct {
		line    string
		byteCol int
		want    int
	}{
		{"abc", 1, 1},
		{"abc", 3, 3},
		{"\tx := 1", 2, 2},
		{"ä = x", 3, 2}, // ä is 2 bytes, 1 unit
		{"€x", 4, 2},    // € is 3 bytes, 1 unit
		{"👋x", 5, 3},    // 👋 is 4 bytes, 2 units
		{"ab", 5, 5},    // past the end: one unit a byte
		{"\xffx", 2, 2}, // invalid UTF-8: one unit
		{"Grüße 👋 http", 15, 11},
	} {
		if got := utf16Column(tc.line, tc.byteCol); got != tc.want {
			t.Errorf("utf16Column(%q, %d) = %d, want %d", tc.line, tc.byteCol, got, tc.want)
		}
	}
}

func TestRelPath(t *testing.T) {
	root := filepath.FromSlash("/work/mod")
	for _, tc := range []struct {
		file   string
		want   string
		inRoot bool
	}{
		{"/work/mod/a/b.go", "a/b.go", true},
		{"/work/mod/b.go", "b.go", true},
		{"/work/module/b.go", "/work/module/b.go", false},
		{"/work/b.go", "/work/b.go", false},
		{"rel/c.go", "rel/c.go", true},
	} {
		got, in := relPath(root, filepath.FromSlash(tc.file))
		if got != tc.want || in != tc.inRoot {
			t.Errorf("relPath(%s) = %s, %v; want %s, %v", tc.file, got, in, tc.want, tc.inRoot)
		}
	}
}

func TestJSONDoesNotChangeFindings(t *testing.T) {
	r := fixture(t)
	before := fmt.Sprintf("%+v", r.Findings)
	write(t, "json", r)
	if after := fmt.Sprintf("%+v", r.Findings); after != before {
		t.Errorf("writing JSON changed the findings")
	}
}

func TestTextSummary(t *testing.T) {
	for _, tc := range []struct {
		r    *Result
		want string
	}{
		{&Result{}, "no findings\n"},
		{&Result{Findings: []lineage.Finding{{Level: "error"}}}, "-: error : \n1 finding (1 error)\n"},
		{&Result{Findings: []lineage.Finding{{Level: "warning", Suppr: &lineage.Suppression{}}}, BaselineMatched: 1},
			"no findings; 1 suppressed; 1 matched the baseline\n"},
		{&Result{Errors: []lineage.ToolError{{Package: "p", Message: "a.go:1:1: x\na.go:2:1: y\n"}}},
			"datagate: package p: a.go:1:1: x\n    a.go:2:1: y\nno findings; 1 package not analysed\n"},
	} {
		if got := string(write(t, "text", tc.r)); got != tc.want {
			t.Errorf("text = %q, want %q", got, tc.want)
		}
	}
}
