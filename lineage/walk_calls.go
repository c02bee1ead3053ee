package lineage

import (
	"go/token"
	"go/types"
	"strings"

	"github.com/datagate/datagate/knowledge"
	"github.com/datagate/datagate/lineage/policy"
	"golang.org/x/tools/go/ssa"
)

// call analyses a call, go or defer instruction. A go or defer call runs
// later (concurrently, or at return), so it reads everything stored
// anywhere in the function (late).
func (s *fstate) call(c ssa.CallInstruction, late bool) {
	if late && !s.coarse { // coarse: the current heap is already the union
		s.lateCall(c)
		defer s.endLateCall()
	}
	common := c.Common()
	s.callPos = c.Pos()
	if f := common.StaticCallee(); f != nil && f.Pkg != s.e.cfg.Pkg && f.Synthetic == "package initializer" {
		return // an imported package's initialiser, called by this one's
	}
	args := callArgs(common)
	if b, ok := common.Value.(*ssa.Builtin); ok {
		s.builtin(c, b, args)
		return
	}
	targets := s.callees(common)
	if len(targets) == 0 {
		if s.funcTypeExit(c, common) {
			return
		}
		if !s.paramCall(c, common) {
			s.unknownCall(c, args, s.dynamicName(c))
			s.unknownIterator(c, common, args)
		}
		return
	}
	s.closuresPassed(c, args)
	if common.StaticCallee() == nil && !common.IsInvoke() {
		// A function value whose captured variables could not be mapped
		// (a closure returned by a call): its result carries what it
		// captured.
		for _, t := range targets {
			if hasNil(t.bindings) {
				if v := c.Value(); v != nil {
					s.setVal(v, leaf(s.vals[common.Value].all()))
				}
				break
			}
		}
	}
	for _, t := range targets {
		if t.bound {
			recv := t.bindings
			t.bindings = nil
			s.apply(c, t, append(append([]ssa.Value(nil), recv...), args...))
			continue
		}
		s.apply(c, t, args)
	}
}

// lateCall prepares the heap for a go or defer call. The callee runs
// later than the statement (a deferred call when the function returns, a
// goroutine at any time after), so it sees everything the function
// stores anywhere (the union heap) as well as the current heap. What it
// writes is kept apart: a goroutine's writes become visible from the go
// statement on, a deferred call's only where the deferred calls run
// (RunDefers, see endLateCall). Only the objects the call itself wrote
// go back: carrying the whole union into the current heap made every
// value stored later in the function visible before it was stored (a
// web hook's request carrying the identity its response is decoded into
// afterwards, because a deferred logging call sat between them).
func (s *fstate) lateCall(c ssa.CallInstruction) {
	tmp := make(heap, len(s.union)+len(s.cur))
	for o, t := range s.union {
		tmp[o] = t
	}
	for o, t := range s.cur {
		if u, ok := tmp[o]; ok {
			t = merge(u.clone(), t)
		}
		tmp[o] = t
	}
	_, isDefer := c.(*ssa.Defer)
	s.late = append(s.late, lateFrame{cur: s.cur, owned: s.owned, tmp: tmp, written: map[int]bool{}, deferred: isDefer})
	// Copy on write: written marks the objects the call changed.
	s.cur, s.owned = tmp, s.late[len(s.late)-1].written
}

// endLateCall restores the heap after a go or defer call and keeps what
// the call wrote (see lateCall).
func (s *fstate) endLateCall() {
	f := s.late[len(s.late)-1]
	s.late = s.late[:len(s.late)-1]
	s.cur, s.owned = f.cur, f.owned
	for o := range f.written {
		if f.deferred {
			if s.deferred == nil {
				s.deferred = make(heap)
			}
			if s.deferred[o] == nil {
				s.deferred[o] = newTree(0)
			}
			s.deferred[o].put("", f.tmp[o])
			continue
		}
		s.mut(o).put("", f.tmp[o])
	}
}

// runDefers makes what deferred calls wrote visible where they run.
func (s *fstate) runDefers() {
	if s.coarse {
		return
	}
	for o, t := range s.deferred {
		s.mut(o).put("", t)
	}
}

