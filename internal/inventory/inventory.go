// Package inventory is datagate's lineage inventory: a map of every flow of
// user data the engine finds, for auditors and reviewers. Where a scan
// reports only the flows that break a rule, the inventory lists them all:
// flows to allowed regions and to internal services, flows through the
// gateway, sanitised flows (marked) and violations.
//
// # Rows
//
// The inventory is a list of rows, one per field, exit and endpoint: the
// flows of the scan (merged per reported place, as the scan merges them
// before it applies the rules) taken apart by field and by possible
// destination. An exit has one endpoint in the common case; one whose
// destination depends on its callers has one row per endpoint, so that
// every row has one region. A flow that passed a policy sanitizer is a row
// of its own (sanitized true) beside the unsanitised flow to the same exit,
// if there is one.
//
// Each row says whether its region is allowed under the policy
// (regions.InAny over allowed_regions; internal counts as allowed; an
// unknown region or an unresolved endpoint does not), and names the rule
// its exit breaks, if any, as datagate.Check decides it for the scan: the
// rule is the exit's (README.md#rules: the first rule over all its
// endpoints), so every row of an exit carries the same rule.
//
// Every format is written from the same rows, so the same flows appear in
// each, in the same order: by field, then exit position, then destination,
// then unsanitised before sanitised.
//
// # JSON schema, version 1
//
//	{
//	  "version": 1,                  // this schema; a reader rejects others
//	  "module": "example.com/shop",  // the main module's path
//	  "policy": {                    // the policy the rows are checked under
//	    "file": "policy/datagate.yaml",  // relative to the module root; "" = built-in default
//	    "allowed_regions": ["EEA"],
//	    "gateway": ["(*example.com/shop/gateway.Client).Send"],
//	    "sanitizers": ["example.com/shop/privacy.Pseudonymize"]
//	  },
//	  "other_policies": [...],       // only when discovery found several policies
//	  "rows": [
//	    {
//	      "field": "example.com/shop/model.User.Email",  // import path.Type.Field
//	      "category": "contact",
//	      "kind": "http",            // the engine's exit kind (table below)
//	      "kind_name": "HTTP",
//	      "endpoint": "https://api.mixpanel.com/track",  // URL, address or DSN; "" when unresolved
//	      "host": "api.mixpanel.com",                    // omitted when unknown
//	      "unresolved": "environment variable SMTP_ADDR", // why the destination is unknown; omitted when known
//	      "region": "US",            // country code, EU, EEA or internal; "" when unknown
//	      "allowed": false,          // region inside allowed_regions, or internal
//	      "gateway": false,          // the exit is the policy's gateway client
//	      "sanitized": false,        // the data passed a policy sanitizer
//	      "rule": "datagate/disallowed-region",  // the rule the exit breaks; omitted when none
//	      "level": "error",          // that rule's level; omitted when none
//	      "suppressed": true,        // a //datagate:allow directive suppresses it; omitted when not
//	      "exit": {"file": "analytics/analytics.go", "line": 36, "col": 24},
//	      "func": "(*example.com/shop/analytics.Client).Track",  // the function holding the exit
//	      "callee": "net/http.Post", // the exit call
//	      "via": {"file": ..., "line": ..., "col": ...},  // see below; omitted when the exit is reported where it is
//	      "via_func": "...",
//	      "path_len": 4,             // steps from the field read to the exit
//	      "policy": "a/datagate.yaml" // only with other_policies: the row's policy file
//	    }
//	  ]
//	}
//
// Paths are relative to the module root with forward slashes (a file in the
// module cache is module@version/path); columns count bytes, as go/token
// does. "via" is the call in analysed, hand-written code that leads to the
// exit, given when the exit itself lies outside it (in a dependency or in
// generated code): the scan reports such a flow there. Within version 1,
// fields may be added; readers ignore the ones they do not know.
//
// # Exit kinds
//
//	kind       kind_name    what
//	http       HTTP         net/http clients, requests sent, RoundTrippers
//	sql        SQL          database/sql (destination from the DSN)
//	smtp       SMTP         net/smtp
//	grpc       gRPC         grpc.NewClient/Dial targets, generated clients
//	net        raw socket   net.Dial* and writes to the connection
//	websocket  websocket    WebSocket connections
//	kafka      kafka        Kafka producers (kafka-go, sarama, franz-go)
//	aws, gcp, azure, sentry, segment, datadog, stripe, twilio, sendgrid,
//	mailgun, slack, redis, mongodb, elasticsearch, nats, amqp
//	           (the same)   the SDK clients of README.md's "Cloud SDKs
//	                        and SaaS clients" (knowledge.Exit*)
//	sink       custom sink  a policy sink
//	gateway    gateway      the policy's gateway client
//
// Any other engine kind is written as it is.
//
// # Formats
//
// json is the schema above. csv has a header row and one record per row
// (RFC 4180, encoding/csv), with the JSON fields as columns and positions
// as file:line:col. markdown is a summary table per category, a Mermaid
// flowchart from categories to destinations grouped by region (violations
// in red), then the full row table. dot is the same graph for Graphviz.
//
// # Diff
//
// Compare tells what changed since an earlier inventory: flows that are new
// and flows that are gone, matched by field, exit function and callee,
// destination, gateway and sanitised, but not by line, so that moving code
// is not a change; and, summarised, a new destination for a field that was
// already sent somewhere, a new category sent to a destination already in
// use, and an endpoint whose region changed.
package inventory

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/datagate/datagate/lineage"
	"github.com/datagate/datagate/lineage/policy"
	"github.com/datagate/datagate/lineage/regions"
	"github.com/datagate/datagate/lineage/rules"
)

