// Package flows defines an Analyzer that follows user data through a
// package's SSA form to the calls where it leaves the process.
//
// # Analyzer datagateflows
//
// datagateflows: follow user data to the exits of the process
//
// The analyzer builds the package's SSA form, summarises every function
// bottom-up over the call graph (which parameters reach which results,
// which parameters' memory, and which exits, with the endpoints they use)
// and exports the summary of each function another package can call, so
// that packages further up the import graph apply it at their calls
// without reading the body again: a function's as a SummaryFact, a named
// type's methods' together as a MethodsFact on the type. It also exports, as a FieldFact, the constant strings an
// unexported field is set to, and, as a QueueFact on a channel field, the
// exits its package sends what it receives from that channel to. Flows of
// user data to exits found in the package are its Result.
//
// The SSA form is built here rather than taken from the buildssa analyzer:
// drivers keep every analyzer's result until the run ends, and a thousand
// packages' SSA would not fit; this analyzer's result holds only flows.
// Standard library packages are not analysed: the engine's models cover
// them (package knowledge).
package flows
