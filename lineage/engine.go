package lineage

import (
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// engine holds the state of one package's analysis.
type engine struct {
	cfg *Config
	// inPkg holds the package's functions (packageFunctions), edges
	// their call graph's edges (callEdges), selfCells per closure the
	// free variables that hold the closure itself (selfViaCell).
	inPkg     map[*ssa.Function]bool
	edges     map[*ssa.Function][]*ssa.Function
	selfCells map[*ssa.Function]map[*ssa.FreeVar]bool
	// selfCalls holds the functions that call themselves by name or
	// through their cell (callsItself), noted by successors.
	selfCalls map[*ssa.Function]bool
	sources   []source
	srcIdx    map[sourceKey]int
	sums      map[*ssa.Function]*Summary
	globals   map[*ssa.Global]tree // what the package stores in its variables
	// queues is the user data sent on channels kept in each struct field
	// (queues.go), queueAt when each last changed, receives the fields
	// each function receives from (noted by its walks).
	queues   map[*types.Var]tree
	queueAt  map[*types.Var]int
	receives map[*ssa.Function][]*types.Var
	gfuncs   map[*ssa.Global][]*ssa.Function
	flows    map[flowKey]*Flow
	lists    lists // one copy of each label and endpoint list of the flows
	notes    map[string]bool
	models   *modelIndex
	cha      map[*types.Func][]*types.Func
	chaIdx   *chaIndex           // built on first use (resolve_cha.go)
	consts   map[string]Position // string constant value -> its declaration
	gwPkgs   map[string]bool
	funcs    []*ssa.Function
	fields   map[*types.Var]map[string]StrExpr
	pending  map[string]PendingCall
	answers  map[any]bool // isAnswerWriter, per type (see answerWriter)
	fieldFn  fieldFuncs   // function values kept in fields (resolve_fieldfuncs.go)
	// unset: the fields each allocated struct literal leaves unset
	// (unsetFields), computed once.
	unset map[*ssa.Alloc]*allocUses
	// panics is what the package's panic calls pass to recover; panicked
	// says it is not empty, so functions calling recover are run again.
	panics   tree
	panicked bool

	// For the rounds over a recursive component: a clock ticked at each
	// function walk, when each function was last walked, the functions
	// whose summaries its walk read, and when its summary last changed.
	tick       int
	analysedAt map[*ssa.Function]int
	deps       map[*ssa.Function]map[*ssa.Function]bool
	changedAt  map[*ssa.Function]int
	// globalAt is when each package variable last changed, panicAt when
	// the panics did (see stale).
	globalAt map[*ssa.Global]int
	panicAt  int
	// coarse marks the functions walked field-insensitively (over their
	// work budget): once coarse, a function stays so.
	coarse map[*ssa.Function]bool
	// merged marks the coarse functions walked with their allocations
	// merged into one place (see maxCoarsePts): once merged, a function
	// stays so.
	merged map[*ssa.Function]bool
	names  map[*types.Func]string // targetName's
	// callDescs are the steps' descriptions of a call of a function by
	// name: passed to it, returned by it.
	callDescs map[string][2]string

	// The package variables' uses, found in one scan (see indexGlobals):
	// the functions using each, the instructions using it in each, the
	// variables each function uses.
	grefs    map[globalUse][]ssa.Instruction
	fglobals map[*ssa.Function][]*ssa.Global
	gindexed map[*ssa.Function]bool
}

type sourceKey struct {
	kind  sourceKind
	index int
	field string
}

type flowKey struct {
	exit Position
	via  Position
	san  bool
}

// run summarises the package's functions bottom-up over the strongly
// connected components of its call graph, iterating each component to a
// fixed point, then runs every function once more so that data in package
// variables written in one function and read in another is seen.
func (e *engine) run() {
	for _, scc := range e.sccs() {
		e.solve(scc)
	}
	// Package variables: a second round over the functions that read a
	// variable some function wrote, when what their last walk read has
	// changed since (a walk of the same inputs gives the same result).
	if len(e.globals) > 0 || e.panicked || len(e.queues) > 0 {
		for _, fn := range e.funcs {
			if (len(e.globals) > 0 && readsGlobals(fn)) || (e.panicked && callsRecover(fn)) || (len(e.queues) > 0 && e.queueStale(fn)) {
				if !e.stale(fn) {
					continue
				}
				old := e.sums[fn]
				if s := e.analyze(fn); old == nil || old.String() != s.String() {
					e.changedAt[fn] = e.analysedAt[fn]
				}
			}
		}
	}
}

// maxRounds is the number of rounds (walks of the component's stale
// functions) the fixed-point iteration of a recursive component may take.
const maxRounds = 7

func (e *engine) solve(scc []*ssa.Function) {
	recursive := len(scc) > 1 || e.callsItself(scc[0])
	for round := 0; ; round++ {
		changed := false
		for _, fn := range scc {
			if round > 0 && !e.stale(fn) {
				continue // the same inputs would give the same summary
			}
			old := e.sums[fn]
			s := e.analyze(fn)
			if recursive && old != nil {
				// Each round says at least what the last did
				// (joinSummaries), so that the rounds settle.
				s = joinSummaries(old, s)
				e.sums[fn] = s
			}
			if old == nil || (s != old && old.String() != s.String()) {
				changed = true
				e.changedAt[fn] = e.analysedAt[fn]
			}
		}
		if !recursive || !changed {
			return
		}
		if round+1 == maxRounds {
			for _, fn := range scc {
				s := e.sums[fn]
				s.Limit = "recursion did not settle in " + itoa(maxRounds) + " rounds"
				e.note(funcName(fn) + ": " + s.Limit)
			}
			return
		}
	}
}

// stale reports whether a walk of fn may give another summary than its
// last one: a summary it read (its own included) changed since, or a
// package variable it refers to, the panics (if it recovers) or a queue
// it receives from did. A walk is a function of those alone: it reads a
// package variable's data only through the variable itself (an operand
// of its own instructions, indexGlobals), the panics only at its own
// recover(), a queue only at its own receives (dequeued). (Before, any
// change to a package variable anywhere made every function stale; on
// kratos few walks: the scan allocates 13.30 GB before, 13.28 GB after;
// modernc.org/sqlite/lib's largest component, 188 functions, still takes
// 572 walks, its summaries changing from round to round.)
func (e *engine) stale(fn *ssa.Function) bool {
	at := e.analysedAt[fn]
	if e.panicAt >= at && e.panicked && callsRecover(fn) {
		return true
	}
	if len(e.queues) > 0 && e.queueStale(fn) {
		return true
	}
	e.indexGlobals()
	for _, g := range e.fglobals[fn] {
		if t, ok := e.globalAt[g]; ok && t >= at {
			return true
		}
	}
	for d := range e.deps[fn] {
		if e.changedAt[d] >= at && e.changedAt[d] > 0 {
			return true
		}
	}
	return false
}

// callsItself reports whether fn calls itself by name or through the
// variable its parent assigned it to (selfViaCell): the recursion a
// single function is iterated for. A function that reaches itself only
// through an interface method or a function-valued field (a decorator
// whose inner store may, by its type, be another decorator: Put calling
// s.inner.Put) is walked once, without its own summary at that call, as
// a component of one function always was until d9fe14f counted those
// edges too: iterated, each round read the inner value one field deeper
// (endpoint $0.inner.base, then $0.inner.inner.base, ...), so the
// summary never settled, took all maxRounds rounds and grew each time
// (the generated 1000-package module, one such decorator per package:
// 66 s with this test, 274 s and 1.9 GB without it). What is lost is a
// flow that needs the decorator nested in itself.
func (e *engine) callsItself(fn *ssa.Function) bool {
	e.callEdges(fn) // notes selfCalls, once per function
	return e.selfCalls[fn]
}

func readsGlobals(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			for _, op := range in.Operands(nil) {
				if _, ok := (*op).(*ssa.Global); ok {
					return true
				}
			}
		}
	}
	return false
}

