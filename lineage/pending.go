package lineage

import (
	"fmt"
	"go/types"
	"slices"
	"sort"

	"golang.org/x/tools/go/ssa"
)

// Interface calls whose implementations a package cannot see.
//
// A service usually declares the interfaces it depends on and receives the
// implementations from main (dependency injection): the package that sends
// user data through `s.tracker.Track(u.Email)` cannot see the type that
// implements Tracker, because that type's package does not import it. The
// engine records such calls with the user data they pass (PendingCall);
// the record travels up the import graph as a package fact, and every
// package that can see implementations of the interface applies their
// summaries' exits to it. This is class hierarchy analysis completed where
// the types meet, which go/analysis allows because facts only flow upward.

// PendingCall is an interface call with user data whose implementations
// were not visible where it was made.
type PendingCall struct {
	IfacePkg  string // package path of the interface's named type
	IfaceName string // the interface's name
	Method    string // method name
	Pos       Position
	Func      string
	// Args holds, per argument (receiver excluded), the user data passed.
	Args [][]PendingData
	// Consts holds, per argument (receiver excluded), the constant
	// strings passed there, when it is a slice built at the call of
	// constants only (column names an implementation's mapper writes,
	// ExitEdge.Cols); nil elsewhere.
	Consts [][]string `json:",omitempty"`
}

// PendingData is one label passed to a pending call, with its path.
type PendingData struct {
	Label     Label
	Sanitized bool
	Steps     []Step
	// Path is where in the argument the data is ("" for the value as a
	// whole): an implementation's exit that reads another field of the
	// argument does not send it.
	Path string `json:",omitempty"`
}

func (p PendingCall) key() string {
	return p.IfacePkg + "." + p.IfaceName + "." + p.Method + "@" + p.Pos.String()
}

// merge returns p with the data of q that p lacks (by label, path and
// sanitisation) added, argument by argument.
func (p PendingCall) merge(q PendingCall) PendingCall {
	args := make([][]PendingData, max(len(p.Args), len(q.Args)))
	for i := range args {
		if i < len(p.Args) {
			args[i] = slices.Clone(p.Args[i])
		}
		if i >= len(q.Args) {
			continue
		}
		for _, d := range q.Args[i] {
			if !slices.ContainsFunc(args[i], func(o PendingData) bool {
				return o.Label == d.Label && o.Path == d.Path && o.Sanitized == d.Sanitized
			}) {
				args[i] = append(args[i], d)
			}
		}
	}
	p.Args = args
	if p.Consts == nil {
		p.Consts = q.Consts
	}
	return p
}

// maxPending bounds the pending calls a package carries; past it the
// package notes it.
const maxPending = 256

// pendingCall records an unresolved interface call that passes user data.
func (s *fstate) pendingCall(c ssa.CallInstruction, m *types.Func, args []ssa.Value) {
	recv := m.Type().(*types.Signature).Recv()
	if recv == nil {
		return
	}
	named, ok := types.Unalias(recv.Type()).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return
	}
	p := PendingCall{
		IfacePkg:  named.Obj().Pkg().Path(),
		IfaceName: named.Obj().Name(),
		Method:    m.Name(),
		Pos:       s.e.pos(c.Pos()),
		Func:      funcName(s.fn),
	}
	any := false
	callStep := s.step(c.Pos(), "passed to "+shortName(m.FullName()))
	for _, a := range args[1:] {
		var data []PendingData
		// Where each source sits in the argument: its own tree and the
		// fields its type holds, at their paths.
		at := make(map[int][]string)
		typed := s.typedTree(a)
		for _, en := range typed.entries() {
			k := en.p
			for _, o := range en.v {
				if !slices.Contains(at[o.src], k) {
					at[o.src] = append(at[o.src], k)
				}
			}
		}
		for _, o := range s.argTree(a, "", true, "").all() {
			lab := s.e.sources[o.src]
			if lab.kind != concreteSource {
				continue
			}
			paths := at[o.src]
			if len(paths) == 0 {
				paths = []string{""}
			}
			for _, path := range paths {
				data = append(data, PendingData{Label: lab.field, Sanitized: o.san, Steps: s.e.capSteps(o.tr.push(callStep).steps(), true), Path: path})
			}
			any = true
		}
		p.Args = append(p.Args, data)
	}
	if !any {
		return
	}
	for i, a := range args[1:] {
		if cs := s.constStrings(a); cs != nil {
			for len(p.Consts) <= i {
				p.Consts = append(p.Consts, nil)
			}
			p.Consts[i] = cs
		}
	}
	if old, dup := s.e.pending[p.key()]; dup {
		// A later walk of the function (a fixpoint round, a queue it
		// receives from filled meanwhile) may pass more: what the
		// record lacks is added, what it has keeps its first path.
		p = old.merge(p)
	}
	s.e.pending[p.key()] = p
	if s.e.cfg.Trace != nil {
		for i, data := range p.Args {
			for _, d := range data {
				fmt.Fprintf(s.e.cfg.Trace, "pending %s arg %d: %s at %q\n", p.key(), i+1, d.Label.ShortField(), d.Path)
			}
		}
	}
}

