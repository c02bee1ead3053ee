// Package robust holds datagate's robustness tests: whatever Go code a user
// points datagate at, it must not crash and must not lie. The package has
// no code of its own; its tests run the real datagate binary, built once by
// TestMain, as a user or a CI job would:
//
//   - TestScanRealModules scans real code (datagate's own module and part
//     of golang.org/x/tools) with a policy that makes common fields user
//     data, and checks that nothing panics and the exit code is 0 or 1;
//   - TestFaults scans the modules in testdata/robust (a package that does
//     not type-check or parse, cgo, assembly, a 20,000-statement generated
//     function, 500 mutually recursive functions, generics, range-over-func
//     iterators, unsafe conversions): no crash, the good packages' findings
//     still reported, the failing packages listed as tool errors in text
//     and SARIF, exit code 2 unless -keep-going;
//   - TestLimits drives functions past the engine's limits
//     (lineage/README.md) and checks that the flow is still reported and
//     the limit is visible;
//   - TestOffline and TestWritesOnlyOutput scan the demo without network
//     and check that nothing but -o is written;
//   - TestDeterministic scans the demo with GOMAXPROCS 1 and 2, three
//     times, in text and SARIF, and compares the bytes;
//   - TestMiss_* (and TestCrash_*, when one is open) reproduce bugs found
//     here, in other packages, for their owners to fix (each test names
//     the file and line).
//
// Under -short only the fast tests run (about 20 seconds). The fuzz targets
// live next to the code they fuzz (lineage, lineage/policy, lineage/regions,
// internal/report); README.md's "Fuzzing and robustness" lists the commands.
package robust
