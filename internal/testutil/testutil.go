// Package testutil holds the helpers that the tests of several packages
// share: finding the repository, building the datagate binary once per test
// binary, validating SARIF against the schema in testdata/sarif, comparing
// outputs and writing file trees. Only tests import it.
package testutil

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// repoRoot returns the directory of the repository's go.mod: the nearest
// parent of the working directory (a test's package directory) that has
// one.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the test's directory")
		}
		dir = parent
	}
}

// RepoRoot returns the repository's root directory, absolute: the
// directory of the go.mod nearest above the test's package directory.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// Testdata returns an absolute path below the repository's testdata
// directory.
func Testdata(t testing.TB, elem ...string) string {
	t.Helper()
	return filepath.Join(append([]string{RepoRoot(t), "testdata"}, elem...)...)
}