// resolvePending applies the exits of visible implementations to pending
// calls (the package's own and those of its imports), and returns the calls
// that go on up the import graph.
func (e *engine) resolvePending(inherited []PendingCall) []PendingCall {
	all := make(map[string]PendingCall)
	for k, p := range e.pending {
		all[k] = p
	}
	for _, p := range inherited {
		all[p.key()] = p
	}
	keys := make([]string, 0, len(all))
	for k := range all {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []PendingCall
	for _, k := range keys {
		p := all[k]
		if m := e.interfaceMethod(p); m != nil {
			for _, impl := range e.implementations(m) {
				e.applyPending(p, impl)
			}
		}
		if len(out) < maxPending {
			out = append(out, p)
		} else {
			e.note("more than " + itoa(maxPending) + " pending interface calls; the rest are not carried further")
		}
	}
	return out
}

// interfaceMethod finds the interface method of a pending call among the
// packages this one can see.
func (e *engine) interfaceMethod(p PendingCall) *types.Func {
	var pkg *types.Package
	if e.cfg.Pkg.Pkg.Path() == p.IfacePkg {
		pkg = e.cfg.Pkg.Pkg
	}
	for _, imp := range e.cfg.Pkg.Pkg.Imports() {
		if imp.Path() == p.IfacePkg {
			pkg = imp
		}
	}
	if pkg == nil {
		return nil // implementations here could not name the interface
	}
	tn, ok := pkg.Scope().Lookup(p.IfaceName).(*types.TypeName)
	if !ok {
		return nil
	}
	iface, ok := tn.Type().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	for i := 0; i < iface.NumMethods(); i++ {
		if iface.Method(i).Name() == p.Method {
			return iface.Method(i)
		}
	}
	return nil
}

// applyPending turns the exits of impl reached from the pending call's
// arguments into flows.
func (e *engine) applyPending(p PendingCall, impl *types.Func) {
	var sum *Summary
	t := e.targetOf(impl)
	switch {
	case t.fn != nil:
		sum = e.sums[t.fn]
	case e.cfg.Summary != nil:
		sum = e.cfg.Summary(t.obj)
	}
	if sum == nil {
		return
	}
	sig, _ := impl.Type().(*types.Signature)
	// A destination the implementation takes from its receiver or a
	// parameter the pending call does not carry: named by the
	// implementation's signature (its receiver's configuration field).
	unknownParam := func(i int, path string) (string, Input) {
		name, typ := itoa(i), types.Type(nil)
		switch {
		case sig == nil:
		case i == 0 && sig.Recv() != nil:
			name, typ = sig.Recv().Name(), sig.Recv().Type()
		case i >= 1 && i-1 < sig.Params().Len():
			name, typ = sig.Params().At(i-1).Name(), sig.Params().At(i-1).Type()
		}
		return namedInput(name, typ, path, impl.FullName())
	}
	for _, x := range sum.Exits {
		if x.From == nil || x.From.Index < 1 || x.From.Index-1 >= len(p.Args) {
			continue
		}
		// What the exit's serialiser leaves out of the argument.
		var skip []string
		if x.Enc != "" && x.From.Whole && sig != nil && x.From.Index-1 < sig.Params().Len() && e.cfg.Sources != nil {
			typ := sig.Params().At(x.From.Index - 1).Type()
			for _, c := range e.cfg.Sources.Carried(typ) {
				if c.Skips(x.Enc) {
					skip = append(skip, skipLevel(typ, c.Path, x.Enc))
				}
			}
		}
		// The columns a mapper writes, named at the call (ExitEdge.Cols).
		var cols []string
		var colType types.Type
		if k := x.Cols - 2; x.Cols > 1 && k < len(p.Consts) && sig != nil && x.From.Index-1 < sig.Params().Len() {
			cols, colType = p.Consts[k], sig.Params().At(x.From.Index-1).Type()
		}
	data:
		for _, d := range p.Args[x.From.Index-1] {
			if !isPrefix(x.From.Path, d.Path) && !isPrefix(d.Path, x.From.Path) {
				continue // the implementation reads another field
			}
			if len(cols) > 0 && d.Path != "" && !inColumns(colType, d.Path, cols) {
				continue // the mapper writes other columns
			}
			for _, k := range skip {
				if k != "" && isPrefix(k, d.Path) {
					continue data
				}
			}
			steps := append(append([]Step(nil), d.Steps...), x.Steps...)
			e.addFlow(Flow{
				Labels:    []Label{d.Label},
				Exit:      x.Exit,
				Endpoints: e.endpoints(x.Endpoint, unknownParam),
				Path:      steps,
				Sanitized: d.Sanitized || x.Sanitized,
				Via:       p.Pos,
				ViaFunc:   p.Func,
			})
		}
	}
}

// inColumns reports whether path, below a value of type typ, lies in one
// of the struct fields that the columns cols name (columnNamed).
func inColumns(typ types.Type, path string, cols []string) bool {
	st := structOf(typ)
	if st == nil {
		return true
	}
	first := cutPath(path, 1)
	for i := 0; i < st.NumFields(); i++ {
		if "."+st.Field(i).Name() == first && columnNamed(st.Field(i).Name(), st.Tag(i), cols) {
			return true
		}
	}
	return false
}
