package lineage

import (
	"go/types"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// maxSummarySteps bounds the steps a summary of the code under scan keeps
// per edge: the first and last halves are kept, with a step between them
// that says how many were left out (capSteps).
const maxSummarySteps = 40

// maxDepSummarySteps is maxSummarySteps for dependencies. Summaries are kept
// for the whole run, and their paths were the largest part of what the
// collector scanned on every cycle (kratos: a quarter of the live heap);
// a path through a dependency shows where it enters and leaves it, and a
// marker says how many steps inside were left out.
const maxDepSummarySteps = 8

// keepSteps is capSteps of tr's steps, made in the walk's scratch list:
// most are in the interner already.
func (s *fstate) keepSteps(tr *trace) []Step {
	s.stepBuf = tr.appendSteps(s.stepBuf[:0])
	return s.e.capSteps(s.stepBuf, false)
}

// capSteps is capStepsTo with the limit of the package under analysis,
// one copy per list of steps in the package (lists). With owned set the
// list is the caller's to give up (the interner may keep it); else the
// interner copies it if it keeps it (a scratch list).
func (e *engine) capSteps(steps []Step, owned bool) []Step {
	limit := maxDepSummarySteps
	if e.cfg.Scanned {
		limit = maxSummarySteps
	}
	if len(steps) > limit {
		steps, owned = capStepsTo(steps, limit), true // a new list
	}
	return e.lists.steps.keep(steps, owned)
}

// maxSummaryEntries bounds the edges, generations and exits of one
// summary; past it the summary says so in Limit.
const maxSummaryEntries = 1 << 14

// maxEdgesPerPair bounds the edges between one parameter and one output:
// past it they merge at the paths they share (coarser, and never dropped),
// so that applying a summary costs little however many fields of a
// parameter the function reads. They merge as little as the bound allows
// (clusterPaths): edges from .d.Subject, .d.Body and .m.To become two,
// from .d and .m, not one from the whole parameter.
const maxEdgesPerPair = 8

func (s *fstate) full() bool {
	if len(s.sum.Edges)+len(s.sum.Gens)+len(s.sum.Exits) >= maxSummaryEntries {
		if s.sum.Limit == "" {
			s.sum.Limit = "summary larger than " + itoa(maxSummaryEntries) + " entries"
			s.e.note(funcName(s.fn) + ": " + s.sum.Limit)
		}
		return true
	}
	return false
}

// addExit records an exit edge of the summary. The summary is the walk's
// output, read by nothing in it: a new entry is no reason for another
// pass (the state it comes from is). Its steps, base's extended by call
// and steps, are made only for a new entry.
func (s *fstate) addExit(x ExitEdge, base *trace, call *Step, steps []Step) {
	k := keyOfExit(&x)
	if _, ok := s.exitKeys[k]; ok || s.full() {
		return
	}
	if s.exitKeys == nil {
		s.exitKeys = make(map[exitKey]int)
	}
	s.stepBuf = appendExtended(s.stepBuf[:0], base, call, steps)
	x.Steps = s.e.capSteps(s.stepBuf, false)
	s.exitKeys[k] = len(s.sum.Exits)
	s.sum.Exits = append(s.sum.Exits, x)
}

// exitKey identifies an exit edge of a summary (under construction, or
// joined, joinSummaries): its origin (a parameter port, or the labels
// produced inside), the exit, the endpoint, whether the data was
// sanitized, and how it was serialised.
type exitKey struct {
	from     Port
	labels   string
	exit     Position
	endpoint string
	san      bool
	enc      string
	cols     int
}

func keyOfExit(x *ExitEdge) exitKey {
	k := exitKey{exit: x.Exit.Pos, endpoint: x.Endpoint.String(), san: x.Sanitized, enc: x.Enc, cols: x.Cols}
	if x.From != nil {
		k.from = *x.From
	} else {
		for _, l := range x.Labels {
			k.labels += l.Field + ","
		}
	}
	return k
}

// output records data t reaching port to of the function.
func (s *fstate) output(to Port, t taint) {
	for _, o := range t {
		lab := s.e.sources[o.src]
		if lab.kind == concreteSource {
			k := genKey{lab.field.Field, to, o.san}
			if _, ok := s.gens[k]; ok || s.full() {
				continue
			}
			s.gens[k] = len(s.sum.Gens)
			s.sum.Gens = append(s.sum.Gens, Gen{Label: lab.field, To: to, Sanitized: o.san, Steps: s.keepSteps(o.tr)})
			continue
		}
		from := Port{Kind: PortParam, Index: lab.index, Path: o.ext, Whole: o.whole}
		if to.Kind == PortParam && from.Index == to.Index && !from.Whole && isPrefix(from.Path, to.Path) {
			continue // what the caller passed, left in place
		}
		k := edgeKey{from, to, o.san}
		if _, ok := s.edges[k]; ok || s.full() {
			continue
		}
		s.edges[k] = len(s.sum.Edges)
		s.sum.Edges = append(s.sum.Edges, Edge{From: from, To: to, Sanitized: o.san, Steps: s.keepSteps(o.tr)})
	}
}

// ret records what a return instruction hands back.
func (s *fstate) ret(in *ssa.Return) {
	for i, r := range in.Results {
		t := s.valTree(r)
		for _, en := range t.entries() {
			s.output(Port{Kind: PortResult, Index: i, Path: en.p}, en.v)
		}
	}
}

// finish records what the function leaves in its parameters' memory and
// the string values of its results.
func (s *fstate) finish() {
	for o := range s.objs {
		obj := s.objs[o]
		if obj.kind != objParam {
			continue
		}
		t := s.union[o]
		for _, en := range t.entries() {
			s.output(Port{Kind: PortParam, Index: obj.index, Path: en.p}, en.v)
		}
	}
	s.resultStrings()
	coarsenSummary(s.sum)
	sortSummary(s.sum)
	compactSummary(s.sum)
}

// compactSummary gives each list of the summary a backing array of its
// length: the lists grew by appending, and a summary lives as long as the
// scan (its package's importers read it), the spare room with it.
func compactSummary(s *Summary) {
	s.Edges = exact(s.Edges)
	s.Gens = exact(s.Gens)
	s.Exits = exact(s.Exits)
	s.Strs = exact(s.Strs)
	s.Calls = exact(s.Calls)
}

func exact[S ~[]E, E any](x S) S {
	if cap(x) == len(x) {
		return x
	}
	return append(make(S, 0, len(x)), x...)
}

func coarsenSummary(s *Summary) {
	type pair struct {
		from       int
		whole, san bool
		to         PortKind
		toIndex    int
	}
	groups := make(map[pair][]int)
	var order []pair
	for i, e := range s.Edges {
		k := pair{e.From.Index, e.From.Whole, e.Sanitized, e.To.Kind, e.To.Index}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
	}
	// Lists of the size they most often keep: nothing merged, so
	// compactSummary has nothing to copy.
	var edges []Edge
	if len(s.Edges) > 0 {
		edges = make([]Edge, 0, len(s.Edges))
	}
	for _, k := range order {
		idx := groups[k]
		if len(idx) <= maxEdgesPerPair {
			for _, i := range idx {
				edges = append(edges, s.Edges[i])
			}
			continue
		}
		for _, g := range clusterPaths(idx, func(i int) (string, string) { return s.Edges[i].From.Path, s.Edges[i].To.Path }) {
			m := s.Edges[g[0]]
			for _, i := range g[1:] {
				m.From.Path = commonPath(m.From.Path, s.Edges[i].From.Path)
				m.To.Path = commonPath(m.To.Path, s.Edges[i].To.Path)
			}
			edges = append(edges, m)
		}
	}
	s.Edges = edges

	type xpair struct {
		from       int
		whole, san bool
		exit       Position
	}
	xgroups := make(map[xpair][]int)
	var xorder []xpair
	var exits []ExitEdge
	if len(s.Exits) > 0 {
		exits = make([]ExitEdge, 0, len(s.Exits))
	}
	for i, x := range s.Exits {
		if x.From == nil {
			exits = append(exits, x)
			continue
		}
		k := xpair{x.From.Index, x.From.Whole, x.Sanitized, x.Exit.Pos}
		if _, ok := xgroups[k]; !ok {
			xorder = append(xorder, k)
		}
		xgroups[k] = append(xgroups[k], i)
	}
	for _, k := range xorder {
		idx := xgroups[k]
		if len(idx) <= maxEdgesPerPair {
			for _, i := range idx {
				exits = append(exits, s.Exits[i])
			}
			continue
		}
		for _, g := range clusterPaths(idx, func(i int) (string, string) { return s.Exits[i].From.Path, "" }) {
			m := s.Exits[g[0]]
			from := *m.From
			for _, i := range g[1:] {
				from.Path = commonPath(from.Path, s.Exits[i].From.Path)
				m.Endpoint = Union(m.Endpoint, s.Exits[i].Endpoint)
			}
			m.From = &from
			exits = append(exits, m)
		}
	}
	s.Exits = exits
}

// clusterPaths splits the edges idx (more than maxEdgesPerPair, their
// paths given by paths) into at most maxEdgesPerPair groups, each to
// merge into one edge: the edges whose paths agree in their first d
// parts, for the largest d that gives few enough groups (d = 0, one
// group, always does). Groups and their edges keep the order of idx.
func clusterPaths(idx []int, paths func(int) (from, to string)) [][]int {
	for d := maxPathParts; d >= 0; d-- {
		type key struct{ from, to string }
		at := make(map[key]int)
		var groups [][]int
		for _, i := range idx {
			f, t := paths(i)
			k := key{cutPath(f, d), cutPath(t, d)}
			g, ok := at[k]
			if !ok {
				if len(groups) == maxEdgesPerPair {
					groups = nil
					break
				}
				g = len(groups)
				at[k] = g
				groups = append(groups, nil)
			}
			groups[g] = append(groups[g], i)
		}
		if groups != nil {
			return groups
		}
	}
	return [][]int{idx}
}

func sortSummary(s *Summary) {
	sortStableBy(s.Edges, func(e *Edge) string { return e.From.String() + e.To.String() })
	sortStableBy(s.Gens, func(g *Gen) string { return g.Label.Field + g.To.String() })
	sort.SliceStable(s.Exits, func(i, j int) bool {
		return s.Exits[i].Exit.Pos.Less(s.Exits[j].Exit.Pos)
	})
}

// sortStableBy sorts xs stably by key, made once per element (a key made
// in the comparison was made n log n times: on kratos a tenth of the
// objects the scan allocated were sort keys of summaries).
func sortStableBy[E any](xs []E, key func(*E) string) {
	if len(xs) < 2 {
		return
	}
	keys := make([]string, len(xs))
	for i := range xs {
		keys[i] = key(&xs[i])
	}
	sort.Stable(byKey[E]{xs, keys})
}

type byKey[E any] struct {
	xs   []E
	keys []string
}

func (b byKey[E]) Len() int           { return len(b.xs) }
func (b byKey[E]) Less(i, j int) bool { return b.keys[i] < b.keys[j] }
func (b byKey[E]) Swap(i, j int) {
	b.xs[i], b.xs[j] = b.xs[j], b.xs[i]
	b.keys[i], b.keys[j] = b.keys[j], b.keys[i]
}

// capStepsTo keeps at most limit steps: the first and last halves and,
// between them, a step that says how many were left out, at the last kept
// step's position: a reader of the path (text, a SARIF code flow) sees
// where it jumps, never a silent cut.
func capStepsTo(steps []Step, limit int) []Step {
	if len(steps) <= limit {
		return steps
	}
	half := limit / 2
	n := 0
	for _, st := range steps[half : len(steps)-half] {
		if k, ok := cutCount(st); ok {
			n += k // an earlier cut, now inside this one
		} else {
			n++
		}
	}
	out := make([]Step, 0, limit+1)
	out = append(out, steps[:half]...)
	out = append(out, Step{Pos: steps[half-1].Pos, Desc: cutDesc(n)})
	return append(out, steps[len(steps)-half:]...)
}

const cutPrefix = "... "

const cutSuffix = " left out here (limit of steps per summary edge) ..."

func cutDesc(n int) string {
	if n == 1 {
		return cutPrefix + "1 step" + cutSuffix
	}
	return cutPrefix + itoa(n) + " steps" + cutSuffix
}

// cutCount reports whether st marks a cut, and how many steps it stands for.
func cutCount(st Step) (int, bool) {
	rest, ok := strings.CutPrefix(st.Desc, cutPrefix)
	if !ok || !strings.HasSuffix(rest, cutSuffix) {
		return 0, false
	}
	num, _, _ := strings.Cut(rest, " ")
	n, err := strconv.Atoi(num)
	return n, err == nil
}

// resultStrings records the string values a function returns, and those
// it stores in the fields of what it returns (a constructor setting a base
// URL), so callers can resolve endpoints built from them.
func (s *fstate) resultStrings() {
	res := s.fn.Signature.Results()
	if res.Len() == 0 {
		return
	}
	var rets []*ssa.Return
	for _, b := range s.fn.Blocks {
		if r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			rets = append(rets, r)
		}
	}
	for i := 0; i < res.Len(); i++ {
		if isError(res.At(i).Type()) {
			// An error is no client and names no destination: its
			// strings (a message, an endpoint remembered by what it
			// wraps) would be work and memory in every summary.
			continue
		}
		// The declared type, and the concrete types behind an interface.
		typs := []types.Type{res.At(i).Type()}
		for _, r := range rets {
			if mi, ok := r.Results[i].(*ssa.MakeInterface); ok {
				typs = append(typs, mi.X.Type())
			}
		}
		var paths []string
		seen := map[string]bool{}
		for _, t := range typs {
			for _, p := range stringPaths(t, 0) {
				if !seen[p] {
					seen[p] = true
					paths = append(paths, p)
				}
			}
		}
		for _, path := range paths {
			var x StrExpr
			for _, r := range rets {
				x = Union(x, s.strAt(r.Results[i], path, 0))
			}
			if informative(x) {
				s.sum.Strs = append(s.sum.Strs, StrOut{To: Port{Kind: PortResult, Index: i, Path: path}, Value: x})
			}
		}
	}
}

