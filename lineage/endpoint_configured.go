package lineage

import (
	"fmt"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// This file evaluates endpoint specs (knowledge/models.go): where an exit
// sends data, what a created client remembers, and the pieces of
// configuration SDK clients are built from (an AWS region from an option
// or a config struct, a DSN given to an Init function, a region set by a
// setter). The values are folded like any other string (endpoint_fold.go).

// specCtx is where a spec is evaluated: the arguments of a call (receiver
// first) and, for a call that creates an object, that object (whose setter
// calls "set:" reads).
type specCtx struct {
	args []ssa.Value
	self ssa.Value
}

// spec evaluates a spec: the first alternative the code sets; nil when it
// sets none.
func (s *fstate) spec(sp *endpointSpec, cx specCtx, depth int) StrExpr {
	if depth > maxStrDepth {
		return Unknown("value built too deep to fold")
	}
	for a := sp; a != nil && a.kind != 0; a = a.next {
		if x := s.specAlt(a, cx, depth); len(x) > 0 {
			return x
		}
	}
	return nil
}

func (s *fstate) specAlt(a *endpointSpec, cx specCtx, depth int) StrExpr {
	arg := func(i int) ssa.Value {
		if i < len(cx.args) {
			return cx.args[i]
		}
		return nil
	}
	switch a.kind {
	case 'a':
		if v := arg(a.index); v != nil {
			return s.strAt(v, a.path, depth)
		}
	case 'o':
		if v := arg(a.index); v != nil {
			return s.strAt(v, a.path+".#ep", depth)
		}
	case 'f':
		return Lit(a.fixed, Position{})
	case 'e':
		return InputStr(InputEnv, a.fixed) // a configured input: the policy or its deploy files may give it a value
	case 'u':
		return Unknown(a.fixed)
	case 't':
		var out StrExpr
		for _, p := range a.parts {
			if p.slot == nil {
				out = Concat(out, Lit(p.lit, Position{}))
				continue
			}
			x := s.spec(p.slot, cx, depth+1)
			if len(x) == 0 {
				return nil // a slot the code does not set
			}
			out = Concat(out, x)
		}
		return out
	case 'p':
		return s.options(arg(a.index), a.path, depth)
	case 's':
		return s.setters(cx.self, a.path, depth)
	case 'c':
		return s.pkgCalls(a, depth)
	}
	return nil
}

// options folds what the options passed in a variadic argument set at
// path: option constructors with a Settings entry for path, and functions
// assigning their first parameter's field (func(o *s3.Options) {
// o.Region = "eu-west-1" }). No options set nothing; options the engine
// cannot enumerate (a slice passed on) make the value unknown.
func (s *fstate) options(v ssa.Value, path string, depth int) StrExpr {
	if v == nil {
		return nil
	}
	if c, ok := v.(*ssa.Const); ok && c.IsNil() {
		return nil
	}
	elems := s.elements(v)
	if len(elems) == 1 && elems[0] == v {
		return Unknown("options passed as " + describe(v))
	}
	var out StrExpr
	for _, e := range elems {
		out = Union(out, s.option(e, path, depth))
	}
	return out
}

func (s *fstate) option(e ssa.Value, path string, depth int) StrExpr {
	for {
		switch x := e.(type) {
		case *ssa.ChangeType:
			e = x.X
			continue
		case *ssa.MakeInterface:
			e = x.X
			continue
		case *ssa.Convert:
			e = x.X
			continue
		}
		break
	}
	switch e := e.(type) {
	case *ssa.Call:
		if fn := e.Common().StaticCallee(); fn != nil {
			if sp := s.e.models.setting(funcName(originFn(fn)), path); sp != nil {
				return s.spec(sp, specCtx{args: callArgs(e.Common()), self: e}, depth+1)
			}
		}
	case *ssa.MakeClosure:
		if fn, ok := e.Fn.(*ssa.Function); ok {
			return s.assigns(fn, e.Bindings, path, depth)
		}
	case *ssa.Function:
		return s.assigns(e, nil, path, depth)
	}
	return nil
}

// assigns folds what a function of the package stores at path below its
// first parameter, its captured variables being bindings.
func (s *fstate) assigns(fn *ssa.Function, bindings []ssa.Value, path string, depth int) StrExpr {
	if fn.Pkg != s.e.cfg.Pkg || len(fn.Params) == 0 || len(fn.Blocks) == 0 {
		return nil
	}
	st := s
	if fn != s.fn {
		st = s.e.scratch(fn)
	}
	var out StrExpr
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			store, ok := in.(*ssa.Store)
			if !ok || fieldPath(store.Addr, fn.Params[0]) != path {
				continue
			}
			x := st.strAt(store.Val, "", depth+1).Subst(func(i int, p string) StrExpr {
				if j := i - len(fn.Params); j >= 0 && j < len(bindings) {
					return s.strAt(bindings[j], p, depth+1)
				}
				return st.paramStr(i, p)
			})
			out = Union(out, x)
		}
	}
	return out
}

