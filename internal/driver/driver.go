// Package driver runs a suite of go/analysis analyzers over a package graph
// one package at a time, in import order, keeping only what later packages
// need: each package's types and the facts its analysis exported.
//
// golang.org/x/tools/go/analysis/checker, the usual in-process driver,
// analyses packages that go/packages loaded with syntax and type information
// for the whole graph at once, and copies every dependency's facts into
// every action. On a service with a thousand dependency packages that alone
// takes several gigabytes. This driver takes packages as go list describes
// them (names, files, imports) and, for each, parses the files, type-checks
// them against the already checked imports, runs the analyzers, and drops
// the syntax, the type information and whatever the analyzers built (SSA)
// before moving on. At most Options.Parallelism packages are in flight.
// Facts live in one table shared by all packages, keyed by object: a
// package's analysis can only name objects of the packages it imports,
// which are finished before it starts, so it sees exactly the facts
// checker would give it.
//
// Packages for which Options.TypesOnly holds (the standard library, for
// datagate: the engine models it and never reads its bodies) are
// type-checked without function bodies and analysed by nothing.
//
// The semantics follow checker's: analyzers that export facts run on every
// package (roots and dependencies), the others on roots only; a package
// with load, parse or type errors is not analysed, nor is any package that
// imports it (directly or not), since facts it would need are missing.
package driver

