package flows_test

import (
	"path/filepath"
	"testing"

	"github.com/datagate/datagate/analyzers/config"
	"github.com/datagate/datagate/analyzers/flows"
	"github.com/datagate/datagate/analyzers/sources"
	"golang.org/x/tools/go/analysis/analysistest"
)

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
