package lineage

import (
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// exit handles a call where data leaves the process.
func (s *fstate) exit(c ssa.CallInstruction, name, kind string, data []portSpec, ep endpointSpec, desc string) {
	s.exitArgs(c, callArgs(c.Common()), name, kind, data, ep, desc)
}

// exitArgs is exit with the arguments the specs number.
func (s *fstate) exitArgs(c ssa.CallInstruction, args []ssa.Value, name, kind string, data []portSpec, ep endpointSpec, desc string) {
	// The data per serialiser (most exits have one, none: ""), in the
	// order of the ports.
	type encData struct {
		enc  string
		cols int // see ExitEdge.Cols
		t    taint
	}
	var groups []encData
	for _, p := range data {
		cols := 0
		if k := s.colsParam(args, p); k >= 0 {
			cols = k + 1
		}
		i := 0
		for i < len(groups) && (groups[i].enc != p.enc || groups[i].cols != cols) {
			i++
		}
		if i == len(groups) {
			groups = append(groups, encData{enc: p.enc, cols: cols})
		}
		groups[i].t, _ = groups[i].t.union(s.portTree(args, p, "", true, p.enc).all())
	}
	var expr StrExpr
	folded := false
	for _, g := range groups {
		if len(g.t) == 0 {
			continue
		}
		if !folded { // folding the endpoint costs: only for data that leaves
			expr, folded = s.endpointExpr(args, ep), true
		}
		s.exitDataCols(c, name, kind, g.t, expr, desc, g.enc, g.cols)
	}
}

// colsParam is the index of the function's parameter (or captured
// variable) that names the columns a mapper port writes (portSpec.cols),
// when the call passes it on rather than constant names; else -1.
func (s *fstate) colsParam(args []ssa.Value, p portSpec) int {
	if !p.byCols || p.cols >= len(args) || s.constStrings(args[p.cols]) != nil {
		return -1
	}
	return s.paramIndex(args[p.cols])
}

// endpointExpr evaluates where an exit sends data.
func (s *fstate) endpointExpr(args []ssa.Value, ep endpointSpec) StrExpr {
	return s.spec(&ep, specCtx{args: args}, 0)
}

// exitData records data t reaching an exit: concrete sources become flows,
// symbolic ones become exit edges of the summary.
func (s *fstate) exitData(c ssa.Instruction, name, kind string, t taint, expr StrExpr, desc string) {
	s.exitDataCols(c, name, kind, t, expr, desc, "", 0)
}

// exitDataCols is exitData for data a serialiser enc used ("" none), by a
// mapper whose columns parameter cols names (ExitEdge.Cols; 0: none): a
// parameter's data used whole keeps enc and cols on its exit edge.
func (s *fstate) exitDataCols(c ssa.Instruction, name, kind string, t taint, expr StrExpr, desc, enc string, cols int) {
	if len(t) == 0 || s.e.gwPkgs[s.fn.Pkg.Pkg.Path()] {
		return
	}
	exitStep := s.step(c.Pos(), desc)
	x := Exit{Pos: s.e.pos(c.Pos()), Kind: kind, Callee: name, Func: funcName(s.fn)}
	x.Generated = s.e.cfg.Generated != nil && s.e.cfg.Generated(x.Pos.File)
	var flows flowLabels
	for _, o := range t {
		lab := s.e.sources[o.src]
		if lab.kind == concreteSource {
			flows.add(o.san, lab.field, o.tr)
			if expr.HasParams() {
				s.addExit(ExitEdge{Labels: []Label{lab.field}, Sanitized: o.san, Exit: x, Endpoint: expr}, o.tr, &exitStep, nil)
			}
			continue
		}
		from := Port{Kind: PortParam, Index: lab.index, Path: o.ext, Whole: o.whole}
		x := ExitEdge{From: &from, Sanitized: o.san, Exit: x, Endpoint: expr}
		if o.whole {
			x.Enc = enc
			if o.ext == "" {
				x.Cols = cols
			}
		}
		s.addExit(x, o.tr, &exitStep, nil)
	}
	if flows.any() {
		eps := s.e.endpoints(s.closureBound(expr)) // the same for every origin
		flows.each(func(sanitized bool, labels []Label, tr *trace) {
			s.e.flowTo(Flow{Labels: labels, Exit: x, Endpoints: eps, Sanitized: sanitized}, tr, &exitStep, nil)
		})
	}
}

// flowLabels gathers the user data of one exit, or one call leading to
// exits, as flows: the labels of each origin, sanitised or not, with the
// trace of the first, whose path a new flow takes (as flowTo, called
// once per origin, did). A flow is then recorded with all its labels at
// once: one at a time, each merge copied and sorted the flow's growing
// list (mergeLabels), and at a call that carries a few hundred fields to
// an exit below (the generated 1000-package module) that was a fifth of
// the scan's CPU.
type flowLabels struct {
	labels [2][]Label // by sanitised: 0 no, 1 yes
	tr     [2]*trace
	order  []int // the groups in the order of their first origin
}

func (f *flowLabels) add(sanitized bool, l Label, tr *trace) {
	i := 0
	if sanitized {
		i = 1
	}
	if f.labels[i] == nil {
		f.tr[i] = tr
		f.order = append(f.order, i)
	}
	f.labels[i] = append(f.labels[i], l)
}

func (f *flowLabels) any() bool { return len(f.order) > 0 }

// each calls fn for each group, its labels sorted by field, without
// duplicates.
func (f *flowLabels) each(fn func(sanitized bool, labels []Label, tr *trace)) {
	for _, i := range f.order {
		ls := f.labels[i]
		if !ascending(ls) { // an applied exit edge's labels already are
			slices.SortStableFunc(ls, func(a, b Label) int { return strings.Compare(a.Field, b.Field) })
			ls = slices.CompactFunc(ls, func(a, b Label) bool { return a.Field == b.Field })
		}
		fn(i == 1, ls, f.tr[i])
	}
}

// paramName describes parameter i of the function being analysed, for
// endpoints that depend on it and no caller resolved.
func (s *fstate) paramName(i int, path string) (string, Input) {
	return paramInput(s.fn, i, path)
}

func namedOf(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// addFlow records a flow, merging flows through the same exit and call.
func (e *engine) addFlow(f Flow) {
	if len(f.Endpoints) == 0 {
		f.Endpoints = []Endpoint{{Unresolved: "no destination argument"}}
	}
	if len(f.Path) > maxPathSteps {
		f.PathCut = len(f.Path) - maxPathSteps
		f.Path = append(append([]Step(nil), f.Path[:maxPathSteps/2]...), f.Path[len(f.Path)-maxPathSteps/2:]...)
	}
	k := flowKey{exit: f.Exit.Pos, via: f.Via, san: f.Sanitized}
	old, ok := e.flows[k]
	if !ok {
		f.Labels = e.lists.labels.intern(f.Labels)
		f.Endpoints = e.lists.endpoints.intern(f.Endpoints)
		e.flows[k] = &f
		return
	}
	if !hasLabels(old.Labels, f.Labels) {
		old.Labels = e.lists.labels.intern(mergeLabels(old.Labels, f.Labels))
	}
	if !hasEndpoints(old.Endpoints, f.Endpoints) {
		old.Endpoints = e.lists.endpoints.intern(mergeEndpoints(old.Endpoints, f.Endpoints))
	}
}

// flowTo is addFlow for a flow whose path is base extended by call and
// steps (extendTrace): the path is made only for a flow not recorded yet.
func (e *engine) flowTo(f Flow, base *trace, call *Step, steps []Step) {
	k := flowKey{exit: f.Exit.Pos, via: f.Via, san: f.Sanitized}
	if _, ok := e.flows[k]; !ok {
		f.Path = extendTrace(base, call, steps).steps()
	}
	e.addFlow(f)
}

// maxPathSteps bounds a flow's path, well under GitHub's 1,000 shown
// thread-flow locations.
const maxPathSteps = 200

// lists holds a package's one copy of each label and endpoint list its
// flows carry: the flows of a package mostly carry the same few lists,
// and a package that reaches many exits below it keeps thousands of flows
// until the scan merges them. A copy has no spare room, so that appending
// to it never writes into another flow's list; lists are never changed in
// place (a merge makes a new one).
//
// The steps of the package's summaries are kept the same way: a
// function's edges to several exits or from several fields of a parameter
// often take one path, and every caller's edge repeats its callee's path
// (the generated 1,000-package module: 311 MB of summary steps made, 174
// MB distinct within their packages).
type lists struct {
	labels    interner[Label]
	endpoints interner[Endpoint]
	steps     interner[Step]
}

// interner keeps one copy of each list of Es, keyed by its elements' ids.
type interner[E comparable] struct {
	ids   map[E]int
	lists map[string][]E
}

func (in *interner[E]) intern(xs []E) []E {
	return in.keep(xs, false)
}

// keep is intern for a list the caller gives up (owned: kept as it is
// when it is the first of its kind, not copied).
func (in *interner[E]) keep(xs []E, owned bool) []E {
	if len(xs) == 0 {
		return xs
	}
	if in.ids == nil {
		in.ids, in.lists = make(map[E]int), make(map[string][]E)
	}
	var buf [128]byte
	b := buf[:0]
	for _, x := range xs {
		id, ok := in.ids[x]
		if !ok {
			id = len(in.ids)
			in.ids[x] = id
		}
		b = strconv.AppendInt(b, int64(id), 10)
		b = append(b, ',')
	}
	if got, ok := in.lists[string(b)]; ok {
		return got
	}
	k := string(b)
	c := slices.Clip(xs)
	if !owned {
		c = slices.Clip(append([]E(nil), xs...))
	}
	in.lists[k] = c
	return c
}
