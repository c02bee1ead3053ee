package policy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/datagate/datagate/lineage/regions"
)

// The keys each mapping may hold, in the order the documentation lists them,
// separated by spaces.
const (
	topKeys        = "version allowed_regions endpoints gateway sources sanitizers propagators sinks deploy exclude categories"
	endpointKeys   = "hosts env flags config fields region"
	categoryKeys   = "allowed_regions"
	sourceKeys     = "field type func category"
	propagatorKeys = "func from to"
	sinkKeys       = "func args endpoint endpoint_arg kind"
)

// decoder walks a policy's YAML node tree, building the Policy and its index
// as it goes, and stops at the first problem.
type decoder struct {
	file string
	data []byte
	p    *Policy
	// seen records the line of each entry that must not repeat, so that a
	// repeat can name the first.
	seen map[dupKey]int
	// deployNodes are the deploy entries' nodes, for errors found when the
	// files are read.
	deployNodes []*yaml.Node
}

// dupKey identifies an entry within a section: a normalised host pattern, a
// funcKey, a typeKey or a fieldKey.
type dupKey struct {
	section string
	key     any
}

// errf returns an *Error at node n (nil for no position) for key path key.
func (d *decoder) errf(n *yaml.Node, key, format string, args ...any) *Error {
	e := &Error{File: d.file, Key: key, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Col = n.Line, n.Column
	}
	return e
}

// dup records an entry of a section at line, or, if the section already has
// it, returns the error for the repeat.
func (d *decoder) dup(section string, key any, n *yaml.Node, path, what string) error {
	k := dupKey{section, key}
	if line, ok := d.seen[k]; ok {
		return d.errf(n, path, "%s repeats the one at line %d", what, line)
	}
	d.seen[k] = n.Line
	return nil
}

func (d *decoder) parse(data []byte) (*Policy, error) {
	d.data = data
	root, err := d.document(data)
	if err != nil {
		return nil, err
	}
	d.p = &Policy{File: d.file, idx: newIndex()}
	if err := d.version(root); err != nil {
		return nil, err
	}
	var hasRegions bool
	err = d.mapping(root, "", topKeys, func(key string, v *yaml.Node) error {
		switch key {
		case "version":
			return nil // checked first, by d.version
		case "allowed_regions":
			hasRegions = true
			return d.allowedRegions(v)
		case "endpoints":
			return d.list(v, key, true, d.endpoint)
		case "gateway":
			return d.list(v, key, true, d.gateway)
		case "sources":
			return d.list(v, key, true, d.source)
		case "sanitizers":
			return d.list(v, key, true, d.sanitizer)
		case "propagators":
			return d.list(v, key, true, d.propagator)
		case "sinks":
			return d.list(v, key, true, d.sink)
		case "deploy":
			return d.list(v, key, true, d.deploy)
		case "exclude":
			return d.list(v, key, true, d.exclude)
		case "categories":
			return d.categories(v)
		}
		panic("unreachable: key " + key)
	})
	if err != nil {
		return nil, err
	}
	if !hasRegions {
		d.p.AllowedRegions = Default().AllowedRegions
	}
	if err := d.readDeploy(); err != nil {
		return nil, err
	}
	d.p.digest = digest(d.file, d.data, d.p.AllDeployValues())
	return d.p, nil
}

// document parses data as a single YAML document and returns its root node.
func (d *decoder) document(data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &Error{File: d.file, Line: 1, Key: "version",
				Msg: fmt.Sprintf("the policy is empty; it needs at least \"version: %d\"", Version)}
		}
		return nil, d.syntax(err)
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == nil:
		return nil, d.errf(&next, "", "a second YAML document; a policy is one document")
	case !errors.Is(err, io.EOF):
		return nil, d.syntax(err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, d.errf(&doc, "", "not a YAML document")
	}
	return resolve(doc.Content[0]), nil
}

