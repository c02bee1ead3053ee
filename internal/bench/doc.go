// Package bench measures datagate against the cost of loading,
// type-checking and building SSA for the same packages, and against gosec:
// a generator of synthetic modules (gen.go), the Go benchmark BenchmarkScan
// (ns/op, allocations and ns per SSA instruction, for benchstat), and the
// steps that cmd/datagate-bench runs side by side, each in a child process
// so that peak memory is measured per step.
package bench
