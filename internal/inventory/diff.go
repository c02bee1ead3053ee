package inventory

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/datagate/datagate/lineage/rules"
)

// Diff is what changed between two inventories.
type Diff struct {
	// Added and Removed are the flows (rows) that are new and gone, in
	// inventory order. A flow is matched by its key (see flowKey), not by
	// position, so moving code is not a change.
	Added, Removed []Row
	// Changes summarise what the added rows and the regions mean: a new
	// destination for a field already sent elsewhere, a new category sent
	// to a destination already in use, an endpoint whose region changed.
	Changes []Change
}

// Change kinds.
const (
	// ChangeDestination: a field that the old inventory sent somewhere now
	// goes to a destination it did not go to.
	ChangeDestination = "new-destination"
	// ChangeCategory: a destination of the old inventory now receives a
	// category it did not receive.
	ChangeCategory = "new-category"
	// ChangeRegion: a destination's region changed (the policy's endpoints
	// or the catalog moved it).
	ChangeRegion = "region"
)

// Change is one summarised change.
type Change struct {
	Kind string
	// Subject is the field (ChangeDestination), the category
	// (ChangeCategory) or the destination (ChangeRegion).
	Subject string
	// Dest is the destination concerned, and Row the first new row to it
	// (for ChangeRegion, the first row to it in the new inventory that
	// carries unsanitised data straight to it, else the first row).
	Dest string
	Row  Row
	// OldRegion and NewRegion are Row.RegionName before and after
	// (ChangeRegion only).
	OldRegion, NewRegion string
}

// flowKey identifies a flow across inventories: the field, the function
// holding the exit and the exit call, the destination, the call leading to
// the exit when it is reported there (its function), and whether it goes
// through the gateway and is sanitised. The category, the region, the rule
// and line numbers are not part of it: they are what may change about a
// flow.
type flowKey struct {
	field, fn, callee, dest, viaFunc string
	gateway, sanitized               bool
}

func keyOf(r *Row) flowKey {
	return flowKey{r.Field, r.Func, r.Callee, r.Destination(), r.ViaFunc, r.Gateway, r.Sanitized}
}

// Compare compares an old inventory with a new one.
func Compare(old, cur *Inventory) *Diff {
	d := &Diff{}
	oldKeys, newKeys := make(map[flowKey]bool), make(map[flowKey]bool)
	for i := range old.Rows {
		oldKeys[keyOf(&old.Rows[i])] = true
	}
	for i := range cur.Rows {
		newKeys[keyOf(&cur.Rows[i])] = true
	}
	seen := make(map[flowKey]bool)
	for _, r := range cur.Rows {
		if k := keyOf(&r); !oldKeys[k] && !seen[k] {
			seen[k] = true
			d.Added = append(d.Added, r)
		}
	}
	for _, r := range old.Rows {
		if k := keyOf(&r); !newKeys[k] && !seen[k] {
			seen[k] = true
			d.Removed = append(d.Removed, r)
		}
	}

	SortRows(d.Added)
	SortRows(d.Removed)

	// What the old inventory sent where.
	oldFields := make(map[string]bool)       // fields sent anywhere
	oldFieldDest := make(map[[2]string]bool) // field, destination
	oldDests := make(map[string]bool)
	oldCatDest := make(map[[2]string]bool) // category, destination
	oldRegion := make(map[string]string)   // destination -> region
	for i := range old.Rows {
		r := &old.Rows[i]
		dst := r.Destination()
		oldFields[r.Field] = true
		oldFieldDest[[2]string{r.Field, dst}] = true
		oldDests[dst] = true
		oldCatDest[[2]string{r.Category, dst}] = true
		if _, ok := oldRegion[dst]; !ok {
			oldRegion[dst] = r.RegionName()
		}
	}
	done := make(map[[3]string]int) // change -> index in d.Changes
	add := func(c Change) {
		k := [3]string{c.Kind, c.Subject, c.Dest}
		i, ok := done[k]
		switch {
		case !ok:
			done[k] = len(d.Changes)
			d.Changes = append(d.Changes, c)
		case c.Kind == ChangeRegion && !outside(&d.Changes[i].Row) && outside(&c.Row):
			// Keep a row that makes the change fail, if one does.
			d.Changes[i].Row = c.Row
		}
	}
	for _, r := range cur.Rows {
		dst := r.Destination()
		if oldFields[r.Field] && !oldFieldDest[[2]string{r.Field, dst}] {
			add(Change{Kind: ChangeDestination, Subject: r.Field, Dest: dst, Row: r})
		}
		if oldDests[dst] && !oldCatDest[[2]string{r.Category, dst}] {
			add(Change{Kind: ChangeCategory, Subject: r.Category, Dest: dst, Row: r})
		}
		if was, ok := oldRegion[dst]; ok && was != r.RegionName() {
			add(Change{Kind: ChangeRegion, Subject: dst, Dest: dst, Row: r, OldRegion: was, NewRegion: r.RegionName()})
		}
	}
	sort.SliceStable(d.Changes, func(i, j int) bool {
		a, b := &d.Changes[i], &d.Changes[j]
		if a.Kind != b.Kind {
			return changeRank(a.Kind) < changeRank(b.Kind)
		}
		if a.Subject != b.Subject {
			return a.Subject < b.Subject
		}
		return a.Dest < b.Dest
	})
	return d
}

func changeRank(k string) int {
	switch k {
	case ChangeDestination:
		return 0
	case ChangeCategory:
		return 1
	}
	return 2
}

// outside reports whether the row carries user data (not sanitised)
// straight (not through the gateway) to a known region outside the allowed
// ones.
func outside(r *Row) bool {
	return !r.Sanitized && !r.Gateway && r.Region != "" && r.Unresolved == "" && !r.Allowed
}