// informative reports whether an expression says more than "unknown".
func informative(x StrExpr) bool {
	for _, a := range x {
		for _, p := range a {
			if p.Kind != PartUnknown || !strings.HasPrefix(p.Text, "result of") {
				return true
			}
		}
	}
	return false
}

// stringPaths lists the paths below a value of type t where a string or an
// endpoint may be stored: the value itself, string fields, and the
// endpoints remembered by objects in its fields (two levels deep).
func stringPaths(t types.Type, depth int) []string {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	var out []string
	switch u := t.Underlying().(type) {
	case *types.Basic:
		if u.Info()&types.IsString != 0 {
			out = append(out, "")
		}
	case *types.Struct:
		if depth >= 2 {
			// Deeper structs: only the endpoint the object remembers (a
			// request kept in a wrapper kept in a builder), not its
			// fields, so that recursive types stay small.
			return []string{".#ep"}
		}
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			for _, p := range stringPaths(f.Type(), depth+1) {
				out = append(out, "."+f.Name()+p)
			}
		}
		out = append(out, ".#ep")
	case *types.Interface:
		out = append(out, ".#ep")
	}
	return out
}

// joinSummaries returns the union of old and cur, two summaries of one
// function from successive rounds over its recursive component, coarsened
// and ordered as a walk's summary is (coarsenSummary, sortSummary): what
// either says flows, flows. An entry both have keeps old's steps.
//
// A walk rebuilds the summary from what it reads, and the merges that
// bound a summary (maxEdgesPerPair) make that not monotone: nine edges
// below a parameter's field became one from the field, the next walk,
// reading that one, gave the nine again, and the component went round
// in a cycle of three summaries for all of maxRounds (kratos: 785
// functions did not settle, among them cenkalti/backoff's decorators,
// protobuf's internal/impl and sqlite/lib). Joined, each round's summary
// says at least what the last one did, and a merged edge covers its
// parts from then on (clusterPaths groups them under it again), so the
// rounds settle.
func joinSummaries(old, cur *Summary) *Summary {
	if covers(old, cur) {
		return old
	}
	out := &Summary{Limit: cur.Limit}
	if out.Limit == "" {
		out.Limit = old.Limit
	}
	out.Edges = unionBy(old.Edges, cur.Edges, func(e *Edge) edgeKey { return edgeKey{e.From, e.To, e.Sanitized} })
	out.Gens = unionBy(old.Gens, cur.Gens, func(g *Gen) genKey { return genKey{g.Label.Field, g.To, g.Sanitized} })
	out.Exits = unionBy(old.Exits, cur.Exits, keyOfExit)
	out.Calls = unionBy(old.Calls, cur.Calls, callEdgeKey)
	strs := make(map[Port]int, len(old.Strs)+len(cur.Strs))
	for _, list := range [][]StrOut{old.Strs, cur.Strs} {
		for _, o := range list {
			k := o.To
			if i, ok := strs[k]; ok {
				if !altsCover(out.Strs[i].Value, o.Value) {
					out.Strs[i].Value = Union(out.Strs[i].Value, o.Value)
				}
				continue
			}
			strs[k] = len(out.Strs)
			out.Strs = append(out.Strs, o)
		}
	}
	coarsenSummary(out)
	sortSummary(out)
	compactSummary(out)
	return out
}