// syntax converts a YAML parser error, "yaml: line N: problem", to an
// *Error.
//
// go.yaml.in/yaml/v3 numbers lines from 1 in scanner errors but from 0 in
// parser errors (decode.go, (*parser).fail, adds 1 only for the former), and
// leaves the line out when that 0-based line is 0. The parser's problems are
// a short fixed list, so they are recognised here and their line corrected;
// TestParseErrors pins the behaviour for each kind.
func (d *decoder) syntax(err error) *Error {
	line, msg := yamlProblem(err, d.data)
	return &Error{File: d.file, Line: line, Msg: "bad YAML: " + msg, Err: err}
}

// yamlProblem returns the 1-based line and the problem of a YAML parser
// error on data (see syntax).
func yamlProblem(err error, data []byte) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, problem, ok := strings.Cut(rest, ": "); ok {
			if n, err := strconv.Atoi(num); err == nil {
				line, msg = n, problem
			}
		}
	}
	if isParserProblem(msg) {
		line++
	}
	if line == 0 {
		// Reader and composer errors carry no line: find the offending
		// byte where there is one, else point at the first line.
		line = badByteLine(data)
	}
	return line, msg
}

// badByteLine returns the line of the first byte YAML does not accept (a
// control character, invalid UTF-8, a tab where indentation is expected at
// the start of a line), or 1.
func badByteLine(data []byte) int {
	line := 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return line
		case r == '\n':
			line++
		case r == '\t' && (i == 0 || data[i-1] == '\n'):
			return line
		case r < 0x20 && r != '\t' && r != '\r':
			return line
		}
		i += size
	}
	return 1
}

// isParserProblem reports whether msg is one of the problems the YAML parser
// (rather than its scanner) reports: yaml.v3's parserc.go.
func isParserProblem(msg string) bool {
	switch msg {
	case "did not find expected <stream-start>",
		"did not find expected <document start>",
		"did not find expected node content",
		"did not find expected key",
		"did not find expected '-' indicator",
		"did not find expected ',' or ']'",
		"did not find expected ',' or '}'",
		"found duplicate %YAML directive",
		"found duplicate %TAG directive",
		"found incompatible YAML document",
		"found undefined tag handle":
		return true
	}
	return false
}

// version checks the version key before anything else.
func (d *decoder) version(root *yaml.Node) error {
	if root.Kind != yaml.MappingNode {
		return d.errf(root, "", "want a mapping of policy keys (%s), got %s", strings.Join(strings.Fields(topKeys), ", "), describe(root))
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := resolve(root.Content[i]), resolve(root.Content[i+1])
		if k.Kind != yaml.ScalarNode || k.Value != "version" {
			continue
		}
		if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!int" {
			return d.errf(v, "version", "want the integer %d, got %s", Version, describe(v))
		}
		var n int
		if err := v.Decode(&n); err != nil || n != Version {
			return d.errf(v, "version", "unsupported version %s; this datagate reads version %d", v.Value, Version)
		}
		d.p.Version = n
		return nil
	}
	return d.errf(root, "version", "missing; a policy starts with \"version: %d\"", Version)
}

// mapping checks that n is a mapping whose keys are distinct strings from
// allowed, and calls each for every pair in document order.
func (d *decoder) mapping(n *yaml.Node, path, keys string, each func(key string, v *yaml.Node) error) error {
	allowed := strings.Fields(keys)
	if n.Kind != yaml.MappingNode {
		return d.errf(n, path, "want a mapping with keys %s, got %s", strings.Join(allowed, ", "), describe(n))
	}
	lines := make(map[string]int)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), resolve(n.Content[i+1])
		if k.Kind != yaml.ScalarNode || k.ShortTag() != "!!str" {
			return d.errf(k, path, "want a key (%s), got %s", strings.Join(allowed, ", "), describe(k))
		}
		kp := join(path, k.Value)
		if !slices.Contains(allowed, k.Value) {
			return d.errf(k, kp, "unknown key; want one of %s", strings.Join(allowed, ", "))
		}
		if line, ok := lines[k.Value]; ok {
			return d.errf(k, kp, "key repeats the one at line %d", line)
		}
		lines[k.Value] = k.Line
		if err := each(k.Value, v); err != nil {
			return err
		}
	}
	return nil
}

