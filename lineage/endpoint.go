package lineage

import (
	"strconv"
	"strings"

	"github.com/datagate/datagate/lineage/regions"
)

// endpoints turns a folded destination into endpoints with hosts and
// regions. Parameters nobody substituted are described by paramName.
func (e *engine) endpoints(x StrExpr, paramName func(i int, path string) string) []Endpoint {
	var out []Endpoint
	for _, alt := range x {
		out = append(out, e.endpoint(alt, paramName))
	}
	return mergeEndpoints(nil, out)
}

func (e *engine) endpoint(alt StrAlt, paramName func(i int, path string) string) Endpoint {
	prefix, unk := alt.Prefix()
	ep := Endpoint{Def: alt.Def()}
	if unk != nil {
		if !hostComplete(prefix) {
			switch unk.Kind {
			case PartParam:
				ep.Unresolved = paramName(unk.Index, unk.Path)
			default:
				ep.Unresolved = unk.Text
			}
			if prefix != "" {
				ep.Value = prefix + "…"
			}
			return ep
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
		ep.Unresolved = "no host in " + strconv.Quote(prefix)
		return ep
	}
	ep.Host = host
	ep.Region, ep.RegionWhy = e.region(host)
	return ep
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
