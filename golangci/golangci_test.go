package golangci_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datagate/datagate/golangci"
	"github.com/datagate/datagate/lineage/policy"
	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// build does what golangci-lint does with a module plugin: look it up by
// name, build it from the settings of .golangci.yml, ask for its analyzers.
func build(t *testing.T, settings any) []*analysis.Analyzer {
	t.Helper()
	newPlugin, err := register.GetPlugin("datagate")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(settings)
	if err != nil {
		t.Fatalf("New(%v): %v", settings, err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatalf("BuildAnalyzers: %v", err)
	}
	return as
}

// TestSettings decodes settings as golangci-lint hands them over: a map
// from the YAML file, or nil when the settings key is absent.
func TestSettings(t *testing.T) {
	for _, tc := range []struct {
		name     string
		settings any
		wantErr  string // "" for success
	}{
		{"absent", nil, ""},
		{"empty", map[string]any{}, ""},
		{"both", map[string]any{"policy": "testdata/policy.yaml", "tests": true}, ""},
		{"unknown key", map[string]any{"policy": "testdata/policy.yaml", "polcy": "x"}, `unknown field "polcy"`},
		{"policy not a string", map[string]any{"policy": 3}, "cannot unmarshal number"},
		{"tests not a bool", map[string]any{"tests": "yes"}, "cannot unmarshal string"},
		{"not a map", []any{"policy"}, "cannot unmarshal array"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := golangci.New(tc.settings)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("New: %v", err)
			case tc.wantErr != "" && err == nil:
				t.Fatalf("New succeeded, want error containing %q", tc.wantErr)
			case tc.wantErr != "" && !strings.Contains(err.Error(), tc.wantErr):
				t.Fatalf("New: %v, want error containing %q", err, tc.wantErr)
			case tc.wantErr == "" && p == nil:
				t.Fatal("New returned a nil plugin")
			}
		})
	}
}

// TestAnalyzers checks the suite handed to golangci-lint: the datagate
// analyzer, requiring the engine's analyzers, which golangci-lint runs by
// itself; the settings arrive as the analyzer's flags.
func TestAnalyzers(t *testing.T) {
	as := build(t, map[string]any{"policy": "testdata/policy.yaml", "tests": true})
	if len(as) != 2 || as[0].Name != "datagate" || !strings.HasPrefix(as[1].Name, "datagatepolicy_") {
		t.Fatalf("BuildAnalyzers = %v, want [datagate datagatepolicy_<digest>]", as)
	}
	if err := analysis.Validate(as); err != nil {
		t.Fatal(err)
	}
	// The names carry the policy's digest (see TestCacheKey).
	var chain []string
	for a := as[0]; ; a = a.Requires[0] {
		name, _, _ := strings.Cut(a.Name, "_")
		chain = append(chain, name)
		if len(a.Requires) != 1 {
			break
		}
	}
	if got, want := strings.Join(chain, " -> "), "datagate -> datagateflows -> datagatesources"; got != want {
		t.Errorf("Requires chain = %s, want %s", got, want)
	}
	abs, err := filepath.Abs("testdata/policy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if got := as[0].Flags.Lookup("policy").Value.String(); got != abs {
		t.Errorf("-policy = %q, want %q", got, abs)
	}
	if got := as[0].Flags.Lookup("tests").Value.String(); got != "true" {
		t.Errorf("-tests = %q, want true", got)
	}

	// Each build is a new suite with its own config.
	t.Chdir(t.TempDir()) // no datagate.yaml: plain names
	t.Setenv(policy.EnvVar, "")
	other := build(t, nil)
	if len(other) != 1 || other[0].Name != "datagate" {
		t.Errorf("without a policy: %v, want [datagate]", other)
	}
	if other[0] == as[0] {
		t.Error("two builds share an analyzer")
	}
	if got := other[0].Flags.Lookup("policy").Value.String(); got != "" {
		t.Errorf("-policy without settings = %q, want empty", got)
	}
}

