package lineage

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// This file is the analysis of one function: a forward data-flow walk over
// its SSA blocks to a fixed point. SSA registers are flow-insensitive (each
// is defined once); what is stored in memory is tracked per block, so that a
// field overwritten with a constant before a send no longer carries user
// data (a strong update), while a goroutine and a deferred call see
// everything stored anywhere in the function (the union heap). A channel
// receive sees what was sent before it in the function (loops included)
// and what the goroutines started before it send: another case of the
// same select, which cannot have run, does not count.

// mapKeys is the access path part under which a map keeps its keys; its
// values are at "[]".
const mapKeys = MapKeyPath

// MapKeyPath is the access path part of a map's keys (its values are at
// "[]"), for the sources analyzer's lists of the fields a type holds.
const MapKeyPath = ".#key"

// objKind tells what an abstract object stands for.
type objKind uint8

const (
	objAlloc   objKind = iota // allocated in this function
	objParam                  // what parameter (or free variable) i points to
	objGlobal                 // a package-level variable
	objValue                  // what a value of unknown origin points to
	objClosure                // a closure or function value
)

type object struct {
	kind  objKind
	index int         // objParam
	glob  *ssa.Global // objGlobal
	val   ssa.Value   // objValue, objAlloc, objClosure
	// conn objects are connections: data written into them leaves the
	// process (kind says which exit kind).
	conn  bool
	ekind string
	// answer objects are writers that answer the caller (an
	// http.ResponseWriter): data written into them is not kept.
	answer bool
}

// ref is a place in memory: an object and an access path inside it.
type ref struct {
	obj  int
	path string
}

// heap is what the function has stored into objects, per object.
type heap map[int]tree

// lateFrame is the heap saved while a go or defer call is applied.
type lateFrame struct {
	cur, tmp heap
	owned    map[int]bool
	written  map[int]bool
	deferred bool
}

func (h heap) equal(g heap) bool {
	if len(h) != len(g) {
		return false
	}
	for o, t := range h {
		u, ok := g[o]
		if !ok || t.len() != u.len() {
			return false
		}
		for _, en := range t.entries() {
			w, ok := u.get(en.p)
			if !ok || len(en.v) != len(w) {
				return false
			}
		}
	}
	return true
}

// fstate is the analysis state of one function.
type fstate struct {
	e   *engine
	fn  *ssa.Function
	sum *Summary
	// callPos is the position of the call being applied: a value used
	// there as a whole is said to hold its user-data fields there, where
	// a reader sees it used, not where it was declared.
	callPos token.Pos
	// at is the instruction being analysed.
	at ssa.Instruction

	vals    map[ssa.Value]tree
	pts     map[ssa.Value][]ref
	heapPts map[ref][]ref
	inits   map[ref]tree // initial's trees of parameter objects
	objs    []object
	objKey  map[any]int
	tagged  map[ssa.Value][]Label // addresses of user-data fields
	dyn     map[ssa.Value][]types.Type

	cur heap // the heap at the instruction being analysed
	// owned marks the trees of cur this block has copied and may change;
	// nil means all of them.
	owned map[int]bool
	union heap // everything stored anywhere in the function
	// late is the stack of go and defer calls being applied (lateCall);
	// deferred is what deferred calls wrote, seen from RunDefers on.
	late     []lateFrame
	deferred heap
	// unsettled: a precise walk stopped at maxIterations (analyze walks
	// the function again coarsely).
	unsettled bool
	outs      map[*ssa.BasicBlock]heap

	changed bool
	// objVer counts, per object, the changes to what a read of it sees
	// (its tree in the union heap, the pointers stored in it, the value
	// or package variable it stands for): a coarse walk's read of a
	// place is the same until one of the objects it read moves
	// (readMemo).
	objVer   []int
	readMemo map[ref]readAt
	loadMemo map[*ssa.UnOp]loadAt
	// loadPtrs is a load's scratch list of the pointers it read (unop);
	// stepBuf a path's before it is capped and interned (keepSteps).
	loadPtrs []ref
	stepBuf  []Step
	// applied memoises the summaries applied at calls (appliedAt) in a
	// walk of more than one pass; nil in a walk of one.
	applied map[applyKey][]appliedEdge
	// work counts the origins the walk has moved (see workPerInstr).
	work int
	// coarse walks keep every value's data at the value itself, symbolic
	// origins standing for the whole input (see flat).
	coarse bool
	// merge: the function's allocations are one place (maxCoarsePts);
	// spread: a coarse walk found a points-to list over maxCoarsePts;
	// remerge: and went over the work budget, so it is to be walked
	// again, merged.
	merge, spread, remerge bool
	strMemo                map[strKey]StrExpr

	// deps are the functions of the package whose summaries the walk
	// read (see engine.stale).
	deps map[*ssa.Function]bool

	// summary under construction, keyed to avoid duplicates
	edges map[edgeKey]int
	gens  map[genKey]int
	exits map[string]int

	// exitKeys are the summary's exit edges (see addExit).
	exitKeys map[exitKey]int
}

type edgeKey struct {
	from, to Port
	san      bool
}

type genKey struct {
	field string
	to    Port
	san   bool
}

// maxIterations is the number of passes over one function's blocks its
// fixed-point walk may take.
const maxIterations = 13

// maxCoarseIterations bounds the passes of a field-insensitive walk, the
// fallback of a precise walk that did not settle in maxIterations: each
// pass costs the function's size, so the cost stays a constant times it.
const maxCoarseIterations = 64

// workPerInstr is the work budget of one walk: the origins it may move
// (put into registers and memory, read from memory; see fstate.work) per
// SSA instruction of the function, over all its passes. Code that moves
// many access paths of many inputs through every instruction (a compiler's
// builder threading its state through mutually recursive methods) would
// otherwise cost the product at every instruction; past the budget the
// function is walked again field-insensitively (coarse), which costs about
// the number of its inputs per instruction. Config.WorkPerInstr overrides
// it.
const workPerInstr = 32

// workPerInstrScanned is the work budget per instruction of the code under
// scan (Config.Scanned: the main module and local replacements), where
// results are reported and read: a coarse walk there turns a read of one
// field into a read of every field (ory/kratos, 116 packages: 208 of its
// functions went over 32 and were walked field-insensitively, 4 go over
// 1024; its own packages then take about twice as long to analyse, and
// 433 results became 267). Dependencies keep workPerInstr.
const workPerInstrScanned = 1024

