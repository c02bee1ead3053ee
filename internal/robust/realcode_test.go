package robust

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/datagate/datagate/internal/testutil"
)

// selfPolicy makes common fields of datagate's own types, and of the
// golang.org/x/tools types it uses, user data, so that the engine has
// flows to follow through real code.
const selfPolicy = `version: 1
allowed_regions: [EEA]
sources:
  - type: "github.com/datagate/datagate/lineage.Label"
  - field: "github.com/datagate/datagate/lineage.Position.File"
  - field: "github.com/datagate/datagate/lineage.Finding.Message"
  - field: "github.com/datagate/datagate/lineage.Endpoint.Value"
  - field: "github.com/datagate/datagate/lineage.Endpoint.Host"
  - field: "github.com/datagate/datagate/lineage/policy.Policy.File"
  - type: "github.com/datagate/datagate/internal/report.Result"
  - field: "golang.org/x/tools/go/packages.Package.Name"
  - field: "golang.org/x/tools/go/packages.Package.PkgPath"
  - field: "golang.org/x/tools/go/analysis.Analyzer.Name"
  - field: "golang.org/x/tools/go/analysis.Diagnostic.Message"
`

// toolsPolicy does the same for golang.org/x/tools: names, paths, URLs and
// the e-mail addresses of blog authors.
const toolsPolicy = `version: 1
allowed_regions: [EEA]
sources:
  - type: "golang.org/x/tools/blog/atom.Person"
    category: contact
  - field: "golang.org/x/tools/present.Link.URL"
  - field: "golang.org/x/tools/present.Image.URL"
  - field: "golang.org/x/tools/blog.Doc.Path"
  - field: "golang.org/x/tools/go/packages.Package.Name"
  - field: "golang.org/x/tools/go/packages.Package.PkgPath"
  - field: "golang.org/x/tools/go/packages.Module.Path"
  - field: "golang.org/x/tools/go/analysis.Analyzer.Name"
  - field: "golang.org/x/tools/go/analysis.Analyzer.URL"
  - field: "golang.org/x/tools/go/analysis.Diagnostic.URL"
  - field: "golang.org/x/tools/go/analysis.Diagnostic.Message"
  - type: "golang.org/x/tools/txtar.File"
  - func: "golang.org/x/tools/go/packages.PrintErrors"
`

// TestScanRealModules scans real code with policies that make common
// fields user data: datagate's own module (./..., which also analyses what
// it imports outside the standard library: go/ssa, go/analysis and
// go/packages of golang.org/x/tools, go.yaml.in/yaml/v3, the SARIF and
// JSON schema libraries), then other parts of golang.org/x/tools, copied
// from the module cache and scanned offline (their dependencies go/packages
// and go/types/... included). Nothing may panic or hang, and the exit code
// must be 0 or 1 (2 would be a package that failed to load or analyse).
// README.md ("Fuzzing and robustness") has the commands for the full runs
// (the standard library, all of x/tools).
func TestScanRealModules(t *testing.T) {
	if testing.Short() {
		t.Skip("scans real modules for minutes; left out under -short")
	}
	pol := t.TempDir()
	testutil.WriteFile(t, pol, "self.yaml", selfPolicy)
	testutil.WriteFile(t, pol, "tools.yaml", toolsPolicy)

	t.Run("datagate", func(t *testing.T) {
		o := run(t, testutil.RepoRoot(t), offlineEnv, 8*time.Minute, "-policy", filepath.Join(pol, "self.yaml"), "./...")
		checkRealScan(t, o)
	})

	t.Run("x/tools", func(t *testing.T) {
		dir := toolsCopy(t)
		o := run(t, dir, offlineEnv, 4*time.Minute, append([]string{"-policy", filepath.Join(pol, "tools.yaml")}, toolsPatterns...)...)
		checkRealScan(t, o)
	})
}

// toolsPatterns are the golang.org/x/tools packages TestScanRealModules
// scans besides those datagate imports; none needs a module outside the
// module cache of datagate (x/tools's present and blog need goldmark).
var toolsPatterns = []string{
	"./txtar/...", "./go/ast/...", "./go/cfg/...", "./go/types/...", "./cover/...",
	"./cmd/stringer/...", "./cmd/bundle/...", "./refactor/...",
}

func checkRealScan(t *testing.T, o *outcome) {
	t.Helper()
	checkNoCrash(t, o)
	if o.code != 0 && o.code != 1 {
		t.Errorf("%s: exit code %d, want 0 or 1\nstdout:\n%s\nstderr:\n%s", o, o.code, testutil.Head(o.stdout, 30), testutil.Head(o.stderr, 30))
	}
	fs, errs := parseText(o.stdout)
	t.Logf("%d findings, %d tool errors", len(fs), len(errs))
	for p, msg := range errs {
		t.Errorf("%s: package %s could not be analysed: %s", o, p, msg)
	}
}

// toolsCopy copies golang.org/x/tools, at the version datagate requires,
// from the module cache to a temporary directory, and drops the
// requirements whose go.mod is not in the module cache (with GOPROXY=off,
// go list would fail on them; go/ssa and go/analysis do not need them).
func toolsCopy(t *testing.T) string {
	t.Helper()
	goOut := func(dir string, args ...string) []byte {
		t.Helper()
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go %s: %v", strings.Join(args, " "), err)
		}
		return out
	}
	src := strings.TrimSpace(string(goOut(testutil.RepoRoot(t), "list", "-m", "-f", "{{.Dir}}", "golang.org/x/tools")))
	if src == "" {
		t.Fatal("golang.org/x/tools is not in the module cache (go mod download)")
	}
	dir := testutil.CopyTree(t, src, t.TempDir())
	cache := strings.TrimSpace(string(goOut(dir, "env", "GOMODCACHE")))
	var mod struct {
		Require []struct{ Path, Version string }
	}
	if err := json.Unmarshal(goOut(dir, "mod", "edit", "-json"), &mod); err != nil {
		t.Fatal(err)
	}
	for _, req := range mod.Require {
		gomod := filepath.Join(cache, "cache", "download", escapeModule(req.Path), "@v", req.Version+".mod")
		if _, err := os.Stat(gomod); err == nil {
			continue
		}
		goOut(dir, "mod", "edit", "-droprequire="+req.Path)
		t.Logf("x/tools: dropped the requirement %s %s (not in the module cache)", req.Path, req.Version)
	}
	return dir
}

// escapeModule escapes a module path for the module cache: an upper-case
// letter becomes '!' and its lower case.
func escapeModule(path string) string {
	var b strings.Builder
	for _, r := range path {
		if 'A' <= r && r <= 'Z' {
			b.WriteByte('!')
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}
