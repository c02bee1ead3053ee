package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/datagate/datagate/analyzers/config"
	"github.com/datagate/datagate/analyzers/datagate"
	"github.com/datagate/datagate/internal/driver"
	"github.com/datagate/datagate/lineage"
	"github.com/datagate/datagate/lineage/suppress"
)

// The scan's cache (README, Incremental scans): each package's facts and,
// for the packages named on the command line, their results, kept between
// runs by internal/driver under the user's cache directory, so that a scan
// analyses only the packages that changed and those whose imports' results
// changed.

// CacheEnv is the environment variable that relocates the cache (a
// directory) or turns it off ("off").
const CacheEnv = "DATAGATE_CACHE"

// cacheDir returns the directory of the scan's cache, or "" when the
// cache is off: -cache=off, else DATAGATE_CACHE (off, or a directory,
// relative to the working directory), else datagate under the user's
// cache directory (os.UserCacheDir, as the go command's GOCACHE).
func cacheDir(flag, wd string, getenv func(string) string) (string, error) {
	switch flag {
	case "off":
		return "", nil
	case "on", "":
	default:
		return "", usagef("-cache: %q: want on or off", flag)
	}
	switch env := getenv(CacheEnv); env {
	case "off":
		return "", nil
	case "":
		if base, err := os.UserCacheDir(); err == nil {
			return filepath.Join(base, "datagate"), nil
		}
		return "", nil // no home: no cache

	default:
		return inDir(wd, env), nil
	}
}

// driverCache returns the driver options that make a scan use the cache
// in dir: the cache, the salt (what else a package's analysis depends on)
// and the codec of the datagate analyzer's results.
func driverCache(dir string, o *options, cfg *config.Config) (*driver.Options, error) {
	c, err := driver.OpenCache(dir)
	if err != nil {
		return nil, err
	}
	build, err := buildID()
	if err != nil {
		return nil, err
	}
	// A development aid (lineage/README.md, "Working on the engine"):
	// DATAGATE_DEVCACHE=PREFIX keeps the entries of the packages outside
	// PREFIX across datagate builds, so that after a change to the engine
	// only a service's own packages are analysed again. Their dependencies'
	// facts then come from an older engine: never for a real scan.
	devPrefix := cfg.Getenv("DATAGATE_DEVCACHE")
	salt := func(p *packages.Package) string {
		build := build
		if devPrefix != "" && !strings.HasPrefix(p.PkgPath, devPrefix) {
			build = "dev"
		}
		digest := "error"
		if pol, err := cfg.PolicyForDir(packageDir(p)); err == nil {
			digest = pol.Digest()
		}
		return fmt.Sprintf("datagate %s build %s\ntests=%v tags=%q\npolicy %s", Version(), build, o.tests, o.tags, digest)
	}
	return &driver.Options{Cache: c, Salt: salt, Codec: resultCodec{cfg: cfg}}, nil
}

// indexKey tells apart the file indexes (fileIndex) of scans that read
// different sets of files: the directory, the patterns, -tests, -tags.
func indexKey(wd string, o *options) string {
	return fmt.Sprintf("%s\x00%q\x00tests=%v\x00tags=%q", wd, o.patterns, o.tests, o.tags)
}

// packageDir is the directory the analyzers find a package's policy
// from (config.PackageDir): that of its Go files.
func packageDir(p *packages.Package) string {
	if len(p.GoFiles) > 0 {
		return filepath.Dir(p.GoFiles[0])
	}
	return p.Dir
}

// buildID identifies the running datagate build: the hash of its
// executable, so that a rebuilt datagate (another engine, other tables)
// never uses the entries of another build.
var buildID = sync.OnceValues(func() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("cache: %w", err)
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", fmt.Errorf("cache: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("cache: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
})

// resultCodec keeps the datagate analyzer's result: the flows, the
// directives and the notes, the parts the command uses, in gob (faster to
// read back than JSON: 7.2 s against 13.3 s to restore the 1,000 roots of
// the generated module; unlike facts, results are not hashed, so the
// order gob gives maps does not matter), and shows the driver the
// positions they hold (MovePositions). A restored result
// gets the policy of the package's directory again and no Findings (the
// command judges the flows itself, at the time of the run: suppressions
// expire).
type resultCodec struct{ cfg *config.Config }

type cachedResult struct {
	Flows      []lineage.Flow       `json:"flows"`
	Directives []suppress.Directive `json:"directives"`
	Notes      []string             `json:"notes"`
}

func (resultCodec) EncodeResult(a *analysis.Analyzer, res any) ([]byte, error) {
	r, ok := res.(*datagate.Result)
	if !ok {
		return nil, fmt.Errorf("cache: %s: result %T", a.Name, res)
	}
	var b bytes.Buffer
	err := gob.NewEncoder(&b).Encode(cachedResult{Flows: r.Flows, Directives: r.Directives, Notes: r.Notes})
	return b.Bytes(), err
}

// MovePositions implements driver.PositionMover: the positions of the
// flows and directives, those EncodeResult keeps.
func (resultCodec) MovePositions(_ *analysis.Analyzer, res any, fn func(file string, line, col int) (int, int, bool)) bool {
	r, ok := res.(*datagate.Result)
	if !ok {
		return false
	}
	good := true
	move := func(p *lineage.Position) {
		if !good || p.File == "" {
			return
		}
		line, col, ok := fn(p.File, p.Line, p.Col)
		switch {
		case !ok:
			good = false
		case line != p.Line || col != p.Col:
			p.Line, p.Col = line, col
		}
	}
	for i := range r.Flows {
		r.Flows[i].EachPosition(move)
	}
	for i := range r.Directives {
		move(&r.Directives[i].Pos)
	}
	return good
}

func (c resultCodec) DecodeResult(a *analysis.Analyzer, p *packages.Package, data []byte) (any, error) {
	var cr cachedResult
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&cr); err != nil {
		return nil, fmt.Errorf("cache: %s: %w", a.Name, err)
	}
	pol, err := c.cfg.PolicyForDir(packageDir(p))
	if err != nil {
		return nil, err
	}
	return &datagate.Result{Policy: pol, Flows: cr.Flows, Directives: cr.Directives, Notes: cr.Notes}, nil
}
