package lineage

import (
	"go/token"
	"go/types"
	"io"
	"sort"
	"strings"

	"github.com/datagate/datagate/lineage/policy"
	"golang.org/x/tools/go/ssa"
)

// Sources answers which fields and types hold user data (the sources
// analyzer's result).
type Sources interface {
	// Field reports whether field i of struct type t holds user data.
	Field(t types.Type, i int) (Label, bool)
	// Carried lists the user-data fields a value of type t holds.
	Carried(t types.Type) []Carried
}

// Config is what the engine needs from its driver for one package.
type Config struct {
	Fset    *token.FileSet
	Pkg     *ssa.Package
	Policy  *policy.Policy
	Sources Sources
	// Summary returns the summary of a function of another package (a
	// go/analysis fact), or nil.
	Summary func(fn *types.Func) *Summary
	// Generated reports whether a file is generated code.
	Generated func(filename string) bool
	// Skip reports whether a function's body is not analysed (test files
	// without -tests).
	Skip func(fn *ssa.Function) bool
	// Pending lists the interface calls with user data that packages
	// imported by this one could not resolve (a package fact).
	Pending []PendingCall
	// FieldStr returns the string values an unexported field of another
	// package's type is ever set to (a go/analysis fact), or nil.
	FieldStr func(field *types.Var) map[string]StrExpr
	// QueueExits returns where the package of a channel field sends what
	// its functions receive from it (Result.QueueExits of that package, a
	// go/analysis fact), or nil.
	QueueExits func(field *types.Var) []QueueExit
	// MethodNames returns MethodNames(p), perhaps from a cache shared by
	// the packages of a run; nil means MethodNames.
	MethodNames func(p *types.Package) map[string][]*types.Named
	// Trace, when not nil, receives every summary as it is made (a
	// debugging aid: DATAGATE_DEBUG=1 sets it to standard error).
	Trace io.Writer
	// WorkPerInstr is the work budget of one walk of a function, in
	// origins moved per SSA instruction (see workPerInstr): 0 means the
	// default, workPerInstr; a negative value walks every function
	// field-insensitively (coarse) from the start. Not a flag: tests use
	// it to check that coarse walks only add data.
	WorkPerInstr int
	// Named, when not nil, reports whether the code of the scan writes
	// name after a dot anywhere (P.F, x.M): a function or method of a
	// dependency that no such name reaches is never called, and is not
	// analysed (engine.called). Nil, or a Scanned package: every function
	// is. Only a driver that sees the whole program can say (the
	// standalone command); under go vet each package is analysed alone.
	Named func(name string) bool
	// Scanned says the package belongs to the code under scan (the main
	// module or a module replaced by a local directory), not to a
	// dependency: its functions get a larger work budget
	// (workPerInstrScanned).
	Scanned bool
}

// NoModelNote starts the notes about calls the engine had neither a model
// nor a summary for; the others are limits it hit.
const NoModelNote = "no model or summary: "

// Result is what the engine found in one package.
type Result struct {
	// Summaries of the package's declared functions and methods, to be
	// exported as facts.
	Summaries map[*types.Func]*Summary
	// Flows of user data to exits, with this package's call sites.
	Flows []Flow
	// Notes are things the engine could not see into (calls with neither a
	// model nor a summary) and limits it hit, sorted.
	Notes []string
	// FieldStrs are the string values (and remembered endpoints, path
	// ".#ep") that the package's unexported struct fields are ever set
	// to, when every store is a constant: a client's base URL set by its
	// constructor. Exported as facts.
	FieldStrs map[*types.Var]map[string]StrExpr
	// QueueExits are, per channel field of the package's types, the exits
	// its functions send what they receive from it to (queues.go): a
	// package further up that puts user data on the channel (through a
	// method that sends its parameter) reports those flows.
	QueueExits map[*types.Var][]QueueExit
	// Pending are the interface calls with user data still unresolved
	// here, for packages further up (a package fact).
	Pending []PendingCall
}

// Analyze runs the engine over the functions of cfg.Pkg.
func Analyze(cfg *Config) *Result {
	e := &engine{
		cfg:     cfg,
		srcIdx:  make(map[sourceKey]int),
		sums:    make(map[*ssa.Function]*Summary),
		globals: make(map[*ssa.Global]tree),
		flows:   make(map[flowKey]*Flow),
		notes:   make(map[string]bool),
		models:  defaultModels(),
		cha:     make(map[*types.Func][]*types.Func),
		gwPkgs:  make(map[string]bool),
		pending: make(map[string]PendingCall),

		analysedAt: make(map[*ssa.Function]int),
		deps:       make(map[*ssa.Function]map[*ssa.Function]bool),
		changedAt:  make(map[*ssa.Function]int),
		coarse:     make(map[*ssa.Function]bool),
		merged:     make(map[*ssa.Function]bool),
		names:      make(map[*types.Func]string),
		callDescs:  make(map[string][2]string),
		globalAt:   make(map[*ssa.Global]int),
		queues:     make(map[*types.Var]tree),
		queueAt:    make(map[*types.Var]int),
		gindexed:   make(map[*ssa.Function]bool),
	}
	if cfg.Policy != nil {
		for _, g := range cfg.Policy.Gateway {
			e.gwPkgs[g.Pkg] = true
		}
	}
	e.collectConsts()
	e.funcs = e.packageFunctions()
	e.inPkg = make(map[*ssa.Function]bool, len(e.funcs))
	for _, fn := range e.funcs {
		e.inPkg[fn] = true
	}
	e.edges = make(map[*ssa.Function][]*ssa.Function, len(e.funcs))
	e.selfCells = make(map[*ssa.Function]map[*ssa.FreeVar]bool)
	e.selfCalls = make(map[*ssa.Function]bool)
	e.collectFieldStrs()
	e.collectFieldFuncs()
	e.funcs = e.called(e.funcs)
	e.run()
	pending := e.resolvePending(cfg.Pending)
	r := e.result()
	r.Pending = pending
	return r
}

// SortFlows orders flows by exit position, then by the call they come
// through, then by their fields.
func SortFlows(fs []Flow) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := &fs[i], &fs[j]
		if a.Exit.Pos != b.Exit.Pos {
			return a.Exit.Pos.Less(b.Exit.Pos)
		}
		if a.Via != b.Via {
			return a.Via.Less(b.Via)
		}
		if a.Sanitized != b.Sanitized {
			return !a.Sanitized
		}
		return strings.Join(a.Fields(), ",") < strings.Join(b.Fields(), ",")
	})
}