// fields is mapping for a list item: it returns the values by key, for the
// caller to check in an order of its choosing.
func (d *decoder) fields(n *yaml.Node, path, keys string) (map[string]*yaml.Node, error) {
	m := make(map[string]*yaml.Node)
	err := d.mapping(n, path, keys, func(key string, v *yaml.Node) error {
		m[key] = v
		return nil
	})
	return m, err
}

// list checks that n is a sequence and calls each for every item with its
// key path. With nullOK, an empty value (null) is an empty list.
func (d *decoder) list(n *yaml.Node, path string, nullOK bool, each func(item *yaml.Node, path string) error) error {
	if nullOK && isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		return d.errf(n, path, "want a list, got %s", describe(n))
	}
	for i, item := range n.Content {
		if err := each(resolve(item), fmt.Sprintf("%s[%d]", path, i)); err != nil {
			return err
		}
	}
	return nil
}

// nonEmptyList is list for a list that must have items.
func (d *decoder) nonEmptyList(n *yaml.Node, path, what string, each func(item *yaml.Node, path string) error) error {
	if err := d.list(n, path, false, each); err != nil {
		return err
	}
	if len(n.Content) == 0 {
		return d.errf(n, path, "empty; want at least one %s", what)
	}
	return nil
}

// str returns the string value of a scalar.
func (d *decoder) str(n *yaml.Node, path string) (string, error) {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!str" {
		return "", d.errf(n, path, "want a string, got %s", describe(n))
	}
	return n.Value, nil
}

// argIndex returns the value of a scalar that must be a non-negative integer:
// an argument index.
func (d *decoder) argIndex(n *yaml.Node, path string) (int, error) {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" {
		return 0, d.errf(n, path, "want an argument index (0, 1, ...), got %s", describe(n))
	}
	var i int
	if err := n.Decode(&i); err != nil || i < 0 {
		return 0, d.errf(n, path, "argument index %s is out of range; indexes count from 0", n.Value)
	}
	return i, nil
}

// required returns the error for a missing key of the mapping n.
func (d *decoder) required(n *yaml.Node, path, key, what string) error {
	return d.errf(n, join(path, key), "missing; want %s", what)
}

func (d *decoder) allowedRegions(n *yaml.Node) error {
	const path = "allowed_regions"
	lines := make(map[string]int)
	return d.nonEmptyList(n, path, "region", func(item *yaml.Node, path string) error {
		r, err := d.str(item, path)
		if err != nil {
			return err
		}
		if problem := checkRegion(r); problem != "" {
			return d.errf(item, path, "%s", problem)
		}
		if line, ok := lines[r]; ok {
			return d.errf(item, path, "region %s repeats the one at line %d", r, line)
		}
		lines[r] = item.Line
		d.p.AllowedRegions = append(d.p.AllowedRegions, r)
		return nil
	})
}

// endpointSelectors are the keys of an endpoints entry that say what it
// applies to, with the input kind each selects ("" for hosts).
var endpointSelectors = []struct{ key, kind string }{
	{"hosts", ""},
	{"env", InputEnv},
	{"flags", InputFlag},
	{"config", InputConfig},
	{"fields", InputField},
}