// Version is the version of the JSON schema.
const Version = 1

// Inventory is the lineage inventory of one scan.
type Inventory struct {
	Version int    `json:"version"`
	Module  string `json:"module"`
	// Policy is the policy the rows are checked under; the first (by file)
	// when discovery found several, the others being in Others.
	Policy Policy   `json:"policy"`
	Others []Policy `json:"other_policies,omitempty"`
	Rows   []Row    `json:"rows"`
}

// Policy describes a policy in the inventory's header.
type Policy struct {
	// File is the policy file relative to the module root; "" for the
	// built-in default.
	File           string   `json:"file"`
	AllowedRegions []string `json:"allowed_regions"`
	Gateway        []string `json:"gateway"`
	Sanitizers     []string `json:"sanitizers"`
}

// Row is one field reaching one endpoint through one exit.
type Row struct {
	Field      string           `json:"field"`
	Category   string           `json:"category"`
	Kind       string           `json:"kind"`
	KindName   string           `json:"kind_name"`
	Endpoint   string           `json:"endpoint"`
	Host       string           `json:"host,omitempty"`
	Unresolved string           `json:"unresolved,omitempty"`
	Region     string           `json:"region"`
	Allowed    bool             `json:"allowed"`
	Gateway    bool             `json:"gateway"`
	Sanitized  bool             `json:"sanitized"`
	Rule       string           `json:"rule,omitempty"`
	Level      string           `json:"level,omitempty"`
	Suppressed bool             `json:"suppressed,omitempty"`
	Exit       lineage.Position `json:"exit"`
	Func       string           `json:"func"`
	Callee     string           `json:"callee"`
	Via        lineage.Position `json:"via,omitzero"`
	ViaFunc    string           `json:"via_func,omitempty"`
	PathLen    int              `json:"path_len"`
	Policy     string           `json:"policy,omitempty"`
}

// Violation reports whether the row's exit breaks a rule that no directive
// suppresses.
func (r *Row) Violation() bool { return r.Rule != "" && !r.Suppressed }

// Destination names where the row goes, for graphs and diffs: the host,
// else the endpoint as written, else, for a call to the gateway whose
// destination the engine does not see, the gateway call, else
// "unresolved: <reason>".
func (r *Row) Destination() string {
	switch {
	case r.Host != "":
		return r.Host
	case r.Endpoint != "":
		return r.Endpoint
	case r.Gateway:
		return "gateway " + rules.ShortFunc(r.Callee)
	}
	reason := r.Unresolved
	if reason == "" {
		reason = "no destination found"
	}
	return "unresolved: " + reason
}

// RegionName is the row's region for people: "unresolved" when the
// destination is not known, else the region, else "unknown".
func (r *Row) RegionName() string {
	switch {
	case r.Unresolved != "" || r.Host == "" && r.Endpoint == "":
		return "unresolved"
	case r.Region != "":
		return r.Region
	}
	return "unknown"
}

// ShortField is the field without its import path directories:
// "model.User.Email".
func (r *Row) ShortField() string { return lineage.Label{Field: r.Field}.ShortField() }

// KindName returns the name of an engine exit kind (lineage.Exit*, or a
// model's kind such as "websocket") for people; see the package comment.
func KindName(kind string) string {
	switch kind {
	case lineage.ExitHTTP:
		return "HTTP"
	case lineage.ExitSQL:
		return "SQL"
	case lineage.ExitSMTP:
		return "SMTP"
	case lineage.ExitGRPC:
		return "gRPC"
	case lineage.ExitNet:
		return "raw socket"
	case lineage.ExitSink:
		return "custom sink"
	case lineage.ExitGateway:
		return "gateway"
	}
	return kind // websocket, kafka and any kind a later engine adds
}

