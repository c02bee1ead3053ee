//go:build unix

package bench

import (
	"os"
	"runtime"
	"syscall"
	"time"
)

// usage returns the peak resident set size in bytes and the CPU time (user
// plus system) of a finished process. Under wait4, Linux reports the
// largest of the process and its waited-for descendants (go list, for a
// go/packages load).
func usage(ps *os.ProcessState) (maxRSS int64, cpu time.Duration) {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok || ru == nil {
		return 0, ps.UserTime() + ps.SystemTime()
	}
	maxRSS = ru.Maxrss
	if runtime.GOOS != "darwin" && runtime.GOOS != "ios" {
		maxRSS *= 1024 // kilobytes elsewhere, bytes on Darwin
	}
	return maxRSS, ps.UserTime() + ps.SystemTime()
}
