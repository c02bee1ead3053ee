package lineage

import (
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/datagate/datagate/knowledge"
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

// fieldStep is one field of a chain of field reads (c.SMTP.Host): the field,
// its struct tag and the type it is a field of (possibly a pointer).
type fieldStep struct {
	v     *types.Var
	tag   string
	owner types.Type
}

// envTagName returns the environment variable an envconfig-style library
// fills the last field of steps from (knowledge.InputTags): its tag's
// value up to the first comma, after the prefixes the fields above it
// give (caarlos0/env's envPrefix).
func envTagName(steps []fieldStep) (string, bool) {
	last := steps[len(steps)-1]
	var name string
	for _, t := range knowledge.InputTags {
		if t.Prefix {
			continue
		}
		if v, ok := reflect.StructTag(last.tag).Lookup(t.Key); ok {
			v, _, _ = strings.Cut(v, ",")
			if v != "" && v != "-" {
				name = v
				break
			}
		}
	}
	if name == "" {
		return "", false
	}
	var prefix strings.Builder
	for _, st := range steps[:len(steps)-1] {
		for _, t := range knowledge.InputTags {
			if v, ok := reflect.StructTag(st.tag).Lookup(t.Key); ok && t.Prefix {
				prefix.WriteString(v)
			}
		}
	}
	return prefix.String() + name, true
}

// fieldFullName names the last field of steps in the form a policy fields
// entry takes, by the innermost named struct type it belongs to:
// "example.com/cfg.Config.BrokerURL", or "example.com/cfg.Config.SMTP.Host"
// when SMTP's type has no name. "" when no type on the way has a name.
func fieldFullName(steps []fieldStep) string {
	for i := len(steps) - 1; i >= 0; i-- {
		t := types.Unalias(steps[i].owner)
		if p, ok := t.(*types.Pointer); ok {
			t = types.Unalias(p.Elem())
		}
		n, ok := t.(*types.Named)
		if !ok || n.Obj().Pkg() == nil {
			continue
		}
		var b strings.Builder
		b.WriteString(n.Obj().Pkg().Path() + "." + n.Obj().Name())
		for _, st := range steps[i:] {
			b.WriteString("." + st.v.Name())
		}
		return b.String()
	}
	return ""
}

// pathSteps follows an access path made of field names only (".cfg.URL")
// from a value of type t; false when the path has other parts (elements,
// remembered endpoints) or names no field.
func pathSteps(t types.Type, path string) ([]fieldStep, bool) {
	if path == "" || !strings.HasPrefix(path, ".") {
		return nil, false
	}
	var steps []fieldStep
	for _, name := range strings.Split(path[1:], ".") {
		if name == "" || strings.ContainsAny(name, "[#") {
			return nil, false
		}
		u := t
		if p, ok := u.Underlying().(*types.Pointer); ok {
			u = p.Elem()
		}
		st, ok := coreType(u).(*types.Struct)
		if !ok {
			return nil, false
		}
		found := false
		for i := 0; i < st.NumFields(); i++ {
			if f := st.Field(i); f.Name() == name {
				steps = append(steps, fieldStep{v: f, tag: st.Tag(i), owner: t})
				t, found = f.Type(), true
				break
			}
		}
		if !found {
			return nil, false
		}
	}
	return steps, len(steps) > 0
}

// paramInput describes parameter i of fn at path, for an endpoint that
// depends on it and that no caller resolved: a field of a config struct
// (the environment variable its envconfig-style tag names, else the field)
// or the parameter itself. Either way the input is marked Param: callers
// may resolve it. (Parameter i counts fn.Params, the receiver first, then
// its free variables.)
func paramInput(fn *ssa.Function, i int, path string) (string, Input) {
	name := "#" + itoa(i)
	var typ types.Type
	if i < len(fn.Params) {
		name, typ = fn.Params[i].Name(), fn.Params[i].Type()
	} else if j := i - len(fn.Params); j < len(fn.FreeVars) {
		name, typ = fn.FreeVars[j].Name(), fn.FreeVars[j].Type()
	}
	if typ != nil {
		ep := strings.HasSuffix(path, ".#ep")
		if steps, ok := pathSteps(typ, strings.TrimSuffix(path, ".#ep")); ok {
			if !ep {
				if env, ok := envTagName(steps); ok {
					in := Input{Kind: InputEnv, Name: env, Param: true}
					return in.Describe(), in
				}
			}
			if full := fieldFullName(steps); full != "" {
				in := Input{Kind: InputField, Name: full, Param: true}
				return in.Describe(), in
			}
		}
	}
	return "parameter " + name + strings.ReplaceAll(path, ".#ep", "") + " of " + shortName(funcName(fn)),
		Input{Kind: InputParam, Name: name, Param: true}
}
