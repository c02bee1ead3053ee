package inventory

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"strings"
	"testing"

	"github.com/datagate/datagate/lineage"
	"github.com/datagate/datagate/lineage/policy"
)

func mustPolicy(t *testing.T, src string) *policy.Policy {
	t.Helper()
	p, err := policy.Parse("/mod/datagate.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func label(field, cat string) lineage.Label {
	return lineage.Label{Field: "example.com/m/model." + field, Category: cat}
}

func rel(file string) string { return strings.TrimPrefix(file, "/mod/") }

func pos(file string, line int) lineage.Position {
	return lineage.Position{File: "/mod/" + file, Line: line, Col: 2}
}

// TestBuild checks the rows of a few flows: one per field and endpoint,
// fields paired only with the endpoints their part reaches, regions
// judged under the policy, unresolved endpoints without a region.
func TestBuild(t *testing.T) {
	pol := mustPolicy(t, "version: 1\nallowed_regions: [EEA]\ngateway:\n  - \"example.com/m/gw.Send\"\n")
	eu := lineage.Endpoint{Value: "https://a.example.eu/x", Host: "a.example.eu", Region: "DE"}
	us := lineage.Endpoint{Value: "https://b.example.com/y", Host: "b.example.com", Region: "US"}
	in := lineage.Endpoint{Value: "http://c.svc.cluster.local", Host: "c.svc.cluster.local", Region: "internal"}
	unk := lineage.Endpoint{Value: "https://d.example.org", Host: "d.example.org"}
	env := lineage.Endpoint{Unresolved: "environment variable URL"}
	exit := lineage.Exit{Pos: pos("app/app.go", 10), Kind: lineage.ExitHTTP, Callee: "net/http.Post", Func: "example.com/m/app.hook"}
	flows := []Flow{
		{
			// One exit, two callers: Email goes to eu, Phone to us.
			Flow: lineage.Flow{
				Labels:    []lineage.Label{label("User.Email", "contact"), label("User.Phone", "contact")},
				Exit:      exit,
				Endpoints: []lineage.Endpoint{eu, us},
				Path:      make([]lineage.Step, 3),
			},
			Parts: []lineage.Flow{
				{Labels: []lineage.Label{label("User.Email", "contact")}, Endpoints: []lineage.Endpoint{eu}},
				{Labels: []lineage.Label{label("User.Phone", "contact")}, Endpoints: []lineage.Endpoint{us}},
			},
			Policy:  pol,
			Finding: &lineage.Finding{Rule: "datagate/disallowed-region", Level: "error"},
			Local:   true,
		},
		{
			Flow: lineage.Flow{
				Labels:    []lineage.Label{label("User.Name", "personal")},
				Exit:      lineage.Exit{Pos: pos("app/b.go", 5), Kind: "kafka", Callee: "k.Write", Func: "example.com/m/app.b"},
				Endpoints: []lineage.Endpoint{in, unk, env},
				Path:      make([]lineage.Step, 2),
				PathCut:   4,
				Via:       pos("app/c.go", 7),
				ViaFunc:   "example.com/m/app.c",
			},
			Policy: pol,
		},
		{
			Flow: lineage.Flow{
				Labels: []lineage.Label{label("User.Name", "personal")},
				Exit:   lineage.Exit{Pos: pos("app/d.go", 1), Kind: lineage.ExitGateway, Callee: "example.com/m/gw.Send", Func: "example.com/m/app.d"},
			},
			Policy: pol,
			Local:  true,
		},
	}
	inv := Build("example.com/m", flows, rel)

	type row struct {
		field, dest, region string
		allowed, gateway    bool
		rule, via           string
		pathLen             int
	}
	var got []row
	for _, r := range inv.Rows {
		got = append(got, row{r.ShortField(), r.Destination(), r.RegionName(), r.Allowed, r.Gateway, r.Rule, posString(r.Via), r.PathLen})
	}
	want := []row{
		{"model.User.Email", "a.example.eu", "DE", true, false, "datagate/disallowed-region", "", 3},
		{"model.User.Name", "c.svc.cluster.local", "internal", true, false, "", "app/c.go:7:2", 6},
		{"model.User.Name", "d.example.org", "unknown", false, false, "", "app/c.go:7:2", 6},
		{"model.User.Name", "unresolved: environment variable URL", "unresolved", false, false, "", "app/c.go:7:2", 6},
		{"model.User.Name", "gateway gw.Send", "unresolved", false, true, "", "", 0},
		{"model.User.Phone", "b.example.com", "US", false, false, "datagate/disallowed-region", "", 3},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows:\n%+v\nwant:\n%+v", got, want)
	}
	if inv.Policy.File != "datagate.yaml" || !reflect.DeepEqual(inv.Policy.Gateway, []string{"example.com/m/gw.Send"}) {
		t.Errorf("policy %+v", inv.Policy)
	}
	if inv.Rows[1].KindName != "kafka" || inv.Rows[0].KindName != "HTTP" || inv.Rows[4].KindName != "gateway" {
		t.Errorf("kind names %q %q %q", inv.Rows[0].KindName, inv.Rows[1].KindName, inv.Rows[4].KindName)
	}

	// Without parts, every field is paired with every endpoint.
	flows[0].Parts = nil
	if n := len(Build("example.com/m", flows[:1], rel).Rows); n != 4 {
		t.Errorf("%d rows without parts, want 4", n)
	}
}

// TestRoundTrip writes an inventory as JSON and reads it back.
func TestRoundTrip(t *testing.T) {
	inv := sample()
	var b bytes.Buffer
	if err := WriteJSON(&b, inv); err != nil {
		t.Fatal(err)
	}
	back, err := Read(&b, "x.json")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, inv) {
		t.Errorf("read back:\n%+v\nwant:\n%+v", back, inv)
	}
}

