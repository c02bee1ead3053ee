package lineage

import (
	"errors"
	"strconv"
	"strings"
	"sync"

	"github.com/datagate/datagate/knowledge"
)

// The tables of package knowledge are parsed once into an index; the index is
// immutable afterwards and shared by every analysis.

type portSpec struct {
	result bool // a result (index -1: all results)
	all    bool // every argument
	index  int
	rest   bool   // this argument and every one after it
	whole  bool   // used as a whole value
	typed  bool   // as a source: the value with its type's user-data fields at their paths
	enc    string // serialiser, for fields it skips
	// field: as a source, only the field of the argument whose name is the
	// constant string argument with this index ("0.$1": reflect's
	// FieldByName); -1 (or a name that is not constant) takes the
	// argument as a whole.
	field int
	// format: as a source, a variadic slice of values formatted by the
	// constant format string in the argument with this index ("1w%0":
	// fmt.Sprintf): a value printed with %T or %p gives its type or
	// address, not its data, and is left out. -1: none.
	format int
	// callback: as a target, parameter cb of the function passed as
	// argument index ("2(1)": fs.WalkDir hands its callback the entries
	// of the file system).
	callback bool
	cb       int
	// local: as a target, only what argument index points to that this
	// function made (a local value, a buffer a local writer wraps, a
	// connection), not a parameter's, a field's or a package variable's
	// memory: a logger writes into what it was made over, and a logger
	// kept in a field does not make its owner hold what was logged.
	local bool
	// cols: as a source used whole, only the struct fields whose column
	// names (their db tag, else their name) are the constant strings of
	// the variadic argument with this index ("1w:db@2": pop's
	// UpdateColumns(model, "status") writes that column only); none given,
	// or a name that is not constant: every field.
	cols   int
	byCols bool // cols is set
}

type flowSpec struct{ from, to portSpec }

type aliasSpec struct {
	result int // result index, -1 for the only result
	arg    int // the argument it aliases; -1 with fromResult
	// fromResult: result aliases another result (io.Pipe).
	fromResult int
}

type parsedModel struct {
	flows []flowSpec
	alias []aliasSpec
	src   string
}

type parsedExit struct {
	kind     string
	data     []portSpec
	endpoint endpointSpec
	op       string // the operation's name for people, or "" (see knowledge.ExitModel)
	src      string
}

// endpointSpec is a parsed endpoint spec (knowledge/models.go): one
// alternative, and in next the one used when the code does not set this
// one.
type endpointSpec struct {
	// kind: 'a' argument value, 'o' object's endpoint, 'f' fixed, 'p'
	// options, 's' setters, 'c' calls in the package, 'e' environment
	// variable, 'u' unknown, 't' template; 0 none.
	kind  byte
	index int
	path  string
	fixed string // 'f' the value; 'e' the variable; 'u' the reason; 'c' the function
	parts []tmplPart
	inner *endpointSpec // 'c': evaluated at each call
	next  *endpointSpec
}

// tmplPart is a literal piece of a template, or a slot.
type tmplPart struct {
	lit  string
	slot *endpointSpec
}

type parsedCreator struct {
	kind     string
	conn     bool
	endpoint endpointSpec // 'a' or 'o' (~N)
}

// parsedInput is a call that reads a configured input (knowledge.Inputs).
type parsedInput struct {
	kind    string
	nameArg int // the argument holding the input's name
	varArg  int // the argument pointing to the variable it fills; -1 for the result
}

type modelIndex struct {
	models   map[string]*parsedModel
	exits    map[string]*parsedExit
	creators map[string]*parsedCreator
	// settings: function -> path -> what the call sets there.
	settings map[string]map[string]*endpointSpec
	inputs   map[string]*parsedInput
}

