package lineage

import "strings"

// MergeFlows makes one flow per reported place (SPEC section 5: one result
// per exit). A flow is reported at its exit when local says the exit's file
// is analysed, hand-written code; otherwise at the call that leads to it
// (Via), so flows into one exit of a dependency through different calls
// stay apart. Sanitised flows stay apart from the others.
//
// Merged flows unite their labels and endpoints and keep the shortest path.
// An endpoint left unresolved because it is a parameter of the exit's
// function is dropped when callers resolved the same exit's endpoint.
func MergeFlows(fs []Flow, local func(Position) bool) []Flow {
	type key struct {
		at  Position
		san bool
	}
	idx := make(map[key]int)
	var out []Flow
	for _, f := range fs {
		at := f.Exit.Pos
		if (f.Exit.Generated || !local(at)) && f.Via.IsValid() {
			at = f.Via
		}
		k := key{at, f.Sanitized}
		i, ok := idx[k]
		if !ok {
			idx[k] = len(out)
			f.Labels = append([]Label(nil), f.Labels...)
			out = append(out, f)
			continue
		}
		m := &out[i]
		m.Labels = mergeLabels(m.Labels, f.Labels)
		m.Endpoints = mergeEndpoints(m.Endpoints, f.Endpoints)
		if len(f.Path) < len(m.Path) || (len(f.Path) == len(m.Path) && f.Via.Less(m.Via)) {
			m.Path, m.PathCut, m.Via = f.Path, f.PathCut, f.Via
		}
	}
	for i := range out {
		out[i].Endpoints = dropParamUnresolved(out[i].Endpoints)
	}
	SortFlows(out)
	return out
}

func dropParamUnresolved(eps []Endpoint) []Endpoint {
	resolved := false
	for _, e := range eps {
		if e.Host != "" {
			resolved = true
		}
	}
	if !resolved {
		return eps
	}
	var out []Endpoint
	for _, e := range eps {
		if strings.HasPrefix(e.Unresolved, "parameter ") || strings.HasPrefix(e.Unresolved, "config field ") {
			continue
		}
		out = append(out, e)
	}
	return out
}
