package lineage

import (
	"slices"
	"testing"
)

// TestSameTree checks the equality the walk's memo of applied summaries
// (appliedAt) relies on: trees built apart from the same data are the
// same; any difference extendTree would carry into its result (a path, an
// origin's input, path or flags, a step of its trace) makes them differ.
func TestSameTree(t *testing.T) {
	at := func(line int, desc string) Step {
		return Step{Pos: Position{File: "a.go", Line: line, Col: 1}, Desc: desc}
	}
	var base *trace
	base = base.push(at(1, "read"))
	mk := func(tr *trace, o origin) tree {
		o.tr = tr
		out := newTree(0)
		out.setKey(".Email", taint{o})
		return out
	}
	o := origin{src: 1, ext: ".Email"}
	// Two traces with the same steps, built node by node apart.
	t1 := base.push(at(2, "passed to f")).pushCall(at(3, "passed to g"), []Step{at(9, "inside g")})
	t2 := base.push(at(2, "passed to f")).pushCall(at(3, "passed to g"), []Step{at(9, "inside g")})
	if t1 == t2 {
		t.Fatal("test needs traces that are not shared")
	}
	a := mk(t1, o)
	if !sameTree(a, a) || !sameTree(a, mk(t2, o)) || !sameTree(nil, nil) {
		t.Error("equal trees reported different")
	}
	differ := map[string]tree{
		"another step":       mk(base.push(at(2, "passed to h")).pushCall(at(3, "passed to g"), []Step{at(9, "inside g")}), o),
		"a shorter trace":    mk(base.push(at(2, "passed to f")), o),
		"another segment":    mk(base.push(at(2, "passed to f")).pushCall(at(3, "passed to g"), []Step{at(8, "inside g")}), o),
		"another input":      mk(t2, origin{src: 2, ext: ".Email"}),
		"another input path": mk(t2, origin{src: 1, ext: ".Name"}),
		"sanitised":          mk(t2, origin{src: 1, ext: ".Email", san: true}),
		"used whole":         mk(t2, origin{src: 1, ext: ".Email", whole: true}),
		"coarse":             mk(t2, origin{src: 1, ext: ".Email", coarse: true}),
		"empty":              nil,
	}
	two := mk(t2, o)
	two.setKey(".Name", taint{o})
	differ["another path"] = two
	for name, b := range differ {
		if sameTree(a, b) || sameTree(b, a) {
			t.Errorf("%s: reported the same", name)
		}
	}
}

// TestAddRefs checks the points-to list union both ways it is made (a
// linear search for short lists, a set for long ones): the refs added in
// the order they come, none twice, and whether any was.
func TestAddRefs(t *testing.T) {
	mk := func(objs ...int) []ref {
		var out []ref
		for _, o := range objs {
			out = append(out, ref{obj: o, path: ".f"})
		}
		return out
	}
	for _, n := range []int{3, 100} { // under and over the linear search's limit
		var list, add, want []int
		for i := 0; i < n; i++ {
			list = append(list, 2*i)
			add = append(add, n+i, 2*i, n+i) // new ones, twice, and old ones
		}
		want = append(want, list...)
		for i := 0; i < n; i++ {
			if (n+i)%2 == 1 || n+i >= 2*n {
				want = append(want, n+i)
			}
		}
		got, changed := addRefs(mk(list...), mk(add...))
		if !changed || !slices.Equal(got, mk(want...)) {
			t.Errorf("n=%d: addRefs = %v, %v; want %v, true", n, got, changed, mk(want...))
		}
		if again, changed := addRefs(got, mk(add...)); changed || len(again) != len(got) {
			t.Errorf("n=%d: adding the same again changed the list", n)
		}
	}
}

// TestAppendExtended holds appendExtended, which addExit and keepSteps
// use to make a path without the trace, to extendTrace's steps: for every
// base trace of a few kinds (none, one ending in a plain step, one ending
// in a callee's segment), every call step (none, equal to the base's last
// step, another) and every run of steps (with a repeat inside), the same
// list, also when appended after what a scratch list held before.
func TestAppendExtended(t *testing.T) {
	at := func(line int) Step {
		return Step{Pos: Position{File: "a.go", Line: line, Col: 1}, Desc: "step"}
	}
	var none *trace
	bases := map[string]*trace{
		"none":         nil,
		"plain":        none.push(at(1)).push(at(2)),
		"segment":      none.push(at(1)).pushCall(at(2), []Step{at(3), at(4)}),
		"segment only": none.pushSeg([]Step{at(4)}),
	}
	calls := map[string]*Step{"none": nil, "same as last": new(at(2)), "other": new(at(5)), "last of segment": new(at(4))}
	runs := map[string][]Step{"none": nil, "one": {at(6)}, "repeats": {at(6), at(6), at(2), at(7)}, "starts with call": {at(5), at(5)}}
	for bn, base := range bases {
		for cn, call := range calls {
			for rn, steps := range runs {
				want := extendTrace(base, call, steps).steps()
				for _, prefix := range [][]Step{nil, {at(99), at(98)}} {
					buf := append([]Step(nil), prefix...)[:0]
					got := appendExtended(buf, base, call, steps)
					if !slices.Equal(got, want) {
						t.Errorf("base %s, call %s, steps %s: got %v, want %v", bn, cn, rn, got, want)
					}
				}
			}
		}
	}
}