func (d *decoder) endpoint(item *yaml.Node, path string) error {
	f, err := d.fields(item, path, endpointKeys)
	if err != nil {
		return err
	}
	rule := EndpointRule{Line: item.Line}
	ruleIndex := len(d.p.Endpoints)

	// Exactly one selector, checked in the order of the item's lines so
	// the error points at the second one.
	var key, kind string
	var sel *yaml.Node
	for _, s := range endpointSelectors {
		v, ok := f[s.key]
		if !ok {
			continue
		}
		if sel != nil {
			second, secondKey, firstKey := v, s.key, key
			if before(v, sel) {
				second, secondKey, firstKey = sel, key, s.key
			}
			return d.errf(second, join(path, secondKey), "an endpoints entry has exactly one of hosts, env, flags, config and fields; this one also has %s", firstKey)
		}
		key, kind, sel = s.key, s.kind, v
	}
	if sel == nil {
		return d.errf(item, path, "an endpoints entry needs one of hosts, env, flags, config or fields")
	}
	if kind == "" {
		err = d.nonEmptyList(sel, path+".hosts", "host pattern", func(h *yaml.Node, hp string) error {
			s, err := d.str(h, hp)
			if err != nil {
				return err
			}
			if problem := checkHostPattern(s); problem != "" {
				return d.errf(h, hp, "%s", problem)
			}
			key := normHost(s)
			if err := d.dup("endpoints", key, h, hp, fmt.Sprintf("host pattern %q", s)); err != nil {
				return err
			}
			if suffix, ok := strings.CutPrefix(key, "*."); ok {
				d.p.idx.wildHosts[suffix] = ruleIndex
			} else {
				d.p.idx.exactHosts[key] = ruleIndex
			}
			rule.Hosts = append(rule.Hosts, s)
			return nil
		})
	} else {
		rule.Input = kind
		err = d.nonEmptyList(sel, join(path, key), inputWhat[kind], func(n *yaml.Node, np string) error {
			s, err := d.str(n, np)
			if err != nil {
				return err
			}
			if problem := checkInputName(kind, s); problem != "" {
				return d.errf(n, np, "%s", problem)
			}
			k := inputKey{kind, s}
			if err := d.dup("endpoints", k, n, np, fmt.Sprintf("%s %q", inputWhat[kind], s)); err != nil {
				return err
			}
			d.p.idx.inputRules[k] = ruleIndex
			rule.Names = append(rule.Names, s)
			return nil
		})
	}
	if err != nil {
		return err
	}
	region, ok := f["region"]
	if !ok {
		return d.required(item, path, "region", "a country code, EU, EEA or internal")
	}
	if rule.Region, err = d.str(region, path+".region"); err != nil {
		return err
	}
	if problem := checkRegion(rule.Region); problem != "" {
		return d.errf(region, path+".region", "%s", problem)
	}
	d.p.Endpoints = append(d.p.Endpoints, rule)
	return nil
}

// inputWhat names an input kind in messages.
var inputWhat = map[string]string{
	InputEnv:    "environment variable",
	InputFlag:   "flag",
	InputConfig: "config key",
	InputField:  "config field",
}

// checkInputName checks the name of a configured input and returns the
// problem or "".
func checkInputName(kind, s string) string {
	switch {
	case s == "":
		return "empty " + inputWhat[kind]
	case strings.ContainsAny(s, " \t\r\n"):
		return fmt.Sprintf("%s %q contains white space", inputWhat[kind], s)
	}
	switch kind {
	case InputEnv:
		if strings.Contains(s, "=") {
			return fmt.Sprintf("environment variable %q contains '='", s)
		}
	case InputFlag:
		if strings.HasPrefix(s, "-") {
			return fmt.Sprintf("flag %q: write the flag's name without dashes (%s)", s, strings.TrimLeft(s, "-"))
		}
		if strings.Contains(s, "=") {
			return fmt.Sprintf("flag %q contains '='", s)
		}
	case InputField:
		if _, _, _, problem := parseField(s); problem != "" {
			return problem
		}
	}
	return ""
}

// exclude reads an exclude entry: a go package pattern, relative to the
// module root ("./pkg/testhelpers/...") or an import path pattern.
func (d *decoder) exclude(item *yaml.Node, path string) error {
	s, err := d.str(item, path)
	if err != nil {
		return err
	}
	if problem := checkPattern(s); problem != "" {
		return d.errf(item, path, "%s", problem)
	}
	if err := d.dup("exclude", s, item, path, fmt.Sprintf("pattern %q", s)); err != nil {
		return err
	}
	d.p.Exclude = append(d.p.Exclude, s)
	return nil
}

