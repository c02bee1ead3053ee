package flows

import (
	_ "embed"
	"fmt"
	"go/ast"
	"maps"
	"reflect"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"github.com/datagate/datagate/analyzers/config"
	"github.com/datagate/datagate/analyzers/internal/doc"
	"github.com/datagate/datagate/analyzers/sources"
	"github.com/datagate/datagate/internal/lazyfact"
	"github.com/datagate/datagate/knowledge"
	"github.com/datagate/datagate/lineage"
	"github.com/datagate/datagate/lineage/policy"
	"go/types"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

//go:embed doc.go
var docText string

// SummaryFact is the summary of a function, exported for callers in other
// packages. Read it with Get: a fact that came through gob (go vet's facts
// files) stays encoded until then (see lazyfact).
type SummaryFact struct {
	Summary lineage.Summary
	// enc holds the summary as received, while Summary is unset.
	enc *lazyfact.Cell[lineage.Summary]
}

// AFact implements analysis.Fact.
func (*SummaryFact) AFact() {}

func (f *SummaryFact) String() string {
	s, err := f.Get()
	if err != nil {
		return "summary that does not decode: " + err.Error()
	}
	return s.String()
}

// Get returns the summary, decoding it if it came encoded.
func (f *SummaryFact) Get() (*lineage.Summary, error) {
	if f.enc == nil {
		return &f.Summary, nil
	}
	return f.enc.Value()
}

// GobEncode implements gob.GobEncoder: a fact that came encoded is passed
// on as it came.
//
// The drivers that move facts between processes as gob (go vet's
// unitchecker; golangci-lint and nogo, which follow its protocol) only
// report diagnostics, and a diagnostic names a flow's exit, the call that
// leads to it and the data, never the steps of its path (the standalone
// command, which shows paths, keeps its facts in memory and its cache
// encodes them with lazyfact.Encode). So the summary travels without its
// steps (Summary.WithoutSteps): they were half of each fact's bytes and
// four fifths of a service's own methods' ones, and under go vet every
// package's facts file carries the method summaries of every package
// below it, which each package reads and writes again.
func (f *SummaryFact) GobEncode() ([]byte, error) {
	if f.enc != nil {
		return f.enc.Data(), nil
	}
	return lazyfact.Encode(f.Summary.WithoutSteps())
}

// GobDecode implements gob.GobDecoder: the summary is decoded by Get.
func (f *SummaryFact) GobDecode(b []byte) error {
	*f = SummaryFact{enc: lazyfact.Received[lineage.Summary](b)}
	return nil
}

// MethodsFact holds the summaries of a named type's methods, by method
// name, exported on the type's name (a *types.TypeName); functions that
// are not methods have a SummaryFact each. Read it with Get.
//
// Under go vet every package's facts file carries, besides its own facts,
// the facts about types, methods and fields of the packages below it that
// its importers can see, and each package reads all of them from each of
// its direct imports and writes them again: a service's packages near the
// top each read the method summaries of most of the service and of the
// dependencies its API names, dozens of times over. One fact per type
// rather than per method is one entry per type in those files (each entry
// repeats the package path and the fact's type), and its summaries are
// compressed together (they repeat paths, callees and endpoints): the
// method summaries of kratos's ./driver and its dependencies (26,924
// methods of 5,118 types), without steps, took 9 MB deflated one by one
// and 3.2 MB deflated a type at a time. A cold go vet of kratos read
// 6.2 GB of facts (109 s of its processes' time decoding them), 2.0 GB
// (38 s) so. An importer that calls one method decodes the type's others
// too (once per package).
type MethodsFact struct {
	Methods map[string]*lineage.Summary
	// enc holds the summaries as received, while Methods is unset.
	enc *lazyfact.Cell[map[string]*lineage.Summary]
}

// AFact implements analysis.Fact.
func (*MethodsFact) AFact() {}

func (f *MethodsFact) String() string {
	m, err := f.Get()
	if err != nil {
		return "methods that do not decode: " + err.Error()
	}
	var parts []string
	for _, name := range slices.Sorted(maps.Keys(m)) {
		parts = append(parts, name+": "+m[name].String())
	}
	return "methods(" + strings.Join(parts, "; ") + ")"
}

// Get returns the summaries by method name, decoding them if they came
// encoded.
func (f *MethodsFact) Get() (map[string]*lineage.Summary, error) {
	if f.enc == nil {
		return f.Methods, nil
	}
	m, err := f.enc.Value()
	if err != nil {
		return nil, err
	}
	return *m, nil
}

// GobEncode implements gob.GobEncoder as SummaryFact's does: summaries
// that came encoded are passed on as they came, others travel without
// their steps, compressed harder (lazyfact.EncodeSmall): they are written
// once and read by every package above.
func (f *MethodsFact) GobEncode() ([]byte, error) {
	if f.enc != nil {
		return f.enc.Data(), nil
	}
	out := make(map[string]*lineage.Summary, len(f.Methods))
	for name, s := range f.Methods {
		out[name] = s.WithoutSteps()
	}
	return lazyfact.EncodeSmall(out)
}

// GobDecode implements gob.GobDecoder: the summaries are decoded by Get.
func (f *MethodsFact) GobDecode(b []byte) error {
	*f = MethodsFact{enc: lazyfact.Received[map[string]*lineage.Summary](b)}
	return nil
}

// receiverName returns the name of the type that declares method fn (its
// generic origin's), or nil when fn is not a method of a named type.
func receiverName(fn *types.Func) *types.TypeName {
	recv := fn.Signature().Recv()
	if recv == nil {
		return nil
	}
	t := types.Unalias(recv.Type())
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if n, ok := t.(*types.Named); ok {
		return n.Origin().Obj()
	}
	return nil
}

// FieldFact records the string values (and remembered endpoints) an
// unexported struct field is ever set to, when all are constants: a
// client's base URL set by its constructor.
type FieldFact struct {
	Values map[string]lineage.StrExpr
}

// AFact implements analysis.Fact.
func (*FieldFact) AFact() {}

func (f *FieldFact) String() string {
	var parts []string
	for _, k := range []string{"", ".#ep"} {
		if v, ok := f.Values[k]; ok {
			parts = append(parts, strings.TrimPrefix(k+"=", "=")+v.String())
		}
	}
	return "fieldstr(" + strings.Join(parts, "; ") + ")"
}

// QueueFact records where a package's functions send what they receive
// from a channel kept in a struct field (lineage.QueueExit): a package
// further up that puts user data on the channel reports those flows.
type QueueFact struct {
	Exits []lineage.QueueExit
}

// AFact implements analysis.Fact.
func (*QueueFact) AFact() {}

func (f *QueueFact) String() string {
	var parts []string
	for _, q := range f.Exits {
		parts = append(parts, q.Exit.From.String()+"->"+q.Exit.Exit.Callee)
	}
	return "queue(" + strings.Join(parts, "; ") + ")"
}

// PendingFact lists the interface calls with user data that the package
// and its imports could not resolve: the implementations are wired in
// further up the import graph (see lineage/pending.go).
type PendingFact struct {
	Calls []lineage.PendingCall
}

// AFact implements analysis.Fact.
func (*PendingFact) AFact() {}

func (f *PendingFact) String() string {
	var parts []string
	for _, c := range f.Calls {
		parts = append(parts, c.IfaceName+"."+c.Method)
	}
	return "pending(" + strings.Join(parts, " ") + ")"
}

// NotesFact lists the limits the engine hit in a package: the functions
// it walked field-insensitively and why, the recursions and data flows
// that did not settle. The command shows them with -v for every package it
// analysed, dependencies included (a root package's Result has all its
// notes).
type NotesFact struct {
	Notes []string
}

// AFact implements analysis.Fact.
func (*NotesFact) AFact() {}

func (f *NotesFact) String() string { return "notes(" + strings.Join(f.Notes, "; ") + ")" }

// Result is what the analyzer found in one package.
type Result struct {
	Flows []lineage.Flow
	// Notes are calls the engine had no model or summary for and limits it
	// hit (shown with -v).
	Notes []string
}

// New returns the flows analyzer of a suite sharing cfg; src is the suite's
// sources analyzer.
func New(cfg *config.Config, src *analysis.Analyzer) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:       "datagateflows",
		Doc:        doc.Extract(docText),
		URL:        "https://github.com/datagate/datagate#how-it-works",
		Requires:   []*analysis.Analyzer{src},
		ResultType: reflect.TypeFor[*Result](),
		FactTypes:  []analysis.Fact{new(SummaryFact), new(MethodsFact), new(FieldFact), new(QueueFact), new(PendingFact), new(NotesFact)},
	}
	methods := new(methodCache)
	a.Run = func(pass *analysis.Pass) (any, error) { return run(cfg, src, methods, pass) }
	return a
}