// maxCoarsePts bounds the places one value, or one place in memory, may
// point to in a coarse walk that also goes over the work budget of
// dependencies (workPerInstr, in the code under scan too). Code that
// files hundreds of allocations in a shared structure and reads them back
// through it (an AST decorator: each of its 120 node types allocated,
// stored in a map of nodes, each node pointing to its parents) makes
// every load read every place, and every place point to every other: the
// walk costs the square of its allocations per load, in every pass
// (github.com/dave/dst/decorator: decorateNode and restoreNode, 112
// places per list, 0.6 and 1.6 million origins moved per walk, 9 s of the
// package's analysis). Past both, the function is walked again with its
// allocations (those that are not writers answering the caller) as one
// place, which data stored in any of them reaches: coarser, never
// dropping data. Both, because a walk that moves little data through many
// places (an init building a table of thousands of literals: go-jsonnet's
// astgen, 3,050 places, nothing moved) gets slower merged: every read
// then copies what all of them hold.
const maxCoarsePts = 64

// maxPreciseInstrs is the size (SSA instructions) past which a function is
// walked field-insensitively from the start: a precise walk of a function
// that large (transpiled C, a generated parser) goes over its work budget
// anyway, after costing as much as several coarse walks.
const maxPreciseInstrs = 3000

// budgetPerInstr returns the work budget per instruction of the run
// (Config.WorkPerInstr, else the default); negative means every function
// is walked coarsely.
func (e *engine) budgetPerInstr() int {
	if w := e.cfg.WorkPerInstr; w != 0 {
		return w
	}
	if e.cfg.Scanned {
		return workPerInstrScanned
	}
	return workPerInstr
}

// analyze summarises fn and records the flows it finds. A function over
// its work budget is walked again coarsely, and stays coarse in later
// rounds; one over the size limit is walked coarsely from the start.
func (e *engine) analyze(fn *ssa.Function) *Summary {
	w := e.budgetPerInstr()
	n := 0
	for _, b := range fn.Blocks {
		n += len(b.Instrs)
	}
	big := n > maxPreciseInstrs
	s := e.walk(fn, e.coarse[fn] || w < 0 || big, e.merged[fn], w)
	unsettled := false
	if s != nil && s.unsettled {
		unsettled, s = true, nil
	}
	if s == nil {
		e.coarse[fn] = true
		s = e.walk(fn, true, e.merged[fn], w)
	}
	if s.remerge {
		e.merged[fn] = true
		s = e.walk(fn, true, true, w)
	}
	if s.coarse {
		var limit string
		switch {
		case s.merge:
			limit = "a value points to over " + itoa(maxCoarsePts) + " places: walked field-insensitively, its allocations as one place"
		case unsettled:
			limit = "data flow did not settle in " + itoa(maxIterations) + " passes: walked field-insensitively"
		case w < 0:
			limit = "every function walked field-insensitively (Config.WorkPerInstr < 0)"
		case big:
			limit = itoa(n) + " SSA instructions, over the size limit (" + itoa(maxPreciseInstrs) + "): walked field-insensitively"
		default:
			limit = "over the work budget (" + itoa(w) + " origins moved per instruction): walked field-insensitively"
		}
		if s.sum.Limit == "" {
			s.sum.Limit = limit
		}
		e.note(funcName(fn) + ": " + limit)
	}
	if e.cfg.Trace != nil {
		fmt.Fprintln(e.cfg.Trace, "summary", funcName(fn), s.sum.String())
	}
	e.sums[fn] = s.sum
	e.deps[fn] = s.deps
	return s.sum
}

// walk runs the data flow over fn's blocks to a fixed point and builds its
// summary; nil when a precise walk went over its work budget (what it
// recorded so far, flows and package variables, stays: it is data that
// does flow).
func (e *engine) walk(fn *ssa.Function, coarse, merge bool, perInstr int) *fstate {
	s := &fstate{
		e:       e,
		fn:      fn,
		sum:     &Summary{},
		vals:    make(map[ssa.Value]tree),
		pts:     make(map[ssa.Value][]ref),
		heapPts: make(map[ref][]ref),
		objKey:  make(map[any]int),
		tagged:  make(map[ssa.Value][]Label),
		dyn:     make(map[ssa.Value][]types.Type),
		union:   make(heap),
		outs:    make(map[*ssa.BasicBlock]heap),
		strMemo: make(map[strKey]StrExpr),
		edges:   make(map[edgeKey]int),
		gens:    make(map[genKey]int),
		exits:   make(map[string]int),
		deps:    make(map[*ssa.Function]bool),
		coarse:  coarse,
		merge:   merge,
	}
	instrs := 0
	for _, b := range fn.Blocks {
		instrs += len(b.Instrs)
	}
	budget := perInstr * max(instrs, 16)
	// The budget past which a coarse walk through too many places is
	// walked again merged (maxCoarsePts): the dependencies' budget, also
	// in the code under scan.
	mergeBudget := workPerInstr
	if perInstr > 0 && perInstr < mergeBudget {
		mergeBudget = perInstr
	}
	mergeBudget *= max(instrs, 16)
	e.tick++
	e.analysedAt[fn] = e.tick
	s.init()
	order := reversePostorder(fn)
	// One pass in reverse postorder may miss something only when a block
	// is reached again from a later one (a loop) or code reads what is
	// stored later in the function (readsLater). Otherwise every operand
	// is final when it is used, SSA values being defined before they are
	// used, and one pass is enough.
	loops, later := hasLoop(order), readsLater(order)
	once := !loops && !later
	if !once {
		s.applied = make(map[applyKey][]appliedEdge)
	}
	if loops && !later && !coarse {
		// Loops are the only reason to pass again: settle each loop on
		// its own, in order (see loopOrder).
		for _, part := range loopOrder(order) {
			if !s.settle(part, budget) {
				if s.work > budget {
					return nil
				}
				s.unsettled = true
				return s
			}
		}
		s.finish()
		return s
	}
	for it := 0; ; it++ {
		s.changed = false
		for _, b := range order {
			s.block(b)
			if !coarse && s.work > budget {
				return nil
			}
			if coarse && !merge && s.spread && s.work > mergeBudget {
				s.remerge = true
				return s // analyze walks it again, merged
			}
		}
		if !s.changed || once {
			break
		}
		if !coarse && it+1 == maxIterations {
			// Stopping here would drop what the later passes carry:
			// walk again coarsely, which settles in fewer passes (one
			// heap for the whole function) and may take more of them.
			s.unsettled = true
			return s
		}
		if it+1 == maxCoarseIterations {
			s.sum.Limit = "data flow did not settle in " + itoa(maxCoarseIterations) + " field-insensitive passes"
			e.note(funcName(fn) + ": " + s.sum.Limit)
			break
		}
	}
	s.finish()
	return s
}

