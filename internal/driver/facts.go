package driver

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"go/types"
	"reflect"
	"runtime"
	"sort"
	"sync"
	"weak"

	"github.com/datagate/datagate/internal/lazyfact"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/objectpath"
)

// factTable holds the facts of all packages of a run. A package's facts
// are written while it is analysed and read by the packages that import
// it, which start after it is done; the lock covers the maps themselves.
type factTable struct {
	mu  sync.RWMutex
	obj map[objectKey]analysis.Fact
	pkg map[packageKey]analysis.Fact
	// byPkg lists the object facts of each package, in the order they
	// were exported (for the cache: encodeFacts).
	byPkg map[*types.Package][]objectKey
	// kinds are the fact types of the run's analyzers, by name (for the
	// cache: decodeFacts).
	kinds map[string]reflect.Type
	// shapes is set in a run with a cache: exported facts keep their
	// shape until their package's entry is written.
	shapes bool
}

type objectKey struct {
	obj types.Object
	t   reflect.Type
}

type packageKey struct {
	pkg *types.Package
	t   reflect.Type
}

func (ft *factTable) init(analyzers []*analysis.Analyzer) {
	ft.obj = make(map[objectKey]analysis.Fact)
	ft.pkg = make(map[packageKey]analysis.Fact)
	ft.byPkg = make(map[*types.Package][]objectKey)
	ft.kinds = make(map[string]reflect.Type)
	for _, a := range analyzers {
		for _, f := range a.FactTypes {
			t := reflect.TypeOf(f)
			ft.kinds[kindName(t)] = t
		}
	}
}

// kindName names a fact type for the cache: its package path and name.
func kindName(t reflect.Type) string {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.PkgPath() + "." + t.Name()
}

// encodedFacts are the facts of one package as the cache keeps them, in a
// deterministic order (object facts by object path, then kind; package
// facts by kind), so that their hash says whether they changed. The list
// is gob-encoded and each fact is its JSON, compressed (lazyfact.Encode):
// a re-scan reads the facts of every package and decodes the few its
// re-analysed packages ask for. As one JSON document, scanning them took
// 4.2 of the 14.8 s of CPU of a kratos re-scan after a one-file edit; the
// cache took 338 MB, 36 MB so (summary steps repeat file names and
// descriptions).
type encodedFacts struct {
	Objects []encodedFact
	Package []encodedFact
}

type encodedFact struct {
	Path string // objectpath of the object (object facts)
	Kind string
	Fact []byte // JSON, compressed
	// shape is the fact's shape, for the output hash (not encoded).
	shape *factShape
}

// encodeFacts encodes the facts the analysis of pkg exported. Facts about
// objects that other packages cannot name (no object path) are left out:
// no importer can ask for them.
//
// It also returns the facts with their shapes (factShape), in the order
// of the encoding, objects' facts first, and drops the shapes the table
// kept.
func (ft *factTable) encodeFacts(pkg *types.Package) ([]byte, []encodedFact, error) {
	ft.mu.RLock()
	defer ft.mu.RUnlock()
	var out encodedFacts
	var enc objectpath.Encoder
	for _, k := range ft.byPkg[pkg] {
		path, err := enc.For(k.obj)
		if err != nil {
			continue
		}
		data, shape, err := encodedShape(ft.obj[k])
		if err != nil {
			return nil, nil, fmt.Errorf("encoding a %v: %w", k.t, err)
		}
		out.Objects = append(out.Objects, encodedFact{Path: string(path), Kind: kindName(k.t), Fact: data, shape: shape})
	}
	for _, name := range sortedKeys(ft.kinds) {
		f, ok := ft.pkg[packageKey{pkg, ft.kinds[name]}]
		if !ok {
			continue
		}
		data, shape, err := encodedShape(f)
		if err != nil {
			return nil, nil, fmt.Errorf("encoding a %s: %w", name, err)
		}
		out.Package = append(out.Package, encodedFact{Kind: name, Fact: data, shape: shape})
	}
	sort.Slice(out.Objects, func(i, j int) bool {
		a, b := out.Objects[i], out.Objects[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Kind < b.Kind
	})
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&out); err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), append(out.Objects, out.Package...), nil
}

// encodedShape returns f encoded and its shape: the one kept since it
// was exported (and dropped from it now), else made from its JSON (a
// fact exported without shapes, or a package fact, kept as it is).
func encodedShape(f analysis.Fact) ([]byte, *factShape, error) {
	rf, ok := f.(*rawFact)
	if !ok {
		return encodeFact(f, true)
	}
	if sh := rf.shape; sh != nil {
		rf.shape = nil
		return rf.data, sh, nil
	}
	js, err := lazyfact.Decompress(rf.data)
	if err != nil {
		return nil, nil, err
	}
	return rf.data, shapeOf(js), nil
}