// covers reports whether summary a says all that b does: each entry of
// b has one in a between the same ports, sanitised alike, whose paths
// are b's or their ancestors (a merged edge stands for the edges below
// it, coarsenSummary), and, for exits, whose endpoint has every
// alternative of b's. Then joining b adds nothing a caller would see.
func covers(a, b *Summary) bool {
	if a.Limit == "" && b.Limit != "" {
		return false
	}
	// a's entries by the ports or exit they are about, so that each of
	// b's is compared with those only (summaries of a thousand exits).
	type pair struct{ from, to Port }
	ends := func(e *Edge) pair {
		return pair{Port{Kind: e.From.Kind, Index: e.From.Index}, Port{Kind: e.To.Kind, Index: e.To.Index}}
	}
	edges := make(map[pair][]*Edge, len(a.Edges))
	for i := range a.Edges {
		k := ends(&a.Edges[i])
		edges[k] = append(edges[k], &a.Edges[i])
	}
	for i := range b.Edges {
		e := &b.Edges[i]
		if !slices.ContainsFunc(edges[ends(e)], func(f *Edge) bool {
			return f.Sanitized == e.Sanitized && portCovers(f.From, e.From) && portCovers(f.To, e.To)
		}) {
			return false
		}
	}
	for i := range b.Gens {
		g := &b.Gens[i]
		if !slices.ContainsFunc(a.Gens, func(f Gen) bool {
			return f.Label.Field == g.Label.Field && f.Sanitized == g.Sanitized && portCovers(f.To, g.To)
		}) {
			return false
		}
	}
	exits := make(map[Position][]*ExitEdge, len(a.Exits))
	for i := range a.Exits {
		exits[a.Exits[i].Exit.Pos] = append(exits[a.Exits[i].Exit.Pos], &a.Exits[i])
	}
	for i := range b.Exits {
		x := &b.Exits[i]
		if !slices.ContainsFunc(exits[x.Exit.Pos], func(y *ExitEdge) bool {
			if y.Sanitized != x.Sanitized || y.Enc != x.Enc || y.Cols != x.Cols || (y.From == nil) != (x.From == nil) {
				return false
			}
			if x.From != nil && !portCovers(*y.From, *x.From) {
				return false
			}
			if x.From == nil && !hasLabels(y.Labels, x.Labels) {
				return false
			}
			return altsCover(y.Endpoint, x.Endpoint)
		}) {
			return false
		}
	}
	calls := make(map[string]bool, len(a.Calls))
	for i := range a.Calls {
		calls[callEdgeKey(&a.Calls[i])] = true
	}
	for i := range b.Calls {
		if !calls[callEdgeKey(&b.Calls[i])] {
			return false
		}
	}
	for _, o := range b.Strs {
		if !slices.ContainsFunc(a.Strs, func(p StrOut) bool { return p.To == o.To && altsCover(p.Value, o.Value) }) {
			return false
		}
	}
	return true
}