// methodCache shares lineage.MethodNames per package among the passes of
// one analyzer: every package that imports net/http would otherwise index
// its types again. A driver running one package per process (go vet)
// simply fills it once.
type methodCache struct {
	mu sync.Mutex
	m  map[*types.Package]map[string][]*types.Named
}

func (c *methodCache) names(p *types.Package) map[string][]*types.Named {
	c.mu.Lock()
	defer c.mu.Unlock()
	if x, ok := c.m[p]; ok {
		return x
	}
	if c.m == nil {
		c.m = make(map[*types.Package]map[string][]*types.Named)
	}
	x := lineage.MethodNames(p)
	c.m[p] = x
	return x
}

// dropTypesInfo empties info (see config.Config.DropTypesInfo): its maps
// go, not only their entries, so that their memory does.
func dropTypesInfo(info *types.Info) {
	*info = types.Info{}
}

// memberImports returns the imports of pkg whose package-level functions
// or variables info records a use of, in the order of pkg.Imports. The
// SSA builder needs those created: it looks a named function or
// variable of another package up among the created packages' members.
// Methods it makes on demand from their types, so an import used only
// for its types (most are) is left out: creating one makes a function
// for each of its functions and methods, exported or not, and a
// thousand packages each creating net/http, runtime, time and fmt again
// made SSA of two million functions nobody called (kratos, measured).
func memberImports(pkg *types.Package, info *types.Info) []*types.Package {
	used := make(map[*types.Package]bool)
	for _, obj := range info.Uses {
		p := obj.Pkg()
		if p == nil || p == pkg || used[p] || obj.Parent() != p.Scope() {
			continue
		}
		switch obj.(type) {
		case *types.Func, *types.Var:
			used[p] = true
		}
	}
	var out []*types.Package
	for _, p := range pkg.Imports() {
		if used[p] {
			out = append(out, p)
		}
	}
	return out
}

