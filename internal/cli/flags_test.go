package cli

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/datagate/datagate/internal/testutil"
)

// sinkmod (testdata/cli/sinkmod) declares two SDK calls as exits in its
// datagate.yaml (found by discovery): app.go sends user data to a host of
// unknown region (a warning) under a directive without a reason (itself a
// warning); extra.go (build tag "extra") and app_test.go send it to
// Mixpanel, in the US (errors).
func TestSinkmodFlags(t *testing.T) {
	dir := testutil.Testdata(t, "cli", "sinkmod")
	plain := []expectation{
		{loc: "app/app.go:11", rule: "invalid-suppression"},
		{loc: "app/app.go:12", rule: "unknown-region"},
	}
	extra := expectation{loc: "app/extra.go:12", rule: "disallowed-region"}
	inTest := expectation{loc: "app/app_test.go:10", rule: "disallowed-region"}
	for _, tc := range []struct {
		name string
		args []string
		want []expectation
		code int
	}{
		{"fail-on error", []string{"-fail-on", "error"}, plain, ExitOK},
		{"fail-on warning", []string{"-fail-on", "warning"}, plain, ExitFindings},
		{"fail-on note", []string{"-fail-on", "note"}, plain, ExitFindings},
		{"fail-on none", []string{"-fail-on", "none"}, plain, ExitOK},
		{"default fail-on", nil, plain, ExitOK},
		{"tags", []string{"-tags", "extra"}, append(plain, extra), ExitFindings},
		{"tags none", []string{"-tags", "extra", "-fail-on", "none"}, append(plain, extra), ExitOK},
		{"tests", []string{"-tests"}, append(plain[:2:2], inTest), ExitFindings},
		{"tests and tags", []string{"-tests", "-tags", "other,extra"}, []expectation{plain[0], plain[1], inTest, extra}, ExitFindings},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := run(t, append(append([]string{"-C", dir}, tc.args...), "./...")...)
			o.wantCode(t, tc.code)
			got := textResults(o.stdout)
			sortExpectations(got)
			want := append([]expectation(nil), tc.want...)
			sortExpectations(want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("results %v, want %v\n%s", got, want, o.stdout)
			}
		})
	}
}

func sortExpectations(es []expectation) {
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && es[j].String() < es[j-1].String(); j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
}

// TestOutputFile: -o writes the file (relative to -C) and nothing to
// standard output, replacing what was there.
func TestOutputFile(t *testing.T) {
	src := testutil.Testdata(t, "cli", "sinkmod")
	out := filepath.Join(t.TempDir(), "report.txt")
	if err := os.WriteFile(out, []byte(strings.Repeat("old content\n", 1000)), 0o644); err != nil {
		t.Fatal(err)
	}
	o := run(t, "-C", src, "-o", out, "-fail-on", "warning", "./...")
	o.wantCode(t, ExitFindings)
	if o.stdout != "" || o.stderr != "" {
		t.Errorf("stdout %q, stderr %q with -o", o.stdout, o.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(string(data), "2 findings (2 warnings)\n") || strings.Contains(string(data), "old content") {
		t.Errorf("-o file:\n%s", data)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("files left beside the output: %v", entries)
	}

	// -o relative to -C.
	dir := t.TempDir()
	mod := testutil.CopyTree(t, src, filepath.Join(dir, "mod"))
	run(t, "-C", mod, "-o", "rel.sarif", "-format", "sarif", "./...").wantCode(t, ExitOK)
	if _, err := os.Stat(filepath.Join(mod, "rel.sarif")); err != nil {
		t.Errorf("-o rel.sarif with -C: %v", err)
	}
}

// brokenModule has a package with a type error (bad), one that imports it
// (user), and one that is fine and has a finding (good).
func brokenModule(t *testing.T) string {
	return testutil.WriteModule(t, map[string]string{
		"go.mod": "module example.com/broken\n\ngo 1.26\n",
		"datagate.yaml": `version: 1
sinks:
  - func: "example.com/broken/good.Send"
    args: [0]
    endpoint: "https://api.mixpanel.com"
`,
		"model/model.go": "package model\n\n// User is a customer.\ntype User struct {\n\tEmail string `userdata:\"contact\"`\n}\n",
		"good/good.go":   "package good\n\nimport \"example.com/broken/model\"\n\n// Send is an exit (policy sink).\nfunc Send(s string) {}\n\n// Signup sends the address.\nfunc Signup(u *model.User) {\n\tSend(u.Email)\n}\n",
		"bad/bad.go":     "package bad\n\n// F does not compile.\nfunc F() int {\n\treturn \"x\"\n}\n",
		"user/user.go":   "package user\n\nimport \"example.com/broken/bad\"\n\n// G uses bad.\nfunc G() int { return bad.F() }\n",
	})
}

// TestBrokenPackages: packages that fail to type-check are listed in the
// output, the others are analysed, and the exit code is 2, or with
// -keep-going the findings' exit code.
func TestBrokenPackages(t *testing.T) {
	dir := brokenModule(t)
	o := run(t, "-C", dir, "./...")
	o.wantCode(t, ExitError)
	for _, want := range []string{
		"good/good.go:10:6: error datagate/disallowed-region: ",
		"bad/bad.go:5:9: package example.com/broken/bad: ",
		"datagate: package example.com/broken/user: not analysed: it imports example.com/broken/bad, which could not be analysed\n",
		"1 finding (1 error); 2 packages not analysed\n",
	} {
		if !strings.Contains(o.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, o.stdout)
		}
	}
	if !strings.Contains(o.stderr, "2 packages could not be analysed") {
		t.Errorf("stderr: %s", o.stderr)
	}

	o = run(t, "-C", dir, "-keep-going", "./...")
	o.wantCode(t, ExitFindings)
	o = run(t, "-C", dir, "-keep-going", "-fail-on", "none", "./...")
	o.wantCode(t, ExitOK)
	if !strings.Contains(o.stderr, "-keep-going") {
		t.Errorf("stderr does not warn about the failed packages: %q", o.stderr)
	}

	// In SARIF the failures are notifications, and the log validates.
	o = run(t, "-C", dir, "-format", "sarif", "-keep-going", "./...")
	o.wantCode(t, ExitFindings)
	testutil.CheckSARIF(t, []byte(o.stdout))
	if !strings.Contains(o.stdout, `"executionSuccessful": false`) {
		t.Errorf("SARIF does not say the run failed:\n%s", o.stdout)
	}

	// A pattern that matches nothing is an error, not a clean run.
	o = run(t, "-C", dir, "./nothing/...")
	o.wantCode(t, ExitError)
}
