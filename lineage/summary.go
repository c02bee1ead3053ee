package lineage

import (
	"slices"
	"sort"
	"strconv"
	"strings"
)

// A Summary says what a function does with user data, in terms of its
// parameters, so that callers (in this package or, through go/analysis
// facts, in packages further up) apply it at each call without walking the
// function's body again.
//
// Parameters are numbered as in SSA: a method's receiver is parameter 0.
// Closures number their free variables after their parameters.
type Summary struct {
	// Edges: data passed in at From reaches To.
	Edges []Edge
	// Gens: the function itself produces user data at To (it reads a
	// tagged field of a value it obtains, or calls a source).
	Gens []Gen
	// Exits: data passed in at From (or produced inside, when From is nil)
	// leaves the process at Exit.
	Exits []ExitEdge
	// Strs: string values the function stores at its outputs (a
	// constructor setting a client's base URL), for endpoint resolution.
	Strs []StrOut
	// Calls: the function calls a function it was given (a callback, an
	// iterator's yield) with data; callers apply the functions they pass.
	Calls []CallEdge
	// Limit is set when a limit was hit while summarising: the summary is
	// conservative (every parameter reaches every result) and says why.
	Limit string
}

// PortKind says what a Port names.
type PortKind uint8

// Port kinds.
const (
	PortParam  PortKind = iota // a parameter (its value and what it points to)
	PortResult                 // a result
)

// Port is a place where data enters or leaves a function.
type Port struct {
	Kind  PortKind
	Index int
	Path  string // access path below the port
	Whole bool   // used as a whole value (see origin.whole)
}

func (p Port) String() string {
	k := "param"
	if p.Kind == PortResult {
		k = "result"
	}
	if p.Whole {
		return k + itoa(p.Index) + p.Path + "(whole)"
	}
	return k + itoa(p.Index) + p.Path
}

// Edge is data flowing from one port to another.
type Edge struct {
	From, To  Port
	Sanitized bool
	Steps     []Step
}

// Gen is user data that a function produces by itself at a port.
type Gen struct {
	Label     Label
	To        Port
	Sanitized bool
	Steps     []Step
}

// ExitEdge is data reaching an exit.
type ExitEdge struct {
	// From is the parameter whose data reaches the exit; nil when the data
	// is produced inside (Labels then says which).
	From      *Port
	Labels    []Label
	Sanitized bool
	Exit      Exit
	// Endpoint is the exit's destination in terms of the function's
	// parameters; callers substitute their arguments.
	Endpoint StrExpr
	Steps    []Step
	// Enc is the serialiser the exit uses the parameter's data with
	// ("json", "db"), for the fields it leaves out (json:"-", a mapper's
	// associations): callers apply it to what they pass.
	Enc string `json:",omitempty"`
	// Cols, when not 0, is 1 + the index of the parameter that names the
	// columns a mapper writes of From (UpdateQuery(m, columns...) in a
	// helper given the names): callers that pass constant names count
	// only those columns of what they pass (columnsTree).
	Cols int `json:",omitempty"`
}

// CallEdge is a call of a function-typed parameter.
type CallEdge struct {
	Func Port // the parameter holding the function
	Args []CallArg
}

// CallArg is data passed to argument Index of a called parameter: from a
// parameter of the caller (From), or produced inside (Label).
type CallArg struct {
	Index     int
	From      *Port
	Label     *Label
	Sanitized bool
	Steps     []Step
}

// StrOut is a string value the function leaves at a port.
type StrOut struct {
	To    Port
	Value StrExpr
}

// String renders the summary compactly and deterministically, for tests
// (`// want fn:"summary(...)"`) and debugging. Steps are left out.
func (s *Summary) String() string {
	var parts []string
	for _, e := range s.Edges {
		parts = append(parts, e.From.String()+"->"+e.To.String()+san(e.Sanitized))
	}
	for _, g := range s.Gens {
		parts = append(parts, g.Label.ShortField()+"->"+g.To.String()+san(g.Sanitized))
	}
	for _, x := range s.Exits {
		from := ""
		if x.From != nil {
			from = x.From.String()
		} else {
			var ls []string
			for _, l := range x.Labels {
				ls = append(ls, l.ShortField())
			}
			from = strings.Join(ls, "+")
		}
		ep := ""
		if len(x.Endpoint) > 0 {
			ep = "@" + x.Endpoint.String()
		}
		cols := ""
		if x.Cols > 0 {
			cols = " columns $" + strconv.Itoa(x.Cols-1)
		}
		parts = append(parts, from+"->exit("+shortName(x.Exit.Callee)+ep+cols+")"+san(x.Sanitized))
	}
	for _, c := range s.Calls {
		for _, a := range c.Args {
			from := ""
			if a.From != nil {
				from = a.From.String()
			} else if a.Label != nil {
				from = a.Label.ShortField()
			}
			parts = append(parts, from+"->call("+c.Func.String()+", arg"+itoa(a.Index)+")")
		}
	}
	for _, o := range s.Strs {
		parts = append(parts, o.To.String()+"="+o.Value.String())
	}
	sort.Strings(parts)
	if s.Limit != "" {
		parts = append(parts, "limit: "+s.Limit)
	}
	return "summary(" + strings.Join(parts, "; ") + ")"
}

func san(b bool) string {
	if b {
		return "(sanitized)"
	}
	return ""
}

// shortName drops the import path directories from a FullName:
// "(*net/http.Client).Do" -> "(*http.Client).Do".
func shortName(full string) string {
	pre, rest := "", full
	if strings.HasPrefix(rest, "(*") {
		pre, rest = "(*", rest[2:]
	} else if strings.HasPrefix(rest, "(") {
		pre, rest = "(", rest[1:]
	}
	if slash := strings.LastIndex(rest, "/"); slash >= 0 {
		rest = rest[slash+1:]
	}
	return pre + rest
}

// ShortName is shortName for other packages (messages, reports).
func ShortName(full string) string { return shortName(full) }

// WithoutSteps returns a copy of the summary whose edges, gens, exits and
// callback arguments have no steps: all it says about data, none of the
// trace that shows a reader how. s is unchanged.
func (s *Summary) WithoutSteps() *Summary {
	out := *s
	out.Edges = slices.Clone(s.Edges)
	for i := range out.Edges {
		out.Edges[i].Steps = nil
	}
	out.Gens = slices.Clone(s.Gens)
	for i := range out.Gens {
		out.Gens[i].Steps = nil
	}
	out.Exits = slices.Clone(s.Exits)
	for i := range out.Exits {
		out.Exits[i].Steps = nil
	}
	out.Calls = slices.Clone(s.Calls)
	for i := range out.Calls {
		args := slices.Clone(out.Calls[i].Args)
		for j := range args {
			args[j].Steps = nil
		}
		out.Calls[i].Args = args
	}
	return &out
}

// IsEmpty reports whether the summary says nothing.
func (s *Summary) IsEmpty() bool {
	return len(s.Edges) == 0 && len(s.Gens) == 0 && len(s.Exits) == 0 && len(s.Strs) == 0 && len(s.Calls) == 0 && s.Limit == ""
}
