package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/datagate/datagate/internal/testutil"
)

// counts reads the -v line that says how many packages a scan analysed
// and how many it restored from the cache.
var countsRE = regexp.MustCompile(`datagate: note: (\d+) packages analysed(?:, (\d+) restored from the cache in ([^\n]+)|; cache off)\n`)

func counts(t *testing.T, o outcome) (analysed, restored int) {
	t.Helper()
	m := countsRE.FindStringSubmatch(o.stderr)
	if m == nil {
		t.Fatalf("no package counts in the -v output:\n%s", o.stderr)
	}
	analysed, _ = strconv.Atoi(m[1])
	restored, _ = strconv.Atoi(m[2])
	return analysed, restored
}

// scanDemo scans a copy of the demo with the cache in cache (off when
// empty) and returns the outputs of the three formats; the -v outcome of
// the first.
func scanDemo(t *testing.T, dir, cache string) (out [3]string, first outcome) {
	t.Helper()
	if cache == "" {
		t.Setenv(CacheEnv, "off")
	} else {
		t.Setenv(CacheEnv, cache)
	}
	for i, format := range []string{"text", "json", "sarif"} {
		var o outcome
		if i == 0 {
			o = run(t, "-C", dir, "-v", "-format", format, "./...")
			first = o
		} else {
			o = run(t, "-C", dir, "-format", format, "./...")
		}
		if o.code != ExitFindings {
			t.Fatalf("-format %s: exit %d\n%s", format, o.code, o.stderr)
		}
		out[i] = o.stdout
	}
	return out, first
}

// sameOutputs reports where the three formats' outputs differ from want's.
func sameOutputs(t *testing.T, what string, got, want [3]string) {
	t.Helper()
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%s, the output differs:\n%s", what, testutil.FirstDiff(want[i], got[i]))
		}
	}
}

// wantCounts reports a -v package count other than the one wanted.
func wantCounts(t *testing.T, what string, o outcome, analysed, restored int) {
	t.Helper()
	if a, r := counts(t, o); a != analysed || r != restored {
		t.Errorf("%s: %d analysed, %d restored; want %d and %d", what, a, r, analysed, restored)
	}
}

