package lineage

import (
	"go/token"
	"go/types"
	"io"
	"sort"
	"strings"

	"github.com/datagate/datagate/lineage/policy"
	"golang.org/x/tools/go/ssa"
)

// Sources answers which fields and types hold user data (the sources
// analyzer's result).
type Sources interface {
	// Field reports whether field i of struct type t holds user data.
	Field(t types.Type, i int) (Label, bool)
	// Carried lists the user-data fields a value of type t holds.
	Carried(t types.Type) []Carried
}

// Config is what the engine needs from its driver for one package.
type Config struct {
	Fset    *token.FileSet
	Pkg     *ssa.Package
	Policy  *policy.Policy
	Sources Sources
	// Summary returns the summary of a function of another package (a
	// go/analysis fact), or nil.
	Summary func(fn *types.Func) *Summary
	// Generated reports whether a file is generated code.
	Generated func(filename string) bool
	// Skip reports whether a function's body is not analysed (test files
	// without -tests).
	Skip func(fn *ssa.Function) bool
	// Pending lists the interface calls with user data that packages
	// imported by this one could not resolve (a package fact).
	Pending []PendingCall
	// FieldStr returns the string values an unexported field of another
	// package's type is ever set to (a go/analysis fact), or nil.
	FieldStr func(field *types.Var) map[string]StrExpr
	// MethodNames returns MethodNames(p), perhaps from a cache shared by
	// the packages of a run; nil means MethodNames.
	MethodNames func(p *types.Package) map[string][]*types.Named
	// Trace, when not nil, receives every summary as it is made (a
	// debugging aid: DATAGATE_DEBUG=1 sets it to standard error).
	Trace io.Writer
	// WorkPerInstr is the work budget of one walk of a function, in
	// origins moved per SSA instruction (see workPerInstr): 0 means the
	// default, workPerInstr; a negative value walks every function
	// field-insensitively (coarse) from the start. Not a flag: tests use
	// it to check that coarse walks only add data.
	WorkPerInstr int
	// Scanned says the package belongs to the code under scan (the main
	// module or a module replaced by a local directory), not to a
	// dependency: its functions get a larger work budget
	// (workPerInstrScanned).
	Scanned bool
}

// NoModelNote starts the notes about calls the engine had neither a model
// nor a summary for; the others are limits it hit.
const NoModelNote = "no model or summary: "

// Result is what the engine found in one package.
type Result struct {
	// Summaries of the package's declared functions and methods, to be
	// exported as facts.
	Summaries map[*types.Func]*Summary
	// Flows of user data to exits, with this package's call sites.
	Flows []Flow
	// Notes are things the engine could not see into (calls with neither a
	// model nor a summary) and limits it hit, sorted.
	Notes []string
	// FieldStrs are the string values (and remembered endpoints, path
	// ".#ep") that the package's unexported struct fields are ever set
	// to, when every store is a constant: a client's base URL set by its
	// constructor. Exported as facts.
	FieldStrs map[*types.Var]map[string]StrExpr
	// Pending are the interface calls with user data still unresolved
	// here, for packages further up (a package fact).
	Pending []PendingCall
}