func callsRecover(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if c, ok := in.(*ssa.Call); ok {
				if bi, ok := c.Call.Value.(*ssa.Builtin); ok && bi.Name() == "recover" {
					return true
				}
			}
		}
	}
	return false
}

// sccs returns the strongly connected components of the package's call
// graph (static calls, closures created, methods of the package reached
// through interfaces), callees first (Tarjan's algorithm).
func (e *engine) sccs() [][]*ssa.Function {
	// The functions left after called are closed under the edges: every
	// function a walked one reaches is walked.
	return stronglyConnected(e.funcs, e.callEdges)
}

// callEdges returns fn's edges in the package's call graph (successors),
// made once per function: called and sccs walk the same graph.
func (e *engine) callEdges(fn *ssa.Function) []*ssa.Function {
	out, ok := e.edges[fn]
	if !ok {
		out = e.successors(fn)
		e.edges[fn] = out
	}
	return out
}

// successors returns fn's edges among the package's functions (inPkg):
// what it calls statically, itself when it calls itself through the
// variable it was assigned to (selfViaCell), the closures it makes, the
// functions it stores in fields and calls from them, the package's
// implementations of the interface methods it calls, and any function
// it refers to.
func (e *engine) successors(fn *ssa.Function) []*ssa.Function {
	inPkg := e.inPkg
	var out []*ssa.Function
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			switch in := in.(type) {
			case ssa.CallInstruction:
				com := in.Common()
				if c := originFn(com.StaticCallee()); c != nil && inPkg[c] {
					out = append(out, c)
				}
				if com.StaticCallee() == fn {
					e.selfCalls[fn] = true
				}
				if com.StaticCallee() == nil && !com.IsInvoke() {
					for _, c := range e.fieldFuncsOf(com.Value) {
						if inPkg[c] {
							out = append(out, c)
						}
					}
				}
				if com.IsInvoke() {
					// The package's implementations of the method are
					// summarised first, so the call finds their
					// summaries on the first walk.
					for _, m := range e.implementations(com.Method) {
						if c := originFn(e.cfg.Pkg.Prog.FuncValue(m)); c != nil && inPkg[c] {
							out = append(out, c)
						}
					}
				}
			case *ssa.MakeClosure:
				if c, ok := in.Fn.(*ssa.Function); ok && inPkg[c] {
					out = append(out, c)
				}
			}
			if c, ok := in.(ssa.CallInstruction); ok && e.selfViaCell(fn, c.Common().Value) {
				out = append(out, fn)
				e.selfCalls[fn] = true
			}
			for _, op := range in.Operands(nil) {
				if c, ok := (*op).(*ssa.Function); ok && inPkg[originFn(c)] {
					out = append(out, originFn(c))
				}
			}
		}
	}
	return out
}