// sumOf returns the summary of a function of the package (nil while it
// has none), recording that the function being walked depends on it.
func (s *fstate) sumOf(fn *ssa.Function) *Summary {
	if s.deps != nil { // nil in the scratch states of other passes
		s.deps[fn] = true
	}
	return s.e.sums[fn]
}

// summaryOf is the summary of a call target: a function of the package
// (sumOf, recording the dependency) or an imported one (its fact); nil
// when there is none.
func (s *fstate) summaryOf(t target) *Summary {
	switch {
	case t.fn != nil:
		return s.sumOf(t.fn)
	case t.obj != nil && s.e.cfg.Summary != nil:
		return s.e.cfg.Summary(t.obj)
	}
	return nil
}

// init gives parameters and free variables their symbolic sources.
func (s *fstate) init() {
	n := 0
	for _, p := range s.fn.Params {
		s.vals[p] = leafTree(taint{{src: s.e.param(n)}})
		s.pts[p] = []ref{{obj: s.object(objParam, n, p), path: ""}}
		n++
	}
	for _, fv := range s.fn.FreeVars {
		s.vals[fv] = leafTree(taint{{src: s.e.param(n)}})
		s.pts[fv] = []ref{{obj: s.object(objParam, n, fv), path: ""}}
		n++
	}
}

// objKey is what identifies an object of the walk (fstate.objKey).
type objKey struct {
	kind objKind
	key  any
}

// object interns an abstract object.
func (s *fstate) object(kind objKind, index int, key any) int {
	if s.merge && kind == objAlloc {
		if v, ok := key.(ssa.Value); ok && !s.e.answerWriter(v.Type()) {
			key = mergedAllocs{}
		}
	}
	if i, ok := s.objKey[objKey{kind, key}]; ok {
		return i
	}
	o := object{kind: kind, index: index}
	switch kind {
	case objGlobal:
		o.glob = key.(*ssa.Global)
	default:
		if v, ok := key.(ssa.Value); ok {
			o.val = v
			o.answer = s.e.answerWriter(v.Type())
		}
	}
	s.objs = append(s.objs, o)
	s.objKey[objKey{kind, key}] = len(s.objs) - 1
	return len(s.objs) - 1
}

// mergedAllocs is the key of the one place a merged walk (fstate.merge)
// keeps its allocations in.
type mergedAllocs struct{}

func reversePostorder(fn *ssa.Function) []*ssa.BasicBlock {
	seen := make(map[*ssa.BasicBlock]bool)
	var post []*ssa.BasicBlock
	var visit func(b *ssa.BasicBlock)
	visit = func(b *ssa.BasicBlock) {
		seen[b] = true
		for _, c := range b.Succs {
			if !seen[c] {
				visit(c)
			}
		}
		post = append(post, b)
	}
	if len(fn.Blocks) > 0 {
		visit(fn.Blocks[0])
	}
	if fn.Recover != nil && !seen[fn.Recover] {
		visit(fn.Recover)
	}
	for i, j := 0, len(post)-1; i < j; i, j = i+1, j-1 {
		post[i], post[j] = post[j], post[i]
	}
	return post
}

// settle walks the blocks of part (one block outside any loop, or a loop's
// blocks in reverse postorder) until a pass changes nothing. It reports
// false when the walk ran out of budget or the part did not settle in
// maxIterations passes.
func (s *fstate) settle(part loopPart, budget int) bool {
	for it := 0; ; it++ {
		s.changed = false
		for _, b := range part.blocks {
			s.block(b)
			if s.work > budget {
				return false
			}
		}
		if !part.loop || !s.changed {
			return true
		}
		if it+1 == maxIterations {
			return false
		}
	}
}

// loopPart is a strongly connected part of a function's control-flow
// graph: a loop (with the loops nested in it), or one block outside any
// loop.
type loopPart struct {
	blocks []*ssa.BasicBlock // in reverse postorder
	loop   bool
}

// loopOrder splits order, a function's blocks in reverse postorder, into
// its loops and the blocks outside them, each before the parts it flows
// to. When a function has loops but nothing that reads what is stored
// later in it (readsLater), a block outside every loop runs once, after
// the parts before it and before the ones after it: one walk of it, once
// what precedes it has settled, sees all it can see. Passing again over
// the whole function instead walked each such block at least twice: on
// kratos 9.95 million instructions were walked, 8.81 million so, with
// the same results (the passes saved were cheap ones, where nothing
// changes: the scan's CPU did not move).
func loopOrder(order []*ssa.BasicBlock) []loopPart {
	index := make(map[*ssa.BasicBlock]int, len(order))
	for i, b := range order {
		index[b] = i
	}
	sccs := stronglyConnected(order, func(b *ssa.BasicBlock) []*ssa.BasicBlock { return b.Succs })
	parts := make([]loopPart, len(sccs))
	for i, scc := range sccs {
		slices.SortFunc(scc, func(a, b *ssa.BasicBlock) int { return index[a] - index[b] })
		// Sinks come first: the last component is the first part.
		parts[len(sccs)-1-i] = loopPart{blocks: scc, loop: len(scc) > 1 || slices.Contains(scc[0].Succs, scc[0])}
	}
	return parts
}

// readsLater reports whether a function has code that reads what is
// stored later in it, in an order the control-flow graph does not show:
// go and defer calls, channel receives, select.
func readsLater(order []*ssa.BasicBlock) bool {
	for _, b := range order {
		for _, in := range b.Instrs {
			switch in := in.(type) {
			case *ssa.Go, *ssa.Defer, *ssa.Select:
				return true
			case *ssa.UnOp:
				if in.Op == token.ARROW {
					return true
				}
			}
		}
	}
	return false
}

// hasLoop reports whether a block of order, a function's blocks in
// reverse postorder, is reached again from a later one.
func hasLoop(order []*ssa.BasicBlock) bool {
	index := make(map[*ssa.BasicBlock]int, len(order))
	for i, b := range order {
		index[b] = i
	}
	for i, b := range order {
		for _, c := range b.Succs {
			if j, ok := index[c]; ok && j <= i {
				return true
			}
		}
	}
	return false
}

