package lineage

import (
	"sort"
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
type tree map[string]taint

// at returns the taint of the value at path p: entries at p and at its
// ancestors (a tainted struct taints its fields), symbolic ones extended.
// It also reports whether p was explicitly cleaned.
func (t tree) at(p string, labels []source) (out taint, clean bool) {
	for _, k := range t.keys() {
		v := t[k]
		if isPrefix(k, p) {
			if k == p && len(v) == 0 {
				clean = true
			}
			out, _ = out.union(v.extend(p[len(k):], labels))
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
	for _, k := range t.keys() {
		v := t[k]
		switch {
		case isPrefix(k, p):
			if len(v) == 0 && k != p {
				continue
			}
			if out == nil {
				out = tree{}
			}
			out[""], _ = out[""].union(v.extend(p[len(k):], labels))
		case isPrefix(p, k):
			if out == nil {
				out = tree{}
			}
			out[k[len(p):]], _ = out[k[len(p):]].union(v)
		}
	}
	return out
}

// all returns every origin in the tree: the value used as a whole.
func (t tree) all() taint {
	var out taint
	for _, k := range t.keys() {
		out, _ = out.union(t[k])
	}
	return out
}

// cleaned returns the paths explicitly cleaned.
func (t tree) cleaned() []string {
	var out []string
	for _, k := range t.keys() {
		if len(t[k]) == 0 {
			out = append(out, k)
		}
	}
	return out
}

// cleanedAbove reports whether p or one of its ancestors is marked clean:
// what the place held before (a parameter's content) is gone.
func (t tree) cleanedAbove(p string) bool {
	for k, v := range t {
		if len(v) == 0 && isPrefix(k, p) {
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
	for _, v := range t {
		for _, o := range v {
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
	for _, v := range t {
		n += len(v)
	}
	return n
}

func (t tree) keys() []string {
	ks := make([]string, 0, len(t))
	for k := range t {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// put adds u at path p (a weak update). It reports a change.
func (t tree) put(p string, u tree) bool {
	changed := false
	if orderMatters(t, p, u) {
		for _, k := range u.keys() {
			if t.put1(joinPath(p, k), u[k]) {
				changed = true
			}
		}
		return changed
	}
	for k, v := range u {
		if t.put1(joinPath(p, k), v) {
			changed = true
		}
	}
	return changed
}

// orderMatters reports whether adding u's paths below p to t may put
// several of them at one place (a path cut by joinPath, or folded by
// slot), where the order they arrive in shows (which origins come first,
// where a coarsened set ends): they are then added in sorted order, so
// that the result is deterministic. Paths of a tree being at most
// maxPathParts long, below "" they are only folded.
func orderMatters(t tree, p string, u tree) bool {
	return len(u) > 1 && (p != "" || len(t)+len(u) > maxTreePaths)
}

func (t tree) put1(q string, v taint) bool {
	if len(v) == 0 {
		return false // clean marks only come from strong updates
	}
	q = t.slot(q)
	old, had := t[q]
	n, c := old.union(v)
	if c || !had {
		t[q] = n
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
	if len(t) < maxTreePaths {
		return q
	}
	if _, ok := t[q]; ok {
		return q
	}
	first := cutPath(q, 1)
	for a := parentPath(q); len(a) > len(first); a = parentPath(a) {
		if _, ok := t[a]; ok {
			return a
		}
	}
	return first
}

// set replaces the subtree at p by u (a strong update), marking p clean when
// u holds nothing there.
func (t tree) set(p string, u tree) {
	for k := range t {
		if isPrefix(p, k) {
			delete(t, k)
		}
	}
	if len(u[""]) == 0 {
		t[p] = nil
	}
	if orderMatters(t, p, u) {
		for _, k := range u.keys() {
			if v := u[k]; len(v) > 0 || k != "" {
				t.set1(joinPath(p, k), v)
			}
		}
		return
	}
	for k, v := range u {
		if len(v) > 0 || k != "" {
			t.set1(joinPath(p, k), v)
		}
	}
}

// set1 stores v at q, a path below the one set uses, whose old content
// is gone. Several paths of u cut or folded to one place unite there
// (a clean mark does not hide data that arrived there).
func (t tree) set1(q string, v taint) {
	if s := t.slot(q); s != q {
		if len(v) > 0 {
			t[s], _ = t[s].union(v)
		} // a clean mark below a folded path is dropped: coarser
		return
	}
	if old, ok := t[q]; ok {
		if len(v) > 0 {
			t[q], _ = old.union(v)
		}
		return
	}
	t[q] = v
}

func (t tree) clone() tree {
	if t == nil {
		return nil
	}
	out := make(tree, len(t))
	for k, v := range t {
		out[k] = v
	}
	return out
}

// join merges u into t at a control-flow merge: taints are united and a path
// stays clean only if it is clean on both sides. It reports a change.
func (t tree) join(u tree) bool {
	changed := false
	for k, v := range t {
		if len(v) == 0 {
			if w, ok := u[k]; !ok || len(w) > 0 {
				delete(t, k) // clean on one side only
				changed = true
			}
		}
	}
	if len(t)+len(u) > maxTreePaths {
		for _, k := range u.keys() {
			if t.put1(k, u[k]) {
				changed = true
			}
		}
		return changed
	}
	for k, v := range u {
		if len(v) == 0 {
			continue
		}
		n, c := t[k].union(v)
		if c {
			t[k] = n
			changed = true
		}
	}
	return changed
}

func leaf(t taint) tree {
	if len(t) == 0 {
		return nil
	}
	return tree{"": t}
}

func merge(a, b tree) tree {
	if len(b) == 0 {
		return a
	}
	if a == nil {
		a = tree{}
	}
	a.put("", b)
	return a
}

func under(p string, t tree) tree {
	if len(t) == 0 {
		return nil
	}
	if p == "" {
		return t // no caller changes what under returns
	}
	out := tree{}
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
	if len(t) == 0 {
		return t
	}
	out := tree{}
	for k, v := range t {
		out[k] = v.withStep(st)
	}
	return out
}
