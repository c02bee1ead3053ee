package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/datagate/datagate/lineage"
	"github.com/datagate/datagate/lineage/regions"
)

// Params is the part of the policy that the rules read.
type Params struct {
	// Allowed are the allowed regions (policy allowed_regions).
	Allowed []string
	// Gateway reports whether a gateway is configured.
	Gateway bool
	// Gateways optionally names the configured gateway entries, for
	// gateway-bypass messages. It changes no decision.
	Gateways []string
	// Categories are the per-category allowed regions (policy
	// categories); a category not in it uses Allowed. AnyRegion allows
	// every region.
	Categories map[string][]string
}

// AnyRegion allows every region, in a category's allowed regions.
const AnyRegion = "any"

// allowedFor returns the regions data of category may go to, and whether
// that is every region.
func (p Params) allowedFor(category string) ([]string, bool) {
	if r, ok := p.Categories[category]; ok {
		return r, len(r) == 1 && r[0] == AnyRegion
	}
	return p.Allowed, false
}

// maxFieldsInTitle bounds the fields named in a message's first sentence;
// the rest are counted there and listed in a second sentence.
const maxFieldsInTitle = 3

// Evaluate returns the rule f breaks and the finding's message, or nil when
// f is not a finding. The rules apply in README.md#rules order over the
// flow's endpoints, first match wins:
//
//   - not a finding: a sanitized flow, or one whose exit is the gateway;
//   - disallowed-region: an endpoint's region is known, not internal, and
//     not inside any allowed region;
//   - gateway-bypass: a gateway is configured and an endpoint is not
//     internal (whatever its region, unresolved or unknown included);
//   - unknown-region: an endpoint's host is known but its region is not;
//   - unresolved-endpoint: an endpoint is unresolved. A flow with no
//     endpoints at all, or an endpoint with neither host nor region, counts
//     as unresolved: an unknown destination is never taken as allowed.
//
// An endpoint in an allowed region (no gateway configured) or an internal
// one is fine. The message's first sentence is the alert title; it names the
// fields and their categories, the offending endpoints and their regions and
// the allowed regions, in a deterministic order.
func Evaluate(f *lineage.Flow, p Params) (*Rule, string) {
	r, msg, _ := Judge(f, p)
	return r, msg
}

// Judge is Evaluate, and also returns the fields the result is about.
// Each field is judged against its own category's allowed regions
// (Params.Categories): disallowed-region names the fields some endpoint's
// region is outside of; the other rules name the fields whose category
// does not allow every region. A flow whose fields are all allowed where it
// goes is not a finding.
func Judge(f *lineage.Flow, p Params) (*Rule, string, []lineage.Label) {
	if f.Sanitized || f.Exit.Kind == lineage.ExitGateway {
		return nil, "", nil
	}
	eps := f.Endpoints
	if len(eps) == 0 {
		eps = []lineage.Endpoint{{Unresolved: "no destination found"}}
	}

	var notInternal, unknown, unresolved, located []lineage.Endpoint
	for _, e := range eps {
		switch {
		case isUnresolved(e):
			unresolved = append(unresolved, e)
			notInternal = append(notInternal, e)
		case e.Region == "":
			unknown = append(unknown, e)
			notInternal = append(notInternal, e)
		case e.Region == regions.Internal:
			// Never a finding.
		default:
			notInternal = append(notInternal, e)
			located = append(located, e)
		}
	}

	// Per field: the endpoints outside its category's allowed regions,
	// and whether the category allows every region.
	var bounded []lineage.Label // fields whose category does not allow every region
	var outFields []lineage.Label
	var outside []lineage.Endpoint
	allowedOf := make(map[string][]string) // category -> allowed, for the out-of-place fields
	for _, l := range f.Labels {
		allowed, any := p.allowedFor(l.Category)
		if any {
			continue
		}
		bounded = append(bounded, l)
		out := false
		for _, e := range located {
			if !regions.InAny(allowed, e.Region) {
				outside = append(outside, e)
				out = true
			}
		}
		if out {
			outFields = append(outFields, l)
			allowedOf[l.Category] = allowed
		}
	}
	if len(f.Labels) == 0 {
		// No field known: judged against allowed_regions.
		for _, e := range located {
			if !regions.InAny(p.Allowed, e.Region) {
				outside = append(outside, e)
			}
		}
		allowedOf[""] = p.Allowed
	}

	switch {
	case len(outside) > 0:
		data := describeData(outFields)
		return Lookup(DisallowedRegion), fmt.Sprintf("%s is sent to %s, outside the %s.%s",
			data.title, joinOr(mapEndpoints(outside, hostInRegion)), allowedPhrase(allowedOf), data.more), outFields
	case len(bounded) == 0 && len(f.Labels) > 0:
		return nil, "", nil // every field may go anywhere
	}
	data := describeData(bounded)
	allowed := allowedList(p.Allowed)
	if len(p.Categories) > 0 {
		allowed = allowedPhrase(allowedCats(bounded, p))
	} else {
		allowed = "allowed regions " + allowed
	}
	switch {
	case p.Gateway && len(notInternal) > 0:
		gw := "without the gateway"
		if len(p.Gateways) > 0 {
			gw = "without the gateway (" + strings.Join(sortedUnique(p.Gateways), ", ") + ")"
		}
		return Lookup(GatewayBypass), fmt.Sprintf("%s leaves through %s to %s %s.%s",
			data.title, ShortFunc(f.Exit.Callee), joinOr(mapEndpoints(notInternal, hostWithRegion)), gw, data.more), bounded
	case len(unknown) > 0:
		return Lookup(UnknownRegion), fmt.Sprintf("%s is sent to %s in an unknown region, so possibly outside the %s.%s",
			data.title, joinOr(mapEndpoints(unknown, hostWithFrom)), allowed, data.more), bounded
	case len(unresolved) > 0:
		return Lookup(UnresolvedEndpoint), fmt.Sprintf("%s leaves through %s to a destination that cannot be determined statically (%s), so possibly outside the %s.%s",
			data.title, ShortFunc(f.Exit.Callee), strings.Join(mapEndpoints(unresolved, reason), "; "), allowed, data.more), bounded
	}
	return nil, "", nil
}

