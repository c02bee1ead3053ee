package lineage

import (
	"strings"
	"testing"
)

// testSteps returns n steps on lines 1..n of a.go.
func testSteps(n int) []Step {
	var out []Step
	for i := range n {
		out = append(out, Step{Pos: Position{File: "a.go", Line: i + 1}, Desc: "step"})
	}
	return out
}

// TestCapSteps: a long summary path keeps its ends and says, at the cut,
// how many steps were left out, also when an earlier cut falls inside.
func TestCapSteps(t *testing.T) {
	mk := testSteps
	if got := capStepsTo(mk(maxSummarySteps), maxSummarySteps); len(got) != maxSummarySteps {
		t.Fatalf("a path at the limit changed: %d steps", len(got))
	}
	got := capStepsTo(mk(maxSummarySteps+10), maxSummarySteps)
	if len(got) != maxSummarySteps+1 {
		t.Fatalf("got %d steps, want %d", len(got), maxSummarySteps+1)
	}
	mark := got[maxSummarySteps/2]
	if n, ok := cutCount(mark); !ok || n != 10 {
		t.Fatalf("marker %q: count %d, %v; want 10", mark.Desc, n, ok)
	}
	if mark.Pos.Line != maxSummarySteps/2 {
		t.Errorf("marker at line %d, want the last kept step's line %d", mark.Pos.Line, maxSummarySteps/2)
	}
	if !strings.Contains(mark.Desc, "10 steps left out") {
		t.Errorf("marker text %q", mark.Desc)
	}
	// Cut again with more steps appended: the old marker is inside the
	// new cut and its 10 steps are counted.
	again := capStepsTo(append(append(mk(5), got...), mk(5)...), maxSummarySteps)
	total := 0
	for _, st := range again {
		if n, ok := cutCount(st); ok {
			total += n
		}
	}
	if want := 5 + maxSummarySteps + 10 + 5 - maxSummarySteps; total != want {
		t.Errorf("steps left out in all: %d, want %d", total, want)
	}
}

// TestCapStepsDeps: summaries of dependencies keep fewer steps per edge
// than those of the code under scan, with the same marker at the cut.
func TestCapStepsDeps(t *testing.T) {
	var steps []Step
	for i := range maxSummarySteps {
		steps = append(steps, Step{Pos: Position{File: "a.go", Line: i + 1}, Desc: "step"})
	}
	scanned := &engine{cfg: &Config{Scanned: true}}
	if got := scanned.capSteps(steps, true); len(got) != maxSummarySteps {
		t.Errorf("code under scan: %d steps kept, want %d", len(got), maxSummarySteps)
	}
	dep := &engine{cfg: &Config{}}
	got := dep.capSteps(steps, true)
	if len(got) != maxDepSummarySteps+1 {
		t.Fatalf("dependency: %d steps kept, want %d", len(got), maxDepSummarySteps+1)
	}
	if n, ok := cutCount(got[maxDepSummarySteps/2]); !ok || n != maxSummarySteps-maxDepSummarySteps {
		t.Errorf("dependency: marker %q says %d, want %d", got[maxDepSummarySteps/2].Desc, n, maxSummarySteps-maxDepSummarySteps)
	}
	if got[0].Pos.Line != 1 || got[len(got)-1].Pos.Line != maxSummarySteps {
		t.Errorf("dependency: the ends moved: %v ... %v", got[0].Pos, got[len(got)-1].Pos)
	}
}

// TestCapStepsShared: a package keeps one copy of each list of steps its
// summaries hold; another package (engine) keeps its own.
func TestCapStepsShared(t *testing.T) {
	mk := testSteps
	e := &engine{cfg: &Config{Scanned: true}}
	a, b := e.capSteps(mk(3), true), e.capSteps(mk(3), true)
	if &a[0] != &b[0] {
		t.Error("two equal lists of steps are two copies, want one")
	}
	if c := e.capSteps(mk(4), true); &c[0] == &a[0] {
		t.Error("lists of different steps share a copy")
	}
	if cap(a) != len(a) {
		t.Errorf("a kept list has room to grow into (len %d, cap %d): an append would write into it", len(a), cap(a))
	}
	other := &engine{cfg: &Config{Scanned: true}}
	if d := other.capSteps(mk(3), true); &d[0] == &a[0] {
		t.Error("two packages share a list of steps")
	}
}