// engine holds the state of one package's analysis.
type engine struct {
	cfg     *Config
	labels  []label
	labIdx  map[labelKey]int
	sums    map[*ssa.Function]*Summary
	globals map[*ssa.Global]tree // what the package stores in its variables
	gfuncs  map[*ssa.Global][]*ssa.Function
	flows   map[flowKey]*Flow
	notes   map[string]bool
	models  *modelIndex
	cha     map[*types.Func][]*types.Func
	chaIdx  *chaIndex           // built on first use (cha.go)
	consts  map[string]Position // string constant value -> its declaration
	gwPkgs  map[string]bool
	funcs   []*ssa.Function
	fields  map[*types.Var]map[string]StrExpr
	pending map[string]PendingCall
	answers map[any]bool // isAnswerWriter, per type (see answerWriter)
	fieldFn fieldFuncs   // function values kept in fields (fieldfuncs.go)
	// panics is what the package's panic calls pass to recover; panicked
	// says it is not empty, so functions calling recover are run again.
	panics   tree
	panicked bool

	// For the rounds over a recursive component: a clock ticked at each
	// function walk, when each function was last walked, the functions
	// whose summaries its walk read, when its summary last changed, and
	// when the package's variables or panics last changed.
	tick       int
	analysedAt map[*ssa.Function]int
	deps       map[*ssa.Function]map[*ssa.Function]bool
	changedAt  map[*ssa.Function]int
	sharedAt   int
	// globalAt is when each package variable last changed, panicAt when
	// the panics did (see sharedStale).
	globalAt map[*ssa.Global]int
	panicAt  int
	// coarse marks the functions walked field-insensitively (over their
	// work budget): once coarse, a function stays so.
	coarse map[*ssa.Function]bool
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

type labelKey struct {
	kind  labelKind
	index int
	field string
}

type flowKey struct {
	exit Position
	via  Position
	san  bool
}

// Analyze runs the engine over the functions of cfg.Pkg.
func Analyze(cfg *Config) *Result {
	e := &engine{
		cfg:     cfg,
		labIdx:  make(map[labelKey]int),
		sums:    make(map[*ssa.Function]*Summary),
		globals: make(map[*ssa.Global]tree),
		flows:   make(map[flowKey]*Flow),
		notes:   make(map[string]bool),
		models:  defaultModels(),
		cha:     make(map[*types.Func][]*types.Func),
		gwPkgs:  make(map[string]bool),
		pending: make(map[string]PendingCall),

		analysedAt: make(map[*ssa.Function]int),
		deps:       make(map[*ssa.Function]map[*ssa.Function]bool),
		changedAt:  make(map[*ssa.Function]int),
		coarse:     make(map[*ssa.Function]bool),
		names:      make(map[*types.Func]string),
		callDescs:  make(map[string][2]string),
		globalAt:   make(map[*ssa.Global]int),
		gindexed:   make(map[*ssa.Function]bool),
	}
	if cfg.Policy != nil {
		for _, g := range cfg.Policy.Gateway {
			e.gwPkgs[g.Pkg] = true
		}
	}
	e.collectConsts()
	e.funcs = e.packageFunctions()
	e.collectFieldStrs()
	e.collectFieldFuncs()
	e.run()
	pending := e.resolvePending(cfg.Pending)
	r := e.result()
	r.Pending = pending
	return r
}

// packageFunctions lists the functions of the package in a deterministic
// order: package members by name, methods of its types, then closures.
// answerWriter is isAnswerWriter, cached per type: per named type and
// pointer to it, as go/types makes a new *types.Pointer at every
// receiver (a service type of a thousand methods would otherwise compute
// its method set a thousand times).
func (e *engine) answerWriter(t types.Type) bool {
	var k any = t
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		if n, ok := types.Unalias(p.Elem()).(*types.Named); ok {
			k = pointerTo{n}
		}
	}
	if a, ok := e.answers[k]; ok {
		return a
	}
	if e.answers == nil {
		e.answers = make(map[any]bool)
	}
	a := isAnswerWriter(t)
	e.answers[k] = a
	return a
}

// pointerTo keys a pointer type by the named type it points to.
type pointerTo struct{ named *types.Named }

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

func (e *engine) pos(p token.Pos) Position {
	if !p.IsValid() {
		return Position{}
	}
	q := e.cfg.Fset.Position(p)
	return Position{File: q.Filename, Line: q.Line, Col: q.Column}
}

func (e *engine) note(s string) { e.notes[s] = true }

// lab interns a label.
func (e *engine) lab(k labelKey, l Label) int {
	if i, ok := e.labIdx[k]; ok {
		return i
	}
	e.labels = append(e.labels, label{kind: k.kind, index: k.index, field: l})
	e.labIdx[k] = len(e.labels) - 1
	return len(e.labels) - 1
}

func (e *engine) concrete(l Label) int {
	return e.lab(labelKey{kind: concreteLabel, field: l.Field}, l)
}

