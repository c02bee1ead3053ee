package lineage

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Function values kept in struct fields. Services keep hooks, factories
// and handlers in unexported fields set by their constructors
// (c.newTemplate = NewTemplateFromMessage) and call them from other
// methods (c.newTemplate(d, msg)). The call's value is a load from the
// field, which on its own says nothing about what it holds; the package
// does: collectFieldFuncs finds every value stored into each such field.
// A field is resolved (closed) only when every stored value is a function
// of the package, a closure, or a parameter of an unexported function of
// the package whose every caller passes one of those; an exported field,
// or one set from anything else, stays open and its calls are handled as
// unknown calls, as before.

// fieldFuncs is what collectFieldFuncs found.
type fieldFuncs struct {
	funcs map[*types.Var][]*ssa.Function
	open  map[*types.Var]bool
}

func (e *engine) collectFieldFuncs() {
	ff := fieldFuncs{funcs: map[*types.Var][]*ssa.Function{}, open: map[*types.Var]bool{}}
	e.fieldFn = ff
	callers := map[*ssa.Function][]ssa.CallInstruction{}
	for _, fn := range e.funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				if c, ok := in.(ssa.CallInstruction); ok {
					if callee := c.Common().StaticCallee(); callee != nil {
						callers[callee] = append(callers[callee], c)
					}
				}
			}
		}
	}
	// fns resolves a stored value to functions; ok is false when it
	// cannot be resolved.
	var fns func(v ssa.Value, depth int) ([]*ssa.Function, bool)
	fns = func(v ssa.Value, depth int) ([]*ssa.Function, bool) {
		switch v := v.(type) {
		case *ssa.Function:
			return []*ssa.Function{originFn(v)}, true
		case *ssa.MakeClosure:
			if f, ok := v.Fn.(*ssa.Function); ok {
				return []*ssa.Function{originFn(f)}, true
			}
		case *ssa.Const:
			return nil, v.IsNil() // a nil func: nothing to call
		case *ssa.ChangeType:
			return fns(v.X, depth)
		case *ssa.Parameter:
			fn := v.Parent()
			if depth > 0 || fn == nil || fn.Object() == nil || fn.Object().Exported() || fn.Signature.Recv() != nil {
				return nil, false
			}
			idx := -1
			for i, p := range fn.Params {
				if p == v {
					idx = i
				}
			}
			sites := callers[fn]
			if idx < 0 || len(sites) == 0 || fn.Object().Pkg() != e.cfg.Pkg.Pkg {
				return nil, false
			}
			var out []*ssa.Function
			for _, c := range sites {
				args := c.Common().Args
				if idx >= len(args) {
					return nil, false
				}
				got, ok := fns(args[idx], depth+1)
				if !ok {
					return nil, false
				}
				out = append(out, got...)
			}
			return out, true
		}
		return nil, false
	}
	for _, fn := range e.funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				store, ok := in.(*ssa.Store)
				if !ok {
					continue
				}
				fa, ok := store.Addr.(*ssa.FieldAddr)
				if !ok {
					continue
				}
				f, _ := fieldOf(fa.X.Type(), fa.Field)
				if f == nil {
					continue
				}
				if _, isFunc := f.Type().Underlying().(*types.Signature); !isFunc {
					continue
				}
				if ff.open[f] {
					continue
				}
				got, ok := fns(store.Val, 0)
				if !ok || f.Exported() || f.Pkg() != e.cfg.Pkg.Pkg {
					ff.open[f] = true
					delete(ff.funcs, f)
					continue
				}
				for _, g := range got {
					if g != nil && !containsFn(ff.funcs[f], g) {
						ff.funcs[f] = append(ff.funcs[f], g)
					}
				}
			}
		}
	}
}

func containsFn(fs []*ssa.Function, f *ssa.Function) bool {
	for _, g := range fs {
		if g == f {
			return true
		}
	}
	return false
}

// fieldFuncsOf returns the functions a value loaded from a closed field
// may be.
func (e *engine) fieldFuncsOf(v ssa.Value) []*ssa.Function {
	var f *types.Var
	switch v := v.(type) {
	case *ssa.UnOp:
		if v.Op != token.MUL {
			return nil
		}
		fa, ok := v.X.(*ssa.FieldAddr)
		if !ok {
			return nil
		}
		f, _ = fieldOf(fa.X.Type(), fa.Field)
	case *ssa.Field:
		f, _ = fieldOf(v.X.Type(), v.Field)
	}
	if f == nil || e.fieldFn.open[f] {
		return nil
	}
	return e.fieldFn.funcs[f]
}

// fieldFuncTargets resolves a function value loaded from a closed field.
func (s *fstate) fieldFuncTargets(v ssa.Value) []target {
	var out []target
	for _, fn := range s.e.fieldFuncsOf(v) {
		out = append(out, s.e.targetOfFn(fn))
	}
	return out
}