// allowedCats maps the categories of labels to their allowed regions.
func allowedCats(labels []lineage.Label, p Params) map[string][]string {
	m := make(map[string][]string)
	for _, l := range labels {
		m[l.Category], _ = p.allowedFor(l.Category)
	}
	return m
}

// allowedPhrase names the allowed regions of the fields a result is about:
// "allowed regions EEA" when they share them, else "regions allowed for
// their categories (contact: EEA; payment: DE)".
func allowedPhrase(byCat map[string][]string) string {
	var lists []string
	var parts []string
	for cat, allowed := range byCat {
		lists = append(lists, allowedList(allowed))
		parts = append(parts, cat+": "+allowedList(allowed))
	}
	lists = sortedUnique(lists)
	if len(lists) <= 1 {
		l := "(none)"
		if len(lists) == 1 {
			l = lists[0]
		}
		return "allowed regions " + l
	}
	return "regions allowed for their categories (" + strings.Join(sortedUnique(parts), "; ") + ")"
}

// isUnresolved reports whether e's destination is not known.
func isUnresolved(e lineage.Endpoint) bool {
	return e.Unresolved != "" || (e.Host == "" && e.Region == "")
}

type dataDesc struct {
	title string // "User data model.User.Email (contact)"
	more  string // "" or " All fields: ...", when the title had to count
}

// describeData names the flow's fields with their categories, sorted and
// unique.
func describeData(labels []lineage.Label) dataDesc {
	var all []string
	for _, l := range labels {
		all = append(all, l.ShortField()+" ("+l.Category+")")
	}
	all = sortedUnique(all)
	switch {
	case len(all) == 0:
		return dataDesc{title: "User data"}
	case len(all) <= maxFieldsInTitle:
		return dataDesc{title: "User data " + joinAnd(all)}
	}
	shown, rest := all[:maxFieldsInTitle], len(all)-maxFieldsInTitle
	fields := "fields"
	if rest == 1 {
		fields = "field"
	}
	return dataDesc{
		title: fmt.Sprintf("User data %s and %d more %s", strings.Join(shown, ", "), rest, fields),
		more:  " All fields: " + strings.Join(all, ", ") + ".",
	}
}

func allowedList(allowed []string) string {
	if len(allowed) == 0 {
		return "(none)"
	}
	return strings.Join(allowed, ", ")
}

func mapEndpoints(eps []lineage.Endpoint, f func(lineage.Endpoint) string) []string {
	var out []string
	for _, e := range eps {
		out = append(out, f(e))
	}
	return sortedUnique(out)
}

// host names the endpoint by host, else by its value.
func host(e lineage.Endpoint) string {
	switch {
	case e.Host != "":
		return e.Host
	case e.Value != "":
		return e.Value
	}
	return "an endpoint"
}

// from says where a deploy file sets the endpoint: " (environment variable
// SMTP_ADDR = smtp.eu.mailgun.org:587 (deploy/k8s/api.yaml:41))", or "".
func from(e lineage.Endpoint) string {
	if d := e.Input.Deployed(); d != "" {
		return " (" + d + ")"
	}
	return ""
}

func hostInRegion(e lineage.Endpoint) string { return host(e) + " in " + e.Region + from(e) }

func hostWithFrom(e lineage.Endpoint) string { return host(e) + from(e) }

func hostWithRegion(e lineage.Endpoint) string {
	switch {
	case isUnresolved(e):
		return "an unresolved destination (" + reason(e) + ")"
	case e.Region == "":
		return host(e) + " (unknown region)" + from(e)
	}
	return host(e) + " (" + e.Region + ")" + from(e)
}

func reason(e lineage.Endpoint) string {
	switch {
	case e.Unresolved != "":
		return e.Unresolved
	case e.Value != "":
		return e.Value + " has no host"
	}
	return "no destination found"
}

// ShortFunc shortens a types.Func.FullName by dropping import path
// directories: "(*net/http.Client).Do" becomes "(*http.Client).Do",
// "example.com/a/b.F" becomes "b.F". An empty name becomes "an exit call".
func ShortFunc(name string) string {
	if name == "" {
		return "an exit call"
	}
	var b strings.Builder
	start := 0 // where the text not yet written begins
	for i := 0; i < len(name); i++ {
		if name[i] == '/' {
			// Drop the import path segment that ends here, slash included.
			b.WriteString(name[start:segmentStart(name, start, i)])
			start = i + 1
		}
	}
	b.WriteString(name[start:])
	return b.String()
}

// segmentStart returns where the import path segment that ends at slash
// begins, scanning back no further than from.
func segmentStart(name string, from, slash int) int {
	j := slash
	for j > from && isPathByte(name[j-1]) {
		j--
	}
	return j
}

func isPathByte(c byte) bool {
	return c == '.' || c == '-' || c == '_' || c == '~' || c == '+' ||
		'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func sortedUnique(s []string) []string {
	s = append([]string(nil), s...)
	sort.Strings(s)
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// joinAnd joins "a", "a and b", "a, b and c".
func joinAnd(s []string) string { return join(s, "and") }

// joinOr joins "a", "a or b", "a, b or c".
func joinOr(s []string) string { return join(s, "or") }

func join(s []string, conj string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " " + conj + " " + s[len(s)-1]
}
