// Package knowledge holds what datagate knows about library code, as data:
// how data moves through functions whose bodies the engine does not read
// (propagation.go), which calls are exits (exits.go), and which calls create
// objects that remember an endpoint (creators.go). Every row names its
// source. The engine (package lineage) parses these tables once and never
// writes to them; the region catalog is in lineage/regions.
package knowledge

// Argument numbers in these tables follow SSA: a method's receiver is
// argument 0 and its first parameter argument 1; for functions, argument 0
// is the first parameter. (The policy file's `args`, `from` and `to` do not
// count the receiver; it is named "receiver" there. The two numberings never
// meet: the policy is translated to SSA numbers when it is loaded.) A spec names places:
//
//	r       the result (all results)
//	rN      result N
//	N       argument N (as a source: its value and what it points to; as a
//	        target: what it points to)
//	*       every argument (source only)
//	N+      argument N and every argument after it (variadic)
//	Nw      argument N used as a whole value: the user-data fields its type
//	        holds count, as a serialiser or formatter would see them
//	Nw:enc  the same, for serialiser enc ("json", "xml"), which leaves out
//	        fields tagged enc:"-"
//	Nw%K    argument N, a variadic slice, used as a whole value by a
//	        formatter whose format string is argument K: the values the
//	        format prints with %T or %p (a type, an address) carry nothing
//	Nl      as a target: what argument N points to only where this
//	        function made it (a local value, a buffer a local writer
//	        wraps, a connection), not a parameter's, a field's or a
//	        package variable's memory (a logger kept in a field)
//	N(K)    as a target: parameter K of the function passed as argument
//	        N (a callback the library calls with the data)
//
// Flows is a list "from->to" separated by ";". Alias "r~N" says the result
// points to the same objects as argument N (wrappers: bufio.NewWriter,
// json.NewEncoder), so writing into one is writing into the other.
//
// A name ending in ".*" is a package default: it applies to every function
// and method of that package without an entry of its own.

// Exit kinds: what protocol an exit speaks.
const (
	ExitHTTP    = "http"
	ExitSQL     = "sql"
	ExitSMTP    = "smtp"
	ExitGRPC    = "grpc"
	ExitNet     = "net"     // raw connection
	ExitSink    = "sink"    // a policy sink
	ExitGateway = "gateway" // the sanctioned gateway client
)

// Model is one library function's behaviour.
type Model struct {
	Func   string // types.Func.FullName, or "pkgpath.*"
	Flows  string // "0->r; 1->0"
	Alias  string // "r~0"
	Source string // where the behaviour is documented
}

// ExitModel is a call where data leaves the process.
//
// A Func "(*pkg.T).*" is the default of every method of T without an entry
// of its own (every operation of an AWS service client sends its input).
type ExitModel struct {
	Func string
	Kind string
	// Data lists the arguments that carry data out, as a spec list
	// ("0,2", "1+", "1w").
	Data string
	// Endpoint names the destination, as an endpoint spec (below): most
	// often "arg:N" (a URL or address argument), "obj:N" (the endpoint
	// remembered by the object in argument N, e.g. the request passed to
	// Do, the *sql.DB receiver, an SDK client) or "obj:N.Path" (the
	// endpoint remembered by a field of argument N).
	Endpoint string
	// Op names the operation for people, in the step that ends the path
	// ("S3 PutObject"); for a "(*T).*" default, the service, to which the
	// method's name is added. Empty: the function's short name.
	Op     string
	Source string
}

// CreatorModel is a call whose result remembers where it connects.
type CreatorModel struct {
	Func string
	Kind string
	// Endpoint is an endpoint spec (below), evaluated at the call: "arg:N"
	// (the address argument), "~N" (the same endpoint as the object in
	// argument N: a statement prepared on a database, a TLS client over a
	// connection), or for an SDK client how its configuration decides the
	// destination (an AWS region, an account URL, a DSN). Objects held in
	// the fields of the result (Twilio's client.Api) share its endpoint.
	Endpoint string
	// Conn marks objects that are connections: writing data into them
	// (Write, fmt.Fprintf, an Encoder, a wrapping bufio.Writer) is an exit.
	Conn   bool
	Source string
}

// SettingModel is a call that sets a piece of a client's configuration,
// which endpoint specs read: an option constructor (config.WithRegion(r)
// is an option setting LoadOptions.Region to r), a setter method
// (RestClient.SetRegion(r) sets the receiver's Region), or a function whose
// result holds a configured value (config.LoadDefaultConfig: the result's
// Region comes from its options, else from the environment).
type SettingModel struct {
	Func string
	// Path is the field set (".Region"); "" is the value itself (aws.String
	// returns its argument).
	Path string
	// Value is an endpoint spec evaluated at the call.
	Value  string
	Source string
}

// Endpoint specs say where a destination (or a piece of configuration)
// comes from. A spec is one or more alternatives separated by " | "; the
// first one the code sets is used (an option not passed, a struct field
// not set, an Init call not made: the next). An alternative is one of
//
//	arg:N[.Path]     the string in argument N (at Path below it)
//	obj:N[.Path]     the endpoint remembered by the object in argument N
//	                 (or in its field Path); "~N" is "obj:N"
//	opt:N:.Path      what the options in the variadic argument N set at
//	                 Path: option constructors (Settings) and functions
//	                 assigning their parameter's field, as in
//	                 func(o *s3.Options) { o.Region = "eu-west-1" }
//	set:.Path        what setter calls (Settings) on the created object set
//	                 at Path
//	call:FUNC{spec}  spec evaluated at the calls of FUNC in the package: a
//	                 global configured once (sentry.Init)
//	env:NAME         the environment variable NAME: a configured input,
//	                 unresolved and named so
//	?REASON          not known statically, for REASON
//	"TEXT{spec}TEXT" a template: the text with each {spec} slot replaced
//	                 by its value; set only when every slot is ("TEXT"
//	                 alone is a fixed value)
//
// A parameter of the function being analysed counts as set: its callers
// give the value. Argument numbers count the receiver, as above.

// Sources of the facts below.
const (
	srcStd  = "Go standard library documentation (pkg.go.dev/std)"
	srcGRPC = "pkg.go.dev/google.golang.org/grpc"
)