// categories reads the per-category residency: a mapping from a category
// to its own allowed_regions, where "any" allows every region.
func (d *decoder) categories(n *yaml.Node) error {
	const path = "categories"
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return d.errf(n, path, "want a mapping from categories to their allowed_regions, got %s", describe(n))
	}
	lines := make(map[string]int)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), resolve(n.Content[i+1])
		if k.Kind != yaml.ScalarNode || k.ShortTag() != "!!str" {
			return d.errf(k, path, "want a category, got %s", describe(k))
		}
		cp := join(path, k.Value)
		if !validCategory(k.Value) {
			return d.errf(k, cp, "category %q: want [a-z][a-z0-9_.-]*, as in a userdata tag", k.Value)
		}
		if line, ok := lines[k.Value]; ok {
			return d.errf(k, cp, "category repeats the one at line %d", line)
		}
		lines[k.Value] = k.Line
		var allowed []string
		hasRegions := false
		err := d.mapping(v, cp, categoryKeys, func(key string, rv *yaml.Node) error {
			hasRegions = true
			rp := join(cp, key)
			seen := make(map[string]int)
			return d.nonEmptyList(rv, rp, "region or any", func(item *yaml.Node, ip string) error {
				r, err := d.str(item, ip)
				if err != nil {
					return err
				}
				if r != AnyRegion {
					if problem := checkRegion(r); problem != "" {
						return d.errf(item, ip, "%s, or any", problem)
					}
				}
				if line, ok := seen[r]; ok {
					return d.errf(item, ip, "region %s repeats the one at line %d", r, line)
				}
				seen[r] = item.Line
				if r == AnyRegion && len(rv.Content) > 1 {
					return d.errf(item, ip, "any allows every region; list nothing else with it")
				}
				allowed = append(allowed, r)
				return nil
			})
		})
		if err != nil {
			return err
		}
		if !hasRegions {
			return d.required(v, cp, "allowed_regions", "the regions data of this category may go to, or [any]")
		}
		if d.p.Categories == nil {
			d.p.Categories = make(map[string][]string)
		}
		d.p.Categories[k.Value] = allowed
	}
	return nil
}

// funcName reads a function or method name (with typeOK, possibly a type).
func (d *decoder) funcName(n *yaml.Node, path string, typeOK bool) (Name, error) {
	s, err := d.str(n, path)
	if err != nil {
		return Name{}, err
	}
	name, problem := parseFunc(s, typeOK)
	if problem != "" {
		return Name{}, d.errf(n, path, "%s", problem)
	}
	name.Line = n.Line
	return name, nil
}

func (d *decoder) gateway(item *yaml.Node, path string) error {
	name, err := d.funcName(item, path, true)
	if err != nil {
		return err
	}
	if err := d.dup("gateway", name.funcKey(), item, path, fmt.Sprintf("gateway %q", name.Text)); err != nil {
		return err
	}
	d.p.idx.gatewayFuncs[name.funcKey()] = true
	if name.IsType {
		d.p.idx.gatewayTypes[typeKey{name.Pkg, name.Func}] = true
	}
	d.p.Gateway = append(d.p.Gateway, name)
	return nil
}

func (d *decoder) sanitizer(item *yaml.Node, path string) error {
	name, err := d.funcName(item, path, false)
	if err != nil {
		return err
	}
	if err := d.dup("sanitizers", name.funcKey(), item, path, fmt.Sprintf("sanitizer %q", name.Text)); err != nil {
		return err
	}
	d.p.idx.sanitizers[name.funcKey()] = true
	d.p.Sanitizers = append(d.p.Sanitizers, name)
	return nil
}