var defaultModels = sync.OnceValue(func() *modelIndex {
	idx := &modelIndex{
		models:   make(map[string]*parsedModel),
		exits:    make(map[string]*parsedExit),
		creators: make(map[string]*parsedCreator),
		settings: make(map[string]map[string]*endpointSpec),
		inputs:   make(map[string]*parsedInput),
	}
	for _, m := range append(append([]knowledge.Model(nil), knowledge.Models...), knowledge.SDKModels...) {
		if _, dup := idx.models[m.Func]; dup {
			panic("lineage: duplicate model " + m.Func)
		}
		idx.models[m.Func] = &parsedModel{flows: mustFlows(m.Flows), alias: mustAlias(m.Alias), src: m.Source}
	}
	for _, x := range append(append([]knowledge.ExitModel(nil), knowledge.Exits...), knowledge.SDKExits...) {
		if _, dup := idx.exits[x.Func]; dup {
			panic("lineage: duplicate exit " + x.Func)
		}
		idx.exits[x.Func] = &parsedExit{kind: x.Kind, data: mustPorts(x.Data), endpoint: mustEndpoint(x.Endpoint), op: x.Op, src: x.Source}
	}
	for _, c := range append(append([]knowledge.CreatorModel(nil), knowledge.Creators...), knowledge.SDKCreators...) {
		if _, dup := idx.creators[c.Func]; dup {
			panic("lineage: duplicate creator " + c.Func)
		}
		idx.creators[c.Func] = &parsedCreator{kind: c.Kind, conn: c.Conn, endpoint: mustEndpoint(c.Endpoint)}
	}
	for _, st := range knowledge.Settings {
		m := idx.settings[st.Func]
		if m == nil {
			m = make(map[string]*endpointSpec)
			idx.settings[st.Func] = m
		}
		if _, dup := m[st.Path]; dup {
			panic("lineage: duplicate setting " + st.Func + " " + st.Path)
		}
		sp := mustEndpoint(st.Value)
		m[st.Path] = &sp
	}
	for _, in := range knowledge.Inputs {
		if _, dup := idx.inputs[in.Func]; dup {
			panic("lineage: duplicate input " + in.Func)
		}
		idx.inputs[in.Func] = mustInput(in)
	}
	return idx
})

// exit finds the exit model of a function: its own entry, else its
// receiver type's default ("(*pkg.T).*"), whose operation is named after
// the method.
func (idx *modelIndex) exit(name string) (*parsedExit, string) {
	if x, ok := idx.exits[name]; ok {
		op := x.op
		if op == "" {
			op = shortName(name)
		}
		return x, op
	}
	if !strings.HasPrefix(name, "(") {
		return nil, ""
	}
	i := strings.LastIndex(name, ".")
	if i < 0 {
		return nil, ""
	}
	if x, ok := idx.exits[name[:i]+".*"]; ok {
		op := name[i+1:]
		if x.op != "" {
			op = x.op + " " + op
		}
		return x, op
	}
	return nil, ""
}

// setting returns what a call of the function sets at path, or nil.
func (idx *modelIndex) setting(name, path string) *endpointSpec {
	return idx.settings[name][path]
}

// mustInput parses an input row's Args: "name:N" or "name:N var:M".
func mustInput(in knowledge.InputModel) *parsedInput {
	p := &parsedInput{kind: in.Kind, nameArg: -1, varArg: -1}
	for _, f := range strings.Fields(in.Args) {
		k, v, _ := strings.Cut(f, ":")
		switch k {
		case "name":
			p.nameArg = mustInt(v)
		case "var":
			p.varArg = mustInt(v)
		default:
			panic("lineage: bad input args " + in.Args)
		}
	}
	if p.nameArg < 0 {
		panic("lineage: input without a name argument " + in.Func)
	}
	return p
}

// model finds the model of a function: its own entry, else its package's
// or receiver type's default ("pkg.*", "(*pkg.T).*").
func (idx *modelIndex) model(name string) *parsedModel {
	if m, ok := idx.models[name]; ok {
		return m
	}
	if i := strings.LastIndex(name, "."); i > 0 {
		if m, ok := idx.models[name[:i]+".*"]; ok {
			return m
		}
		if strings.HasPrefix(name, "(") {
			return nil // methods do not fall back to package defaults
		}
	}
	return nil
}

func mustFlows(s string) []flowSpec {
	var out []flowSpec
	for _, part := range strings.Split(s, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		from, to, ok := strings.Cut(part, "->")
		if !ok {
			panic("lineage: bad flow " + part)
		}
		out = append(out, flowSpec{from: mustPort(from), to: mustPort(to)})
	}
	return out
}

