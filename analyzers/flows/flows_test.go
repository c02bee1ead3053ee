package flows_test

import (
	"path/filepath"
	"testing"

	"github.com/datagate/datagate/analyzers/config"
	"github.com/datagate/datagate/analyzers/flows"
	"github.com/datagate/datagate/analyzers/sources"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestSummaries asserts the summary facts exported for a helper package.
func TestSummaries(t *testing.T) {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.New()
	analysistest.Run(t, dir, flows.New(cfg, sources.New(cfg)), "cross/lib")
}
