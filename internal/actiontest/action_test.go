package actiontest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// cliFlags are the datagate command's flags (cmd/datagate/doc.go). The
// action may pass no other.
var cliFlags = map[string]bool{
	"policy": true, "format": true, "o": true, "fail-on": true,
	"baseline": true, "tests": true, "tags": true, "show-suppressed": true,
	"category": true, "C": true, "keep-going": true, "v": true,
}

// action is the part of the action metadata syntax that action.yml uses;
// it is decoded with KnownFields, so a misspelt key fails the test.
type action struct {
	Name        string            `yaml:"name"`
	Description string            `yaml:"description"`
	Author      string            `yaml:"author"`
	Branding    map[string]string `yaml:"branding"`
	Inputs      map[string]struct {
		Description string  `yaml:"description"`
		Required    bool    `yaml:"required"`
		Default     *string `yaml:"default"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Description string `yaml:"description"`
		Value       string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []step `yaml:"steps"`
	} `yaml:"runs"`
}

type step struct {
	Name             string            `yaml:"name"`
	ID               string            `yaml:"id"`
	If               string            `yaml:"if"`
	Shell            string            `yaml:"shell"`
	Run              string            `yaml:"run"`
	Uses             string            `yaml:"uses"`
	With             map[string]string `yaml:"with"`
	Env              map[string]string `yaml:"env"`
	WorkingDirectory string            `yaml:"working-directory"`
}

// strings returns every string of the step in which an expression may
// appear.
func (s *step) strings() []string {
	out := []string{s.Name, s.If, s.Run, s.Uses, s.WorkingDirectory}
	for _, v := range s.With {
		out = append(out, v)
	}
	for _, v := range s.Env {
		out = append(out, v)
	}
	return out
}

func load(t *testing.T) *action {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var a action
	if err := dec.Decode(&a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	return &a
}

func (a *action) step(t *testing.T, id string) *step {
	t.Helper()
	for i := range a.Runs.Steps {
		if a.Runs.Steps[i].ID == id {
			return &a.Runs.Steps[i]
		}
	}
	t.Fatalf("action.yml has no step %q", id)
	return nil
}

var (
	exprRE      = regexp.MustCompile(`\$\{\{(.*?)\}\}`)
	inputRE     = regexp.MustCompile(`\binputs\.([A-Za-z0-9_-]+)`)
	stepOutRE   = regexp.MustCompile(`\bsteps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)`)
	envRefRE    = regexp.MustCompile(`\$\{?(INPUT_[A-Z0-9_]+|DATAGATE|ACTION_REF)\b`)
	flagTokenRE = regexp.MustCompile(`^-[A-Za-z][A-Za-z-]*$`)
)

func TestComposite(t *testing.T) {
	a := load(t)
	if a.Runs.Using != "composite" {
		t.Fatalf("runs.using = %q, want composite", a.Runs.Using)
	}
	if a.Name == "" || a.Description == "" {
		t.Error("name and description are required")
	}
	ids := make(map[string]bool)
	for i, s := range a.Runs.Steps {
		if s.Run != "" && s.Shell == "" {
			t.Errorf("step %d (%s): a run step of a composite action needs a shell", i, s.Name)
		}
		if s.ID != "" {
			if ids[s.ID] {
				t.Errorf("step id %q used twice", s.ID)
			}
			ids[s.ID] = true
		}
	}
}

// TestInputs: every input an expression names is declared, every declared
// input is used, step outputs come from earlier steps, and inputs reach the
// scripts only through env (an expression spliced into a script is a
// script injection).
func TestInputs(t *testing.T) {
	a := load(t)
	used := make(map[string]bool)
	check := func(where, s string, earlier map[string]bool) {
		for _, m := range exprRE.FindAllStringSubmatch(s, -1) {
			for _, in := range inputRE.FindAllStringSubmatch(m[1], -1) {
				used[in[1]] = true
				if _, ok := a.Inputs[in[1]]; !ok {
					t.Errorf("%s uses undeclared input %q", where, in[1])
				}
			}
			for _, so := range stepOutRE.FindAllStringSubmatch(m[1], -1) {
				if !earlier[so[1]] {
					t.Errorf("%s uses outputs of step %q, which does not run before it", where, so[1])
				}
			}
		}
	}
	earlier := make(map[string]bool)
	for _, s := range a.Runs.Steps {
		where := fmt.Sprintf("step %q", s.Name)
		for _, str := range s.strings() {
			check(where, str, earlier)
		}
		if exprRE.MatchString(s.Run) {
			t.Errorf("%s: expression in run:, pass it through env:", where)
		}
		for _, m := range envRefRE.FindAllStringSubmatch(s.Run, -1) {
			if _, ok := s.Env[m[1]]; !ok {
				t.Errorf("%s: script reads $%s, which its env does not set", where, m[1])
			}
		}
		earlier[s.ID] = true
	}
	for name, o := range a.Outputs {
		check("output "+name, o.Value, earlier)
	}
	for name, in := range a.Inputs {
		if !used[name] {
			t.Errorf("input %q is declared but not used", name)
		}
		if in.Description == "" {
			t.Errorf("input %q has no description", name)
		}
	}
	for name, want := range map[string]string{"packages": "./...", "fail-on": "error", "sarif-file": "datagate.sarif"} {
		if in := a.Inputs[name]; in.Default == nil || *in.Default != want {
			t.Errorf("input %q: default %v, want %q", name, in.Default, want)
		}
	}
	if o := a.Outputs["sarif-file"]; o.Value == "" {
		t.Error("no sarif-file output")
	}
}

// datagateArgs returns the words of a script that become datagate's
// arguments: those of the lines that run it ("$DATAGATE" ...) and of the
// bash arrays spliced into them (args=(...), args+=(...)).
func datagateArgs(script string) (words []string, runs int) {
	for _, line := range strings.Split(script, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, `"$DATAGATE"`):
			runs++
		case strings.HasPrefix(line, "args=(") || strings.HasPrefix(line, "args+=("):
		default:
			continue
		}
		if _, rest, ok := strings.Cut(line, "=("); ok && strings.HasPrefix(line, "args") {
			line = rest
		}
		for _, w := range strings.Fields(line) {
			words = append(words, strings.Trim(w, `()"`))
		}
	}
	return words, runs
}

