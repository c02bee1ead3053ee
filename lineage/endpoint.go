package lineage

import (
	"strconv"
	"strings"

	"github.com/datagate/datagate/lineage/regions"
)

// endpoints turns a folded destination into endpoints with hosts and
// regions. Parameters nobody substituted are described by paramName.
func (e *engine) endpoints(x StrExpr, paramName func(i int, path string) (string, Input)) []Endpoint {
	var out []Endpoint
	for _, alt := range x {
		out = append(out, e.endpoint(alt, paramName, 0)...)
	}
	return mergeEndpoints(nil, out)
}

// maxDeployDepth bounds the configured inputs of one alternative that deploy
// values are substituted for (a host from one variable, a port from
// another).
const maxDeployDepth = 3

// endpoint resolves one alternative. When its host depends on a configured
// input (README, "Configured destinations"), the policy decides: an
// endpoints entry naming the input gives the region; else every value the
// deploy files give the input is folded in like a constant, each a
// possible endpoint of its own.
func (e *engine) endpoint(alt StrAlt, paramName func(i int, path string) (string, Input), depth int) []Endpoint {
	prefix, unk := alt.Prefix()
	ep := Endpoint{Def: alt.Def()}
	if unk != nil {
		if !hostComplete(prefix) {
			switch {
			case unk.Kind == PartParam:
				ep.Unresolved, ep.Input = paramName(unk.Index, unk.Path)
			case unk.In != "":
				ep.Unresolved, ep.Input = unk.Text, Input{Kind: unk.In, Name: unk.Name}
			default:
				ep.Unresolved, ep.Input = unk.Text, Input{Kind: InputOther}
			}
			if eps, ok := e.configured(alt, unk, ep, paramName, depth); ok {
				return eps
			}
			if prefix != "" {
				ep.Value = prefix + "…"
			}
			return []Endpoint{ep}
		}
		ep.Value = prefix + "…"
	} else {
		ep.Value = prefix
	}
	hostPart := prefix
	if unk != nil && strings.HasSuffix(prefix, ":") && !strings.Contains(prefix, "://") {
		hostPart = strings.TrimSuffix(prefix, ":") // "host:" and an unknown port
	}
	host, ok := regions.HostOf(hostPart)
	if !ok {
		ep.Unresolved, ep.Input = "no host in "+strconv.Quote(prefix), Input{Kind: InputOther}
		return []Endpoint{ep}
	}
	ep.Host = host
	ep.Region, ep.RegionWhy = e.region(host)
	return []Endpoint{ep}
}

// configured resolves an alternative whose host depends on the configured
// input ep.Input (unk is its part in alt) from the policy: by an endpoints
// entry naming the input (the endpoint is then the input itself, with the
// entry's region), else by the values deploy files give it. It reports
// false when the policy says nothing of the input.
func (e *engine) configured(alt StrAlt, unk *StrPart, ep Endpoint, paramName func(i int, path string) (string, Input), depth int) ([]Endpoint, bool) {
	in := ep.Input
	p := e.cfg.Policy
	if p == nil || !in.Configured() || in.Name == "" {
		return nil, false
	}
	if r, rule, ok := p.InputRegion(in.Kind, in.Name); ok {
		in.Rule = rule.Line
		where := "policy"
		if p.File != "" {
			where = p.File + ":" + strconv.Itoa(rule.Line)
		}
		return []Endpoint{{
			Value:     in.Describe(),
			Region:    r,
			RegionWhy: "policy endpoints rule at " + where + " (" + in.Describe() + ")",
			Def:       ep.Def,
			Input:     in,
		}}, true
	}
	vals := p.DeployValues(in.Kind, in.Name)
	if len(vals) == 0 || depth >= maxDeployDepth {
		return nil, false
	}
	at := -1
	for i := range alt {
		if &alt[i] == unk {
			at = i
		}
	}
	if at < 0 {
		return nil, false
	}
	var out []Endpoint
	for _, v := range vals {
		sub := append(append(append(StrAlt(nil), alt[:at]...), StrPart{Kind: PartLit, Text: v.Value}), alt[at+1:]...).merge()
		d := in
		d.Value, d.From = v.Value, v.From()
		for _, x := range e.endpoint(sub, paramName, depth+1) {
			if x.Unresolved != "" {
				x.Unresolved = d.Deployed() + ": " + x.Unresolved
			}
			x.Input = d
			out = append(out, x)
		}
	}
	return out, true
}

// region decides a host's region: the policy's endpoints first, then the
// built-in catalog (which includes internal addresses and names).
func (e *engine) region(host string) (region, why string) {
	if p := e.cfg.Policy; p != nil {
		if r, rule, ok := p.EndpointRegion(host); ok {
			where := "policy"
			if p.File != "" {
				where = p.File + ":" + strconv.Itoa(rule.Line)
			}
			return r, "policy endpoints rule at " + where
		}
	}
	return Classify(host)
}

// Classify is the built-in classification of a host: the catalog and the
// internal rules, with the reason.
func Classify(host string) (region, why string) {
	c := regions.Classify(host)
	if c.Region == "" {
		return "", "host not in the catalog"
	}
	why = c.Why
	if c.Source != "" {
		why += " (source: " + c.Source + ")"
	}
	return c.Region, why
}

// hostComplete reports whether a URL or address prefix already holds its
// whole host, so that what follows cannot change it.
func hostComplete(prefix string) bool {
	if i := strings.Index(prefix, "://"); i >= 0 {
		rest := prefix[i+3:]
		if at := strings.LastIndex(rest, "@"); at >= 0 {
			rest = rest[at+1:]
		}
		return strings.ContainsAny(rest, "/?#")
	}
	if i := strings.Index(prefix, "tcp("); i >= 0 {
		return strings.Contains(prefix[i:], ")")
	}
	if i := strings.Index(prefix, "host="); i >= 0 {
		return strings.ContainsAny(prefix[i:], " ")
	}
	if strings.Count(prefix, ":") == 1 && strings.HasSuffix(prefix, ":") && strings.Contains(prefix, ".") && !strings.ContainsAny(prefix, "/@[ ") {
		// "host.name:" and then something unknown: a host:port address
		// whose port is not known (fmt.Sprintf("%s:%d", host, port)).
		// Without a dot it may be a URL scheme ("https:").
		return true
	}
	return strings.Contains(prefix, ":") && !strings.HasSuffix(prefix, ":") || strings.Count(prefix, ":") > 0 && strings.Contains(prefix, "/")
}