import (
	"container/heap"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"math"
	"os"
	"reflect"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// LoadMode is what the driver needs go/packages to load: the package graph
// with files and module information, no syntax or types.
const LoadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedTypesSizes | packages.NeedModule

// Options tune a run. The zero value is usable.
type Options struct {
	// Parallelism bounds the packages parsed, checked and analysed at
	// once; 0 means runtime.GOMAXPROCS(0).
	Parallelism int
	// TypesOnly reports packages that are only needed for their types:
	// they are checked without function bodies and not analysed. Root
	// packages are always analysed.
	TypesOnly func(*packages.Package) bool
	// Cache, when not nil, keeps what each package's analysis gave
	// between runs (see Cache): a package whose inputs did not change is
	// not analysed again, and its importers are not either when what it
	// gave did not change. Salt and Codec are then required.
	Cache *Cache
	// Salt returns what else the analysis of a package depends on, for
	// its cache key: the policy that applies to it, the analyzers' flags
	// and build. It is called once per package.
	Salt func(*packages.Package) string
	// Codec encodes the results of the analyzers given to Analyze, which
	// the cache keeps for root packages.
	Codec Codec
	// FileSums are the SHA-256 sums of files the caller has read already,
	// by file name, for the cache keys: the run reads and hashes only the
	// others.
	FileSums map[string][sha256.Size]byte
	// Track, when not nil, follows the run's progress.
	Track Tracker
	// Finished, when not nil, is given each root package's action once
	// its results are final (analysed, or restored from the cache, and
	// stored in it): a caller that folds the results into its own may
	// drop from them what it no longer needs, keeping memory bounded on
	// large runs. It is called from the workers, one package at a time
	// for each, and for roots nobody processed (found in the cache, not
	// needed by a package analysed), before Analyze returns.
	Finished func(*Action)
}

// A Tracker follows the progress of a run: Total is called once, with the
// number of packages to process (those the cache does not restore), then
// Start and Done around the processing of each, from the workers.
type Tracker interface {
	Total(n int)
	Start(p *packages.Package)
	Done(p *packages.Package)
}

// A Codec encodes and decodes the results of analyzers for the cache.
// Decode gets the package the result is for. A restored entry has the
// source positions its results hold in files that moved since translated
// (see positions.go): the Codec is a PositionMover, or its encoding is
// JSON with positions as objects {"file":F,"line":L,"col":C} (as
// encoding/json writes lineage.Position). A position it hides otherwise
// would be restored where it was.
type Codec interface {
	EncodeResult(a *analysis.Analyzer, res any) ([]byte, error)
	DecodeResult(a *analysis.Analyzer, p *packages.Package, data []byte) (any, error)
}

// A PositionMover is a Codec that shows the driver the source positions a
// result of analyzer a holds: MovePositions calls fn with each (file,
// line, column) and sets it to the line and column fn returns; it
// returns false, and may leave res half moved, when fn or the result's
// type fails.
type PositionMover interface {
	MovePositions(a *analysis.Analyzer, res any, fn func(file string, line, col int) (int, int, bool)) bool
}

// An Action is the outcome for one package.
type Action struct {
	Package *packages.Package
	// Errors are the package's load, parse and type errors.
	Errors []packages.Error
	// Err is set when an analyzer failed on this package (an error it
	// returned, or a panic, with its stack).
	Err error
	// FailedDeps lists the IDs of the imported packages (direct or not)
	// that had errors or failed analysis, sorted; the package was not
	// analysed because of them.
	FailedDeps []string
	// Results holds, for a root package that was analysed, the result of
	// each analyzer given to Analyze (not of those they require, whose
	// results are dropped with the package's syntax); nil otherwise.
	Results map[*analysis.Analyzer]any
	// Diagnostics are those the analyzers reported on a root package.
	Diagnostics []analysis.Diagnostic
	// Duration is the time spent parsing, checking and analysing the
	// package (not waiting for its imports).
	Duration time.Duration
	// Cached is set when the package was not analysed in this run: what
	// its analysis gives (facts, and Results for a root) came from
	// Options.Cache. Diagnostics are then empty.
	Cached bool
	// TypesFromExport is set when the package's types were read from the
	// export data its cache entry keeps, not checked from its source.
	TypesFromExport bool
	// Moved is set when the package was restored with the positions its
	// entry holds in code that moved since translated (positions.go).
	Moved bool
}

// Analysed reports whether the analyzers ran on the package and succeeded.
func (a *Action) Analysed() bool {
	return len(a.Errors) == 0 && a.Err == nil && len(a.FailedDeps) == 0
}

// A Graph is the outcome of a run.
type Graph struct {
	// Roots are the actions of the root packages, in the order given.
	Roots []*Action
	// All are the actions of every package, roots and dependencies,
	// sorted by package ID.
	All []*Action

	r     *run
	nodes map[*packages.Package]*node
}

// node is a package in the run.
type node struct {
	pkg       *packages.Package
	imports   []*node          // distinct, in the order of their import paths
	byPath    map[string]*node // import path (as written in the files) -> package
	root      bool
	typesOnly bool
	finished  bool // handed to Options.Finished
	types     *types.Package
	act       *Action
	failed    bool // errors, or a failed analysis, here or in an import

	// With a cache: the package's key, the hash of what its analysis
	// gives, its positions by rank (see run.store and positions.go; for a
	// types-only package, its key), what the
	// lookup found, and the cache entry when there is one.
	key   string
	out   string
	state cacheState
	entry *entry
	// scopeNeeded is set on the imports of the packages that may be
	// analysed: their types may come from export data only if it holds
	// every type an analysis looks for in an import's scope (importTypes).
	// partialScope is set when they came from export data that does not.
	scopeNeeded  bool
	partialScope bool
	// degraded is set on a package analysed with such an import, or with
	// a degraded one: its entry is not written.
	degraded bool
	// plist is the package's position list (positions.go): made when its
	// entry is written, or decoded from its entry's posRaw on first use
	// (listOf). tbody is its entry's body once relocated, from tryHit to
	// materialize.
	plist   posList
	posRaw  []byte
	posOnce sync.Once
	tbody   *body
	moved   bool // relocate translated its entry's positions
}

// cacheState is what a run with a cache knows of a package before it
// processes it.
type cacheState uint8

const (
	stMiss    cacheState = iota // to analyse (also: no cache)
	stHit                       // its entry is used: analysed only if an importer needs its types and facts
	stUnknown                   // an import is to be analysed: the key is known once it is done
)

// run is the state shared by the packages of one Analyze call.
type run struct {
	fset      *token.FileSet
	analyzers []*analysis.Analyzer        // all, requirements first
	requested map[*analysis.Analyzer]bool // given to Analyze
	factful   map[*analysis.Analyzer]bool
	facts     factTable
	opts      *Options
	cache     *Cache
	// storing is held while a package's cache entry is made: encoding
	// its facts and hashing its export data take memory for a moment,
	// which two workers doing it at once added to the scan's peak.
	storing sync.Mutex
	// sums are the SHA-256 sums of the packages' files, read in
	// parallel before the cache keys are made (fileSums).
	sums map[string][sha256.Size]byte
	// owners maps each file to its packages (ownerIndex); old holds the
	// position lists of entries read to relocate others (oldList).
	owners map[string][]*node
	oldMu  sync.Mutex
	old    map[string]posList
}

// Analyze runs the analyzers (and those they require) over the root
// packages and, as far as facts need, their dependencies. The packages
// must have been loaded with at least LoadMode. An error means the
// analyzers or the packages are unusable; failures inside a package are
// in its Action.
func Analyze(analyzers []*analysis.Analyzer, roots []*packages.Package, opts *Options) (*Graph, error) {
	if opts == nil {
		opts = &Options{}
	}
	if err := analysis.Validate(analyzers); err != nil {
		return nil, err
	}
	if opts.Cache != nil && (opts.Salt == nil || opts.Codec == nil) {
		return nil, errors.New("driver: Options.Cache needs Salt and Codec")
	}
	r := &run{
		fset:      token.NewFileSet(),
		analyzers: ordered(analyzers),
		factful:   make(map[*analysis.Analyzer]bool),
		requested: make(map[*analysis.Analyzer]bool),
		opts:      opts,
		cache:     opts.Cache,
	}
	for _, a := range analyzers {
		r.requested[a] = true
	}
	r.facts.init(r.analyzers)
	r.facts.shapes = r.cache != nil
	// An analyzer runs on dependencies when it, or one that requires it,
	// exports facts.
	for i := len(r.analyzers) - 1; i >= 0; i-- {
		a := r.analyzers[i]
		if len(a.FactTypes) > 0 {
			r.factful[a] = true
		}
		if r.factful[a] {
			for _, req := range a.Requires {
				r.factful[req] = true
			}
		}
	}

	nodes := make(map[*packages.Package]*node)
	var all []*node
	var mk func(p *packages.Package) *node
	mk = func(p *packages.Package) *node {
		if n, ok := nodes[p]; ok {
			return n
		}
		n := &node{pkg: p, byPath: make(map[string]*node, len(p.Imports))}
		nodes[p] = n
		for _, path := range sortedKeys(p.Imports) {
			imp := mk(p.Imports[path])
			n.byPath[path] = imp
			if !slices.Contains(n.imports, imp) {
				n.imports = append(n.imports, imp)
			}
		}
		all = append(all, n)
		return n
	}
	for _, p := range roots {
		if p.Name == "" && len(p.CompiledGoFiles) == 0 && len(p.Errors) == 0 {
			return nil, fmt.Errorf("package %s was loaded without names and files (need driver.LoadMode)", p.ID)
		}
		mk(p).root = true
	}
	for _, n := range all {
		n.typesOnly = !n.root && opts.TypesOnly != nil && opts.TypesOnly(n.pkg)
	}

	par := opts.Parallelism
	if par <= 0 {
		par = runtime.GOMAXPROCS(0)
	}
	todo := all
	if r.cache != nil {
		todo = r.lookupAll(all)
	}
	if opts.Track != nil {
		opts.Track.Total(len(todo))
	}
	r.schedule(todo, par)
	for _, p := range roots {
		r.finished(nodes[p])
	}

	g := &Graph{r: r, nodes: nodes}
	for _, p := range roots {
		g.Roots = append(g.Roots, nodes[p].act)
	}
	for _, n := range all {
		g.All = append(g.All, n.act)
	}
	sort.Slice(g.All, func(i, j int) bool { return g.All[i].Package.ID < g.All[j].Package.ID })
	return g, nil
}

// finished hands a root's action to Options.Finished, once.
func (r *run) finished(n *node) {
	if r.opts.Finished == nil || !n.root || n.act == nil || n.finished {
		return
	}
	n.finished = true
	r.opts.Finished(n.act)
}

// schedule processes the nodes (in post-order: imports first) with par
// workers. A package is ready when its imports are done; among the ready
// ones, a worker takes the one with the longest chain of work that waits
// for it (its work, plus the longest such chain among the packages that
// import it), so that the deep, heavy spine of the graph starts early and
// workers do not sit idle at its end. The order affects only the time:
// each package sees the same imports and facts whatever it is. A
// package's work grows faster than the size of its files (work).
func (r *run) schedule(all []*node, par int) {
	index := make(map[*node]int, len(all))
	dependents := make([][]int, len(all))
	pending := make([]int, len(all))
	for i, n := range all {
		index[n] = i
	}
	for i, n := range all {
		for _, imp := range n.imports {
			j, ok := index[imp]
			if !ok {
				continue // done: restored from the cache
			}
			pending[i]++
			dependents[j] = append(dependents[j], i)
		}
	}
	prio := priorities(all, dependents)

	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := &readyQueue{prio: prio}
	for i := range all {
		if pending[i] == 0 {
			heap.Push(ready, i)
		}
	}
	left := len(all)
	var wg sync.WaitGroup
	for range par {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			for {
				for ready.Len() == 0 && left > 0 {
					cond.Wait()
				}
				if left == 0 {
					return
				}
				i := heap.Pop(ready).(int)
				mu.Unlock()
				// Profiles of a run (datagate-bench -profile) tell the
				// packages apart: go tool pprof -tags, -tagfocus=package=...
				if t := r.opts.Track; t != nil {
					t.Start(all[i].pkg)
				}
				pprof.Do(context.Background(), pprof.Labels("package", all[i].pkg.ID), func(context.Context) {
					r.process(all[i])
				})
				r.finished(all[i])
				if t := r.opts.Track; t != nil {
					t.Done(all[i].pkg)
				}
				mu.Lock()
				left--
				for _, d := range dependents[i] {
					if pending[d]--; pending[d] == 0 {
						heap.Push(ready, d)
					}
				}
				cond.Broadcast()
			}
		}()
	}
	wg.Wait()
}

