package realsdk

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/datagate/datagate/internal/testutil"
)

// binPath is the datagate binary built by TestMain.
var binPath string

func TestMain(m *testing.M) {
	testutil.MainWithDatagate(m, "datagate-realsdk-", &binPath)
}

// finding is the part of datagate's JSON output the test reads.
type finding struct {
	Rule string `json:"rule"`
	Flow struct {
		Exit struct {
			Pos struct {
				Line int `json:"line"`
			} `json:"pos"`
			Kind   string `json:"kind"`
			Callee string `json:"callee"`
			Func   string `json:"func"`
		} `json:"exit"`
		Labels []struct {
			Field string `json:"field"`
		} `json:"labels"`
		Endpoints []struct {
			Host       string `json:"host"`
			Region     string `json:"region"`
			Unresolved string `json:"unresolved"`
		} `json:"endpoints"`
		Path []struct {
			Pos struct {
				Line int `json:"line"`
			} `json:"pos"`
			Desc string `json:"desc"`
		} `json:"path"`
	} `json:"flow"`
}

// TestRealSDKs scans testdata/realsdk with the default policy (EEA):
//
//   - an S3 upload to us-east-1 is disallowed-region (US), to eu-central-1
//     no finding (DE; the lineage inventory lists it as allowed);
//   - a Sentry event holding the user's e-mail, to the US DSN given to
//     sentry.Init, is disallowed-region;
//   - a DogStatsD metric tagged with the e-mail goes to the Datadog site
//     the Agent forwards to, DD_SITE: unresolved-endpoint, naming it.
//
// Each flow ends at the SDK call with a step naming the operation.
func TestRealSDKs(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the AWS, Sentry and Datadog modules; left out under -short")
	}
	dir := testutil.CopyTestdata(t, "realsdk")
	download(t, dir)

	cmd := exec.Command(binPath, "-format", "json", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	t.Logf("datagate -format json ./...: %v in %v", err, time.Since(start).Round(time.Millisecond))
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("exit: %v, want code 1 (errors found)\nstderr:\n%s", err, stderr.String())
	}
	var out struct {
		Findings []finding `json:"findings"`
		Errors   []any     `json:"errors"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, stdout.String())
	}
	if len(out.Errors) > 0 {
		t.Fatalf("tool errors: %v", out.Errors)
	}
	byFunc := make(map[string]finding)
	for _, f := range out.Findings {
		name := strings.TrimPrefix(f.Flow.Exit.Func, "example.com/realsdk.")
		if _, dup := byFunc[name]; dup {
			t.Errorf("two findings in %s", name)
		}
		byFunc[name] = f
		if len(f.Flow.Labels) != 1 || f.Flow.Labels[0].Field != "example.com/realsdk.User.Email" {
			t.Errorf("%s: fields %v, want User.Email", name, f.Flow.Labels)
		}
	}
	for _, c := range []struct {
		fn, rule, kind, callee, host, region, unresolved, step string
	}{
		{"exportUS", "datagate/disallowed-region", "aws", "(*github.com/aws/aws-sdk-go-v2/service/s3.Client).PutObject",
			"s3.us-east-1.amazonaws.com", "US", "", "sent by S3 PutObject"},
		{"report", "datagate/disallowed-region", "sentry", "github.com/getsentry/sentry-go.CaptureEvent",
			"o1.ingest.us.sentry.io", "US", "", "sent by Sentry CaptureEvent"},
		{"count", "datagate/unresolved-endpoint", "datadog", "(*github.com/DataDog/datadog-go/v5/statsd.Client).Incr",
			"", "", "environment variable DD_SITE", "sent by DogStatsD Incr"},
	} {
		f, ok := byFunc[c.fn]
		if !ok {
			t.Errorf("%s: no finding, want %s", c.fn, c.rule)
			continue
		}
		x := f.Flow.Exit
		if f.Rule != c.rule || x.Kind != c.kind || x.Callee != c.callee {
			t.Errorf("%s: %s at %s (%s), want %s at %s (%s)", c.fn, f.Rule, x.Callee, x.Kind, c.rule, c.callee, c.kind)
		}
		if eps := f.Flow.Endpoints; len(eps) != 1 || eps[0].Host != c.host || eps[0].Region != c.region || eps[0].Unresolved != c.unresolved {
			t.Errorf("%s: endpoints %+v, want host %q region %q unresolved %q", c.fn, eps, c.host, c.region, c.unresolved)
		}
		if p := f.Flow.Path; len(p) == 0 || p[len(p)-1].Desc != c.step || p[len(p)-1].Pos.Line != x.Pos.Line {
			t.Errorf("%s: path %+v, want it to end at the call (line %d) with %q", c.fn, p, x.Pos.Line, c.step)
		}
	}
	if f, ok := byFunc["exportEU"]; ok {
		t.Errorf("exportEU: %s, want no finding (eu-central-1 is DE)", f.Rule)
	}
	if len(out.Findings) != 3 {
		t.Errorf("%d findings, want 3", len(out.Findings))
	}

	// The EU upload is lineage: an allowed flow to s3.eu-central-1 (DE).
	cmd = exec.Command(binPath, "lineage", "-format", "json", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")
	inv, err := cmd.Output()
	if err != nil {
		t.Fatalf("datagate lineage: %v", err)
	}
	var lineage struct {
		Rows []struct {
			Func    string `json:"func"`
			Host    string `json:"host"`
			Region  string `json:"region"`
			Allowed bool   `json:"allowed"`
		} `json:"rows"`
	}
	if err := json.Unmarshal(inv, &lineage); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range lineage.Rows {
		if r.Func == "example.com/realsdk.exportEU" {
			found = true
			if r.Host != "s3.eu-central-1.amazonaws.com" || r.Region != "DE" || !r.Allowed {
				t.Errorf("exportEU: %+v, want an allowed flow to s3.eu-central-1.amazonaws.com in DE", r)
			}
		}
	}
	if !found {
		t.Errorf("exportEU: not in the lineage inventory, want an allowed flow to DE")
	}
}

// TestRealSDKsDeployedSite: the same module with a policy whose deploy
// file sets DD_SITE=datadoghq.eu (README.md#policy, deploy): the DogStatsD
// metric goes to api.datadoghq.eu, DE, so it is no finding; the S3 upload
// to us-east-1 still is.
func TestRealSDKsDeployedSite(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the AWS, Sentry and Datadog modules; left out under -short")
	}
	dir := testutil.CopyTestdata(t, "realsdk")
	download(t, dir)
	if err := os.WriteFile(filepath.Join(dir, ".env.production"), []byte("DD_SITE=datadoghq.eu\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	pol := "version: 1\nallowed_regions: [EEA]\ndeploy: [\".env.production\"]\n"
	if err := os.WriteFile(filepath.Join(dir, "datagate.yaml"), []byte(pol), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binPath, "-format", "json", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("exit: %v, want code 1 (errors found)\nstderr:\n%s", err, stderr.String())
	}
	var out struct {
		Findings []finding `json:"findings"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, stdout.String())
	}
	got := map[string]string{}
	for _, f := range out.Findings {
		got[strings.TrimPrefix(f.Flow.Exit.Func, "example.com/realsdk.")] = f.Rule
	}
	if r, ok := got["count"]; ok {
		t.Errorf("count: %s, want no finding (DD_SITE=datadoghq.eu from the deploy file: api.datadoghq.eu, DE)", r)
	}
	if got["exportUS"] != "datagate/disallowed-region" {
		t.Errorf("exportUS: %q, want datagate/disallowed-region", got["exportUS"])
	}
}

// download fetches the module's dependencies into the module cache: from
// the cache itself when they are there (offline), else from the module
// proxy. Without either the test cannot run; that fails it in CI and
// skips it elsewhere.
func download(t *testing.T, dir string) {
	t.Helper()
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	start := time.Now()
	out, err := cmd.CombinedOutput()
	t.Logf("go mod download: %v in %v", err, time.Since(start).Round(time.Millisecond))
	if err == nil {
		return
	}
	if os.Getenv("CI") == "" {
		t.Skipf("the SDK modules are neither in the module cache nor reachable: %v\n%s", err, out)
	}
	t.Fatalf("go mod download: %v\n%s", err, out)
}
