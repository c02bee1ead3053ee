package regions

// The built-in region catalog: which country (or group) serves a host name.
//
// The knowledge lives in data tables, one commented row per fact, each row
// naming the vendor page that states it and carrying an example host that
// the tests classify:
//
//   - cloud.go: the region codes of AWS, GCP and Azure (and of SaaS vendors
//     that name their own regions in host names), each with its country, and
//     the host forms in which those codes appear ("*.REGION.amazonaws.com");
//   - saas.go: fixed host names and patterns of SaaS vendors that receive
//     personal data, with their EU and US variants;
//   - internal.go: addresses and names that never leave the organisation.
//
// A fact that could not be checked against the vendor's own documentation is
// left out: a host the catalog does not know is "unknown", which the rules
// report as such, rather than guessed.
//
// Matching. Every host pattern is compiled at package initialisation into an
// index keyed by its literal suffix (the labels right of its last wildcard or
// REGION label). Classify walks the suffixes of the host from the longest to
// the shortest and tries the patterns filed under each, most specific first,
// so "o1.ingest.de.sentry.io" meets "*.de.sentry.io" before "*.sentry.io",
// and "x.y.eu-west-1.rds.amazonaws.com" meets "*.REGION.rds.amazonaws.com"
// before "*.REGION.amazonaws.com". Suffixes are only taken at label
// boundaries: "xdatadoghq.eu" is not under "datadoghq.eu", and
// "amazonaws.com.evil.com" is not under "amazonaws.com". Nothing is mutated
// after init, so Classify is safe for concurrent use.
//
// Pattern syntax (host rows):
//
//	api.eu.mailgun.net          exactly this host
//	*.datadoghq.eu              any host below datadoghq.eu, at any depth, not the apex
//	*.REGION.amazonaws.com      REGION is a label that is a code of the row's region table
//	s3-REGION.amazonaws.com     a label made of literal text and a code
//	REGION-*.googleapis.com     a label made of a code, "-" and any non-empty rest

import (
	"fmt"
	"net/netip"
	"sort"
	"strings"
)

// Class is what the catalog knows about one host.
type Class struct {
	Region string // country code, EU, EEA, internal, or "" for unknown
	Why    string // human text: "AWS region eu-west-2 (London)", "internal: RFC 1918 private address"
	Source string // the entry's source citation ("" for nothing found)
	Entry  string // the matched pattern or entry id, e.g. "*.REGION.amazonaws.com"
}

// Entry is one row of the catalog, as listed by `datagate regions --list`.
//
// Kind is one of:
//
//	"region"  a region code of a provider's table (Pattern is the code, e.g.
//	          "eu-west-2"); it applies wherever one of that provider's host
//	          forms names it;
//	"host"    a host pattern (see the package comment for the syntax). When
//	          Pattern contains REGION, Region is "" and the region comes from
//	          the code the host names;
//	"address" an IP range that is internal (Pattern is a CIDR prefix);
//	"name"    a host name pattern that is internal.
type Entry struct {
	Provider string // "AWS", "GCP", "Azure", a SaaS vendor, or "internal"
	Kind     string // "region", "host", "address" or "name"
	Pattern  string // the code, host pattern or address range
	Table    string // for a region code or a REGION host form: the region table ("aws", "gcp", ...)
	Region   string // the region of what the row matches ("" for a REGION host form)
	Why      string // human text, as Classify reports it
	Source   string // the vendor page (or RFC) that states the fact

	// Example is a host the row classifies; ExampleRegion is the region
	// Classify must give it (for a REGION host form, the region of the code
	// in the example).
	Example       string
	ExampleRegion string
}

// regionCode is one row of a region table: a code as it appears in host
// names and the country (or group) whose territory holds the region.
type regionCode struct {
	Code    string // "eu-west-2"
	Region  string // "GB"
	Place   string // "London"
	Example string // a host naming the code, classified by the tests
	Source  string
}

// regionTable is the list of region codes of one provider.
type regionTable struct {
	Name     string // key used by host rows: "aws"
	Provider string // "AWS"
	Label    string // how Why names a code: "AWS region"
	Codes    []regionCode
}

