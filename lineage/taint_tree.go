package lineage

import (
	"slices"
	"strings"
)

// maxPathParts bounds access paths. A longer path is cut to its first
// parts, which coarsens (taints the whole enclosing value) but never drops
// taint.
const maxPathParts = 5

func joinPath(a, b string) string {
	if a == "" && len(b) <= maxPathParts {
		return b // at most maxPathParts parts
	}
	p := a + b
	if strings.Count(p, ".")+strings.Count(p, "[]") > maxPathParts {
		return cutPath(p, maxPathParts)
	}
	return p
}

func cutPath(p string, n int) string {
	parts := 0
	for i := 0; i < len(p); i++ {
		if p[i] == '.' || (p[i] == '[' && i+1 < len(p) && p[i+1] == ']') {
			if parts == n {
				return p[:i]
			}
			parts++
		}
	}
	return p
}

// isPrefix reports whether path a is p or an ancestor of p.
func isPrefix(a, p string) bool {
	if a == "" || a == p {
		return true
	}
	return strings.HasPrefix(p, a) && (p[len(a)] == '.' || p[len(a)] == '[')
}

// parentPath drops the last part of a path.
func parentPath(p string) string {
	if i := strings.LastIndexAny(p, ".["); i >= 0 {
		return p[:i]
	}
	return ""
}

// tree is a value's taint by access path. An entry with an empty taint but
// present key marks a path known to hold no user data (a strong update with
// a clean value), which hides the user-data fields its type would
// otherwise carry.
//
// A tree is a reference (writes through one copy are seen through the
// others, as with a map) to its entries, kept sorted by path: trees are
// small (at most maxTreePaths paths, most of them one), and a sorted slice
// costs a fraction of a map's memory and allocation and iterates in a
// fixed order. A nil tree is empty.
type tree = *treeData

type treeData struct {
	ents []treeEntry
	// one backs ents while the tree has room for one path only (most
	// trees): the tree is then a single allocation. treeData is only
	// used through pointers, so ents never points into a copy.
	one [1]treeEntry
}

type treeEntry struct {
	p string
	v taint
}

// newTree returns an empty tree with room for n paths.
func newTree(n int) tree {
	t := &treeData{}
	if n <= 1 {
		t.ents = t.one[:0]
	} else {
		t.ents = make([]treeEntry, 0, n)
	}
	return t
}

// leafTree is the tree holding v at the value itself, v empty included
// (a clean mark); leaf drops an empty v.
func leafTree(v taint) tree {
	t := &treeData{}
	t.one[0] = treeEntry{"", v}
	t.ents = t.one[:1]
	return t
}

// len is the number of paths in t.
func (t *treeData) len() int {
	if t == nil {
		return 0
	}
	return len(t.ents)
}

// entries returns t's entries, sorted by path; callers do not change them.
func (t *treeData) entries() []treeEntry {
	if t == nil {
		return nil
	}
	return t.ents
}

// find is where path k is, or would be inserted, in t's entries.
func (t *treeData) find(k string) (int, bool) {
	if t == nil {
		return 0, false
	}
	return slices.BinarySearchFunc(t.ents, k, func(e treeEntry, k string) int { return strings.Compare(e.p, k) })
}

// get returns the taint at exactly path k and whether k is present.
func (t *treeData) get(k string) (taint, bool) {
	i, ok := t.find(k)
	if !ok {
		return nil, false
	}
	return t.ents[i].v, true
}

// at0 is the taint at exactly path k (nil when absent).
func (t *treeData) at0(k string) taint {
	v, _ := t.get(k)
	return v
}

// setKey stores v at exactly path k.
func (t *treeData) setKey(k string, v taint) {
	i, ok := t.find(k)
	if ok {
		t.ents[i].v = v
		return
	}
	t.ents = slices.Insert(t.ents, i, treeEntry{k, v})
}