func mustPorts(s string) []portSpec {
	var out []portSpec
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, mustPort(p))
		}
	}
	return out
}

func mustPort(s string) portSpec {
	s = strings.TrimSpace(s)
	p := portSpec{field: -1, format: -1}
	if i := strings.Index(s, "@"); i > 0 {
		p.cols, p.byCols = mustInt(s[i+1:]), true
		s = s[:i]
	}
	if i := strings.Index(s, "%"); i > 0 {
		p.format = mustInt(s[i+1:])
		s = s[:i]
	}
	if i := strings.IndexByte(s, '('); i > 0 && strings.HasSuffix(s, ")") {
		p.callback, p.cb = true, mustInt(s[i+1:len(s)-1])
		s = s[:i]
	}
	if i := strings.Index(s, ".$"); i > 0 {
		p.field = mustInt(s[i+2:])
		s = s[:i]
	}
	if enc, ok := strings.CutPrefix(s[strings.IndexByte(s+":", ':'):], ":"); ok {
		p.enc = enc
		s = s[:strings.IndexByte(s, ':')]
	}
	if strings.HasSuffix(s, "l") {
		p.local = true
		s = strings.TrimSuffix(s, "l")
	}
	if strings.HasSuffix(s, "t") {
		p.typed = true
		s = strings.TrimSuffix(s, "t")
	}
	if strings.HasSuffix(s, "w") {
		p.whole = true
		s = strings.TrimSuffix(s, "w")
	}
	if strings.HasSuffix(s, "+") {
		p.rest = true
		s = strings.TrimSuffix(s, "+")
	}
	switch {
	case s == "*":
		p.all = true
	case s == "r":
		p.result, p.index = true, -1
	case strings.HasPrefix(s, "r"):
		p.result = true
		p.index = mustInt(s[1:])
	default:
		p.index = mustInt(s)
	}
	return p
}

func mustAlias(s string) []aliasSpec {
	var out []aliasSpec
	for _, part := range strings.Split(s, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		l, r, ok := strings.Cut(part, "~")
		if !ok {
			panic("lineage: bad alias " + part)
		}
		a := aliasSpec{result: -1, arg: -1, fromResult: -1}
		if l != "r" {
			a.result = mustInt(strings.TrimPrefix(l, "r"))
		}
		if strings.HasPrefix(r, "r") {
			a.fromResult = mustInt(r[1:])
		} else {
			a.arg = mustInt(r)
		}
		out = append(out, a)
	}
	return out
}

func mustEndpoint(s string) endpointSpec {
	if s == "" {
		return endpointSpec{}
	}
	sp, err := parseSpec(s)
	if err != nil {
		panic("lineage: bad endpoint spec " + strconv.Quote(s) + ": " + err.Error())
	}
	return *sp
}

// parseSpec parses an endpoint spec: alternatives separated by " | ".
func parseSpec(s string) (*endpointSpec, error) {
	alts, err := splitAlts(s)
	if err != nil {
		return nil, err
	}
	var first, last *endpointSpec
	for _, a := range alts {
		sp, err := parseAlt(strings.TrimSpace(a))
		if err != nil {
			return nil, err
		}
		if first == nil {
			first = sp
		} else {
			last.next = sp
		}
		last = sp
	}
	return first, nil
}

// splitAlts splits s at the " | " outside templates and braces.
func splitAlts(s string) ([]string, error) {
	var out []string
	depth, quoted, start := 0, false, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' && depth == 0:
			quoted = !quoted
		case c == '{':
			depth++
		case c == '}':
			depth--
			if depth < 0 {
				return nil, errors.New("unbalanced }")
			}
		case c == '|' && depth == 0 && !quoted:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	if depth != 0 || quoted {
		return nil, errors.New("unbalanced { or quote")
	}
	return append(out, s[start:]), nil
}

