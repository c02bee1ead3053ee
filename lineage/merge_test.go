package lineage

import (
	"fmt"
	"math/rand"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"testing"
)

// seqMerge is Merge as a single pass over the flows in order (how it was
// written before the Merger): the reference the Merger must agree with.
func seqMerge(fs []Flow, local func(Position) bool) []Merged {
	viaGenerated := make(map[Position]bool)
	for i := range fs {
		if fs[i].Exit.Generated && fs[i].Via.IsValid() {
			viaGenerated[fs[i].Exit.Pos] = true
		}
	}
	idx := make(map[mergeKey]int)
	var out []Merged
	var resolved []bool
	for i, f := range fs {
		if f.Exit.Generated && !f.Via.IsValid() && viaGenerated[f.Exit.Pos] {
			continue
		}
		isLocal := local(f.Exit.Pos) && !f.Exit.Generated
		at := f.Exit.Pos
		if !isLocal && f.Via.IsValid() {
			at = f.Via
		}
		k := mergeKey{at, f.Sanitized}
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
		// The reference keeps every flow as a part; the Merger one per
		// distinct pair of lists: compare the distinct ones.
		dup := false
		for _, p := range out[j].Parts {
			if reflect.DeepEqual(p.Labels, f.Labels) && reflect.DeepEqual(p.Endpoints, f.Endpoints) {
				dup = true
			}
		}
		if !dup {
			out[j].Parts = append(out[j].Parts, Part{Order: Order{Index: i}, Labels: f.Labels, Endpoints: f.Endpoints})
		}
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

// randomFlows makes flows that collide often: few exits, calls, labels
// and endpoints, paths of a few lengths, generated exits with and without
// a call, sanitised ones, endpoints that are parameters.
func randomFlows(r *rand.Rand, n int) []Flow {
	pos := func(file string, k int) Position { return Position{File: file, Line: 1 + r.Intn(k), Col: 1} }
	labels := []Label{{Field: "m.U.Email", Category: "contact"}, {Field: "m.U.Name", Category: "personal"}, {Field: "m.A.Value", Category: "contact"}}
	eps := []Endpoint{
		{Value: "https://api.mixpanel.com", Host: "api.mixpanel.com", Region: "US"},
		{Unresolved: "parameter url", Input: Input{Kind: InputField, Name: "url", Param: true}},
		{Unresolved: "environment variable X", Input: Input{Kind: InputEnv, Name: "X"}},
	}
	var fs []Flow
	for i := 0; i < n; i++ {
		f := Flow{Sanitized: r.Intn(6) == 0}
		file := []string{"a.go", "b.go", "dep.go", "gen.go"}[r.Intn(4)]
		f.Exit = Exit{Pos: pos(file, 4), Kind: ExitHTTP, Callee: "http.Post", Generated: file == "gen.go"}
		if r.Intn(3) > 0 {
			f.Via = pos([]string{"a.go", "b.go"}[r.Intn(2)], 5)
			f.ViaFunc = fmt.Sprintf("f%d", f.Via.Line)
		}
		for _, l := range labels {
			if r.Intn(2) == 0 {
				f.Labels = append(f.Labels, l)
			}
		}
		for _, e := range eps {
			if r.Intn(2) == 0 {
				f.Endpoints = append(f.Endpoints, e)
			}
		}
		for k := r.Intn(4); k > 0; k-- {
			f.Path = append(f.Path, Step{Pos: pos("a.go", 9), Desc: fmt.Sprint("step ", i)})
		}
		f.PathCut = r.Intn(2)
		fs = append(fs, f)
	}
	return fs
}

// TestMergerOrder: the Merger, fed the flows of several groups in any
// order, merges as a single pass over them in order does.
func TestMergerOrder(t *testing.T) {
	local := func(p Position) bool { return p.File == "a.go" || p.File == "b.go" || p.File == "gen.go" }
	r := rand.New(rand.NewSource(1))
	for round := 0; round < 300; round++ {
		fs := randomFlows(r, 1+r.Intn(40))
		want := seqMerge(fs, local)
		// Groups of consecutive flows, added group by group in a shuffled
		// order, each with its place.
		var groups [][]int
		for i := 0; i < len(fs); {
			n := 1 + r.Intn(5)
			var g []int
			for ; n > 0 && i < len(fs); n-- {
				g = append(g, i)
				i++
			}
			groups = append(groups, g)
		}
		m := NewMerger(local)
		for _, gi := range r.Perm(len(groups)) {
			for k, i := range groups[gi] {
				m.Add(Order{Group: gi, Index: k}, fs[i])
			}
		}
		got := m.Merged()
		// Orders differ in form (group, index) from the reference's
		// (0, i): map them back before comparing.
		flat := make(map[Order]int)
		for gi, g := range groups {
			for k, i := range g {
				flat[Order{Group: gi, Index: k}] = i
			}
		}
		for j := range got {
			for p := range got[j].Parts {
				got[j].Parts[p].Order = Order{Index: flat[got[j].Parts[p].Order]}
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: Merger gave\n%+v\nwant\n%+v", round, got, want)
		}
		if batch := Merge(fs, local); !reflect.DeepEqual(batch, want) {
			t.Fatalf("round %d: Merge gave\n%+v\nwant\n%+v", round, batch, want)
		}
	}
}

// TestMergeLabels: merging label lists gives every field once, sorted,
// the first list's label where both have a field, whether the lists are
// sorted (one pass) or not; hasLabels agrees.
func TestMergeLabels(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	fields := []string{"a.A", "a.B", "b.C", "b.D", "c.E", "c.F", "d.G"}
	list := func(sorted bool) []Label {
		var out []Label
		for _, f := range r.Perm(len(fields))[:r.Intn(len(fields)+1)] {
			out = append(out, Label{Field: fields[f], Category: "x" + strconv.Itoa(r.Intn(2))})
		}
		if sorted {
			sort.Slice(out, func(i, j int) bool { return out[i].Field < out[j].Field })
		}
		return out
	}
	for range 500 {
		a, b := list(r.Intn(4) > 0), list(r.Intn(4) > 0)
		want := map[string]Label{}
		for _, l := range b {
			want[l.Field] = l
		}
		for _, l := range a {
			want[l.Field] = l // a's wins
		}
		got := mergeLabels(a, b)
		if len(got) != len(want) || !sort.SliceIsSorted(got, func(i, j int) bool { return got[i].Field < got[j].Field }) {
			t.Fatalf("mergeLabels(%v, %v) = %v", a, b, got)
		}
		for _, l := range got {
			if want[l.Field] != l {
				t.Fatalf("mergeLabels(%v, %v) = %v: %s should be %v", a, b, got, l.Field, want[l.Field])
			}
		}
		if len(got) > 0 && (!hasLabels(got, a) || !hasLabels(got, b)) {
			t.Fatalf("hasLabels(%v, ...) is false for a list merged into it", got)
		}
	}
}

// TestFlowLabels: the labels of an exit's origins are grouped by whether
// they were sanitised, sorted, each field once, with the trace of the
// group's first origin, groups in the order of their first origin.
func TestFlowLabels(t *testing.T) {
	var f flowLabels
	t1, t2, t3 := &trace{n: 1}, &trace{n: 2}, &trace{n: 3}
	f.add(true, Label{Field: "p.B"}, t1)
	f.add(false, Label{Field: "p.C"}, t2)
	f.add(true, Label{Field: "p.A"}, t3)
	f.add(true, Label{Field: "p.B"}, t3)
	var got []string
	f.each(func(san bool, ls []Label, tr *trace) {
		s := strconv.FormatBool(san) + strconv.Itoa(tr.n)
		for _, l := range ls {
			s += " " + l.Field
		}
		got = append(got, s)
	})
	if want := []string{"true1 p.A p.B", "false2 p.C"}; !slices.Equal(got, want) {
		t.Errorf("groups %q, want %q", got, want)
	}
}
