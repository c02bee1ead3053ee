package driver_test

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/datagate/datagate/internal/driver"
	"github.com/datagate/datagate/internal/testutil"
)

// jsonCodec keeps results of type T as JSON: the report analyzer's
// ([]string), the paths analyzer's ([]pathRecord).
type jsonCodec[T any] struct{}

func (jsonCodec[T]) EncodeResult(_ *analysis.Analyzer, res any) ([]byte, error) {
	return json.Marshal(res)
}

func (jsonCodec[T]) DecodeResult(_ *analysis.Analyzer, _ *packages.Package, data []byte) (any, error) {
	var out T
	err := json.Unmarshal(data, &out)
	return out, err
}

// cached runs the suite over the module's packages with a cache in dir
// and returns the results of the roots (by path) and the packages depth
// ran on (analysed, not restored).
func cached(t *testing.T, mod, dir, salt string) (map[string][]string, []string) {
	t.Helper()
	c, err := driver.OpenCache(dir)
	if err != nil {
		t.Fatal(err)
	}
	s := newSuite()
	// The results are taken where Options.Finished hands them over, and
	// replaced there, as a caller that folds them into its own may do:
	// the cache must have them already (the warm runs below restore
	// them), and each root is handed over once.
	var mu sync.Mutex
	res := make(map[string][]string)
	finished := func(a *driver.Action) {
		mu.Lock()
		defer mu.Unlock()
		p := a.Package.PkgPath
		if _, dup := res[p]; dup {
			t.Errorf("%s handed to Finished twice", p)
		}
		r, _ := a.Results[s.report].([]string)
		res[p] = slices.Clone(r)
		a.Results[s.report] = []string{"folded"}
	}
	g, err := driver.Analyze([]*analysis.Analyzer{s.report}, load(t, mod, "./app", "./lone"), &driver.Options{
		TypesOnly: isStd, Cache: c, Codec: jsonCodec[[]string]{},
		Salt:     func(*packages.Package) string { return salt },
		Finished: finished,
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range g.Roots {
		if !r.Analysed() {
			t.Fatalf("%v not analysed", r)
		}
		if _, ok := res[r.Package.PkgPath]; !ok {
			t.Fatalf("root %s not handed to Finished", r.Package.PkgPath)
		}
	}
	if len(res) != len(g.Roots) {
		t.Errorf("Finished got %d packages, want the %d roots", len(res), len(g.Roots))
	}
	for _, a := range g.All {
		if a.Cached && slices.Contains(s.ranOn("depth"), a.Package.PkgPath) {
			t.Errorf("%s is marked cached but was analysed", a.Package.PkgPath)
		}
	}
	return res, s.ranOn("depth")
}

// TestCache: a second run restores every package; an edit of the lowest
// package analyses it and, when its facts change, what imports it; an
// edit that changes nothing its importers see analyses it alone; another
// salt (policy, flags) analyses everything; damaged and foreign entries
// are analysed again, never used.
func TestCache(t *testing.T) {
	mod := testutil.WriteModule(t, chain)
	dir := t.TempDir()
	all := []string{"example.com/m/app", "example.com/m/lone", "example.com/m/low", "example.com/m/mid"}

	cold, ran := cached(t, mod, dir, "s1")
	if !slices.Equal(ran, all) {
		t.Fatalf("cold run analysed %v, want %v", ran, all)
	}
	warm, ran := cached(t, mod, dir, "s1")
	if len(ran) != 0 {
		t.Errorf("warm run analysed %v, want nothing", ran)
	}
	if !equalResults(cold, warm) {
		t.Errorf("warm results %v, cold %v", warm, cold)
	}

	// A comment at the end: low's types and facts are the same, so mid
	// and app are not analysed again.
	low := filepath.Join(mod, "low", "low.go")
	src, _ := os.ReadFile(low)
	testutil.WriteFile(t, mod, "low/low.go", string(src)+"\n// A comment.\n")
	if _, ran := cached(t, mod, dir, "s1"); !slices.Equal(ran, []string{"example.com/m/low"}) {
		t.Errorf("after a comment in low, analysed %v; want low only", ran)
	}

	// A comment in app: app alone is analysed, and its depth (3) comes
	// from mid's fact, restored from the cache (decoded when asked for).
	appFile := filepath.Join(mod, "app", "app.go")
	appSrc, _ := os.ReadFile(appFile)
	testutil.WriteFile(t, mod, "app/app.go", string(appSrc)+"\n// A comment.\n")
	res, ran := cached(t, mod, dir, "s1")
	if !slices.Equal(ran, []string{"example.com/m/app"}) {
		t.Errorf("after a comment in app, analysed %v; want app only", ran)
	}
	if !equalResults(res, cold) {
		t.Errorf("after a comment in app, results %v; want %v", res, cold)
	}

	// low now calls into strings, which makes its depth 2: mid's and
	// app's depths change.
	testutil.WriteFile(t, mod, "low/low.go", "package low\n\nimport \"strings\"\n\nfunc Low() int { return len(strings.TrimSpace(\" \")) }\n")
	res, ran = cached(t, mod, dir, "s1")
	if want := []string{"example.com/m/app", "example.com/m/low", "example.com/m/mid"}; !slices.Equal(ran, want) {
		t.Errorf("after an edit of low, analysed %v; want %v", ran, want)
	}
	fresh, _ := cached(t, mod, t.TempDir(), "s1")
	if !equalResults(res, fresh) {
		t.Errorf("after the edit, results %v; a run without the cache's entries gives %v", res, fresh)
	}

	if _, ran := cached(t, mod, dir, "s2"); !slices.Equal(ran, all) {
		t.Errorf("another salt analysed %v, want everything", ran)
	}

	// Damage every entry in a different way: each is analysed again, with
	// the same results.
	paths := slices.Sorted(maps.Keys(entries(t, dir)))
	if len(paths) == 0 {
		t.Fatal("the cache has no entries")
	}
	damage := []func(data []byte) []byte{
		func(data []byte) []byte { return data[:len(data)-1] },                                              // truncated
		func(data []byte) []byte { return []byte("garbage") },                                               // not an entry
		func(data []byte) []byte { return append(slices.Clone(data[:len(data)-1]), 'x') },                   // bad checksum
		func(data []byte) []byte { return []byte(strings.Replace(string(data), `"key":"`, `"key":"0`, 1)) }, // foreign key
	}
	for i, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, damage[i%len(damage)](data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res2, ran := cached(t, mod, dir, "s1")
	if !equalResults(res2, fresh) {
		t.Errorf("with damaged entries, results %v, want %v", res2, fresh)
	}
	if !slices.Equal(ran, all) {
		t.Errorf("with every entry damaged, analysed %v, want everything", ran)
	}
	if _, ran := cached(t, mod, dir, "s1"); len(ran) != 0 {
		t.Errorf("after the entries were written again, analysed %v, want nothing", ran)
	}
}

func equalResults(a, b map[string][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !slices.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

// hidden is chain with what export data does not hold: low and mid, which
// app imports, each have an unexported type whose method nothing exported
// reaches, and whose method has a fact (depth exports one on every
// function and method).
var hidden = map[string]string{
	"go.mod": "module example.com/m\n\ngo 1.22\n",
	"low/low.go": "package low\n\nimport \"strings\"\n\nfunc Low() int { return helper() + len(strings.TrimSpace(\" x \")) }\n\n" +
		"func helper() int { return (&counter{}).next() }\n\ntype counter struct{ n int }\n\nfunc (c *counter) next() int { c.n++; return c.n }\n\n" +
		"func NewBuilder() *strings.Builder { return new(strings.Builder) }\n",
	"mid/mid.go": "package mid\n\nimport \"example.com/m/low\"\n\nfunc Mid() int { return low.Low() + twice{}.apply() }\n\n" +
		"var B = low.NewBuilder()\n\ntype twice struct{}\n\nfunc (twice) apply() int { return 2 }\n",
	"app/app.go": "package app\n\nimport \"example.com/m/mid\"\n\nfunc App() int { return mid.Mid() }\n",
}

// runApp analyses mod's app with the cache in dir and returns the actions
// by path, the packages depth ran on and app's results.
func runApp(t *testing.T, mod, dir string) (map[string]*driver.Action, []string, []string) {
	t.Helper()
	c, err := driver.OpenCache(dir)
	if err != nil {
		t.Fatal(err)
	}
	s := newSuite()
	g, err := driver.Analyze([]*analysis.Analyzer{s.report}, load(t, mod, "./app"), &driver.Options{
		TypesOnly: isStd, Cache: c, Codec: jsonCodec[[]string]{},
		Salt: func(*packages.Package) string { return "s" },
	})
	if err != nil {
		t.Fatal(err)
	}
	r, _ := g.Roots[0].Results[s.report].([]string)
	return byPath(g), s.ranOn("depth"), r
}

// TestCacheTypesFromExport: a package restored for an importer analysed
// again gets its types from its entry's export data when nothing that
// analysis can see is missing there: low, which app does not import,
// even though its unexported type (and its method's fact) is not in it;
// the standard library's packages; not mid, which app imports and whose
// unexported type export data leaves out (an analysis looks into the
// scope of its package's imports). The importers' keys do not change
// with where the types came from: after an edit of mid that changes
// nothing it exports, app is not analysed again.
func TestCacheTypesFromExport(t *testing.T) {
	mod := testutil.WriteModule(t, hidden)
	dir := t.TempDir()
	run := func() (map[string]*driver.Action, []string, []string) { return runApp(t, mod, dir) }
	_, ran, cold := run()
	if len(ran) != 3 {
		t.Fatalf("cold run analysed %v", ran)
	}

	appSrc := hidden["app/app.go"]
	testutil.WriteFile(t, mod, "app/app.go", appSrc+"\n// Reviewed.\n")
	acts, ran, res := run()
	if !slices.Equal(ran, []string{"example.com/m/app"}) {
		t.Fatalf("after a comment in app, analysed %v; want app", ran)
	}
	if !slices.Equal(res, cold) {
		t.Errorf("after a comment in app, results %v; cold %v", res, cold)
	}
	for path, want := range map[string]bool{"example.com/m/low": true, "strings": true, "example.com/m/mid": false} {
		if got := acts[path].TypesFromExport; got != want {
			t.Errorf("%s: types from export data = %v, want %v", path, got, want)
		}
	}

	testutil.WriteFile(t, mod, "mid/mid.go", hidden["mid/mid.go"]+"\n// Reviewed.\n")
	if _, ran, res := run(); !slices.Equal(ran, []string{"example.com/m/mid"}) || !slices.Equal(res, cold) {
		t.Errorf("after a comment in mid, analysed %v with results %v; want mid alone, results %v", ran, res, cold)
	}
}

// TestCacheDamagedEntryPartialImport: a package whose entry proves damaged
// only when it is restored is analysed with its imports as the run
// restored them: mid, with low's types from export data that lacks low's
// unexported type (nothing said mid would be analysed). That analysis is
// not kept, nor app's, whose key needs mid's output; the damaged entry is
// removed, so the next run analyses mid again, with low checked from
// source, and keeps it (and app's); the run after that analyses nothing.
func TestCacheDamagedEntryPartialImport(t *testing.T) {
	mod := testutil.WriteModule(t, hidden)
	dir := t.TempDir()
	run := func() ([]string, []string) {
		_, ran, res := runApp(t, mod, dir)
		return ran, res
	}
	_, cold := run()

	// Take the last byte off mid's entry (the only one that names the
	// type twice, in the list of names its export data must hold, which
	// the position part follows): its header still reads, so the run
	// finds it and means to restore mid.
	damaged := 0
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.Contains(string(data), "twice\n") {
			damaged++
			return os.WriteFile(path, data[:len(data)-1], 0o644)
		}
		return nil
	})
	if err != nil || damaged != 1 {
		t.Fatalf("damaged %d entries (%v), want mid's", damaged, err)
	}
	// An edit of app, so that mid is needed.
	testutil.WriteFile(t, mod, "app/app.go", hidden["app/app.go"]+"\n// Reviewed.\n")
	both := []string{"example.com/m/app", "example.com/m/mid"}
	for i, want := range [][]string{both, both, nil} {
		ran, res := run()
		if !slices.Equal(ran, want) || !slices.Equal(res, cold) {
			t.Errorf("run %d after the damage: analysed %v with results %v; want %v and %v", i+1, ran, res, want, cold)
		}
	}
}

// TestCacheRootHead: a root package found in the cache before anything
// is analysed is restored from its entry's results and position parts,
// which are checked on their own: damage elsewhere in the entry (its
// types) is not read, and the package is restored; damage to its
// results is found, and the package analysed again, with the same
// results.
func TestCacheRootHead(t *testing.T) {
	mod := testutil.WriteModule(t, chain)
	dir := t.TempDir()
	cold, _ := cached(t, mod, dir, "s1")

	// app's entry, and where its parts are.
	var path string
	var h struct{ Facts, Results, Types int }
	var off int
	for p := range entries(t, dir) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.SplitN(string(data), "\n", 3)
		if len(lines) < 3 || !strings.Contains(lines[1], `"root":true`) || !strings.Contains(lines[2], "App=") {
			continue
		}
		path, off = p, len(lines[0])+1+len(lines[1])+1
		if err := json.Unmarshal([]byte(lines[1]), &h); err != nil {
			t.Fatal(err)
		}
	}
	if path == "" || h.Types == 0 || h.Results == 0 {
		t.Fatalf("app's entry: %q %+v", path, h)
	}
	flip := func(at int) {
		t.Helper()
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		data[at] ^= 0x20
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	flip(off + h.Facts + h.Results + h.Types/2)
	res, ran := cached(t, mod, dir, "s1")
	if len(ran) != 0 || !equalResults(res, cold) {
		t.Errorf("with app's types damaged (not read): analysed %v, results %v; want nothing and %v", ran, res, cold)
	}

	flip(off + h.Facts + h.Results/2)
	res, ran = cached(t, mod, dir, "s1")
	if !slices.Equal(ran, []string{"example.com/m/app"}) || !equalResults(res, cold) {
		t.Errorf("with app's results damaged: analysed %v, results %v; want app and %v", ran, res, cold)
	}
	if _, ran := cached(t, mod, dir, "s1"); len(ran) != 0 {
		t.Errorf("after app's entry was written again, analysed %v, want nothing", ran)
	}
}