func sample() *Inventory {
	return &Inventory{
		Version: Version,
		Module:  "example.com/m",
		Policy:  Policy{File: "", AllowedRegions: []string{"EEA"}, Gateway: []string{}, Sanitizers: []string{}},
		Rows: []Row{
			{Field: "example.com/m/model.User.Email", Category: "contact", Kind: "http", KindName: "HTTP",
				Endpoint: `https://x.example.com/a|b"c`, Host: "x.example.com", Region: "US",
				Rule: "datagate/disallowed-region", Level: "error", Exit: lineage.Position{File: "a.go", Line: 3, Col: 4},
				Func: "example.com/m/app.F", Callee: "net/http.Post", PathLen: 2},
			{Field: "example.com/m/model.User.Name", Category: "personal", Kind: "smtp", KindName: "SMTP",
				Unresolved: "environment variable SMTP_ADDR", Exit: lineage.Position{File: "b.go", Line: 1, Col: 1},
				Func: "example.com/m/app.G", Callee: "net/smtp.SendMail", PathLen: 1, Sanitized: true},
		},
	}
}

// TestWritersEscape checks that characters that mean something in each
// format stay data: CSV quoting, Markdown pipes, Mermaid and DOT quotes.
func TestWritersEscape(t *testing.T) {
	inv := sample()
	var b bytes.Buffer
	if err := WriteCSV(&b, inv); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if recs[1][4] != `https://x.example.com/a|b"c` {
		t.Errorf("csv endpoint %q", recs[1][4])
	}
	b.Reset()
	if err := WriteMarkdown(&b, inv); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, want := range []string{
		"`https://x.example.com/a\\|b\"c`",
		`d0["x.example.com"]`,
		"unresolved: environment variable SMTP\\_ADDR",
		"| contact | `model.User.Email` | 1 | US | 1 | 0 | 1 |",
		"linkStyle 0 stroke:#c00",
		`-->|"SMTP (sanitised)"|`,
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	if got := mermaidString(`a "b" | c`); got != `"a #quot;b#quot; #124; c"` {
		t.Errorf("mermaidString = %s", got)
	}
	if got := dotString(`a "b" \ c`); got != `"a \"b\" \\ c"` {
		t.Errorf("dotString = %s", got)
	}
	b.Reset()
	if err := WriteDot(&b, inv); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `c0 -> d0 [label="HTTP", color="#cc0000"`) {
		t.Errorf("dot:\n%s", b.String())
	}
}

