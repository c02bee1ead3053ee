package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datagate/datagate/internal/bench"
)

func TestUnknownStep(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-steps", "load,compile"}, &stdout, &stderr); code != 2 {
		t.Errorf("exit code %d, want 2", code)
	}
	if !strings.Contains(stderr.String(), `unknown step "compile"`) {
		t.Errorf("stderr = %q, want it to name the unknown step", stderr.String())
	}
}

// TestReportFromJSON checks that -report prints the tables of a report
// written with -json.
func TestReportFromJSON(t *testing.T) {
	rep := &bench.Report{
		Dir: "/m", Patterns: []string{"./..."}, Runs: 1,
		Steps: []bench.StepResult{
			{Name: bench.StepDatagate, BestMS: 2000, MedianMS: 2000, CPUMS: 3000, PeakMB: 800, Runs: []bench.Run{{WallMS: 2000}}},
			{Name: bench.StepGosec, Skipped: "gosec: not installed (" + bench.GosecInstall + ")"},
		},
		Ratios: []bench.Ratio{{Name: "datagate peak RSS", Best: 800, Unit: "MB", Target: "< 1024 MB", Pass: true}},
	}
	var js bytes.Buffer
	if err := rep.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "report.json")
	if err := os.WriteFile(path, js.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-report", path}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit code %d: %s", code, stderr.String())
	}
	for _, want := range []string{"gosec: not installed (go install github.com/securego/gosec/v2/cmd/gosec@", "datagate peak RSS", "PASS"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, stdout.String())
		}
	}
}