// TestFlags: the action passes the datagate command only its flags, with
// valid literal values, and runs it at most twice.
func TestFlags(t *testing.T) {
	a := load(t)
	seen := make(map[string]bool)
	runs := 0
	for _, s := range a.Runs.Steps {
		words, n := datagateArgs(s.Run)
		runs += n
		for i, w := range words {
			if !flagTokenRE.MatchString(w) {
				continue
			}
			name := strings.TrimPrefix(w, "-")
			seen[name] = true
			if !cliFlags[name] {
				t.Errorf("step %q passes %s, which is not a datagate flag", s.Name, w)
			}
			if i+1 >= len(words) {
				continue
			}
			v := words[i+1]
			switch {
			case name == "format" && !slices.Contains([]string{"text", "sarif", "json"}, v):
				t.Errorf("step %q: -format %s", s.Name, v)
			case name == "fail-on" && !strings.HasPrefix(v, "$") && !slices.Contains([]string{"error", "warning", "note", "none"}, v):
				t.Errorf("step %q: -fail-on %s", s.Name, v)
			}
		}
	}
	if runs < 1 || runs > 2 {
		t.Errorf("datagate runs %d times, want 1 or 2", runs)
	}
	// The extraction found what the action is known to pass.
	for _, f := range []string{"C", "policy", "format", "o", "fail-on", "baseline", "category"} {
		if !seen[f] {
			t.Errorf("no -%s found in the scripts", f)
		}
	}
}

func TestInstall(t *testing.T) {
	s := load(t).step(t, "install")
	if got := s.Env["ACTION_REF"]; got != "${{ github.action_ref }}" {
		t.Errorf("ACTION_REF = %q, want the action's ref", got)
	}
	for _, want := range []string{`version="${ACTION_REF:-latest}"`, `go install "github.com/datagate/datagate/cmd/datagate@${version}"`} {
		if !strings.Contains(s.Run, want) {
			t.Errorf("install script lacks %s", want)
		}
	}
}

// runner runs the action's steps with bash as a GitHub runner would
// (bash --noprofile --norc -eo pipefail), with the expressions of their env
// evaluated from the inputs, and stand-ins for go and datagate on PATH.
type runner struct {
	t       *testing.T
	a       *action
	dir     string
	bin     string // stand-ins
	inputs  map[string]string
	ref     string // github.action_ref
	outputs map[string]map[string]string
}

