package driver

import (
	"bytes"
	"fmt"
	"go/token"
	"go/types"
	"io"

	"golang.org/x/tools/go/gcexportdata"
)

// A package restored from the cache for its importers needs its types.
// Checking them from source (without bodies, purgeBodies) was most of a
// re-scan after a one-file edit: on kratos, restoring the 841 packages
// the one analysed again imports took 3.4 of the run's 6.1 s of CPU
// (reading, blanking, parsing and checking their files). An entry
// therefore keeps the package's export data, and the package's types are
// read from it when it can stand for the source.
//
// It can when no analysis sees something missing. Export data
// (gcexportdata, the deep indexed format) holds the exported objects and
// what they reach, not the unexported functions and types nothing
// exported reaches. An analysis sees those only in the packages its
// package imports directly: class hierarchy analysis looks, among the
// types of the package and of its imports, for those implementing an
// interface, unexported ones included (an implementation returned behind
// an interface), and asks for their methods' facts. Every other object
// an analysis meets is named by the code or reached from a value's type,
// which export data holds. So a package's types come from export data
//   - when it is imported by a package the run may analyse (node.
//     scopeNeeded: those not found in the cache, and those above them),
//     only if the export data holds every interface and every type with
//     methods the package declares (exportNames) and every object its
//     facts are about;
//   - otherwise, always; facts about objects it does not hold are left
//     out (node.partialScope), no importer being able to ask for them.
// Else the package is checked from source, as before. Positions read
// from export data have no columns; what an importer reports about an
// imported object's declaration comes from that package's facts (a
// field's label: sources.FieldFact), which keep them.

// exportNames lists, one per line and sorted, the names of the types
// declared in pkg that export data must hold to stand for it: interfaces
// and types with methods (of T or *T).
func exportNames(pkg *types.Package) []byte {
	var b bytes.Buffer
	scope := pkg.Scope()
	for _, name := range scope.Names() { // sorted
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		if _, isIface := tn.Type().Underlying().(*types.Interface); !isIface {
			if types.NewMethodSet(types.NewPointer(tn.Type())).Len() == 0 {
				continue
			}
		}
		b.WriteString(name)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// hasNames reports whether every name exportNames listed is a type in
// pkg's scope.
func hasNames(pkg *types.Package, names []byte) bool {
	scope := pkg.Scope()
	for len(names) > 0 {
		i := bytes.IndexByte(names, '\n')
		if i < 0 {
			return false
		}
		if _, ok := scope.Lookup(string(names[:i])).(*types.TypeName); !ok {
			return false
		}
		names = names[i+1:]
	}
	return true
}

// writeTypes writes what of pkg's types goes into its entry's output hash
// (run.store): every package-level object, with its type, its methods,
// the type it names and a constant's value, and the position of each,
// which an importer may report. Other packages are named by path, not
// written out: their own output hashes cover them, and the text does not
// depend on how this run restored them. (Export data does: two runs that
// restored the same imports once from source and once from export data
// write different export data for the same package, instantiated types
// being told apart by identity.) Unexported objects are written too: an
// importer's class hierarchy analysis sees an unexported type's methods.
//
// Each position is written by pos (see positions.go: the output hash
// writes a position by its rank).
func (r *run) writeTypes(w io.Writer, pkg *types.Package, pos func(io.Writer, token.Position)) {
	qual := func(p *types.Package) string { return p.Path() }
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		fmt.Fprintf(w, "%s\n\t", types.ObjectString(obj, qual))
		pos(w, r.fset.Position(obj.Pos()))
		fmt.Fprintf(w, "\n")
		switch obj := obj.(type) {
		case *types.Const:
			fmt.Fprintf(w, "\t= %s\n", obj.Val().ExactString())
		case *types.TypeName:
			if obj.IsAlias() {
				break
			}
			named, ok := obj.Type().(*types.Named)
			if !ok {
				break
			}
			fmt.Fprintf(w, "\tunderlying %s\n", types.TypeString(named.Underlying(), qual))
			for i := range named.NumMethods() {
				m := named.Method(i)
				fmt.Fprintf(w, "\tmethod %s ", types.ObjectString(m, qual))
				pos(w, r.fset.Position(m.Pos()))
				fmt.Fprintf(w, "\n")
			}
		}
	}
}

// importTypes makes n's types from its entry's export data, and restores
// its facts onto them, when that export data can stand for the package
// (see above). It reports false, having changed nothing, when it cannot:
// the package is then checked from source.
func (r *run) importTypes(n *node, b *body) (ok bool) {
	if len(b.types) == 0 {
		return false
	}
	imports := transitiveTypes(n)
	if imports == nil {
		return false
	}
	defer func() {
		if recover() != nil { // export data the importer cannot read
			ok = false
		}
	}()
	// A LimitedReader: Read copies its input into one buffer of the
	// reader's N bytes, where from another reader it grows one (an edit
	// re-scan of kratos spent 0.22 of its 3.2 s of CPU growing them).
	in := &io.LimitedReader{R: bytes.NewReader(b.types), N: int64(len(b.types))}
	pkg, err := gcexportdata.Read(in, r.fset, imports, n.pkg.PkgPath)
	if err != nil || pkg.Name() != n.pkg.Name {
		return false
	}
	full := hasNames(pkg, b.names)
	if !full && n.scopeNeeded {
		return false
	}
	skipped := 0
	if len(b.facts) > 0 {
		if skipped, err = r.facts.decodeFacts(pkg, b.facts, !n.scopeNeeded); err != nil {
			return false
		}
	}
	n.types, n.partialScope = pkg, !full || skipped > 0
	return true
}

// transitiveTypes returns the types of n's imports, direct or not, by
// path; nil when one has no types, or two share a path. The map is made
// at the imports' number, not grown: a kratos edit re-scan reads the
// export data of ~1,000 packages, and this took 0.17-0.18 s of its CPU
// growing maps, 0.10-0.15 s so (profiles, three re-scans each).
func transitiveTypes(n *node) map[string]*types.Package {
	deps := closure(n)
	m := make(map[string]*types.Package, len(deps))
	for imp := range deps {
		if imp.pkg.PkgPath == "unsafe" {
			m["unsafe"] = types.Unsafe // as check's importer gives it
			continue
		}
		if imp.types == nil {
			return nil
		}
		path := imp.types.Path()
		if old, ok := m[path]; ok && old != imp.types {
			return nil
		}
		m[path] = imp.types
	}
	return m
}
