package testutil

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// MainWithDatagate is a TestMain for the tests that run the datagate
// binary: it builds ./cmd/datagate into a new temporary directory (named
// with tempPrefix), sets *bin to the binary's path, runs the tests, removes
// the directory and exits with the tests' exit code. If the build fails, it
// prints why and exits with code 2 without running the tests.
func MainWithDatagate(m *testing.M, tempPrefix string, bin *string) {
	os.Exit(runWithDatagate(m, tempPrefix, bin))
}

func runWithDatagate(m *testing.M, tempPrefix string, bin *string) int {
	root, err := repoRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	dir, err := os.MkdirTemp("", tempPrefix)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer os.RemoveAll(dir)
	*bin = filepath.Join(dir, "datagate")
	build := exec.Command("go", "build", "-o", *bin, "./cmd/datagate")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building datagate: %v\n%s", err, out)
		return 2
	}
	// The scans share a cache of their own, removed with the binary: the
	// tests exercise it (a scan repeated is restored from it) without
	// touching the user's.
	if os.Getenv("DATAGATE_CACHE") == "" {
		os.Setenv("DATAGATE_CACHE", filepath.Join(dir, "cache"))
	}
	return m.Run()
}
