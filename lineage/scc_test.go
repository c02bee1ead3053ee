package lineage

import (
	"fmt"
	"testing"
)

// TestStronglyConnected: components come sinks first, each with its
// members in the order they left the stack; a node alone is a component.
func TestStronglyConnected(t *testing.T) {
	// 0 -> 1 -> 2 -> 1 (a loop), 2 -> 3, 4 alone, 5 -> 5 (a self loop).
	edges := map[int][]int{0: {1}, 1: {2}, 2: {1, 3}, 5: {5}}
	got := fmt.Sprint(stronglyConnected([]int{0, 1, 2, 3, 4, 5}, func(n int) []int { return edges[n] }))
	if want := "[[3] [2 1] [0] [4] [5]]"; got != want {
		t.Errorf("stronglyConnected = %s, want %s", got, want)
	}
}