// callArgs returns the call's arguments with the receiver first.
func callArgs(c *ssa.CallCommon) []ssa.Value {
	if c.IsInvoke() {
		return append([]ssa.Value{c.Value}, c.Args...)
	}
	return c.Args
}

// apply applies what the engine knows about one target to the call.
func (s *fstate) apply(c ssa.CallInstruction, t target, args []ssa.Value) {
	e := s.e
	name := e.targetName(t)
	pol := e.cfg.Policy
	if t.obj != nil && pol != nil {
		switch {
		case pol.IsGateway(t.obj):
			s.exit(c, name, ExitGateway, allPorts(len(args), t.obj), endpointSpec{}, "handed to the gateway "+shortName(name))
			return
		case pol.IsSanitizer(t.obj):
			s.sanitize(c, args, name)
			return
		}
		if cat, ok := pol.FuncSource(t.obj); ok {
			s.funcSource(c, t.obj, cat)
			return
		}
		if sk, ok := pol.Sink(t.obj); ok {
			off := 0
			if t.obj.Type().(*types.Signature).Recv() != nil {
				off = 1
			}
			var data []portSpec
			for _, a := range sk.Args {
				data = append(data, portSpec{index: a + off, rest: isVariadicIndex(t.obj, a), whole: true})
			}
			ep := endpointSpec{}
			switch {
			case sk.Endpoint != "":
				ep = endpointSpec{kind: 'f', fixed: sk.Endpoint}
			case sk.EndpointArg >= 0:
				ep = endpointSpec{kind: 'a', index: sk.EndpointArg + off}
			}
			kind := sk.Kind
			if kind == "" {
				kind = ExitSink
			}
			s.exit(c, name, kind, data, ep, "sent by "+shortName(name))
			return
		}
		if pr, ok := pol.Propagator(t.obj); ok {
			s.propagator(c, args, t.obj, pr.From, pr.To, name)
			return
		}
	}
	if isCgoWrapper(name) {
		// cgo's generated wrappers (C.CString, calls into C) copy through
		// unsafe.Pointer: the result carries the arguments.
		s.unknownCall(c, args, name)
		return
	}
	if x, op := e.models.exit(name); x != nil {
		s.exit(c, name, x.kind, x.data, x.endpoint, "sent by "+op)
		return
	}
	cr, isCreator := e.models.creators[name]
	if isCreator {
		s.creator(c, cr)
	}
	if m := e.models.model(name); m != nil {
		s.applyModel(c, args, m, name)
		return
	}
	if isCreator {
		return // a connection or request carries no data of its own
	}
	if t.fn != nil {
		if sum := s.sumOf(t.fn); sum != nil {
			s.applySummary(c, args, t, sum)
		}
		return
	}
	if t.obj != nil && e.cfg.Summary != nil {
		if sum := e.cfg.Summary(t.obj); sum != nil {
			s.applySummary(c, args, t, sum)
			return
		}
	}
	if t.abstract && len(e.implementations(t.obj)) > 0 {
		return // the implementations were applied
	}
	if t.abstract {
		// No implementation in sight: the concrete type is wired in by a
		// package further up (dependency injection). Record the call so
		// that a package that sees an implementation can finish the flow.
		s.pendingCall(c, t.obj, args)
	}
	if t.obj == nil && t.fn == nil {
		name = s.dynamicName(c)
	}
	if t.abstract && t.obj != nil {
		s.unknownCallOn(c, args, name, t.obj.Name())
		return
	}
	s.unknownCall(c, args, name)
}

// unknownCall handles a call the engine has neither a model nor a summary
// for: the result carries what the arguments carry and a concrete
// method's receiver takes in what the other arguments carry. The call is
// noted. Two things are deliberately left out, because in service code
// they turn one tainted value into everything tainted:
//   - a context.Context argument: a context is plumbing; data put into it
//     comes out only through a Value call, which is modelled, so an
//     unknown call given a context (a configuration lookup, a tracer)
//     does not return what some middleware stored there;
//   - the receiver of an interface method with no implementation in sight
//     (a dependency container's d.Writer().Write(w, u)): the
//     implementation, wired in elsewhere, is applied where it is seen
//     (pending.go); the interface value itself does not absorb its
//     arguments.
func (s *fstate) unknownCall(c ssa.CallInstruction, args []ssa.Value, name string) {
	s.unknownCallOn(c, args, name, "")
}

