package lineage

import (
	"go/constant"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// argView is how a summary sees the arguments of a call: SSA values, or
// for a callback invoked by a callee, the trees of data the callee passes.
type argView struct {
	vals  []ssa.Value
	trees []tree
	// full caches the whole tree of each SSA argument: a summary applies
	// many edges from one argument.
	full map[int]tree
}

func (v argView) value(i int) ssa.Value {
	if i < 0 || i >= len(v.vals) {
		return nil
	}
	return v.vals[i]
}

// tree returns the data at argument i, path p.
func (s *fstate) viewTree(v argView, i int, p string, whole bool) tree {
	return s.viewTreeEnc(v, i, p, whole, "")
}

// viewTreeEnc is viewTree for a value used whole by serialiser enc,
// which leaves out the fields its tags say (skipFields).
func (s *fstate) viewTreeEnc(v argView, i int, p string, whole bool, enc string) tree {
	p = s.resolveNamed(v, p)
	if strings.Contains(p, methodPart) {
		t := s.viaMethod(v, i, p)
		if whole {
			return leaf(t.all().asWhole(s.e.sources))
		}
		return t
	}
	if i >= 0 && i < len(v.trees) && v.trees[i] != nil {
		t := v.trees[i].sub(p, s.e.sources)
		if whole {
			return leaf(t.all().asWhole(s.e.sources))
		}
		return t
	}
	a := v.value(i)
	if a == nil {
		return nil
	}
	full, ok := v.full[i]
	if !ok {
		full = s.valTree(a)
		if v.full != nil {
			v.full[i] = full
		}
	}
	t := full.sub(p, s.e.sources)
	if !whole {
		return t
	}
	if enc != "" {
		t = s.skipFields(a, p, t, enc)
	}
	all := t.all().asWhole(s.e.sources)
	all, _ = all.union(s.carried(a, p, t, enc))
	return leaf(all)
}

// viaMethod is the data at path p of argument i when p calls a method
// (".()M", see unknownCallOn): the result of M on the value at the path
// before it, as the summaries of the implementations this call can reach
// say (the argument's known dynamic types, or the implementations visible
// here of its interface type). A method this package cannot resolve
// either gives the value whole, as an unknown call does, and a parameter
// of this function passed as the receiver stays a method call on it, for
// this function's callers to resolve.
func (s *fstate) viaMethod(v argView, i int, p string) tree {
	k := strings.Index(p, methodPart)
	prefix, rest := p[:k], p[k+len(methodPart):]
	method, after := rest, ""
	if j := strings.IndexAny(rest, ".["); j >= 0 {
		method, after = rest[:j], rest[j:]
	}
	var recv tree
	a := v.value(i)
	switch {
	case i >= 0 && i < len(v.trees) && v.trees[i] != nil:
		recv = v.trees[i].sub(prefix, s.e.sources)
	case a != nil:
		recv = s.valTree(a).sub(prefix, s.e.sources)
	}
	if recv.len() == 0 {
		return nil
	}
	unresolved := func() tree {
		return leaf(s.methodResult(recv.all(), method)).sub(after, s.e.sources)
	}
	if a == nil || prefix != "" {
		return unresolved()
	}
	var out tree
	found := false
	for _, typ := range s.valueTypes(a) {
		for _, m := range s.methodsNamed(typ, method) {
			found = true
			res, ok := s.resultOf(m, recv)
			if !ok {
				return unresolved()
			}
			out = merge(out, res.sub(after, s.e.sources))
		}
	}
	if !found {
		return unresolved()
	}
	return out
}

// methodsNamed are the methods named name that a call on a value of type
// typ can run: typ's own, or for an interface type the implementations
// visible here.
func (s *fstate) methodsNamed(typ types.Type, name string) []*types.Func {
	if types.IsInterface(typ) {
		iface, _ := typ.Underlying().(*types.Interface)
		for j := 0; iface != nil && j < iface.NumMethods(); j++ {
			if m := iface.Method(j); m.Name() == name {
				return s.e.implementations(m)
			}
		}
		return nil
	}
	var pkg *types.Package
	named := typ
	if p, ok := typ.Underlying().(*types.Pointer); ok {
		named = p.Elem()
	}
	if n, ok := types.Unalias(named).(*types.Named); ok {
		pkg = n.Obj().Pkg()
	}
	if obj, _, _ := types.LookupFieldOrMethod(typ, true, pkg, name); obj != nil {
		if m, ok := obj.(*types.Func); ok {
			return []*types.Func{m}
		}
	}
	return nil
}

// resultOf is what method m returns when called on a receiver holding
// recv, by m's summary (its edges from the receiver and the user data it
// makes itself); false when m has no summary here.
func (s *fstate) resultOf(m *types.Func, recv tree) (tree, bool) {
	sum := s.summaryOf(s.e.targetOf(m))
	if sum == nil {
		return nil, false
	}
	sig, _ := m.Type().(*types.Signature)
	multi := sig != nil && sig.Results().Len() > 1
	to := func(port Port) string {
		if multi {
			return ".#" + itoa(port.Index) + port.Path
		}
		return port.Path
	}
	out := newTree(0)
	for _, ed := range sum.Edges {
		if ed.From.Index != 0 || ed.To.Kind != PortResult {
			continue
		}
		var from tree
		if strings.Contains(ed.From.Path, methodPart) {
			from = leaf(recv.all()) // a getter calling another getter: whole
		} else {
			from = recv.sub(ed.From.Path, s.e.sources)
		}
		if ed.From.Whole {
			from = leaf(from.all().asWhole(s.e.sources))
		}
		if ed.Sanitized {
			san := newTree(from.len())
			for _, en := range from.entries() {
				nv := make(taint, len(en.v))
				for j, o := range en.v {
					o.san = true
					nv[j] = o
				}
				san.ents = append(san.ents, treeEntry{en.p, nv})
			}
			from = san
		}
		out.put(to(ed.To), from)
	}
	for _, g := range sum.Gens {
		if g.To.Kind == PortResult {
			out.put(to(g.To), leaf(taint{{src: s.e.concrete(g.Label), san: g.Sanitized}}))
		}
	}
	return out, true
}

// maxCallbackDepth bounds how deep callbacks handed to callees are followed.
const maxCallbackDepth = 3

// applySummary applies a callee's summary at a call.
func (s *fstate) applySummary(c ssa.CallInstruction, args []ssa.Value, t target, sum *Summary) {
	all := append(append([]ssa.Value(nil), args...), t.bindings...)
	s.applyView(c, argView{vals: all, full: make(map[int]tree)}, t, sum, 0)
}

func (s *fstate) applyView(c ssa.CallInstruction, view argView, t target, sum *Summary, depth int) {
	name := s.e.targetName(t)
	descs, ok := s.e.callDescs[name]
	if !ok {
		descs = [2]string{"passed to " + shortName(name), "returned by " + shortName(name)}
		s.e.callDescs[name] = descs
	}
	callStep := s.step(c.Pos(), descs[0])
	retStep := s.step(c.Pos(), descs[1])
	argStr := func(i int, path string) StrExpr {
		if a := view.value(i); a != nil {
			return s.strAt(a, path, 0)
		}
		return nil
	}
	memo := s.appliedAt(c, sum, depth)
	for i, ed := range sum.Edges {
		from := s.viewTree(view, ed.From.Index, ed.From.Path, ed.From.Whole)
		if from.len() == 0 {
			continue
		}
		if len(memo) > 0 && sameTree(memo[i].in, from) {
			from = memo[i].out
		} else {
			in := from
			var ret *Step
			if ed.To.Kind == PortResult {
				ret = &retStep
			}
			from = extendTree(from, callStep, ed.Steps, ret, ed.Sanitized)
			if memo != nil {
				memo[i] = appliedEdge{in, from}
			}
		}
		s.deliverPort(c, view.vals, ed.To, from, name)
	}
	for _, x := range sum.Exits {
		expr := x.Endpoint.Subst(argStr)
		if x.From == nil {
			if !x.Endpoint.HasParams() {
				continue // the callee's package reports it
			}
			var tr *trace
			for _, st := range x.Steps {
				tr = tr.push(st)
			}
			var tt taint
			for _, l := range x.Labels {
				tt = append(tt, origin{src: s.e.concrete(l), san: x.Sanitized, tr: tr})
			}
			s.exitVia(c, x, tt, expr, nil)
			continue
		}
		var tt taint
		if x.Cols > 0 && x.From.Path == "" && view.value(x.From.Index) != nil {
			tt = s.colsView(view, x)
		} else {
			tt = s.viewTreeEnc(view, x.From.Index, x.From.Path, x.From.Whole, x.Enc).all()
		}
		if len(tt) == 0 {
			continue
		}
		x.Cols = s.colsOf(view, x)
		s.exitVia(c, x, tt, expr, &callStep)
	}
	// The data the callee makes (a response it decodes) is written into
	// the arguments after the exits read them: a hook that sends its
	// context and then keeps the answer it got in the context did not
	// send the answer.
	for _, g := range sum.Gens {
		var tr *trace
		for _, st := range g.Steps {
			tr = tr.push(st)
		}
		tr = tr.push(retStep)
		s.deliverPort(c, view.vals, g.To, leaf(taint{{src: s.e.concrete(g.Label), san: g.Sanitized, tr: tr}}), name)
	}
	if depth < maxCallbackDepth {
		for _, ce := range sum.Calls {
			s.applyCallback(c, view, ce, callStep, depth)
		}
	}
}

// appliedEdge is what one edge of a summary applied at a call carried
// last: the data at its input and that data with the call's steps.
type appliedEdge struct{ in, out tree }

type applyKey struct {
	c     ssa.CallInstruction
	sum   *Summary
	depth int
}

// appliedAt returns the memo of the edges of sum applied at c (one entry
// per edge), in a walk that passes over its blocks more than once; nil in
// one that does not. A pass after the first applies the same summaries
// at the same calls, most often to the same data: the edge whose input
// is what it was (sameTree) delivers what it delivered, without
// extending every origin's path again. On kratos half the summaries
// applied were such repeats, and extending paths made a tenth of all
// the scan allocated.
func (s *fstate) appliedAt(c ssa.CallInstruction, sum *Summary, depth int) []appliedEdge {
	if s.applied == nil || len(sum.Edges) == 0 {
		return nil
	}
	k := applyKey{c, sum, depth}
	m, ok := s.applied[k]
	if !ok {
		m = make([]appliedEdge, len(sum.Edges))
		s.applied[k] = m
	}
	return m
}

// applyCallback applies a callee's call of a function it was given (a
// callback, an iterator's yield) to the functions the caller passes.
func (s *fstate) applyCallback(c ssa.CallInstruction, view argView, ce CallEdge, callStep Step, depth int) {
	fv := view.value(ce.Func.Index)
	if fv == nil {
		return
	}
	// The data the callee hands the callback, per argument.
	var trees []tree
	for _, a := range ce.Args {
		var t taint
		if a.From != nil {
			t = s.viewTree(view, a.From.Index, a.From.Path, a.From.Whole).all()
		} else if a.Label != nil {
			var tr *trace
			for _, st := range a.Steps {
				tr = tr.push(st)
			}
			t = taint{{src: s.e.concrete(*a.Label), san: a.Sanitized, tr: tr}}
		}
		if len(t) == 0 {
			continue
		}
		t = t.withStep(callStep)
		for len(trees) <= a.Index {
			trees = append(trees, nil)
		}
		trees[a.Index] = merge(trees[a.Index], leaf(t))
	}
	if len(trees) == 0 {
		return
	}
	for _, t := range s.funcTargets(fv) {
		sum := s.summaryOf(t)
		if sum == nil {
			continue
		}
		nparams := len(trees)
		if t.fn != nil {
			nparams = max(nparams, len(t.fn.Params))
		}
		vals := make([]ssa.Value, nparams)
		vals = append(vals, t.bindings...)
		s.applyView(c, argView{vals: vals, trees: trees, full: make(map[int]tree)}, t, sum, depth+1)
	}
}

// colsView is what a callee's mapper exit whose columns parameter x.Cols
// names takes of argument x.From: with constant names at this call, the
// columns named; with names this function is given in turn, the value's
// own data (exitVia passes the restriction on, see colsOf); else all of
// it.
func (s *fstate) colsView(view argView, x ExitEdge) taint {
	a := view.value(x.From.Index)
	if cols := s.constStrings(view.value(x.Cols - 1)); len(cols) > 0 {
		return s.columnsTree(a, cols, x.Enc).all()
	}
	if s.colsOf(view, x) > 0 {
		return s.ownTree(a, x.Enc).all()
	}
	return s.viewTreeEnc(view, x.From.Index, "", x.From.Whole, x.Enc).all()
}

// colsOf is ExitEdge.Cols for this function of a callee's exit edge x
// applied at a call: the callee's columns parameter is one of this
// function's parameters; 0 otherwise.
func (s *fstate) colsOf(view argView, x ExitEdge) int {
	if x.Cols == 0 {
		return 0
	}
	if i := s.spilledParamIndex(view.value(x.Cols - 1)); i >= 0 {
		return i + 1
	}
	return 0
}

// spilledParamIndex is paramIndex, also for a parameter captured by a
// closure, which SSA spills to a cell (new T; *t = p) the closure binds.
func (s *fstate) spilledParamIndex(v ssa.Value) int {
	if a, ok := v.(*ssa.Alloc); ok {
		idx := -1
		for _, r := range *a.Referrers() {
			st, ok := r.(*ssa.Store)
			if !ok || st.Addr != a {
				continue
			}
			i := s.paramIndex(st.Val)
			if i < 0 || (idx >= 0 && i != idx) {
				return -1 // assigned something else too
			}
			idx = i
		}
		return idx
	}
	return s.paramIndex(v)
}

// exitVia records data reaching an exit inside a callee; the path of what
// it records is the origin's, then callStep and the callee's steps (none
// without callStep).
func (s *fstate) exitVia(c ssa.CallInstruction, x ExitEdge, t taint, expr StrExpr, callStep *Step) {
	if s.e.gwPkgs[s.fn.Pkg.Pkg.Path()] {
		return
	}
	via := s.e.pos(c.Pos())
	var flows flowLabels
	for _, o := range t {
		lab := s.e.sources[o.src]
		sanitized := o.san || x.Sanitized
		if lab.kind == concreteSource {
			if expr.HasParams() {
				s.addExit(ExitEdge{Labels: []Label{lab.field}, Sanitized: sanitized, Exit: x.Exit, Endpoint: expr}, o.tr, callStep, x.Steps)
			}
			if x.From == nil && expr.HasParams() {
				continue // not resolved here either: a caller may
			}
			flows.add(sanitized, lab.field, o.tr)
			continue
		}
		from := Port{Kind: PortParam, Index: lab.index, Path: o.ext, Whole: o.whole}
		xe := ExitEdge{From: &from, Sanitized: sanitized, Exit: x.Exit, Endpoint: expr, Enc: x.Enc}
		if o.whole && o.ext == "" {
			xe.Cols = x.Cols
		}
		s.addExit(xe, o.tr, callStep, x.Steps)
	}
	if flows.any() {
		// The same for every origin: computed once.
		eps := s.e.endpoints(s.closureBound(expr))
		viaFunc := funcName(s.fn)
		flows.each(func(sanitized bool, labels []Label, tr *trace) {
			s.e.flowTo(Flow{
				Labels:    labels,
				Exit:      x.Exit,
				Endpoints: eps,
				Sanitized: sanitized,
				Via:       via,
				ViaFunc:   viaFunc,
			}, tr, callStep, x.Steps)
		})
	}
}

// resolveNamed resolves the parts of a callee's path that name a field by
// one of its parameters (".{N}", namedByParam) with the call's arguments:
// a constant string names the field; a parameter of this function stays a
// named part, for this function's callers to resolve; anything else cuts
// the path there (the value as a whole: any field may be the one named).
func (s *fstate) resolveNamed(v argView, p string) string {
	var b strings.Builder
	for {
		i := strings.Index(p, ".{")
		if i < 0 {
			break
		}
		j := strings.IndexByte(p[i:], '}')
		if j < 0 {
			break
		}
		n, err := strconv.Atoi(p[i+2 : i+j])
		if err != nil {
			break
		}
		part := ""
		switch a := v.value(n).(type) {
		case *ssa.Const:
			if a.Value != nil && a.Value.Kind() == constant.String {
				part = "." + constant.StringVal(a.Value)
			}
		case *ssa.Parameter:
			if k := s.paramIndex(a); k >= 0 {
				part = namedPart(k)
			}
		}
		if part == "" {
			b.WriteString(p[:i])
			return b.String()
		}
		b.WriteString(p[:i])
		b.WriteString(part)
		p = p[i+j+1:]
	}
	if b.Len() == 0 {
		return p
	}
	b.WriteString(p)
	return b.String()
}

func (s *fstate) deliverPort(c ssa.CallInstruction, all []ssa.Value, to Port, t tree, name string) {
	to.Path = s.resolveNamed(argView{vals: all}, to.Path)
	if to.Kind == PortResult {
		s.deliver(c, all, portSpec{result: true, index: to.Index}, to.Path, t, name)
		return
	}
	if to.Index < 0 {
		return
	}
	if to.Index < len(all) && all[to.Index] != nil {
		s.writeInto(c, s.pointee(all[to.Index]), to.Path, t, name)
		s.enqueueAt(c, all[to.Index], to.Path, t)
	}
}

// extendTrace returns base with call and then steps pushed; base itself
// when call is nil.
func extendTrace(base *trace, call *Step, steps []Step) *trace {
	if call == nil {
		return base
	}
	tr := base.push(*call)
	for _, st := range steps {
		tr = tr.push(st)
	}
	return tr
}

// appendExtended appends to buf the steps of extendTrace(base, call,
// steps), without making the trace: a step equal to the one before it is
// left out, as push leaves it out.
func appendExtended(buf []Step, base *trace, call *Step, steps []Step) []Step {
	buf = base.appendSteps(buf)
	if call == nil {
		return buf
	}
	plain := base != nil && base.seg == nil // push compares with base.step
	push := func(st Step) {
		if !plain || buf[len(buf)-1] != st {
			buf = append(buf, st)
			plain = true
		}
	}
	push(*call)
	for _, st := range steps {
		push(st)
	}
	return buf
}

// sameTree reports whether a and b hold the same data: the same paths,
// the same origins in the same order, each with the same path (equal
// traces, see sameTrace). What extendTree makes of equal trees is equal.
func sameTree(a, b tree) bool {
	if a == b {
		return true
	}
	if a.len() != b.len() {
		return false
	}
	for i, en := range a.entries() {
		fn := b.ents[i]
		if en.p != fn.p || len(en.v) != len(fn.v) {
			return false
		}
		for j := range en.v {
			o, q := &en.v[j], &fn.v[j]
			if o.src != q.src || o.ext != q.ext || o.san != q.san || o.whole != q.whole || o.coarse != q.coarse || !sameTrace(o.tr, q.tr) {
				return false
			}
		}
	}
	return true
}

// sameTrace reports whether a and b are the same path built the same way
// (node by node); paths are shared, so the walk usually stops at a node
// both reach.
func sameTrace(a, b *trace) bool {
	for a != b {
		if a == nil || b == nil || a.n != b.n || a.step != b.step || a.lead != b.lead || !slices.Equal(a.seg, b.seg) {
			return false
		}
		a, b = a.prev, b.prev
	}
	return true
}

// extendTree appends the call step, the callee's steps and, when ret is
// not nil, the return to every origin's trace, in one copy of t.
func extendTree(t tree, call Step, steps []Step, ret *Step, sanitized bool) tree {
	out := newTree(t.len())
	for _, en := range t.entries() {
		nv := make(taint, len(en.v))
		for i, o := range en.v {
			o.tr = o.tr.pushCall(call, steps)
			if ret != nil {
				o.tr = o.tr.push(*ret)
			}
			if sanitized {
				o.san = true
			}
			nv[i] = o
		}
		out.ents = append(out.ents, treeEntry{en.p, nv})
	}
	return out
}
