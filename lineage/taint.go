package lineage

import (
	"sort"
	"strings"
)

// This file holds the taint domain: what the engine knows about one value.
//
// A value's taint is a tree keyed by access path: "" is the value itself,
// ".Email" a field, "[]" any element of a slice, array, map or channel, and
// paths compose (".Items[].Email"). Pointers are transparent: the data a
// pointer points to is kept at the same paths as the pointer, so that `p`,
// `*p` and `&*p` share one tree. Each entry holds a set of origins.
//
// An origin is either a concrete label (a user-data field) or a symbolic
// one: "what the caller passed as parameter i, at path P". Symbolic origins
// are how summaries are computed: the engine analyses a function once with
// symbolic inputs and records which inputs reach which outputs.

// labelKind tells concrete from symbolic labels.
type labelKind uint8

const (
	concreteLabel labelKind = iota // a user-data field
	paramLabel                     // the value a caller passes as a parameter
	freeLabel                      // a variable captured by a closure
)

// label is an interned label of one engine run.
type label struct {
	kind  labelKind
	index int   // parameter or free variable index
	field Label // concrete
}

// origin is one label reaching a value, with the path it took.
type origin struct {
	lab int // index into the engine's label table
	// ext is the access path below the symbolic input ("" for concrete
	// labels): reading field Email of parameter 0 yields (param 0, ".Email").
	ext string
	// san marks data that passed a policy sanitizer: still lineage, never a
	// finding.
	san bool
	// whole marks a symbolic origin used as a whole value (serialised,
	// formatted, sent): the caller adds the user-data fields its type holds.
	whole bool
	// coarse marks a symbolic origin that coarsen made of several: it
	// stands for the caller's value at ext and anything below it, so
	// origins of the same input below ext add nothing to it.
	coarse bool
	tr     *trace
}

func (o origin) key() originKey { return originKey{o.lab, o.ext, o.whole, o.san} }

type originKey struct {
	lab   int
	ext   string
	whole bool
	san   bool
}

// trace is a flow's path, newest step first. Traces are shared: extending
// one allocates a single node.
type trace struct {
	step Step
	// seg, when not nil, is a run of steps (a callee's path from a
	// summary) added at once, in place of step.
	seg  []Step
	prev *trace
	n    int // number of steps up to and including this one
}

// pushSeg appends a run of steps with one allocation.
func (t *trace) pushSeg(seg []Step) *trace {
	if len(seg) == 0 {
		return t
	}
	n := len(seg)
	if t != nil {
		n += t.n
	}
	return &trace{seg: seg, prev: t, n: n}
}

func (t *trace) push(s Step) *trace {
	if t != nil && t.seg == nil && t.step == s {
		return t
	}
	n := 1
	if t != nil {
		n = t.n + 1
	}
	return &trace{step: s, prev: t, n: n}
}

// steps returns the path oldest first.
func (t *trace) steps() []Step {
	if t == nil {
		return nil
	}
	out := make([]Step, t.n)
	for i := t.n - 1; t != nil && i >= 0; t = t.prev {
		if t.seg != nil {
			i -= len(t.seg)
			copy(out[i+1:], t.seg)
			continue
		}
		out[i] = t.step
		i--
	}
	return out
}

// taint is a set of origins, at most one per originKey, kept in insertion
// order (the engine's walk is deterministic, so is the order).
type taint []origin

func (t taint) has(k originKey) bool {
	for i := range t {
		if t[i].is(k) {
			return true
		}
	}
	return false
}

func (o *origin) is(k originKey) bool {
	return o.lab == k.lab && o.whole == k.whole && o.san == k.san && o.ext == k.ext
}

// hasInOrder reports whether every origin of u is in t, in the same
// order: in one linear walk, the common case of data that flows again
// along a way it took before.
func (t taint) hasInOrder(u taint) bool {
	j := 0
	for i := range u {
		k := u[i].key()
		for j < len(t) && !t[j].is(k) {
			j++
		}
		if j == len(t) {
			return false
		}
		j++
	}
	return true
}

// normal reports whether u is what union would make of it, added to
// nothing: no key twice, no origin a coarse one before it stands for, and
// not over maxOrigins.
func (u taint) normal() bool {
	if len(u) > maxOrigins {
		return false
	}
	for i := 1; i < len(u); i++ {
		k := u[i].key()
		if u[:i].has(k) || u[:i].covers(u[i]) {
			return false
		}
	}
	return true
}

// covers reports whether a coarse origin of t stands for o.
func (t taint) covers(o origin) bool {
	if o.ext == "" {
		return false
	}
	for _, c := range t {
		if c.coarse && c.lab == o.lab && c.whole == o.whole && c.san == o.san && isPrefix(c.ext, o.ext) {
			return true
		}
	}
	return false
}