// encodeFact returns f as lazyfact.Encode encodes it and, with withShape
// set, its shape, taken from its JSON on the way.
func encodeFact(f analysis.Fact, withShape bool) ([]byte, *factShape, error) {
	js, err := json.Marshal(f)
	if err != nil {
		return nil, nil, err
	}
	data, err := lazyfact.Compress(js)
	var sh *factShape
	if withShape {
		sh = shapeOf(js)
	}
	return data, sh, err
}

// readEncodedFacts reads the facts of a package as encodeFacts wrote them.
func readEncodedFacts(data []byte) (encodedFacts, error) {
	var in encodedFacts
	err := gob.NewDecoder(bytes.NewReader(data)).Decode(&in)
	return in, err
}

// decodeFacts adds the facts of pkg that encodeFacts encoded. pkg is the
// package as this run type-checked it, from the same source, or as it
// read it from export data: with lenient set, facts about objects pkg does
// not hold are left out (see importTypes), and their number returned.
func (ft *factTable) decodeFacts(pkg *types.Package, data []byte, lenient bool) (skipped int, err error) {
	in, err := readEncodedFacts(data)
	if err != nil {
		return 0, err
	}
	objs := make(map[objectKey]analysis.Fact, len(in.Objects))
	var keys []objectKey
	for _, f := range in.Objects {
		obj, err := objectpath.Object(pkg, objectpath.Path(f.Path))
		if err != nil && lenient {
			skipped++
			continue
		}
		if err != nil {
			return 0, fmt.Errorf("fact about %s: %w", f.Path, err)
		}
		t, ok := ft.kinds[f.Kind]
		if !ok {
			return 0, fmt.Errorf("unknown fact kind %s", f.Kind)
		}
		// Kept encoded until an importer asks for it (rawFact).
		k := objectKey{obj, t}
		objs[k] = &rawFact{t: t, data: f.Fact}
		keys = append(keys, k)
	}
	pkgs := make(map[packageKey]analysis.Fact, len(in.Package))
	for _, f := range in.Package {
		t, ok := ft.kinds[f.Kind]
		if !ok {
			return 0, fmt.Errorf("unknown fact kind %s", f.Kind)
		}
		pkgs[packageKey{pkg, t}] = &rawFact{t: t, data: f.Fact}
	}
	ft.mu.Lock()
	defer ft.mu.Unlock()
	for k, f := range objs {
		ft.obj[k] = f
	}
	for k, f := range pkgs {
		ft.pkg[k] = f
	}
	ft.byPkg[pkg] = keys
	return skipped, nil
}

// rawFact is a fact kept encoded until an importer asks for it: one
// restored from a cache entry, or an object fact a package of the run
// exported (encodeOnExport).
//
// Restored: a re-scan after an edit restores the facts of a thousand
// packages for the few it analyses again, which ask for the facts of the
// few functions they call: decoding every restored fact up front was a
// third of such a re-scan (kratos, one file of selfservice/hook edited:
// 6.8 of 20.8 s of CPU); package facts too (0.3 of 3.8 s of CPU after
// types came from export data). The entry was checked (its checksum, the
// objects its facts are about, their kinds) when it was restored.
//
// Exported in the run: the facts of every package stay until the run
// ends, and decoded they are a large part of what the collector marks on
// every cycle of a scan held under the memory limit. On the generated
// 1000-package module, whose summaries list every exit below each
// function with its steps, the engine's allocations were 330 of the
// 595 MB live halfway (heap profile) and the collector ran without pause;
// kept encoded, it ran 69-72 cycles instead of 84, and the scan took
// 29.4-31.2 s instead of 36.8-42.9 s. An importer decodes what it asks
// for; the decoded fact is
// kept while anything holds it (cached, weakly), and for good once
// pinAfter packages have asked (a popular package's facts, which every
// importer reads, are decoded a few times, not once per importer).
type rawFact struct {
	t    reflect.Type
	data []byte // as lazyfact.Encode encoded it
	// shape is the shape of a fact exported in this run with a cache,
	// taken from its JSON when it was encoded and kept until the
	// package's entry is written (encodeFacts).
	shape *factShape
	// decoded is the fact as last decoded, while it lives; asked counts
	// the lookups (both under factTable.mu).
	decoded weak.Pointer[decodedFact]
	asked   int
}

// decodedFact holds a decoded fact for rawFact's weak pointer.
type decodedFact struct{ f analysis.Fact }

// pinAfter is how many lookups of an encoded fact make it stay decoded.
// Measured side by side, three alternated runs each, outputs identical:
// the generated 1000-package module 36.8-42.9 s with every exported fact
// kept decoded, 29.4-31.2 s encoded with this; kratos 27.2-33.0 s and
// 26.5-34.2 s (the same within the machine's noise; 1.2 GB more
// allocated, for encoding).
const pinAfter = 4

