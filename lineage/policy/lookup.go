package policy

import (
	"fmt"
	"go/types"
	"net/netip"
	"strings"
)

// index holds the maps that Parse compiles from a policy's lists. It is
// written only while parsing; afterwards it is read-only.
type index struct {
	gatewayFuncs map[funcKey]bool
	gatewayTypes map[typeKey]bool
	sanitizers   map[funcKey]bool
	fieldSources map[fieldKey]string // category
	typeSources  map[typeKey]string
	funcSources  map[funcKey]string
	propagators  map[funcKey]int // index in Policy.Propagators
	sinks        map[funcKey]int // index in Policy.Sinks

	// Endpoint rules by host: exactHosts by normHost(pattern), wildHosts by
	// the pattern's suffix after "*.". The values are indexes in
	// Policy.Endpoints.
	exactHosts map[string]int
	wildHosts  map[string]int
	// inputRules maps a configured input to the index of the endpoint rule
	// naming it.
	inputRules map[inputKey]int
	// deploy maps a configured input to the values deploy files give it.
	deploy map[inputKey][]DeployValue
}

// inputKey identifies a configured input: its kind and name.
type inputKey struct{ kind, name string }

func newIndex() index {
	return index{
		gatewayFuncs: make(map[funcKey]bool),
		gatewayTypes: make(map[typeKey]bool),
		sanitizers:   make(map[funcKey]bool),
		fieldSources: make(map[fieldKey]string),
		typeSources:  make(map[typeKey]string),
		funcSources:  make(map[funcKey]string),
		propagators:  make(map[funcKey]int),
		sinks:        make(map[funcKey]int),
		exactHosts:   make(map[string]int),
		wildHosts:    make(map[string]int),
		inputRules:   make(map[inputKey]int),
		deploy:       make(map[inputKey][]DeployValue),
	}
}

// funcKey identifies a function (recv == "") or a method by its package
// path, receiver type name and name; the receiver's pointer-ness is left out.
type funcKey struct{ pkg, recv, name string }

// typeKey identifies a package-level named type.
type typeKey struct{ pkg, name string }

// fieldKey identifies a field of a named struct type.
type fieldKey struct{ pkg, typ, field string }

func (n Name) funcKey() funcKey { return funcKey{n.Pkg, n.Recv, n.Func} }

// keyOfFunc returns the key of fn's generic declaration. It reports false
// for functions without a package (the universe's error.Error) and for
// methods of unnamed interface types, which no policy name can denote.
func keyOfFunc(fn *types.Func) (funcKey, bool) {
	if fn == nil || fn.Pkg() == nil {
		return funcKey{}, false
	}
	fn = fn.Origin()
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return funcKey{}, false
	}
	if recv := sig.Recv(); recv != nil {
		tk, ok := keyOfType(recv.Type())
		if !ok {
			return funcKey{}, false
		}
		return funcKey{tk.pkg, tk.name, fn.Name()}, true
	}
	return funcKey{fn.Pkg().Path(), "", fn.Name()}, true
}

// keyOfType returns the key of t's named type (of its generic declaration),
// looking through one pointer and through aliases.
func keyOfType(t types.Type) (typeKey, bool) {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	named, ok := t.(*types.Named)
	if !ok {
		return typeKey{}, false
	}
	return keyOfTypeName(named.Origin().Obj())
}

// keyOfTypeName returns the key of a package-level type name. A type
// declared inside a function cannot be named in a policy and has no key.
func keyOfTypeName(obj *types.TypeName) (typeKey, bool) {
	if obj == nil || obj.Pkg() == nil {
		return typeKey{}, false
	}
	if parent := obj.Parent(); parent != nil && parent != obj.Pkg().Scope() {
		return typeKey{}, false
	}
	return typeKey{obj.Pkg().Path(), obj.Name()}, true
}

// IsGateway reports whether fn belongs to the gateway: its name is listed,
// or it is a method declared on a listed type. A method promoted into a
// listed type from an embedded field is not the listed type's method and
// does not count.
func (p *Policy) IsGateway(fn *types.Func) bool {
	k, ok := keyOfFunc(fn)
	if !ok {
		return false
	}
	if p.idx.gatewayFuncs[k] {
		return true
	}
	return k.recv != "" && p.idx.gatewayTypes[typeKey{k.pkg, k.recv}]
}

// IsGatewayType reports whether t, or the type t points to, is a gateway
// type.
func (p *Policy) IsGatewayType(t types.Type) bool {
	k, ok := keyOfType(t)
	return ok && p.idx.gatewayTypes[k]
}

// IsSanitizer reports whether fn is a sanitizer.
func (p *Policy) IsSanitizer(fn *types.Func) bool {
	k, ok := keyOfFunc(fn)
	return ok && p.idx.sanitizers[k]
}

// FieldSource reports whether the policy declares field a source, and of
// which category: by a field entry naming it, or else by a type entry naming
// owner. Owner is the named struct type that declares the field (for a
// promoted field, the embedded type, not the outer one). A field entry takes
// precedence over a type entry for the same type.
func (p *Policy) FieldSource(owner *types.TypeName, field *types.Var) (category string, ok bool) {
	if field == nil {
		return "", false
	}
	k, ok := keyOfTypeName(owner)
	if !ok {
		return "", false
	}
	if c, ok := p.idx.fieldSources[fieldKey{k.pkg, k.name, field.Name()}]; ok {
		return c, true
	}
	c, ok := p.idx.typeSources[k]
	return c, ok
}