// selfViaCell reports whether v, called in the closure fn, is fn itself:
// the closure loaded from a variable it captured, which its parent set
// to it (var walk func(T); walk = func(t T) { ... walk(t.X) ... }), a
// recursion no static call shows.
func (e *engine) selfViaCell(fn *ssa.Function, v ssa.Value) bool {
	ld, ok := v.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL || fn.Parent() == nil {
		return false
	}
	fv, ok := ld.X.(*ssa.FreeVar)
	if !ok {
		return false
	}
	cells, ok := e.selfCells[fn]
	if !ok {
		// The free variables whose cell the parent stores this very
		// closure into, found once per closure.
		for _, b := range fn.Parent().Blocks {
			for _, in := range b.Instrs {
				mc, ok := in.(*ssa.MakeClosure)
				if !ok || mc.Fn != fn {
					continue
				}
				for i, cell := range mc.Bindings {
					for _, r := range *cell.Referrers() {
						if st, ok := r.(*ssa.Store); ok && st.Addr == cell && st.Val == mc && i < len(fn.FreeVars) {
							if cells == nil {
								cells = make(map[*ssa.FreeVar]bool)
							}
							cells[fn.FreeVars[i]] = true
						}
					}
				}
			}
		}
		e.selfCells[fn] = cells
	}
	return cells[fv]
}

// called keeps, of a dependency's functions, those some code can call
// (Config.Named): the package's initialiser, the functions and methods
// whose names the code of the scan writes after a dot (P.F, x.M: the only
// way code outside a package calls into it, interface calls and method
// values included), and whatever those reach in the package (successors:
// calls, functions referred to or kept in fields and called from them,
// and the closures they make). A
// function nothing reaches never runs, and no caller applies its summary:
// walking it costs the scan and changes nothing (an API client's
// thousand methods, of which a service calls ten). The list keeps its
// order.
func (e *engine) called(funcs []*ssa.Function) []*ssa.Function {
	if e.cfg.Named == nil || e.cfg.Scanned {
		return funcs
	}
	reached := make(map[*ssa.Function]bool)
	var stack []*ssa.Function
	reach := func(fn *ssa.Function) {
		if e.inPkg[fn] && !reached[fn] {
			reached[fn] = true
			stack = append(stack, fn)
		}
	}
	for _, fn := range funcs {
		if fn.Parent() == nil && (fn.Synthetic == "package initializer" || e.cfg.Named(fn.Name())) {
			reach(fn)
		}
	}
	for len(stack) > 0 {
		fn := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, c := range e.callEdges(fn) {
			reach(c)
		}
		for _, a := range fn.AnonFuncs {
			reach(a)
		}
	}
	if len(reached) == len(funcs) {
		return funcs
	}
	out := make([]*ssa.Function, 0, len(reached))
	for _, fn := range funcs {
		if reached[fn] {
			out = append(out, fn)
		}
	}
	e.note(e.cfg.Pkg.Pkg.Path() + ": " + itoa(len(funcs)-len(out)) + " of " + itoa(len(funcs)) + " functions not analysed: no code of the scan calls them")
	return out
}

