package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/datagate/datagate/internal/report"
	"github.com/datagate/datagate/internal/testutil"
	"github.com/datagate/datagate/lineage/rules"
)

// TestRules: `datagate rules` lists every rule, aligned, in evaluation
// order.
func TestRules(t *testing.T) {
	o := run(t, "rules")
	o.wantCode(t, ExitOK)
	lines := strings.Split(strings.TrimSuffix(o.stdout, "\n"), "\n")
	all := rules.All()
	if len(lines) != len(all) {
		t.Fatalf("%d lines for %d rules:\n%s", len(lines), len(all), o.stdout)
	}
	levelCol, titleCol := -1, -1
	for i, r := range all {
		line := lines[i]
		re := regexp.MustCompile(`^` + regexp.QuoteMeta(r.ID) + ` +` + r.Level + ` +` + regexp.QuoteMeta(r.Short) + `$`)
		if !re.MatchString(line) {
			t.Errorf("line %q does not give %s, %s, %q", line, r.ID, r.Level, r.Short)
			continue
		}
		lc, tc := strings.Index(line, " "+r.Level+" ")+1, strings.Index(line, r.Short)
		if levelCol < 0 {
			levelCol, titleCol = lc, tc
		}
		if lc != levelCol || tc != titleCol {
			t.Errorf("line %q is not aligned with the first", line)
		}
	}
}

