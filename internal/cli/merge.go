package cli

import (
	"fmt"
	"go/build"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/datagate/datagate/analyzers/datagate"
	"github.com/datagate/datagate/internal/driver"
	"github.com/datagate/datagate/lineage"
	"github.com/datagate/datagate/lineage/policy"
	"github.com/datagate/datagate/lineage/rules"
)

// findingsOf turns the merged flows of all root packages into findings,
// one per reported place (SPEC section 5), each checked under its policy
// with the //datagate:allow directives of all root packages. A finding
// reported at the call leading to an exit names the exit's position in its
// message.
func findingsOf(merged []mergedFlow, results []pkgResult, root string, now time.Time) []lineage.Finding {
	dirs := allDirectives(results)
	var out []lineage.Finding
	for _, m := range merged {
		if m.excluded() {
			continue
		}
		for _, fd := range datagate.Check([]lineage.Flow{m.flow}, m.policy, dirs, now) {
			if !m.local && fd.Flow.Via.IsValid() {
				exit := fd.Flow.Exit
				in := exit.Func
				if in == "" {
					in = exit.Callee
				}
				fd.Message += fmt.Sprintf(" (exit at %s:%d in %s)", displayPath(root, exit.Pos.File), exit.Pos.Line, rules.ShortFunc(in))
				fd.Flow.Exit.Pos = fd.Flow.Via
			}
			out = append(out, fd)
		}
	}
	return out
}

// mergedFlow is one flow per reported place, with the policy it is checked
// under.
type mergedFlow struct {
	flow   lineage.Flow
	policy *policy.Policy
	local  bool           // reported at the exit (else at flow.Via, when valid)
	parts  []lineage.Flow // the flows merged into flow: their labels and endpoints
	at     *pkgResult     // the root package holding the place it is reported at; nil if none
}

// excluded reports whether the flow is reported in a package its policy's
// exclude patterns name: it is analysed, never reported.
func (m *mergedFlow) excluded() bool {
	if m.at == nil || m.policy == nil || len(m.policy.Exclude) == 0 {
		return false
	}
	mod := ""
	if m.at.pkg.Module != nil {
		mod = m.at.pkg.Module.Path
	}
	return m.policy.Excluded(m.at.pkg.PkgPath, mod) || m.policy.Excluded(m.flow.Exit.Package(), mod)
}

// flowMerger makes one flow per reported place out of the flows of all
// root packages with a lineage.Merger (the merge go vet uses too, so both
// report the same for the same code), as each package's analysis
// finishes: its flows are folded in and dropped from its result, so that
// the paths of a thousand packages' flows are not all kept until the last
// one is done. A flow whose exit lies in a hand-written file of a root
// package is reported at the exit, whichever package's analysis found it;
// a flow whose exit lies outside the root packages (in a dependency) or in
// generated code, at the call in analysed code that leads to it
// (Flow.Via). The flows are taken in the order of the root packages' IDs,
// then of each package's flows, whatever order the packages finish in.
//
// Each merged flow carries the policy of the package that owns the exit
// (for an exit in a dependency, the package whose analysis found it). The
// scan's findings, the configured inputs and the lineage inventory are all
// made from these flows.
type flowMerger struct {
	a      *analysis.Analyzer
	rank   map[*packages.Package]int // root -> its place among the roots, by ID
	owners map[string]int            // file -> rank of the first root holding it
	mu     sync.Mutex
	m      *lineage.Merger
}

// newFlowMerger returns a merger for the roots (sorted by ID) and the
// datagate analyzer a. A file belongs to the first root that holds it; a
// root whose analysis fails has no importer analysed either, so no flow
// reaches its files.
func newFlowMerger(roots []*packages.Package, a *analysis.Analyzer) *flowMerger {
	fm := &flowMerger{a: a, rank: make(map[*packages.Package]int), owners: make(map[string]int)}
	for i, p := range roots {
		fm.rank[p] = i
		for _, files := range [][]string{p.CompiledGoFiles, p.GoFiles} {
			for _, f := range files {
				if _, ok := fm.owners[f]; !ok {
					fm.owners[f] = i
				}
			}
		}
	}
	fm.m = lineage.NewMerger(func(p lineage.Position) bool { _, ok := fm.owners[p.File]; return ok })
	return fm
}

// finished folds a root's flows in (driver.Options.Finished) and drops
// them from its result.
func (fm *flowMerger) finished(act *driver.Action) {
	r, ok := act.Results[fm.a].(*datagate.Result)
	rank, isRoot := fm.rank[act.Package]
	if !ok || !isRoot || !act.Analysed() {
		return
	}
	fm.mu.Lock()
	defer fm.mu.Unlock()
	for i, f := range r.Flows {
		fm.m.Add(lineage.Order{Group: rank, Index: i}, f)
	}
	r.Flows = nil
}