// block analyses one basic block from the join of its predecessors.
func (s *fstate) block(b *ssa.BasicBlock) {
	if s.coarse {
		// A coarse walk keeps one heap for the whole function (flow
		// insensitive): everything stored anywhere, which is what every
		// block's heap would hold at most, strong updates being off. Its
		// cost per pass is then the function's size, not its blocks times
		// its objects (transpiled C: thousands of blocks, thousands of
		// pointers of unknown origin).
		s.cur, s.owned = s.union, nil
		for _, instr := range b.Instrs {
			s.instr(instr)
		}
		return
	}
	// Trees are shared between blocks and copied on first write (mut).
	var in heap
	owned := make(map[int]bool)
	for _, p := range b.Preds {
		out, ok := s.outs[p]
		if !ok {
			continue
		}
		// Joining costs the objects of each predecessor's heap: in a
		// function of many blocks and many objects, more than moving
		// the data itself.
		s.work += len(out) / 8
		if in == nil {
			in = make(heap, len(out))
			for o, t := range out {
				in[o] = t
			}
			continue
		}
		for o, t := range out {
			mine, ok := in[o]
			if !ok {
				in[o] = t
				continue
			}
			if !owned[o] {
				mine = mine.clone()
				in[o] = mine
				owned[o] = true
			}
			mine.join(t)
		}
	}
	if in == nil {
		in = make(heap)
	}
	s.cur, s.owned = in, owned
	for _, instr := range b.Instrs {
		s.at = instr
		s.instr(instr)
	}
	if old, ok := s.outs[b]; !ok || !old.equal(s.cur) {
		s.outs[b] = s.cur
		s.changed = true
	}
}

// setVal unites t into v's tree.
func (s *fstate) setVal(v ssa.Value, t tree) {
	if t.len() == 0 {
		return
	}
	t = s.flat(t)
	s.work += t.size()
	cur, ok := s.vals[v]
	if !ok {
		cur = newTree(0)
		s.vals[v] = cur
	}
	if cur.put("", t) {
		s.changed = true
		if s.coarse {
			if o, ok := s.objKey[objKey{objValue, v}]; ok {
				s.moved(o) // initial reads the value's tree
			}
		}
	}
}

func (s *fstate) addPts(v ssa.Value, rs []ref) {
	if l, changed := addRefs(s.pts[v], rs); changed {
		s.pts[v] = l
		s.changed = true
		s.spreads(l)
	}
}

// spreads notes a coarse walk's points-to list over maxCoarsePts.
func (s *fstate) spreads(l []ref) {
	if s.coarse && len(l) > maxCoarsePts {
		s.spread = true
	}
}

// storedHeld is what an interface value stored into memory (an element of
// a []any, a key or value of a map of any, a channel of any, a field of
// interface type) holds beyond its data: read back, it has lost its
// static type, so the stored tree keeps the user-data fields that type
// holds at their paths (heldFields). Registers keep the type instead
// (dyn), which counts only where the value is used whole.
func (s *fstate) storedHeld(v ssa.Value) tree {
	if s.e.cfg.Sources == nil || !types.IsInterface(v.Type()) {
		return nil
	}
	if mi, ok := v.(*ssa.MakeInterface); ok {
		return s.heldFields(mi.X, mi.X.Type())
	}
	var out tree
	for _, t := range s.dyn[v] {
		out = merge(out, s.heldFields(v, t))
	}
	return out
}

// heldFields is the tree of the user-data fields that a value x of type
// typ holds, at their paths, except those cleaned in x (a literal's
// constant fields, a redaction) or sanitised. A nil value holds none.
func (s *fstate) heldFields(x ssa.Value, typ types.Type) tree {
	if s.e.cfg.Sources == nil {
		return nil
	}
	if k, ok := x.(*ssa.Const); ok && k.IsNil() {
		return nil
	}
	fields := s.e.cfg.Sources.Carried(typ)
	if len(fields) == 0 {
		return nil
	}
	t := s.contentTree(x, "", s.valTree(x))
	cleaned := t.cleaned()
	san := t.sanitised()
	out := newTree(0)
fields:
	for _, c := range fields {
		for _, k := range cleaned {
			if isPrefix(k, c.Path) {
				continue fields
			}
		}
		lab := s.e.concrete(c.Label)
		if san[lab] {
			continue
		}
		o := origin{src: lab, tr: (*trace)(nil).push(s.step(s.usePos(x), "holds "+c.Label.ShortField()))}
		out.put(c.Path, leaf(taint{o}))
	}
	return out
}

// isReference reports whether a value of type t refers to memory that a
// callee can change: a pointer, slice, map or channel.
func isReference(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan:
		return true
	}
	return false
}

// plainValue reports whether a value of type t refers to no memory at
// all (numbers, strings, booleans, and structs and arrays of them): a
// load of one is a copy of what the place held then, so the loaded value
// does not point back at the place (which would make it see what is
// stored there afterwards).
func plainValue(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Kind() != types.UnsafePointer
	case *types.Array:
		return plainValue(u.Elem())
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if !plainValue(u.Field(i).Type()) {
				return false
			}
		}
		return true
	}
	return false
}

// isZeroVar reports whether k is the zero value of a variable of a type
// that refers to other memory: a nil pointer, slice, map, channel or
// interface, or a struct or array (reflect.Value, which a method writes
// through). Basic types' zero values are plain constants.
func isZeroVar(k *ssa.Const) bool {
	if k.Value != nil {
		return false
	}
	switch k.Type().Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Interface, *types.Struct, *types.Array:
		return true
	}
	return false
}

func hasRef(rs []ref, r ref) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// addRefs appends to list the refs of add it does not hold, in the order
// of add, and reports whether it added any. Long lists are searched
// through a set: a load through a pointer that may point to thousands of
// places (the pointers an AST decorator stores into its nodes, walked
// field-insensitively) added its targets one linear search at a time,
// quadratic in their number (github.com/dave/dst/decorator: 2 s per walk
// of one function).
func addRefs(list []ref, add []ref) ([]ref, bool) {
	if len(add) <= len(list) && slices.Equal(list[:len(add)], add) {
		return list, false // a later pass adding what it added before
	}
	changed := false
	if len(list)*len(add) <= 256 {
		for _, r := range add {
			if !hasRef(list, r) {
				list = append(list, r)
				changed = true
			}
		}
		return list, changed
	}
	have := make(map[ref]bool, len(list)+len(add))
	for _, r := range list {
		have[r] = true
	}
	for _, r := range add {
		if !have[r] {
			have[r] = true
			list = append(list, r)
			changed = true
		}
	}
	return list, changed
}

