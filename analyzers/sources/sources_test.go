package sources_test

import (
	"path/filepath"
	"testing"

	"github.com/datagate/datagate/analyzers/config"
	"github.com/datagate/datagate/analyzers/sources"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestFacts asserts the FieldFact and TypeFact of each declaration and the
// diagnostic for a malformed category.
func TestFacts(t *testing.T) {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, sources.New(config.New()), "tags")
}
