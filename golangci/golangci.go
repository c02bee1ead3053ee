// Package golangci is datagate's golangci-lint v2 module plugin. Importing it
// registers the linter "datagate"; `golangci-lint custom` builds it into a
// golangci-lint binary (docs/golangci-lint.md).
//
// Its settings, under linters.settings.custom.datagate.settings, are the
// analyzer's flags:
//
//	policy: FILE   like -policy: one policy file for every package, relative
//	               to the directory golangci-lint runs in; empty means
//	               $DATAGATE_POLICY, else the nearest datagate.yaml, else
//	               the built-in default
//	tests: BOOL    like -tests: also check _test.go files (golangci-lint's
//	               run.tests must load them too)
//
// An unknown key or a value of the wrong type is an error when golangci-lint
// starts, as is a policy file that cannot be read or does not validate.
//
// The plugin hands golangci-lint the datagate analyzer (and one that keys
// its cache, below). golangci-lint runs the analyzers datagate requires
// (datagateflows, datagatesources) itself, on the linted packages and,
// because both declare facts, on their dependencies too, and reports the
// diagnostics of the analyzers it was given. That is the same graph go vet
// and the datagate command build from datagate.New.
//
// # Cache
//
// golangci-lint caches each package's issues, and the facts of packages it
// does not lint, under a key made of the package's files, its dependencies,
// the linters' settings and the analyzers' names. The policy's contents are
// not part of it, yet findings and facts depend on them: after an edit of
// datagate.yaml, golangci-lint would replay the findings of the old policy
// for every package whose code did not change. So the policy's digest goes
// into the names: of the two analyzers that export facts
// (datagateflows_<digest>, datagatesources_<digest>), and of a second
// analyzer handed to golangci-lint, datagatepolicy_<digest>, which does
// nothing but key the cache of issues. (The datagate analyzer keeps its
// name: golangci-lint prefixes a message with the analyzer's name when it is
// not the linter's.) The digest is of the policy that applies: the file
// named in the settings, else the one $DATAGATE_POLICY names, else the
// nearest datagate.yaml from the working directory. A datagate.yaml deeper
// in the tree than that one is not covered: name it in the settings, or run
// `golangci-lint cache clean` after changing it.
package golangci

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"strings"

	"github.com/datagate/datagate/analyzers/config"
	"github.com/datagate/datagate/analyzers/datagate"
	"github.com/datagate/datagate/lineage/policy"
	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
)

func init() { register.Plugin("datagate", New) }

// Settings are the plugin's settings in .golangci.yml.
type Settings struct {
	// Policy is the policy file for every package (the -policy flag).
	Policy string `json:"policy"`
	// Tests makes _test.go files count (the -tests flag).
	Tests bool `json:"tests"`
}

// New decodes the plugin's settings. It is called by golangci-lint with the
// settings map of .golangci.yml (nil when there is none).
func New(settings any) (register.LinterPlugin, error) {
	// DecodeSettings round-trips through encoding/json with
	// DisallowUnknownFields, so a misspelt key is an error, not a default.
	s, err := register.DecodeSettings[Settings](settings)
	if err != nil {
		return nil, err // golangci-lint names the plugin
	}
	return &plugin{settings: s, getenv: os.Getenv}, nil
}

type plugin struct {
	settings Settings
	getenv   func(string) string
}

// BuildAnalyzers returns a new datagate analyzer whose suite shares one
// config made from the settings and, when a policy file applies, the
// analyzer that keys the cache by it (see Cache in the package comment). A
// policy file named in the settings is loaded here, once, so that a missing
// or malformed policy stops golangci-lint before any package is analysed
// rather than failing every package.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	cfg := config.New()
	cfg.Tests = p.settings.Tests
	cfg.Getenv = p.getenv
	var keyFile string // the policy file whose contents key the cache
	if p.settings.Policy != "" {
		pol, err := policy.Load(p.settings.Policy)
		if err != nil {
			return nil, err
		}
		cfg.PolicyFile = pol.File // absolute
		cfg.SetPolicy(pol)
		keyFile = pol.File
	} else {
		f, err := policy.Locate("", ".", p.getenv)
		if err != nil {
			return nil, err
		}
		keyFile = f
	}
	a := datagate.New(cfg)
	as := []*analysis.Analyzer{a}
	if keyFile != "" {
		// An unreadable discovered file is left for the analyzers to
		// report, in the packages it applies to.
		if data, err := os.ReadFile(keyFile); err == nil {
			suffix := "_" + digest(keyFile, data)
			seen := map[*analysis.Analyzer]bool{a: true}
			for _, r := range a.Requires {
				rename(r, suffix, seen)
			}
			as = append(as, cacheKey(suffix))
		}
	}
	return as, nil
}

// cacheKey returns an analyzer that does nothing: its name puts the policy's
// digest into golangci-lint's key for the cached issues of a package.
func cacheKey(suffix string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: "datagatepolicy" + suffix,
		Doc:  "datagatepolicy: the policy's digest, in golangci-lint's cache key\n\nIt reports nothing.",
		Run:  func(*analysis.Pass) (any, error) { return nil, nil },
	}
}

// GetLoadMode asks for type information: the engine builds SSA from it.
func (*plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// digest identifies a policy file by its path and contents.
func digest(path string, data []byte) string {
	h := sha256.New()
	h.Write([]byte(path))
	h.Write([]byte{0})
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// rename appends suffix to the names of a and the datagate analyzers it
// requires: those made by datagate.New for this suite alone. Names are all
// golangci-lint's cache keys know of an analyzer. A shared analyzer of
// another package (inspect, buildssa), should the suite ever require one, is
// left alone.
func rename(a *analysis.Analyzer, suffix string, seen map[*analysis.Analyzer]bool) {
	if seen[a] || !strings.HasPrefix(a.Name, "datagate") {
		return
	}
	seen[a] = true
	a.Name += suffix
	for _, r := range a.Requires {
		rename(r, suffix, seen)
	}
}
