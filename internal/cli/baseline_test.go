package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datagate/datagate/internal/testutil"
)

// TestBaselineSurvivesMovedCode: a baseline made before code moves (lines
// inserted above every finding) still matches every finding afterwards,
// while a flow added after the baseline is reported.
func TestBaselineSurvivesMovedCode(t *testing.T) {
	root := testutil.CopyTree(t, testutil.Testdata(t, "demo"), filepath.Join(t.TempDir(), "demo"))
	base := filepath.Join(t.TempDir(), "base.sarif")
	run(t, "-C", root, "-format", "sarif", "-o", base, "./...").wantCode(t, ExitFindings)

	// Move code: insert lines after the package clause of every file with
	// a finding, shifting all their lines.
	for _, f := range []string{"analytics/analytics.go", "api/orders.go", "api/referrals.go", "mailer/mailer.go"} {
		path := filepath.Join(root, f)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		src := strings.Replace(string(data), "\nimport (", "\n// Moved.\n//\n// Lines above every finding.\n\nimport (", 1)
		if src == string(data) {
			t.Fatalf("%s: no import block to insert lines before", f)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	o := run(t, "-C", root, "-baseline", base, "-fail-on", "warning", "./...")
	o.wantCode(t, ExitOK)
	if want := "no findings; 1 suppressed; 4 matched the baseline\n"; o.stdout != want {
		t.Errorf("after moving code, with the baseline:\n%s\nwant %q", o.stdout, want)
	}

	// A new flow: the user's name to the US analytics host.
	newFile := filepath.Join(root, "api", "newflow.go")
	src := `package api

import (
	"net/http"
	"net/url"

	"example.com/shop/model"
)

// shareName is a new transfer the baseline does not know.
func shareName(u *model.User) error {
	resp, err := http.PostForm("https://api.mixpanel.com/engage", url.Values{"name": {u.Name}})
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
`
	if err := os.WriteFile(newFile, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	o = run(t, "-C", root, "-baseline", base, "-fail-on", "warning", "./...")
	o.wantCode(t, ExitFindings)
	got := textResults(o.stdout)
	if len(got) != 1 || !strings.HasPrefix(o.stdout, "api/newflow.go:12:") || !strings.Contains(o.stdout, "datagate/disallowed-region") {
		t.Errorf("with a new flow, got:\n%s\nwant one disallowed-region result at api/newflow.go:12", o.stdout)
	}
	if !strings.Contains(o.stdout, "; 4 matched the baseline\n") {
		t.Errorf("summary does not count the 4 baselined results:\n%s", o.stdout)
	}
}

// TestOutputDevice: -o naming a device writes to it and leaves it a device
// (a rename over /dev/null would replace it with a regular file).
func TestOutputDevice(t *testing.T) {
	run(t, "-C", testutil.Testdata(t, "demo"), "-o", os.DevNull, "./...").wantCode(t, ExitFindings)
	fi, err := os.Stat(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().IsRegular() {
		t.Fatalf("%s became a regular file", os.DevNull)
	}
}
