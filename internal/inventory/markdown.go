package inventory

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/datagate/datagate/lineage/rules"
)

// WriteMarkdown writes the inventory as GitHub-flavoured Markdown: a
// header naming the module and the policy, a summary table per category, a
// Mermaid flowchart from categories to destinations grouped by region, and
// the full row table. Fields are shown without their import path
// directories (model.User.Email); the json and csv formats give them whole.
func WriteMarkdown(w io.Writer, inv *Inventory) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "# Lineage inventory: %s\n\n", mdText(orDash(inv.Module)))
	b.WriteString(policyLine(&inv.Policy))
	for i := range inv.Others {
		b.WriteString(policyLine(&inv.Others[i]))
	}
	b.WriteString("\n")
	b.WriteString(headline(inv.Rows))
	if len(inv.Rows) == 0 {
		return b.Flush()
	}

	b.WriteString("\n## By category\n\n")
	b.WriteString("| category | fields | destinations | regions | flows | allowed | violations |\n")
	b.WriteString("|---|---|---|---|---:|---:|---:|\n")
	for _, s := range summarise(inv.Rows) {
		fmt.Fprintf(b, "| %s | %s | %d | %s | %d | %d | %d |\n",
			mdText(s.category), codeList(s.fields), len(s.dests), mdText(strings.Join(s.regions, ", ")), s.rows, s.allowed, s.violations)
	}

	b.WriteString("\n## Where it goes\n\n")
	b.WriteString("Categories on the left, destinations on the right, grouped by region; flows that break a rule are red.\n\n")
	b.WriteString("```mermaid\n")
	writeMermaid(b, buildGraph(inv.Rows))
	b.WriteString("```\n")

	b.WriteString("\n## Flows\n\n")
	b.WriteString("| field | category | kind | exit call | endpoint | region | allowed | gateway | sanitised | rule | at | function | path |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|---|---|---:|\n")
	for i := range inv.Rows {
		r := &inv.Rows[i]
		at := code(posString(r.Exit))
		if r.Via.IsValid() {
			at += " via " + code(posString(r.Via))
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d |\n",
			code(r.ShortField()), mdText(r.Category), mdText(r.KindName), code(rules.ShortFunc(r.Callee)),
			endpointCell(r), mdText(r.RegionName()), yesNo(r.Allowed), yesNo(r.Gateway), yesNo(r.Sanitized),
			ruleCell(r), at, code(rules.ShortFunc(r.Func)), r.PathLen)
	}
	return b.Flush()
}

// policyLine describes a policy in one line.
func policyLine(p *Policy) string {
	name := "built-in default"
	if p.File != "" {
		name = code(p.File)
	}
	gw := "no gateway"
	if len(p.Gateway) > 0 {
		gw = "gateway " + codeList(p.Gateway)
	}
	return fmt.Sprintf("Policy: %s (allowed regions: %s; %s).\n", name, mdText(orDash(strings.Join(p.AllowedRegions, ", "))), gw)
}

// headline counts the rows, fields, categories, destinations and
// violations.
func headline(rows []Row) string {
	fields, cats, dests := map[string]bool{}, map[string]bool{}, map[string]bool{}
	violations, exits := 0, map[string]bool{}
	for i := range rows {
		r := &rows[i]
		fields[r.Field], cats[r.Category], dests[r.Destination()] = true, true, true
		if r.Violation() {
			violations++
			exits[posString(r.Exit)+" "+posString(r.Via)] = true
		}
	}
	return fmt.Sprintf("%s of %s in %s to %s; %s at %s.\n",
		plural(len(rows), "flow", "flows"), plural(len(fields), "field", "fields"),
		plural(len(cats), "category", "categories"), plural(len(dests), "destination", "destinations"),
		plural(violations, "violation", "violations"), plural(len(exits), "exit", "exits"))
}

// catSummary is one line of the summary table.
type catSummary struct {
	category                  string
	fields                    []string
	dests                     map[string]bool
	regions                   []string
	rows, allowed, violations int
}

