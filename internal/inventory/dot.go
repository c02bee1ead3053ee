package inventory

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteDot writes the inventory's graph (the one the markdown format draws
// with Mermaid) as a Graphviz digraph: categories as ellipses, destinations
// as boxes in one cluster per region, edges labelled with the exit kinds;
// flows that break a rule, unsuppressed, are red.
func WriteDot(w io.Writer, inv *Inventory) error {
	g := buildGraph(inv.Rows)
	b := bufio.NewWriter(w)
	b.WriteString("digraph lineage {\n")
	fmt.Fprintf(b, "\tlabel=%s;\n", dotString("Lineage inventory: "+orDash(inv.Module)))
	b.WriteString("\tlabelloc=t;\n\trankdir=LR;\n")
	b.WriteString("\tnode [shape=box, fontname=\"Helvetica\"];\n")
	b.WriteString("\tedge [fontname=\"Helvetica\", fontsize=10];\n")
	for i, c := range g.categories {
		fmt.Fprintf(b, "\tc%d [label=%s, shape=ellipse];\n", i, dotString(c))
	}
	for i, gr := range g.groups {
		fmt.Fprintf(b, "\tsubgraph cluster_r%d {\n", i)
		fmt.Fprintf(b, "\t\tlabel=%s;\n", dotString(gr.Label()))
		for _, d := range gr.dests {
			attrs := ""
			if d.violation {
				attrs = `, color="#cc0000", fontcolor="#cc0000", style=filled, fillcolor="#ffdddd"`
			}
			fmt.Fprintf(b, "\t\td%d [label=%s%s];\n", d.id, dotString(d.name), attrs)
		}
		b.WriteString("\t}\n")
	}
	for _, e := range g.edges {
		attrs := ""
		switch {
		case e.violation:
			attrs = `, color="#cc0000", fontcolor="#cc0000", penwidth=2`
		case e.sanitized:
			attrs = ", style=dashed"
		}
		fmt.Fprintf(b, "\tc%d -> d%d [label=%s%s];\n", e.from, e.to.id, dotString(e.Label()), attrs)
	}
	b.WriteString("}\n")
	return b.Flush()
}

// dotString quotes s as a DOT string.
func dotString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}
