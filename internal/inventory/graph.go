package inventory

import (
	"sort"
	"strings"

	"github.com/datagate/datagate/lineage/regions"
)

// graph is the inventory drawn as a graph, for the Mermaid and Graphviz
// outputs alike: one node per category on the left, one node per
// destination on the right, grouped by region, and one edge per category
// and destination. Indexes are the order of output.
type graph struct {
	categories []string
	groups     []*group
	edges      []*edge
}

// group is the destinations in one region.
type group struct {
	region  string // Row.RegionName
	allowed bool   // every row to the region is allowed
	dests   []*dest
}

// Label says what the region is under the policy.
func (g *group) Label() string {
	switch {
	case g.region == gatewayGroup:
		return "through the gateway"
	case g.region == "unresolved":
		return "unresolved destination"
	case g.region == "unknown":
		return "unknown region"
	case g.region == regions.Internal:
		return "internal"
	case g.allowed:
		return g.region + ": allowed"
	}
	return g.region + ": not allowed"
}

// dest is one destination node.
type dest struct {
	id        int
	name      string // Row.Destination
	violation bool   // a row to it breaks a rule, unsuppressed
}

// edge is the rows from one category to one destination.
type edge struct {
	from      int // index in categories
	to        *dest
	kinds     []string // kind names, sorted
	fields    []string // short field names, sorted
	sanitized bool     // every row is sanitised
	violation bool     // a row breaks a rule, unsuppressed
	// suppressed: every rule broken on the edge is suppressed (and there
	// is one).
	suppressed bool
}

// Label is the edge's text: its exit kinds, and "sanitised" or
// "suppressed" when that is true of every row on it.
func (e *edge) Label() string {
	s := strings.Join(e.kinds, ", ")
	switch {
	case e.sanitized:
		s += " (sanitised)"
	case e.suppressed:
		s += " (suppressed)"
	}
	return s
}

// gatewayGroup is the group of the calls to the gateway whose destination
// the engine does not see.
const gatewayGroup = "gateway"

// groupOf is the group a row's destination is drawn in: its region, or
// the gateway for a call to it with no known destination.
func groupOf(r *Row) string {
	if r.Gateway && r.Host == "" && r.Endpoint == "" {
		return gatewayGroup
	}
	return r.RegionName()
}

// regionRank orders region groups: the gateway, internal, then the regions
// by name, then unknown, then unresolved.
func regionRank(r string) int {
	switch r {
	case gatewayGroup:
		return -1
	case regions.Internal:
		return 0
	case "unknown":
		return 2
	case "unresolved":
		return 3
	}
	return 1
}

// buildGraph draws the rows as a graph. Its order depends on the rows'
// content alone.
func buildGraph(rows []Row) *graph {
	g := &graph{}
	catIndex := make(map[string]int)
	var cats []string
	type destKey struct{ region, name string }
	groups := make(map[string]*group)
	dests := make(map[destKey]*dest)
	type edgeKey struct {
		cat string
		d   *dest
	}
	edges := make(map[edgeKey]*edge)
	type edgeAcc struct {
		kinds, fields        map[string]bool
		all, san, rule, supp int
	}
	acc := make(map[*edge]*edgeAcc)

	for i := range rows {
		r := &rows[i]
		if _, ok := catIndex[r.Category]; !ok {
			catIndex[r.Category] = -1
			cats = append(cats, r.Category)
		}
		region := groupOf(r)
		gr := groups[region]
		if gr == nil {
			gr = &group{region: region, allowed: true}
			groups[region] = gr
		}
		if !r.Allowed {
			gr.allowed = false
		}
		dk := destKey{region, r.Destination()}
		d := dests[dk]
		if d == nil {
			d = &dest{name: dk.name}
			dests[dk] = d
			gr.dests = append(gr.dests, d)
		}
		if r.Violation() {
			d.violation = true
		}
		ek := edgeKey{r.Category, d}
		e := edges[ek]
		if e == nil {
			e = &edge{to: d}
			edges[ek] = e
			acc[e] = &edgeAcc{kinds: map[string]bool{}, fields: map[string]bool{}}
			g.edges = append(g.edges, e)
		}
		a := acc[e]
		a.kinds[r.KindName] = true
		a.fields[r.ShortField()] = true
		a.all++
		if r.Sanitized {
			a.san++
		}
		if r.Rule != "" {
			a.rule++
			if r.Suppressed {
				a.supp++
			}
		}
		if r.Violation() {
			e.violation = true
		}
	}

	sort.Strings(cats)
	for i, c := range cats {
		catIndex[c] = i
	}
	g.categories = cats

	for _, gr := range groups {
		sort.Slice(gr.dests, func(i, j int) bool { return gr.dests[i].name < gr.dests[j].name })
		g.groups = append(g.groups, gr)
	}
	sort.Slice(g.groups, func(i, j int) bool {
		a, b := g.groups[i], g.groups[j]
		if ra, rb := regionRank(a.region), regionRank(b.region); ra != rb {
			return ra < rb
		}
		return a.region < b.region
	})
	id := 0
	for _, gr := range g.groups {
		for _, d := range gr.dests {
			d.id = id
			id++
		}
	}

	for ek, e := range edges {
		e.from = catIndex[ek.cat]
		a := acc[e]
		e.kinds = sortedKeys(a.kinds)
		e.fields = sortedKeys(a.fields)
		e.sanitized = a.san == a.all
		e.suppressed = a.rule > 0 && a.supp == a.rule
	}
	sort.Slice(g.edges, func(i, j int) bool {
		a, b := g.edges[i], g.edges[j]
		if a.from != b.from {
			return a.from < b.from
		}
		return a.to.id < b.to.id
	})
	return g
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