// priorities returns each node's priority in the schedule: its work plus
// the highest priority among its dependents (the nodes that import it,
// dependents[i], later in the post-order all is in).
func priorities(all []*node, dependents [][]int) []int {
	prio := make([]int, len(all))
	for i := len(all) - 1; i >= 0; i-- {
		most := 0
		for _, d := range dependents[i] {
			most = max(most, prio[d])
		}
		prio[i] = work(all[i]) + most
	}
	return prio
}

// work is a package's weight in the schedule: 1, plus, when it is
// analysed (checked with bodies, its SSA built and walked), u*sqrt(u) for
// u units of 4 KiB of its files, or, when only its types are checked (the
// bodies blanked, purgeBodies), a unit per 64 KiB. Superlinear, because
// the cost of analysing a package grows faster than its size (larger
// functions take more passes, and past the work budget coarse walks), and
// because a large package left for late runs when the heap is at its
// largest, under the collector's pressure: in the generated 1000-package
// module the 130 KB AST decorator, imported by the main package alone,
// weighed less than the chain of ten small layers above it (counted by
// files, or linearly by size), started late and took 13.4 s there
// against 2.65 s when it starts first, and the whole scan 52.7 against
// 36.0 s (kratos, golangci-lint: the same within the noise). A file that
// cannot be read counts as empty: the check reports it.
func work(n *node) int {
	size := int64(0)
	for _, name := range n.pkg.CompiledGoFiles {
		if fi, err := os.Stat(name); err == nil {
			size += fi.Size()
		}
	}
	if n.typesOnly {
		return 1 + int(size>>16)
	}
	u := float64(size >> 12)
	return 1 + int(u*math.Sqrt(u))
}

