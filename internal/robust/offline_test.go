package robust

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/datagate/datagate/internal/testutil"
)

// offlineEnv keeps the go command that datagate runs (go list) off the
// network: no module proxy, and go.mod may be updated only in memory.
var offlineEnv = []string{"GOPROXY=off", "GOFLAGS=-mod=mod"}

// demoFindings is the summary line of the demo with the default policy
// (README.md, "What the demo finds").
const demoFindings = "4 findings (2 errors, 2 warnings); 1 suppressed"

// TestOffline scans the demo without network: with GOPROXY=off, and, where
// unshare(1) can make one (root, or user namespaces), inside a fresh
// network namespace that has no interface but a loopback that is down.
func TestOffline(t *testing.T) {
	if testing.Short() {
		t.Skip("slow (loads net/http); left out under -short")
	}
	demo := testutil.CopyTestdata(t, "demo")

	o := run(t, demo, offlineEnv, 3*time.Minute, "./...")
	checkDemo(t, o)

	unshare, err := exec.LookPath("unshare")
	if err != nil {
		t.Logf("no network namespace: unshare not found (%v); GOPROXY=off only", err)
		return
	}
	if out, err := exec.Command(unshare, "-n", "--", "true").CombinedOutput(); err != nil {
		t.Logf("no network namespace: unshare -n fails here (%v: %s); GOPROXY=off only", err, strings.TrimSpace(string(out)))
		return
	}
	start := time.Now()
	cmd := exec.Command(unshare, "-n", "--", binPath, "./...")
	cmd.Dir = demo
	cmd.Env = append(os.Environ(), offlineEnv...)
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	ns := &outcome{args: []string{"(unshare -n)", "./..."}, stdout: stdout.String(), stderr: stderr.String(), took: time.Since(start)}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		ns.code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s", ns)
	checkDemo(t, ns)
	if ns.stdout != o.stdout {
		t.Errorf("the output in a network namespace differs from the output with GOPROXY=off:\n%s\n---\n%s", ns.stdout, o.stdout)
	}
}

// checkDemo checks a default-policy scan of the demo: exit code 1 and the
// summary of README.md.
func checkDemo(t *testing.T, o *outcome) {
	t.Helper()
	checkNoCrash(t, o)
	if o.code != 1 || !strings.Contains(o.stdout, demoFindings+"\n") {
		t.Errorf("%s: want exit code 1 and %q\nstdout:\n%s\nstderr:\n%s", o, demoFindings, o.stdout, o.stderr)
	}
}

// TestWritesOnlyOutput checks that a scan writes nothing but its -o file:
// the scanned module's tree and the working directory are the same before
// and after, byte for byte and mode for mode, except for the output.
func TestWritesOnlyOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("slow (loads net/http); left out under -short")
	}
	demo := testutil.CopyTestdata(t, "demo")
	wd := t.TempDir()
	testutil.WriteFile(t, wd, "notes.txt", "the working directory holds this file before the scan\n")
	beforeDemo, beforeWD := snapshot(t, demo), snapshot(t, wd)

	// One format: the writers share the code that writes -o (a temporary
	// file beside it, renamed).
	o := run(t, wd, offlineEnv, 3*time.Minute, "-C", demo, "-format", "sarif", "-o", filepath.Join(wd, "out.sarif"), "./...")
	checkNoCrash(t, o)
	if o.code != 1 {
		t.Errorf("%s: exit code %d, want 1\n%s", o, o.code, o.stderr)
	}
	if o.stdout != "" {
		t.Errorf("%s: wrote to standard output with -o:\n%s", o, testutil.Head(o.stdout, 10))
	}

	afterDemo, afterWD := snapshot(t, demo), snapshot(t, wd)
	compareSnapshots(t, "the scanned module", beforeDemo, afterDemo)
	if afterWD["out.sarif"] == "" {
		t.Errorf("-o out.sarif was not written")
	}
	beforeWD["out.sarif"] = afterWD["out.sarif"] // the one file that may appear
	compareSnapshots(t, "the working directory", beforeWD, afterWD)
}

// snapshot maps every file and directory below dir to its mode, size and
// SHA-256.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		info, err := d.Info()
		if err != nil {
			return err
		}
		desc := info.Mode().String()
		if info.Mode().IsRegular() {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			desc += fmt.Sprintf(" %d %x", len(data), sha256.Sum256(data))
		}
		m[filepath.ToSlash(rel)] = desc
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func compareSnapshots(t *testing.T, what string, before, after map[string]string) {
	t.Helper()
	var diffs []string
	for p, b := range before {
		if a, ok := after[p]; !ok {
			diffs = append(diffs, "removed "+p)
		} else if a != b {
			diffs = append(diffs, "changed "+p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			diffs = append(diffs, "created "+p)
		}
	}
	sort.Strings(diffs)
	for _, d := range diffs {
		t.Errorf("%s: %s", what, d)
	}
}
