// Package policy reads datagate's policy file, datagate.yaml: the regions
// user data may go to (allowed_regions), the region of the organisation's own
// hosts (endpoints), the sanctioned egress client (gateway), and the sources,
// sanitizers, propagators and sinks that extend the engine's built-in
// knowledge. README.md#policy is the contract for the file.
//
// # Strictness
//
// A policy decides what the gate lets through, so a typo must not weaken it
// silently. Parse walks the YAML node tree itself rather than unmarshalling
// into structs, and reports the first problem in document order as an *Error
// naming the file, the line and the key path (endpoints[1].hosts[0]): YAML
// syntax errors, unknown keys at any depth, repeated keys, a node of the wrong
// kind, a missing or unsupported version, malformed names, host patterns,
// endpoints and regions, and the same entry given twice. Version is checked
// before anything else, so that a file written for a later version is
// reported as such rather than as a list of unknown keys.
//
// Omitted sections are empty, except allowed_regions, which defaults to [EEA]
// as in the built-in default policy. A top-level list written as an empty
// value ("gateway:" with nothing after it) is an empty list; every other
// value must have the kind its key calls for.
//
// # Names
//
// Functions and methods are named as types.Func.FullName prints them:
//
//	example.com/pkg.Func
//	(*example.com/pkg.Type).Method
//	(example.com/pkg.Type).Method
//
// A gateway entry may also name a type, example.com/pkg.Type, which stands
// for every method declared on it, with a value or a pointer receiver. A
// field source is example.com/pkg.Type.Field, a type source
// example.com/pkg.Type.
//
// The package path is everything up to the last '/' and then up to the first
// '.' after it, so a path may contain dots in any element but the last
// (example.com/a/b.v2/c.Type). The one exception is a gopkg.in-style version
// suffix on the last element, as in gopkg.in/yaml.v3.Unmarshal, which stays
// part of the path. Every other part must be a Go identifier. The methods of
// a generic type may be written with their type parameters, as FullName
// gives them ((*example.com/pkg.List[T]).Push) or without.
//
// # Lookups
//
// Load, Parse and Default compile the lists into maps, so the engine's
// questions (IsGateway, Sink, FieldSource, EndpointRegion, ...) cost a map
// access each. Lookups take go/types objects and match them by package path,
// receiver type name and name, which has three consequences worth knowing:
// an instantiated generic function or method matches its generic
// declaration; a method matches whether it was written with "*" or not (a
// type cannot declare both, so no other method can be meant); and a method
// promoted into a type from an embedded field is a method of the embedded
// type, so it matches only entries naming that type.
//
// A Policy is immutable once built and safe for concurrent use. Build it
// with Load, Parse, ForDir or Default: a Policy written as a literal has no
// compiled maps and answers every lookup with false.
package policy

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/datagate/datagate/lineage/regions"
)

// FileName is the name of the policy file that Locate looks for.
const FileName = "datagate.yaml"

// EnvVar names the environment variable that holds a policy file path when
// no -policy flag is given.
const EnvVar = "DATAGATE_POLICY"

// Version is the only policy file version this package reads.
const Version = 1

// DefaultCategory is the category of a source whose category is omitted or
// empty, as for an empty userdata tag.
const DefaultCategory = "personal"

// Sink kinds: the protocol of an exit, which tells the engine how to read its
// endpoint. The values are those of the engine's exit kinds (lineage.Exit*).
const (
	KindHTTP = "http"
	KindSQL  = "sql"
	KindSMTP = "smtp"
	KindGRPC = "grpc"
	KindNet  = "net"
	KindSink = "sink" // the default: an exit of no particular protocol
)

// validKind reports whether k is one of the sink kinds.
func validKind(k string) bool {
	switch k {
	case KindHTTP, KindSQL, KindSMTP, KindGRPC, KindNet, KindSink:
		return true
	}
	return false
}

// Policy is a parsed and validated policy file. Line fields are 1-based
// lines in File.
type Policy struct {
	File           string   // absolute path; "" for the built-in default
	Version        int      // always Version
	AllowedRegions []string // where user data may go
	Endpoints      []EndpointRule
	Gateway        []Name
	Sources        []Source
	Sanitizers     []Name
	Propagators    []Propagator
	Sinks          []Sink
	// Deploy are the deploy globs, with the values read from the files
	// they match (deploy.go).
	Deploy []DeployGlob
	// Exclude are the package patterns whose exits are never reported.
	Exclude []string
	// Categories maps a category to its own allowed regions (AnyRegion
	// for every region); the others use AllowedRegions.
	Categories map[string][]string

	idx    index  // compiled lookups; see lookup.go
	digest string // see Digest
}

// Digest identifies what the policy says: its file's path and text and
// the values its deploy files give, hashed; "default" for the built-in
// default. Two policies with the same digest analyse alike: the
// standalone command's cache keys each package's results by it.
func (p *Policy) Digest() string {
	if p.digest == "" {
		return "default"
	}
	return p.digest
}