// packageFunctions lists the functions of the package in a deterministic
// order: package members by name, methods of its types, then closures.
func (e *engine) packageFunctions() []*ssa.Function {
	pkg := e.cfg.Pkg
	var names []string
	for n := range pkg.Members {
		names = append(names, n)
	}
	sort.Strings(names)
	seen := map[*ssa.Function]bool{}
	var out []*ssa.Function
	var add func(fn *ssa.Function)
	add = func(fn *ssa.Function) {
		if fn == nil || seen[fn] || fn.Blocks == nil {
			return
		}
		seen[fn] = true
		if e.cfg.Skip != nil && e.cfg.Skip(fn) {
			return
		}
		out = append(out, fn)
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
	}
	prog := pkg.Prog
	for _, n := range names {
		switch m := pkg.Members[n].(type) {
		case *ssa.Function:
			add(m)
		case *ssa.Type:
			// Declared methods, generic ones included (their bodies are
			// analysed once, for every instantiation).
			named, ok := m.Type().(*types.Named)
			if !ok {
				continue
			}
			for i := 0; i < named.NumMethods(); i++ {
				if fn := prog.FuncValue(named.Method(i)); fn != nil && fn.Synthetic == "" {
					add(fn)
				}
			}
		}
	}
	return out
}

// origin maps an instantiation of a generic function to the generic
// function, whose body the engine analyses once.
func originFn(fn *ssa.Function) *ssa.Function {
	if fn == nil {
		return nil
	}
	if o := fn.Origin(); o != nil {
		return o
	}
	return fn
}

// funcName names a function as types.Func.FullName does; closures get
// their parent's name and a "$N" suffix.
func funcName(fn *ssa.Function) string {
	if fn == nil {
		return ""
	}
	if obj, ok := fn.Object().(*types.Func); ok && obj != nil {
		return obj.FullName()
	}
	if p := fn.Parent(); p != nil {
		name := fn.Name()
		if i := strings.LastIndex(name, "$"); i >= 0 {
			name = name[i:]
		}
		return funcName(p) + name
	}
	if fn.Pkg != nil {
		return fn.Pkg.Pkg.Path() + "." + fn.Name()
	}
	return fn.String()
}

// intern interns a source (a user-data field or a symbolic input) and returns its index.
func (e *engine) intern(k sourceKey, l Label) int {
	if i, ok := e.srcIdx[k]; ok {
		return i
	}
	e.sources = append(e.sources, source{kind: k.kind, index: k.index, field: l})
	e.srcIdx[k] = len(e.sources) - 1
	return len(e.sources) - 1
}

func (e *engine) concrete(l Label) int {
	return e.intern(sourceKey{kind: concreteSource, field: l.Field}, l)
}

func (e *engine) param(i int) int {
	return e.intern(sourceKey{kind: paramSource, index: i}, Label{})
}

func (e *engine) pos(p token.Pos) Position {
	if !p.IsValid() {
		return Position{}
	}
	q := e.cfg.Fset.Position(p)
	return Position{File: q.Filename, Line: q.Line, Col: q.Column}
}

func (e *engine) note(s string) { e.notes[s] = true }

// reachableFromImporters reports whether another package can call fn:
// an exported function, or a method (called through an interface, or on
// a value of the type another package obtains). An unexported function
// can only be named in its own package (another package's SSA refers to
// functions by name; function values kept in fields are resolved in the
// package that stores them, resolve_fieldfuncs.go), so its summary, kept
// for every package above, would be memory for nothing: a third of the
// summaries of a service's dependencies.
func reachableFromImporters(fn *types.Func) bool {
	return fn.Exported() || fn.Signature().Recv() != nil
}

// result collects the engine's output.
func (e *engine) result() *Result {
	r := &Result{Summaries: make(map[*types.Func]*Summary)}
	for fn, s := range e.sums {
		if obj, ok := fn.Object().(*types.Func); ok && obj != nil && !s.IsEmpty() && fn.Parent() == nil && reachableFromImporters(obj) {
			r.Summaries[obj] = s
		}
	}
	for _, f := range e.flows {
		r.Flows = append(r.Flows, *f)
	}
	SortFlows(r.Flows)
	for n := range e.notes {
		r.Notes = append(r.Notes, n)
	}
	r.FieldStrs = e.fields
	r.QueueExits = e.queueExits()
	sort.Strings(r.Notes)
	return r
}
