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
type ExitModel struct {
	Func string
	Kind string
	// Data lists the arguments that carry data out, as a spec list
	// ("0,2", "1+", "1w").
	Data string
	// Endpoint names the destination: "arg:N" (a URL or address argument),
	// "obj:N" (the endpoint remembered by the object in argument N, e.g.
	// the request passed to Do, the *sql.DB receiver), "obj:N.Path" (the
	// endpoint remembered by a field of argument N).
	Endpoint string
	Source   string
}

// CreatorModel is a call whose result remembers where it connects.
type CreatorModel struct {
	Func string
	Kind string
	// Endpoint is "arg:N" (the address argument) or "~N" (the same
	// endpoint as the object in argument N: a statement prepared on a
	// database, a TLS client over a connection).
	Endpoint string
	// Conn marks objects that are connections: writing data into them
	// (Write, fmt.Fprintf, an Encoder, a wrapping bufio.Writer) is an exit.
	Conn   bool
	Source string
}

// Sources of the facts below.
const (
	srcStd  = "Go standard library documentation (pkg.go.dev/std)"
	srcGRPC = "pkg.go.dev/google.golang.org/grpc"
)