func (e *engine) param(i int) int {
	return e.lab(labelKey{kind: paramLabel, index: i}, Label{})
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
	if len(e.globals) > 0 || e.panicked {
		for _, fn := range e.funcs {
			if (len(e.globals) > 0 && readsGlobals(fn)) || (e.panicked && callsRecover(fn)) {
				if !e.sharedStale(fn) {
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

// sharedStale reports whether a walk of fn may give another result than
// its last one after the package's variables or panics changed: a
// variable it reads, the panics (if it recovers) or a summary it read
// changed since. Transpiled C reads package variables in nearly every
// function; most of them hold no user data.
func (e *engine) sharedStale(fn *ssa.Function) bool {
	at := e.analysedAt[fn]
	if e.panicAt >= at && e.panicked && callsRecover(fn) {
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

// maxRounds is the number of rounds (walks of the component's stale
// functions) the fixed-point iteration of a recursive component may take.
const maxRounds = 7

func (e *engine) solve(scc []*ssa.Function) {
	recursive := len(scc) > 1 || callsItself(scc[0])
	for round := 0; ; round++ {
		changed := false
		for _, fn := range scc {
			if round > 0 && !e.stale(fn) {
				continue // the same inputs would give the same summary
			}
			old := e.sums[fn]
			s := e.analyze(fn)
			if old == nil || old.String() != s.String() {
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
// last one: a summary it read (its own included) changed since, or the
// package variables or panics it may have read did. A walk is a function
// of those alone.
func (e *engine) stale(fn *ssa.Function) bool {
	at := e.analysedAt[fn]
	if e.sharedAt >= at {
		return true
	}
	for d := range e.deps[fn] {
		if e.changedAt[d] >= at && e.changedAt[d] > 0 {
			return true
		}
	}
	return false
}

func callsItself(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if c, ok := in.(ssa.CallInstruction); ok && c.Common().StaticCallee() == fn {
				return true
			}
		}
	}
	return false
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

// sccs returns the strongly connected components of the package's call
// graph (static calls, closures created, methods of the package reached
// through interfaces), callees first (Tarjan's algorithm).
func (e *engine) sccs() [][]*ssa.Function {
	inPkg := map[*ssa.Function]bool{}
	for _, fn := range e.funcs {
		inPkg[fn] = true
	}
	succ := func(fn *ssa.Function) []*ssa.Function {
		var out []*ssa.Function
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				switch in := in.(type) {
				case ssa.CallInstruction:
					com := in.Common()
					if c := originFn(com.StaticCallee()); c != nil && inPkg[c] {
						out = append(out, c)
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
				for _, op := range in.Operands(nil) {
					if c, ok := (*op).(*ssa.Function); ok && inPkg[originFn(c)] {
						out = append(out, originFn(c))
					}
				}
			}
		}
		return out
	}
	index := map[*ssa.Function]int{}
	low := map[*ssa.Function]int{}
	onStack := map[*ssa.Function]bool{}
	var stack []*ssa.Function
	var out [][]*ssa.Function
	n := 0
	var visit func(fn *ssa.Function)
	visit = func(fn *ssa.Function) {
		index[fn], low[fn] = n, n
		n++
		stack = append(stack, fn)
		onStack[fn] = true
		for _, c := range succ(fn) {
			if _, ok := index[c]; !ok {
				visit(c)
				low[fn] = min(low[fn], low[c])
			} else if onStack[c] {
				low[fn] = min(low[fn], index[c])
			}
		}
		if low[fn] == index[fn] {
			var scc []*ssa.Function
			for {
				top := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[top] = false
				scc = append(scc, top)
				if top == fn {
					break
				}
			}
			out = append(out, scc)
		}
	}
	for _, fn := range e.funcs {
		if _, ok := index[fn]; !ok {
			visit(fn)
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

// result collects the engine's output.
func (e *engine) result() *Result {
	r := &Result{Summaries: make(map[*types.Func]*Summary)}
	for fn, s := range e.sums {
		if obj, ok := fn.Object().(*types.Func); ok && obj != nil && !s.IsEmpty() && fn.Parent() == nil {
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
	sort.Strings(r.Notes)
	return r
}

// SortFlows orders flows by exit position, then by the call they come
// through, then by their fields.
func SortFlows(fs []Flow) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := &fs[i], &fs[j]
		if a.Exit.Pos != b.Exit.Pos {
			return a.Exit.Pos.Less(b.Exit.Pos)
		}
		if a.Via != b.Via {
			return a.Via.Less(b.Via)
		}
		if a.Sanitized != b.Sanitized {
			return !a.Sanitized
		}
		return strings.Join(a.Fields(), ",") < strings.Join(b.Fields(), ",")
	})
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