// unknownCallOn is unknownCall for the interface method named method
// (when not ""), called on args[0] with no implementation in sight. What a
// parameter of the function brings as the receiver becomes the result of
// calling method on that parameter (the path part ".()method"): the
// caller, which may know the implementation, takes from its argument what
// the implementation's summary returns, and only when it cannot resolve
// the method either does the result carry the argument whole (viaMethod).
// A getter on an injected interface (flow.GetRequestBaseURL(ic) reading
// ic.GetInternalContext()) then gives its caller one field of the flow,
// not everything the flow holds.
func (s *fstate) unknownCallOn(c ssa.CallInstruction, args []ssa.Value, name, method string) {
	s.e.note(NoModelNote + name)
	var all taint
	for i, a := range args {
		if a == nil || isContext(a.Type()) {
			continue // nil: a callback's argument the callee gives no value
		}
		if i == 0 && method != "" {
			all, _ = all.union(s.methodResult(s.valTree(a).all(), method))
			continue
		}
		all, _ = all.union(s.valTree(a).all())
	}
	if com := c.Common(); !com.IsInvoke() && com.StaticCallee() == nil {
		// A function value the engine could not resolve (loaded from a
		// field another function set, say): what it captured comes out
		// of it, so its result carries the value's own data.
		all, _ = all.union(s.valTree(com.Value).all())
	}
	if len(all) == 0 {
		return
	}
	if v := c.Value(); v != nil {
		s.setVal(v, unknownResults(v.Type(), all))
	}
	if !c.Common().IsInvoke() && c.Common().StaticCallee() != nil && c.Common().Signature().Recv() != nil {
		if len(args) > 1 && !s.answers(args[0]) {
			var rest taint
			for _, a := range args[1:] {
				if a == nil || isContext(a.Type()) {
					continue
				}
				rest, _ = rest.union(s.valTree(a).all())
			}
			s.writeInto(c, s.pointee(args[0]), "", leaf(rest), name)
		}
	}
}

// unknownResults is what the results of an unknown call of type t hold
// when its arguments hold all: each result all of it. A tuple's results
// get it each at their own place (".#i"): put at the tuple itself, a
// result read from it took the argument's data at path ".#i" below each
// symbolic origin, a place no argument has, so a caller's data below the
// value it passed (a map's values, a struct's fields) was lost.
//
// A result of type error gets nothing: code the engine cannot see (a
// hook kept in a field, c.PrepareRetry(req)) reports a failure in it, and
// an error that takes in every argument made the request a retrying HTTP
// client was given into the error it returned, stored later as a
// delivery's status. Where an error does quote its input, the code that
// builds it is seen (fmt.Errorf, errors.New and summaries carry it).
func unknownResults(t types.Type, all taint) tree {
	tup, ok := t.(*types.Tuple)
	if !ok {
		if isError(t) {
			return nil
		}
		return leaf(all)
	}
	out := newTree(0)
	for i := 0; i < tup.Len(); i++ {
		if isError(tup.At(i).Type()) {
			continue
		}
		out.put(".#"+itoa(i), leaf(all))
	}
	return out
}

// methodResult turns the origins of a receiver into those of the result of
// calling method on it: a parameter's own value (not one of its fields,
// not a coarse or whole use) becomes the parameter at ".()method"; other
// origins stay as they are.
func (s *fstate) methodResult(recv taint, method string) taint {
	var out taint
	for _, o := range recv {
		if s.e.sources[o.src].kind == paramSource && o.ext == "" && !o.coarse && !o.whole {
			o.ext = methodPart + method
		}
		out, _ = out.union(taint{o})
	}
	return out
}