// Analyzer is the flows analyzer with default settings.
var Analyzer = New(config.New(), sources.Analyzer)

func run(cfg *config.Config, src *analysis.Analyzer, methods *methodCache, pass *analysis.Pass) (res any, err error) {
	if config.InGoroot(config.PackageDir(pass.Fset, pass.Files)) || knowledge.IsModelled(pass.Pkg.Path()) {
		// Modelled by the knowledge tables, not read.
		return &Result{}, nil
	}
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("internal error analysing %s: %v\n%s", pass.Pkg.Path(), r, debug.Stack())
		}
	}()
	pol, err := cfg.Policy(pass)
	if err != nil {
		// Reported by the datagate analyzer, which fails on it.
		pol = policy.Default()
	}
	srcs := pass.ResultOf[src].(*sources.Result)

	// BareInits: the package initialiser does not call the imports'
	// initialisers (the engine skips those calls anyway), so only the
	// imports whose members the code names need creating.
	prog := ssa.NewProgram(pass.Fset, ssa.BareInits)
	for _, p := range memberImports(pass.Pkg, pass.TypesInfo) {
		prog.CreatePackage(p, nil, nil, true)
	}
	pkg := prog.CreatePackage(pass.Pkg, pass.Files, pass.TypesInfo, false)
	pkg.Build()
	if cfg.DropTypesInfo {
		dropTypesInfo(pass.TypesInfo)
	}

	generated := make(map[string]bool)
	for _, f := range pass.Files {
		if ast.IsGenerated(f) {
			generated[pass.Fset.File(f.Pos()).Name()] = true
		}
	}
	var inherited []lineage.PendingCall
	for _, imp := range pass.Pkg.Imports() {
		var pf PendingFact
		if pass.ImportPackageFact(imp, &pf) {
			inherited = append(inherited, pf.Calls...)
		}
	}
	var factErr error // the first imported fact that did not decode
	decodeErr := func(err error, what fmt.Stringer, pkg *types.Package) {
		if err != nil && factErr == nil {
			factErr = fmt.Errorf("the summaries of %v in the facts of %s do not decode: %w", what, pkg.Path(), err)
		}
	}
	// The summaries of imported methods, by type (a MethodsFact each).
	methodSums := make(map[*types.TypeName]map[string]*lineage.Summary)
	importSummary := func(fn *types.Func) *lineage.Summary {
		tn := receiverName(fn)
		if tn == nil {
			var f SummaryFact
			if !pass.ImportObjectFact(fn, &f) {
				return nil
			}
			s, err := f.Get()
			decodeErr(err, fn, fn.Pkg())
			return s
		}
		m, ok := methodSums[tn]
		if !ok {
			var f MethodsFact
			if pass.ImportObjectFact(tn, &f) {
				var err error
				m, err = f.Get()
				decodeErr(err, tn, tn.Pkg())
			}
			methodSums[tn] = m
		}
		return m[fn.Name()]
	}
	sums := make(map[*types.Func]*lineage.Summary)
	fieldStrs := make(map[*types.Var]map[string]lineage.StrExpr)
	queues := make(map[*types.Var][]lineage.QueueExit)
	out := lineage.Analyze(&lineage.Config{
		Pending: inherited,
		Fset:    pass.Fset,
		Pkg:     pkg,
		Policy:  pol,
		Sources: srcs,
		// Each imported fact is read once per package: a driver may keep
		// facts encoded (the standalone driver does) and decode on import.
		Summary: func(fn *types.Func) *lineage.Summary {
			s, ok := sums[fn]
			if !ok {
				s = importSummary(fn)
				sums[fn] = s
			}
			return s
		},
		FieldStr: func(f *types.Var) map[string]lineage.StrExpr {
			if v, ok := fieldStrs[f]; ok {
				return v
			}
			var ff FieldFact
			var v map[string]lineage.StrExpr
			if pass.ImportObjectFact(f, &ff) {
				v = ff.Values
			}
			fieldStrs[f] = v
			return v
		},
		QueueExits: func(f *types.Var) []lineage.QueueExit {
			if v, ok := queues[f]; ok {
				return v
			}
			var qf QueueFact
			var v []lineage.QueueExit
			if pass.ImportObjectFact(f, &qf) {
				v = qf.Exits
			}
			queues[f] = v
			return v
		},
		Generated:    func(name string) bool { return generated[name] },
		MethodNames:  methods.names,
		WorkPerInstr: cfg.WorkPerInstr,
		Scanned:      Scanned(pass.Module, pass.Pkg.Path()),
		Named:        cfg.Named(pass.Pkg.Path()),
		Trace:        cfg.Trace(),
		Skip: func(fn *ssa.Function) bool {
			if cfg.Tests {
				return false
			}
			f := pass.Fset.File(fn.Pos())
			return f != nil && strings.HasSuffix(f.Name(), "_test.go")
		},
	})
	if factErr != nil {
		return nil, factErr
	}
	byType := make(map[*types.TypeName]map[string]*lineage.Summary)
	for fn, s := range out.Summaries {
		if fn.Pkg() != pass.Pkg {
			continue
		}
		if tn := receiverName(fn); tn != nil {
			if byType[tn] == nil {
				byType[tn] = make(map[string]*lineage.Summary)
			}
			byType[tn][fn.Name()] = s
			continue
		}
		pass.ExportObjectFact(fn, &SummaryFact{Summary: *s})
	}
	for tn, m := range byType {
		pass.ExportObjectFact(tn, &MethodsFact{Methods: m})
	}
	if len(out.Pending) > 0 {
		pass.ExportPackageFact(&PendingFact{Calls: out.Pending})
	}
	var limits []string
	for _, n := range out.Notes {
		if !strings.HasPrefix(n, lineage.NoModelNote) {
			limits = append(limits, n)
		}
	}
	if len(limits) > 0 {
		pass.ExportPackageFact(&NotesFact{Notes: limits})
	}
	for f, v := range out.QueueExits {
		pass.ExportObjectFact(f, &QueueFact{Exits: v})
	}
	for f, v := range out.FieldStrs {
		pass.ExportObjectFact(f, &FieldFact{Values: v})
	}
	return &Result{Flows: out.Flows, Notes: out.Notes}, nil
}

// Scanned reports whether package path of module m is part of the code
// under scan rather than a dependency: a package of the main module, of a
// module without a version (a workspace module, a local directory) or of
// one replaced by a local directory. Without a module (the standard
// library; analysistest's GOPATH-style packages) a package is a
// dependency if its path has no dot in its first element, as the
// standard library's.
func Scanned(m *analysis.Module, path string) bool {
	if m == nil || m.Path == "" || m.Path == "std" {
		first, _, _ := strings.Cut(path, "/")
		return strings.Contains(first, ".")
	}
	if m.Main || m.Version == "" {
		return true
	}
	return m.Replace != nil && m.Replace.Version == ""
}
