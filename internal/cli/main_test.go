package cli

import (
	"bytes"
	"errors"
	"flag"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/tools/go/packages"

	"github.com/datagate/datagate/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/cli")

// binPath is the datagate binary built by TestMain, for the tests that need
// a real process (go vet, -C from the repository root).
var binPath string

func TestMain(m *testing.M) {
	flag.Parse()
	testutil.MainWithDatagate(m, "datagate-cli-test-", &binPath)
}

// Loading the demo module type-checks net/http and its dependencies from
// source, which takes seconds; the scans of the demo share one load (the
// packages are only read by the analysis, and the tests that share them
// do not run in parallel).
var demo struct {
	once sync.Once
	pkgs []*packages.Package
	err  error
}

// sharedLoad is loadPackages without a file index, except that the default load of the demo
// module ("./..." without tests or tags) is done once.
func sharedLoad(cfg *packages.Config, patterns ...string) ([]*packages.Package, error) {
	demoDir, _ := filepath.Abs(filepath.Join("..", "..", "testdata", "demo"))
	if cfg.Dir == demoDir && !cfg.Tests && len(cfg.BuildFlags) == 0 && cfg.Env == nil && slices.Equal(patterns, []string{"./..."}) {
		demo.once.Do(func() { demo.pkgs, demo.err = loadNoIndex(cfg, patterns...) })
		return demo.pkgs, demo.err
	}
	return loadNoIndex(cfg, patterns...)
}

// loadNoIndex is loadPackages without a file index.
func loadNoIndex(cfg *packages.Config, patterns ...string) ([]*packages.Package, error) {
	none := make(chan *fileIndex, 1)
	none <- nil
	pkgs, _, err := loadPackages(cfg, none, patterns...)
	return pkgs, err
}

// outcome is what one run of the command did.
type outcome struct {
	code           int
	stdout, stderr string
}

// run runs the command in-process (the real Main, with the shared demo
// load).
func run(t *testing.T, args ...string) outcome {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := mainWith(args, &stdout, &stderr, &scanHooks{load: sharedLoad, indexNow: pastGuard})
	return outcome{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// pastGuard is a time after the file index's guard (fileIndex) for every
// file a test writes: its scans keep them all in the index, so that the
// scans after an edit read only the edited files, as a user's scans do.
func pastGuard() time.Time { return time.Now().Add(time.Hour) }

// runBinary runs the built binary in dir.
func runBinary(t *testing.T, dir string, args ...string) outcome {
	t.Helper()
	cmd := exec.Command(binPath, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("running %s: %v", binPath, err)
		}
		code = ee.ExitCode()
	}
	return outcome{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// wantCode fails the test when o did not exit with code.
func (o outcome) wantCode(t *testing.T, code int) {
	t.Helper()
	if o.code != code {
		t.Fatalf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", o.code, code, o.stdout, o.stderr)
	}
}

// normalise replaces what depends on the machine: the module's absolute
// directory (as a path and as a file URI) and datagate's version.
func normalise(out, root string) string {
	out = strings.ReplaceAll(out, "file://"+filepath.ToSlash(root), "file:///ROOT")
	out = strings.ReplaceAll(out, root, "$ROOT")
	out = strings.ReplaceAll(out, `"`+Version()+`"`, `"VERSION"`)
	return out
}

// golden compares got with testdata/cli/<name>, or rewrites it with
// -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	testutil.Golden(t, testutil.Testdata(t, "cli", name), got, *update)
}