// readyQueue holds the indices of ready nodes, highest priority first,
// then in post-order.
type readyQueue struct {
	prio  []int
	items []int
}

func (q *readyQueue) Len() int { return len(q.items) }
func (q *readyQueue) Less(i, j int) bool {
	a, b := q.items[i], q.items[j]
	if q.prio[a] != q.prio[b] {
		return q.prio[a] > q.prio[b]
	}
	return a < b
}
func (q *readyQueue) Swap(i, j int) { q.items[i], q.items[j] = q.items[j], q.items[i] }
func (q *readyQueue) Push(x any)    { q.items = append(q.items, x.(int)) }
func (q *readyQueue) Pop() any {
	x := q.items[len(q.items)-1]
	q.items = q.items[:len(q.items)-1]
	return x
}

// process checks and analyses one package whose imports are done, or,
// when the cache has its entry, checks its types and restores its facts
// for its importers.
func (r *run) process(n *node) {
	if n.state == stHit && !n.typesOnly {
		if r.materialize(n) {
			return
		}
		n.state = stMiss // the entry could not be used: analyse it
	}
	p := n.pkg
	act := &Action{Package: p, Errors: slices.Clone(p.Errors)}
	n.act = act
	start := time.Now()
	defer func() { act.Duration = time.Since(start) }()
	failed := make(map[string]bool)
	for _, imp := range n.imports {
		if !imp.failed {
			continue
		}
		if len(imp.act.Errors) > 0 || imp.act.Err != nil {
			failed[imp.pkg.ID] = true
		}
		for _, id := range imp.act.FailedDeps {
			failed[id] = true
		}
	}
	act.FailedDeps = sortedKeys(failed)

	if n.state == stUnknown && len(act.Errors) == 0 && len(act.FailedDeps) == 0 {
		// The imports are done: the key is known now.
		if n.key = r.keyOf(n); n.key != "" && n.typesOnly {
			n.out = n.key
		} else if n.key != "" && r.tryHit(n) {
			if r.materialize(n) {
				return
			}
			n.act = act // the entry could not be used: analyse it
		}
	}

	// A types-only package's types come from its entry when they can;
	// it gets one if it has none.
	storeTypes := false
	if n.typesOnly && r.cache != nil && n.key != "" && len(act.Errors) == 0 && len(act.FailedDeps) == 0 {
		ok, found := r.restoreTypes(n, act)
		if ok {
			return
		}
		storeTypes = !found
	}
	files, info, err := r.safeCheck(n, act, !n.typesOnly)
	if err != nil {
		act.Err = err
		n.failed = true
		return
	}
	n.failed = len(act.Errors) > 0 || len(act.FailedDeps) > 0
	if storeTypes && !n.failed {
		r.storeTypes(n)
	}
	if n.typesOnly || n.failed {
		return
	}
	r.analyse(n, act, files, info)
	n.failed = act.Err != nil
	// A package found in the cache whose entry then proved unusable
	// (damaged, and removed) is analysed with what its imports' entries
	// gave; if one of them came from export data without all its types
	// (it was not known that this package would be analysed), the
	// analysis may have missed an implementation there. It is not kept,
	// nor is the analysis of a package importing one so made: the next
	// run analyses them again, with their imports' full types.
	n.degraded = slices.ContainsFunc(n.imports, func(imp *node) bool { return imp.partialScope || imp.degraded })
	if r.cache != nil && n.key != "" && !n.failed && !n.degraded {
		r.store(n, act)
	}
}