// hostRow is one host pattern of the catalog.
type hostRow struct {
	Provider string
	Pattern  string
	Table    string // region table of REGION; "" for a fixed region
	Region   string // fixed region ("" when Table is set)
	Why      string // for a fixed region: the human text; for a form: what the form is
	Example  string
	// ExampleRegion is the region the example gets; required for a REGION
	// form, implied (= Region) for a fixed row.
	ExampleRegion string
	Source        string
}

// plabel is one compiled label of a host pattern.
type plabel struct {
	lit     string // literal label (when !tmpl)
	tmpl    bool   // label holds REGION
	prefix  string // literal text before REGION
	suffix  string // literal text after REGION
	anyRest bool   // REGION is followed by "-" and a non-empty rest ("REGION-*")
}

// pattern is a compiled host row.
type pattern struct {
	row    *hostRow
	table  map[string]*regionCode // nil for a fixed row
	wild   bool                   // leading "*": one or more labels
	labels []plabel               // the labels after the "*", left to right
	key    string                 // literal suffix used as index key
	score  int                    // specificity: larger is tried first

	// Precomputed results: fixed for a fixed row, classes by code for a
	// REGION form (so that Classify formats nothing).
	fixed   Class
	classes map[string]Class
}

// catalog is the immutable, compiled catalog.
type catalog struct {
	bySuffix map[string][]*pattern
	entries  []Entry
}

// cat is built once at package initialisation and never mutated.
var cat = mustCompile(regionTables, hostRows, internalAddrs, internalNames)

// Classify returns what the catalog knows about host: the catalog's host
// patterns first, then the internal address and name rules. host is matched
// case-insensitively; a trailing dot and the brackets of an IPv6 literal are
// removed. A host the catalog does not know yields the zero Class (Region "").
func Classify(host string) Class {
	h := normalize(host)
	if h == "" {
		return Class{}
	}
	if maybeIP(h) {
		if a, err := netip.ParseAddr(h); err == nil {
			return classifyAddr(a)
		}
	}
	if c, ok := cat.match(h); ok {
		return c
	}
	return classifyName(h)
}

// cloudTables are the region tables of the cloud providers, whose codes
// people name regions by ("eu-west-2", "europe-west3", "westeurope").
var cloudTables = map[string]bool{"aws": true, "aws-cn": true, "gcp": true, "azure": true}

// RegionCode returns what the catalog knows about a cloud region code, as
// AWS, GCP and Azure name their regions: its country, the provider and the
// place, with the source; one Class per provider whose table has the code
// (none when no table does). Codes are matched case-insensitively.
func RegionCode(code string) []Class {
	code = strings.ToLower(strings.TrimSpace(code))
	var out []Class
	for i := range regionTables {
		t := &regionTables[i]
		if !cloudTables[t.Name] {
			continue
		}
		for j := range t.Codes {
			if c := &t.Codes[j]; c.Code == code {
				out = append(out, Class{Region: c.Region, Why: fmt.Sprintf("%s %s (%s)", t.Label, c.Code, c.Place), Source: c.Source, Entry: c.Code})
			}
		}
	}
	return out
}

// Entries returns every row of the catalog in a fixed order: region codes
// (AWS, GCP, Azure, then vendor tables), host patterns, internal address
// ranges, internal names. The slice is a fresh copy.
func Entries() []Entry {
	return append([]Entry(nil), cat.entries...)
}

// maybeIP reports whether h may be an IP literal (and so is worth parsing):
// IPv6 has a colon, IPv4 ends in a digit. Names rarely end in one.
func maybeIP(h string) bool {
	return strings.IndexByte(h, ':') >= 0 || h[len(h)-1] >= '0' && h[len(h)-1] <= '9'
}

// normalize lower-cases host and removes one trailing dot and the brackets
// of an IPv6 literal. What is then still no plausible host (spaces,
// brackets, another trailing dot) normalises to "", so that normalize is
// idempotent.
func normalize(host string) string {
	h := strings.TrimSuffix(host, ".")
	if len(h) >= 2 && h[0] == '[' && h[len(h)-1] == ']' {
		h = h[1 : len(h)-1]
	}
	if h == "" || strings.HasSuffix(h, ".") || strings.ContainsAny(h, "[] \t\r\n\v\f") {
		return ""
	}
	return strings.ToLower(h)
}

