package datagate_test

import (
	"testing"

	"github.com/datagate/datagate/analyzers/config"
	"github.com/datagate/datagate/analyzers/datagate"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestLimits: user data passed to the functions of testdata/src/limits,
// each just inside or just past an engine limit, is reported all the same;
// past the access path limit a sibling field's data is reported too
// (deliberately: the cut path stands for the whole value).
func TestLimits(t *testing.T) {
	analysistest.Run(t, testdata(t), datagate.New(config.New()), "limits/use")
}
