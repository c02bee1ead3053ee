package lineage

import (
	"slices"
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
// An origin is either a concrete source (a user-data field) or a symbolic
// one: "what the caller passed as parameter i, at path P". Symbolic origins
// are how summaries are computed: the engine analyses a function once with
// symbolic inputs and records which inputs reach which outputs.

// sourceKind tells concrete from symbolic sources.
type sourceKind uint8

const (
	concreteSource sourceKind = iota // a user-data field
	paramSource                      // the value a caller passes as a parameter
	freeSource                       // a variable captured by a closure
)

// source is where data comes from, interned per engine run: a user-data
// field (a Label) or a symbolic input (a parameter, a free variable).
type source struct {
	kind  sourceKind
	index int   // parameter or free variable index
	field Label // concrete
}

// origin is one source reaching a value, with the path it took.
type origin struct {
	src int // index into the engine's source table
	// ext is the access path below the symbolic input ("" for concrete
	// sources): reading field Email of parameter 0 yields (param 0, ".Email").
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

func (o origin) key() originKey { return originKey{o.src, o.ext, o.whole, o.san} }

type originKey struct {
	src   int
	ext   string
	whole bool
	san   bool
}

func (o *origin) is(k originKey) bool {
	return o.src == k.src && o.whole == k.whole && o.san == k.san && o.ext == k.ext
}

// trace is a flow's path, newest step first. Traces are shared: extending
// one allocates a single node.
type trace struct {
	step Step
	// seg, when not nil, is a run of steps (a callee's path from a
	// summary) added at once, in place of step, or after it when lead
	// is set (the call into the callee, then its path: one node).
	seg  []Step
	lead bool
	prev *trace
	n    int // number of steps up to and including this one
}

// pushCall appends a call step and the callee's steps with one
// allocation.
func (t *trace) pushCall(call Step, seg []Step) *trace {
	if len(seg) == 0 {
		return t.push(call)
	}
	if t != nil && t.seg == nil && t.step == call {
		return t.pushSeg(seg)
	}
	n := 1 + len(seg)
	if t != nil {
		n += t.n
	}
	return &trace{step: call, seg: seg, lead: true, prev: t, n: n}
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
	t.fill(out)
	return out
}

// appendSteps appends the path, oldest first, to buf.
func (t *trace) appendSteps(buf []Step) []Step {
	if t == nil {
		return buf
	}
	buf = slices.Grow(buf, t.n)
	t.fill(buf[len(buf) : len(buf)+t.n])
	return buf[:len(buf)+t.n]
}

// fill writes the path, oldest first, to out, of length t.n.
func (t *trace) fill(out []Step) {
	for i := t.n - 1; t != nil && i >= 0; t = t.prev {
		if t.seg != nil {
			i -= len(t.seg)
			copy(out[i+1:], t.seg)
			if t.lead {
				out[i] = t.step
				i--
			}
			continue
		}
		out[i] = t.step
		i--
	}
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
		if c.coarse && c.src == o.src && c.whole == o.whole && c.san == o.san && isPrefix(c.ext, o.ext) {
			return true
		}
	}
	return false
}

// union returns t with the origins of u it lacks; t is not modified when
// nothing is added. The bool reports a change. A set that grows past
// maxOrigins is coarsened (see coarsen), which keeps every source.
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
// path counts), never dropped. Concrete sources are kept one each.
func (t taint) coarsen() taint {
	type group struct {
		src        int
		whole, san bool
	}
	idx := make(map[group]int, len(t))
	out := make(taint, 0, len(t))
	for _, o := range t {
		g := group{o.src, o.whole, o.san}
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
func (t taint) asWhole(labels []source) taint {
	var out taint
	for _, o := range t {
		if labels[o.src].kind != concreteSource && !o.whole {
			o.whole = true
		}
		out = append(out, o)
	}
	return out
}

// extend appends p to the path of symbolic origins (concrete sources are
// whole already).
func (t taint) extend(p string, labels []source) taint {
	if p == "" || len(t) == 0 {
		return t
	}
	out := make(taint, 0, len(t))
	for _, o := range t {
		if labels[o.src].kind != concreteSource && !o.whole {
			o.ext = joinPath(o.ext, p)
		}
		out = append(out, o)
	}
	return out
}

func sortTaint(t taint) taint {
	sort.SliceStable(t, func(i, j int) bool {
		a, b := t[i], t[j]
		if a.src != b.src {
			return a.src < b.src
		}
		if a.ext != b.ext {
			return a.ext < b.ext
		}
		return !a.whole && b.whole
	})
	return t
}