// safeCheck is check, with a panic (a bug in the parser or the type
// checker, on code that is not ours) turned into an error for the package.
// The package then has no types; packages importing it are not analysed.
func (r *run) safeCheck(n *node, act *Action, bodies bool) (files []*ast.File, info *types.Info, err error) {
	defer func() {
		if v := recover(); v != nil {
			files, info = nil, nil
			err = fmt.Errorf("internal error: panic checking %s: %v\n%s", n.pkg.PkgPath, v, debug.Stack())
		}
	}()
	files, info = r.check(n, act, bodies)
	return files, info, nil
}

// check parses and type-checks the package, recording its errors in act:
// with bodies, everything an analysis needs (comments, type information);
// without, the package's types only.
func (r *run) check(n *node, act *Action, bodies bool) ([]*ast.File, *types.Info) {
	p := n.pkg
	mode := parser.SkipObjectResolution
	if bodies {
		mode |= parser.ParseComments
	}
	var files []*ast.File
	for _, name := range p.CompiledGoFiles {
		src, err := os.ReadFile(name)
		if err != nil {
			act.Errors = append(act.Errors, packages.Error{Pos: name, Msg: err.Error(), Kind: packages.ParseError})
			continue
		}
		if !bodies {
			src = purgeBodies(src)
		}
		f, err := parser.ParseFile(r.fset, name, src, mode)
		if f != nil {
			files = append(files, f)
		}
		var list scanner.ErrorList
		if errors.As(err, &list) {
			for _, e := range list {
				act.Errors = append(act.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
			}
		} else if err != nil {
			act.Errors = append(act.Errors, packages.Error{Pos: name, Msg: err.Error(), Kind: packages.ParseError})
		}
	}

	var info *types.Info
	if bodies {
		info = &types.Info{
			Types:        make(map[ast.Expr]types.TypeAndValue),
			Defs:         make(map[*ast.Ident]types.Object),
			Uses:         make(map[*ast.Ident]types.Object),
			Implicits:    make(map[ast.Node]types.Object),
			Instances:    make(map[*ast.Ident]types.Instance),
			Scopes:       make(map[ast.Node]*types.Scope),
			Selections:   make(map[*ast.SelectorExpr]*types.Selection),
			FileVersions: make(map[*ast.File]string),
		}
	}
	conf := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			if imp, ok := n.byPath[path]; ok && imp.types != nil {
				return imp.types, nil
			}
			return nil, fmt.Errorf("no package for import %q", path)
		}),
		Sizes:            p.TypesSizes,
		IgnoreFuncBodies: !bodies,
		// All errors count, soft ones (an unused variable) too, as
		// go/packages counts them.
		Error: func(err error) { act.Errors = append(act.Errors, typeError(r.fset, err)) },
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		conf.GoVersion = "go" + p.Module.GoVersion
	}
	pkg, _ := conf.Check(p.PkgPath, r.fset, files, info) // errors went to conf.Error
	n.types = pkg
	return files, info
}