func digest(file string, data []byte, deployed []DeployValue) string {
	h := sha256.New()
	fmt.Fprintf(h, "%q %d\n", file, len(data))
	h.Write(data)
	for _, v := range deployed {
		fmt.Fprintf(h, "%q %q %q %q %d\n", v.Kind, v.Name, v.Value, v.File, v.Line)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// AnyRegion allows every region, in a category's allowed_regions.
const AnyRegion = "any"

// Input kinds an endpoints entry selects (the values of lineage.Input*).
const (
	InputEnv    = "env"    // env: environment variables
	InputFlag   = "flag"   // flags: command-line flags
	InputConfig = "config" // config: keys of a config library
	InputField  = "field"  // fields: config struct fields
)

// A Name is a function, method or type named in the policy. See the package
// comment for the forms it may take.
type Name struct {
	Text string // as written in the policy
	Line int

	Pkg  string // package path
	Recv string // receiver type name of a method; "" otherwise
	// Func is the function or method name; for a gateway entry of the form
	// pkg.Name (IsType) it is the name, which may be a type or a function.
	Func string
	Ptr  bool // a method written with a pointer receiver, (*pkg.Type).Method
	// IsType marks a gateway entry of the form pkg.Name: the form does not
	// tell a type from a function, and a package cannot declare both under
	// one name, so it matches the function of that name and every method of
	// the type of that name.
	IsType bool
}

// String returns the name as written.
func (n Name) String() string { return n.Text }

// EndpointRule maps host patterns, or configured inputs, to a region. Rules
// are tried in order and the first match wins.
type EndpointRule struct {
	Hosts []string // host patterns as written; see MatchHost
	// Input is the kind of input the rule selects (InputEnv, InputFlag,
	// InputConfig, InputField), "" for a hosts rule; Names are the
	// inputs' names as written.
	Input  string
	Names  []string
	Region string
	Line   int
}

// Selector names what the rule applies to, for messages: "SMTP_ADDR,
// DSN" or the host patterns.
func (r *EndpointRule) Selector() string {
	if r.Input == "" {
		return strings.Join(r.Hosts, ", ")
	}
	return strings.Join(r.Names, ", ")
}

// Source declares user data that cannot be marked with a userdata tag.
// Exactly one of Field, Type and Func is set.
type Source struct {
	Field    string // pkgpath.Type.Field: reading the field yields user data
	Type     string // pkgpath.Type: every field of the type is user data
	Func     string // a function or method name: its results, but a final error, are user data
	Category string // DefaultCategory when omitted or empty
	Line     int
}

// Propagator summarises how data moves through a function whose body the
// engine cannot see or should not trust; it replaces the analysis of the
// body.
type Propagator struct {
	Func string
	From []Port // where data comes from: arguments or the receiver
	To   []Port // where it goes: the results, the receiver or arguments' pointees
	Line int
}

// Port is one end of a propagator: the receiver, the results, or the
// argument with index Index (0-based, the receiver not counted; an index
// naming a variadic parameter covers every argument passed to it).
type Port struct {
	Receiver bool
	Result   bool
	Index    int // -1 for the receiver and the results
}

// String returns the port as it is written in the policy.
func (p Port) String() string {
	switch {
	case p.Receiver:
		return "receiver"
	case p.Result:
		return "result"
	}
	return fmt.Sprint(p.Index)
}

// Sink is an exit beyond the built-in ones.
type Sink struct {
	Func string
	Args []int // indexes of the arguments that carry data (receiver not counted)
	// Endpoint is the fixed destination as written, a URL or host[:port];
	// "" when none is given.
	Endpoint string
	// EndpointHost is Endpoint's host, lower case, without port or brackets;
	// "" when Endpoint is.
	EndpointHost string
	// EndpointArg is the index of the argument holding the URL or host:port,
	// -1 if none.
	EndpointArg int
	Kind        string // one of the Kind constants; KindSink when omitted
	Line        int
}

// Default returns the built-in policy that applies when no policy file is
// found: allowed_regions [EEA], no gateway, nothing else.
func Default() *Policy {
	return &Policy{Version: Version, AllowedRegions: []string{regions.EEA}}
}

// Load reads, parses and validates the policy file at path. File in the
// result is the absolute path. Any error is an *Error.
func Load(path string) (*Policy, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, &Error{File: path, Msg: err.Error(), Err: err}
	}
	data, err := os.ReadFile(abs)
	if err != nil {
		return nil, &Error{File: abs, Msg: "cannot read policy: " + errText(err), Err: err}
	}
	return Parse(abs, data)
}

// Parse parses and validates the policy in data; file names it in errors and
// becomes the result's File. Any error is an *Error.
func Parse(file string, data []byte) (*Policy, error) {
	d := &decoder{file: file, seen: make(map[dupKey]int)}
	return d.parse(data)
}

// Allowed reports whether region lies inside one of the allowed regions (a
// country inside a group containing it, EU inside EEA).
func (p *Policy) Allowed(region string) bool {
	return regions.InAny(p.AllowedRegions, region)
}

// CategoryAllowed returns the regions data of category may go to: its own
// (categories), else allowed_regions; any reports that every region is.
func (p *Policy) CategoryAllowed(category string) (allowed []string, any bool) {
	if r, ok := p.Categories[category]; ok {
		return r, len(r) == 1 && r[0] == AnyRegion
	}
	return p.AllowedRegions, false
}

// HasGateway reports whether the policy names a gateway.
func (p *Policy) HasGateway() bool { return len(p.Gateway) > 0 }

// Error is a problem with a policy file: its location, the key path of the
// offending node (e.g. "endpoints[1].hosts[0]"), and what is wrong.
type Error struct {
	File string
	Line int // 0 when the problem has no line (an unreadable file)
	Col  int // 0 when unknown
	Key  string
	Msg  string
	Err  error // the underlying error, if any, for errors.Is and errors.As
}

// Error formats the error as "file:line:col: key: msg", leaving out the
// parts that are zero.
func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
	} else {
		b.WriteString("policy")
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	if e.Key != "" {
		b.WriteString(e.Key)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// errText returns the text of a file system error without the path, which
// Error already names.
func errText(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
