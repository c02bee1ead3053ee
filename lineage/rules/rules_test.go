package rules

import (
	"strconv"
	"strings"
	"testing"

	"github.com/datagate/datagate/lineage"
)

func TestTable(t *testing.T) {
	want := []struct{ id, level string }{
		{DisallowedRegion, "error"},
		{GatewayBypass, "error"},
		{UnknownRegion, "warning"},
		{UnresolvedEndpoint, "warning"},
		{InvalidSuppression, "warning"},
	}
	all := All()
	if len(all) != len(want) {
		t.Fatalf("All() has %d rules, want %d", len(all), len(want))
	}
	names := map[string]bool{}
	for i, r := range all {
		if r.ID != want[i].id || r.Level != want[i].level {
			t.Errorf("rule %d = %s (%s), want %s (%s)", i, r.ID, r.Level, want[i].id, want[i].level)
		}
		if names[r.Name] {
			t.Errorf("%s: duplicate name %s", r.ID, r.Name)
		}
		names[r.Name] = true
		for field, text := range map[string]string{"Name": r.Name, "Short": r.Short, "When": r.When, "Full": r.Full, "Help": r.Help, "Markdown": r.Markdown, "HelpURI": r.HelpURI} {
			if strings.TrimSpace(text) == "" {
				t.Errorf("%s: empty %s", r.ID, field)
			}
		}
		if len(r.Short) > 1024 || len(r.Full) > 1024 {
			t.Errorf("%s: descriptions longer than GitHub's 1024 characters (%d, %d)", r.ID, len(r.Short), len(r.Full))
		}
		if strings.HasSuffix(r.Short, ".") || strings.HasSuffix(r.When, ".") {
			t.Errorf("%s: Short or When ends with a period", r.ID)
		}
		// Help and Markdown are one text: the title is Short, and Help is
		// Markdown's plain text, with no Markdown left in it.
		if want := "**" + r.Short + ".**\n\n"; !strings.HasPrefix(r.Markdown, want) {
			t.Errorf("%s: Markdown does not start with the title %q", r.ID, want)
		}
		if want := r.Short + ".\n\n" + PlainText(strings.TrimPrefix(r.Markdown, "**"+r.Short+".**\n\n")); r.Help != want {
			t.Errorf("%s: Help is not Markdown's plain text:\n%s", r.ID, r.Help)
		}
		for _, marker := range []string{"**", "`", "](", "### ", "\n- "} {
			if strings.Contains(r.Help, marker) {
				t.Errorf("%s: Help keeps the Markdown %q", r.ID, marker)
			}
		}
		if len(r.Tags) == 0 || len(r.Tags) > 10 {
			t.Errorf("%s: %d tags, want 1..10", r.ID, len(r.Tags))
		}
		switch r.Precision {
		case "very-high", "high", "medium", "low":
		default:
			t.Errorf("%s: bad precision %q", r.ID, r.Precision)
		}
		if r.SecuritySeverity != "" {
			v, err := strconv.ParseFloat(r.SecuritySeverity, 64)
			if err != nil || v < 0.1 || v > 10 || !strings.Contains(r.SecuritySeverity, ".") {
				t.Errorf("%s: bad security-severity %q", r.ID, r.SecuritySeverity)
			}
		} else if r.ID != InvalidSuppression {
			t.Errorf("%s: no security-severity", r.ID)
		}
		if r.ID != InvalidSuppression {
			// Every flow rule documents each way out.
			for _, fix := range []string{"gateway", "sanitizer", "//datagate:allow " + r.ShortID(), "GDPR chapter V", "Example"} {
				if !strings.Contains(r.Help, fix) && !strings.Contains(r.Markdown, fix) {
					t.Errorf("%s: help does not mention %q", r.ID, fix)
				}
			}
		}
	}
}

// TestPlainText pins the rendering of each Markdown construct the rules'
// documentation uses.
func TestPlainText(t *testing.T) {
	md := "Send **nothing** to `api.example.com`, see [GDPR chapter V](https://gdpr-info.eu/chapter-5/).\n\n" +
		"### How to fix\n\n" +
		"- Use the **gateway**.\n" +
		"- Declare it:\n\n" +
		"  ```yaml\n  endpoints:\n    - hosts: [x]\n  ```\n\n" +
		"  then run again.\n\n" +
		"### Example\n\n" +
		"```go\nhttp.Post(u, \"text/plain\", body)\n\nreturn\n```\n"
	want := "Send nothing to api.example.com, see GDPR chapter V.\n\n" +
		"How to fix:\n" +
		"  - Use the gateway.\n" +
		"  - Declare it:\n\n" +
		"        endpoints:\n          - hosts: [x]\n\n" +
		"    then run again.\n\n" +
		"Example:\n" +
		"    http.Post(u, \"text/plain\", body)\n\n    return"
	if got := PlainText(md); got != want {
		t.Errorf("PlainText:\n%s\nwant:\n%s", got, want)
	}
}

