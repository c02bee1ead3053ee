package lineage

import (
	"slices"
	"sort"
)

// Merged is one flow per reported place, and the flows merged into it.
type Merged struct {
	Flow Flow
	// Local is set when the flow is reported at its exit; otherwise it is
	// reported at Flow.Via, the call in analysed code that leads to it.
	Local bool
	// Parts are the flows merged into Flow, in order, each once for each
	// distinct pair of label and endpoint lists (the first in order).
	Parts []Part
}

// Part is one of the flows a merged flow unites: its place in the order of
// the flows and what it pairs (its labels, its endpoints).
type Part struct {
	Order     Order
	Labels    []Label
	Endpoints []Endpoint
}

// Order is a flow's place in the order Merge takes flows in: a group (for
// the standalone command, the rank of the package whose analysis found it)
// and its index there.
type Order struct{ Group, Index int }

// Less orders by group, then index.
func (o Order) Less(p Order) bool {
	return o.Group < p.Group || o.Group == p.Group && o.Index < p.Index
}

// Merge makes one flow per reported place (README, "Rules": one result per
// exit), in the order of fs. It is the one merge of the standalone command
// (over the flows of all analysed packages, as a Merger while they are
// analysed) and of go vet (over one package's), so that both report the
// same for the same code.
//
// local reports whether a position lies in an analysed file. A flow whose
// exit lies in an analysed, hand-written file is reported at the exit;
// otherwise (a dependency, generated code) at the call that leads to it
// (Via), so flows into one exit through different calls stay apart, and
// flows into several exits through one call are one result there (naming
// the first exit found). A flow into a generated exit without such a call
// is left out when another flow reaches the same exit through one: that
// call is where it is reported. Sanitised flows stay apart from the
// others.
//
// Merged flows unite their labels and endpoints and keep the shortest path
// (the first Via on a tie). When a flow found through a call (Via) gives the
// exit an endpoint of its own, the endpoints that are parameters of the
// exit's function (Input.Param) are dropped: the callers' arguments are
// what they stand for.
func Merge(fs []Flow, local func(Position) bool) []Merged {
	m := NewMerger(local)
	for i, f := range fs {
		m.Add(Order{Index: i}, f)
	}
	return m.Merged()
}

// A Merger computes Merge incrementally: flows are added in any order,
// each with its Order, and only what the merged flows need is kept (the
// first flow and the shortest path of each reported place, each flow's
// label and endpoint lists once), so that a scan of many packages does not
// keep every package's paths until the last one is done. Its methods are
// not safe for concurrent use.
type Merger struct {
	local func(Position) bool
	byKey map[mergeKey]*mergeEntry
	// viaGen holds the generated exits a flow reaches through a call;
	// genNoVia the flows into a generated exit without one, decided when
	// all flows are in (Merged).
	viaGen   map[Position]bool
	genNoVia []orderedFlow
}

type mergeKey struct {
	at  Position
	san bool
}

type orderedFlow struct {
	o Order
	f Flow
}

type mergeEntry struct {
	first    Order
	flow     Flow // the first flow (its path is best's)
	local    bool
	best     Order
	path     Flow // the flow whose path is kept: Path, PathCut, Via, ViaFunc
	resolved bool // a flow through a call gave the exit an endpoint of its own
	parts    []Part
}

// NewMerger returns an empty Merger; local is as for Merge.
func NewMerger(local func(Position) bool) *Merger {
	return &Merger{local: local, byKey: make(map[mergeKey]*mergeEntry), viaGen: make(map[Position]bool)}
}

// Add adds flow f, whose place in Merge's order is o.
func (m *Merger) Add(o Order, f Flow) {
	if f.Exit.Generated {
		if f.Via.IsValid() {
			m.viaGen[f.Exit.Pos] = true
		} else {
			m.genNoVia = append(m.genNoVia, orderedFlow{o, f})
			return
		}
	}
	m.add(o, f)
}

func (m *Merger) add(o Order, f Flow) {
	isLocal := m.local(f.Exit.Pos) && !f.Exit.Generated
	at := f.Exit.Pos
	if !isLocal && f.Via.IsValid() {
		at = f.Via
	}
	k := mergeKey{at, f.Sanitized}
	e := m.byKey[k]
	if e == nil {
		e = &mergeEntry{first: o, flow: f, local: isLocal, best: o, path: f}
		m.byKey[k] = e
	} else {
		if o.Less(e.first) {
			e.first, e.flow, e.local = o, f, isLocal
		}
		if pathLess(f, o, e.path, e.best) {
			e.best, e.path = o, f
		}
	}
	if f.Via.IsValid() && hasOwnEndpoint(f.Endpoints) {
		e.resolved = true
	}
	for i := range e.parts {
		p := &e.parts[i]
		if slices.Equal(p.Labels, f.Labels) && slices.Equal(p.Endpoints, f.Endpoints) {
			if o.Less(p.Order) {
				p.Order = o
			}
			return
		}
	}
	e.parts = append(e.parts, Part{Order: o, Labels: f.Labels, Endpoints: f.Endpoints})
}

// pathLess reports whether f (at o) has the path Merge keeps over g (at
// p): shorter, or as long through an earlier call, or the same and first.
func pathLess(f Flow, o Order, g Flow, p Order) bool {
	if len(f.Path) != len(g.Path) {
		return len(f.Path) < len(g.Path)
	}
	if f.Via.Less(g.Via) || g.Via.Less(f.Via) {
		return f.Via.Less(g.Via)
	}
	return o.Less(p)
}