// encodeOnExport returns what the table keeps of an object fact a
// package exports: the fact encoded (rawFact), or the fact itself when it
// does not encode (it is then only ever used decoded).
//
// With shapes set (a run with a cache), the fact's shape is taken from its
// JSON on the way: decompressing every fact again to make the package's output
// hash was 1.5 of the 3.7 s of CPU that hash took on kratos.
func encodeOnExport(t reflect.Type, fact analysis.Fact, shapes bool) analysis.Fact {
	data, shape, err := encodeFact(fact, shapes)
	if err != nil {
		return fact
	}
	return &rawFact{t: t, data: data, shape: shape}
}

func (*rawFact) AFact() {}

// decoded returns the fact f stands for, decoding it when it is a
// rawFact. A fact that does not decode (an entry of another datagate
// that got past the cache key) panics: runPass reports it as an internal
// error of the package asking for it.
func decoded(f analysis.Fact) analysis.Fact {
	rf, ok := f.(*rawFact)
	if !ok {
		return f
	}
	fact, err := decodeAs(rf.t, rf.data)
	if err != nil {
		panic(fmt.Sprintf("a %v restored from the cache does not decode: %v", rf.t, err))
	}
	return fact
}

// decodeAs decodes a fact of type t (a pointer type) that lazyfact.Encode
// encoded.
func decodeAs(t reflect.Type, data []byte) (analysis.Fact, error) {
	fact := reflect.New(t.Elem()).Interface().(analysis.Fact)
	return fact, lazyfact.Decode(data, fact)
}

// bind sets the fact functions of a pass of analyzer a. Each analyzer sees
// its own fact types only. As in checker, exporting a fact of a type the
// analyzer did not declare, or about an object of another package, panics,
// which runPass reports as an internal error.
func (ft *factTable) bind(pass *analysis.Pass, a *analysis.Analyzer) {
	declared := make(map[reflect.Type]bool, len(a.FactTypes))
	for _, f := range a.FactTypes {
		declared[reflect.TypeOf(f)] = true
	}
	check := func(fact analysis.Fact) reflect.Type {
		t := reflect.TypeOf(fact)
		if !declared[t] {
			panic(fmt.Sprintf("analyzer %s used fact type %v, which is not in its FactTypes", a.Name, t))
		}
		return t
	}
	pass.ImportObjectFact = func(obj types.Object, fact analysis.Fact) bool {
		if obj == nil {
			panic("ImportObjectFact of a nil object")
		}
		t := reflect.TypeOf(fact)
		// Another analyzer's fact is not visible, as in checker.
		return declared[t] && lookup(&ft.mu, ft.obj, objectKey{obj, t}, fact)
	}
	pass.ExportObjectFact = func(obj types.Object, fact analysis.Fact) {
		if obj.Pkg() != pass.Pkg {
			panic(fmt.Sprintf("analyzer %s exported a fact about %s, which is not in package %s", a.Name, obj, pass.Pkg.Path()))
		}
		k := objectKey{obj, check(fact)}
		kept := encodeOnExport(k.t, fact, ft.shapes)
		ft.mu.Lock()
		if _, ok := ft.obj[k]; !ok {
			ft.byPkg[obj.Pkg()] = append(ft.byPkg[obj.Pkg()], k)
		}
		ft.obj[k] = kept
		ft.mu.Unlock()
	}
	pass.ImportPackageFact = func(pkg *types.Package, fact analysis.Fact) bool {
		t := reflect.TypeOf(fact)
		return declared[t] && lookup(&ft.mu, ft.pkg, packageKey{pkg, t}, fact)
	}
	pass.ExportPackageFact = func(fact analysis.Fact) {
		k := packageKey{pass.Pkg, check(fact)}
		ft.mu.Lock()
		ft.pkg[k] = fact
		ft.mu.Unlock()
	}
	pass.AllObjectFacts = func() []analysis.ObjectFact {
		ft.mu.RLock()
		defer ft.mu.RUnlock()
		vis := visible(pass.Pkg)
		var out []analysis.ObjectFact
		for k, f := range ft.obj {
			if declared[k.t] && vis[k.obj.Pkg()] {
				out = append(out, analysis.ObjectFact{Object: k.obj, Fact: decoded(f)})
			}
		}
		sort.Slice(out, func(i, j int) bool {
			return objectOrder(out[i].Object, out[j].Object, out[i].Fact, out[j].Fact)
		})
		return out
	}
	pass.AllPackageFacts = func() []analysis.PackageFact {
		ft.mu.RLock()
		defer ft.mu.RUnlock()
		vis := visible(pass.Pkg)
		var out []analysis.PackageFact
		for k, f := range ft.pkg {
			if declared[k.t] && vis[k.pkg] {
				out = append(out, analysis.PackageFact{Package: k.pkg, Fact: decoded(f)})
			}
		}
		sort.Slice(out, func(i, j int) bool {
			if out[i].Package.Path() != out[j].Package.Path() {
				return out[i].Package.Path() < out[j].Package.Path()
			}
			return reflect.TypeOf(out[i].Fact).String() < reflect.TypeOf(out[j].Fact).String()
		})
		return out
	}
}

