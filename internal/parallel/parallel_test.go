package parallel

import (
	"sync/atomic"
	"testing"
)

// TestFor: every index is worked on exactly once, by workers made by
// newWorker, no more of them than indices; nothing for n = 0.
func TestFor(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		counts := make([]atomic.Int32, n)
		var workers atomic.Int32
		For(n, func() func(int) {
			workers.Add(1)
			return func(i int) { counts[i].Add(1) }
		})
		for i := range counts {
			if c := counts[i].Load(); c != 1 {
				t.Errorf("n=%d: index %d worked on %d times", n, i, c)
			}
		}
		if w := int(workers.Load()); w > n || n > 0 && w == 0 {
			t.Errorf("n=%d: %d workers", n, w)
		}
	}
}
