package lineage

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// collectConsts maps string constant values to their declarations, so that
// an endpoint built from a named constant can point at it.
func (e *engine) collectConsts() {
	e.consts = make(map[string]Position)
	scope := e.cfg.Pkg.Pkg.Scope()
	for _, n := range scope.Names() {
		if c, ok := scope.Lookup(n).(*types.Const); ok {
			if s, ok := constString(c); ok {
				if _, dup := e.consts[s]; !dup {
					e.consts[s] = e.pos(c.Pos())
				}
			}
		}
	}
}

func constString(c *types.Const) (string, bool) {
	if c.Val().Kind() != 3 { // constant.String
		return "", false
	}
	s := c.Val().ExactString()
	if len(s) >= 2 && s[0] == '"' {
		if u, err := unquote(s); err == nil {
			return u, true
		}
	}
	return "", false
}

// collectFieldStrs finds the values the package's unexported struct fields
// are set to. A field qualifies only when every store to it, anywhere in
// the package, folds to literals; other packages cannot set it.
func (e *engine) collectFieldStrs() {
	e.fields = make(map[*types.Var]map[string]StrExpr)
	bad := make(map[*types.Var]bool)
	badPath := make(map[*types.Var]map[string]bool)
	for _, fn := range e.funcs {
		st := e.scratch(fn)
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
				if f == nil || f.Exported() || f.Pkg() != e.cfg.Pkg.Pkg || bad[f] {
					continue
				}
				// The field's own string, and the strings of the object it
				// holds (a client's host, the endpoint it remembers).
				for _, path := range stringPaths(f.Type(), 1) {
					if badPath[f][path] {
						continue
					}
					x := st.strAt(store.Val, path, 0)
					if path != "" && !allLiteral(x) {
						// Not a constant here: never claim one for this
						// path, whatever other stores say.
						if badPath[f] == nil {
							badPath[f] = make(map[string]bool)
						}
						badPath[f][path] = true
						if m := e.fields[f]; m != nil {
							delete(m, path)
						}
						continue
					}
					if !allLiteral(x) {
						bad[f] = true
						delete(e.fields, f)
						break
					}
					m := e.fields[f]
					if m == nil {
						m = make(map[string]StrExpr)
						e.fields[f] = m
					}
					m[path] = Union(m[path], x)
				}
			}
		}
	}
}

// allLiteral reports whether every alternative is fully known.
func allLiteral(x StrExpr) bool {
	if len(x) == 0 {
		return false
	}
	for _, a := range x {
		if _, unk := a.Prefix(); unk != nil {
			return false
		}
	}
	return true
}

// fieldStr returns what an unexported field is known to hold at path
// ("" or ".#ep"), from this package or a fact.
func (e *engine) fieldStr(f *types.Var, path string) StrExpr {
	if f == nil || f.Exported() {
		return nil
	}
	if f.Pkg() == e.cfg.Pkg.Pkg {
		return e.fields[f][path]
	}
	if e.cfg.FieldStr != nil {
		return e.cfg.FieldStr(f)[path]
	}
	return nil
}
