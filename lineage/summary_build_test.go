package lineage

import (
	"reflect"
	"strings"
	"testing"
)

// TestClusterPaths: more edges than a summary keeps merge by the longest
// prefix that leaves few enough groups, not all into one.
func TestClusterPaths(t *testing.T) {
	paths := []string{".d.A", ".d.B", ".d.C", ".d.D", ".d.E", ".deps.A", ".deps.B", ".deps.C", ".deps.D"}
	idx := make([]int, len(paths))
	for i := range idx {
		idx[i] = i
	}
	got := clusterPaths(idx, func(i int) (string, string) { return paths[i], "" })
	want := [][]int{{0, 1, 2, 3, 4}, {5, 6, 7, 8}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("clusterPaths(%v) = %v, want %v", paths, got, want)
	}
	// Nine different first fields: only the whole parameter is left.
	flat := []string{".a", ".b", ".c", ".d", ".e", ".f", ".g", ".h", ".i"}
	got = clusterPaths(idx, func(i int) (string, string) { return flat[i], "" })
	if len(got) != 1 || len(got[0]) != 9 {
		t.Errorf("clusterPaths(%v) = %v, want one group", flat, got)
	}
	// The output paths count too.
	got = clusterPaths(idx, func(i int) (string, string) { return ".x", paths[i] })
	if !reflect.DeepEqual(got, want) {
		t.Errorf("clusterPaths by output %v = %v, want %v", paths, got, want)
	}
}

// TestSortStableBy checks the sort of summary lists: by key, equal keys
// in the order they came, as sort.SliceStable with the key made in the
// comparison sorted them.
func TestSortStableBy(t *testing.T) {
	type kv struct{ k, v string }
	xs := []kv{{"b", "1"}, {"a", "2"}, {"b", "3"}, {"a", "4"}, {"c", "5"}, {"a", "6"}}
	sortStableBy(xs, func(x *kv) string { return x.k })
	var got string
	for _, x := range xs {
		got += x.k + x.v + " "
	}
	if want := "a2 a4 a6 b1 b3 c5 "; got != want {
		t.Errorf("sorted to %q, want %q", got, want)
	}
}

// TestJoinSummaries: the summary of a round of a recursive component is
// joined with the last one's. What the last says already (an edge at a
// path or below a merged edge, an exit's endpoint among its alternatives,
// a string cut at maxAlts) leaves it as it is; anything else is added.
func TestJoinSummaries(t *testing.T) {
	p := func(i int, path string) Port { return Port{Kind: PortParam, Index: i, Path: path} }
	r := Port{Kind: PortResult}
	merged := &Summary{Edges: []Edge{{From: p(0, ".d"), To: r}}}
	var fine Summary
	for _, f := range []string{".A", ".B", ".C"} {
		fine.Edges = append(fine.Edges, Edge{From: p(0, ".d"+f), To: r})
	}
	if got := joinSummaries(merged, &fine); got != merged {
		t.Errorf("edges below a merged edge changed the summary: %v", got)
	}
	wider := &Summary{Edges: []Edge{{From: p(0, ".d.A"), To: r}, {From: p(1, ""), To: r}}}
	got := joinSummaries(merged, wider)
	if want := "summary(param0.d->result0; param0.d.A->result0; param1->result0)"; got.String() != want {
		t.Errorf("joined %v, want %v", got, want)
	}
	if again := joinSummaries(got, wider); again != got {
		t.Errorf("joining the same summary again changed it: %v", again)
	}
	if whole := (&Summary{Edges: []Edge{{From: Port{Kind: PortParam, Path: ".d.A", Whole: true}, To: r}}}); joinSummaries(merged, whole) == merged {
		t.Errorf("an edge of the value as a whole is not one of its parts")
	}

	exit := Exit{Pos: Position{File: "a.go", Line: 3}, Callee: "net/http.Post"}
	ab := &Summary{Exits: []ExitEdge{{From: &Port{Kind: PortParam}, Exit: exit, Endpoint: Union(Lit("a", Position{}), Lit("b", Position{}))}}}
	if got := joinSummaries(ab, &Summary{Exits: []ExitEdge{{From: &Port{Kind: PortParam, Path: ".x"}, Exit: exit, Endpoint: Lit("a", Position{})}}}); got != ab {
		t.Errorf("an exit to one of the endpoints it has changed the summary: %v", got)
	}
	if got := joinSummaries(ab, &Summary{Exits: []ExitEdge{{From: &Port{Kind: PortParam}, Exit: exit, Endpoint: Lit("c", Position{})}}}); len(got.Exits) != 2 {
		t.Errorf("an exit to another endpoint was not added: %v", got)
	}

	var many StrExpr
	for _, s := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "i"} {
		many = Union(many, Lit(s, Position{}))
	}
	cut := &Summary{Strs: []StrOut{{To: r, Value: many}}}
	if !strings.Contains(many.String(), tooManyValues) {
		t.Fatalf("nine alternatives were not cut: %v", many)
	}
	if got := joinSummaries(cut, &Summary{Strs: []StrOut{{To: r, Value: Lit("j", Position{})}}}); got != cut {
		t.Errorf("a value cut at maxAlts changed: %v", got)
	}
}