// merged returns the merged flows; results are the analysed roots' results,
// sorted by ID.
func (fm *flowMerger) merged(results []pkgResult) []mergedFlow {
	byRank := make(map[int]*pkgResult, len(results))
	for i := range results {
		byRank[fm.rank[results[i].pkg]] = &results[i]
	}
	ownerOf := func(file string) *pkgResult {
		if k, ok := fm.owners[file]; ok {
			return byRank[k]
		}
		return nil
	}
	merged := fm.m.Merged()
	out := make([]mergedFlow, 0, len(merged))
	for _, m := range merged {
		owner := ownerOf(m.Flow.Exit.Pos.File)
		if owner == nil {
			owner = byRank[m.Parts[0].Order.Group]
		}
		parts := make([]lineage.Flow, len(m.Parts))
		for k, p := range m.Parts {
			parts[k] = lineage.Flow{Labels: p.Labels, Endpoints: p.Endpoints}
		}
		at := m.Flow.Exit.Pos
		if !m.Local && m.Flow.Via.IsValid() {
			at = m.Flow.Via
		}
		var pol *policy.Policy
		if owner != nil {
			pol = owner.res.Policy
		}
		out = append(out, mergedFlow{flow: m.Flow, policy: pol, local: m.Local, parts: parts, at: ownerOf(at.File)})
	}
	return out
}

// displayPath shortens a file name for messages: relative to root when
// inside it, else relative to the module cache (module@version/...) or to
// GOROOT, else as it is; always with forward slashes.
func displayPath(root, file string) string {
	if root != "" {
		if rel, err := filepath.Rel(root, file); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel) {
			return filepath.ToSlash(rel)
		}
	}
	slash := filepath.ToSlash(file)
	if i := strings.Index(slash, "/pkg/mod/"); i >= 0 {
		return slash[i+len("/pkg/mod/"):]
	}
	if goroot := filepath.ToSlash(build.Default.GOROOT); goroot != "" && strings.HasPrefix(slash, goroot+"/") {
		return "$GOROOT" + slash[len(goroot):]
	}
	return slash
}

// maxErrorsPerPackage bounds the load and type errors listed for one
// package, as the go command does.
const maxErrorsPerPackage = 10

// toolErrors lists the packages that could not be analysed, one entry each,
// sorted by package: packages (roots or dependencies) with load or type
// errors, analyses that failed (an internal error in the engine), and root
// packages not analysed because a package they import failed.
func toolErrors(g *driver.Graph, root string) []lineage.ToolError {
	byPkg := make(map[string]lineage.ToolError)
	for _, act := range g.All {
		switch {
		case len(act.Errors) > 0:
			byPkg[act.Package.ID] = packageErrors(act.Package.ID, act.Errors, root)
		case act.Err != nil:
			// An internal error carries a stack trace: keep its first line.
			msg, _, _ := strings.Cut(act.Err.Error(), "\n")
			byPkg[act.Package.ID] = lineage.ToolError{Package: act.Package.ID, Message: msg}
		}
	}
	for _, act := range g.Roots {
		if len(act.FailedDeps) > 0 && len(act.Errors) == 0 {
			byPkg[act.Package.ID] = lineage.ToolError{
				Package: act.Package.ID,
				Message: "not analysed: it imports " + strings.Join(act.FailedDeps, ", ") + ", which could not be analysed",
			}
		}
	}

	var out []lineage.ToolError
	for _, e := range byPkg {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Package < out[j].Package })
	return out
}

// packageErrors makes one ToolError of a package's load and type errors: at
// the first error's position, with the others on further lines (at most
// maxErrorsPerPackage in all).
func packageErrors(id string, errs []packages.Error, root string) lineage.ToolError {
	te := lineage.ToolError{Package: id}
	var lines []string
	seen := make(map[packages.Error]bool)
	more := 0
	for _, e := range errs {
		e.Kind = 0 // the same error may come from go list and the type checker
		if seen[e] {
			continue
		}
		seen[e] = true
		pos := parsePos(e.Pos)
		switch {
		case len(lines) == 0:
			te.Pos = pos
			lines = append(lines, e.Msg)
		case len(lines) == maxErrorsPerPackage:
			more++
		case pos.IsValid():
			lines = append(lines, fmt.Sprintf("%s:%d:%d: %s", displayPath(root, pos.File), pos.Line, pos.Col, e.Msg))
		default:
			lines = append(lines, e.Msg)
		}
	}
	if more > 0 {
		lines = append(lines, fmt.Sprintf("(and %d more)", more))
	}
	te.Message = strings.Join(lines, "\n")
	return te
}

// parsePos reads a go/packages error position: "file:line:col",
// "file:line", "file", "-" or "".
func parsePos(s string) lineage.Position {
	if s == "" || s == "-" {
		return lineage.Position{}
	}
	var nums []int
	rest := s
	for len(nums) < 2 {
		i := strings.LastIndexByte(rest, ':')
		if i < 0 {
			break
		}
		n, err := strconv.Atoi(rest[i+1:])
		if err != nil {
			break
		}
		nums = append([]int{n}, nums...)
		rest = rest[:i]
	}
	p := lineage.Position{File: rest}
	if len(nums) > 0 {
		p.Line = nums[0]
	}
	if len(nums) > 1 {
		p.Col = nums[1]
	}
	return p
}
