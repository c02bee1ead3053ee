package flows_test

import (
	"path/filepath"
	"testing"

	"github.com/datagate/datagate/analyzers/config"
	"github.com/datagate/datagate/analyzers/flows"
	"github.com/datagate/datagate/analyzers/sources"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestLimits: the summaries of testdata/src/limits, one function just
// inside and one just past each of these limits of lineage/README.md: the
// passes over one function (13), the rounds of a recursive component (7),
// the parts of an access path (5). A function past the passes or rounds
// limit says so in its summary ("limit: ..."), with the number the limit
// allows.
func TestLimits(t *testing.T) {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.New()
	analysistest.Run(t, dir, flows.New(cfg, sources.New(cfg)), "limits")
}

// TestBudget: one function, in a dependency (testdata/src/budget) over
// the work budget and walked field-insensitively, in the code under scan
// (testdata/src/example.com/budget) walked precisely (lineage/README.md,
// "Limits, and what happens when one is hit").
func TestBudget(t *testing.T) {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.New()
	analysistest.Run(t, dir, flows.New(cfg, sources.New(cfg)), "budget", "example.com/budget")
}
