package lineage

import (
	"go/types"
	"path/filepath"
	"strconv"
	"strings"

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
	if len(out) == 0 && s.e.selfViaCell(s.fn, v) {
		// The closure calling itself through the variable it
		// captured: the same closure, its free variables its own.
		t := s.e.targetOfFn(s.fn)
		for _, fv := range s.fn.FreeVars {
			t.bindings = append(t.bindings, fv)
		}
		out = append(out, t)
	}
	if len(out) == 0 {
		out = s.fieldFuncTargets(v)
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
