package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"go/types"
	"io"
	"os"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/gcexportdata"

	"github.com/datagate/datagate/internal/parallel"
)

// A run with a cache goes in two phases. lookupAll walks the packages in
// import order and computes the key of every package whose imports' outputs
// are known (a package found in the cache, or a types-only one), looking
// its entry up; it returns the packages the scheduler is to process: those
// not found (and those above them, whose keys depend on what the analysis
// of the packages below gives), and the packages below them, whose types
// and facts they need. A package found in the cache and needed by no
// package to analyse is not even type-checked: with nothing changed, a run
// reads the go list output, the files (to hash them) and the entries'
// first lines, and the root packages' results.
func (r *run) lookupAll(all []*node) []*node {
	r.sums = fileSums(all, r.opts.FileSums)
	r.owners = ownerIndex(all)
	for _, n := range all {
		n.state = stMiss
		if len(n.pkg.Errors) > 0 {
			continue
		}
		known := true
		for _, imp := range n.imports {
			if imp.out == "" {
				known = false
				break
			}
		}
		if !known {
			n.state = stUnknown
			continue
		}
		if n.key = r.keyOf(n); n.key == "" {
			continue
		}
		if n.typesOnly {
			n.out, n.state = n.key, stHit
			continue
		}
		if r.tryHit(n) {
			n.state = stHit
		}
	}
	// What the scheduler processes: the packages to analyse and all they
	// import.
	need := make(map[*node]bool)
	var mark func(n *node)
	mark = func(n *node) {
		if need[n] {
			return
		}
		need[n] = true
		for _, imp := range n.imports {
			mark(imp)
		}
	}
	for _, n := range all {
		if n.state != stHit {
			mark(n)
			for _, imp := range n.imports {
				imp.scopeNeeded = true
			}
		}
	}
	var todo []*node
	for _, n := range all {
		switch {
		case need[n]:
			todo = append(todo, n)
		case n.act == nil: // a types-only package nothing needs
			n.act = &Action{Package: n.pkg}
		}
	}
	return todo
}