// typeError converts a type checker's error.
func typeError(fset *token.FileSet, err error) packages.Error {
	var te types.Error
	if errors.As(err, &te) {
		return packages.Error{Pos: fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError}
	}
	return packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.TypeError}
}

// analyse runs the analyzers over one checked package.
func (r *run) analyse(n *node, act *Action, files []*ast.File, info *types.Info) {
	p := n.pkg
	results := make(map[*analysis.Analyzer]any)
	module := Module(p)
	readable := make(map[string]bool)
	for _, list := range [][]string{p.GoFiles, p.CompiledGoFiles, p.OtherFiles, p.IgnoredFiles, p.EmbedFiles} {
		for _, f := range list {
			readable[f] = true
		}
	}
	for _, a := range r.analyzers {
		if !n.root && !r.factful[a] {
			continue
		}
		var diags []analysis.Diagnostic
		pass := &analysis.Pass{
			Analyzer:     a,
			Fset:         r.fset,
			Files:        files,
			OtherFiles:   p.OtherFiles,
			IgnoredFiles: p.IgnoredFiles,
			Pkg:          n.types,
			TypesInfo:    info,
			TypesSizes:   p.TypesSizes,
			Module:       module,
			ResultOf:     make(map[*analysis.Analyzer]any, len(a.Requires)),
			Report:       func(d analysis.Diagnostic) { diags = append(diags, d) },
			ReadFile: func(name string) ([]byte, error) {
				if !readable[name] {
					return nil, fmt.Errorf("%s is not a file of package %s", name, p.PkgPath)
				}
				return os.ReadFile(name)
			},
		}
		for _, req := range a.Requires {
			pass.ResultOf[req] = results[req]
		}
		r.facts.bind(pass, a)
		res, err := runPass(a, pass)
		if err != nil {
			act.Err = fmt.Errorf("%s: %w", a.Name, err)
			return
		}
		if got, want := reflect.TypeOf(res), a.ResultType; want != nil && got != want {
			act.Err = fmt.Errorf("internal error: analyzer %s returned a %v, want %v", a.Name, got, want)
			return
		}
		results[a] = res
		if n.root {
			act.Diagnostics = append(act.Diagnostics, diags...)
		}
	}
	if n.root {
		act.Results = make(map[*analysis.Analyzer]any)
		for a, res := range results {
			if r.requested[a] {
				act.Results[a] = res
			}
		}
	}
}

// Module is the package's module as an analysis.Pass gives it (nil
// without one).
func Module(p *packages.Package) *analysis.Module {
	if p.Module == nil {
		return nil
	}
	m := &analysis.Module{Path: p.Module.Path, Version: p.Module.Version, GoVersion: p.Module.GoVersion, Main: p.Module.Main}
	if r := p.Module.Replace; r != nil {
		m.Replace = &analysis.Module{Path: r.Path, Version: r.Version}
	}
	return m
}

// runPass runs one analyzer, turning a panic into an error that carries
// the stack.
func runPass(a *analysis.Analyzer, pass *analysis.Pass) (res any, err error) {
	defer func() {
		if v := recover(); v != nil {
			res, err = nil, fmt.Errorf("internal error: panic in %s on %s: %v\n%s", a.Name, pass.Pkg.Path(), v, debug.Stack())
		}
	}()
	return a.Run(pass)
}

// ordered returns the analyzers and all they require, each after its
// requirements, in a deterministic order.
func ordered(roots []*analysis.Analyzer) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	seen := make(map[*analysis.Analyzer]bool)
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, req := range a.Requires {
			visit(req)
		}
		out = append(out, a)
	}
	for _, a := range roots {
		visit(a)
	}
	return out
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// String describes the action for logs and tests: the package and what
// happened to it.
func (a *Action) String() string {
	switch {
	case len(a.Errors) > 0:
		return a.Package.ID + ": " + a.Errors[0].Msg
	case len(a.FailedDeps) > 0:
		return a.Package.ID + ": not analysed: it imports " + strings.Join(a.FailedDeps, ", ")
	case a.Err != nil:
		return a.Package.ID + ": " + a.Err.Error()
	}
	return a.Package.ID + ": ok"
}