// methodPart starts the path part naming the result of a method call on
// the value at the path before it (".()GetInternalContext").
const methodPart = ".()"

// isContext reports whether t is context.Context.
func isContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

// isCgoWrapper reports whether a function is one cgo generates for a C
// call or conversion (_Cfunc_CString, _Cfunc_GoString, _Cfunc_f).
func isCgoWrapper(name string) bool {
	return strings.Contains(name, "._Cfunc_") || strings.Contains(name, "._cgo_") || strings.Contains(name, "._Cgo_")
}

// unknownIterator handles a call of a function value the engine cannot
// resolve that is given closures, as a range over an iterator from a
// library (maps.Keys(m), slices.Values(s)) is: the closures (the loop
// body) receive what the function value carries.
func (s *fstate) unknownIterator(c ssa.CallInstruction, common *ssa.CallCommon, args []ssa.Value) {
	data := s.valTree(common.Value).all()
	if len(data) == 0 {
		return
	}
	st := s.step(c.Pos(), "yielded by "+common.Value.Name())
	for _, a := range args {
		for _, t := range s.funcTargets(a) {
			if t.fn == nil || s.sumOf(t.fn) == nil {
				continue
			}
			trees := make([]tree, len(t.fn.Params))
			for i := range trees {
				trees[i] = leaf(data.withStep(st))
			}
			vals := append(make([]ssa.Value, len(t.fn.Params)), t.bindings...)
			s.applyView(c, argView{vals: vals, trees: trees, full: make(map[int]tree)}, t, s.sumOf(t.fn), 1)
		}
	}
}