// TestCompare checks each kind of change and what fails.
func TestCompare(t *testing.T) {
	row := func(field, cat, host, region string, allowed bool) Row {
		return Row{Field: "m/model." + field, Category: cat, Kind: "http", KindName: "HTTP", Host: host, Endpoint: "https://" + host,
			Region: region, Allowed: allowed, Func: "m/app.F", Callee: "net/http.Post", Exit: lineage.Position{File: "a.go", Line: 1, Col: 1}}
	}
	old := &Inventory{Rows: []Row{
		row("User.Email", "contact", "a.example.eu", "DE", true),
		row("User.Phone", "contact", "b.example.com", "", false),
		row("User.Name", "personal", "gone.example.eu", "IE", true),
	}}
	moved := row("User.Email", "contact", "a.example.eu", "DE", true)
	moved.Exit.Line = 40 // moving code is not a change
	cur := &Inventory{Rows: []Row{
		moved,
		row("User.Phone", "contact", "b.example.com", "US", false), // region: unknown -> US
		row("User.Email", "contact", "c.example.eu", "FR", true),   // new destination for Email
		row("User.Addr", "location", "a.example.eu", "DE", true),   // new category to a.example.eu
	}}
	d := Compare(old, cur)
	var added, removed, changes []string
	for _, r := range d.Added {
		added = append(added, r.ShortField()+">"+r.Destination())
	}
	for _, r := range d.Removed {
		removed = append(removed, r.ShortField()+">"+r.Destination())
	}
	for _, c := range d.Changes {
		changes = append(changes, c.Kind+":"+c.Subject+">"+c.Dest+":"+c.OldRegion+"-"+c.NewRegion)
	}
	if want := []string{"model.User.Addr>a.example.eu", "model.User.Email>c.example.eu"}; !reflect.DeepEqual(added, want) {
		t.Errorf("added %v, want %v", added, want)
	}
	if want := []string{"model.User.Name>gone.example.eu"}; !reflect.DeepEqual(removed, want) {
		t.Errorf("removed %v, want %v", removed, want)
	}
	want := []string{
		"new-destination:m/model.User.Email>c.example.eu:-",
		"new-category:location>a.example.eu:-",
		"region:b.example.com>b.example.com:unknown-US",
	}
	if !reflect.DeepEqual(changes, want) {
		t.Errorf("changes %v, want %v", changes, want)
	}
	if f := d.Fails(); !reflect.DeepEqual(f, []string{"b.example.com moved from unknown to US"}) {
		t.Errorf("fails %v", f)
	}

	// A sanitised or gateway flow to a disallowed region does not fail.
	san := row("User.Email", "contact", "x.example.com", "US", false)
	san.Sanitized = true
	gw := row("User.Name", "personal", "y.example.com", "US", false)
	gw.Gateway = true
	if f := Compare(old, &Inventory{Rows: append(old.Rows, san, gw)}).Fails(); len(f) != 0 {
		t.Errorf("fails %v", f)
	}
	if !Compare(old, old).Empty() {
		t.Error("an inventory differs from itself")
	}
}

// TestReadErrors: what Read refuses, with the file's name.
func TestReadErrors(t *testing.T) {
	for in, want := range map[string]string{
		``:                               "f.json: EOF",
		`[]`:                             "f.json: not a datagate lineage inventory",
		`{"version":1}`:                  `f.json: not a datagate lineage inventory (no "version" or no "rows"`,
		`{"version":1,"rows":[{}]}`:      "f.json: rows[0]: no field",
		`{"version":"1","rows":[]}`:      "f.json: not a datagate lineage inventory: version has type string",
		`{"version":3,"rows":[]}`:        "f.json: inventory version 3",
		`{"version":1,"rows":[], "x":1}`: "",
	} {
		_, err := Read(strings.NewReader(in), "f.json")
		switch {
		case want == "" && err != nil:
			t.Errorf("%s: %v", in, err)
		case want != "" && (err == nil || !strings.HasPrefix(err.Error(), want)):
			t.Errorf("%s: error %v, want %q", in, err, want)
		}
	}
}