// fieldPath returns the path of field addresses from base to addr
// (".Region", ".Options.Region"), or "" when addr is not below base.
func fieldPath(addr, base ssa.Value) string {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok {
		return ""
	}
	f, _ := fieldOf(fa.X.Type(), fa.Field)
	if f == nil {
		return ""
	}
	if fa.X == base {
		return "." + f.Name()
	}
	if p := fieldPath(fa.X, base); p != "" {
		return p + "." + f.Name()
	}
	return ""
}

// setters folds what setter methods called on obj (in the function that
// made it) set at path: client.SetRegion("ie1").
func (s *fstate) setters(obj ssa.Value, path string, depth int) StrExpr {
	if obj == nil {
		return nil
	}
	// The object itself, and the interface values made of it.
	objs := []ssa.Value{obj}
	for _, r := range s.referrers(obj) {
		switch r := r.(type) {
		case *ssa.MakeInterface:
			objs = append(objs, r)
		case *ssa.ChangeType:
			objs = append(objs, r)
		}
	}
	var out StrExpr
	for _, o := range objs {
		for _, r := range s.referrers(o) {
			c, ok := r.(ssa.CallInstruction)
			if !ok {
				continue
			}
			common := c.Common()
			var name string
			switch {
			case common.IsInvoke():
				name = common.Method.FullName()
			case common.StaticCallee() != nil:
				name = funcName(originFn(common.StaticCallee()))
			default:
				continue
			}
			args := callArgs(common)
			if len(args) == 0 || args[0] != o {
				continue
			}
			if sp := s.e.models.setting(name, path); sp != nil {
				out = Union(out, s.spec(sp, specCtx{args: args, self: o}, depth+1))
			}
		}
	}
	return out
}

// pkgCalls evaluates a "call:FUNC{spec}" alternative: spec at every call
// of FUNC in the package (a client configured once, globally, as
// sentry.Init does). Parameters of the functions making those calls are
// not substituted (no caller is in sight): they stay unknown, named.
func (s *fstate) pkgCalls(a *endpointSpec, depth int) StrExpr {
	k := strKey{path: fmt.Sprintf("#call %p", a)}
	if x, ok := s.strMemo[k]; ok {
		return x
	}
	s.strMemo[k] = Unknown("value built in a loop")
	var out StrExpr
	for _, fn := range s.e.funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				c, ok := in.(ssa.CallInstruction)
				if !ok {
					continue
				}
				callee := c.Common().StaticCallee()
				if callee == nil || funcName(originFn(callee)) != a.fixed {
					continue
				}
				st := s
				if fn != s.fn {
					st = s.e.scratch(fn)
				}
				x := st.spec(a.inner, specCtx{args: callArgs(c.Common()), self: c.Value()}, depth+1)
				out = Union(out, x.Subst(func(i int, p string) StrExpr { return st.paramStr(i, p) }))
			}
		}
	}
	s.strMemo[k] = out
	return out
}

// funcTypeExit handles a call of a function value whose named function type
// is an exit (esapi.Index: es.Index(...) calls a field of the client's
// API): the value is argument 0 of the exit's spec, the call's arguments
// follow. It reports whether the call was one.
func (s *fstate) funcTypeExit(c ssa.CallInstruction, common *ssa.CallCommon) bool {
	if common.IsInvoke() || common.StaticCallee() != nil {
		return false
	}
	n, ok := types.Unalias(common.Value.Type()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	name := n.Obj().Pkg().Path() + "." + n.Obj().Name()
	x, op := s.e.models.exit(name)
	if x == nil {
		return false
	}
	args := append([]ssa.Value{common.Value}, common.Args...)
	s.exitArgs(c, args, name, x.kind, x.data, x.endpoint, "sent by "+op)
	return true
}

// chanSend handles a send on a channel that is a connection (a producer's
// Input channel): what is sent leaves.
func (s *fstate) chanSend(in *ssa.Send, t tree) {
	for _, r := range s.pointee(in.Chan) {
		o := s.objs[r.obj]
		if !o.conn {
			continue
		}
		name := "channel send"
		if c, ok := o.val.(ssa.CallInstruction); ok {
			switch common := c.Common(); {
			case common.IsInvoke():
				name = common.Method.FullName()
			case common.StaticCallee() != nil:
				name = funcName(originFn(common.StaticCallee()))
			}
		}
		s.exitData(in, name, o.ekind, t.all(), s.strAt(o.val, ".#ep", 0), "sent on the channel of "+shortName(name))
	}
}

// paramStr is the unknown value of parameter i at path, named and
// classified as paramName says.
func (s *fstate) paramStr(i int, path string) StrExpr {
	text, in := s.paramName(i, path)
	return StrExpr{{{Kind: PartUnknown, Text: text, In: in.Kind, Name: in.Name}}}
}