// pointee returns the places v points to, creating an object of unknown
// content for a pointer of unknown origin.
func (s *fstate) pointee(v ssa.Value) []ref {
	if rs := s.pts[v]; len(rs) > 0 {
		return rs
	}
	switch v := v.(type) {
	case *ssa.Global:
		rs := []ref{{obj: s.object(objGlobal, 0, v)}}
		s.pts[v] = rs
		return rs
	case *ssa.Const:
		// A variable declared without a value (var w io.Writer; var
		// buf []byte; var v reflect.Value) is, once SSA lifts it, one
		// zero constant shared by its first use and the uses that one
		// dominates: what a call writes through it (io.Copy(w, r),
		// r.Read(buf), v.Set(x)) is read back where the same constant is
		// used again. Other constants point nowhere.
		if !isZeroVar(v) {
			return nil
		}
	case *ssa.Function:
		return nil
	case *ssa.MakeInterface:
		// A pointer of unknown origin converted (a *bytes.Buffer a
		// model returned, passed as an io.Writer): what the conversion
		// points to is what its operand points to, so that writes
		// through the one are read back through the other.
		if isReference(v.X.Type()) {
			rs := s.pointee(v.X)
			s.pts[v] = rs
			return rs
		}
	case *ssa.ChangeType:
		if isReference(v.X.Type()) {
			rs := s.pointee(v.X)
			s.pts[v] = rs
			return rs
		}
	case *ssa.ChangeInterface:
		rs := s.pointee(v.X)
		s.pts[v] = rs
		return rs
	}
	rs := []ref{{obj: s.object(objValue, 0, v)}}
	s.pts[v] = rs
	return rs
}

// initial returns what an object held when the function started, at path
// p and below: symbolic parameter data, package variables, the value a
// pointer of unknown origin came with.
func (s *fstate) initial(o int, p string) tree {
	obj := &s.objs[o]
	switch obj.kind {
	case objParam:
		// The same for every read: made once (readers do not change it).
		k := ref{o, p}
		if t, ok := s.inits[k]; ok {
			return t
		}
		t := leafTree(taint{{src: s.e.param(obj.index)}}).sub(p, s.e.sources)
		if s.inits == nil {
			s.inits = make(map[ref]tree)
		}
		s.inits[k] = t
		return t
	case objGlobal:
		return s.e.globals[obj.glob].sub(p, s.e.sources)
	case objValue:
		return s.vals[obj.val].sub(p, s.e.sources)
	}
	return nil
}

// read returns the tree stored at r (and below), including the object's
// initial content unless a strong update cleaned it.
func (s *fstate) read(r ref, h heap) tree {
	if s.coarse {
		// One heap for the whole function: a place reads the same
		// until something changes, and a load of a place that may
		// hold pointers to thousands of others (an AST's nodes)
		// unites all their trees (github.com/dave/dst/decorator: 2 s
		// per walk of one function before).
		if m, ok := s.readMemo[r]; ok && s.current(m) {
			s.work += m.t.size()
			return m.t.clone() // the caller's
		}
		t := s.readHeap(r, h)
		m := s.readOf([]ref{r}, t)
		if s.readMemo == nil {
			s.readMemo = make(map[ref]readAt)
		}
		s.readMemo[r] = m
		return t
	}
	return s.readHeap(r, h)
}

func (s *fstate) readHeap(r ref, h heap) tree {
	var g gather
	t := h[r.obj]
	if t != nil {
		g.add(t.sub(r.path, s.e.sources), r.path != "")
	}
	if !t.cleanedAbove(r.path) {
		g.add(s.initial(r.obj, r.path), false)
	}
	// Pointers stored in memory: follow them (one level; deeper levels
	// were folded in when they were stored).
	for _, q := range s.heapPts[r] {
		if q.obj != r.obj {
			u := h[q.obj]
			if u != nil {
				g.add(u.sub(q.path, s.e.sources), q.path != "")
			}
			if !u.cleanedAbove(q.path) {
				g.add(s.initial(q.obj, q.path), false)
			}
		}
	}
	if g.t.len() == 0 {
		return nil
	}
	s.work += g.t.size()
	return g.t
}

// readAt is a coarse walk's read of a place: the tree, and the objects
// read with their versions (objVer) then.
type readAt struct {
	objs []int
	vers []int
	t    tree
}

// moved marks object o as changed for the reads of a coarse walk.
func (s *fstate) moved(o int) {
	if !s.coarse {
		return
	}
	for len(s.objVer) <= o {
		s.objVer = append(s.objVer, 0)
	}
	s.objVer[o]++
}

func (s *fstate) verOf(o int) int {
	if o < len(s.objVer) {
		return s.objVer[o]
	}
	return 0
}

// readOf is what reading the places rs gave, t (a copy), with the
// objects the reading depends on and their versions: the places' objects
// and those of the pointers stored in them (read follows those).
func (s *fstate) readOf(rs []ref, t tree) readAt {
	var m readAt
	for _, r := range rs {
		m.objs = append(m.objs, r.obj)
		for _, q := range s.heapPts[r] {
			m.objs = append(m.objs, q.obj)
		}
	}
	m.vers = make([]int, len(m.objs))
	for i, o := range m.objs {
		m.vers[i] = s.verOf(o)
	}
	m.t = t.clone()
	return m
}

// current reports whether none of the objects m read moved since.
func (s *fstate) current(m readAt) bool {
	for i, o := range m.objs {
		if s.verOf(o) != m.vers[i] {
			return false
		}
	}
	return true
}

// gather unites trees into one its caller owns, as merge(merge(nil, a),
// b)... does, without copying the first tree when it was made for the
// caller (fresh): most reads find their data in one place, and copying
// it was a tenth of the trees the walk made.
type gather struct{ t tree }

func (g *gather) add(u tree, fresh bool) {
	if u.len() == 0 {
		return
	}
	if g.t == nil {
		// put("", u) into an empty tree drops u's clean marks and
		// leaves the rest as it is (u's taints are union's, normal).
		if fresh && len(u.cleaned()) == 0 {
			g.t = u
			return
		}
		g.t = newTree(u.len())
	}
	g.t.put("", u)
}

// valTree is everything a value holds: its own tree and, for pointers,
// what it points to. The tree is the caller's.
func (s *fstate) valTree(v ssa.Value) tree {
	var g gather
	g.add(s.vals[v], false)
	for _, r := range s.pts[v] {
		g.add(s.read(r, s.cur), true) // read's trees are the caller's
	}
	if g.t.len() == 0 {
		return nil
	}
	return g.t
}

// store writes t at the places rs; a single place that is not a summary of
// many (an element of a slice, a map, a global) is strongly updated.
func (s *fstate) store(rs []ref, t tree, ptrs []ref) {
	t = s.flat(t)
	strong := len(rs) == 1 && s.strongOK(rs[0]) && !s.coarse
	s.work += len(rs) * t.size()
	for _, r := range rs {
		if !s.coarse { // coarse: the current heap is the union
			cur := s.mut(r.obj)
			if strong {
				cur.set(r.path, t)
			} else {
				cur.put(r.path, t)
			}
		}
		u := s.union[r.obj]
		if u == nil {
			u = newTree(0)
			s.union[r.obj] = u
		}
		if u.put(r.path, t) {
			s.changed = true
			s.moved(r.obj)
		}
		if obj := &s.objs[r.obj]; obj.kind == objGlobal && t.len() > 0 {
			g := s.e.globals[obj.glob]
			if g == nil {
				g = newTree(0)
				s.e.globals[obj.glob] = g
			}
			if g.put(r.path, t) {
				s.changed = true
				s.moved(r.obj)
				s.e.globalAt[obj.glob] = s.e.tick
			}
		}
		if l, changed := addRefs(s.heapPts[r], ptrs); changed {
			s.heapPts[r] = l
			s.changed = true
			s.moved(r.obj)
			s.spreads(l)
		}
	}
}

