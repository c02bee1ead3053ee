package cli

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/datagate/datagate/internal/testutil"
)

func TestIsVetInvocation(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "vet.cfg")
	if err := os.WriteFile(cfg, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "pkg.cfg"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"-V=full"}, true},
		{[]string{"-flags"}, true},
		{[]string{cfg}, true},
		{[]string{"-datagate.policy=/p/datagate.yaml", cfg}, true},
		{[]string{"-datagate.policy", "/p/datagate.yaml", "-json", cfg}, true},
		{nil, false},
		{[]string{"./..."}, false},
		{[]string{"-format", "sarif", "./..."}, false},
		{[]string{"-o", cfg}, false},                     // datagate's own -o
		{[]string{"-baseline", cfg}, false},              // and -baseline
		{[]string{filepath.Join(dir, "pkg.cfg")}, false}, // a directory: a package
		{[]string{filepath.Join(dir, "missing.cfg")}, false},
		{[]string{"-flags", "./..."}, false},
	} {
		if got := IsVetInvocation(tc.args); got != tc.want {
			t.Errorf("IsVetInvocation(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

// vetDiagRE matches a diagnostic printed by go vet.
var vetDiagRE = regexp.MustCompile(`(?m)^(?:\./)?(\S+\.go):(\d+):\d+: datagate/([a-z-]+): (.*)$`)

// goVet runs go vet with the built binary as its vettool in dir, offline,
// and returns the diagnostics, their messages by location, and the exit
// code.
func goVet(t *testing.T, dir string, flags ...string) (diags []expectation, msgs map[string]string, code int, out string) {
	t.Helper()
	args := append([]string{"vet", "-vettool=" + binPath}, flags...)
	cmd := exec.Command("go", append(args, "./...")...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	err := cmd.Run()
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("go vet: %v", err)
		}
		code = ee.ExitCode()
	}
	out = buf.String()
	msgs = make(map[string]string)
	for _, m := range vetDiagRE.FindAllStringSubmatch(out, -1) {
		e := expectation{loc: m[1] + ":" + m[2], rule: m[3]}
		diags = append(diags, e)
		msgs[e.loc] = m[4]
	}
	sortExpectations(diags)
	return diags, msgs, code, out
}

// TestVet runs datagate under go vet -vettool on testdata/cli/vetmod: app
// posts a tagged field to Mixpanel itself, and hands it to track, which
// posts it. go vet sees one package at a time, so the second flow is
// reported in app at the call to track.Send, naming the exit; the
// standalone command reports it at the exit in track.
func TestVet(t *testing.T) {
	dir := testutil.Testdata(t, "cli", "vetmod")
	diags, msgs, code, out := goVet(t, dir)
	want := []expectation{
		{loc: "app/app.go:14", rule: "disallowed-region"},
		{loc: "app/app.go:23", rule: "disallowed-region"},
	}
	if !reflect.DeepEqual(diags, want) {
		t.Fatalf("go vet diagnostics %v, want %v\n%s", diags, want, out)
	}
	if code != 1 {
		t.Errorf("go vet exit code %d, want 1", code)
	}
	if m := msgs["app/app.go:23"]; !strings.Contains(m, "api.mixpanel.com in US") || !strings.Contains(m, "(exit at ") || !strings.Contains(m, filepath.Join("track", "track.go")+":13") {
		t.Errorf("the diagnostic at the call to track.Send does not name the host and the exit: %s", m)
	}

	o := run(t, "-C", dir, "./...")
	o.wantCode(t, ExitFindings)
	got := textResults(o.stdout)
	sortExpectations(got)
	want = []expectation{
		{loc: "app/app.go:14", rule: "disallowed-region"},
		{loc: "track/track.go:13", rule: "disallowed-region"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("standalone results %v, want %v\n%s", got, want, o.stdout)
	}
}

// TestVetDemo runs go vet -vettool on the demo module with the default
// policy and compares with the README's section "Under go vet -vettool".
func TestVetDemo(t *testing.T) {
	diags, _, code, out := goVet(t, testutil.Testdata(t, "demo"))
	if code != 1 {
		t.Errorf("go vet exit code %d, want 1\n%s", code, out)
	}
	// Rows 2 (no result under the default policy), 4, 5, 6 and 7
	// (suppressed) at the exit, row 1 at the call to Track in api.
	want := []expectation{
		{loc: "api/orders.go:89", rule: "unknown-region"},
		{loc: "api/referrals.go:26", rule: "disallowed-region"},
		{loc: "api/users.go:42", rule: "disallowed-region"},
		{loc: "mailer/mailer.go:50", rule: "unresolved-endpoint"},
	}
	compareExpectations(t, "vet", want, diags)
}

// TestReportedAtCaller: an exit outside the analysed packages, or in
// generated code, is reported at the call in analysed, hand-written code
// that leads to it, and the message names the exit (README.md#rules).
func TestReportedAtCaller(t *testing.T) {
	dir := testutil.WriteModule(t, map[string]string{
		"go.mod": "module example.com/gen\n\ngo 1.26\n",
		"datagate.yaml": `version: 1
sinks:
  - func: "example.com/gen/acme.Mixpanel"
    args: [0]
    endpoint: "https://api.mixpanel.com"
`,
		"acme/acme.go":   "package acme\n\n// Mixpanel is an exit (policy sink).\nfunc Mixpanel(event string) {}\n",
		"model/model.go": "package model\n\n// User is a customer.\ntype User struct {\n\tEmail string `userdata:\"contact\"`\n}\n",
		"gen/gen.go": "// Code generated by hand for the test. DO NOT EDIT.\n\npackage gen\n\nimport \"example.com/gen/acme\"\n\n" +
			"// Forward sends the event.\nfunc Forward(event string) {\n\tacme.Mixpanel(event)\n}\n",
		"client/client.go": "package client\n\nimport \"example.com/gen/acme\"\n\n" +
			"// Forward sends the event.\nfunc Forward(event string) {\n\tacme.Mixpanel(event)\n}\n",
		"app/app.go": "package app\n\nimport (\n\t\"example.com/gen/client\"\n\t\"example.com/gen/gen\"\n\t\"example.com/gen/model\"\n)\n\n" +
			"// Signup forwards the address twice.\nfunc Signup(u *model.User) {\n\tgen.Forward(u.Email)\n\tclient.Forward(u.Email)\n}\n",
	})
	const msg = "error datagate/disallowed-region: User data model.User.Email (contact) is sent to api.mixpanel.com in US, outside the allowed regions EEA."
	for _, tc := range []struct {
		name    string
		pattern string
		want    []string // the first lines of the results
	}{
		{
			// The exit in generated code is reported at the call to it;
			// the one in client, at the exit.
			name:    "generated",
			pattern: "./...",
			want: []string{
				"app/app.go:11:13: " + msg + " (exit at gen/gen.go:9 in gen.Forward)",
				"client/client.go:7:15: " + msg,
			},
		},
		{
			// Only app is analysed: client is a dependency.
			name:    "dependency",
			pattern: "./app",
			want: []string{
				"app/app.go:11:13: " + msg + " (exit at gen/gen.go:9 in gen.Forward)",
				"app/app.go:12:16: " + msg + " (exit at client/client.go:7 in client.Forward)",
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := run(t, "-C", dir, tc.pattern)
			o.wantCode(t, ExitFindings)
			var got []string
			for _, line := range strings.Split(o.stdout, "\n") {
				if textResultRE.MatchString(line) {
					got = append(got, line)
				}
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("results:\n%s\nwant:\n%s\n\noutput:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"), o.stdout)
			}
		})
	}
}

// TestVetSameAsCommand: go vet and the standalone command merge flows with
// the one merge (lineage.Merge), deciding on the endpoints' structured
// inputs, so they report the same for the same package. Here the exits'
// own packages leave their destinations as a parameter (send's target) and
// as a field of the receiver (hook's c.cfg.URL); the callers in the same
// package resolve both. Before the merge was one, go vet dropped the
// receiver's field as a parameter and the command reported it as an
// unresolved config field.
func TestVetSameAsCommand(t *testing.T) {
	dir := testutil.WriteModule(t, map[string]string{
		"go.mod": "module example.com/same\n\ngo 1.26\n",
		"app/app.go": `package app

import (
	"net/http"
	"os"
	"strings"
)

type User struct {
	Email string ` + "`userdata:\"contact\"`" + `
}

var current = &User{}

func send(target string) {
	http.Post(target, "text/plain", strings.NewReader(current.Email))
}

type Config struct{ URL string }

type Client struct{ cfg Config }

func (c *Client) hook() {
	http.Post(c.cfg.URL, "text/plain", strings.NewReader(current.Email))
}

func Run() {
	send(os.Getenv("AUDIT_URL"))
	send("https://api.mixpanel.com/track")
	c := &Client{cfg: Config{URL: "https://api.eu.intercom.io/contacts"}}
	c.hook()
}
`,
	})
	diags, msgs, _, out := goVet(t, dir)
	var vet []string
	for _, d := range diags {
		vet = append(vet, d.loc+" "+d.rule+": "+msgs[d.loc])
	}
	o := run(t, "-C", dir, "./...")
	var cmd []string
	for _, m := range regexp.MustCompile(`(?m)^(\S+\.go):(\d+):\d+: (?:error|warning|note) datagate/([a-z-]+): (.*)$`).FindAllStringSubmatch(o.stdout, -1) {
		cmd = append(cmd, m[1]+":"+m[2]+" "+m[3]+": "+m[4])
	}
	want := []string{
		"app/app.go:16 disallowed-region: User data app.User.Email (contact) is sent to api.mixpanel.com in US, outside the allowed regions EEA.",
	}
	if !reflect.DeepEqual(vet, want) {
		t.Errorf("go vet:\n%s\nwant:\n%s\n%s", strings.Join(vet, "\n"), strings.Join(want, "\n"), out)
	}
	if !reflect.DeepEqual(cmd, want) {
		t.Errorf("command:\n%s\nwant:\n%s\n%s", strings.Join(cmd, "\n"), strings.Join(want, "\n"), o.stdout)
	}
}

// TestExclude: a package the policy excludes is analysed but never reported
// in, nor are its exits, by the command and under go vet alike: helpers
// posts user data itself and for app, and is excluded; app's own exit is
// reported, and so is the user data app reads from what helpers returns.
func TestExclude(t *testing.T) {
	files := map[string]string{
		"go.mod":         "module example.com/excl\n\ngo 1.26\n",
		"model/model.go": "package model\n\n// User is a customer.\ntype User struct {\n\tEmail string `userdata:\"contact\"`\n}\n",
		"helpers/helpers.go": `package helpers

import (
	"net/http"
	"strings"

	"example.com/excl/model"
)

// Track posts the address to Mixpanel.
func Track(u *model.User) {
	http.Post("https://api.mixpanel.com/track", "text/plain", strings.NewReader(u.Email))
}

// Fixture is a test user.
func Fixture() *model.User { return &model.User{Email: load()} }

func load() string { return "" }

// Seed posts a fixture.
func Seed() {
	u := &model.User{}
	http.Post("https://api.mixpanel.com/seed", "text/plain", strings.NewReader(u.Email))
}
`,
		"app/app.go": `package app

import (
	"net/http"
	"strings"

	"example.com/excl/helpers"
	"example.com/excl/model"
)

// Signup tracks the user and posts it.
func Signup(u *model.User) {
	helpers.Track(u)
	http.Post("https://api.mixpanel.com/signup", "text/plain", strings.NewReader(u.Email))
	f := helpers.Fixture()
	http.Post("https://api.mixpanel.com/fixture", "text/plain", strings.NewReader(f.Email))
}
`,
	}
	for _, tc := range []struct {
		name, policy string
		want         []string
	}{
		{"without", "version: 1\n", []string{"app/app.go:13", "app/app.go:14", "app/app.go:16", "helpers/helpers.go:12", "helpers/helpers.go:23"}},
		{"with", "version: 1\nexclude:\n  - ./helpers/...\n", []string{"app/app.go:14", "app/app.go:16"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files["datagate.yaml"] = tc.policy
			dir := testutil.WriteModule(t, files)
			diags, _, _, out := goVet(t, dir)
			var vet []string
			for _, d := range diags {
				vet = append(vet, d.loc)
			}
			o := run(t, "-C", dir, "./...")
			var cmd []string
			for _, e := range textResults(o.stdout) {
				cmd = append(cmd, e.loc)
			}
			sort.Strings(vet)
			sort.Strings(cmd)
			wantCmd := tc.want
			if tc.name == "without" {
				// The command reports helpers' exit once, at the exit;
				// go vet also at the call in app.
				wantCmd = []string{"app/app.go:14", "app/app.go:16", "helpers/helpers.go:12", "helpers/helpers.go:23"}
			}
			if !reflect.DeepEqual(vet, tc.want) {
				t.Errorf("go vet: %v, want %v\n%s", vet, tc.want, out)
			}
			if !reflect.DeepEqual(cmd, wantCmd) {
				t.Errorf("command: %v, want %v\n%s", cmd, wantCmd, o.stdout)
			}
		})
	}
}