// TestCacheColdWarm: a scan restored from the cache writes byte for byte
// what the scan that filled it wrote, in every format; an edit of a leaf
// package analyses it and the packages whose imports' results changed,
// and gives what a scan without the cache gives; damaged entries are
// analysed again.
func TestCacheColdWarm(t *testing.T) {
	dir := testutil.CopyTestdata(t, "demo")
	cache := t.TempDir()

	cold, o := scanDemo(t, dir, cache)
	wantCounts(t, "cold scan", o, 9, 0)
	warm, o := scanDemo(t, dir, cache)
	wantCounts(t, "warm scan", o, 0, 9)
	sameOutputs(t, "warm against cold", warm, cold)

	// A comment line at the top of mailer: everything in it moves down a
	// line. Only mailer is analysed: the packages above it are restored,
	// the paths they report through mailer moved to where a scan without
	// the cache puts them; and again when the line is taken out.
	mailer := filepath.Join(dir, "mailer", "mailer.go")
	mailerSrc, err := os.ReadFile(mailer)
	if err != nil {
		t.Fatal(err)
	}
	testutil.WriteFile(t, dir, "mailer/mailer.go", strings.Replace(string(mailerSrc), "package mailer\n", "package mailer\n\n// Moved.\n", 1))
	moved, o := scanDemo(t, dir, cache)
	wantCounts(t, "after a line at the top of mailer", o, 1, 8)
	if !strings.Contains(o.stderr, "with positions in code that moved since translated") {
		t.Errorf("after a line at the top of mailer, -v does not say positions were moved:\n%s", o.stderr)
	}
	movedFresh, _ := scanDemo(t, dir, "")
	sameOutputs(t, "after a line at the top of mailer, against a scan without the cache", moved, movedFresh)
	for i := range moved {
		if moved[i] == cold[i] {
			t.Errorf("after a line at the top of mailer, the output (%s) is the same as before", []string{"text", "json", "sarif"}[i])
		}
	}
	testutil.WriteFile(t, dir, "mailer/mailer.go", string(mailerSrc))
	back, o := scanDemo(t, dir, cache)
	wantCounts(t, "with mailer as it was", o, 0, 9)
	sameOutputs(t, "with mailer as it was, against the first", back, cold)

	// A comment at the end of privacy: its types and facts are the same,
	// so only privacy is analysed again.
	priv := filepath.Join(dir, "privacy", "privacy.go")
	src, err := os.ReadFile(priv)
	if err != nil {
		t.Fatal(err)
	}
	testutil.WriteFile(t, dir, "privacy/privacy.go", string(src)+"\n// Reviewed.\n")
	_, o = scanDemo(t, dir, cache)
	wantCounts(t, "after a comment in privacy", o, 1, 8)

	// A new function in privacy: api and cmd/shop, which import it, are
	// analysed again, nothing else.
	testutil.WriteFile(t, dir, "privacy/privacy.go", strings.Replace(string(src), "import (\n", "import (\n\t\"strings\"\n", 1)+
		"\n// Mask hides s.\nfunc Mask(s string) string { return strings.Repeat(\"*\", len(s)) }\n")
	edited, o := scanDemo(t, dir, cache)
	wantCounts(t, "after a new function in privacy (privacy, api, cmd/shop)", o, 3, 6)
	fresh, _ := scanDemo(t, dir, "")
	sameOutputs(t, "after the edit, against a scan without the cache", edited, fresh)

	// Damage every entry: the scan analyses everything again and writes
	// the same.
	n := 0
	err = filepath.WalkDir(cache, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		n++
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(path, data[:len(data)/2], 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("no cache entries")
	}
	damaged, o := scanDemo(t, dir, cache)
	if a, _ := counts(t, o); a != 9 {
		t.Errorf("with damaged entries: %d analysed, want 9", a)
	}
	sameOutputs(t, "with damaged entries", damaged, fresh)

	if _, o := scanDemo(t, dir, ""); !strings.Contains(o.stderr, "packages analysed; cache off") {
		t.Errorf("DATAGATE_CACHE=off: -v does not say the cache is off:\n%s", o.stderr)
	}
	t.Setenv(CacheEnv, cache)
	if o := run(t, "-C", dir, "-v", "-cache", "off", "./..."); !strings.Contains(o.stderr, "9 packages analysed; cache off") {
		t.Errorf("-cache off: -v does not say the cache is off:\n%s", o.stderr)
	}
}

// TestCacheHiddenImplementation: after an edit, a package is analysed
// again with its imports restored from the cache; an implementation an
// import keeps unexported, behind the interface its constructor returns,
// is still found (its types come from source, not from export data,
// which does not hold the type), and the output is that of a scan
// without the cache.
func TestCacheHiddenImplementation(t *testing.T) {
	dir := testutil.WriteModule(t, map[string]string{
		"go.mod":       "module example.com/shop\n\ngo 1.22\n",
		"user/user.go": "package user\n\n// User is a customer.\ntype User struct {\n\tEmail string `userdata:\"contact\"`\n}\n",
		"notify/notify.go": `package notify

import (
	"net/http"
	"strings"
)

// Notifier sends a message.
type Notifier interface{ Notify(msg string) error }

// New returns the web hook notifier.
func New() Notifier { return &webhook{url: "https://hooks.example.com/notify"} }

type webhook struct{ url string }

func (w *webhook) Notify(msg string) error {
	resp, err := http.Post(w.url, "text/plain", strings.NewReader(msg))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
`,
		"app/app.go": `package app

import (
	"example.com/shop/notify"
	"example.com/shop/user"
)

// Welcome greets u.
func Welcome(u *user.User) error { return notify.New().Notify(u.Email) }
`,
	})
	cache := t.TempDir()
	t.Setenv(CacheEnv, cache)
	cold := run(t, "-C", dir, "-format", "json", "./...")
	if cold.code == ExitError || !strings.Contains(cold.stdout, "notify.go") {
		t.Fatalf("cold scan: exit %d, no path through notify.go:\n%s\n%s", cold.code, cold.stdout, cold.stderr)
	}
	testutil.WriteFile(t, dir, "app/app.go", strings.Replace(testutil.ReadFile(t, filepath.Join(dir, "app", "app.go")), "greets u.", "greets u by e-mail.", 1))
	o := run(t, "-C", dir, "-v", "-format", "json", "./...")
	if a, r := counts(t, o); a != 1 || r != 2 {
		t.Errorf("after an edit of app: %d analysed, %d restored; want 1 and 2", a, r)
	}
	t.Setenv(CacheEnv, "off")
	fresh := run(t, "-C", dir, "-format", "json", "./...")
	if o.stdout != fresh.stdout {
		t.Errorf("after the edit, the output differs from a scan without the cache:\n%s", testutil.FirstDiff(fresh.stdout, o.stdout))
	}
}