// FuncSource reports whether fn is a func source, whose results (but a final
// error) are user data, and of which category.
func (p *Policy) FuncSource(fn *types.Func) (category string, ok bool) {
	k, ok := keyOfFunc(fn)
	if !ok {
		return "", false
	}
	c, ok := p.idx.funcSources[k]
	return c, ok
}

// Propagator returns the propagator declared for fn. The result points into
// p.Propagators and must not be modified.
func (p *Policy) Propagator(fn *types.Func) (*Propagator, bool) {
	k, ok := keyOfFunc(fn)
	if !ok {
		return nil, false
	}
	i, ok := p.idx.propagators[k]
	if !ok {
		return nil, false
	}
	return &p.Propagators[i], true
}

// Sink returns the sink declared for fn. The result points into p.Sinks and
// must not be modified.
func (p *Policy) Sink(fn *types.Func) (*Sink, bool) {
	k, ok := keyOfFunc(fn)
	if !ok {
		return nil, false
	}
	i, ok := p.idx.sinks[k]
	if !ok {
		return nil, false
	}
	return &p.Sinks[i], true
}

// EndpointRegion returns the region the policy's endpoints give host, and
// the rule that gives it; the first rule with a matching pattern wins (see
// MatchHost). The cost is one map access per label of host.
func (p *Policy) EndpointRegion(host string) (region string, rule *EndpointRule, ok bool) {
	h := normHost(host)
	best := -1
	if i, ok := p.idx.exactHosts[h]; ok {
		best = i
	}
	if _, err := netip.ParseAddr(h); err != nil {
		// Try each proper suffix: a.b.example.com -> b.example.com,
		// example.com, com.
		for s := h; ; {
			dot := strings.IndexByte(s, '.')
			if dot < 0 {
				break
			}
			s = s[dot+1:]
			if i, ok := p.idx.wildHosts[s]; ok && (best < 0 || i < best) {
				best = i
			}
		}
	}
	if best < 0 {
		return "", nil, false
	}
	r := &p.Endpoints[best]
	return r.Region, r, true
}

// InputRegion returns the region the policy's endpoints give the
// configured input of kind (InputEnv, InputFlag, InputConfig, InputField)
// named name, and the rule that gives it.
func (p *Policy) InputRegion(kind, name string) (region string, rule *EndpointRule, ok bool) {
	i, ok := p.idx.inputRules[inputKey{kind, name}]
	if !ok {
		return "", nil, false
	}
	r := &p.Endpoints[i]
	return r.Region, r, true
}

// DeployValues returns the values the deploy files give the configured
// input of kind named name, by file and line, one per distinct value. The
// result must not be modified.
func (p *Policy) DeployValues(kind, name string) []DeployValue {
	return p.idx.deploy[inputKey{kind, name}]
}

// Excluded reports whether the package with import path pkgPath, in the
// module with path modPath ("" if unknown), matches one of the exclude
// patterns: a pattern starting with "./" is relative to the module root,
// any other is an import path pattern; "..." matches any string, and a
// pattern ending in "/..." also matches the path before it, as the go
// command's patterns do.
func (p *Policy) Excluded(pkgPath, modPath string) bool {
	for _, pat := range p.Exclude {
		if pat == "." || strings.HasPrefix(pat, "./") {
			if modPath == "" {
				continue
			}
			pat = modPath + strings.TrimPrefix(pat, ".")
		}
		if matchPattern(pat, pkgPath) {
			return true
		}
	}
	return false
}

// matchPattern reports whether path matches the go package pattern pat.
func matchPattern(pat, path string) bool {
	if strings.HasSuffix(pat, "/...") && matchPattern(strings.TrimSuffix(pat, "/..."), path) {
		return true
	}
	parts := strings.Split(pat, "...")
	if len(parts) == 1 {
		return pat == path
	}
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	rest := path[len(parts[0]):]
	for i, part := range parts[1:] {
		last := i == len(parts)-2
		if last {
			return strings.HasSuffix(rest, part)
		}
		j := strings.Index(rest, part)
		if j < 0 {
			return false
		}
		rest = rest[j+len(part):]
	}
	return true
}

// checkPattern checks an exclude pattern and returns the problem or "".
func checkPattern(s string) string {
	switch {
	case s == "":
		return "empty package pattern"
	case strings.ContainsAny(s, " \t\r\n"):
		return fmt.Sprintf("package pattern %q contains white space", s)
	case strings.HasPrefix(s, "/") || strings.Contains(s, "\\"):
		return fmt.Sprintf("package pattern %q: want an import path pattern or a pattern relative to the module root (./pkg/testhelpers/...)", s)
	case strings.HasPrefix(s, "../") || s == ".." || strings.Contains(s, "/../") || strings.HasSuffix(s, "/.."):
		return fmt.Sprintf("package pattern %q leaves the module; patterns are relative to the module root", s)
	}
	return ""
}