// sources of a policy `func:` entry: its results but a final error.
func (s *fstate) funcSource(c ssa.CallInstruction, fn *types.Func, cat string) {
	v := c.Value()
	if v == nil {
		return
	}
	l := Label{Field: fn.FullName(), Category: cat, Decl: s.e.pos(fn.Pos())}
	o := origin{src: s.e.concrete(l), tr: (*trace)(nil).push(s.step(c.Pos(), "returned by source "+shortName(fn.FullName())))}
	res := fn.Type().(*types.Signature).Results()
	if res.Len() <= 1 {
		s.setVal(v, leaf(taint{o}))
		return
	}
	for i := 0; i < res.Len(); i++ {
		if i == res.Len()-1 && isError(res.At(i).Type()) {
			break
		}
		s.setVal(v, under(".#"+itoa(i), leaf(taint{o})))
	}
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// sanitize: the result carries the arguments' data marked sanitised, which
// keeps it in the lineage inventory but out of findings.
//
// The arguments count as whole values: the user-data fields their types
// hold come out sanitised too, so the result stays sanitised when it is
// later used whole (formatted, sent), although its type holds them. A
// sanitizer without results that takes a pointer (or a slice, a map)
// sanitises in place: what the argument points to is replaced by its
// sanitised self.
func (s *fstate) sanitize(c ssa.CallInstruction, args []ssa.Value, name string) {
	st := s.step(c.Pos(), "pseudonymised by "+shortName(name))
	clean := func(a ssa.Value) taint {
		var out taint
		for _, o := range s.argTree(a, "", true, "").all() {
			o.san = true
			o.whole = false
			o.tr = o.tr.push(st)
			if !out.has(o.key()) {
				out = append(out, o)
			}
		}
		return out
	}
	if c.Common().Signature().Results().Len() == 0 {
		for _, a := range args {
			if !isReference(a.Type()) || s.answers(a) {
				continue
			}
			// What a points to is cleaned (its type's fields hold no
			// user data any more) and keeps its data sanitised, for the
			// lineage, below a path no field read reaches. Reads follow
			// pointers stored there, so their targets are cleaned too.
			t := leafTree(nil)
			t.setKey(sanPath, clean(a))
			var rs []ref
			for _, r := range s.pointee(a) {
				rs = append(rs, r)
				for _, q := range s.heapPts[r] {
					if !hasRef(rs, q) {
						rs = append(rs, q)
					}
				}
			}
			for _, r := range rs {
				s.store([]ref{r}, t, nil)
			}
		}
		return
	}
	v := c.Value()
	if v == nil {
		return
	}
	var out taint
	for _, a := range args {
		for _, o := range clean(a) {
			if !out.has(o.key()) {
				out = append(out, o)
			}
		}
	}
	s.setVal(v, leaf(out))
}

// sanPath is where a sanitizer that works in place keeps the sanitised
// data of what it cleaned: below the value, where no field read reaches.
const sanPath = ".#sanitised"

// propagator applies a policy propagator (README.md#policy).
func (s *fstate) propagator(c ssa.CallInstruction, args []ssa.Value, fn *types.Func, from, to []policy.Port, name string) {
	off := 0
	if fn.Type().(*types.Signature).Recv() != nil {
		off = 1
	}
	var t tree
	for _, p := range from {
		idx := p.Index + off
		if p.Receiver {
			idx = 0
		}
		t = merge(t, s.portTree(args, portSpec{index: idx, rest: isVariadicIndex(fn, p.Index) && !p.Receiver}, "", false, ""))
	}
	t = withStep(t, s.step(c.Pos(), "through "+shortName(name)))
	for _, p := range to {
		switch {
		case p.Result:
			s.deliver(c, args, portSpec{result: true, index: -1}, "", t, name)
		case p.Receiver:
			s.deliver(c, args, portSpec{index: 0}, "", t, name)
		default:
			s.deliver(c, args, portSpec{index: p.Index + off}, "", t, name)
		}
	}
}

// builtin applies a built-in function: len and cap measure (no data),
// append and copy move elements, min and max pick one of their arguments.
func (s *fstate) builtin(c ssa.CallInstruction, b *ssa.Builtin, args []ssa.Value) {
	v := c.Value()
	switch b.Name() {
	case "append":
		if v == nil || len(args) == 0 {
			return
		}
		s.setVal(v, s.vals[args[0]])
		s.addPts(v, s.ptsOrPointee(args[0]))
		for _, a := range args[1:] {
			// The appended elements (a variadic slice, or a string/slice
			// spread with ...) go into the result's elements.
			t := s.valTree(a).sub("[]", s.e.sources)
			t = merge(t, leaf(s.vals[a].all()))
			s.writeInto(c, s.pointee(v), "[]", t, "append")
		}
	case "copy":
		if len(args) == 2 {
			t := merge(s.valTree(args[1]).sub("[]", s.e.sources), leaf(s.vals[args[1]].all()))
			s.writeInto(c, s.pointee(args[0]), "[]", t, "copy")
		}
	case "min", "max":
		for _, a := range args {
			s.setVal(v, s.vals[a])
		}
	case "recover":
		if v != nil {
			s.setVal(v, s.e.panics)
		}
	case "ssa:wrapnilchk":
		if v != nil && len(args) > 0 {
			s.setVal(v, s.vals[args[0]])
			s.addPts(v, s.ptsOrPointee(args[0]))
		}
	}
}

// closuresPassed applies, at the call, the closures passed as arguments:
// errgroup.Go, sync.Once.Do, time.AfterFunc, middleware and handler
// registration run them later, and what they capture may reach an exit
// inside them. Their parameters get no data here: data a callee passes to
// a callback it was given is not followed (lineage/README.md).
func (s *fstate) closuresPassed(c ssa.CallInstruction, args []ssa.Value) {
	for _, a := range args {
		mc, ok := a.(*ssa.MakeClosure)
		if !ok {
			continue
		}
		fn, _ := mc.Fn.(*ssa.Function)
		fn = originFn(fn)
		if fn == nil || fn.Pkg != s.e.cfg.Pkg {
			continue
		}
		if sum := s.sumOf(fn); sum != nil {
			// Parameters get no data here; captured variables do.
			none := make([]ssa.Value, len(fn.Params))
			for i := range none {
				none[i] = nil
			}
			s.applySummary(c, none, target{fn: fn, bindings: mc.Bindings}, sum)
		}
	}
}

// paramCall records a call of a function-typed parameter (a callback, an
// iterator's yield) with the data passed to it, for callers to apply to
// the functions they pass. It reports whether the call was such a call.
func (s *fstate) paramCall(c ssa.CallInstruction, common *ssa.CallCommon) bool {
	idx := s.paramIndex(common.Value)
	if idx < 0 {
		return false
	}
	ce := CallEdge{Func: Port{Kind: PortParam, Index: idx}}
	for k, a := range common.Args {
		for _, o := range s.valTree(a).all() {
			lab := s.e.sources[o.src]
			arg := CallArg{Index: k, Sanitized: o.san, Steps: s.keepSteps(o.tr)}
			if lab.kind == concreteSource {
				l := lab.field
				arg.Label = &l
			} else {
				arg.From = &Port{Kind: PortParam, Index: lab.index, Path: o.ext, Whole: o.whole}
			}
			ce.Args = append(ce.Args, arg)
		}
	}
	if len(ce.Args) == 0 {
		return true
	}
	key := (&Summary{Calls: []CallEdge{ce}}).String()
	if _, dup := s.exits["call|"+key]; dup {
		return true
	}
	s.exits["call|"+key] = len(s.sum.Calls)
	s.sum.Calls = append(s.sum.Calls, ce)
	return true
}

// paramIndex returns the parameter (or free variable) a function value
// comes from, or -1.
func (s *fstate) paramIndex(v ssa.Value) int {
	switch v := v.(type) {
	case *ssa.Parameter:
		for i, p := range s.fn.Params {
			if p == v {
				return i
			}
		}
	case *ssa.FreeVar:
		for i, p := range s.fn.FreeVars {
			if p == v {
				return len(s.fn.Params) + i
			}
		}
	case *ssa.UnOp:
		if v.Op == token.MUL {
			return s.paramIndex(v.X)
		}
	case *ssa.ChangeType:
		return s.paramIndex(v.X)
	}
	return -1
}

func hasNil(vs []ssa.Value) bool {
	for _, v := range vs {
		if v == nil {
			return true
		}
	}
	return false
}

// answers reports whether v, or the value it converts to an interface,
// is a writer that answers the caller.
func (s *fstate) answers(v ssa.Value) bool {
	for v != nil {
		if s.e.answerWriter(v.Type()) {
			return true
		}
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		default:
			return false
		}
	}
	return false
}

