package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"fmt"
	"go/token"
	"hash"
	"io"
	"slices"
	"strconv"

	"github.com/datagate/datagate/internal/lazyfact"
	"golang.org/x/tools/go/analysis"
)

// posPart is an entry's last part (body.pos, gob): see positions.go.
type posPart struct {
	// Own is the package's position list: the distinct positions its
	// facts and types hold in each of its files, sorted.
	Own posList
	// Refs are the imported files the entry's facts and results hold
	// positions in, each with its sum when the entry was made.
	Refs []posRef
}

// decodePosPart decodes an entry's position part.
func decodePosPart(data []byte) (posPart, error) {
	var pp posPart
	err := gob.NewDecoder(bytes.NewReader(data)).Decode(&pp)
	return pp, err
}

func (pp *posPart) encode() ([]byte, error) {
	var b bytes.Buffer
	err := gob.NewEncoder(&b).Encode(pp)
	return b.Bytes(), err
}

// posRef is an imported file an entry holds positions in.
type posRef struct {
	File string
	Sum  [sha256.Size]byte
	// Owner is the key of the entry of the file's package whose position
	// list holds every position the entry has in the file; "" when it
	// does not (the entry is then usable only while the file is as it
	// was).
	Owner string
}

// ownerIndex maps each file of the run's packages (CompiledGoFiles, those
// the cache keys hash) to the packages that hold it: one, or, with tests
// loaded, a package and its test variant. A position in another file (a
// cgo package's original file, named by the line directives of the file
// generated from it) has no owner, and the output hash of the package
// whose facts or types hold it covers it as it is.
func ownerIndex(all []*node) map[string][]*node {
	out := make(map[string][]*node)
	for _, n := range all {
		for _, f := range n.pkg.CompiledGoFiles {
			if !slices.Contains(out[f], n) {
				out[f] = append(out[f], n)
			}
		}
	}
	return out
}

// ownerFor returns the package whose list ranks n's positions in file:
// the one package holding the file, or, of a package and its test
// variant, the one n imports (directly or not; a package imports one of
// them at most); nil when there is none. deps is n's import closure,
// made on first use.
func (r *run) ownerFor(n *node, file string, deps *map[*node]bool) *node {
	cands := r.owners[file]
	switch len(cands) {
	case 0:
		return nil
	case 1:
		return cands[0]
	}
	if *deps == nil {
		*deps = closure(n)
	}
	var owner *node
	for _, c := range cands {
		if (*deps)[c] {
			if owner != nil {
				return nil
			}
			owner = c
		}
	}
	return owner
}

// closure returns the packages n imports, directly or not.
func closure(n *node) map[*node]bool {
	seen := make(map[*node]bool)
	stack := slices.Clone(n.imports)
	for len(stack) > 0 {
		imp := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !seen[imp] {
			seen[imp] = true
			stack = append(stack, imp.imports...)
		}
	}
	return seen
}

// listOf returns n's position list: the one its analysis gave in this
// run, or the one its entry holds, decoded on first use (read from the
// entry when the package was found in the cache and not yet restored);
// nil when there is none (a types-only package, or an entry not
// written). n is done, or found in the cache.
func (r *run) listOf(n *node) posList {
	n.posOnce.Do(func() {
		if n.plist != nil {
			return
		}
		if n.posRaw == nil && n.state == stHit && n.entry != nil {
			if b, err := r.cache.body(n.entry); err == nil {
				n.posRaw = b.pos
			}
		}
		if n.posRaw == nil {
			return
		}
		if pp, err := decodePosPart(n.posRaw); err == nil && pp.Own != nil {
			n.plist = pp.Own
		}
		n.posRaw = nil
	})
	return n.plist
}

// shaper makes a package's output hash and position part.
type shaper struct {
	r    *run
	n    *node
	own  map[string]bool
	list posList
	refs map[string]*posRef
	buf  []byte
	deps map[*node]bool // n's import closure, when ownerFor needs it
}

func (r *run) newShaper(n *node) *shaper {
	s := &shaper{r: r, n: n, own: make(map[string]bool), list: make(posList), refs: make(map[string]*posRef)}
	for _, f := range n.pkg.CompiledGoFiles {
		s.own[f] = true
	}
	return s
}

// collect adds a position of the package's files to its list.
func (s *shaper) collect(file string, line, col int) {
	if file != "" && s.own[file] {
		s.list.add(file, mkFilePos(line, col))
	}
}

// token appends to s.buf what the output hash covers of a position (see
// positions.go), noting the imported file it is in.
func (s *shaper) token(file string, line, col int) {
	p := mkFilePos(line, col)
	kind, n := byte('a'), 0
	switch {
	case file == "":
		s.buf = append(s.buf, "\x00z"...)
		return
	case s.own[file]:
		kind = 'o'
		n, _ = s.list.rank(file, p)
	default:
		var ranked bool
		if n, ranked = s.ref(file, p); ranked {
			kind = 'd'
		}
	}
	s.buf = append(s.buf, 0, kind)
	s.buf = append(s.buf, file...)
	s.buf = append(s.buf, 0)
	if kind == 'a' {
		s.buf = strconv.AppendInt(s.buf, int64(line), 10)
		s.buf = append(s.buf, ':')
		s.buf = strconv.AppendInt(s.buf, int64(col), 10)
		return
	}
	s.buf = strconv.AppendInt(s.buf, int64(n), 10)
}