func parseAlt(a string) (*endpointSpec, error) {
	num := func(s string) (int, error) {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return 0, errors.New("bad argument number " + strconv.Quote(s))
		}
		return n, nil
	}
	// argPath splits "N.Path" into N and ".Path".
	argPath := func(s string) (int, string, error) {
		n, path, _ := strings.Cut(s, ".")
		if path != "" {
			path = "." + path
		}
		i, err := num(n)
		return i, path, err
	}
	field := func(s string) (string, error) {
		if !strings.HasPrefix(s, ".") || len(s) < 2 {
			return "", errors.New("want a field path .Name, got " + strconv.Quote(s))
		}
		return s, nil
	}
	switch {
	case a == "":
		return nil, errors.New("empty alternative")
	case strings.HasPrefix(a, `"`):
		if len(a) < 2 || !strings.HasSuffix(a, `"`) {
			return nil, errors.New("unterminated template " + a)
		}
		return parseTemplate(a[1 : len(a)-1])
	case strings.HasPrefix(a, "arg:"):
		i, path, err := argPath(a[4:])
		return &endpointSpec{kind: 'a', index: i, path: path}, err
	case strings.HasPrefix(a, "obj:"):
		i, path, err := argPath(a[4:])
		return &endpointSpec{kind: 'o', index: i, path: path}, err
	case strings.HasPrefix(a, "~"):
		i, err := num(a[1:])
		return &endpointSpec{kind: 'o', index: i}, err
	case strings.HasPrefix(a, "opt:"):
		n, path, ok := strings.Cut(a[4:], ":")
		if !ok {
			return nil, errors.New("want opt:N:.Path, got " + a)
		}
		i, err := num(n)
		if err != nil {
			return nil, err
		}
		path, err = field(path)
		return &endpointSpec{kind: 'p', index: i, path: path}, err
	case strings.HasPrefix(a, "set:"):
		path, err := field(a[4:])
		return &endpointSpec{kind: 's', path: path}, err
	case strings.HasPrefix(a, "call:"):
		fn, rest, ok := strings.Cut(a[5:], "{")
		if !ok || !strings.HasSuffix(rest, "}") || fn == "" {
			return nil, errors.New("want call:FUNC{spec}, got " + a)
		}
		inner, err := parseSpec(rest[:len(rest)-1])
		return &endpointSpec{kind: 'c', fixed: fn, inner: inner}, err
	case strings.HasPrefix(a, "env:") && len(a) > 4:
		return &endpointSpec{kind: 'e', fixed: a[4:]}, nil
	case strings.HasPrefix(a, "?") && len(a) > 1:
		return &endpointSpec{kind: 'u', fixed: a[1:]}, nil
	}
	return nil, errors.New("unknown alternative " + strconv.Quote(a))
}

// parseTemplate parses the inside of a quoted template.
func parseTemplate(t string) (*endpointSpec, error) {
	var parts []tmplPart
	for t != "" {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			parts = append(parts, tmplPart{lit: t})
			break
		}
		if i > 0 {
			parts = append(parts, tmplPart{lit: t[:i]})
		}
		depth, j := 0, i
		for ; j < len(t); j++ {
			if t[j] == '{' {
				depth++
			} else if t[j] == '}' {
				if depth--; depth == 0 {
					break
				}
			}
		}
		if j == len(t) {
			return nil, errors.New("unterminated slot in template")
		}
		slot, err := parseSpec(t[i+1 : j])
		if err != nil {
			return nil, err
		}
		parts = append(parts, tmplPart{slot: slot})
		t = t[j+1:]
	}
	if len(parts) == 1 && parts[0].slot == nil {
		return &endpointSpec{kind: 'f', fixed: parts[0].lit}, nil
	}
	return &endpointSpec{kind: 't', parts: parts}, nil
}

func mustInt(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		panic("lineage: bad index " + s)
	}
	return n
}

func unquote(s string) (string, error) { return strconv.Unquote(s) }

// known reports whether a function has a model, an exit or a creator entry.
func (idx *modelIndex) known(name string) bool {
	if x, _ := idx.exit(name); x != nil {
		return true
	}
	if _, ok := idx.creators[name]; ok {
		return true
	}
	return idx.model(name) != nil
}