// match finds the most specific host pattern matching h (normalised).
func (c *catalog) match(h string) (Class, bool) {
	var buf [32]string
	labels := buf[:0]
	start := 0
	for i := 0; i <= len(h); i++ {
		if i == len(h) || h[i] == '.' {
			if i == start {
				return Class{}, false // "a..b", ".a": not a host name
			}
			labels = append(labels, h[start:i])
			start = i + 1
		}
	}
	// Suffixes at label boundaries, longest first.
	off := 0
	for i := range labels {
		for _, p := range c.bySuffix[h[off:]] {
			if cl, ok := p.match(labels); ok {
				return cl, true
			}
		}
		off += len(labels[i]) + 1
	}
	return Class{}, false
}

// match reports whether the host labels match p, and with which class.
func (p *pattern) match(h []string) (Class, bool) {
	n, m := len(h), len(p.labels)
	if p.wild {
		if n < m+1 {
			return Class{}, false
		}
	} else if n != m {
		return Class{}, false
	}
	var code *regionCode
	base := n - m
	for j, pl := range p.labels {
		l := h[base+j]
		if !pl.tmpl {
			if l != pl.lit {
				return Class{}, false
			}
			continue
		}
		if code = pl.code(l, p.table); code == nil {
			return Class{}, false
		}
	}
	if code == nil {
		return p.fixed, true
	}
	return p.classes[code.Code], true
}

// classOf is the class a REGION form gives a host naming code.
func classOf(r *hostRow, label string, code *regionCode) Class {
	src := r.Source
	if code.Source != "" && code.Source != r.Source {
		src = r.Source + "; " + code.Source
	}
	why := fmt.Sprintf("%s %s (%s)", label, code.Code, code.Place)
	if r.Why != "" {
		why += ", " + r.Why
	}
	return Class{Region: code.Region, Why: why, Source: src, Entry: r.Pattern}
}

// code returns the region code that label l holds in the place of REGION, or
// nil.
func (pl plabel) code(l string, table map[string]*regionCode) *regionCode {
	if !strings.HasPrefix(l, pl.prefix) || !strings.HasSuffix(l, pl.suffix) || len(l) < len(pl.prefix)+len(pl.suffix) {
		return nil
	}
	mid := l[len(pl.prefix) : len(l)-len(pl.suffix)]
	if !pl.anyRest {
		return table[mid]
	}
	// "REGION-*": the longest code followed by "-" and a non-empty rest.
	var best *regionCode
	for i := 0; i < len(mid); i++ {
		if mid[i] != '-' || i+1 == len(mid) {
			continue
		}
		if rc := table[mid[:i]]; rc != nil {
			best = rc
		}
	}
	return best
}