// at returns the taint of the value at path p: entries at p and at its
// ancestors (a tainted struct taints its fields), symbolic ones extended.
// It also reports whether p was explicitly cleaned.
func (t tree) at(p string, labels []source) (out taint, clean bool) {
	for _, en := range t.entries() {
		if isPrefix(en.p, p) {
			if en.p == p && len(en.v) == 0 {
				clean = true
			}
			out, _ = out.union(en.v.extend(p[len(en.p):], labels))
		}
	}
	if len(out) > 1 {
		out = sortTaint(append(taint(nil), out...)) // out may be shared
	}
	return out, clean
}

// sub returns the tree of the value at path p, re-rooted.
func (t tree) sub(p string, labels []source) tree {
	if p == "" {
		return t
	}
	var out tree
	for _, en := range t.entries() {
		k, v := en.p, en.v
		switch {
		case isPrefix(k, p):
			if len(v) == 0 && k != p {
				continue
			}
			if out == nil {
				out = newTree(1)
			}
			n, _ := out.at0("").union(v.extend(p[len(k):], labels))
			out.setKey("", n)
		case isPrefix(p, k):
			if out == nil {
				out = newTree(1)
			}
			n, _ := out.at0(k[len(p):]).union(v)
			out.setKey(k[len(p):], n)
		}
	}
	return out
}

// all returns every origin in the tree: the value used as a whole.
func (t tree) all() taint {
	var out taint
	for _, en := range t.entries() {
		out, _ = out.union(en.v)
	}
	return out
}

// cleaned returns the paths explicitly cleaned.
func (t tree) cleaned() []string {
	var out []string
	for _, en := range t.entries() {
		if len(en.v) == 0 {
			out = append(out, en.p)
		}
	}
	return out
}

// cleanedAbove reports whether p or one of its ancestors is marked clean:
// what the place held before (a parameter's content) is gone.
func (t tree) cleanedAbove(p string) bool {
	for _, en := range t.entries() {
		if len(en.v) == 0 && isPrefix(en.p, p) {
			return true
		}
	}
	return false
}

// sanitised returns, for a value that is sanitised through and through
// (every origin in t passed a sanitizer), the concrete sources it holds:
// a value that passed a sanitizer as a whole holds its type's user-data
// fields so, and using it whole later does not add them again
// unsanitised. A value that may also be the unsanitised one (a merge of
// both) returns nil.
func (t tree) sanitised() map[int]bool {
	var out map[int]bool
	for _, en := range t.entries() {
		for _, o := range en.v {
			if !o.san {
				return nil
			}
			if o.ext == "" && !o.whole {
				if out == nil {
					out = make(map[int]bool)
				}
				out[o.src] = true
			}
		}
	}
	return out
}

// size is the number of origins in t.
func (t tree) size() int {
	n := 0
	for _, en := range t.entries() {
		n += len(en.v)
	}
	return n
}

// put adds u at path p (a weak update). It reports a change. u's paths
// are added in sorted order, so that where several of them land at one
// place (a path cut by joinPath, or folded by slot) the result is
// deterministic.
func (t tree) put(p string, u tree) bool {
	changed := false
	if t == u {
		u = u.clone() // t grows as u is read
	}
	for _, en := range u.entries() {
		if t.put1(joinPath(p, en.p), en.v) {
			changed = true
		}
	}
	return changed
}

func (t tree) put1(q string, v taint) bool {
	if len(v) == 0 {
		return false // clean marks only come from strong updates
	}
	q = t.slot(q)
	i, had := t.find(q)
	var old taint
	if had {
		old = t.ents[i].v
	}
	n, c := old.union(v)
	if c || !had {
		if had {
			t.ents[i].v = n
		} else {
			t.ents = slices.Insert(t.ents, i, treeEntry{q, n})
		}
		return true
	}
	return false
}

// maxTreePaths bounds the access paths one tree tracks. Pointers being
// transparent, a value that reaches a linked structure (a parser's state,
// a graph of blocks) would otherwise hold one path per way of walking it,
// up to maxPathParts deep, and every summary edge and union would cost
// their number.
const maxTreePaths = 32