// lookup copies the fact stored at k in m into fact, reporting whether
// there was one. A fact restored from the cache is decoded on first use,
// and kept decoded.
func lookup[K comparable](mu *sync.RWMutex, m map[K]analysis.Fact, k K, fact analysis.Fact) bool {
	mu.RLock()
	f, ok := m[k]
	mu.RUnlock()
	if !ok {
		return false
	}
	if rf, raw := f.(*rawFact); raw {
		f = rf.get(mu, func(d analysis.Fact) { m[k] = d })
	}
	reflect.ValueOf(fact).Elem().Set(reflect.ValueOf(f).Elem())
	return true
}

// get decodes rf, or takes it from its weak cache; from the pinAfter-th
// lookup on, pin (called under mu) puts the decoded fact in rf's place.
func (rf *rawFact) get(mu *sync.RWMutex, pin func(analysis.Fact)) analysis.Fact {
	mu.Lock()
	rf.asked++
	asked := rf.asked
	cached := rf.decoded.Value()
	mu.Unlock()
	var f analysis.Fact
	if cached != nil {
		f = cached.f
	} else {
		f = decoded(rf)
	}
	mu.Lock()
	defer mu.Unlock()
	if asked >= pinAfter {
		pin(f)
	} else if cached == nil {
		d := &decodedFact{f}
		rf.decoded = weak.Make(d)
		runtime.KeepAlive(d)
	}
	return f
}

// visible returns the packages whose facts p sees: p and its imports,
// direct or not.
func visible(p *types.Package) map[*types.Package]bool {
	seen := map[*types.Package]bool{p: true}
	var walk func(x *types.Package)
	walk = func(x *types.Package) {
		for _, imp := range x.Imports() {
			if !seen[imp] {
				seen[imp] = true
				walk(imp)
			}
		}
	}
	walk(p)
	return seen
}

func objectOrder(a, b types.Object, fa, fb analysis.Fact) bool {
	pa, pb := "", ""
	if a.Pkg() != nil {
		pa = a.Pkg().Path()
	}
	if b.Pkg() != nil {
		pb = b.Pkg().Path()
	}
	if pa != pb {
		return pa < pb
	}
	if a.Pos() != b.Pos() {
		return a.Pos() < b.Pos()
	}
	if a.Name() != b.Name() {
		return a.Name() < b.Name()
	}
	return reflect.TypeOf(fa).String() < reflect.TypeOf(fb).String()
}

// PackageFacts returns the package facts the analysis of p exported, by
// kind: of this run, or from the cache entry of a package that was
// restored rather than analysed. A package that was not analysed has
// none; after Release, no package has any.
func (g *Graph) PackageFacts(p *packages.Package) []analysis.Fact {
	n := g.nodes[p]
	if n == nil || g.r == nil {
		return nil
	}
	ft := &g.r.facts
	if n.types != nil {
		ft.mu.RLock()
		defer ft.mu.RUnlock()
		var out []analysis.Fact
		for _, name := range sortedKeys(ft.kinds) {
			f, ok := ft.pkg[packageKey{n.types, ft.kinds[name]}]
			if rf, raw := f.(*rawFact); raw { // restored, not asked for
				var err error
				if f, err = decodeAs(rf.t, rf.data); err != nil {
					continue
				}
			}
			if ok {
				out = append(out, f)
			}
		}
		return out
	}
	if n.entry == nil {
		return nil
	}
	b, err := g.r.cache.body(n.entry)
	if err != nil {
		return nil
	}
	in, err := readEncodedFacts(b.facts)
	if err != nil {
		return nil
	}
	var out []analysis.Fact
	for _, f := range in.Package {
		t, ok := ft.kinds[f.Kind]
		if !ok {
			continue
		}
		if fact, err := decodeAs(t, f.Fact); err == nil {
			out = append(out, fact)
		}
	}
	return out
}

// Release lets go of what the run kept for the packages' analyses (their
// types, facts and file set), keeping the actions: a caller that has
// taken what it needs from the facts frees most of the run's memory
// before it writes its output.
func (g *Graph) Release() {
	g.r, g.nodes = nil, nil
}