// note notes the imported file a position of the results is in (results
// are not hashed).
func (s *shaper) note(file string, line, col int) (int, int, bool) {
	if file != "" && !s.own[file] {
		s.ref(file, mkFilePos(line, col))
	}
	return line, col, true
}

// ref notes a position in an imported file and returns its rank in the
// list of the file's package, when that list holds it.
func (s *shaper) ref(file string, p filePos) (int, bool) {
	owner := s.r.ownerFor(s.n, file, &s.deps)
	var list posList
	if owner != nil {
		list = s.r.listOf(owner)
	}
	i, found := list.rank(file, p)
	ref := s.refs[file]
	if ref == nil {
		sum, ok := s.r.sums[file]
		if !ok {
			// Not a file of the run's packages (a cgo file's
			// original, named by a line directive): its positions
			// are covered, as they are, by the output hash of the
			// package whose facts hold them.
			return i, found
		}
		ref = &posRef{File: file, Sum: sum}
		if owner != nil {
			ref.Owner = owner.key
		}
		s.refs[file] = ref
	}
	if !found {
		ref.Owner = ""
	}
	return i, found
}

// part returns the entry's position part.
func (s *shaper) part() ([]byte, error) {
	pp := posPart{Own: s.list}
	for _, f := range sortedKeys(s.refs) {
		pp.Refs = append(pp.Refs, *s.refs[f])
	}
	return pp.encode()
}

// shape writes n's output hash to h (its types and facts, each as the
// hash of its text with positions taken out and the positions' tokens;
// facts as encodeFacts listed them) and returns its position list and
// position part, which also notes the imported files its results (act's,
// for a root) hold positions in.
func (r *run) shape(h hash.Hash, n *node, facts []encodedFact, act *Action, results map[string][]byte) (posList, []byte, error) {
	s := r.newShaper(n)
	types := &factShape{}
	th := sha256.New()
	r.writeTypes(th, n.types, func(w io.Writer, p token.Position) {
		_, _ = w.Write(posMark)
		types.add(p.Filename, p.Line, p.Column)
	})
	th.Sum(types.skel[:0])
	types.each(s.collect)
	for _, f := range facts {
		f.shape.each(s.collect)
	}
	s.list.sortUnique()

	// One write to h per shape: its skeleton's hash and its positions'
	// tokens.
	write := func(sh *factShape) {
		s.buf = fmt.Appendf(s.buf[:0], " %x\n", sh.skel)
		sh.each(s.token)
		s.buf = append(s.buf, '\n')
		h.Write(s.buf)
	}
	fmt.Fprintf(h, "types")
	write(types)
	fmt.Fprintf(h, "facts %d\n", len(facts))
	for _, f := range facts {
		fmt.Fprintf(h, "%q %q", f.Path, f.Kind)
		write(f.shape)
	}
	if pm, ok := r.opts.Codec.(PositionMover); ok {
		for a, res := range act.Results {
			pm.MovePositions(a, res, s.note)
		}
	} else {
		for _, name := range sortedKeys(results) {
			scanPositions(results[name], func(p jsonPos) { s.note(p.file, p.line, p.col) })
		}
	}
	part, err := s.part()
	return s.list, part, err
}

// move translates positions in one file from an old list to a new one,
// rank for rank.
type move struct{ from, to []filePos }

// relocate makes the entry's body hold what an analysis would give now:
// the positions it holds in imported files that changed since it was
// made are translated from the list of the file's package as it was to
// the list it has now, and the entry is written again so translated. It
// reports false when a position cannot be translated (see positions.go):
// the package is then analysed.
func (r *run) relocate(n *node, b *body) bool {
	if len(b.pos) == 0 {
		return true
	}
	pp, err := decodePosPart(b.pos)
	if err != nil {
		return false
	}
	moves := make(map[string]move)
	same := true // every moved file's positions are where they were
	var deps map[*node]bool
	for i, ref := range pp.Refs {
		if r.unchanged(ref) {
			continue
		}
		cur, ok := r.sums[ref.File]
		owner := r.ownerFor(n, ref.File, &deps)
		if !ok || ref.Owner == "" || owner == nil {
			return false
		}
		to := r.listOf(owner)[ref.File]
		from := r.oldList(ref.Owner)[ref.File]
		if len(from) != len(to) {
			return false
		}
		moves[ref.File] = move{from, to}
		same = same && slices.Equal(from, to)
		pp.Refs[i].Sum, pp.Refs[i].Owner = cur, owner.key
	}
	if len(moves) == 0 {
		return true
	}
	if !same {
		translate := func(file string, line, col int) (int, int, bool) {
			m, ok := moves[file]
			if !ok {
				return line, col, true
			}
			i, found := slices.BinarySearch(m.from, mkFilePos(line, col))
			if !found {
				return 0, 0, false
			}
			return m.to[i].line(), m.to[i].col(), true
		}
		facts, ok := relocateFacts(b.facts, translate)
		if !ok {
			return false
		}
		results, ok := r.relocateResults(n, b.results, translate)
		if !ok {
			return false
		}
		b.facts, b.results = facts, results
		n.moved = true
	}
	// Written again, if only to note the files as they are now (a line
	// appended moves nothing).
	if b.pos, err = pp.encode(); err != nil {
		return false
	}
	r.rewrite(n, b)
	return true
}