// mustCompile checks and indexes the tables. A malformed table is a
// programming error: it panics, and every test run catches it.
func mustCompile(tables []regionTable, hosts []hostRow, addrs []addrRow, names []nameRow) *catalog {
	c := &catalog{bySuffix: make(map[string][]*pattern)}
	byName := make(map[string]*regionTable)
	codes := make(map[string]map[string]*regionCode)
	for ti := range tables {
		t := &tables[ti]
		if _, dup := byName[t.Name]; dup {
			panic("regions: duplicate region table " + t.Name)
		}
		byName[t.Name] = t
		m := make(map[string]*regionCode)
		for ci := range t.Codes {
			rc := &t.Codes[ci]
			if _, dup := m[rc.Code]; dup {
				panic("regions: duplicate code " + rc.Code + " in table " + t.Name)
			}
			mustValid(rc.Region, t.Name+" "+rc.Code)
			m[rc.Code] = rc
			c.entries = append(c.entries, Entry{
				Provider: t.Provider, Kind: "region", Pattern: rc.Code, Table: t.Name,
				Region: rc.Region, Why: fmt.Sprintf("%s %s (%s)", t.Label, rc.Code, rc.Place),
				Source: rc.Source, Example: rc.Example, ExampleRegion: rc.Region,
			})
		}
		codes[t.Name] = m
	}
	seen := make(map[string]bool)
	for hi := range hosts {
		r := &hosts[hi]
		if seen[r.Pattern] {
			panic("regions: duplicate host pattern " + r.Pattern)
		}
		seen[r.Pattern] = true
		p := compilePattern(r)
		e := Entry{
			Provider: r.Provider, Kind: "host", Pattern: r.Pattern, Table: r.Table,
			Region: r.Region, Why: r.Why, Source: r.Source, Example: r.Example,
			ExampleRegion: r.ExampleRegion,
		}
		if r.Table != "" {
			t := byName[r.Table]
			if t == nil || r.Region != "" || r.ExampleRegion == "" {
				panic("regions: bad REGION form " + r.Pattern)
			}
			p.table = codes[r.Table]
			p.classes = make(map[string]Class, len(t.Codes))
			for ci := range t.Codes {
				rc := &t.Codes[ci]
				p.classes[rc.Code] = classOf(r, t.Label, rc)
			}
		} else {
			p.fixed = Class{Region: r.Region, Why: r.Why, Source: r.Source, Entry: r.Pattern}
			mustValid(r.Region, r.Pattern)
			if r.ExampleRegion != "" && r.ExampleRegion != r.Region {
				panic("regions: example region differs for " + r.Pattern)
			}
			e.ExampleRegion = r.Region
		}
		c.bySuffix[p.key] = append(c.bySuffix[p.key], p)
		c.entries = append(c.entries, e)
	}
	for _, ps := range c.bySuffix {
		sort.SliceStable(ps, func(i, j int) bool {
			if ps[i].score != ps[j].score {
				return ps[i].score > ps[j].score
			}
			return ps[i].row.Pattern < ps[j].row.Pattern
		})
	}
	for _, a := range addrs {
		c.entries = append(c.entries, Entry{
			Provider: "internal", Kind: "address", Pattern: a.Prefix.String(), Region: Internal,
			Why: "internal: " + a.Why, Source: a.Source, Example: a.Example, ExampleRegion: Internal,
		})
	}
	for _, n := range names {
		c.entries = append(c.entries, Entry{
			Provider: "internal", Kind: "name", Pattern: n.Pattern, Region: Internal,
			Why: "internal: " + n.Why, Source: n.Source, Example: n.Example, ExampleRegion: Internal,
		})
	}
	return c
}

func mustValid(region, what string) {
	if region == "" || !Valid(region) {
		panic("regions: bad region " + region + " for " + what)
	}
}

// compilePattern parses a host row's pattern.
func compilePattern(r *hostRow) *pattern {
	p := &pattern{row: r}
	parts := strings.Split(r.Pattern, ".")
	if parts[0] == "*" {
		p.wild = true
		parts = parts[1:]
	}
	if len(parts) < 2 {
		panic("regions: pattern too short: " + r.Pattern)
	}
	lastTmpl := -1
	for i, s := range parts {
		if s == "" || strings.ToLower(s) != s && !strings.Contains(s, "REGION") {
			panic("regions: bad label in " + r.Pattern)
		}
		pl := plabel{lit: s}
		if k := strings.Index(s, "REGION"); k >= 0 {
			if r.Table == "" || lastTmpl >= 0 {
				panic("regions: REGION without table, or twice, in " + r.Pattern)
			}
			pl.tmpl, pl.lit = true, ""
			pl.prefix, pl.suffix = s[:k], s[k+len("REGION"):]
			if pl.suffix == "-*" {
				pl.suffix, pl.anyRest = "", true
			}
			lastTmpl = i
			p.score += 50 + 10*len(pl.prefix+pl.suffix)
		} else {
			if strings.ContainsAny(s, "*") {
				panic("regions: wildcard inside a label in " + r.Pattern)
			}
			p.score += 100 + len(s)
		}
		p.labels = append(p.labels, pl)
	}
	if !p.wild {
		p.score += 1000
	}
	p.key = strings.Join(parts[lastTmpl+1:], ".")
	if p.key == "" {
		panic("regions: pattern without a literal suffix: " + r.Pattern)
	}
	if lastTmpl < 0 && r.Table != "" {
		panic("regions: table without REGION in " + r.Pattern)
	}
	return p
}