func (s *fstate) strongOK(r ref) bool {
	switch s.objs[r.obj].kind {
	case objGlobal, objClosure:
		return false
	}
	for i := 0; i+1 < len(r.path); i++ {
		if r.path[i] == '[' && r.path[i+1] == ']' {
			return false
		}
	}
	return true
}

// mut returns the tree of object o in the current heap, ready to be
// changed: trees are shared between blocks until one of them writes.
func (s *fstate) mut(o int) tree {
	t := s.cur[o]
	switch {
	case t == nil:
		t = newTree(0)
		s.cur[o] = t
	case s.owned != nil && !s.owned[o]:
		t = t.clone()
		s.cur[o] = t
	default:
		return t
	}
	if s.owned != nil {
		s.owned[o] = true
	}
	return t
}

// cleanedAt reports whether every place addr points to was strongly
// overwritten with data that is not user data.
func (s *fstate) cleanedAt(addr ssa.Value) bool {
	rs := s.pts[addr]
	if len(rs) == 0 {
		return false
	}
	for _, r := range rs {
		t := s.cur[r.obj]
		if t == nil {
			return false
		}
		clean := false
		for _, en := range t.entries() {
			if len(en.v) == 0 && isPrefix(en.p, r.path) {
				clean = true
				break
			}
		}
		if !clean {
			return false
		}
		if got, _ := t.at(r.path, s.e.sources); len(got) > 0 {
			return false
		}
	}
	return true
}

// step is a path step at an instruction's position.
func (s *fstate) step(pos token.Pos, desc string) Step {
	if !pos.IsValid() {
		pos = s.fn.Pos()
	}
	return Step{Pos: s.e.pos(pos), Desc: desc}
}

// fieldOf returns the struct field selected by a Field or FieldAddr on a
// value of type t.
func fieldOf(t types.Type, i int) (*types.Var, *types.Struct) {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := coreType(t).(*types.Struct)
	if !ok || i >= st.NumFields() {
		return nil, nil
	}
	return st.Field(i), st
}

func coreType(t types.Type) types.Type {
	if tp, ok := t.(*types.TypeParam); ok {
		iface, _ := tp.Constraint().Underlying().(*types.Interface)
		if iface == nil {
			return nil
		}
		var core types.Type
		for i := 0; i < iface.NumEmbeddeds(); i++ {
			if u, ok := iface.EmbeddedType(i).(*types.Union); ok && u.Len() == 1 {
				core = u.Term(0).Type().Underlying()
			} else if _, ok := iface.EmbeddedType(i).(*types.Union); !ok {
				core = iface.EmbeddedType(i).Underlying()
			}
		}
		return core
	}
	return t.Underlying()
}

// fieldLabel returns the label of the user-data field i of the struct (or
// pointer to struct) type t.
func (s *fstate) fieldLabel(t types.Type, i int) (Label, bool) {
	if s.e.cfg.Sources == nil {
		return Label{}, false
	}
	return s.e.cfg.Sources.Field(t, i)
}

// sourceTaint is the taint of reading the user-data fields ls, unless the
// read place was cleaned.
func (s *fstate) sourceTaint(ls []Label, pos token.Pos) taint {
	var out taint
	for _, l := range ls {
		st := s.step(pos, "read "+l.ShortField())
		out = append(out, origin{src: s.e.concrete(l), tr: (*trace)(nil).push(st)})
	}
	return out
}