// slot returns the path under which t keeps data stored at path q: q
// itself while t has room or already tracks q; once t is full, the nearest
// ancestor of q that t tracks (below the value itself), else q's first
// part. Like a path cut at maxPathParts, this coarsens (the enclosing value
// counts as a whole) and never drops data.
func (t tree) slot(q string) string {
	if t.len() < maxTreePaths {
		return q
	}
	if _, ok := t.find(q); ok {
		return q
	}
	first := cutPath(q, 1)
	for a := parentPath(q); len(a) > len(first); a = parentPath(a) {
		if _, ok := t.find(a); ok {
			return a
		}
	}
	return first
}

// set replaces the subtree at p by u (a strong update), marking p clean when
// u holds nothing there.
func (t tree) set(p string, u tree) {
	if t == u {
		u = u.clone()
	}
	t.ents = slices.DeleteFunc(t.ents, func(en treeEntry) bool { return isPrefix(p, en.p) })
	if len(u.at0("")) == 0 {
		t.setKey(p, nil)
	}
	for _, en := range u.entries() {
		if len(en.v) > 0 || en.p != "" {
			t.set1(joinPath(p, en.p), en.v)
		}
	}
}

// set1 stores v at q, a path below the one set uses, whose old content
// is gone. Several paths of u cut or folded to one place unite there
// (a clean mark does not hide data that arrived there).
func (t tree) set1(q string, v taint) {
	if s := t.slot(q); s != q {
		if len(v) > 0 {
			n, _ := t.at0(s).union(v)
			t.setKey(s, n)
		} // a clean mark below a folded path is dropped: coarser
		return
	}
	if i, ok := t.find(q); ok {
		if len(v) > 0 {
			t.ents[i].v, _ = t.ents[i].v.union(v)
		}
		return
	}
	t.setKey(q, v)
}

func (t tree) clone() tree {
	if t == nil {
		return nil
	}
	out := newTree(len(t.ents))
	out.ents = append(out.ents, t.ents...)
	return out
}

// join merges u into t at a control-flow merge: taints are united and a path
// stays clean only if it is clean on both sides. It reports a change.
func (t tree) join(u tree) bool {
	changed := false
	t.ents = slices.DeleteFunc(t.ents, func(en treeEntry) bool {
		if len(en.v) != 0 {
			return false
		}
		if w, ok := u.get(en.p); !ok || len(w) > 0 {
			changed = true // clean on one side only
			return true
		}
		return false
	})
	if t.len()+u.len() > maxTreePaths {
		for _, en := range u.entries() {
			if t.put1(en.p, en.v) {
				changed = true
			}
		}
		return changed
	}
	for _, en := range u.entries() {
		if len(en.v) == 0 {
			continue
		}
		n, c := t.at0(en.p).union(en.v)
		if c {
			t.setKey(en.p, n)
			changed = true
		}
	}
	return changed
}

func leaf(t taint) tree {
	if len(t) == 0 {
		return nil
	}
	return leafTree(t)
}

func merge(a, b tree) tree {
	if b.len() == 0 {
		return a
	}
	if a == nil {
		a = newTree(b.len())
	}
	a.put("", b)
	return a
}

func under(p string, t tree) tree {
	if t.len() == 0 {
		return nil
	}
	if p == "" {
		return t // no caller changes what under returns
	}
	out := newTree(t.len())
	out.put(p, t)
	return out
}

func withTaint(t tree, o taint) tree {
	if len(o) == 0 {
		return t
	}
	return merge(t, leaf(o))
}

func withStep(t tree, st Step) tree {
	if t.len() == 0 {
		return t
	}
	out := newTree(len(t.ents))
	for _, en := range t.ents {
		out.ents = append(out.ents, treeEntry{en.p, en.v.withStep(st)})
	}
	return out
}