// keyOf returns the package's cache key: a hash of Options.Salt, the
// package's identity, its files' contents and its imports' outputs; "" if
// a file cannot be read.
func (r *run) keyOf(n *node) string {
	p := n.pkg
	h := sha256.New()
	fmt.Fprintf(h, "%s%s\n", cacheMagic, r.opts.Salt(p))
	fmt.Fprintf(h, "package %q %q %q types-only=%v\n", p.ID, p.PkgPath, p.Name, n.typesOnly)
	if m := p.Module; m != nil {
		fmt.Fprintf(h, "module %q %q %q\n", m.Path, m.Version, m.GoVersion)
	}
	if s := p.TypesSizes; s != nil {
		fmt.Fprintf(h, "sizes %d %d\n", s.Sizeof(types.Typ[types.Uintptr]), s.Alignof(types.Typ[types.Int64]))
	}
	for _, name := range p.CompiledGoFiles {
		sum, ok := r.sums[name]
		if !ok {
			var err error
			if sum, err = hashFile(name); err != nil {
				return ""
			}
		}
		fmt.Fprintf(h, "file %q %x\n", name, sum)
	}
	for _, path := range sortedKeys(n.byPath) {
		imp := n.byPath[path]
		if imp.out == "" {
			return ""
		}
		fmt.Fprintf(h, "import %q %q %s\n", path, imp.pkg.ID, imp.out)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func hashFile(name string) ([sha256.Size]byte, error) {
	var sum [sha256.Size]byte
	f, err := os.Open(name)
	if err != nil {
		return sum, err
	}
	defer f.Close()
	fh := sha256.New()
	if _, err := io.Copy(fh, f); err != nil {
		return sum, err
	}
	fh.Sum(sum[:0])
	return sum, nil
}

// fileSums reads and hashes the files of the packages (with no load
// errors) on every core, but for those whose sums are known: on kratos
// (1,109 packages) hashing them one after the other was 0.4 of the 0.76 s
// of CPU a scan with nothing to analyse spends in its own process (go list
// is the rest of its 1.6 s), and such a scan takes 1.47-1.51 s now. A
// file that cannot be read is left out (keyOf tries it again and gives
// up).
func fileSums(all []*node, known map[string][sha256.Size]byte) map[string][sha256.Size]byte {
	out := make(map[string][sha256.Size]byte)
	var names []string
	for _, n := range all {
		if len(n.pkg.Errors) > 0 {
			continue
		}
		for _, name := range n.pkg.CompiledGoFiles {
			if sum, ok := known[name]; ok {
				out[name] = sum
			} else {
				names = append(names, name)
			}
		}
	}
	sums := make([][sha256.Size]byte, len(names))
	ok := make([]bool, len(names))
	parallel.For(len(names), func() func(int) {
		return func(i int) {
			sum, err := hashFile(names[i])
			sums[i], ok[i] = sum, err == nil
		}
	})
	for i, name := range names {
		if ok[i] {
			out[name] = sums[i]
		}
	}
	return out
}

// tryHit looks the package's entry up and, when it can be used, makes the
// package's action from it: for a root, the results it keeps.
func (r *run) tryHit(n *node) bool {
	start := time.Now()
	e := r.cache.lookup(n.key)
	if e == nil || n.root && !e.Root {
		return false
	}
	act := &Action{Package: n.pkg, Cached: true}
	n.entry = e
	if n.root {
		var b *body
		ok := false
		if n.state != stUnknown {
			// Found before anything is analysed: the results will do,
			// if nothing they hold moved.
			b, ok = r.headBody(n)
		}
		if !ok {
			b, ok = r.entryBody(n)
		}
		if !ok {
			n.entry = nil
			return false
		}
		act.Moved = n.moved
		var err error
		if act.Results, err = r.decodeResults(n, b.results); err != nil {
			n.entry, n.tbody = nil, nil
			return false
		}
		if n.state != stUnknown {
			// Found before anything is analysed: materialize may not
			// need the body; the scheduler asks for it again if so.
			n.tbody = nil
		}
	}
	act.Duration = time.Since(start)
	n.act, n.out = act, e.Out
	return true
}

// materialize makes a package found in the cache ready for the packages
// that import it: its types (from the entry's export data when they can
// stand for the source, see importTypes; else checked from source,
// without function bodies) and its facts (from the entry). It reports
// false when the entry cannot be used; the package is then to be
// analysed.
func (r *run) materialize(n *node) bool {
	start := time.Now()
	b, ok := r.entryBody(n)
	n.tbody = nil
	if !ok {
		return false
	}
	n.posRaw = b.pos
	n.act.Moved = n.act.Moved || n.moved
	if r.importTypes(n, b) {
		n.act.TypesFromExport = true
	} else {
		scratch := &Action{Package: n.pkg}
		if _, _, err := r.safeCheck(n, scratch, false); err != nil || len(scratch.Errors) > 0 || n.types == nil {
			return false
		}
		if _, err := r.facts.decodeFacts(n.types, b.facts, false); err != nil {
			r.cache.bad.Add(1)
			return false
		}
	}
	n.act.Duration += time.Since(start)
	return true
}

// restoreTypes makes a types-only package's types from its entry, when
// it has one that can stand for the source (importTypes). found reports
// whether there is an entry (not to be written again).
func (r *run) restoreTypes(n *node, act *Action) (ok, found bool) {
	e := r.cache.lookup(n.key)
	if e == nil {
		return false, false
	}
	b, err := r.cache.body(e)
	if err != nil {
		return false, false // damaged, and removed
	}
	if !r.importTypes(n, b) {
		return false, true
	}
	act.TypesFromExport = true
	return true, true
}

// storeTypes writes a types-only package's entry: its export data, for
// the next run that needs its types.
func (r *run) storeTypes(n *node) {
	r.storing.Lock()
	defer r.storing.Unlock()
	var exp bytes.Buffer
	if err := gcexportdata.Write(&exp, r.fset, n.types); err != nil {
		return
	}
	_ = r.cache.put(n.key, n.key, false, &body{types: exp.Bytes(), names: exportNames(n.types)})
}

// store writes the package's entry: its facts, its types (export data)
// and, for a root, the results of the analyzers given to Analyze, and its
// position part. Its output hash, which its importers' keys include,
// covers its types (writeTypes), its facts, each with its positions by
// rank (run.shape), and its imports' outputs: when none changed, its
// importers are not analysed again (their entries' positions translated
// if code moved: relocate). A failure to write leaves the package without
// an entry.
func (r *run) store(n *node, act *Action) {
	r.storing.Lock()
	defer r.storing.Unlock()
	facts, list, err := r.facts.encodeFacts(n.types)
	if err != nil {
		return
	}
	var results []byte
	var byName map[string][]byte
	if n.root {
		if results, byName, err = r.encodeResults(act); err != nil {
			return
		}
	}
	var exp bytes.Buffer
	h := sha256.New()
	plist, pos, err := r.shape(h, n, list, act, byName)
	if err != nil {
		return
	}
	if err := gcexportdata.Write(&exp, r.fset, n.types); err != nil {
		exp.Reset() // the entry has no types: importers check them from source
	}
	for _, imp := range n.imports {
		fmt.Fprintf(h, "import %s\n", imp.out)
	}
	out := hex.EncodeToString(h.Sum(nil))
	b := &body{facts: facts, results: results, types: exp.Bytes(), names: exportNames(n.types), pos: pos}
	if err := r.cache.put(n.key, out, n.root, b); err == nil {
		n.out, n.plist = out, plist
	}
}

func (r *run) encodeResults(act *Action) ([]byte, map[string][]byte, error) {
	m := make(map[string][]byte)
	for a, res := range act.Results {
		data, err := r.opts.Codec.EncodeResult(a, res)
		if err != nil {
			return nil, nil, err
		}
		m[a.Name] = data
	}
	var b bytes.Buffer
	err := gob.NewEncoder(&b).Encode(m)
	return b.Bytes(), m, err
}

func (r *run) decodeResults(n *node, data []byte) (map[*analysis.Analyzer]any, error) {
	var m map[string][]byte
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&m); err != nil {
		return nil, err
	}
	out := make(map[*analysis.Analyzer]any)
	for a := range r.requested {
		raw, ok := m[a.Name]
		if !ok {
			return nil, fmt.Errorf("no result of %s", a.Name)
		}
		res, err := r.opts.Codec.DecodeResult(a, n.pkg, raw)
		if err != nil {
			return nil, err
		}
		out[a] = res
	}
	return out, nil
}
