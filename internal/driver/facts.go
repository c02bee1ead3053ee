package driver

import (
	"fmt"
	"go/types"
	"reflect"
	"sort"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// factTable holds the facts of all packages of a run. A package's facts
// are written while it is analysed and read by the packages that import
// it, which start after it is done; the lock covers the maps themselves.
type factTable struct {
	mu  sync.RWMutex
	obj map[objectKey]analysis.Fact
	pkg map[packageKey]analysis.Fact
}

type objectKey struct {
	obj types.Object
	t   reflect.Type
}

type packageKey struct {
	pkg *types.Package
	t   reflect.Type
}

func (ft *factTable) init() {
	ft.obj = make(map[objectKey]analysis.Fact)
	ft.pkg = make(map[packageKey]analysis.Fact)
}

// bind sets the fact functions of a pass of analyzer a. Each analyzer sees
// its own fact types only. As in checker, exporting a fact of a type the
// analyzer did not declare, or about an object of another package, panics,
// which runPass reports as an internal error.
func (ft *factTable) bind(pass *analysis.Pass, a *analysis.Analyzer) {
	declared := make(map[reflect.Type]bool, len(a.FactTypes))
	for _, f := range a.FactTypes {
		declared[reflect.TypeOf(f)] = true
	}
	check := func(fact analysis.Fact) reflect.Type {
		t := reflect.TypeOf(fact)
		if !declared[t] {
			panic(fmt.Sprintf("analyzer %s used fact type %v, which is not in its FactTypes", a.Name, t))
		}
		return t
	}
	pass.ImportObjectFact = func(obj types.Object, fact analysis.Fact) bool {
		if obj == nil {
			panic("ImportObjectFact of a nil object")
		}
		t := reflect.TypeOf(fact)
		// Another analyzer's fact is not visible, as in checker.
		return declared[t] && lookup(&ft.mu, ft.obj, objectKey{obj, t}, fact)
	}
	pass.ExportObjectFact = func(obj types.Object, fact analysis.Fact) {
		if obj.Pkg() != pass.Pkg {
			panic(fmt.Sprintf("analyzer %s exported a fact about %s, which is not in package %s", a.Name, obj, pass.Pkg.Path()))
		}
		k := objectKey{obj, check(fact)}
		ft.mu.Lock()
		ft.obj[k] = fact
		ft.mu.Unlock()
	}
	pass.ImportPackageFact = func(pkg *types.Package, fact analysis.Fact) bool {
		t := reflect.TypeOf(fact)
		return declared[t] && lookup(&ft.mu, ft.pkg, packageKey{pkg, t}, fact)
	}
	pass.ExportPackageFact = func(fact analysis.Fact) {
		k := packageKey{pass.Pkg, check(fact)}
		ft.mu.Lock()
		ft.pkg[k] = fact
		ft.mu.Unlock()
	}
	pass.AllObjectFacts = func() []analysis.ObjectFact {
		ft.mu.RLock()
		defer ft.mu.RUnlock()
		vis := visible(pass.Pkg)
		var out []analysis.ObjectFact
		for k, f := range ft.obj {
			if declared[k.t] && vis[k.obj.Pkg()] {
				out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
			}
		}
		sort.Slice(out, func(i, j int) bool {
			return objectOrder(out[i].Object, out[j].Object, out[i].Fact, out[j].Fact)
		})
		return out
	}
	pass.AllPackageFacts = func() []analysis.PackageFact {
		ft.mu.RLock()
		defer ft.mu.RUnlock()
		vis := visible(pass.Pkg)
		var out []analysis.PackageFact
		for k, f := range ft.pkg {
			if declared[k.t] && vis[k.pkg] {
				out = append(out, analysis.PackageFact{Package: k.pkg, Fact: f})
			}
		}
		sort.Slice(out, func(i, j int) bool {
			if out[i].Package.Path() != out[j].Package.Path() {
				return out[i].Package.Path() < out[j].Package.Path()
			}
			return reflect.TypeOf(out[i].Fact).String() < reflect.TypeOf(out[j].Fact).String()
		})
		return out
	}
}

// lookup copies the fact stored at k in m into fact, reporting whether
// there was one.
func lookup[K comparable](mu *sync.RWMutex, m map[K]analysis.Fact, k K, fact analysis.Fact) bool {
	mu.RLock()
	f, ok := m[k]
	mu.RUnlock()
	if ok {
		reflect.ValueOf(fact).Elem().Set(reflect.ValueOf(f).Elem())
	}
	return ok
}

// visible returns the packages whose facts p sees: p and its imports,
// direct or not.
func visible(p *types.Package) map[*types.Package]bool {
	seen := map[*types.Package]bool{p: true}
	var walk func(x *types.Package)
	walk = func(x *types.Package) {
		for _, imp := range x.Imports() {
			if !seen[imp] {
				seen[imp] = true
				walk(imp)
			}
		}
	}
	walk(p)
	return seen
}

func objectOrder(a, b types.Object, fa, fb analysis.Fact) bool {
	pa, pb := "", ""
	if a.Pkg() != nil {
		pa = a.Pkg().Path()
	}
	if b.Pkg() != nil {
		pb = b.Pkg().Path()
	}
	if pa != pb {
		return pa < pb
	}
	if a.Pos() != b.Pos() {
		return a.Pos() < b.Pos()
	}
	if a.Name() != b.Name() {
		return a.Name() < b.Name()
	}
	return reflect.TypeOf(fa).String() < reflect.TypeOf(fb).String()
}