func TestAllReturnsCopies(t *testing.T) {
	a := All()
	a[0].Level = "note"
	a[0].Tags[0] = "changed"
	b := All()
	if b[0].Level != LevelError || b[0].Tags[0] == "changed" {
		t.Errorf("changing a rule returned by All changed the table")
	}
	if r := Lookup(DisallowedRegion); r.Level != LevelError {
		t.Errorf("Lookup sees a changed table")
	}
	// Lookup's rule is the caller's too.
	r := Lookup(DisallowedRegion)
	r.Level = "note"
	r.Tags[0] = "changed"
	if r := Lookup(DisallowedRegion); r.Level != LevelError || r.Tags[0] == "changed" {
		t.Errorf("changing a rule returned by Lookup changed the table")
	}
}

func TestLookup(t *testing.T) {
	for _, tc := range []struct {
		in, want string
	}{
		{"gateway-bypass", GatewayBypass},
		{"datagate/gateway-bypass", GatewayBypass},
		{"invalid-suppression", InvalidSuppression},
		{"all", ""},
		{"", ""},
		{"datagate/", ""},
		{"other/gateway-bypass", ""},
		{"Gateway-Bypass", ""},
	} {
		got := ""
		if r := Lookup(tc.in); r != nil {
			got = r.ID
		}
		if got != tc.want {
			t.Errorf("Lookup(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if i := Index("unknown-region"); i != 2 {
		t.Errorf("Index(unknown-region) = %d, want 2", i)
	}
	if i := Index("nope"); i != -1 {
		t.Errorf("Index(nope) = %d, want -1", i)
	}
}

func TestShortFunc(t *testing.T) {
	for in, want := range map[string]string{
		"net/http.Post":                            "http.Post",
		"(*net/http.Client).Do":                    "(*http.Client).Do",
		"(example.com/clover/gateway.Client).Send": "(gateway.Client).Send",
		"example.com/a/b.F[example.com/c.T]":       "b.F[c.T]",
		"fmt.Fprintf":                              "fmt.Fprintf",
		"":                                         "an exit call",
	} {
		if got := ShortFunc(in); got != want {
			t.Errorf("ShortFunc(%q) = %q, want %q", in, got, want)
		}
	}
}

var (
	email = lineage.Label{Field: "example.com/demo/model.User.Email", Category: "contact"}
	name  = lineage.Label{Field: "example.com/demo/model.User.Name", Category: "personal"}
	addr  = lineage.Label{Field: "example.com/demo/model.User.Addr", Category: "location"}
	phone = lineage.Label{Field: "example.com/demo/model.User.Phone", Category: "contact"}

	mixpanelUS = lineage.Endpoint{Value: "https://api.mixpanel.com/track", Host: "api.mixpanel.com", Region: "US"}
	mixpanelEU = lineage.Endpoint{Value: "https://api-eu.mixpanel.com/track", Host: "api-eu.mixpanel.com", Region: "EU"}
	london     = lineage.Endpoint{Host: "s3.eu-west-2.amazonaws.com", Region: "GB"}
	frankfurt  = lineage.Endpoint{Host: "s3.eu-central-1.amazonaws.com", Region: "DE"}
	cluster    = lineage.Endpoint{Host: "users.svc.cluster.local", Region: "internal"}
	unknownEP  = lineage.Endpoint{Value: "https://api.example-crm.com", Host: "api.example-crm.com"}
	envEP      = lineage.Endpoint{Unresolved: "environment variable ANALYTICS_URL"}
)

func flow(labels []lineage.Label, eps ...lineage.Endpoint) *lineage.Flow {
	return &lineage.Flow{
		Labels:    labels,
		Exit:      lineage.Exit{Kind: lineage.ExitHTTP, Callee: "net/http.Post", Func: "example.com/demo/app.Signup"},
		Endpoints: eps,
	}
}

func TestEvaluate(t *testing.T) {
	eea := Params{Allowed: []string{"EEA"}}
	eeaGW := Params{Allowed: []string{"EEA"}, Gateway: true}
	one := []lineage.Label{email}

	sanitized := flow(one, mixpanelUS)
	sanitized.Sanitized = true
	viaGateway := flow(one, mixpanelUS)
	viaGateway.Exit.Kind = lineage.ExitGateway

	for _, tc := range []struct {
		name     string
		flow     *lineage.Flow
		params   Params
		wantRule string
		wantMsg  string
	}{
		{"sanitized", sanitized, eea, "", ""},
		{"gateway exit", viaGateway, eeaGW, "", ""},
		{"allowed region", flow(one, mixpanelEU), eea, "", ""},
		{"country in EEA", flow(one, frankfurt), eea, "", ""},
		{"internal without gateway", flow(one, cluster), eea, "", ""},
		{"internal with gateway", flow(one, cluster), eeaGW, "", ""},
		{
			"disallowed", flow(one, mixpanelUS), eea, DisallowedRegion,
			"User data model.User.Email (contact) is sent to api.mixpanel.com in US, outside the allowed regions EEA.",
		},
		{
			"GB is not EEA", flow([]lineage.Label{name, email}, london, frankfurt), eea, DisallowedRegion,
			"User data model.User.Email (contact) and model.User.Name (personal) is sent to s3.eu-west-2.amazonaws.com in GB, outside the allowed regions EEA.",
		},
		{
			"disallowed wins over unknown and unresolved", flow(one, envEP, unknownEP, mixpanelUS, london), eeaGW, DisallowedRegion,
			"User data model.User.Email (contact) is sent to api.mixpanel.com in US or s3.eu-west-2.amazonaws.com in GB, outside the allowed regions EEA.",
		},
		{
			"no allowed regions", flow(one, frankfurt), Params{}, DisallowedRegion,
			"User data model.User.Email (contact) is sent to s3.eu-central-1.amazonaws.com in DE, outside the allowed regions (none).",
		},
		{
			"several allowed regions", flow(one, mixpanelUS), Params{Allowed: []string{"EEA", "CH"}}, DisallowedRegion,
			"User data model.User.Email (contact) is sent to api.mixpanel.com in US, outside the allowed regions EEA, CH.",
		},
		{
			"US policy", flow(one, mixpanelEU), Params{Allowed: []string{"US"}}, DisallowedRegion,
			"User data model.User.Email (contact) is sent to api-eu.mixpanel.com in EU, outside the allowed regions US.",
		},
		{
			"gateway bypass to allowed region", flow(one, frankfurt, cluster), eeaGW, GatewayBypass,
			"User data model.User.Email (contact) leaves through http.Post to s3.eu-central-1.amazonaws.com (DE) without the gateway.",
		},
		{
			"gateway bypass names gateways", flow(one, frankfurt), Params{Allowed: []string{"EEA"}, Gateway: true, Gateways: []string{"example.com/clover/gateway.Client"}}, GatewayBypass,
			"User data model.User.Email (contact) leaves through http.Post to s3.eu-central-1.amazonaws.com (DE) without the gateway (example.com/clover/gateway.Client).",
		},
		{
			"gateway bypass unresolved and unknown", flow(one, envEP, unknownEP), eeaGW, GatewayBypass,
			"User data model.User.Email (contact) leaves through http.Post to an unresolved destination (environment variable ANALYTICS_URL) or api.example-crm.com (unknown region) without the gateway.",
		},
		{
			"unknown region", flow(one, unknownEP, frankfurt), eea, UnknownRegion,
			"User data model.User.Email (contact) is sent to api.example-crm.com in an unknown region, so possibly outside the allowed regions EEA.",
		},
		{
			"unknown wins over unresolved", flow(one, envEP, unknownEP), eea, UnknownRegion,
			"User data model.User.Email (contact) is sent to api.example-crm.com in an unknown region, so possibly outside the allowed regions EEA.",
		},
		{
			"unresolved", flow(one, envEP, cluster), eea, UnresolvedEndpoint,
			"User data model.User.Email (contact) leaves through http.Post to a destination that cannot be determined statically (environment variable ANALYTICS_URL), so possibly outside the allowed regions EEA.",
		},
		{
			"no endpoints", flow(one), eea, UnresolvedEndpoint,
			"User data model.User.Email (contact) leaves through http.Post to a destination that cannot be determined statically (no destination found), so possibly outside the allowed regions EEA.",
		},
		{
			"no endpoints with gateway", flow(one), eeaGW, GatewayBypass,
			"User data model.User.Email (contact) leaves through http.Post to an unresolved destination (no destination found) without the gateway.",
		},
		{
			"many fields, duplicates, order", flow([]lineage.Label{phone, email, addr, name, email}, mixpanelUS), eea, DisallowedRegion,
			"User data model.User.Addr (location), model.User.Email (contact), model.User.Name (personal) and 1 more field is sent to api.mixpanel.com in US, outside the allowed regions EEA. " +
				"All fields: model.User.Addr (location), model.User.Email (contact), model.User.Name (personal), model.User.Phone (contact).",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, msg := Evaluate(tc.flow, tc.params)
			got := ""
			if r != nil {
				got = r.ID
			}
			if got != tc.wantRule || msg != tc.wantMsg {
				t.Errorf("Evaluate = %q, %q\nwant        %q, %q", got, msg, tc.wantRule, tc.wantMsg)
			}
		})
	}
}

// The message must not depend on the order of labels or endpoints.
func TestEvaluateOrderIndependent(t *testing.T) {
	p := Params{Allowed: []string{"EEA"}, Gateway: true}
	a := flow([]lineage.Label{email, name}, envEP, unknownEP, london)
	b := flow([]lineage.Label{name, email}, london, unknownEP, envEP)
	_, ma := Evaluate(a, p)
	_, mb := Evaluate(b, p)
	if ma != mb {
		t.Errorf("messages differ:\n%s\n%s", ma, mb)
	}
}

// TestCategories: each field is judged against its own category's allowed
// regions; a result names only the fields out of place; a flow whose
// fields may all go where it goes is not a finding.
func TestCategories(t *testing.T) {
	card := lineage.Label{Field: "example.com/m.Payment.Card", Category: "payment"}
	email := lineage.Label{Field: "example.com/m.User.Email", Category: "contact"}
	bio := lineage.Label{Field: "example.com/m.Profile.Bio", Category: "public_profile"}
	p := Params{Allowed: []string{"EEA"}, Categories: map[string][]string{"payment": {"DE"}, "public_profile": {AnyRegion}}}
	ep := func(host, region string) lineage.Endpoint {
		return lineage.Endpoint{Value: "https://" + host, Host: host, Region: region}
	}
	for _, tc := range []struct {
		name   string
		labels []lineage.Label
		eps    []lineage.Endpoint
		p      Params
		rule   string
		fields []string
		msg    string
	}{
		{"payment in FR", []lineage.Label{card, email}, []lineage.Endpoint{ep("api.example.fr", "FR")}, p,
			DisallowedRegion, []string{"example.com/m.Payment.Card"}, "User data m.Payment.Card (payment) is sent to api.example.fr in FR, outside the allowed regions DE."},
		{"all in DE", []lineage.Label{card, email}, []lineage.Endpoint{ep("api.example.de", "DE")}, p, "", nil, ""},
		{"both out", []lineage.Label{card, email}, []lineage.Endpoint{ep("api.example.com", "US")}, p,
			DisallowedRegion, []string{"example.com/m.Payment.Card", "example.com/m.User.Email"},
			"User data m.Payment.Card (payment) and m.User.Email (contact) is sent to api.example.com in US, outside the regions allowed for their categories (contact: EEA; payment: DE)."},
		{"public anywhere", []lineage.Label{bio}, []lineage.Endpoint{ep("api.example.com", "US"), {Unresolved: "environment variable X"}}, p, "", nil, ""},
		{"public with contact", []lineage.Label{bio, email}, []lineage.Endpoint{ep("api.example.com", "US")}, p,
			DisallowedRegion, []string{"example.com/m.User.Email"}, "User data m.User.Email (contact) is sent to api.example.com in US, outside the allowed regions EEA."},
		{"public unresolved with contact", []lineage.Label{bio, email}, []lineage.Endpoint{{Unresolved: "flag -hook"}}, p,
			UnresolvedEndpoint, []string{"example.com/m.User.Email"}, "User data m.User.Email (contact) leaves through an exit call to a destination that cannot be determined statically (flag -hook), so possibly outside the allowed regions EEA."},
		{"deploy value named", []lineage.Label{email}, []lineage.Endpoint{{Value: "smtp.mailgun.org:587", Host: "smtp.mailgun.org", Region: "US",
			Input: lineage.Input{Kind: lineage.InputEnv, Name: "SMTP_ADDR", Value: "smtp.mailgun.org:587", From: "deploy/us.env:1"}}}, Params{Allowed: []string{"EEA"}},
			DisallowedRegion, []string{"example.com/m.User.Email"}, "User data m.User.Email (contact) is sent to smtp.mailgun.org in US (environment variable SMTP_ADDR = smtp.mailgun.org:587 (deploy/us.env:1)), outside the allowed regions EEA."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &lineage.Flow{Labels: tc.labels, Endpoints: tc.eps}
			r, msg, fields := Judge(f, tc.p)
			id := ""
			if r != nil {
				id = r.ID
			}
			var names []string
			for _, l := range fields {
				names = append(names, l.Field)
			}
			if id != tc.rule || msg != tc.msg || strings.Join(names, ",") != strings.Join(tc.fields, ",") {
				t.Errorf("Judge = %q, %q, %v\nwant %q, %q, %v", id, msg, names, tc.rule, tc.msg, tc.fields)
			}
		})
	}
}
