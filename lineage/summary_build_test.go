package lineage

import (
	"reflect"
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
