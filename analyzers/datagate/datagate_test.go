package datagate_test

import (
	"path/filepath"
	"testing"

	"github.com/datagate/datagate/analyzers/config"
	"github.com/datagate/datagate/analyzers/datagate"
	"golang.org/x/tools/go/analysis/analysistest"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestBasic(t *testing.T) {
	cfg := config.New()
	analysistest.Run(t, testdata(t), datagate.New(cfg), "basic")
}

func TestShapes(t *testing.T) {
	for _, pkg := range []string{"heap", "calls", "writers", "exits", "endpoints", "suppress"} {
		t.Run(pkg, func(t *testing.T) {
			analysistest.Run(t, testdata(t), datagate.New(config.New()), pkg)
		})
	}
}

// TestCrossPackage checks flows that cross packages through summary facts,
// reported at the call in the calling package under go vet semantics.
func TestCrossPackage(t *testing.T) {
	analysistest.Run(t, testdata(t), datagate.New(config.New()), "cross/app")
}

// TestPolicy runs with the policy found by discovery next to the packages.
func TestPolicy(t *testing.T) {
	analysistest.Run(t, testdata(t), datagate.New(config.New()), "policy/app")
}

// TestGRPC follows data through a generated gRPC client (in another
// package, generated code) to ClientConn.Invoke, with the target given to
// grpc.NewClient by the caller.
func TestGRPC(t *testing.T) {
	analysistest.Run(t, testdata(t), datagate.New(config.New()), "rpc/app")
}