func (s *fstate) instr(instr ssa.Instruction) {
	switch in := instr.(type) {
	case *ssa.Alloc:
		s.addPts(in, []ref{{obj: s.object(objAlloc, 0, in)}})
	case *ssa.MakeSlice, *ssa.MakeMap, *ssa.MakeChan:
		v := in.(ssa.Value)
		s.addPts(v, []ref{{obj: s.object(objAlloc, 0, v)}})
	case *ssa.MakeClosure:
		s.addPts(in, []ref{{obj: s.object(objClosure, 0, in)}})
		s.closureValue(in)
	case *ssa.FieldAddr:
		f, _ := fieldOf(in.X.Type(), in.Field)
		name := ""
		if f != nil {
			name = "." + f.Name()
		}
		var rs []ref
		for _, r := range s.pointee(in.X) {
			rs = append(rs, ref{obj: r.obj, path: s.below(r.path, name)})
		}
		s.addPts(in, rs)
		ls := s.tagged[in.X]
		if l, ok := s.fieldLabel(in.X.Type(), in.Field); ok {
			ls = append(append([]Label(nil), ls...), l)
		}
		if len(ls) > 0 && len(s.tagged[in]) == 0 {
			s.tagged[in] = ls
		}
	case *ssa.IndexAddr:
		var rs []ref
		for _, r := range s.pointee(in.X) {
			rs = append(rs, ref{obj: r.obj, path: s.below(r.path, "[]")})
		}
		s.addPts(in, rs)
		if ls := s.tagged[in.X]; len(ls) > 0 {
			s.tagged[in] = ls
		}
	case *ssa.Field:
		f, _ := fieldOf(in.X.Type(), in.Field)
		if f == nil {
			return
		}
		t := s.valTree(in.X).sub("."+f.Name(), s.e.sources)
		_, clean := s.vals[in.X].at("."+f.Name(), s.e.sources)
		if l, ok := s.fieldLabel(in.X.Type(), in.Field); ok && !clean {
			t = withTaint(t, s.sourceTaint([]Label{l}, in.Pos()))
		}
		s.setVal(in, t)
		s.derefOf(in, in.X, "."+f.Name())
	case *ssa.Index:
		s.setVal(in, s.valTree(in.X).sub("[]", s.e.sources))
		s.derefOf(in, in.X, "[]")
	case *ssa.Lookup:
		var t tree
		for _, r := range s.pointee(in.X) {
			t = merge(t, s.read(ref{r.obj, s.below(r.path, "[]")}, s.cur))
		}
		t = merge(t, s.vals[in.X].sub("[]", s.e.sources))
		if in.CommaOk {
			t = under(".#0", t)
		} else {
			// A map element that is a pointer or function value points
			// where what was stored in the map does.
			var rs []ref
			for _, r := range s.pointee(in.X) {
				er := ref{r.obj, s.below(r.path, "[]")}
				rs = append(rs, s.heapPts[er]...)
			}
			s.addPts(in, rs)
		}
		s.setVal(in, t)
	case *ssa.UnOp:
		s.unop(in)
	case *ssa.BinOp:
		switch in.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			// Comparisons yield no user data (README.md#what-carries-user-data).
		default:
			s.setVal(in, leaf(s.valTree(in.X).all()))
			s.setVal(in, leaf(s.valTree(in.Y).all()))
		}
	case *ssa.ChangeType, *ssa.Convert, *ssa.MultiConvert, *ssa.ChangeInterface, *ssa.SliceToArrayPointer, *ssa.Slice:
		v := in.(ssa.Value)
		x := in.Operands(nil)[0]
		s.setVal(v, s.vals[*x])
		s.addPts(v, s.ptsOf(*x))
		if ls := s.tagged[*x]; len(ls) > 0 {
			s.tagged[v] = ls
		}
		s.dyn[v] = s.dyn[*x]
	case *ssa.MakeInterface:
		s.setVal(in, s.vals[in.X])
		s.addPts(in, s.ptsOf(in.X))
		s.dyn[in] = []types.Type{in.X.Type()}
	case *ssa.TypeAssert:
		t := s.vals[in.X]
		if in.CommaOk {
			t = under(".#0", t)
		}
		s.setVal(in, t)
		s.addPts(in, s.ptsOf(in.X))
		s.dyn[in] = s.dyn[in.X]
	case *ssa.Extract:
		s.setVal(in, s.vals[in.Tuple].sub(".#"+itoa(in.Index), s.e.sources))
	case *ssa.Phi:
		for _, x := range in.Edges {
			s.setVal(in, s.vals[x])
			s.addPts(in, s.ptsOf(x))
			if n := len(s.dyn[in]); len(s.dyn[x]) > 0 {
				s.dyn[in] = appendTypes(s.dyn[in], s.dyn[x])
				s.changed = s.changed || len(s.dyn[in]) > n
			}
		}
		s.phiCarried(in)
	case *ssa.Store:
		t := s.vals[in.Val]
		// Pointers keep their identity in memory (heapPts); what they point
		// to is also folded into the stored tree, as pointers are
		// transparent.
		t = merge(t, s.ptsTree(in.Val))
		t = merge(t, s.storedHeld(in.Val))
		s.store(s.pointee(in.Addr), t, s.ptsOf(in.Val))
	case *ssa.MapUpdate:
		// Keys and values are kept apart (mapKeys, "[]"): a value read
		// back does not hold what its key holds (a map keyed by a
		// record's signature whose values give the record's ID).
		k := merge(leaf(s.valTree(in.Key).all()), leaf(s.storedHeld(in.Key).all()))
		t := merge(s.vals[in.Value], s.ptsTree(in.Value))
		t = merge(t, s.storedHeld(in.Value))
		var rs, ks []ref
		for _, r := range s.pointee(in.Map) {
			rs = append(rs, ref{obj: r.obj, path: s.below(r.path, "[]")})
			ks = append(ks, ref{obj: r.obj, path: s.below(r.path, mapKeys)})
		}
		s.store(rs, t, s.ptsOf(in.Value))
		if k.len() > 0 {
			s.store(ks, k, nil)
		}
	case *ssa.Send:
		t := merge(s.vals[in.X], s.ptsTree(in.X))
		t = merge(t, s.storedHeld(in.X))
		s.chanSend(in, t)
		s.enqueue(in.Chan, t, in.Pos())
		var rs []ref
		for _, r := range s.pointee(in.Chan) {
			rs = append(rs, ref{obj: r.obj, path: s.below(r.path, "[]")})
		}
		s.store(rs, t, s.ptsOf(in.X))
	case *ssa.Select:
		// One case runs: the receives see what was sent before the
		// select, not what a sibling case sends.
		k := 0
		for _, st := range in.States {
			if st.Dir == types.SendOnly {
				continue
			}
			var t tree
			for _, r := range s.pointee(st.Chan) {
				t = merge(t, s.read(ref{r.obj, s.below(r.path, "[]")}, s.cur))
			}
			t = merge(t, s.dequeued(st.Chan))
			s.setVal(in, under(".#"+itoa(2+k), t))
			k++
		}
		for _, st := range in.States {
			if st.Dir == types.SendOnly {
				var rs []ref
				for _, r := range s.pointee(st.Chan) {
					rs = append(rs, ref{obj: r.obj, path: s.below(r.path, "[]")})
				}
				t := merge(merge(s.vals[st.Send], s.ptsTree(st.Send)), s.storedHeld(st.Send))
				s.enqueue(st.Chan, t, in.Pos())
				s.store(rs, t, s.ptsOf(st.Send))
			}
		}
	case *ssa.Range:
		s.setVal(in, s.valTree(in.X))
		s.addPts(in, s.pointee(in.X))
	case *ssa.Next:
		t := s.vals[in.Iter]
		var content, keys tree
		for _, r := range s.pts[in.Iter] {
			content = merge(content, s.read(ref{r.obj, s.below(r.path, "[]")}, s.cur))
			if !in.IsString {
				keys = merge(keys, s.read(ref{r.obj, s.below(r.path, mapKeys)}, s.cur))
			}
		}
		content = merge(content, t.sub("[]", s.e.sources))
		if in.IsString {
			content = merge(content, leaf(t.all()))
			keys = content
		} else {
			keys = merge(keys, t.sub(mapKeys, s.e.sources))
		}
		s.setVal(in, under(".#1", keys))
		s.setVal(in, under(".#2", content))
	case *ssa.Call:
		s.call(in, false)
	case *ssa.Go:
		s.call(in, true)
	case *ssa.Defer:
		s.call(in, true)
	case *ssa.RunDefers:
		s.runDefers()
	case *ssa.Return:
		s.runDefers()
		s.ret(in)
	case *ssa.Panic:
		// A panic's value reaches recover() anywhere in the package.
		if t := s.valTree(in.X); t.len() > 0 {
			if s.e.panics == nil {
				s.e.panics = newTree(0)
			}
			if s.e.panics.put("", withStep(t, s.step(in.Pos(), "panicked with"))) {
				s.e.panicked = true
				s.e.panicAt = s.e.tick
			}
		}
	}
}