// rewrite writes n's entry again with body b.
func (r *run) rewrite(n *node, b *body) {
	r.storing.Lock()
	defer r.storing.Unlock()
	if r.cache.put(n.key, n.entry.Out, n.entry.Root, b) == nil {
		// The header read before no longer fits the file.
		if e := r.cache.reread(n.key); e != nil {
			n.entry = e
		}
	}
}

// oldList returns the position list of the entry under key, nil when
// there is none.
func (r *run) oldList(key string) posList {
	r.oldMu.Lock()
	defer r.oldMu.Unlock()
	if l, ok := r.old[key]; ok {
		return l
	}
	var l posList
	if e := r.cache.lookup(key); e != nil {
		if b, err := r.cache.body(e); err == nil {
			if pp, err := decodePosPart(b.pos); err == nil {
				l = pp.Own
			}
		}
	}
	if r.old == nil {
		r.old = make(map[string]posList)
	}
	r.old[key] = l
	return l
}

func relocateFacts(data []byte, fn func(string, int, int) (int, int, bool)) ([]byte, bool) {
	in, err := readEncodedFacts(data)
	if err != nil {
		return nil, false
	}
	for _, list := range [][]encodedFact{in.Objects, in.Package} {
		for i, f := range list {
			js, err := lazyfact.Decompress(f.Fact)
			if err != nil {
				return nil, false
			}
			out, changed, ok := rewritePositions(js, fn)
			if !ok {
				return nil, false
			}
			if !changed {
				continue
			}
			if list[i].Fact, err = lazyfact.Compress(out); err != nil {
				return nil, false
			}
		}
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&in); err != nil {
		return nil, false
	}
	return buf.Bytes(), true
}

// relocateResults translates the results of a root's entry: through the
// Codec when it is a PositionMover, else in their JSON.
func (r *run) relocateResults(n *node, data []byte, fn func(string, int, int) (int, int, bool)) ([]byte, bool) {
	if len(data) == 0 {
		return data, true
	}
	var m map[string][]byte
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&m); err != nil {
		return nil, false
	}
	pm, moves := r.opts.Codec.(PositionMover)
	for name, raw := range m {
		if !moves {
			out, _, ok := rewritePositions(raw, fn)
			if !ok {
				return nil, false
			}
			m[name] = out
			continue
		}
		i := slices.IndexFunc(r.analyzers, func(a *analysis.Analyzer) bool { return a.Name == name })
		if i < 0 {
			return nil, false
		}
		a := r.analyzers[i]
		res, err := r.opts.Codec.DecodeResult(a, n.pkg, raw)
		if err != nil || !pm.MovePositions(a, res, fn) {
			return nil, false
		}
		if m[name], err = r.opts.Codec.EncodeResult(a, res); err != nil {
			return nil, false
		}
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(m); err != nil {
		return nil, false
	}
	return buf.Bytes(), true
}

// headBody returns the results and position parts of n's entry
// (Cache.head), when none of the files its positions are in changed
// since it was written: then relocate has nothing to do, and the results
// are as they are. Otherwise, or when the parts cannot be read, it
// reports false (entryBody reads the whole body, and relocates it).
func (r *run) headBody(n *node) (*body, bool) {
	b, err := r.cache.head(n.entry)
	if err != nil {
		return nil, false
	}
	if len(b.pos) == 0 {
		return b, true
	}
	pp, err := decodePosPart(b.pos)
	if err != nil {
		return nil, false
	}
	for _, ref := range pp.Refs {
		if !r.unchanged(ref) {
			return nil, false
		}
	}
	return b, true
}

// unchanged reports whether the file ref names has the sum it had when
// the entry holding ref was written.
func (r *run) unchanged(ref posRef) bool {
	cur, ok := r.sums[ref.File]
	return ok && cur == ref.Sum
}

// entryBody reads the body of n's entry and relocates it (once: tryHit
// and materialize both ask for it).
func (r *run) entryBody(n *node) (*body, bool) {
	if n.tbody != nil {
		return n.tbody, true
	}
	b, err := r.cache.body(n.entry)
	if err != nil || !r.relocate(n, b) {
		return nil, false
	}
	n.tbody = b
	return b, true
}