// portCovers reports whether port a stands for port b: the same port, at
// b's path or an ancestor of it, used as a whole value alike.
func portCovers(a, b Port) bool {
	return a.Kind == b.Kind && a.Index == b.Index && a.Whole == b.Whole && isPrefix(a.Path, b.Path)
}

// altsCover reports whether expression a has every alternative of b, or
// has been cut at maxAlts (norm: its "too many possible values" part
// stands for any value, so joining more changes only which alternatives
// the cut keeps).
func altsCover(a, b StrExpr) bool {
	if slices.ContainsFunc(a, func(y StrAlt) bool { return len(y) == 1 && y[0].Kind == PartUnknown && y[0].Text == tooManyValues }) {
		return true
	}
	for _, x := range b {
		k := altString(x)
		if !slices.ContainsFunc(a, func(y StrAlt) bool { return altString(y) == k }) {
			return false
		}
	}
	return true
}

// unionBy returns the entries of a, then those of b whose key no entry
// before them has.
func unionBy[E any, K comparable](a, b []E, key func(*E) K) []E {
	seen := make(map[K]bool, len(a)+len(b))
	out := make([]E, 0, len(a)+len(b))
	for _, list := range [][]E{a, b} {
		for i := range list {
			if k := key(&list[i]); !seen[k] {
				seen[k] = true
				out = append(out, list[i])
			}
		}
	}
	return out
}

// callEdgeKey identifies a callback edge for joinSummaries.
func callEdgeKey(c *CallEdge) string {
	var b strings.Builder
	b.WriteString(c.Func.String())
	for _, a := range c.Args {
		b.WriteString(" " + itoa(a.Index) + ":")
		switch {
		case a.From != nil:
			b.WriteString(a.From.String())
		case a.Label != nil:
			b.WriteString(a.Label.Field)
		}
		b.WriteString(san(a.Sanitized))
	}
	return b.String()
}