// closureValue gives a closure value the data it carries as a value:
// what code that only holds it (a template's function map, a library that
// calls it back) can get out of it of the variables it captured. With the
// function's summary that is what its results return of them (its exits
// and its writes into captured variables are applied where it is called
// or passed, closuresPassed); without a summary yet (a recursive
// component's first round), everything it captured. As before, user data
// the closure reads itself is not counted in its value. A template helper closing over a whole service object no
// longer makes every template, and every message rendered with it, hold
// all that object holds (listmonk: the manager and its campaign queue).
func (s *fstate) closureValue(in *ssa.MakeClosure) {
	bound := make([]tree, len(in.Bindings))
	binding := func(k int) tree {
		if bound[k] == nil {
			bound[k] = merge(s.vals[in.Bindings[k]].clone(), s.ptsTree(in.Bindings[k]))
		}
		return bound[k]
	}
	fn, _ := in.Fn.(*ssa.Function)
	fn = originFn(fn)
	var sum *Summary
	if fn != nil && fn.Pkg == s.e.cfg.Pkg {
		sum = s.sumOf(fn)
	}
	if sum == nil || sum.Limit != "" {
		for k := range in.Bindings {
			s.setVal(in, binding(k))
		}
		return
	}
	np := len(fn.Params)
	for _, ed := range sum.Edges {
		k := ed.From.Index - np
		if ed.To.Kind != PortResult || k < 0 || k >= len(in.Bindings) {
			continue
		}
		s.setVal(in, leaf(binding(k).sub(ed.From.Path, s.e.sources).all()))
	}
}

func appendTypes(a, b []types.Type) []types.Type {
	for _, t := range b {
		found := false
		for _, u := range a {
			if types.Identical(t, u) {
				found = true
				break
			}
		}
		if !found {
			a = append(a, t)
		}
	}
	return a
}

// derefOf lets a value selected from a struct or array value point where
// the enclosing value's memory says it does.
func (s *fstate) derefOf(v, x ssa.Value, p string) {
	var rs []ref
	for _, r := range s.pts[x] {
		rs = append(rs, ref{obj: r.obj, path: s.below(r.path, p)})
	}
	if len(rs) > 0 {
		s.addPts(v, rs)
	}
}

func (s *fstate) unop(in *ssa.UnOp) {
	switch in.Op {
	case token.MUL: // load
		var t tree
		ptrs := s.loadPtrs[:0] // addPts copies what it keeps
		plain := plainValue(in.Type())
		rs := s.pointee(in.X)
		if m, ok := s.loadMemo[in]; ok && m.n == len(rs) && s.current(m.at) {
			// A coarse walk's load whose places and what they hold
			// did not move since its last pass: the same data, and
			// the pointers it gave are in its points-to set already.
			t = m.at.t.clone()
		} else {
			for _, r := range rs {
				t = merge(t, s.read(r, s.cur))
				if plain {
					continue // a copy: what is stored there later is not in it
				}
				ptrs = append(ptrs, r)
				ptrs = append(ptrs, s.heapPts[r]...)
			}
			if s.coarse {
				s.memoLoad(in, rs, t)
			}
		}
		if ls := s.tagged[in.X]; len(ls) > 0 {
			if !s.cleanedAt(in.X) {
				t = withTaint(t, s.sourceTaint(ls, in.Pos()))
			}
		}
		s.setVal(in, t)
		s.addPts(in, ptrs)
		s.loadPtrs = ptrs[:0]
	case token.ARROW: // receive
		var t tree
		for _, r := range s.pointee(in.X) {
			t = merge(t, s.read(ref{r.obj, s.below(r.path, "[]")}, s.cur))
		}
		t = merge(t, s.dequeued(in.X))
		if in.CommaOk {
			t = under(".#0", t)
		}
		s.setVal(in, t)
	case token.NOT, token.SUB, token.XOR:
		s.setVal(in, leaf(s.vals[in.X].all()))
	}
}

// loadAt is a coarse walk's load: how many places it read, and what it
// read with the objects it depends on (see readAt).
type loadAt struct {
	n  int
	at readAt
}

// memoLoad remembers what load in read from the places rs, t.
func (s *fstate) memoLoad(in *ssa.UnOp, rs []ref, t tree) {
	if s.loadMemo == nil {
		s.loadMemo = make(map[*ssa.UnOp]loadAt)
	}
	s.loadMemo[in] = loadAt{n: len(rs), at: s.readOf(rs, t)}
}

// phiCarried keeps a merge of a sanitised value and one that holds its
// type's user-data fields as they are (a value of a source type, whose
// tree is empty: the fields are implied by its type, see carried) from
// passing for sanitised through and through: the unsanitised side's
// fields are added to the merge explicitly. Otherwise the merge's tree
// holds only sanitised origins and its type's fields count as sanitised
// (tree.sanitised), though one way into the merge never passed a
// sanitizer (a value sanitised only if a loop runs).
func (s *fstate) phiCarried(phi *ssa.Phi) {
	if s.vals[phi].sanitised() == nil {
		return
	}
	// The fields are held where the value was made (or the variable
	// declared), not at a call.
	defer func(p token.Pos) { s.callPos = p }(s.callPos)
	for _, x := range phi.Edges {
		if t := s.valTree(x); t.len() > 0 && t.sanitised() != nil {
			continue
		}
		s.callPos = token.NoPos
		if !x.Pos().IsValid() {
			s.callPos = phi.Pos() // the variable's declaration
		}
		if c := s.carried(x, "", s.valTree(x), ""); len(c) > 0 {
			s.setVal(phi, leaf(c))
		}
	}
}

// below is the path q below p of a place in memory: in a coarse walk,
// every place is an object as a whole.
func (s *fstate) below(p, q string) string {
	if s.coarse {
		return ""
	}
	return joinPath(p, q)
}

// flat is t as a coarse walk keeps it: every origin at the value itself,
// a symbolic origin standing for the whole input it came from (coarser,
// never dropped).
func (s *fstate) flat(t tree) tree {
	if !s.coarse || t.len() == 0 {
		return t
	}
	if v, ok := t.get(""); ok && t.len() == 1 && s.rooted(v) {
		return t
	}
	var out taint
	for _, en := range t.entries() {
		v := en.v
		if !s.rooted(v) {
			w := make(taint, len(v))
			for i, o := range v {
				if o.ext != "" && s.e.sources[o.src].kind != concreteSource {
					o.ext, o.coarse = "", true
				}
				w[i] = o
			}
			v = w
		}
		out, _ = out.union(v)
	}
	return leaf(out)
}

// rooted reports whether no origin of t has a path below its input.
func (s *fstate) rooted(t taint) bool {
	for i := range t {
		if t[i].ext != "" {
			return false
		}
	}
	return true
}

// ptsTree is what the places a pointer points to hold.
func (s *fstate) ptsTree(v ssa.Value) tree {
	var out tree
	for _, r := range s.pts[v] {
		out = merge(out, s.read(r, s.cur))
	}
	return out
}
