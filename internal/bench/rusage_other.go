//go:build !unix

package bench

import (
	"os"
	"time"
)

// usage returns 0 for the peak resident set size, which this platform's
// os.ProcessState does not carry, and the CPU time of a finished process.
func usage(ps *os.ProcessState) (maxRSS int64, cpu time.Duration) {
	return 0, ps.UserTime() + ps.SystemTime()
}