// TestCacheKey: the names of the analyzers, golangci-lint's cache key,
// change with the contents of the policy that applies, whether named in the
// settings, by $DATAGATE_POLICY or found in the working directory; the
// datagate analyzer's own name, which golangci-lint would put in front of
// every message, does not.
func TestCacheKey(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv(policy.EnvVar, "")
	// names lists the analyzers handed over, then those the first requires.
	names := func(settings any) string {
		as := build(t, settings)
		var out []string
		for _, a := range as {
			out = append(out, a.Name)
		}
		for a := as[0]; len(a.Requires) > 0; {
			a = a.Requires[0]
			out = append(out, a.Name)
		}
		return strings.Join(out, " ")
	}
	write := func(name, regions string) {
		data := "version: 1\nallowed_regions: [" + regions + "]\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got := names(nil); got != "datagate datagateflows datagatesources" {
		t.Fatalf("no policy: %s", got)
	}

	write("datagate.yaml", "EEA")
	found := names(nil)
	_, suffix, _ := strings.Cut(strings.Fields(found)[1], "_")
	if want := "datagate datagatepolicy_" + suffix + " datagateflows_" + suffix + " datagatesources_" + suffix; len(suffix) != 12 || found != want {
		t.Fatalf("discovered policy: %s, want one digest on all but datagate", found)
	}
	if again := names(nil); again != found {
		t.Errorf("same policy, new names: %s then %s", found, again)
	}
	write("datagate.yaml", "EEA, US")
	if edited := names(nil); edited == found {
		t.Errorf("edited policy, same names %s", edited)
	}

	write("other.yaml", "EEA")
	named := names(map[string]any{"policy": "other.yaml"})
	t.Setenv(policy.EnvVar, "other.yaml")
	if env := names(nil); env != named {
		t.Errorf("policy by $%s: %s, by the settings: %s", policy.EnvVar, env, named)
	}
	write("other.yaml", "EU")
	if edited := names(map[string]any{"policy": "other.yaml"}); edited == named {
		t.Errorf("edited policy, same names %s", edited)
	}
}

// TestPolicy runs the plugin's analyzers on a package that holds user data
// only under the policy given in the settings.
func TestPolicy(t *testing.T) {
	t.Setenv(policy.EnvVar, "")
	as := build(t, map[string]any{"policy": "testdata/policy.yaml"})
	analysistest.Run(t, testdata(t), as[0], "app")

	// Without it, the default policy applies and there is nothing to report.
	if n := countDiagnostics(t, build(t, nil)[0], "app"); n != 0 {
		t.Errorf("default policy: %d diagnostics, want 0", n)
	}
}

// TestPolicyErrors: a policy named in the settings that cannot be used
// stops the build of the analyzers.
func TestPolicyErrors(t *testing.T) {
	for _, file := range []string{"testdata/missing.yaml", "testdata/bad-policy.yaml"} {
		p, err := golangci.New(map[string]any{"policy": file})
		if err != nil {
			t.Fatal(err)
		}
		_, err = p.BuildAnalyzers()
		var perr *policy.Error
		if !errors.As(err, &perr) {
			t.Errorf("%s: BuildAnalyzers error = %v, want a *policy.Error", file, err)
		}
	}
}

// TestTests: a flow in a _test.go file is found with tests: true only.
func TestTests(t *testing.T) {
	t.Setenv(policy.EnvVar, "")
	analysistest.Run(t, testdata(t), build(t, map[string]any{"tests": true})[0], "apptests")
	if n := countDiagnostics(t, build(t, map[string]any{"tests": false})[0], "apptests"); n != 0 {
		t.Errorf("tests: false: %d diagnostics, want 0", n)
	}
}

func testdata(t *testing.T) string {
	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// countDiagnostics runs a on pkg and returns the number of diagnostics. The
// package's // want comments are expected to go unmatched; any other
// complaint of analysistest fails the test.
func countDiagnostics(t *testing.T, a *analysis.Analyzer, pkg string) int {
	t.Helper()
	var rec recorder
	n := 0
	for _, r := range analysistest.Run(&rec, testdata(t), a, pkg) {
		n += len(r.Diagnostics)
	}
	for _, msg := range rec {
		if !strings.Contains(msg, "no diagnostic was reported matching") {
			t.Error(msg)
		}
	}
	return n
}

type recorder []string

func (r *recorder) Errorf(format string, args ...any) {
	*r = append(*r, fmt.Sprintf(format, args...))
}