// Fails lists what makes the diff fail: new flows that carry user data
// (not sanitised), not through the gateway, to a known region outside the
// allowed ones, and destinations whose region changed to such a region
// while such flows go there. A suppressed rule does not exempt a flow: the
// inventory is the auditor's view.
func (d *Diff) Fails() []string {
	var out []string
	for i := range d.Added {
		r := &d.Added[i]
		if outside(r) {
			out = append(out, fmt.Sprintf("new flow of %s to %s in %s", r.ShortField(), r.Destination(), r.Region))
		}
	}
	for i := range d.Changes {
		c := &d.Changes[i]
		if c.Kind == ChangeRegion && outside(&c.Row) {
			out = append(out, fmt.Sprintf("%s moved from %s to %s", c.Dest, c.OldRegion, c.NewRegion))
		}
	}
	return out
}

// Empty reports whether nothing changed.
func (d *Diff) Empty() bool { return len(d.Added)+len(d.Removed)+len(d.Changes) == 0 }

// WriteDiffText writes the diff for a terminal: new flows (+), gone flows
// (-), changes (~), then a summary line. oldName names the old inventory.
func WriteDiffText(w io.Writer, d *Diff, oldName string) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "lineage inventory compared with %s\n", oldName)
	if len(d.Added) > 0 {
		fmt.Fprintf(b, "\nnew flows (%d):\n", len(d.Added))
		for i := range d.Added {
			fmt.Fprintf(b, "  + %s\n", rowText(&d.Added[i]))
		}
	}
	if len(d.Removed) > 0 {
		fmt.Fprintf(b, "\ngone flows (%d):\n", len(d.Removed))
		for i := range d.Removed {
			fmt.Fprintf(b, "  - %s\n", rowText(&d.Removed[i]))
		}
	}
	if len(d.Changes) > 0 {
		fmt.Fprintf(b, "\nchanged (%d):\n", len(d.Changes))
		for i := range d.Changes {
			fmt.Fprintf(b, "  ~ %s\n", changeText(&d.Changes[i], false))
		}
	}
	b.WriteString("\n" + diffSummary(d) + "\n")
	return b.Flush()
}

// WriteDiffMarkdown writes the diff as Markdown, for a pull request
// comment.
func WriteDiffMarkdown(w io.Writer, d *Diff, oldName string) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "# Lineage inventory changes\n\nCompared with %s. %s\n", code(oldName), diffSummary(d))
	for _, part := range []struct {
		title string
		rows  []Row
	}{{"New flows", d.Added}, {"Gone flows", d.Removed}} {
		if len(part.rows) == 0 {
			continue
		}
		fmt.Fprintf(b, "\n## %s\n\n", part.title)
		b.WriteString("| field | category | kind | endpoint | region | allowed | gateway | sanitised | rule | at | function |\n")
		b.WriteString("|---|---|---|---|---|---|---|---|---|---|---|\n")
		for i := range part.rows {
			r := &part.rows[i]
			fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
				code(r.ShortField()), mdText(r.Category), mdText(r.KindName), endpointCell(r), mdText(r.RegionName()),
				yesNo(r.Allowed), yesNo(r.Gateway), yesNo(r.Sanitized), ruleCell(r), code(posString(r.Exit)), code(rules.ShortFunc(r.Func)))
		}
	}
	if len(d.Changes) > 0 {
		b.WriteString("\n## Changed\n\n")
		for i := range d.Changes {
			fmt.Fprintf(b, "- %s\n", changeText(&d.Changes[i], true))
		}
	}
	return b.Flush()
}

// diffSummary counts the diff in one sentence.
func diffSummary(d *Diff) string {
	if d.Empty() {
		return "No change."
	}
	s := fmt.Sprintf("%d new, %d gone, %d changed", len(d.Added), len(d.Removed), len(d.Changes))
	if f := d.Fails(); len(f) > 0 {
		s += fmt.Sprintf("; %s outside the allowed regions: %s", plural(len(f), "change sends user data", "changes send user data"), strings.Join(f, "; "))
	}
	return s + "."
}

// rowText describes a row in one line.
func rowText(r *Row) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s) -> %s %s [%s]", r.ShortField(), r.Category, r.KindName, r.Destination(), regionText(r))
	if r.Gateway {
		b.WriteString(" through the gateway")
	}
	if r.Sanitized {
		b.WriteString(" sanitised")
	}
	fmt.Fprintf(&b, " at %s in %s", posString(r.Exit), rules.ShortFunc(r.Func))
	if r.Rule != "" {
		b.WriteString("; " + r.Rule)
		if r.Suppressed {
			b.WriteString(" (suppressed)")
		}
	}
	return b.String()
}

// regionText is the row's region and whether it is allowed.
func regionText(r *Row) string {
	switch name := r.RegionName(); {
	case name == "unresolved" || name == "unknown":
		return name
	case r.Allowed:
		return name + ", allowed"
	default:
		return name + ", not allowed"
	}
}

func changeText(c *Change, md bool) string {
	q := func(s string) string { return s }
	if md {
		q = code
	}
	switch c.Kind {
	case ChangeDestination:
		return fmt.Sprintf("new destination for %s: %s [%s]", q(c.Row.ShortField()), q(c.Dest), regionText(&c.Row))
	case ChangeCategory:
		return fmt.Sprintf("new category to %s: %s (%s)", q(c.Dest), q(c.Subject), q(c.Row.ShortField()))
	}
	return fmt.Sprintf("region of %s: %s -> %s [%s]", q(c.Dest), c.OldRegion, c.NewRegion, regionText(&c.Row))
}