func (d *decoder) source(item *yaml.Node, path string) error {
	f, err := d.fields(item, path, sourceKeys)
	if err != nil {
		return err
	}
	src := Source{Category: DefaultCategory, Line: item.Line}
	if c, ok := f["category"]; ok && !isNull(c) {
		cp := path + ".category"
		s, err := d.str(c, cp)
		if err != nil {
			return err
		}
		if s != "" && !validCategory(s) {
			return d.errf(c, cp, "category %q: want [a-z][a-z0-9_.-]*, as in a userdata tag", s)
		}
		if s != "" {
			src.Category = s
		}
	}

	// Exactly one of field, type and func, checked in the order of the
	// item's lines so the error points at the second one.
	var kind string
	var node *yaml.Node
	for _, k := range []string{"field", "type", "func"} {
		v, ok := f[k]
		if !ok {
			continue
		}
		if node != nil {
			second, secondKind, firstKind := v, k, kind
			if before(v, node) {
				second, secondKind, firstKind = node, kind, k
			}
			return d.errf(second, join(path, secondKind), "a source has exactly one of field, type and func; this one also has %s", firstKind)
		}
		kind, node = k, v
	}
	if node == nil {
		return d.errf(item, path, "a source needs one of field, type or func")
	}
	kp := join(path, kind)
	s, err := d.str(node, kp)
	if err != nil {
		return err
	}
	var key any
	switch kind {
	case "field":
		pkg, typ, field, problem := parseField(s)
		if problem != "" {
			return d.errf(node, kp, "%s", problem)
		}
		key = fieldKey{pkg, typ, field}
		src.Field = s
	case "type":
		pkg, typ, problem := parseType(s)
		if problem != "" {
			return d.errf(node, kp, "%s", problem)
		}
		key = typeKey{pkg, typ}
		src.Type = s
	case "func":
		name, problem := parseFunc(s, false)
		if problem != "" {
			return d.errf(node, kp, "%s", problem)
		}
		key = name.funcKey()
		src.Func = s
	}
	if err := d.dup("sources", key, node, kp, fmt.Sprintf("source %s %q", kind, s)); err != nil {
		return err
	}
	switch k := key.(type) {
	case fieldKey:
		d.p.idx.fieldSources[k] = src.Category
	case typeKey:
		d.p.idx.typeSources[k] = src.Category
	case funcKey:
		d.p.idx.funcSources[k] = src.Category
	}
	d.p.Sources = append(d.p.Sources, src)
	return nil
}

// validCategory reports whether s matches [a-z][a-z0-9_.-]*.
func validCategory(s string) bool {
	for i, r := range s {
		switch {
		case 'a' <= r && r <= 'z':
		case i > 0 && ('0' <= r && r <= '9' || r == '_' || r == '.' || r == '-'):
		default:
			return false
		}
	}
	return s != ""
}

// funcEntry reads the func key of a propagator or sink and records it in
// section, reporting a repeat.
func (d *decoder) funcEntry(item *yaml.Node, path, section string, f map[string]*yaml.Node) (Name, error) {
	v, ok := f["func"]
	if !ok {
		return Name{}, d.required(item, path, "func", "a function or method name")
	}
	fp := path + ".func"
	name, err := d.funcName(v, fp, false)
	if err != nil {
		return Name{}, err
	}
	what := strings.TrimSuffix(section, "s")
	if err := d.dup(section, name.funcKey(), v, fp, fmt.Sprintf("%s for %q", what, name.Text)); err != nil {
		return Name{}, err
	}
	return name, nil
}

func (d *decoder) propagator(item *yaml.Node, path string) error {
	f, err := d.fields(item, path, propagatorKeys)
	if err != nil {
		return err
	}
	name, err := d.funcEntry(item, path, "propagators", f)
	if err != nil {
		return err
	}
	prop := Propagator{Func: name.Text, Line: item.Line}
	if prop.From, err = d.ports(item, f, path, "from", name, false); err != nil {
		return err
	}
	if prop.To, err = d.ports(item, f, path, "to", name, true); err != nil {
		return err
	}
	d.p.idx.propagators[name.funcKey()] = len(d.p.Propagators)
	d.p.Propagators = append(d.p.Propagators, prop)
	return nil
}

// ports reads a propagator's from or to list (with resultOK, to).
func (d *decoder) ports(item *yaml.Node, f map[string]*yaml.Node, path, key string, fn Name, resultOK bool) ([]Port, error) {
	want, what := `argument indexes or "receiver"`, `argument index or "receiver"`
	if resultOK {
		want, what = `"result", "receiver" or argument indexes`, `of "result", "receiver" or an argument index`
	}
	n, ok := f[key]
	if !ok {
		return nil, d.required(item, path, key, "a list of "+want)
	}
	var ports []Port
	lines := make(map[Port]int)
	err := d.nonEmptyList(n, join(path, key), what, func(v *yaml.Node, vp string) error {
		var port Port
		switch {
		case v.Kind == yaml.ScalarNode && v.ShortTag() == "!!int":
			i, err := d.argIndex(v, vp)
			if err != nil {
				return err
			}
			port.Index = i
		case v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str" && v.Value == "receiver":
			if fn.Recv == "" {
				return d.errf(v, vp, "%q is not a method and has no receiver", fn.Text)
			}
			port = Port{Receiver: true, Index: -1}
		case resultOK && v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str" && v.Value == "result":
			port = Port{Result: true, Index: -1}
		default:
			return d.errf(v, vp, "want %s, got %s", want, describeValue(v))
		}
		if line, ok := lines[port]; ok {
			return d.errf(v, vp, "%s repeats the one at line %d", port, line)
		}
		lines[port] = v.Line
		ports = append(ports, port)
		return nil
	})
	return ports, err
}

