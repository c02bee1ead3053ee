// Package config carries datagate's settings (policy file, test files, the
// clock) to the analyzers of one suite. A Config is created by whoever builds
// the suite — the command, the go vet entry point, the golangci-lint plugin,
// a test — and shared by its analyzers; nothing lives in package variables,
// so two suites with different settings can run in one process.
package config

import (
	"flag"
	"go/ast"
	"go/build"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/datagate/datagate/lineage/policy"
	"golang.org/x/tools/go/analysis"
)

// Config holds the settings of one analyzer suite.
type Config struct {
	// PolicyFile is the -policy flag: a policy file that applies to every
	// package. Empty means: DATAGATE_POLICY, else the nearest datagate.yaml,
	// else the built-in default (README.md#policy).
	PolicyFile string
	// Tests makes _test.go files count (README.md#rules: skipped otherwise).
	Tests bool
	// Now is the clock for suppression expiry; nil means time.Now.
	Now func() time.Time
	// Getenv reads the environment; nil means os.Getenv.
	Getenv func(string) string
	// WorkPerInstr is lineage.Config.WorkPerInstr: the engine's work
	// budget per instruction, 0 for the default, negative to walk every
	// function field-insensitively. Not a flag: for tests only.
	WorkPerInstr int
	// DropTypesInfo lets the flows analyzer empty the package's
	// types.Info once it has built the package's SSA form, which no longer
	// needs it: the type information of a large package (the expression
	// types of transpiled C) is the largest part of what a scan holds.
	// Only for a driver that runs no analyzer after flows that reads it
	// (the standalone command's); not under go vet or golangci-lint, whose
	// other analyzers share it.
	DropTypesInfo bool
	// Names, when not nil, are the names the code of the whole scan
	// writes after a dot: a driver that reads every package before it
	// analyses any (the standalone command) sets them, and the engine
	// leaves out a dependency's functions no code can call (see Named).
	// Nil under go vet and golangci-lint, which analyse one package at
	// a time: every function is analysed.
	Names *Names

	mu    sync.Mutex
	fixed *policy.Policy
	byDir map[string]loaded
}

// Names are what the code of a scan names after a dot (P.F, x.M, x.f),
// and the packages some file imports with a dot (whose functions it then
// calls by their bare names).
type Names struct {
	Selectors   map[string]bool
	DotImported map[string]bool
}

// Named returns lineage.Config.Named for the package at path: nil (every
// function may be called) when there are no Names or a file imports the
// package with a dot.
func (c *Config) Named(path string) func(name string) bool {
	n := c.Names
	if n == nil || n.DotImported[path] {
		return nil
	}
	return func(name string) bool { return n.Selectors[name] }
}

type loaded struct {
	p   *policy.Policy
	err error
}

// New returns a Config with default settings.
func New() *Config { return &Config{} }

// SetPolicy fixes the policy for every package, bypassing discovery. The
// command uses it after loading the policy once, so that a malformed policy
// is reported before any package is analysed.
func (c *Config) SetPolicy(p *policy.Policy) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.fixed = p
}

// RegisterFlags adds the analyzer flags (-policy, -tests) to fs. Under go vet
// they are spelled -datagate.policy and -datagate.tests.
func (c *Config) RegisterFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.PolicyFile, "policy", c.PolicyFile, "policy file (default: $DATAGATE_POLICY, else the nearest datagate.yaml, else the built-in default)")
	fs.BoolVar(&c.Tests, "tests", c.Tests, "also check _test.go files")
}

// Time returns the current time by the configured clock.
func (c *Config) Time() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// Trace is where the engine writes each summary it makes: standard error
// when DATAGATE_DEBUG is set, else nil (a debugging aid).
func (c *Config) Trace() io.Writer {
	if c.getenv("DATAGATE_DEBUG") != "" {
		return os.Stderr
	}
	return nil
}

func (c *Config) getenv(k string) string {
	if c.Getenv != nil {
		return c.Getenv(k)
	}
	return os.Getenv(k)
}

// Policy returns the policy that applies to the package of pass: the fixed
// one if set, else the one discovered from the package's directory.
// Discovery results are cached per directory.
func (c *Config) Policy(pass *analysis.Pass) (*policy.Policy, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.fixed != nil {
		return c.fixed, nil
	}
	return c.forDir(PackageDir(pass.Fset, pass.Files))
}

// PolicyForDir returns the policy that applies to the package in dir: the
// fixed one if set, else the one discovered from dir ("" for none: the
// built-in default).
func (c *Config) PolicyForDir(dir string) (*policy.Policy, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.fixed != nil {
		return c.fixed, nil
	}
	return c.forDir(dir)
}

// forDir is PolicyForDir without the fixed policy; c.mu is held.
func (c *Config) forDir(dir string) (*policy.Policy, error) {
	if l, ok := c.byDir[dir]; ok {
		return l.p, l.err
	}
	var l loaded
	if dir == "" {
		l.p = policy.Default()
	} else {
		l.p, l.err = policy.ForDir(c.PolicyFile, dir, c.getenv)
	}
	if c.byDir == nil {
		c.byDir = make(map[string]loaded)
	}
	c.byDir[dir] = l
	return l.p, l.err
}

// InGoroot reports whether dir, a package's source directory, lies in the
// Go distribution's source tree: the package is part of the standard
// library (or a package it vendors), which the engine models rather than
// analyses.
func InGoroot(dir string) bool {
	root := filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)
	return dir != "" && strings.HasPrefix(dir+string(filepath.Separator), root)
}

// PackageDir returns the directory of the package's source files, or "".
// Files that cgo generates live in the build cache, so they are passed
// over while another file is there.
func PackageDir(fset *token.FileSet, files []*ast.File) string {
	dir := ""
	for _, f := range files {
		// The position of the package clause honours //line directives,
		// which cgo's generated files use to name the original file.
		name := fset.Position(f.Package).Filename
		if name == "" {
			name = fset.File(f.Pos()).Name()
		}
		if name == "" {
			continue
		}
		d := filepath.Dir(name)
		if !strings.Contains(filepath.ToSlash(d), "/go-build/") {
			return d
		}
		if dir == "" {
			dir = d
		}
	}
	return dir
}
