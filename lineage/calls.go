package lineage

import (
	"github.com/datagate/datagate/knowledge"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/datagate/datagate/lineage/policy"
	"golang.org/x/tools/go/ssa"
)

// target is one function a call may reach.
type target struct {
	fn       *ssa.Function // with a body in this package, or nil
	obj      *types.Func   // the declared function or method, or nil
	bindings []ssa.Value   // a closure's captured variables
	abstract bool          // an interface method (for models and exits)
	bound    bool          // a method value: bindings hold the receiver
}

func (t target) name() string {
	if t.obj != nil {
		return t.obj.FullName()
	}
	if t.fn != nil {
		return funcName(t.fn)
	}
	return "unknown function"
}

// targetName is t.name(), made once per function of a run: calls are
// applied on every pass.
func (e *engine) targetName(t target) string {
	if t.obj == nil {
		return t.name()
	}
	n, ok := e.names[t.obj]
	if !ok {
		n = t.name()
		e.names[t.obj] = n
	}
	return n
}

// callArgs returns the call's arguments with the receiver first.
func callArgs(c *ssa.CallCommon) []ssa.Value {
	if c.IsInvoke() {
		return append([]ssa.Value{c.Value}, c.Args...)
	}
	return c.Args
}

// call analyses a call, go or defer instruction. A go or defer call runs
// later (concurrently, or at return), so it reads everything stored
// anywhere in the function (late).
func (s *fstate) call(c ssa.CallInstruction, late bool) {
	if late && !s.coarse { // coarse: the current heap is already the union
		saved, savedOwned := s.cur, s.owned
		tmp := s.union.clone()
		for o, t := range saved {
			tmp[o] = merge(tmp[o], t)
		}
		s.cur, s.owned = tmp, nil // every tree of tmp is its own
		defer func() {
			s.cur, s.owned = saved, savedOwned
			for o, t := range tmp {
				s.mut(o).put("", t)
			}
		}()
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

// callees resolves what a call may reach: the static callee; for an
// interface method, the implementations the value is known to have or,
// failing that, every implementation this package can see (class
// hierarchy analysis), plus the abstract method for models; for a
// function value, the closures and functions it may hold.
func (s *fstate) callees(c *ssa.CallCommon) []target {
	if c.IsInvoke() {
		var out []target
		if dyn := s.dyn[c.Value]; len(dyn) > 0 {
			for _, t := range dyn {
				if m := methodOf(t, c.Method); m != nil {
					out = append(out, s.e.targetOf(m))
				}
			}
		}
		if len(out) == 0 {
			abstract := target{obj: c.Method, abstract: true}
			if s.e.models.known(c.Method.FullName()) {
				// The interface method's own model speaks for every
				// implementation (io.Writer.Write, net.Conn.Write).
				return []target{abstract}
			}
			for _, m := range s.e.implementations(c.Method) {
				out = append(out, s.e.targetOf(m))
			}
			out = append(out, abstract)
		}
		return out
	}
	if fn := c.StaticCallee(); fn != nil {
		t := s.e.targetOfFn(originFn(fn))
		if mc, ok := c.Value.(*ssa.MakeClosure); ok {
			t.bindings = mc.Bindings
		}
		return []target{t}
	}
	return s.funcTargets(c.Value)
}

// ptsOf is pts with function values made into closure objects.
func (s *fstate) ptsOf(v ssa.Value) []ref {
	if fn, ok := v.(*ssa.Function); ok {
		return []ref{{obj: s.object(objClosure, 0, fn)}}
	}
	return s.pts[v]
}

func (e *engine) targetOfFn(fn *ssa.Function) target {
	t := target{fn: fn}
	if fn.Synthetic != "" && strings.HasPrefix(fn.Synthetic, "bound method wrapper") {
		// A method value x.M: the closure's binding is the receiver.
		if obj, ok := fn.Object().(*types.Func); ok && obj != nil {
			t = e.targetOf(obj)
			t.bound = true
			return t
		}
	}
	if obj, ok := fn.Object().(*types.Func); ok && obj != nil {
		t.obj = obj
		if o := obj.Origin(); o != nil {
			t.obj = o
		}
	}
	if fn.Blocks == nil || fn.Pkg != e.cfg.Pkg {
		t.fn = nil
	}
	return t
}

func (e *engine) targetOf(m *types.Func) target {
	// An instantiated method (the bound method of a generic type's value,
	// Box[string].Put) is summarised in its generic body.
	fn := e.cfg.Pkg.Prog.FuncValue(m)
	if fn == nil && m.Origin() != m {
		fn = e.cfg.Pkg.Prog.FuncValue(m.Origin())
	}
	if fn = originFn(fn); fn != nil && fn.Pkg == e.cfg.Pkg {
		return e.targetOfFn(fn)
	}
	if o := m.Origin(); o != nil {
		m = o
	}
	return target{obj: m}
}

// methodOf finds the concrete method of type t that implements m.
func methodOf(t types.Type, m *types.Func) *types.Func {
	obj, _, _ := types.LookupFieldOrMethod(t, true, m.Pkg(), m.Name())
	f, _ := obj.(*types.Func)
	if f == nil {
		return nil
	}
	if _, isIface := f.Type().(*types.Signature).Recv().Type().Underlying().(*types.Interface); isIface {
		return nil
	}
	return f
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
	s.unknownCall(c, args, name)
}

// dynamicName describes, for notes, a call of a function value the engine
// could not resolve: its type and where it is, since the value has no name
// a reader would know.
func (s *fstate) dynamicName(c ssa.CallInstruction) string {
	common := c.Common()
	qual := func(p *types.Package) string { return p.Name() }
	what := "a " + types.TypeString(common.Value.Type(), qual) + " value"
	if common.IsInvoke() {
		what = "method " + common.Method.Name() + " of a " + types.TypeString(common.Value.Type(), qual)
	}
	where := shortName(funcName(s.fn))
	if p := s.e.cfg.Fset.Position(c.Pos()); p.IsValid() {
		where += " (" + filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line) + ")"
	}
	return "call of " + what + " in " + where
}

func isVariadicIndex(fn *types.Func, i int) bool {
	sig := fn.Type().(*types.Signature)
	return sig.Variadic() && i == sig.Params().Len()-1
}

func allPorts(n int, fn *types.Func) []portSpec {
	start := 0
	if fn != nil && fn.Type().(*types.Signature).Recv() != nil {
		start = 1
	}
	var out []portSpec
	for i := start; i < n; i++ {
		out = append(out, portSpec{index: i, whole: true})
	}
	return out
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
	s.e.note(NoModelNote + name)
	var all taint
	for _, a := range args {
		if a == nil || isContext(a.Type()) {
			continue // nil: a callback's argument the callee gives no value
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
		s.setVal(v, leaf(all))
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

// isContext reports whether t is context.Context.
func isContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

// sources of a policy `func:` entry: its results but a final error.
func (s *fstate) funcSource(c ssa.CallInstruction, fn *types.Func, cat string) {
	v := c.Value()
	if v == nil {
		return
	}
	l := Label{Field: fn.FullName(), Category: cat, Decl: s.e.pos(fn.Pos())}
	o := origin{lab: s.e.concrete(l), tr: (*trace)(nil).push(s.step(c.Pos(), "returned by source "+shortName(fn.FullName())))}
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
			t := tree{"": nil, sanPath: clean(a)}
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

// portTree is the data at a port of a call: the argument's tree at the
// path, or, used as a whole, every origin in it plus the user-data fields
// its type holds.
func (s *fstate) portTree(args []ssa.Value, p portSpec, path string, whole bool, enc string) tree {
	var out tree
	idx := []int{p.index}
	switch {
	case p.all:
		idx = nil
		for i := range args {
			idx = append(idx, i)
		}
	case p.rest:
		idx = nil
		for i := p.index; i < len(args); i++ {
			idx = append(idx, i)
		}
	}
	for _, i := range idx {
		if i < 0 || i >= len(args) {
			continue
		}
		a := args[i]
		if p.rest || p.all {
			// A variadic slice: its elements are the arguments.
			out = merge(out, s.argTree(a, path, whole || p.whole, enc))
			continue
		}
		out = merge(out, s.argTree(a, path, whole || p.whole, enc))
	}
	return out
}

func (s *fstate) argTree(a ssa.Value, path string, whole bool, enc string) tree {
	t := s.valTree(a).sub(path, s.e.labels)
	if !whole {
		return t
	}
	if enc != "" {
		t = s.skipFields(a, path, t, enc)
	}
	all := t.all().asWhole(s.e.labels)
	all, _ = all.union(s.carried(a, path, t, enc))
	return leaf(all)
}

// carried returns the user-data fields that a value of a's type (or of the
// dynamic types it is known to hold, or of the elements of a variadic
// slice) holds below path, except those cleaned in t or skipped by enc.
func (s *fstate) carried(a ssa.Value, path string, t tree, enc string) taint {
	if s.e.cfg.Sources == nil {
		return nil
	}
	var out taint
	for _, v := range s.elements(a) {
		typs := s.valueTypes(v)
		if len(typs) == 0 {
			continue
		}
		// What v still holds of its type's fields: cleaned or sanitised
		// ones are left out.
		vt := t
		if v != a {
			vt = s.valTree(v).sub(path, s.e.labels)
		}
		ct := s.contentTree(v, path, vt)
		cleaned, san := ct.cleaned(), ct.sanitised()
		for _, typ := range typs {
			if _, ok := typ.Underlying().(*types.Interface); ok {
				continue
			}
			for _, c := range s.e.cfg.Sources.Carried(typ) {
				if !isPrefix(path, c.Path) && !isPrefix(c.Path, path) {
					continue
				}
				if enc != "" && c.Skips(enc) {
					continue
				}
				rel := strings.TrimPrefix(c.Path, path)
				skip := false
				for _, k := range cleaned {
					if isPrefix(k, rel) {
						skip = true
					}
				}
				if skip || san[s.e.concrete(c.Label)] {
					continue
				}
				o := origin{lab: s.e.concrete(c.Label), tr: (*trace)(nil).push(s.step(s.usePos(a), "holds "+c.Label.ShortField()))}
				if !out.has(o.key()) {
					out = append(out, o)
				}
			}
		}
	}
	return out
}

// skipFields drops from t, the data of a at path, what is kept in the
// fields serialiser enc leaves out (json:"-"): an interface value keeps
// the fields its dynamic type holds at their paths, all of them.
func (s *fstate) skipFields(a ssa.Value, path string, t tree, enc string) tree {
	if s.e.cfg.Sources == nil || len(t) == 0 {
		return t
	}
	var skip []string
	for _, typ := range s.valueTypes(a) {
		for _, c := range s.e.cfg.Sources.Carried(typ) {
			if c.Skips(enc) && isPrefix(path, c.Path) {
				skip = append(skip, strings.TrimPrefix(c.Path, path))
			}
		}
	}
	if len(skip) == 0 {
		return t
	}
	out := tree{}
keys:
	for k, v := range t {
		for _, p := range skip {
			if isPrefix(p, k) && p != "" {
				continue keys
			}
		}
		out[k] = v
	}
	return out
}

// valueTypes are the types a's data may have: its dynamic types where
// known, else its static type, per element of a variadic slice; nil
// values have none.
func (s *fstate) valueTypes(a ssa.Value) []types.Type {
	var typs []types.Type
	for _, v := range s.elements(a) {
		if k, ok := v.(*ssa.Const); ok && k.IsNil() {
			continue // a nil pointer, slice, map or channel holds nothing
		}
		if d := s.dyn[v]; len(d) > 0 {
			typs = append(typs, d...)
		} else if a := s.assertedTypes(v); len(a) > 0 {
			typs = append(typs, a...)
		} else {
			typs = append(typs, v.Type())
		}
	}
	return typs
}

// assertedTypes are the concrete types an interface value v is known to
// hold where it is used (s.at), from its type assertions: one that would
// have panicked otherwise and comes before, or the case of a type switch
// (a comma-ok assertion) that the use can only be reached through.
func (s *fstate) assertedTypes(v ssa.Value) []types.Type {
	if s.at == nil || s.at.Block() == nil || !types.IsInterface(v.Type()) {
		return nil
	}
	refs := v.Referrers()
	if refs == nil {
		return nil
	}
	var out []types.Type
	for _, r := range *refs {
		ta, ok := r.(*ssa.TypeAssert)
		if ok && !ta.CommaOk && !types.IsInterface(ta.AssertedType) && before(ta, s.at) {
			out = append(out, ta.AssertedType)
		}
	}
	for d := s.at.Block(); d != nil; d = d.Idom() {
		if len(d.Preds) == 0 {
			continue
		}
		var ts []types.Type
		for _, p := range d.Preds {
			t := assertedOnEdge(p, d, v)
			if t == nil {
				ts = nil
				break
			}
			ts = append(ts, t)
		}
		if len(ts) > 0 {
			return append(out, ts...)
		}
	}
	return out
}

// before reports whether instruction a runs before b on every path to b.
func before(a, b ssa.Instruction) bool {
	ab, bb := a.Block(), b.Block()
	if ab != bb {
		return ab.Dominates(bb)
	}
	for _, in := range ab.Instrs {
		switch in {
		case a:
			return true
		case b:
			return false
		}
	}
	return false
}

// assertedOnEdge returns T when the edge from p to d is taken only when
// the comma-ok assertion v.(T) succeeded (if ok goto d), else nil.
func assertedOnEdge(p, d *ssa.BasicBlock, v ssa.Value) types.Type {
	if len(p.Succs) != 2 || p.Succs[0] != d || p.Succs[1] == d || len(p.Instrs) == 0 {
		return nil
	}
	iff, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
	if !ok {
		return nil
	}
	ex, ok := iff.Cond.(*ssa.Extract)
	if !ok || ex.Index != 1 {
		return nil
	}
	ta, ok := ex.Tuple.(*ssa.TypeAssert)
	if !ok || ta.X != v || types.IsInterface(ta.AssertedType) {
		return nil
	}
	return ta.AssertedType
}

// sanPath is where a sanitizer that works in place keeps the sanitised
// data of what it cleaned: below the value, where no field read reaches.
const sanPath = ".#sanitised"

// contentTree is what decides which of a's type's fields a's data still
// holds: for a pointer, what it points to (a sanitizer may have cleaned
// it in place, which the pointer's own value does not show); otherwise t.
func (s *fstate) contentTree(a ssa.Value, path string, t tree) tree {
	if _, ok := a.Type().Underlying().(*types.Pointer); !ok {
		if _, isIface := a.Type().Underlying().(*types.Interface); !isIface {
			return t
		}
	}
	rs := s.ptsOf(a)
	if len(rs) == 0 {
		return t
	}
	var out tree
	for _, r := range rs {
		out = merge(out, s.read(r, s.cur).sub(path, s.e.labels))
	}
	if out == nil {
		return t
	}
	return out
}

// elements returns the values passed in a variadic slice built at the call
// (fmt.Sprintf's arguments), or the value itself.
func (s *fstate) elements(v ssa.Value) []ssa.Value {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return []ssa.Value{v}
	}
	alloc, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return []ssa.Value{v}
	}
	var out []ssa.Value
	for _, ref := range *alloc.Referrers() {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		for _, r2 := range *ia.Referrers() {
			if st, ok := r2.(*ssa.Store); ok && st.Addr == ia {
				x := st.Val
				if mi, ok := x.(*ssa.MakeInterface); ok {
					out = append(out, mi.X)
					continue
				}
				out = append(out, x)
			}
		}
	}
	if len(out) == 0 {
		return []ssa.Value{v}
	}
	return out
}

// applyModel applies a library model.
func (s *fstate) applyModel(c ssa.CallInstruction, args []ssa.Value, m *parsedModel, name string) {
	for _, f := range m.flows {
		var t tree
		switch {
		case f.from.field >= 0:
			t = s.fieldPort(args, f.from)
		case f.from.typed && f.from.index < len(args) && args[f.from.index] != nil:
			t = s.typedTree(args[f.from.index])
		case f.from.format >= 0:
			t = s.formattedTree(args, f.from)
		default:
			t = s.portTree(args, f.from, "", false, f.from.enc)
		}
		if len(t) == 0 {
			continue
		}
		if f.from.whole {
			t = withStep(t, s.step(c.Pos(), describeUse(name, f.from.enc)))
		}
		s.deliver(c, args, f.to, "", t, name)
	}
	v := c.Value()
	for _, a := range m.alias {
		if v == nil {
			break
		}
		var rs []ref
		switch {
		case a.arg >= 0 && a.arg < len(args):
			if s.answers(args[a.arg]) {
				continue // json.NewEncoder(w): writes into it answer the caller
			}
			rs = s.ptsOrPointee(args[a.arg])
			if isVariadicSlot(c, args, a.arg) {
				// io.MultiWriter(w1, w2): the result writes into each.
				for _, el := range s.elements(args[a.arg]) {
					if el != args[a.arg] && !s.answers(el) {
						rs = append(rs, s.ptsOrPointee(el)...)
					}
				}
			}
		case a.fromResult >= 0:
			// Two results share one object (io.Pipe's reader and writer).
			rs = []ref{{obj: s.object(objValue, 0, v)}}
			s.addTuplePts(v, a.fromResult, rs)
		}
		if a.result < 0 {
			s.addPts(v, rs)
		} else {
			s.addTuplePts(v, a.result, rs)
		}
	}
}

// usePos is where value a is used by the call being applied, or else
// where a is defined.
func (s *fstate) usePos(a ssa.Value) token.Pos {
	if s.callPos.IsValid() {
		return s.callPos
	}
	return a.Pos()
}

// typedTree is the data of a: its tree, plus each user-data field that its
// type (or the dynamic types it is known to hold) holds, at that field's
// path, unless the function cleaned it. reflect.ValueOf gives this: a
// reflect.Value whose fields are later read by name.
func (s *fstate) typedTree(a ssa.Value) tree {
	t := s.valTree(a)
	if s.e.cfg.Sources == nil {
		return t
	}
	var typs []types.Type
	if d := s.dyn[a]; len(d) > 0 {
		typs = d
	} else {
		typs = []types.Type{a.Type()}
	}
	cleaned := t.cleaned()
	out := t.clone()
	if out == nil {
		out = tree{}
	}
	for _, typ := range typs {
		if _, ok := typ.Underlying().(*types.Interface); ok {
			continue
		}
	fields:
		for _, c := range s.e.cfg.Sources.Carried(typ) {
			for _, k := range cleaned {
				if isPrefix(k, c.Path) {
					continue fields
				}
			}
			o := origin{lab: s.e.concrete(c.Label), tr: (*trace)(nil).push(s.step(s.usePos(a), "holds "+c.Label.ShortField()))}
			out.put(c.Path, leaf(taint{o}))
		}
	}
	return out
}

// formattedTree is the data of the values in the variadic slice p.index
// formatted by the constant format string in argument p.format, used
// whole, except those printed with %T or %p (their type or address, not
// their data). A format that is not constant, or a slice the engine
// cannot see into, takes every value.
func (s *fstate) formattedTree(args []ssa.Value, p portSpec) tree {
	whole := func() tree { return s.argTree(args[p.index], "", true, p.enc) }
	if p.index >= len(args) || p.format >= len(args) || args[p.index] == nil {
		return nil
	}
	k, ok := args[p.format].(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return whole()
	}
	skip := typeVerbs(constant.StringVal(k.Value))
	if len(skip) == 0 {
		return whole()
	}
	sl, ok := args[p.index].(*ssa.Slice)
	if !ok {
		return whole()
	}
	alloc, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return whole()
	}
	var out tree
	for _, ref := range *alloc.Referrers() {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		ic, ok := ia.Index.(*ssa.Const)
		if !ok {
			return whole()
		}
		i, _ := constant.Int64Val(ic.Value)
		if skip[int(i)] {
			continue
		}
		for _, r2 := range *ia.Referrers() {
			if st, ok := r2.(*ssa.Store); ok && st.Addr == ia {
				x := st.Val
				if mi, ok := x.(*ssa.MakeInterface); ok {
					x = mi.X
				}
				out = merge(out, s.argTree(x, "", true, p.enc))
			}
		}
	}
	return out
}

// typeVerbs returns the operand indexes that a format prints with %T or
// %p. Explicit argument indexes ("%[2]T") and star widths are followed;
// a format it cannot follow gives nil (every operand counts).
func typeVerbs(format string) map[int]bool {
	out := map[int]bool{}
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		for i < len(format) {
			c := format[i]
			switch {
			case c == '[':
				j := strings.IndexByte(format[i:], ']')
				if j < 0 {
					return nil
				}
				n, err := strconv.Atoi(format[i+1 : i+j])
				if err != nil || n < 1 {
					return nil
				}
				arg = n - 1
				i += j + 1
				continue
			case c == '*':
				arg++ // a width or precision operand
				i++
				continue
			case strings.IndexByte("+-# 0123456789.", c) >= 0:
				i++
				continue
			}
			break
		}
		if i >= len(format) {
			break
		}
		if format[i] == 'T' || format[i] == 'p' {
			out[arg] = true
		}
		arg++
	}
	return out
}

// fieldPort is the data of the field of argument p.index named by the
// constant string argument p.field (reflect.Value.FieldByName(name)): that
// field's subtree, plus the user-data fields the argument's known types
// hold there. A name that is not a constant takes the argument whole.
func (s *fstate) fieldPort(args []ssa.Value, p portSpec) tree {
	if p.index >= len(args) || p.field >= len(args) || args[p.index] == nil {
		return nil
	}
	k, ok := args[p.field].(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return s.argTree(args[p.index], "", true, "")
	}
	return s.valTree(args[p.index]).sub("."+constant.StringVal(k.Value), s.e.labels)
}

func describeUse(name, enc string) string {
	short := shortName(name)
	if strings.Contains(name, "encoding/") || strings.Contains(name, "protobuf") {
		return "serialised by " + short
	}
	if strings.HasPrefix(name, "fmt.") {
		return "formatted by " + short
	}
	return "used by " + short
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

func (s *fstate) ptsOrPointee(v ssa.Value) []ref {
	if rs := s.ptsOf(v); len(rs) > 0 {
		return rs
	}
	return s.pointee(v)
}

// tuple results keep their own points-to sets, keyed by the Extract that
// reads them; addTuplePts records them on the Extract instructions.
func (s *fstate) addTuplePts(call ssa.Value, i int, rs []ref) {
	for _, r := range *call.Referrers() {
		if ex, ok := r.(*ssa.Extract); ok && ex.Index == i {
			s.addPts(ex, rs)
		}
	}
}

// deliver puts t at a target port of a call: a result, or what an
// argument points to.
func (s *fstate) deliver(c ssa.CallInstruction, args []ssa.Value, to portSpec, path string, t tree, name string) {
	if len(t) == 0 {
		return
	}
	if to.result {
		v := c.Value()
		if v == nil {
			return
		}
		if to.index >= 0 && isTuple(v) {
			s.setVal(v, under(".#"+itoa(to.index)+path, t))
			return
		}
		if isTuple(v) {
			n := v.Type().(*types.Tuple).Len()
			for i := 0; i < n; i++ {
				if i == n-1 && n > 1 && isError(v.Type().(*types.Tuple).At(i).Type()) {
					// A model's "r" means the values, not the final error.
					continue
				}
				s.setVal(v, under(".#"+itoa(i)+path, t))
			}
			return
		}
		s.setVal(v, under(path, t))
		return
	}
	if to.index < 0 || to.index >= len(args) || s.answers(args[to.index]) {
		return
	}
	if to.callback {
		s.intoCallback(c, args[to.index], to.cb, t, name)
		return
	}
	if to.local {
		s.writeInto(c, s.localOnly(s.pointee(args[to.index])), path, t, name)
		return
	}
	s.writeInto(c, s.pointee(args[to.index]), path, t, name)
	// Into a variadic parameter (fmt.Sscan(s, &a, &b), rows.Scan(dst...)):
	// into what each of its elements points to.
	if isVariadicSlot(c, args, to.index) {
		for _, el := range s.elements(args[to.index]) {
			if el != args[to.index] && !s.answers(el) {
				s.writeInto(c, s.pointee(el), path, t, name)
			}
		}
	}
}

// intoCallback hands t to parameter k of the functions that fv may hold:
// a library function modelled as calling its callback with data
// (fs.WalkDir, (*sync.Map).Range).
func (s *fstate) intoCallback(c ssa.CallInstruction, fv ssa.Value, k int, t tree, name string) {
	trees := make([]tree, k+1)
	trees[k] = leaf(t.all().withStep(s.step(c.Pos(), "handed to its callback by "+shortName(name))))
	for _, tg := range s.funcTargets(fv) {
		var sum *Summary
		switch {
		case tg.fn != nil:
			sum = s.sumOf(tg.fn)
		case tg.obj != nil && s.e.cfg.Summary != nil:
			sum = s.e.cfg.Summary(tg.obj)
		}
		if sum == nil {
			continue
		}
		n := len(trees)
		if tg.fn != nil {
			n = max(n, len(tg.fn.Params))
		}
		vals := append(make([]ssa.Value, n), tg.bindings...)
		s.applyView(c, argView{vals: vals, trees: trees, full: make(map[int]tree)}, tg, sum, 1)
	}
}

// localOnly keeps the places of rs that this function made: its
// allocations, the zero values of its variables, connections.
func (s *fstate) localOnly(rs []ref) []ref {
	var out []ref
	for _, r := range rs {
		o := &s.objs[r.obj]
		_, zero := o.val.(*ssa.Const)
		if o.kind == objAlloc || o.conn || (o.kind == objValue && zero) {
			out = append(out, r)
		}
	}
	return out
}

// isVariadicSlot reports whether args[i] is the slice a variadic call
// passes for its last parameter.
func isVariadicSlot(c ssa.CallInstruction, args []ssa.Value, i int) bool {
	sig := c.Common().Signature()
	return sig != nil && sig.Variadic() && i == len(args)-1
}

func isTuple(v ssa.Value) bool {
	_, ok := v.Type().(*types.Tuple)
	return ok
}

// writeInto stores t at path below each place in rs. Writing into a
// connection is an exit.
func (s *fstate) writeInto(c ssa.CallInstruction, rs []ref, path string, t tree, name string) {
	if len(t) == 0 || len(rs) == 0 {
		return
	}
	// Pointers are transparent: writing through a variable that holds a
	// pointer writes into what it points to as well.
	var all []ref
	for _, r := range rs {
		all = append(all, r)
		for _, q := range s.heapPts[r] {
			if !hasRef(all, q) {
				all = append(all, q)
			}
		}
	}
	rs = all[:0:0]
	for _, r := range all {
		if !s.objs[r.obj].answer {
			rs = append(rs, r)
		}
	}
	var dst []ref
	for _, r := range rs {
		dst = append(dst, ref{obj: r.obj, path: s.below(r.path, path)})
	}
	for _, r := range rs {
		if o := s.objs[r.obj]; o.conn {
			s.exitData(c, name, o.ekind, t.all(), s.strAt(o.val, ".#ep", 0), "written to a connection by "+shortName(name))
		}
	}
	t = s.flat(t)
	s.work += len(dst) * t.size()
	// Weak update: a call may or may not overwrite.
	for _, r := range dst {
		if !s.coarse { // coarse: the current heap is the union
			s.mut(r.obj).put(r.path, t)
		}
		u := s.union[r.obj]
		if u == nil {
			u = tree{}
			s.union[r.obj] = u
		}
		if u.put(r.path, t) {
			s.changed = true
		}
		if obj := s.objs[r.obj]; obj.kind == objGlobal {
			g := s.e.globals[obj.glob]
			if g == nil {
				g = tree{}
				s.e.globals[obj.glob] = g
			}
			if g.put(r.path, t) {
				s.e.sharedAt = s.e.tick
				s.e.globalAt[obj.glob] = s.e.tick
			}
		}
	}
}

// creator marks the objects a call returns as remembering an endpoint.
func (s *fstate) creator(c ssa.CallInstruction, cr *parsedCreator) {
	v := c.Value()
	if v == nil {
		return
	}
	mark := func(val ssa.Value) {
		o := s.object(objValue, 0, val)
		s.objs[o].conn = s.objs[o].conn || cr.conn
		s.objs[o].ekind = cr.kind
		s.addPts(val, []ref{{obj: o}})
	}
	if isTuple(v) {
		for _, r := range *v.Referrers() {
			if ex, ok := r.(*ssa.Extract); ok && ex.Index == 0 {
				mark(ex)
			}
		}
		return
	}
	mark(v)
}

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
			t := s.valTree(a).sub("[]", s.e.labels)
			t = merge(t, leaf(s.vals[a].all()))
			s.writeInto(c, s.pointee(v), "[]", t, "append")
		}
	case "copy":
		if len(args) == 2 {
			t := merge(s.valTree(args[1]).sub("[]", s.e.labels), leaf(s.vals[args[1]].all()))
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
			lab := s.e.labels[o.lab]
			arg := CallArg{Index: k, Sanitized: o.san, Steps: capSteps(o.tr.steps())}
			if lab.kind == concreteLabel {
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