func (d *decoder) sink(item *yaml.Node, path string) error {
	f, err := d.fields(item, path, sinkKeys)
	if err != nil {
		return err
	}
	name, err := d.funcEntry(item, path, "sinks", f)
	if err != nil {
		return err
	}
	sink := Sink{Func: name.Text, EndpointArg: -1, Kind: KindSink, Line: item.Line}

	args, ok := f["args"]
	if !ok {
		return d.required(item, path, "args", "a list of the indexes of the arguments that carry data")
	}
	lines := make(map[int]int)
	err = d.nonEmptyList(args, path+".args", "argument index", func(v *yaml.Node, vp string) error {
		i, err := d.argIndex(v, vp)
		if err != nil {
			return err
		}
		if line, ok := lines[i]; ok {
			return d.errf(v, vp, "argument %d repeats the one at line %d", i, line)
		}
		lines[i] = v.Line
		sink.Args = append(sink.Args, i)
		return nil
	})
	if err != nil {
		return err
	}

	ep, hasEP := f["endpoint"]
	epArg, hasArg := f["endpoint_arg"]
	if hasEP && hasArg {
		second, key := epArg, "endpoint_arg"
		if before(epArg, ep) {
			second, key = ep, "endpoint"
		}
		return d.errf(second, join(path, key), "a sink has at most one of endpoint and endpoint_arg")
	}
	if hasEP {
		s, err := d.str(ep, path+".endpoint")
		if err != nil {
			return err
		}
		host, problem := parseEndpoint(s)
		if problem != "" {
			return d.errf(ep, path+".endpoint", "%s", problem)
		}
		sink.Endpoint, sink.EndpointHost = s, host
	}
	if hasArg {
		if sink.EndpointArg, err = d.argIndex(epArg, path+".endpoint_arg"); err != nil {
			return err
		}
	}

	if k, ok := f["kind"]; ok {
		s, err := d.str(k, path+".kind")
		if err != nil {
			return err
		}
		if !validKind(s) {
			return d.errf(k, path+".kind", "unknown kind %q; want one of %s, %s, %s, %s, %s or %s",
				s, KindHTTP, KindSQL, KindSMTP, KindGRPC, KindNet, KindSink)
		}
		sink.Kind = s
	}

	d.p.idx.sinks[name.funcKey()] = len(d.p.Sinks)
	d.p.Sinks = append(d.p.Sinks, sink)
	return nil
}

// checkRegion checks a region name, exactly as spelt, and returns the
// problem or "".
func checkRegion(r string) string {
	if regions.Valid(r) {
		return ""
	}
	for _, alt := range []string{strings.ToUpper(r), strings.ToLower(r)} {
		if regions.Valid(alt) {
			return fmt.Sprintf("unknown region %q; did you mean %q? (country codes, EU and EEA are upper case, internal is lower case)", r, alt)
		}
	}
	return fmt.Sprintf("unknown region %q; want an ISO 3166-1 alpha-2 country code (DE, IE, US), EU, EEA or internal", r)
}

// before reports whether node a comes before node b in the file.
func before(a, b *yaml.Node) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Column < b.Column
}

// resolve follows an alias to the node it stands for.
func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// describe names the kind of a node for messages: "a list", "a string".
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return "nothing"
		case "!!str":
			return "a string"
		case "!!int":
			return "an integer"
		case "!!float":
			return "a number"
		case "!!bool":
			return "a boolean"
		}
		return "a " + strings.TrimPrefix(n.ShortTag(), "!!")
	}
	return "an unexpected YAML node"
}

// describeValue is describe followed by the scalar's value, if any.
func describeValue(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode && !isNull(n) {
		return fmt.Sprintf("%s %q", describe(n), n.Value)
	}
	return describe(n)
}

// join appends key to a key path.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