// answerWriter is isAnswerWriter, cached per type: per named type and
// pointer to it, as go/types makes a new *types.Pointer at every
// receiver (a service type of a thousand methods would otherwise compute
// its method set a thousand times).
func (e *engine) answerWriter(t types.Type) bool {
	var k any = t
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		if n, ok := types.Unalias(p.Elem()).(*types.Named); ok {
			k = pointerTo{n}
		}
	}
	if a, ok := e.answers[k]; ok {
		return a
	}
	if e.answers == nil {
		e.answers = make(map[any]bool)
	}
	a := isAnswerWriter(t)
	e.answers[k] = a
	return a
}

// pointerTo keys a pointer type by the named type it points to.
type pointerTo struct{ named *types.Named }

// isAnswerWriter reports whether values of type t answer the caller
// (knowledge.AnswerWriters): the interface itself, or a type with its
// marker method (a wrapper or recorder around it).
func isAnswerWriter(t types.Type) bool {
	t = types.Unalias(t)
	name := types.TypeString(t, nil)
	for _, a := range knowledge.AnswerWriters {
		if name == a.Type {
			return true
		}
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if _, ok := t.(*types.Named); !ok {
		return false // only named types have methods
	}
	ms := types.NewMethodSet(types.NewPointer(t))
	if _, ok := t.Underlying().(*types.Interface); ok {
		ms = types.NewMethodSet(t)
	}
	for _, a := range knowledge.AnswerWriters {
		sel := ms.Lookup(nil, a.Marker)
		if sel == nil {
			continue
		}
		sig, ok := sel.Type().(*types.Signature)
		if ok && sig.Params().Len() == 0 && sig.Results().Len() == 1 && types.TypeString(sig.Results().At(0).Type(), nil) == a.MarkerResult {
			return true
		}
	}
	return false
}
