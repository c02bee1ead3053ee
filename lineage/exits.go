package lineage

import (
	"go/types"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// maxSummarySteps bounds the steps a summary keeps per edge: the first and
// last halves are kept, with a step between them that says how many were
// left out (capSteps).
const maxSummarySteps = 40

// maxSummaryEntries bounds the edges, generations and exits of one
// summary; past it the summary says so in Limit.
const maxSummaryEntries = 1 << 14

// exit handles a call where data leaves the process.
func (s *fstate) exit(c ssa.CallInstruction, name, kind string, data []portSpec, ep endpointSpec, desc string) {
	s.exitArgs(c, callArgs(c.Common()), name, kind, data, ep, desc)
}

// exitArgs is exit with the arguments the specs number.
func (s *fstate) exitArgs(c ssa.CallInstruction, args []ssa.Value, name, kind string, data []portSpec, ep endpointSpec, desc string) {
	var t taint
	for _, p := range data {
		t, _ = t.union(s.portTree(args, p, "", true, p.enc).all())
	}
	s.exitData(c, name, kind, t, s.endpointExpr(args, ep), desc)
}

// endpointExpr evaluates where an exit sends data.
func (s *fstate) endpointExpr(args []ssa.Value, ep endpointSpec) StrExpr {
	return s.spec(&ep, specCtx{args: args}, 0)
}

// exitData records data t reaching an exit: concrete labels become flows,
// symbolic ones become exit edges of the summary.
func (s *fstate) exitData(c ssa.Instruction, name, kind string, t taint, expr StrExpr, desc string) {
	if len(t) == 0 || s.e.gwPkgs[s.fn.Pkg.Pkg.Path()] {
		return
	}
	exitStep := s.step(c.Pos(), desc)
	x := Exit{Pos: s.e.pos(c.Pos()), Kind: kind, Callee: name, Func: funcName(s.fn)}
	x.Generated = s.e.cfg.Generated != nil && s.e.cfg.Generated(x.Pos.File)
	var eps []Endpoint
	for _, o := range t {
		lab := s.e.labels[o.lab]
		if lab.kind == concreteLabel {
			if eps == nil {
				eps = s.e.endpoints(s.closureBound(expr), s.paramName) // the same for every origin
			}
			s.e.flowTo(Flow{
				Labels:    []Label{lab.field},
				Exit:      x,
				Endpoints: eps,
				Sanitized: o.san,
			}, o.tr, &exitStep, nil)
			if expr.HasParams() {
				s.addExit(ExitEdge{Labels: []Label{lab.field}, Sanitized: o.san, Exit: x, Endpoint: expr}, o.tr, &exitStep, nil)
			}
			continue
		}
		from := Port{Kind: PortParam, Index: lab.index, Path: o.ext, Whole: o.whole}
		s.addExit(ExitEdge{From: &from, Sanitized: o.san, Exit: x, Endpoint: expr}, o.tr, &exitStep, nil)
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
		e.flows[k] = &f
		return
	}
	old.Labels = mergeLabels(old.Labels, f.Labels)
	old.Endpoints = mergeEndpoints(old.Endpoints, f.Endpoints)
}

// flowTo is addFlow for a flow whose path is base extended by call and
// steps (extendTrace) and whose endpoints the caller may share between
// flows: the path is made, and the endpoints copied, only for a flow not
// recorded yet (a recorded one keeps its own).
func (e *engine) flowTo(f Flow, base *trace, call *Step, steps []Step) {
	k := flowKey{exit: f.Exit.Pos, via: f.Via, san: f.Sanitized}
	if _, ok := e.flows[k]; !ok {
		f.Path = extendTrace(base, call, steps).steps()
		f.Endpoints = append([]Endpoint(nil), f.Endpoints...)
	}
	e.addFlow(f)
}

// maxPathSteps bounds a flow's path, well under GitHub's 1,000 shown
// thread-flow locations.
const maxPathSteps = 200

func mergeLabels(a, b []Label) []Label {
	if hasLabels(a, b) {
		return a
	}
	out := append([]Label(nil), a...)
	for _, l := range b {
		found := false
		for _, m := range out {
			if m.Field == l.Field {
				found = true
			}
		}
		if !found {
			out = append(out, l)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Field < out[j].Field })
	return out
}

// MergeEndpoints unites two endpoint lists, sorted, without duplicates.
func MergeEndpoints(a, b []Endpoint) []Endpoint { return mergeEndpoints(a, b) }

// MergeLabels unites two label lists, sorted by field, without duplicates.
func MergeLabels(a, b []Label) []Label { return mergeLabels(a, b) }

func mergeEndpoints(a, b []Endpoint) []Endpoint {
	if hasEndpoints(a, b) {
		return a
	}
	out := append([]Endpoint(nil), a...)
	for _, x := range b {
		found := false
		for _, y := range out {
			if sameEndpoint(x, y) {
				found = true
			}
		}
		if !found {
			out = append(out, x)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return endpointLess(out[i], out[j]) })
	return out
}

// sameEndpoint reports whether two endpoints are one for merging: the same
// value, host, reason and input.
func sameEndpoint(x, y Endpoint) bool {
	return y.Value == x.Value && y.Unresolved == x.Unresolved && y.Host == x.Host && y.Input == x.Input
}

// endpointLess orders endpoints by value, reason, then input.
func endpointLess(a, b Endpoint) bool {
	if a.Value != b.Value {
		return a.Value < b.Value
	}
	if a.Unresolved != b.Unresolved {
		return a.Unresolved < b.Unresolved
	}
	if a.Input.From != b.Input.From {
		return a.Input.From < b.Input.From
	}
	return !a.Input.Param && b.Input.Param
}

// hasLabels reports whether a, sorted, already holds every field of b:
// mergeLabels would give a back.
func hasLabels(a, b []Label) bool {
	for i := 1; i < len(a); i++ {
		if a[i].Field < a[i-1].Field {
			return false
		}
	}
	for _, l := range b {
		found := false
		for _, m := range a {
			if m.Field == l.Field {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return len(a) > 0
}

// hasEndpoints reports whether a, sorted, already holds every endpoint of
// b: mergeEndpoints would give a back.
func hasEndpoints(a, b []Endpoint) bool {
	for i := 1; i < len(a); i++ {
		if endpointLess(a[i], a[i-1]) {
			return false
		}
	}
	for _, x := range b {
		found := false
		for _, y := range a {
			if sameEndpoint(x, y) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return len(a) > 0
}

// capSteps keeps the first and last halves of steps and, between them, a
// step that says how many were left out, at the last kept step's
// position: a reader of the path (text, a SARIF code flow) sees where it
// jumps, never a silent cut.
func capSteps(steps []Step) []Step {
	if len(steps) <= maxSummarySteps {
		return steps
	}
	half := maxSummarySteps / 2
	n := 0
	for _, st := range steps[half : len(steps)-half] {
		if k, ok := cutCount(st); ok {
			n += k // an earlier cut, now inside this one
		} else {
			n++
		}
	}
	out := make([]Step, 0, maxSummarySteps+1)
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
	k := exitKey{exit: x.Exit.Pos, endpoint: x.Endpoint.String(), san: x.Sanitized}
	if x.From != nil {
		k.from = *x.From
	} else {
		for _, l := range x.Labels {
			k.labels += l.Field + ","
		}
	}
	if _, ok := s.exitKeys[k]; ok || s.full() {
		return
	}
	if s.exitKeys == nil {
		s.exitKeys = make(map[exitKey]int)
	}
	x.Steps = capSteps(extendTrace(base, call, steps).steps())
	s.exitKeys[k] = len(s.sum.Exits)
	s.sum.Exits = append(s.sum.Exits, x)
}

// exitKey identifies an exit edge of a summary under construction: its
// origin (a parameter port, or the labels produced inside), the exit, the
// endpoint and whether the data was sanitized.
type exitKey struct {
	from     Port
	labels   string
	exit     Position
	endpoint string
	san      bool
}

// output records data t reaching port to of the function.
func (s *fstate) output(to Port, t taint) {
	for _, o := range t {
		lab := s.e.labels[o.lab]
		if lab.kind == concreteLabel {
			k := genKey{lab.field.Field, to, o.san}
			if _, ok := s.gens[k]; ok || s.full() {
				continue
			}
			s.gens[k] = len(s.sum.Gens)
			s.sum.Gens = append(s.sum.Gens, Gen{Label: lab.field, To: to, Sanitized: o.san, Steps: capSteps(o.tr.steps())})
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
		s.sum.Edges = append(s.sum.Edges, Edge{From: from, To: to, Sanitized: o.san, Steps: capSteps(o.tr.steps())})
	}
}

// ret records what a return instruction hands back.
func (s *fstate) ret(in *ssa.Return) {
	for i, r := range in.Results {
		t := s.valTree(r)
		for _, k := range t.keys() {
			s.output(Port{Kind: PortResult, Index: i, Path: k}, t[k])
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
		for _, k := range t.keys() {
			s.output(Port{Kind: PortParam, Index: obj.index, Path: k}, t[k])
		}
	}
	s.resultStrings()
	coarsenSummary(s.sum)
	sortSummary(s.sum)
}

// maxEdgesPerPair bounds the edges between one parameter and one output:
// past it they merge into one edge at the paths they share (coarser, and
// never dropped), so that applying a summary costs little however many
// fields of a parameter the function reads.
const maxEdgesPerPair = 8

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
	var edges []Edge
	for _, k := range order {
		idx := groups[k]
		if len(idx) <= maxEdgesPerPair {
			for _, i := range idx {
				edges = append(edges, s.Edges[i])
			}
			continue
		}
		m := s.Edges[idx[0]]
		for _, i := range idx[1:] {
			m.From.Path = commonPath(m.From.Path, s.Edges[i].From.Path)
			m.To.Path = commonPath(m.To.Path, s.Edges[i].To.Path)
		}
		edges = append(edges, m)
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
		m := s.Exits[idx[0]]
		from := *m.From
		for _, i := range idx[1:] {
			from.Path = commonPath(from.Path, s.Exits[i].From.Path)
			m.Endpoint = Union(m.Endpoint, s.Exits[i].Endpoint)
		}
		m.From = &from
		exits = append(exits, m)
	}
	s.Exits = exits
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

func sortSummary(s *Summary) {
	sort.SliceStable(s.Edges, func(i, j int) bool {
		return s.Edges[i].From.String()+s.Edges[i].To.String() < s.Edges[j].From.String()+s.Edges[j].To.String()
	})
	sort.SliceStable(s.Gens, func(i, j int) bool {
		return s.Gens[i].Label.Field+s.Gens[i].To.String() < s.Gens[j].Label.Field+s.Gens[j].To.String()
	})
	sort.SliceStable(s.Exits, func(i, j int) bool {
		return s.Exits[i].Exit.Pos.Less(s.Exits[j].Exit.Pos)
	})
}

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
	if i >= 0 && i < len(v.trees) && v.trees[i] != nil {
		t := v.trees[i].sub(p, s.e.labels)
		if whole {
			return leaf(t.all().asWhole(s.e.labels))
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
	t := full.sub(p, s.e.labels)
	if !whole {
		return t
	}
	all := t.all().asWhole(s.e.labels)
	all, _ = all.union(s.carried(a, p, t, ""))
	return leaf(all)
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
	for _, ed := range sum.Edges {
		from := s.viewTree(view, ed.From.Index, ed.From.Path, ed.From.Whole)
		if len(from) == 0 {
			continue
		}
		from = extendTree(from, callStep, ed.Steps, ed.Sanitized)
		if ed.To.Kind == PortResult {
			from = withStep(from, retStep)
		}
		s.deliverPort(c, view.vals, ed.To, from, name)
	}
	for _, g := range sum.Gens {
		var tr *trace
		for _, st := range g.Steps {
			tr = tr.push(st)
		}
		tr = tr.push(retStep)
		s.deliverPort(c, view.vals, g.To, leaf(taint{{lab: s.e.concrete(g.Label), san: g.Sanitized, tr: tr}}), name)
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
				tt = append(tt, origin{lab: s.e.concrete(l), san: x.Sanitized, tr: tr})
			}
			s.exitVia(c, x, tt, expr, nil)
			continue
		}
		tt := s.viewTree(view, x.From.Index, x.From.Path, x.From.Whole).all()
		if len(tt) == 0 {
			continue
		}
		s.exitVia(c, x, tt, expr, &callStep)
	}
	if depth < maxCallbackDepth {
		for _, ce := range sum.Calls {
			s.applyCallback(c, view, ce, callStep, depth)
		}
	}
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
			t = taint{{lab: s.e.concrete(*a.Label), san: a.Sanitized, tr: tr}}
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
		var sum *Summary
		switch {
		case t.fn != nil:
			sum = s.sumOf(t.fn)
		case t.obj != nil && s.e.cfg.Summary != nil:
			sum = s.e.cfg.Summary(t.obj)
		}
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

// funcTargets resolves a function value to the functions it may hold.
func (s *fstate) funcTargets(v ssa.Value) []target {
	switch v := v.(type) {
	case *ssa.MakeClosure:
		fn, _ := v.Fn.(*ssa.Function)
		if fn = originFn(fn); fn == nil {
			return nil
		}
		t := s.e.targetOfFn(fn)
		t.bindings = v.Bindings
		return []target{t}
	case *ssa.Function:
		return []target{s.e.targetOfFn(originFn(v))}
	case *ssa.MakeInterface:
		return s.funcTargets(v.X)
	case *ssa.ChangeType:
		return s.funcTargets(v.X)
	case *ssa.Call:
		return s.returnedClosures(v)
	}
	var out []target
	for _, r := range s.ptsOf(v) {
		o := s.objs[r.obj]
		if o.kind == objClosure && r.path == "" {
			out = append(out, s.funcTargets(o.val)...)
		}
	}
	if len(out) == 0 {
		out = s.fieldFuncTargets(v)
	}
	return out
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

// exitVia records data reaching an exit inside a callee; the path of what
// it records is the origin's, then callStep and the callee's steps (none
// without callStep).
func (s *fstate) exitVia(c ssa.CallInstruction, x ExitEdge, t taint, expr StrExpr, callStep *Step) {
	if s.e.gwPkgs[s.fn.Pkg.Pkg.Path()] {
		return
	}
	via := s.e.pos(c.Pos())
	var eps []Endpoint
	viaFunc := ""
	for _, o := range t {
		lab := s.e.labels[o.lab]
		sanitized := o.san || x.Sanitized
		if lab.kind == concreteLabel {
			if expr.HasParams() {
				s.addExit(ExitEdge{Labels: []Label{lab.field}, Sanitized: sanitized, Exit: x.Exit, Endpoint: expr}, o.tr, callStep, x.Steps)
			}
			if x.From == nil && expr.HasParams() {
				continue // not resolved here either: a caller may
			}
			if eps == nil {
				// The same for every origin: computed once.
				eps = s.e.endpoints(s.closureBound(expr), s.paramName)
				viaFunc = funcName(s.fn)
			}
			s.e.flowTo(Flow{
				Labels:    []Label{lab.field},
				Exit:      x.Exit,
				Endpoints: eps,
				Sanitized: sanitized,
				Via:       via,
				ViaFunc:   viaFunc,
			}, o.tr, callStep, x.Steps)
			continue
		}
		from := Port{Kind: PortParam, Index: lab.index, Path: o.ext, Whole: o.whole}
		s.addExit(ExitEdge{From: &from, Sanitized: sanitized, Exit: x.Exit, Endpoint: expr}, o.tr, callStep, x.Steps)
	}
}

func (s *fstate) deliverPort(c ssa.CallInstruction, all []ssa.Value, to Port, t tree, name string) {
	if to.Kind == PortResult {
		s.deliver(c, all, portSpec{result: true, index: to.Index}, to.Path, t, name)
		return
	}
	if to.Index < 0 {
		return
	}
	if to.Index < len(all) && all[to.Index] != nil {
		s.writeInto(c, s.pointee(all[to.Index]), to.Path, t, name)
	}
}

// extendTree appends the call step and the callee's steps to every
// origin's trace.
func extendTree(t tree, call Step, steps []Step, sanitized bool) tree {
	out := make(tree, len(t))
	for k, v := range t {
		nv := make(taint, len(v))
		for i, o := range v {
			o.tr = o.tr.push(call).pushSeg(steps)
			if sanitized {
				o.san = true
			}
			nv[i] = o
		}
		out[k] = nv
	}
	return out
}

// returnedClosures resolves the result of a call to a function of this
// package that returns a closure (an iterator constructor): the closure,
// with its captured parameters mapped to the call's arguments.
func (s *fstate) returnedClosures(c *ssa.Call) []target {
	callee := originFn(c.Common().StaticCallee())
	if callee == nil || callee.Pkg != s.e.cfg.Pkg || callee.Signature.Results().Len() != 1 {
		return nil
	}
	args := c.Common().Args
	mapArg := func(b ssa.Value) ssa.Value {
		if a, ok := b.(*ssa.Alloc); ok {
			// A captured parameter is spilled: new T (p); *t = p.
			for _, r := range *a.Referrers() {
				if st, ok := r.(*ssa.Store); ok && st.Addr == a {
					b = st.Val
				}
			}
		}
		for i, p := range callee.Params {
			if p == b && i < len(args) {
				return args[i]
			}
		}
		return nil
	}
	var out []target
	for _, b := range callee.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(ret.Results) != 1 {
			continue
		}
		v := ret.Results[0]
		if ct, ok := v.(*ssa.ChangeType); ok {
			v = ct.X
		}
		mc, ok := v.(*ssa.MakeClosure)
		if !ok {
			continue
		}
		fn, _ := mc.Fn.(*ssa.Function)
		if fn = originFn(fn); fn == nil {
			continue
		}
		t := s.e.targetOfFn(fn)
		for _, b := range mc.Bindings {
			t.bindings = append(t.bindings, mapArg(b))
		}
		out = append(out, t)
	}
	return out
}