func summarise(rows []Row) []*catSummary {
	var out []*catSummary
	by := make(map[string]*catSummary)
	fields := make(map[string]map[string]bool)
	regs := make(map[string]map[string]bool)
	for i := range rows {
		r := &rows[i]
		s := by[r.Category]
		if s == nil {
			s = &catSummary{category: r.Category, dests: map[string]bool{}}
			by[r.Category] = s
			fields[r.Category], regs[r.Category] = map[string]bool{}, map[string]bool{}
			out = append(out, s)
		}
		fields[r.Category][r.ShortField()] = true
		regs[r.Category][r.RegionName()] = true
		s.dests[r.Destination()] = true
		s.rows++
		if r.Allowed {
			s.allowed++
		}
		if r.Violation() {
			s.violations++
		}
	}
	for _, s := range out {
		s.fields = sortedKeys(fields[s.category])
		s.regions = sortedKeys(regs[s.category])
	}
	sort.Slice(out, func(i, j int) bool { return out[i].category < out[j].category })
	return out
}

// writeMermaid writes g as a Mermaid flowchart.
func writeMermaid(b *bufio.Writer, g *graph) {
	b.WriteString("flowchart LR\n")
	for i, c := range g.categories {
		fmt.Fprintf(b, "    c%d([%s])\n", i, mermaidString(c))
	}
	for i, gr := range g.groups {
		fmt.Fprintf(b, "    subgraph r%d [%s]\n", i, mermaidString(gr.Label()))
		for _, d := range gr.dests {
			fmt.Fprintf(b, "        d%d[%s]\n", d.id, mermaidString(d.name))
		}
		b.WriteString("    end\n")
	}
	var red []string
	for i, e := range g.edges {
		fmt.Fprintf(b, "    c%d -->|%s| d%d\n", e.from, mermaidString(e.Label()), e.to.id)
		if e.violation {
			red = append(red, strconv.Itoa(i))
		}
	}
	var redNodes []string
	for _, gr := range g.groups {
		for _, d := range gr.dests {
			if d.violation {
				redNodes = append(redNodes, "d"+strconv.Itoa(d.id))
			}
		}
	}
	if len(redNodes) > 0 {
		b.WriteString("    classDef violation fill:#fdd,stroke:#c00,color:#900\n")
		fmt.Fprintf(b, "    class %s violation\n", strings.Join(redNodes, ","))
	}
	if len(red) > 0 {
		fmt.Fprintf(b, "    linkStyle %s stroke:#c00,stroke-width:2px,color:#c00\n", strings.Join(red, ","))
	}
}

// mermaidString quotes s for a Mermaid node, subgraph or edge label.
func mermaidString(s string) string {
	r := strings.NewReplacer(`"`, "#quot;", "|", "#124;", "\n", " ")
	return `"` + r.Replace(s) + `"`
}

func endpointCell(r *Row) string {
	if r.Unresolved != "" {
		return "unresolved: " + mdText(r.Unresolved)
	}
	if r.Endpoint != "" {
		return code(r.Endpoint)
	}
	return code(r.Host)
}

func ruleCell(r *Row) string {
	if r.Rule == "" {
		return ""
	}
	s := strings.TrimPrefix(r.Rule, rules.Prefix)
	if r.Suppressed {
		return s + " (suppressed)"
	}
	return "**" + s + "**"
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// code writes s as a code span inside a table cell.
func code(s string) string {
	if s == "" {
		return ""
	}
	s = strings.ReplaceAll(s, "|", `\|`)
	if strings.Contains(s, "`") {
		return "`` " + s + " ``"
	}
	return "`" + s + "`"
}

func codeList(s []string) string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = code(x)
	}
	return strings.Join(out, ", ")
}

// mdText escapes what would end a table cell or start markup.
func mdText(s string) string {
	r := strings.NewReplacer("|", `\|`, "\n", " ", "*", `\*`, "_", `\_`, "<", "&lt;", "`", "\\`")
	return r.Replace(s)
}
