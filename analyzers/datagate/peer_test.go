package datagate_test

import (
	"testing"

	"github.com/datagate/datagate/analyzers/config"
	"github.com/datagate/datagate/analyzers/datagate"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestPeerShapes: the shapes other tools' public taint suites check
// (README.md#accuracy-on-other-tools-suites), written here in this
// project's own words:
//
//	stdsteps        standard-library steps beyond "the result holds the arguments"
//	peer/sanitizers sanitised values used whole later, sanitizers that clean in place
//	peer/containers values put into containers of interface values
//	peer/selects    sends and receives in select statements
//	peer/assertions interface values whose type an assertion or type switch tells
//	peer/generics   methods of generic types, method values, value-receiver setters
func TestPeerShapes(t *testing.T) {
	analysistest.Run(t, testdata(t), datagate.New(config.New()),
		"stdsteps", "peer/sanitizers", "peer/containers", "peer/selects", "peer/assertions", "peer/generics")
}
