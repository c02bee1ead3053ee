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
