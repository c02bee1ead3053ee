package lineage

import (
	"github.com/datagate/datagate/knowledge"
	"strconv"
	"strings"
	"sync"
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
	src      string
}

type endpointSpec struct {
	kind  byte // 'a' argument value, 'o' object's endpoint, 0 none, 'f' fixed
	index int
	path  string
	fixed string
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
	inputs   map[string]*parsedInput
}

var defaultModels = sync.OnceValue(func() *modelIndex {
	idx := &modelIndex{
		models:   make(map[string]*parsedModel),
		exits:    make(map[string]*parsedExit),
		creators: make(map[string]*parsedCreator),
		inputs:   make(map[string]*parsedInput),
	}
	for _, m := range knowledge.Models {
		if _, dup := idx.models[m.Func]; dup {
			panic("lineage: duplicate model " + m.Func)
		}
		idx.models[m.Func] = &parsedModel{flows: mustFlows(m.Flows), alias: mustAlias(m.Alias), src: m.Source}
	}
	for _, x := range knowledge.Exits {
		idx.exits[x.Func] = &parsedExit{kind: x.Kind, data: mustPorts(x.Data), endpoint: mustEndpoint(x.Endpoint), src: x.Source}
	}
	for _, c := range knowledge.Creators {
		idx.creators[c.Func] = &parsedCreator{kind: c.Kind, conn: c.Conn, endpoint: mustEndpoint(c.Endpoint)}
	}
	for _, in := range knowledge.Inputs {
		if _, dup := idx.inputs[in.Func]; dup {
			panic("lineage: duplicate input " + in.Func)
		}
		idx.inputs[in.Func] = mustInput(in)
	}
	return idx
})

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
	p := portSpec{field: -1}
	if i := strings.Index(s, ".$"); i > 0 {
		p.field = mustInt(s[i+2:])
		s = s[:i]
	}
	if enc, ok := strings.CutPrefix(s[strings.IndexByte(s+":", ':'):], ":"); ok {
		p.enc = enc
		s = s[:strings.IndexByte(s, ':')]
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
	switch {
	case s == "":
		return endpointSpec{}
	case strings.HasPrefix(s, "arg:"):
		return endpointSpec{kind: 'a', index: mustInt(s[4:])}
	case strings.HasPrefix(s, "obj:"):
		n, path, _ := strings.Cut(s[4:], ".")
		if path != "" {
			path = "." + path
		}
		return endpointSpec{kind: 'o', index: mustInt(n), path: path}
	case strings.HasPrefix(s, "~"):
		return endpointSpec{kind: 'o', index: mustInt(s[1:])}
	}
	panic("lineage: bad endpoint " + s)
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
	if _, ok := idx.exits[name]; ok {
		return true
	}
	if _, ok := idx.creators[name]; ok {
		return true
	}
	return idx.model(name) != nil
}
