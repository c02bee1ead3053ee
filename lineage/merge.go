package lineage

import (
	"sort"
)

// Merged is one flow per reported place, and the flows merged into it.
type Merged struct {
	Flow Flow
	// Local is set when the flow is reported at its exit; otherwise it is
	// reported at Flow.Via, the call in analysed code that leads to it.
	Local bool
	// Parts are the indexes (into Merge's argument) of the flows merged
	// into Flow, in order.
	Parts []int
}

// Merge makes one flow per reported place (README, "Rules": one result per
// exit), in the order of fs. It is the one merge of the standalone command
// (over the flows of all analysed packages) and of go vet (over one
// package's), so that both report the same for the same code.
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
	viaGenerated := make(map[Position]bool)
	for i := range fs {
		if fs[i].Exit.Generated && fs[i].Via.IsValid() {
			viaGenerated[fs[i].Exit.Pos] = true
		}
	}
	type key struct {
		at  Position
		san bool
	}
	idx := make(map[key]int)
	var out []Merged
	var resolved []bool // a caller gave the exit an endpoint of its own
	for i, f := range fs {
		if f.Exit.Generated && !f.Via.IsValid() && viaGenerated[f.Exit.Pos] {
			continue
		}
		isLocal := local(f.Exit.Pos) && !f.Exit.Generated
		at := f.Exit.Pos
		if !isLocal && f.Via.IsValid() {
			at = f.Via
		}
		k := key{at, f.Sanitized}
		j, ok := idx[k]
		if !ok {
			j = len(out)
			idx[k] = j
			m := f
			m.Labels = mergeLabels(nil, f.Labels)
			m.Endpoints = mergeEndpoints(nil, f.Endpoints)
			out = append(out, Merged{Flow: m, Local: isLocal})
			resolved = append(resolved, false)
		} else {
			m := &out[j].Flow
			m.Labels = mergeLabels(m.Labels, f.Labels)
			m.Endpoints = mergeEndpoints(m.Endpoints, f.Endpoints)
			if len(f.Path) < len(m.Path) || (len(f.Path) == len(m.Path) && f.Via.Less(m.Via)) {
				m.Path, m.PathCut, m.Via, m.ViaFunc = f.Path, f.PathCut, f.Via, f.ViaFunc
			}
		}
		out[j].Parts = append(out[j].Parts, i)
		if f.Via.IsValid() && hasOwnEndpoint(f.Endpoints) {
			resolved[j] = true
		}
	}
	for j := range out {
		if resolved[j] {
			out[j].Flow.Endpoints = dropParamEndpoints(out[j].Flow.Endpoints)
		}
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

// hasLabels reports whether a, sorted, already holds every field of b:
// mergeLabels would give a back.
func hasLabels(a, b []Label) bool {
	for i := 1; i < len(a); i++ {
		if a[i].Field < a[i-1].Field {
			return false
		}
	}
	for _, l := range b {
		found := false
		for _, m := range a {
			if m.Field == l.Field {
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

// MergeEndpoints unites two endpoint lists, sorted, without duplicates.
func MergeEndpoints(a, b []Endpoint) []Endpoint { return mergeEndpoints(a, b) }

func mergeEndpoints(a, b []Endpoint) []Endpoint {
	if hasEndpoints(a, b) {
		return a
	}
	out := append([]Endpoint(nil), a...)
	for _, x := range b {
		found := false
		for _, y := range out {
			if sameEndpoint(x, y) {
				found = true
			}
		}
		if !found {
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
