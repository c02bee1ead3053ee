package robust

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/datagate/datagate/internal/testutil"
)

// binPath is the datagate binary built by TestMain.
var binPath string

func TestMain(m *testing.M) {
	testutil.MainWithDatagate(m, "datagate-robust-", &binPath)
}

// outcome is what one run of the binary did.
type outcome struct {
	args     []string
	stdout   string
	stderr   string
	code     int
	took     time.Duration
	timedOut bool
}

func (o *outcome) String() string {
	return fmt.Sprintf("datagate %s: exit %d after %v", strings.Join(o.args, " "), o.code, o.took.Round(time.Millisecond))
}

// run runs the binary in dir with the extra environment env (KEY=VALUE),
// killing it after timeout. A run that times out is sent SIGQUIT first (on
// Unix), so that its stderr holds every goroutine's stack: where it hung.
func run(t testing.TB, dir string, env []string, timeout time.Duration, args ...string) *outcome {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, binPath, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.Cancel = func() error { return quit(cmd.Process) }
	cmd.WaitDelay = 10 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	o := &outcome{args: args, stdout: stdout.String(), stderr: stderr.String(), took: time.Since(start)}
	var ee *exec.ExitError
	switch {
	case ctx.Err() != nil:
		o.timedOut, o.code = true, -1
	case errors.As(err, &ee):
		o.code = ee.ExitCode()
	case err != nil:
		t.Fatalf("running datagate: %v", err)
	}
	t.Logf("%s", o)
	return o
}

// crashMarkers are what a Go program prints when it panics or dies, and
// what datagate prints for a panic it recovered in an analyzer.
var crashMarkers = []string{"internal error", "panic:", "fatal error:", "[running]:", "SIGSEGV", "goroutine "}

// checkNoCrash fails the test if the run timed out, crashed, recovered a
// panic, or exited with a code other than 0, 1 and 2.
func checkNoCrash(t testing.TB, o *outcome) {
	t.Helper()
	if o.timedOut {
		t.Errorf("%s: did not finish in time (killed after %v); where it was:\n%s", o, o.took.Round(time.Second), testutil.Head(o.stderr, 60))
		return
	}
	for _, m := range crashMarkers {
		for _, out := range []string{o.stdout, o.stderr} {
			if i := strings.Index(out, m); i >= 0 {
				t.Errorf("%s: output has %q:\n%s", o, m, testutil.Head(out[max(0, i-200):], 40))
				return
			}
		}
	}
	if o.code < 0 || o.code > 2 {
		t.Errorf("%s: exit code %d, want 0, 1 or 2\nstderr:\n%s", o, o.code, testutil.Head(o.stderr, 40))
	}
}

// A finding as the text output shows it: "file:line:col: level rule: message".
type textFinding struct {
	file  string
	line  int
	level string
	rule  string
	msg   string
}

var (
	findingLine = regexp.MustCompile(`^(\S+?):(\d+):(\d+): (error|warning|note) (datagate/[a-z-]+): (.*)$`)
	// "where: package P: message", where is a position or "datagate".
	toolErrorLine = regexp.MustCompile(`^(\S+): package (\S+): (.*)$`)
)

// parseText reads the findings and tool errors (package -> message) of the
// text output.
func parseText(out string) ([]textFinding, map[string]string) {
	var fs []textFinding
	errs := make(map[string]string)
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if m := findingLine.FindStringSubmatch(line); m != nil {
			n, _ := strconv.Atoi(m[2])
			fs = append(fs, textFinding{file: m[1], line: n, level: m[4], rule: m[5], msg: m[6]})
			continue
		}
		if m := toolErrorLine.FindStringSubmatch(line); m != nil && !strings.HasPrefix(line, " ") {
			errs[m[2]] = m[3]
		}
	}
	return fs, errs
}

// marks are the "// want RULE" and "// may RULE" comments of a module's Go
// files: "file:line" (slash-separated, relative to the module) to the rule
// without its "datagate/" prefix.
type marks struct {
	want, may map[string]string
}

var markComment = regexp.MustCompile(`// (want|may) ([a-z-]+)\b`)

func readMarks(t testing.TB, dir string) marks {
	t.Helper()
	m := marks{want: map[string]string{}, may: map[string]string{}}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		for i, line := range strings.Split(string(data), "\n") {
			if c := markComment.FindStringSubmatch(line); c != nil {
				key := fmt.Sprintf("%s:%d", filepath.ToSlash(rel), i+1)
				if c[1] == "want" {
					m.want[key] = c[2]
				} else {
					m.may[key] = c[2]
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// checkMarks checks the text output's findings against the marks: every
// want has its finding, and every finding is on a want or may line (a
// finding anywhere else is a wrong result).
func checkMarks(t testing.TB, o *outcome, m marks) {
	t.Helper()
	fs, _ := parseText(o.stdout)
	got := map[string]string{}
	for _, f := range fs {
		key := fmt.Sprintf("%s:%d", f.file, f.line)
		rule := strings.TrimPrefix(f.rule, "datagate/")
		got[key] = rule
		if m.want[key] != rule && m.may[key] != rule {
			t.Errorf("%s: unexpected finding %s at %s: %s", o, f.rule, key, f.msg)
		}
	}
	var missing []string
	for key, rule := range m.want {
		if got[key] != rule {
			missing = append(missing, key+" "+rule)
		}
	}
	sort.Strings(missing)
	for _, w := range missing {
		t.Errorf("%s: no finding at %s", o, w)
	}
}

// sarifLog is the part of SARIF the tests look at.
type sarifLog struct {
	Runs []struct {
		Results []struct {
			RuleID    string `json:"ruleId"`
			Level     string `json:"level"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI string `json:"uri"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine int `json:"startLine"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			CodeFlows []struct {
				Message struct {
					Text string `json:"text"`
				} `json:"message"`
			} `json:"codeFlows"`
		} `json:"results"`
		Invocations []struct {
			ExecutionSuccessful bool `json:"executionSuccessful"`
			Notifications       []struct {
				Level   string `json:"level"`
				Message struct {
					Text string `json:"text"`
				} `json:"message"`
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
	} `json:"runs"`
}

// parseSARIF checks that out is SARIF that validates against the schema
// and decodes it.
func parseSARIF(t testing.TB, out string) *sarifLog {
	t.Helper()
	testutil.CheckSARIF(t, []byte(out))
	var log sarifLog
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 || len(log.Runs[0].Invocations) != 1 {
		t.Fatalf("SARIF: want one run with one invocation:\n%s", testutil.Head(out, 20))
	}
	return &log
}
