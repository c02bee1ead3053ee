package lineage

import (
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Queues: a channel kept in a struct field is a queue between goroutines
// that share the struct. The function that sends on it (a batch loop
// filling a mailer's queue) and the one that receives from it (the
// mailer's worker, started elsewhere) are usually not caller and callee,
// and reach the channel along different access paths (p.m.queue in one,
// the receiver's queue in the other), so following memory from a common
// caller does not connect them. A queue is then one place per field, for
// the whole package, like a package variable: the user data sent on a
// channel loaded from field F is what any receive from a channel loaded
// from F gets (field-based, as points-to analyses model such channels;
// two structs of the same type share their queues, which over-approximates
// and never drops data).
//
// Only concrete data (user-data fields read on the way) is queued: a
// parameter's data means nothing in the receiving function. A send of a
// parameter (an Enqueue method whose callers pass the data) shows in the
// sender's summary as a write into the channel's elements; a caller in the
// package that applies it queues what it passes (enqueueAt). A caller in
// another package cannot reach the receivers, which were analysed with
// their package: that package exports, per channel field, the exits its
// functions send what they receive to (QueueExit, derived from their
// summaries), and the caller reports its data there (queueOut).

// chanField returns the struct field the channel value v was loaded from,
// through conversions (a bidirectional channel passed on as send- or
// receive-only), or nil.
func chanField(v ssa.Value) *types.Var {
	for ct, ok := v.(*ssa.ChangeType); ok; ct, ok = v.(*ssa.ChangeType) {
		v = ct.X
	}
	switch x := v.(type) {
	case *ssa.UnOp:
		if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL {
			f, _ := fieldOf(fa.X.Type(), fa.Field)
			return f
		}
	case *ssa.Field:
		f, _ := fieldOf(x.X.Type(), x.Field)
		return f
	}
	return nil
}

// enqueue adds the concrete data of t, sent on ch at pos, to the queue of
// the field ch was loaded from.
func (s *fstate) enqueue(ch ssa.Value, t tree, pos token.Pos) {
	if f := chanField(ch); f != nil {
		s.enqueueField(f, t, pos)
	}
}

// enqueueField adds the concrete data of t, sent at pos, to the queue of
// field f.
func (s *fstate) enqueueField(f *types.Var, t tree, pos token.Pos) {
	if t.len() == 0 {
		return
	}
	var keep tree
	for _, en := range t.entries() {
		var c taint
		for _, o := range en.v {
			if s.e.sources[o.src].kind == concreteSource {
				c = append(c, o)
			}
		}
		if len(c) > 0 {
			if keep == nil {
				keep = newTree(0)
			}
			keep.setKey(en.p, c)
		}
	}
	if keep == nil {
		return
	}
	keep = withStep(keep, s.step(pos, "queued on channel field "+f.Name()))
	q := s.e.queues[f]
	if q == nil {
		q = newTree(0)
		s.e.queues[f] = q
	}
	if q.put("", keep) {
		s.changed = true
		s.e.queueAt[f] = s.e.tick
	}
}

// dequeued is what a receive from ch gets from its field's queue. The
// walk notes the fields each function receives from (e.receives), for
// queueStale.
func (s *fstate) dequeued(ch ssa.Value) tree {
	f := chanField(ch)
	if f == nil {
		return nil
	}
	if !slices.Contains(s.e.receives[s.fn], f) {
		if s.e.receives == nil {
			s.e.receives = make(map[*ssa.Function][]*types.Var)
		}
		s.e.receives[s.fn] = append(s.e.receives[s.fn], f)
	}
	return s.e.queues[f]
}

// queueStale reports whether a queue fn receives from changed since its
// last walk.
func (e *engine) queueStale(fn *ssa.Function) bool {
	at := e.analysedAt[fn]
	for _, f := range e.receives[fn] {
		if t, ok := e.queueAt[f]; ok && t >= at {
			return true
		}
	}
	return false
}

// queueIn finds, in path p below a value of type t, a channel kept in a
// struct field followed by its element (".letters" in ".letters[].to"),
// reached from the value through fields only (pathSteps): the field, the
// path to the struct holding it ("") and the path below the element
// (".to"). A callee that sends its parameter on such a channel (an
// Enqueue method) writes there, so what the caller passes is queued
// (enqueueAt).
func queueIn(t types.Type, p string) (f *types.Var, owner, rest string) {
	i := strings.Index(p, "[]")
	if i < 0 {
		return nil, "", ""
	}
	steps, ok := pathSteps(t, p[:i])
	if !ok {
		return nil, "", ""
	}
	f = steps[len(steps)-1].v
	if _, ok := coreType(f.Type()).(*types.Chan); !ok {
		return nil, "", ""
	}
	return f, p[:strings.LastIndexByte(p[:i], '.')], p[i+2:]
}

// enqueueAt queues the concrete data of t that callee c writes at path p
// of the argument v, when p goes into a channel kept in a struct field;
// the field of another package's type sends it where that package's
// functions send what they receive from it (queueOut).
func (s *fstate) enqueueAt(c ssa.CallInstruction, v ssa.Value, p string, t tree) {
	if v == nil {
		return
	}
	f, owner, rest := queueIn(v.Type(), p)
	if f == nil {
		return
	}
	elem := under(rest, t)
	s.enqueueField(f, elem, c.Pos())
	s.queueOut(c, f, v, owner, elem)
}

// A QueueExit is an exit that what is received from a channel field
// reaches: Exit.From.Path is the path below the channel's element (its
// Index is the receiving function's parameter that reaches the channel,
// Owner the path from that parameter to the struct holding the channel).
type QueueExit struct {
	Exit  ExitEdge
	Owner string `json:",omitempty"`
}

// maxQueueExits bounds the exits recorded per channel field.
const maxQueueExits = 32

// queueExits derives, from the summaries of the package's functions, the
// exits reached by what they receive from the channels kept in the fields
// of the package's types: an exit edge whose parameter path goes into a
// channel field's elements (a worker ranging over o.letters, posting
// l.to: param0.letters[].to). Functions other packages cannot call (the
// worker, usually unexported) count: the package's own goroutines run them.
func (e *engine) queueExits() map[*types.Var][]QueueExit {
	var out map[*types.Var][]QueueExit
	type key struct {
		f        *types.Var
		from     Port
		exit     Position
		endpoint string
	}
	seen := map[key]bool{}
	for _, fn := range e.funcs {
		sum := e.sums[fn]
		if sum == nil {
			continue
		}
		for _, x := range sum.Exits {
			if x.From == nil {
				continue
			}
			t := inputType(fn, x.From.Index)
			if t == nil {
				continue
			}
			f, owner, rest := queueIn(t, x.From.Path)
			if f == nil || f.Pkg() != e.cfg.Pkg.Pkg {
				continue
			}
			q := QueueExit{Exit: x, Owner: owner}
			from := *x.From
			from.Path = rest
			q.Exit.From = &from
			k := key{f, from, x.Exit.Pos, x.Endpoint.String()}
			if seen[k] || len(out[f]) >= maxQueueExits {
				continue
			}
			seen[k] = true
			if out == nil {
				out = make(map[*types.Var][]QueueExit)
			}
			out[f] = append(out[f], q)
		}
	}
	return out
}

// inputType is the type of input i of fn: a parameter, or after them a
// free variable (summaries number them so).
func inputType(fn *ssa.Function, i int) types.Type {
	if i < len(fn.Params) {
		return fn.Params[i].Type()
	}
	if j := i - len(fn.Params); j < len(fn.FreeVars) {
		return fn.FreeVars[j].Type()
	}
	return nil
}

// queueOut applies, where user data is put on a channel field of another
// package's type (elem, the channel's element, written by call c into the
// struct at path owner of argument v), the exits that package's functions
// send what they receive from it to.
func (s *fstate) queueOut(c ssa.CallInstruction, f *types.Var, v ssa.Value, owner string, elem tree) {
	if s.e.cfg.QueueExits == nil || f.Pkg() == s.e.cfg.Pkg.Pkg {
		return
	}
	qs := s.e.cfg.QueueExits(f)
	if len(qs) == 0 {
		return
	}
	step := s.step(c.Pos(), "queued on channel field "+f.Name())
	for _, q := range qs {
		x := q.Exit
		tt := elem.sub(x.From.Path, s.e.sources).all()
		if x.From.Whole {
			tt = tt.asWhole(s.e.sources)
		}
		if len(tt) == 0 {
			continue
		}
		// The worker's endpoint, where it names the struct holding the
		// channel, is that struct here.
		expr := x.Endpoint.Subst(func(i int, path string) StrExpr {
			if i == x.From.Index && isPrefix(q.Owner, path) {
				return s.strAt(v, owner+path[len(q.Owner):], 0)
			}
			return nil
		})
		x.From = nil
		s.exitVia(c, x, tt, expr, &step)
	}
}
