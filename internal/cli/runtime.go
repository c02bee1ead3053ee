package cli

import "runtime/debug"

// memoryLimit is the Go runtime's soft memory limit for a scan (as
// GOMEMLIMIT would set it).
//
// The scan's memory target is a peak RSS under 1 GB on a service of a
// thousand packages (README, Benchmarks). The Go heap is most of the
// process, and by default (GOGC=100) the collector lets it grow to twice
// what is live, so a scan holding 600 MB of types, facts and results would
// reach 1.2 GB. The soft limit makes the collector work harder only as the
// heap nears it (measured on the generated 1000-package module: peak RSS
// 1486 MB without it, 879 MB with it, for 17% more CPU). When more than
// the limit is live, the runtime caps the collector's CPU share, so a
// larger scan slows down rather than fails.
const memoryLimit = 850 << 20

// ConfigureRuntime sets the soft memory limit for a scan, unless the
// environment sets GOMEMLIMIT, which then wins. Commands call it once, at
// start.
func ConfigureRuntime(getenv func(string) string) {
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}
