package lineage

import (
	"go/types"
	"sort"
)

// This file is class hierarchy analysis: which methods an interface call
// may reach, among the concrete named types this package can see.

// chaIndex holds the concrete named types of the package and of the
// packages it directly imports, with the names of the methods of their
// pointer types' method sets (a superset of the value types'). It is built
// once per analysed package, on the first interface call that needs it, so
// that an interface method's lookup tests only the types that have all its
// method names.
type chaIndex struct {
	byName map[string][]*types.Named
	// impls caches the implementing types (T or *T) per interface.
	impls map[*types.Interface][]types.Type
}

func (e *engine) chaIndex() *chaIndex {
	if e.chaIdx != nil {
		return e.chaIdx
	}
	names := e.cfg.MethodNames
	if names == nil {
		names = MethodNames
	}
	x := &chaIndex{byName: make(map[string][]*types.Named), impls: make(map[*types.Interface][]types.Type)}
	pkgs := append([]*types.Package{e.cfg.Pkg.Pkg}, e.cfg.Pkg.Pkg.Imports()...)
	for _, p := range pkgs {
		for name, ts := range names(p) {
			x.byName[name] = append(x.byName[name], ts...)
		}
	}
	e.chaIdx = x
	return x
}

// MethodNames indexes the concrete, non-generic named types declared in p
// by the names of their methods (of T or *T), each list in scope order.
// It is the default for Config.MethodNames; drivers that analyse many
// packages importing the same ones share its result per package.
func MethodNames(p *types.Package) map[string][]*types.Named {
	out := make(map[string][]*types.Named)
	scope := p.Scope()
	for _, n := range scope.Names() {
		tn, ok := scope.Lookup(n).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok || named.TypeParams().Len() > 0 {
			continue
		}
		if _, isIface := named.Underlying().(*types.Interface); isIface {
			continue
		}
		ms := types.NewMethodSet(types.NewPointer(named))
		for i := 0; i < ms.Len(); i++ {
			name := ms.At(i).Obj().Name()
			out[name] = append(out[name], named)
		}
	}
	return out
}

// implementing returns the types (T, or *T when only the pointer has the
// methods) that implement iface, in the order the index lists them.
func (x *chaIndex) implementing(iface *types.Interface) []types.Type {
	if out, ok := x.impls[iface]; ok {
		return out
	}
	// The candidates: the types with the interface's rarest method name.
	var cands []*types.Named
	for i := 0; i < iface.NumMethods(); i++ {
		c := x.byName[iface.Method(i).Name()]
		if i == 0 || len(c) < len(cands) {
			cands = c
		}
		if len(c) == 0 {
			break
		}
	}
	var out []types.Type
	for _, named := range cands {
		var t types.Type = named
		if !types.Implements(t, iface) {
			t = types.NewPointer(named)
			if !types.Implements(t, iface) {
				continue
			}
		}
		out = append(out, t)
	}
	x.impls[iface] = out
	return out
}

// implementations lists the methods implementing the interface method m
// among the named types of this package and of the packages it imports,
// sorted by name. Types of packages that import this one are out of sight,
// as go/analysis requires; those calls fall back to the abstract method's
// model.
func (e *engine) implementations(m *types.Func) []*types.Func {
	if out, ok := e.cha[m]; ok {
		return out
	}
	recv := m.Type().(*types.Signature).Recv()
	var iface *types.Interface
	if recv != nil {
		iface, _ = recv.Type().Underlying().(*types.Interface)
	}
	var out []*types.Func
	if iface != nil && !iface.Empty() {
		for _, t := range e.chaIndex().implementing(iface) {
			if f := methodOf(t, m); f != nil {
				out = append(out, f)
			}
		}
	}
	names := make([]string, len(out))
	for i, f := range out {
		names[i] = f.FullName()
	}
	sort.Sort(byName{names, out})
	e.cha[m] = out
	return out
}

type byName struct {
	names []string
	fns   []*types.Func
}

func (b byName) Len() int { return len(b.names) }

func (b byName) Less(i, j int) bool { return b.names[i] < b.names[j] }

func (b byName) Swap(i, j int) {
	b.names[i], b.names[j] = b.names[j], b.names[i]
	b.fns[i], b.fns[j] = b.fns[j], b.fns[i]
}