func newRunner(t *testing.T) *runner {
	t.Helper()
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	dir := t.TempDir()
	r := &runner{t: t, a: load(t), dir: dir, bin: filepath.Join(dir, "bin"), inputs: make(map[string]string), outputs: make(map[string]map[string]string)}
	for name, in := range r.a.Inputs {
		if in.Default != nil {
			r.inputs[name] = *in.Default
		}
	}
	if err := os.MkdirAll(r.bin, 0o755); err != nil {
		t.Fatal(err)
	}
	// go records its arguments; "go env GOPATH" answers dir/gopath, where
	// "go install" puts the datagate stand-in.
	r.script("go", `echo "$*" >> "$STANDIN_DIR/go.log"
case "$*" in
  install*) mkdir -p "$STANDIN_DIR/gopath/bin" && cp "$STANDIN_DIR/bin/datagate-standin" "$STANDIN_DIR/gopath/bin/datagate" ;;
  "env GOBIN") echo "" ;;
  "env GOPATH") echo "$STANDIN_DIR/gopath" ;;
esac`)
	// datagate writes its arguments one a line to call-N, writes -o's file,
	// prints a report with a run of four backquotes and exits
	// $STANDIN_EXIT_N (0 when unset).
	r.script("datagate-standin", `n=$(( $(ls "$STANDIN_DIR" | grep -c '^call-') + 1 ))
printf '%s\n' "$@" > "$STANDIN_DIR/call-$n"
prev=
for a in "$@"; do
  if [ "$prev" = -o ]; then echo '{}' > "$STANDIN_DIR/out-$n"; fi
  prev=$a
done
echo 'app/app.go:12:2: error datagate/disallowed-region: see ''`+"````"+`'' here'
echo 'a note' >&2
code_var="STANDIN_EXIT_$n"
exit "${!code_var:-0}"`)
	return r
}

func (r *runner) script(name, body string) {
	if err := os.WriteFile(filepath.Join(r.bin, name), []byte("#!/usr/bin/env bash\n"+body+"\n"), 0o755); err != nil {
		r.t.Fatal(err)
	}
}

// run runs the step with id and returns its exit code, its outputs and
// what it appended to the job summary.
func (r *runner) run(id string, extraEnv ...string) (code int, summary string) {
	t := r.t
	t.Helper()
	s := r.a.step(t, id)
	ghOut := filepath.Join(r.dir, id+".output")
	ghSummary := filepath.Join(r.dir, id+".summary")
	runnerTemp := filepath.Join(r.dir, "runner-temp")
	for _, f := range []string{ghOut, ghSummary} {
		if err := os.WriteFile(f, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(runnerTemp, 0o755); err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(r.dir, id+".sh")
	if err := os.WriteFile(script, []byte(s.Run), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
	cmd.Dir = r.dir
	cmd.Env = []string{
		"PATH=" + r.bin + string(os.PathListSeparator) + os.Getenv("PATH"),
		"HOME=" + r.dir,
		"GITHUB_OUTPUT=" + ghOut,
		"GITHUB_STEP_SUMMARY=" + ghSummary,
		"RUNNER_TEMP=" + runnerTemp,
		"STANDIN_DIR=" + r.dir,
	}
	for k, v := range s.Env {
		cmd.Env = append(cmd.Env, k+"="+r.eval(v))
	}
	cmd.Env = append(cmd.Env, extraEnv...)
	out, err := cmd.CombinedOutput()
	if exitErr := (*exec.ExitError)(nil); err != nil && !errors.As(err, &exitErr) {
		t.Fatal(err)
	}
	t.Logf("step %s:\n%s", id, out)
	r.outputs[id] = make(map[string]string)
	data, err := os.ReadFile(ghOut)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			r.outputs[id][k] = v
		}
	}
	sum, err := os.ReadFile(ghSummary)
	if err != nil {
		t.Fatal(err)
	}
	return cmd.ProcessState.ExitCode(), string(sum)
}

// eval evaluates the expressions action.yml uses in env.
func (r *runner) eval(s string) string {
	return exprRE.ReplaceAllStringFunc(s, func(e string) string {
		x := strings.TrimSpace(exprRE.FindStringSubmatch(e)[1])
		if m := stepOutRE.FindStringSubmatch(x); len(m) == 3 && m[0] == x {
			return r.outputs[m[1]][m[2]]
		}
		if name, ok := strings.CutPrefix(x, "inputs."); ok {
			return r.inputs[name]
		}
		if x == "github.action_ref" {
			return r.ref
		}
		r.t.Fatalf("cannot evaluate %s", e)
		return ""
	})
}

// calls returns datagate's arguments, one slice per run.
func (r *runner) calls() [][]string {
	files, _ := filepath.Glob(filepath.Join(r.dir, "call-*"))
	sort.Strings(files)
	var out [][]string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			r.t.Fatal(err)
		}
		out = append(out, strings.Split(strings.TrimSuffix(string(data), "\n"), "\n"))
	}
	return out
}

