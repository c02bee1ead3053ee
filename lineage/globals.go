package lineage

import (
	"slices"

	"golang.org/x/tools/go/ssa"
)

// globalUse is a package variable used in a function.
type globalUse struct {
	g  *ssa.Global
	fn *ssa.Function
}

// indexGlobals finds, in one scan of the package's functions, the
// instructions that use each package variable (SSA keeps no referrers for
// them). Folding a variable then costs its uses, not a scan of every
// function that touches it: a table's init function refers to thousands of
// variables in hundreds of thousands of instructions.
func (e *engine) indexGlobals() {
	if e.gfuncs != nil {
		return
	}
	e.gfuncs = make(map[*ssa.Global][]*ssa.Function)
	e.grefs = make(map[globalUse][]ssa.Instruction)
	e.fglobals = make(map[*ssa.Function][]*ssa.Global)
	var ops []*ssa.Value
	for _, fn := range e.funcs {
		e.gindexed[fn] = true
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				ops = in.Operands(ops[:0])
				for i, op := range ops {
					g, ok := (*op).(*ssa.Global)
					if !ok || slices.ContainsFunc(ops[:i], func(o *ssa.Value) bool { return *o == g }) {
						continue
					}
					k := globalUse{g, fn}
					if _, seen := e.grefs[k]; !seen {
						e.gfuncs[g] = append(e.gfuncs[g], fn)
						e.fglobals[fn] = append(e.fglobals[fn], g)
					}
					e.grefs[k] = append(e.grefs[k], in)
				}
			}
		}
	}
}

// funcsTouching lists the package's functions that refer to g.
func (e *engine) funcsTouching(g *ssa.Global) []*ssa.Function {
	e.indexGlobals()
	return e.gfuncs[g]
}

// referrers returns the instructions of the function that use v. Package
// variables keep no referrers in SSA: their uses come from indexGlobals.
func (s *fstate) referrers(v ssa.Value) []ssa.Instruction {
	g, ok := v.(*ssa.Global)
	if !ok {
		if rs := v.Referrers(); rs != nil {
			return *rs
		}
		return nil
	}
	s.e.indexGlobals()
	if s.e.gindexed[s.fn] {
		return s.e.grefs[globalUse{g, s.fn}]
	}
	var out []ssa.Instruction
	for _, b := range s.fn.Blocks {
		for _, in := range b.Instrs {
			for _, op := range in.Operands(nil) {
				if *op == v {
					out = append(out, in)
					break
				}
			}
		}
	}
	return out
}
