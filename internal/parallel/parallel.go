// Package parallel runs independent pieces of work on every core.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls a work function with each i in [0, n), on up to
// runtime.GOMAXPROCS(0) goroutines, and returns once all calls are done.
// Each goroutine gets its work function from newWorker, called before it
// starts, so that it can keep state across the indices it takes (a read
// buffer). The indices are taken in order, one at a time.
func For(n int, newWorker func() func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		work := newWorker()
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				work(i)
			}
		}()
	}
	wg.Wait()
}