// Merged returns the merged flows, in the order of the first flow of each.
func (m *Merger) Merged() []Merged {
	for _, g := range m.genNoVia {
		if !m.viaGen[g.f.Exit.Pos] {
			m.add(g.o, g.f)
		}
	}
	m.genNoVia = nil
	entries := make([]*mergeEntry, 0, len(m.byKey))
	for _, e := range m.byKey {
		entries = append(entries, e)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].first.Less(entries[j].first) })
	out := make([]Merged, len(entries))
	for i, e := range entries {
		sort.Slice(e.parts, func(a, b int) bool { return e.parts[a].Order.Less(e.parts[b].Order) })
		f := e.flow
		f.Labels, f.Endpoints = nil, nil
		for _, p := range e.parts {
			f.Labels = mergeLabels(f.Labels, p.Labels)
			f.Endpoints = mergeEndpoints(f.Endpoints, p.Endpoints)
		}
		if e.resolved {
			f.Endpoints = dropParamEndpoints(f.Endpoints)
		}
		f.Path, f.PathCut, f.Via, f.ViaFunc = e.path.Path, e.path.PathCut, e.path.Via, e.path.ViaFunc
		out[i] = Merged{Flow: f, Local: e.local, Parts: e.parts}
	}
	return out
}

// MergeFlows is Merge's flows, sorted (SortFlows).
func MergeFlows(fs []Flow, local func(Position) bool) []Flow {
	var out []Flow
	for _, m := range Merge(fs, local) {
		out = append(out, m.Flow)
	}
	SortFlows(out)
	return out
}

// hasOwnEndpoint reports whether eps holds an endpoint that is not a
// parameter of the function the flow was found in.
func hasOwnEndpoint(eps []Endpoint) bool {
	for _, e := range eps {
		if !e.Input.Param {
			return true
		}
	}
	return false
}

// dropParamEndpoints removes the endpoints that stand for a parameter of
// the exit's function (or a field of one).
func dropParamEndpoints(eps []Endpoint) []Endpoint {
	var out []Endpoint
	for _, e := range eps {
		if !e.Input.Param {
			out = append(out, e)
		}
	}
	return out
}

// MergeLabels unites two label lists, sorted by field, without duplicates.
func MergeLabels(a, b []Label) []Label { return mergeLabels(a, b) }

func mergeLabels(a, b []Label) []Label {
	if hasLabels(a, b) {
		return a
	}
	if ascending(a) && ascending(b) {
		// Both sorted, each field once (a flow's list, a group of
		// flowLabels): one pass.
		out := make([]Label, 0, len(a)+len(b))
		i, j := 0, 0
		for i < len(a) || j < len(b) {
			switch {
			case j == len(b) || (i < len(a) && a[i].Field < b[j].Field):
				out = append(out, a[i])
				i++
			case i == len(a) || b[j].Field < a[i].Field:
				out = append(out, b[j])
				j++
			default: // the same field: a's label
				out = append(out, a[i])
				i++
				j++
			}
		}
		return out
	}
	out := append([]Label(nil), a...)
	for _, l := range b {
		found := false
		for _, m := range out {
			if m.Field == l.Field {
				found = true
			}
		}
		if !found {
			out = append(out, l)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Field < out[j].Field })
	return out
}

// ascending reports whether ls is sorted by field, each field once.
func ascending(ls []Label) bool {
	for i := 1; i < len(ls); i++ {
		if ls[i].Field <= ls[i-1].Field {
			return false
		}
	}
	return true
}

// hasLabels reports whether a, sorted, already holds every field of b:
// mergeLabels would give a back.
func hasLabels(a, b []Label) bool {
	for i := 1; i < len(a); i++ {
		if a[i].Field < a[i-1].Field {
			return false
		}
	}
	for _, l := range b {
		k := sort.Search(len(a), func(i int) bool { return a[i].Field >= l.Field })
		if k == len(a) || a[k].Field != l.Field {
			return false
		}
	}
	return len(a) > 0
}

// MergeEndpoints unites two endpoint lists, sorted, without duplicates.
func MergeEndpoints(a, b []Endpoint) []Endpoint { return mergeEndpoints(a, b) }

func mergeEndpoints(a, b []Endpoint) []Endpoint {
	if hasEndpoints(a, b) {
		return a
	}
	out := make([]Endpoint, len(a), len(a)+len(b))
	copy(out, a)
	for _, x := range b {
		if !slices.ContainsFunc(out, func(y Endpoint) bool { return sameEndpoint(x, y) }) {
			out = append(out, x)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return endpointLess(out[i], out[j]) })
	return out
}

// sameEndpoint reports whether two endpoints are one for merging: the same
// value, host, reason and input.
func sameEndpoint(x, y Endpoint) bool {
	return y.Value == x.Value && y.Unresolved == x.Unresolved && y.Host == x.Host && y.Input == x.Input
}

// endpointLess orders endpoints by value, reason, then input.
func endpointLess(a, b Endpoint) bool {
	if a.Value != b.Value {
		return a.Value < b.Value
	}
	if a.Unresolved != b.Unresolved {
		return a.Unresolved < b.Unresolved
	}
	if a.Input.From != b.Input.From {
		return a.Input.From < b.Input.From
	}
	return !a.Input.Param && b.Input.Param
}

// hasEndpoints reports whether a, sorted, already holds every endpoint of
// b: mergeEndpoints would give a back.
func hasEndpoints(a, b []Endpoint) bool {
	for i := 1; i < len(a); i++ {
		if endpointLess(a[i], a[i-1]) {
			return false
		}
	}
	for _, x := range b {
		found := false
		for _, y := range a {
			if sameEndpoint(x, y) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return len(a) > 0
}
