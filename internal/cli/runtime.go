package cli

import "runtime/debug"

// The collector's settings for a scan.
//
// The scan's memory target is a peak RSS under 1 GB on a service of a
// thousand packages (README, Benchmarks), and the Go heap is most of the
// process. The engine allocates much short-lived data (taint sets, trees)
// while what stays live (types, facts, the root packages' results) grows
// slowly, so the collector's CPU share is large at the default GOGC=100:
// a third of the scan on golangci-lint's 1,238 packages.
//
//   - gcPercent lets the heap grow to three times what is live before a
//     collection, rather than twice (golangci-lint: 76 s of CPU at 100,
//     61 s at 200).
//   - memoryLimit is a soft limit (as GOMEMLIMIT sets): the collector works
//     harder only as the heap nears it, so a large scan stays under 1 GB
//     (generated 1000-package module: peak RSS 1486 MB without it, 879 MB
//     with it, for 17% more CPU). When more than the limit is live, the
//     runtime caps the collector's CPU share: a larger scan slows down
//     rather than fails.
const (
	gcPercent   = 200
	memoryLimit = 850 << 20
)

// ConfigureRuntime sets the collector for a scan, unless the environment
// sets GOGC or GOMEMLIMIT, which then win. Commands call it once, at start.
func ConfigureRuntime(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}