// Flow is one merged flow of the scan, as the inventory takes it.
type Flow struct {
	Flow lineage.Flow
	// Parts are the engine's flows merged into Flow, if known. Merging
	// unites fields and endpoints, so that a field reaching one endpoint
	// and another field reaching another (one exit, two callers) would
	// seem to reach both: with Parts, a row pairs a field with an
	// endpoint only when one part carries both (a field that no part
	// pairs with one of Flow's endpoints is paired with all of them).
	Parts []lineage.Flow
	// Policy is the policy the flow is checked under.
	Policy *policy.Policy
	// Finding is what datagate.Check made of the flow; nil when it breaks
	// no rule.
	Finding *lineage.Finding
	// Local is set when the scan reports the flow at its exit; otherwise
	// at Flow.Via.
	Local bool
}

// Build makes the inventory of module from the scan's flows. rel writes a
// file name relative to the module root.
func Build(module string, flows []Flow, rel func(file string) string) *Inventory {
	inv := &Inventory{Version: Version, Module: module, Rows: []Row{}}
	relPos := func(p lineage.Position) lineage.Position {
		if p.IsValid() {
			p.File = rel(p.File)
		}
		return p
	}

	// The policies, by file, once each.
	byFile := make(map[string]*policy.Policy)
	for _, f := range flows {
		if f.Policy != nil {
			byFile[policyFile(f.Policy, rel)] = f.Policy
		}
	}
	var files []string
	for file := range byFile {
		files = append(files, file)
	}
	sort.Strings(files)
	if len(files) == 0 {
		inv.Policy = describePolicy(policy.Default(), rel)
	}
	for i, file := range files {
		if i == 0 {
			inv.Policy = describePolicy(byFile[file], rel)
		} else {
			inv.Others = append(inv.Others, describePolicy(byFile[file], rel))
		}
	}

	for _, f := range flows {
		pol := f.Policy
		if pol == nil {
			pol = policy.Default()
		}
		fl := &f.Flow
		base := Row{
			Kind:      fl.Exit.Kind,
			KindName:  KindName(fl.Exit.Kind),
			Gateway:   fl.Exit.Kind == lineage.ExitGateway,
			Sanitized: fl.Sanitized,
			Exit:      relPos(fl.Exit.Pos),
			Func:      fl.Exit.Func,
			Callee:    fl.Exit.Callee,
			PathLen:   len(fl.Path) + fl.PathCut,
		}
		if !f.Local && fl.Via.IsValid() {
			base.Via, base.ViaFunc = relPos(fl.Via), fl.ViaFunc
		}
		if f.Finding != nil {
			base.Rule, base.Level, base.Suppressed = f.Finding.Rule, f.Finding.Level, f.Finding.Suppr != nil
		}
		if len(inv.Others) > 0 {
			base.Policy = policyFile(pol, rel)
		}
		eps := fl.Endpoints
		if len(eps) == 0 {
			eps = []lineage.Endpoint{{Unresolved: "no destination found"}}
		}
		pairs := pairsOf(fl.Labels, eps, f.Parts)
		for _, l := range fl.Labels {
			for _, e := range eps {
				if pairs != nil && !pairs[pairKey{l.Field, endpointKey(e)}] {
					continue
				}
				r := base
				r.Field, r.Category = l.Field, l.Category
				r.Endpoint, r.Host, r.Unresolved, r.Region = e.Value, e.Host, e.Unresolved, e.Region
				if r.Unresolved == "" && r.Host == "" && r.Endpoint == "" {
					r.Unresolved = "no destination found"
				}
				if r.Unresolved != "" {
					r.Region = "" // a region without a destination means nothing
				}
				allowed, any := pol.CategoryAllowed(l.Category)
				r.Allowed = r.Region == regions.Internal || (r.Region != "" && (any || regions.InAny(allowed, r.Region)))
				inv.Rows = append(inv.Rows, r)
			}
		}
	}
	SortRows(inv.Rows)
	inv.Rows = dedupRows(inv.Rows)
	return inv
}

type pairKey struct{ field, endpoint string }

func endpointKey(e lineage.Endpoint) string { return e.Value + "\x00" + e.Host + "\x00" + e.Unresolved }