func TestInstallScript(t *testing.T) {
	for _, tc := range []struct{ ref, want string }{
		{"v1.2.3", "install github.com/datagate/datagate/cmd/datagate@v1.2.3"},
		{"", "install github.com/datagate/datagate/cmd/datagate@latest"},
	} {
		r := newRunner(t)
		r.ref = tc.ref
		if code, _ := r.run("install"); code != 0 {
			t.Fatalf("ref %q: exit %d", tc.ref, code)
		}
		log, err := os.ReadFile(filepath.Join(r.dir, "go.log"))
		if err != nil {
			t.Fatal(err)
		}
		if first := strings.SplitN(string(log), "\n", 2)[0]; first != tc.want {
			t.Errorf("ref %q: go %s, want go %s", tc.ref, first, tc.want)
		}
		if got, want := r.outputs["install"]["path"], filepath.Join(r.dir, "gopath", "bin", "datagate"); got != want {
			t.Errorf("path output %q, want %q", got, want)
		}
	}
}

// TestScripts runs the three steps in order and checks datagate's
// arguments, the outputs, the gate's exit code and the job summary.
func TestScripts(t *testing.T) {
	for _, tc := range []struct {
		name      string
		inputs    map[string]string
		gateExit  string
		wantCalls [][]string
		wantSarif string
		wantCode  int
		verdict   string
	}{
		{
			name:     "defaults",
			gateExit: "1",
			wantCalls: [][]string{
				{"-C", ".", "-format", "sarif", "-o", "datagate.sarif", "-fail-on", "none", "./..."},
				{"-C", ".", "-format", "text", "-fail-on", "error", "./..."},
			},
			wantSarif: "datagate.sarif",
			wantCode:  1,
			verdict:   "### datagate: failed: findings at level error or above",
		},
		{
			name: "all inputs",
			inputs: map[string]string{
				"packages": "./a/...  ./b", "policy": "my policy.yaml", "fail-on": "warning",
				"baseline": "base.sarif", "category": "svc", "sarif-file": "out/dg.sarif", "working-directory": "svc/",
			},
			gateExit: "0",
			wantCalls: [][]string{
				{"-C", "svc/", "-policy", "my policy.yaml", "-category", "svc", "-format", "sarif", "-o", "out/dg.sarif", "-fail-on", "none", "./a/...", "./b"},
				{"-C", "svc/", "-format", "text", "-fail-on", "warning", "-policy", "my policy.yaml", "-baseline", "base.sarif", "./a/...", "./b"},
			},
			wantSarif: "svc/out/dg.sarif",
			wantCode:  0,
			verdict:   "### datagate: passed (fail-on: warning)",
		},
		{
			name:      "tool error",
			gateExit:  "2",
			wantSarif: "datagate.sarif",
			wantCode:  2,
			verdict:   "### datagate: error (exit code 2)",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newRunner(t)
			for k, v := range tc.inputs {
				if _, ok := r.a.Inputs[k]; !ok {
					t.Fatalf("no input %q", k)
				}
				r.inputs[k] = v
			}
			if code, _ := r.run("install"); code != 0 {
				t.Fatalf("install: exit %d", code)
			}
			if code, _ := r.run("sarif"); code != 0 {
				t.Fatalf("sarif: exit %d", code)
			}
			code, summary := r.run("gate", "STANDIN_EXIT_2="+tc.gateExit)
			if code != tc.wantCode {
				t.Errorf("gate: exit %d, want %d", code, tc.wantCode)
			}
			if tc.wantCalls != nil && !slices.EqualFunc(r.calls(), tc.wantCalls, slices.Equal) {
				t.Errorf("datagate calls:\n%q\nwant\n%q", r.calls(), tc.wantCalls)
			}
			if got := r.outputs["sarif"]["sarif-file"]; got != tc.wantSarif {
				t.Errorf("sarif-file output %q, want %q", got, tc.wantSarif)
			}
			// The report holds a run of four backquotes: the fence is five.
			want := tc.verdict + "\n\n`````text\n" +
				"app/app.go:12:2: error datagate/disallowed-region: see ```` here\na note\n`````\n"
			if summary != want {
				t.Errorf("summary:\n%s\nwant:\n%s", summary, want)
			}
		})
	}
}
