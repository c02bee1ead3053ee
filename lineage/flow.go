// Package lineage is datagate's engine: it follows user data through SSA
// from the fields that hold it to the calls where it leaves the process, and
// describes each such flow with its path, its exit and the exit's endpoints.
//
// The types in this file are the engine's output. They are plain data, with
// positions as file/line/column rather than token.Pos, so that they can be
// carried in go/analysis facts (gob), merged across packages by the command,
// and written as text, JSON or SARIF.
package lineage

import (
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/datagate/datagate/knowledge"
)

// Position is a source position. File is an absolute path; Line and Col are
// 1-based, Col counting bytes as go/token does.
type Position struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
}

func (p Position) String() string {
	if p.File == "" {
		return "-"
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// IsValid reports whether p names a place in a file.
func (p Position) IsValid() bool { return p.File != "" && p.Line > 0 }

// Less orders positions by file, line and column.
func (p Position) Less(q Position) bool {
	if p.File != q.File {
		return p.File < q.File
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}

// Label names one kind of user data: a tagged (or policy-declared) field and
// its category.
type Label struct {
	// Field is "importpath.Type.Field", e.g. "example.com/demo/model.User.Email".
	Field string `json:"field"`
	// Category is the userdata tag value, "personal" when the tag is empty.
	Category string `json:"category"`
	// Decl is where the field is declared (or the source function, for a
	// policy func source).
	Decl Position `json:"decl"`
}

// ShortField returns the field without its import path directory:
// "model.User.Email".
func (l Label) ShortField() string {
	if i := strings.LastIndex(l.Field, "/"); i >= 0 {
		return l.Field[i+1:]
	}
	return l.Field
}

// Step is one step of a flow's path: where it happened and what happened.
type Step struct {
	Pos  Position `json:"pos"`
	Desc string   `json:"desc"`
}

// Exit kinds (defined with the tables that use them, in package knowledge).
const (
	ExitHTTP    = knowledge.ExitHTTP
	ExitSQL     = knowledge.ExitSQL
	ExitSMTP    = knowledge.ExitSMTP
	ExitGRPC    = knowledge.ExitGRPC
	ExitNet     = knowledge.ExitNet
	ExitSink    = knowledge.ExitSink
	ExitGateway = knowledge.ExitGateway
)

// Exit is a call where data leaves the process.
type Exit struct {
	Pos    Position `json:"pos"`
	Kind   string   `json:"kind"`
	Callee string   `json:"callee"` // types.Func.FullName of the called function
	Func   string   `json:"func"`   // FullName of the function that contains the call
	// Generated is set when the exit lies in generated code.
	Generated bool `json:"generated,omitempty"`
}

// Package returns the import path of the package whose code holds the exit
// call (from Func); "" when not known.
func (x Exit) Package() string { return PackageOf(x.Func) }

// PackageOf returns the import path in a types.Func.FullName-style name:
// "example.com/a/b" for "example.com/a/b.F", "(*example.com/a/b.T).M" and
// "example.com/a/b.F$1".
func PackageOf(name string) string {
	name = strings.TrimLeft(name, "(*")
	if i := strings.IndexByte(name, '['); i >= 0 {
		name = name[:i]
	}
	slash := strings.LastIndexByte(name, '/')
	dot := strings.IndexByte(name[slash+1:], '.')
	if dot < 0 {
		return ""
	}
	return name[:slash+1+dot]
}

// Endpoint is one possible destination of an exit.
type Endpoint struct {
	// Value is the statically known URL, address or DSN ("" when unresolved).
	Value string `json:"value,omitempty"`
	// Host is the host name or IP address taken from Value.
	Host string `json:"host,omitempty"`
	// Region is a country code, EU, EEA or internal; "" when unknown.
	Region string `json:"region,omitempty"`
	// RegionWhy says how the region was decided (policy line, catalog entry
	// and its source, internal address).
	RegionWhy string `json:"region_why,omitempty"`
	// Unresolved is the reason the destination is not known statically, e.g.
	// "environment variable ANALYTICS_URL".
	Unresolved string `json:"unresolved,omitempty"`
	// Def is where the endpoint's value is defined, when known.
	Def Position `json:"def,omitzero"`
	// Input is what decides the destination when the code does not: the
	// configured input it comes from (an environment variable, a flag, a
	// config key or field), or, for an unresolved endpoint, the parameter
	// or other value that stops the folding. Zero for a destination the
	// code fixes.
	Input Input `json:"input,omitzero"`
}

// Input kinds: what decides a destination the code does not fix.
const (
	InputEnv    = knowledge.InputEnv    // an environment variable (os.Getenv, an envconfig-style struct tag)
	InputFlag   = knowledge.InputFlag   // a command-line flag (flag, pflag, cobra)
	InputConfig = knowledge.InputConfig // a key of a config library (viper, koanf, a getter taking a constant key)
	InputField  = knowledge.InputField  // a field of a config struct never set to a constant
	InputParam  = "param"               // a parameter no caller resolved
	InputOther  = "other"               // anything else (a call's result, a package variable, a limit)
)

// Input names what decides an endpoint's destination. For the configured
// kinds (env, flag, config, field) it is what a policy endpoints entry
// matches (README, "Configured destinations").
type Input struct {
	Kind string `json:"kind"`
	// Name is the environment variable (SMTP_ADDR), the flag without its
	// dash (smtp-host), the config key (courier.smtp.connection_uri), the
	// field in types.Func.FullName form (example.com/cfg.Config.BrokerURL),
	// or the parameter's name; "" when not known statically.
	Name string `json:"name,omitempty"`
	// Param marks a value that is a parameter of the exit's function, or
	// a field of one: the function's callers may resolve it.
	Param bool `json:"param,omitempty"`
	// Value and From are the value a deploy file gives the input and where
	// ("deploy/k8s/api.yaml:41", relative to the module root), when the
	// endpoint was resolved from one.
	Value string `json:"value,omitempty"`
	From  string `json:"from,omitempty"`
	// Rule is the line of the policy endpoints entry that gives the input
	// its region, when one does.
	Rule int `json:"rule,omitempty"`
}

// Configured reports whether the input is one a policy endpoints entry or a
// deploy file can give a value: an environment variable, a flag, a config
// key or a config field.
func (in Input) Configured() bool {
	switch in.Kind {
	case InputEnv, InputFlag, InputConfig, InputField:
		return true
	}
	return false
}

// Describe names a configured input as messages do: "environment variable
// SMTP_ADDR", "flag -smtp-host", "config key smtp.host", "config field
// Config.URL" (the field's type without its import path); "" for the other
// kinds.
func (in Input) Describe() string {
	name := in.Name
	if name == "" {
		name = "?"
	}
	switch in.Kind {
	case InputEnv:
		return "environment variable " + name
	case InputFlag:
		return "flag -" + name
	case InputConfig:
		return "config key " + name
	case InputField:
		if i := strings.LastIndex(name, "/"); i >= 0 {
			name = name[i+1:]
		}
		if i := strings.Index(name, "."); i >= 0 {
			name = name[i+1:]
		}
		return "config field " + name
	}
	return ""
}

// Deployed describes a value from a deploy file: "environment variable
// SMTP_ADDR = smtp.eu.mailgun.org:587 (deploy/k8s/api.yaml:41)"; "" when the
// input has none.
func (in Input) Deployed() string {
	if in.From == "" {
		return ""
	}
	return in.Describe() + " = " + in.Value + " (" + in.From + ")"
}

// String renders the endpoint for messages.
func (e Endpoint) String() string {
	switch {
	case e.Unresolved != "":
		return "unresolved (" + e.Unresolved + ")"
	case e.Host == "":
		return e.Value
	}
	r := e.Region
	if r == "" {
		r = "unknown region"
	}
	return e.Host + " (" + r + ")"
}

// Flow is user data reaching an exit.
type Flow struct {
	Labels    []Label    `json:"labels"`
	Exit      Exit       `json:"exit"`
	Endpoints []Endpoint `json:"endpoints"`
	Path      []Step     `json:"path"`
	// PathCut is the number of steps dropped from the middle of Path to keep
	// it within limits (0 when the path is whole).
	PathCut int `json:"path_cut,omitempty"`
	// Sanitized flows passed a policy sanitizer; they are lineage, never
	// findings.
	Sanitized bool `json:"sanitized,omitempty"`
	// Via is the call in the analysed package that leads to an exit in
	// another package (go vet reports there). Zero when the exit is local.
	Via Position `json:"via,omitzero"`
	// ViaFunc is the function that contains Via.
	ViaFunc string `json:"via_func,omitempty"`
}

// EachPosition calls fn with each source position the flow holds (which
// fn may change: the cache moves a restored flow's positions in code that
// moved, see the driver's positions.go).
func (f *Flow) EachPosition(fn func(*Position)) {
	for i := range f.Labels {
		fn(&f.Labels[i].Decl)
	}
	fn(&f.Exit.Pos)
	for i := range f.Endpoints {
		fn(&f.Endpoints[i].Def)
	}
	for i := range f.Path {
		fn(&f.Path[i].Pos)
	}
	fn(&f.Via)
}

// Fields returns the flow's field names, sorted and unique.
func (f *Flow) Fields() []string {
	var out []string
	for _, l := range f.Labels {
		out = append(out, l.Field)
	}
	return uniq(out)
}

// Categories returns the flow's categories, sorted and unique.
func (f *Flow) Categories() []string {
	var out []string
	for _, l := range f.Labels {
		out = append(out, l.Category)
	}
	return uniq(out)
}

func uniq(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// Suppression is a //datagate:allow directive that applies to a finding.
type Suppression struct {
	Rule   string   `json:"rule"`
	Reason string   `json:"reason"`
	Until  string   `json:"until,omitempty"` // YYYY-MM-DD, optional expiry
	Pos    Position `json:"pos"`
}

// Finding is a flow that breaks a rule.
type Finding struct {
	Rule    string       `json:"rule"`  // e.g. "datagate/disallowed-region"
	Level   string       `json:"level"` // error, warning, note
	Message string       `json:"message"`
	Flow    Flow         `json:"flow"`
	Suppr   *Suppression `json:"suppression,omitempty"`
}

// ToolError is a failure to load or analyse one package.
type ToolError struct {
	Package string   `json:"package"`
	Pos     Position `json:"pos,omitzero"`
	Message string   `json:"message"`
}

// Carried is one user-data field inside a value: Path is how the engine
// names it from the value (".Email", ".Addr", ".Items[].Email"; pointers are
// transparent, "[]" is any element of a slice, array, map or channel).
type Carried struct {
	Path  string
	Label Label
	// Skip lists the serialisers that leave the field out ("json", "xml")
	// because of a `json:"-"` style tag on the field or on a field above it.
	Skip []string
}

// TagSkips returns the serialisers that leave out a struct field with this
// tag: those whose key says "-" (json:"-"), and for "db", the mappers'
// column names, also pop's associations (has_many, has_one, belongs_to,
// many_to_many), which are other tables' rows, not columns.
func TagSkips(tag string) []string {
	var out []string
	st := reflect.StructTag(tag)
	for _, enc := range []string{"json", "xml", "yaml", "bson", "db"} {
		if v, ok := st.Lookup(enc); ok && v == "-" {
			out = append(out, enc)
		}
	}
	if !slices.Contains(out, "db") {
		for _, assoc := range []string{"has_many", "has_one", "belongs_to", "many_to_many"} {
			if _, ok := st.Lookup(assoc); ok {
				out = append(out, "db")
				break
			}
		}
	}
	return out
}

// Skips reports whether the serialiser named enc ("json", "xml") leaves the
// field out.
func (c Carried) Skips(enc string) bool {
	for _, s := range c.Skip {
		if s == enc {
			return true
		}
	}
	return false
}