// union returns t with the origins of u it lacks; t is not modified when
// nothing is added. The bool reports a change. A set that grows past
// maxOrigins is coarsened (see coarsen), which keeps every label.
func (t taint) union(u taint) (taint, bool) {
	if len(u) == 0 || t.hasInOrder(u) {
		return t, false
	}
	if len(t) == 0 && u.normal() {
		// Taints are never changed in place (union copies on change):
		// u can be shared.
		return u, true
	}
	changed := false
	orig := t
	for _, o := range u {
		if !t.has(o.key()) && !t.covers(o) {
			if !changed {
				t = append(make(taint, 0, len(t)+len(u)), t...)
				changed = true
			}
			t = append(t, o)
		}
	}
	if changed && len(t) > maxOrigins {
		t = t.coarsen()
		if sameKeys(t, orig) {
			// What u added folds into origins t already had (at the
			// paths they share): nothing changed. Reporting a change
			// here would keep a function's fixed point from settling.
			return orig, false
		}
	}
	return t, changed
}

// sameKeys reports whether t and u hold the same origin keys in the same
// order.
func sameKeys(t, u taint) bool {
	if len(t) != len(u) {
		return false
	}
	for i := range t {
		if t[i].key() != u[i].key() {
			return false
		}
	}
	return true
}

// maxOrigins bounds an origin set. Functions that read many fields of a
// parameter (a parser's state) would otherwise carry one symbolic origin
// per field path everywhere, and every union would cost the product.
const maxOrigins = 24

// coarsen merges the symbolic origins of one parameter into one, at the
// longest access path they share: coarser (the caller's whole value at that
// path counts), never dropped. Concrete labels are kept one each.
func (t taint) coarsen() taint {
	type group struct {
		lab        int
		whole, san bool
	}
	idx := make(map[group]int, len(t))
	out := make(taint, 0, len(t))
	for _, o := range t {
		g := group{o.lab, o.whole, o.san}
		i, ok := idx[g]
		if !ok {
			idx[g] = len(out)
			out = append(out, o)
			continue
		}
		out[i].ext = commonPath(out[i].ext, o.ext)
		out[i].coarse = true
	}
	return out
}

// commonPath returns the longest path both a and b lie under.
func commonPath(a, b string) string {
	for a != "" && !isPrefix(a, b) {
		i := strings.LastIndexAny(a, ".[")
		if i < 0 {
			return ""
		}
		a = a[:i]
	}
	return a
}

// withStep returns t with every origin's trace extended by s.
func (t taint) withStep(s Step) taint {
	if len(t) == 0 {
		return nil
	}
	out := make(taint, len(t))
	for i, o := range t {
		o.tr = o.tr.push(s)
		out[i] = o
	}
	return out
}

// asWhole marks symbolic origins as used as a whole value.
func (t taint) asWhole(labels []label) taint {
	var out taint
	for _, o := range t {
		if labels[o.lab].kind != concreteLabel && !o.whole {
			o.whole = true
		}
		out = append(out, o)
	}
	return out
}

// extend appends p to the path of symbolic origins (concrete labels are
// whole already).
func (t taint) extend(p string, labels []label) taint {
	if p == "" || len(t) == 0 {
		return t
	}
	out := make(taint, 0, len(t))
	for _, o := range t {
		if labels[o.lab].kind != concreteLabel && !o.whole {
			o.ext = joinPath(o.ext, p)
		}
		out = append(out, o)
	}
	return out
}

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

// tree is a value's taint by access path. An entry with an empty taint but
// present key marks a path known to hold no user data (a strong update with
// a clean value), which hides the user-data fields its type would
// otherwise carry.
type tree map[string]taint

// at returns the taint of the value at path p: entries at p and at its
// ancestors (a tainted struct taints its fields), symbolic ones extended.
// It also reports whether p was explicitly cleaned.
func (t tree) at(p string, labels []label) (out taint, clean bool) {
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
func (t tree) sub(p string, labels []label) tree {
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
// (every origin in t passed a sanitizer), the concrete labels it holds:
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
				out[o.lab] = true
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

// parentPath drops the last part of a path.
func parentPath(p string) string {
	if i := strings.LastIndexAny(p, ".["); i >= 0 {
		return p[:i]
	}
	return ""
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

func sortTaint(t taint) taint {
	sort.SliceStable(t, func(i, j int) bool {
		a, b := t[i], t[j]
		if a.lab != b.lab {
			return a.lab < b.lab
		}
		if a.ext != b.ext {
			return a.ext < b.ext
		}
		return !a.whole && b.whole
	})
	return t
}