// TestRuleHelp: `datagate rules ID` prints the rule's help, the text that
// SARIF carries as help.text; short and full ids both work.
func TestRuleHelp(t *testing.T) {
	var buf bytes.Buffer
	w, _ := report.ForFormat("sarif")
	if err := w.Write(&buf, &report.Result{}); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID   string `json:"id"`
						Help struct {
							Text string `json:"text"`
						} `json:"help"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	sarifHelp := make(map[string]string)
	for _, r := range log.Runs[0].Tool.Driver.Rules {
		sarifHelp[r.ID] = r.Help.Text
	}
	for _, id := range []string{"gateway-bypass", "datagate/gateway-bypass", "disallowed-region", "invalid-suppression"} {
		o := run(t, "rules", id)
		o.wantCode(t, ExitOK)
		full := rules.Lookup(id).ID
		if want := sarifHelp[full] + "\n"; o.stdout != want {
			t.Errorf("rules %s:\n%s\nwant SARIF's help.text:\n%s", id, o.stdout, want)
		}
	}
	if !strings.HasPrefix(sarifHelp[rules.GatewayBypass], "User data leaves the process without passing the sanctioned gateway.") {
		t.Errorf("gateway-bypass help: %q", sarifHelp[rules.GatewayBypass])
	}

	o := run(t, "rules", "no-such-rule")
	o.wantCode(t, ExitError)
	if !strings.Contains(o.stderr, `unknown rule "no-such-rule"`) || !strings.Contains(o.stderr, "gateway-bypass") {
		t.Errorf("stderr: %s", o.stderr)
	}
}

// TestRegions: `datagate regions` gives each host's region and the reason:
// the catalog with its source, the internal rules, unknown, and with a
// policy its endpoints rule.
func TestRegions(t *testing.T) {
	empty := t.TempDir() // no datagate.yaml to discover
	o := run(t, "regions", "-C", empty, "api.mixpanel.com", "10.0.0.1", "ec2.eu-west-2.amazonaws.com",
		"s3.eu-central-2.amazonaws.com", "https://api.eu.intercom.io/contacts", "api.fraudcheck.example.com")
	o.wantCode(t, ExitOK)
	for _, want := range []string{
		`(?m)^api\.mixpanel\.com +US +Mixpanel .*\(source: .+\)$`,
		`(?m)^10\.0\.0\.1 +internal +internal: RFC 1918 .*\(source: RFC 1918.*\)$`,
		`(?m)^ec2\.eu-west-2\.amazonaws\.com +GB +AWS region eu-west-2 \(London\).*\(source: .+\)$`,
		`(?m)^s3\.eu-central-2\.amazonaws\.com +CH +AWS region eu-central-2 \(Zurich\)`,
		`(?m)^api\.eu\.intercom\.io +(EU|IE) +`,
		`(?m)^api\.fraudcheck\.example\.com +unknown +host not in the catalog$`,
	} {
		if !regexp.MustCompile(want).MatchString(o.stdout) {
			t.Errorf("regions output does not match %s:\n%s", want, o.stdout)
		}
	}
	if n := strings.Count(o.stdout, "\n"); n != 6 {
		t.Errorf("%d lines for 6 hosts:\n%s", n, o.stdout)
	}

	pol := testutil.Testdata(t, "demo", "policy", "datagate.yaml")
	o = run(t, "regions", "-C", empty, "-policy", pol, "api.fraudcheck.example.com", "egress.svc.cluster.local", "api.mixpanel.com")
	o.wantCode(t, ExitOK)
	for _, want := range []string{
		`(?m)^api\.fraudcheck\.example\.com +US +policy endpoints rule at ` + regexp.QuoteMeta(pol) + `:7 \(api\.fraudcheck\.example\.com\)$`,
		`(?m)^egress\.svc\.cluster\.local +internal +policy endpoints rule at ` + regexp.QuoteMeta(pol) + `:5 `,
		`(?m)^api\.mixpanel\.com +US +Mixpanel `,
	} {
		if !regexp.MustCompile(want).MatchString(o.stdout) {
			t.Errorf("regions -policy output does not match %s:\n%s", want, o.stdout)
		}
	}

	// The policy that a scan of the directory would use is found.
	dir := testutil.WriteModule(t, map[string]string{
		"go.mod":        "module example.com/r\n\ngo 1.26\n",
		"datagate.yaml": "version: 1\nendpoints:\n  - hosts: [\"*.corp.example\"]\n    region: DE\n",
	})
	o = run(t, "regions", "-C", dir, "crm.corp.example")
	o.wantCode(t, ExitOK)
	if want := "crm.corp.example  DE  policy endpoints rule at " + filepath.Join(dir, "datagate.yaml") + ":3 (*.corp.example)\n"; o.stdout != want {
		t.Errorf("regions with a discovered policy:\n%q\nwant\n%q", o.stdout, want)
	}

	// Cloud region names, as AWS, GCP and Azure write them.
	o = run(t, "regions", "-C", empty, "eu-west-2", "europe-west3", "us-east-1", "westeurope", "eu-central-2", "not-a-region")
	o.wantCode(t, ExitOK)
	for _, want := range []string{
		`(?m)^eu-west-2 +GB +AWS region eu-west-2 \(London\) \(source: AWS .+\)$`,
		`(?m)^europe-west3 +DE +GCP region europe-west3 \(Frankfurt\) \(source: Google .+\)$`,
		`(?m)^us-east-1 +US +AWS region us-east-1 \(N\. Virginia\)`,
		`(?m)^westeurope +NL +Azure region westeurope \(Netherlands\)`,
		`(?m)^eu-central-2 +CH +AWS region eu-central-2 \(Zurich\)`,
		`(?m)^not-a-region +unknown +host not in the catalog$`,
	} {
		if !regexp.MustCompile(want).MatchString(o.stdout) {
			t.Errorf("regions of region names does not match %s:\n%s", want, o.stdout)
		}
	}

	o = run(t, "regions", "-list")
	o.wantCode(t, ExitOK)
	if !strings.Contains(o.stdout, "eu-west-2") || strings.Count(o.stdout, "\n") < 50 {
		t.Errorf("regions -list:\n%s", o.stdout)
	}

	run(t, "regions").wantCode(t, ExitError)
	o = run(t, "regions", "-policy", filepath.Join(empty, "missing.yaml"), "a.example")
	o.wantCode(t, ExitError)
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"-version"}} {
		o := run(t, args...)
		o.wantCode(t, ExitOK)
		if !strings.HasPrefix(o.stdout, "datagate version "+Version()+" go") {
			t.Errorf("%v: %q", args, o.stdout)
		}
	}
}

// TestUsage: mistakes on the command line exit 2 with the usage on
// standard error; -h prints it on standard output and exits 0.
func TestUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-no-such-flag"}, "flag provided but not defined: -no-such-flag"},
		{[]string{"-format", "xml"}, `-format: unknown format "xml"`},
		{[]string{"-fail-on", "fatal"}, `-fail-on: unknown level "fatal"`},
		{[]string{"./...", "-format", "sarif"}, "flag -format after the packages"},
		{[]string{"-C", "/no/such/dir", "./..."}, "-C: "},
		{[]string{"-category", "a b"}, "-category"},
		{[]string{"version", "x"}, "version takes no arguments"},
		{[]string{"rules", "a", "b"}, "rules takes at most one rule id"},
		{[]string{"regions", "-x"}, "regions: flag provided but not defined"},
	} {
		o := run(t, tc.args...)
		o.wantCode(t, ExitError)
		if !strings.HasPrefix(o.stderr, "datagate: ") || !strings.Contains(o.stderr, tc.want) || !strings.Contains(o.stderr, "\nusage: datagate") {
			t.Errorf("%q: stderr:\n%s\nwant the error %q and the usage", tc.args, o.stderr, tc.want)
		}
		if o.stdout != "" {
			t.Errorf("%q: stdout: %q", tc.args, o.stdout)
		}
	}
	for _, args := range [][]string{{"-h"}, {"-help"}, {"help"}} {
		o := run(t, args...)
		o.wantCode(t, ExitOK)
		if !strings.HasPrefix(o.stdout, "usage: datagate") {
			t.Errorf("%q: stdout: %q", args, o.stdout)
		}
	}
}
