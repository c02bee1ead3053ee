package policy

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// Locate finds the policy file that applies to the package in dir, in the
// order README.md#policy gives:
//
//  1. flagPath, the -policy flag, if not empty;
//  2. else the file named by the DATAGATE_POLICY environment variable, read
//     with getenv (os.Getenv if nil), if set and not empty;
//  3. else the nearest datagate.yaml in dir or a parent of it, up to and
//     including the module root, the first directory that holds a go.mod (a
//     datagate.yaml above the module root belongs to another project and is
//     not used); outside any module the search goes on up to the file
//     system root;
//  4. else "", which stands for the built-in default.
//
// Relative paths in 1 and 2 are taken relative to the working directory; the
// result is absolute. Locate does not check that the file named by the flag
// or the variable exists: Load reports that. Any error is an *Error.
func Locate(flagPath, dir string, getenv func(string) string) (string, error) {
	if flagPath != "" {
		return abs(flagPath)
	}
	if getenv == nil {
		getenv = os.Getenv
	}
	if env := getenv(EnvVar); env != "" {
		return abs(env)
	}
	dir, err := abs(dir)
	if err != nil {
		return "", err
	}
	for {
		candidate := filepath.Join(dir, FileName)
		found, err := exists(candidate)
		if err != nil {
			return "", err
		}
		if found {
			return candidate, nil
		}
		if root, err := exists(filepath.Join(dir, "go.mod")); err != nil || root {
			return "", err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// ForDir returns the policy that applies to the package in dir: the file
// Locate finds, loaded, or the built-in default if there is none. Any error
// is an *Error.
func ForDir(flagPath, dir string, getenv func(string) string) (*Policy, error) {
	path, err := Locate(flagPath, dir, getenv)
	if err != nil {
		return nil, err
	}
	if path == "" {
		return Default(), nil
	}
	return Load(path)
}

// exists reports whether a file (not a directory) exists at path. An error
// other than the file's absence is returned as an *Error.
func exists(path string) (bool, error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, &Error{File: path, Msg: errText(err), Err: err}
	}
	return !fi.IsDir(), nil
}

func abs(path string) (string, error) {
	p, err := filepath.Abs(path)
	if err != nil {
		return "", &Error{File: path, Msg: err.Error(), Err: err}
	}
	return p, nil
}