// pairsOf returns the (field, endpoint) pairs that the parts carry, among
// the merged flow's labels and endpoints; nil (every pair) without parts.
// A label that no part pairs with one of eps is paired with all of them.
func pairsOf(labels []lineage.Label, eps []lineage.Endpoint, parts []lineage.Flow) map[pairKey]bool {
	if len(parts) == 0 {
		return nil
	}
	inEps := make(map[string]bool)
	for _, e := range eps {
		inEps[endpointKey(e)] = true
	}
	pairs := make(map[pairKey]bool)
	paired := make(map[string]bool)
	for _, p := range parts {
		for _, l := range p.Labels {
			for _, e := range p.Endpoints {
				if k := endpointKey(e); inEps[k] {
					pairs[pairKey{l.Field, k}] = true
					paired[l.Field] = true
				}
			}
		}
	}
	for _, l := range labels {
		if !paired[l.Field] {
			for k := range inEps {
				pairs[pairKey{l.Field, k}] = true
			}
		}
	}
	return pairs
}

func policyFile(p *policy.Policy, rel func(string) string) string {
	if p.File == "" {
		return ""
	}
	return rel(p.File)
}

func describePolicy(p *policy.Policy, rel func(string) string) Policy {
	d := Policy{
		File:           policyFile(p, rel),
		AllowedRegions: append([]string{}, p.AllowedRegions...),
		Gateway:        []string{},
		Sanitizers:     []string{},
	}
	for _, g := range p.Gateway {
		d.Gateway = append(d.Gateway, g.Text)
	}
	for _, s := range p.Sanitizers {
		d.Sanitizers = append(d.Sanitizers, s.Text)
	}
	return d
}

// SortRows puts rows in the inventory's order: by field, exit position,
// destination, unsanitised first, then the call leading to the exit.
func SortRows(rows []Row) {
	sort.SliceStable(rows, func(i, j int) bool { return rowLess(&rows[i], &rows[j]) })
}

func rowLess(a, b *Row) bool {
	if a.Field != b.Field {
		return a.Field < b.Field
	}
	if a.Exit != b.Exit {
		return a.Exit.Less(b.Exit)
	}
	if da, db := a.Destination(), b.Destination(); da != db {
		return da < db
	}
	if a.Endpoint != b.Endpoint {
		return a.Endpoint < b.Endpoint
	}
	if a.Sanitized != b.Sanitized {
		return !a.Sanitized
	}
	if a.Via != b.Via {
		return a.Via.Less(b.Via)
	}
	return a.Category < b.Category
}

// dedupRows drops rows equal to the one before them (sorted rows).
func dedupRows(rows []Row) []Row {
	out := rows[:0]
	for i, r := range rows {
		if i > 0 && r == rows[i-1] {
			continue
		}
		out = append(out, r)
	}
	return out
}

// Read reads an inventory written by the json format. name names the input
// in errors.
func Read(r io.Reader, name string) (*Inventory, error) {
	var raw struct {
		Version *int     `json:"version"`
		Module  string   `json:"module"`
		Policy  Policy   `json:"policy"`
		Others  []Policy `json:"other_policies"`
		Rows    *[]Row   `json:"rows"`
	}
	dec := json.NewDecoder(r)
	if err := dec.Decode(&raw); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return nil, fmt.Errorf("%s: not valid JSON (offset %d): %w", name, se.Offset, err)
		case errors.As(err, &te):
			return nil, fmt.Errorf("%s: not a datagate lineage inventory: %s has type %s, want %s", name, te.Field, te.Value, te.Type)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	switch {
	case raw.Version == nil || raw.Rows == nil:
		return nil, fmt.Errorf(`%s: not a datagate lineage inventory (no "version" or no "rows"; datagate lineage -format json writes one)`, name)
	case *raw.Version != Version:
		return nil, fmt.Errorf("%s: inventory version %d; this datagate reads version %d", name, *raw.Version, Version)
	}
	inv := &Inventory{Version: *raw.Version, Module: raw.Module, Policy: raw.Policy, Others: raw.Others, Rows: *raw.Rows}
	for i, row := range inv.Rows {
		if row.Field == "" {
			return nil, fmt.Errorf("%s: rows[%d]: no field", name, i)
		}
	}
	return inv, nil
}

// WriteJSON writes the inventory as JSON (the schema in the package
// comment), indented, ending in a newline.
func WriteJSON(w io.Writer, inv *Inventory) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(inv)
}

// Formats are the output formats, in the order the usage lists them.
func Formats() []string { return []string{"markdown", "json", "dot", "csv"} }

// Write writes the inventory in the named format.
func Write(w io.Writer, inv *Inventory, format string) error {
	switch format {
	case "json":
		return WriteJSON(w, inv)
	case "markdown":
		return WriteMarkdown(w, inv)
	case "dot":
		return WriteDot(w, inv)
	case "csv":
		return WriteCSV(w, inv)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats(), ", "))
}
