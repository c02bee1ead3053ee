package lineage

// This file is the engine's knowledge of library code, as data: how data
// moves through functions whose bodies the engine does not read (standard
// library, well-known modules), which calls are exits, and which calls
// create objects that remember an endpoint (a connection, a request, a
// database handle).
//
// Argument numbers follow SSA: a method's receiver is argument 0 and its
// first parameter argument 1; for functions, argument 0 is the first
// parameter. A spec names places:
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

// Models are the propagation rules, most specific first.
var Models = []Model{
	// Comparisons and measurements yield no user data (SPEC section 2).
	{Func: "strings.Compare", Flows: "", Source: srcStd},
	{Func: "strings.Contains", Flows: "", Source: srcStd},
	{Func: "strings.ContainsAny", Flows: "", Source: srcStd},
	{Func: "strings.ContainsRune", Flows: "", Source: srcStd},
	{Func: "strings.ContainsFunc", Flows: "", Source: srcStd},
	{Func: "strings.Count", Flows: "", Source: srcStd},
	{Func: "strings.EqualFold", Flows: "", Source: srcStd},
	{Func: "strings.HasPrefix", Flows: "", Source: srcStd},
	{Func: "strings.HasSuffix", Flows: "", Source: srcStd},
	{Func: "strings.Index", Flows: "", Source: srcStd},
	{Func: "strings.IndexAny", Flows: "", Source: srcStd},
	{Func: "strings.IndexByte", Flows: "", Source: srcStd},
	{Func: "strings.IndexFunc", Flows: "", Source: srcStd},
	{Func: "strings.IndexRune", Flows: "", Source: srcStd},
	{Func: "strings.LastIndex", Flows: "", Source: srcStd},
	{Func: "strings.LastIndexAny", Flows: "", Source: srcStd},
	{Func: "strings.LastIndexByte", Flows: "", Source: srcStd},
	{Func: "strings.LastIndexFunc", Flows: "", Source: srcStd},
	{Func: "bytes.Compare", Flows: "", Source: srcStd},
	{Func: "bytes.Contains", Flows: "", Source: srcStd},
	{Func: "bytes.Equal", Flows: "", Source: srcStd},
	{Func: "bytes.HasPrefix", Flows: "", Source: srcStd},
	{Func: "bytes.HasSuffix", Flows: "", Source: srcStd},
	{Func: "bytes.Index", Flows: "", Source: srcStd},
	{Func: "(*bytes.Buffer).Len", Flows: "", Source: srcStd},
	{Func: "(*strings.Builder).Len", Flows: "", Source: srcStd},
	{Func: "unicode/utf8.RuneCountInString", Flows: "", Source: srcStd},
	{Func: "unicode/utf8.RuneCount", Flows: "", Source: srcStd},
	{Func: "unicode/utf8.ValidString", Flows: "", Source: srcStd},
	{Func: "net/mail.ParseAddress", Flows: "0->r", Source: srcStd},
	{Func: "regexp.MatchString", Flows: "", Source: srcStd},
	{Func: "(*regexp.Regexp).MatchString", Flows: "", Source: srcStd},
	{Func: "(*regexp.Regexp).Match", Flows: "", Source: srcStd},
	{Func: "(*regexp.Regexp).FindString", Flows: "1->r", Source: srcStd},
	{Func: "(*regexp.Regexp).ReplaceAllString", Flows: "1->r; 2->r", Source: srcStd},
	{Func: "errors.Is", Flows: "", Source: srcStd},
	{Func: "errors.As", Flows: "0->1", Source: srcStd},
	{Func: "sort.SearchStrings", Flows: "", Source: srcStd},
	{Func: "slices.Contains", Flows: "", Source: srcStd},
	{Func: "slices.Index", Flows: "", Source: srcStd},
	{Func: "slices.Equal", Flows: "", Source: srcStd},

	// Transformations: the result holds the argument's data.
	{Func: "strings.*", Flows: "*->r", Source: srcStd},
	{Func: "bytes.*", Flows: "*->r", Source: srcStd},
	{Func: "strconv.*", Flows: "*->r", Source: srcStd},
	{Func: "unicode/utf8.*", Flows: "*->r", Source: srcStd},
	{Func: "unicode/utf16.*", Flows: "*->r", Source: srcStd},
	{Func: "path.*", Flows: "*->r", Source: srcStd},
	{Func: "path/filepath.*", Flows: "*->r", Source: srcStd},
	{Func: "html.*", Flows: "*->r", Source: srcStd},
	{Func: "slices.*", Flows: "*->r", Source: srcStd},
	{Func: "maps.*", Flows: "*->r", Source: srcStd},
	{Func: "sort.*", Flows: "", Source: srcStd},

	// Builders and buffers: writes go into the receiver, reads come out.
	{Func: "(*strings.Builder).Write", Flows: "1->0", Source: srcStd},
	{Func: "(*strings.Builder).WriteString", Flows: "1->0", Source: srcStd},
	{Func: "(*strings.Builder).WriteByte", Flows: "1->0", Source: srcStd},
	{Func: "(*strings.Builder).WriteRune", Flows: "1->0", Source: srcStd},
	{Func: "(*strings.Builder).String", Flows: "0->r", Source: srcStd},
	{Func: "(*bytes.Buffer).Write", Flows: "1->0", Source: srcStd},
	{Func: "(*bytes.Buffer).WriteString", Flows: "1->0", Source: srcStd},
	{Func: "(*bytes.Buffer).WriteByte", Flows: "1->0", Source: srcStd},
	{Func: "(*bytes.Buffer).WriteRune", Flows: "1->0", Source: srcStd},
	{Func: "(*bytes.Buffer).ReadFrom", Flows: "1->0", Source: srcStd},
	{Func: "(*bytes.Buffer).WriteTo", Flows: "0->1", Source: srcStd},
	{Func: "(*bytes.Buffer).Read", Flows: "0->1", Source: srcStd},
	{Func: "(*bytes.Buffer).Reset", Flows: "", Source: srcStd},
	{Func: "(*bytes.Buffer).Bytes", Flows: "0->r", Source: srcStd},
	{Func: "(*bytes.Buffer).String", Flows: "0->r", Source: srcStd},
	{Func: "bytes.NewBuffer", Flows: "0->r", Source: srcStd},
	{Func: "bytes.NewBufferString", Flows: "0->r", Source: srcStd},
	{Func: "bytes.NewReader", Flows: "0->r", Source: srcStd},
	{Func: "strings.NewReader", Flows: "0->r", Source: srcStd},
	{Func: "strings.NewReplacer", Flows: "0+->r", Source: srcStd},
	{Func: "(*strings.Replacer).Replace", Flows: "0->r; 1->r", Source: srcStd},

	// fmt: formatting uses whole values (a struct formats all its fields).
	{Func: "fmt.Sprintf", Flows: "0->r; 1w->r", Source: srcStd},
	{Func: "fmt.Sprint", Flows: "0w->r", Source: srcStd},
	{Func: "fmt.Sprintln", Flows: "0w->r", Source: srcStd},
	{Func: "fmt.Errorf", Flows: "0->r; 1w->r", Source: srcStd},
	{Func: "fmt.Appendf", Flows: "0->r; 1->r; 2w->r", Source: srcStd},
	{Func: "fmt.Append", Flows: "0->r; 1w->r", Source: srcStd},
	{Func: "fmt.Fprintf", Flows: "1->0; 2w->0", Source: srcStd},
	{Func: "fmt.Fprint", Flows: "1w->0", Source: srcStd},
	{Func: "fmt.Fprintln", Flows: "1w->0", Source: srcStd},
	{Func: "fmt.Sscanf", Flows: "0->2", Source: srcStd},
	{Func: "fmt.Sscan", Flows: "0->1", Source: srcStd},
	{Func: "fmt.Printf", Flows: "", Source: srcStd}, // stdout: not an exit by default (SPEC section 4)
	{Func: "fmt.Println", Flows: "", Source: srcStd},
	{Func: "fmt.Print", Flows: "", Source: srcStd},

	// errors.
	{Func: "errors.New", Flows: "0->r", Source: srcStd},
	{Func: "errors.Join", Flows: "0->r", Source: srcStd},
	{Func: "errors.Unwrap", Flows: "0->r", Source: srcStd},
	{Func: "(error).Error", Flows: "0->r", Source: srcStd},

	// Logging is not an exit by default (SPEC section 4).
	{Func: "log.*", Flows: "", Source: srcStd},
	{Func: "(*log.Logger).*", Flows: "", Source: srcStd},
	{Func: "log/slog.*", Flows: "", Source: srcStd},

	// encoding/*: serialisers see whole values.
	{Func: "encoding/json.Marshal", Flows: "0w:json->r", Source: srcStd},
	{Func: "encoding/json.MarshalIndent", Flows: "0w:json->r", Source: srcStd},
	{Func: "encoding/json.Unmarshal", Flows: "0->1", Source: srcStd},
	{Func: "encoding/json.NewEncoder", Alias: "r~0", Source: srcStd},
	{Func: "(*encoding/json.Encoder).Encode", Flows: "1w:json->0", Source: srcStd},
	{Func: "encoding/json.NewDecoder", Flows: "0->r", Source: srcStd},
	{Func: "(*encoding/json.Decoder).Decode", Flows: "0->1", Source: srcStd},
	{Func: "encoding/json.Valid", Flows: "", Source: srcStd},
	{Func: "encoding/xml.Marshal", Flows: "0w:xml->r", Source: srcStd},
	{Func: "encoding/xml.MarshalIndent", Flows: "0w:xml->r", Source: srcStd},
	{Func: "encoding/xml.Unmarshal", Flows: "0->1", Source: srcStd},
	{Func: "encoding/xml.NewEncoder", Alias: "r~0", Source: srcStd},
	{Func: "(*encoding/xml.Encoder).Encode", Flows: "1w:xml->0", Source: srcStd},
	{Func: "encoding/gob.NewEncoder", Alias: "r~0", Source: srcStd},
	{Func: "(*encoding/gob.Encoder).Encode", Flows: "1w->0", Source: srcStd},
	{Func: "encoding/csv.NewWriter", Alias: "r~0", Source: srcStd},
	{Func: "(*encoding/csv.Writer).Write", Flows: "1->0", Source: srcStd},
	{Func: "(*encoding/csv.Writer).WriteAll", Flows: "1->0", Source: srcStd},
	{Func: "encoding/base64.NewEncoder", Alias: "r~1", Source: srcStd},
	{Func: "(*encoding/base64.Encoding).EncodeToString", Flows: "1->r", Source: srcStd},
	{Func: "(*encoding/base64.Encoding).DecodeString", Flows: "1->r", Source: srcStd},
	{Func: "(*encoding/base64.Encoding).Encode", Flows: "2->1", Source: srcStd},
	{Func: "(*encoding/base32.Encoding).EncodeToString", Flows: "1->r", Source: srcStd},
	{Func: "encoding/hex.*", Flows: "*->r", Source: srcStd},
	{Func: "encoding/pem.Encode", Flows: "1w->0", Source: srcStd},
	{Func: "encoding/pem.EncodeToMemory", Flows: "0w->r", Source: srcStd},
	{Func: "encoding/binary.*", Flows: "*->r", Source: srcStd},

	// io and bufio: wrappers alias what they wrap.
	{Func: "bufio.NewWriter", Alias: "r~0", Source: srcStd},
	{Func: "bufio.NewWriterSize", Alias: "r~0", Source: srcStd},
	{Func: "bufio.NewReader", Flows: "0->r", Source: srcStd},
	{Func: "bufio.NewScanner", Flows: "0->r", Source: srcStd},
	{Func: "(*bufio.Writer).Write", Flows: "1->0", Source: srcStd},
	{Func: "(*bufio.Writer).WriteString", Flows: "1->0", Source: srcStd},
	{Func: "(*bufio.Writer).WriteByte", Flows: "1->0", Source: srcStd},
	{Func: "(*bufio.Writer).WriteRune", Flows: "1->0", Source: srcStd},
	{Func: "(*bufio.Writer).Flush", Flows: "", Source: srcStd}, // not an exit (SPEC section 4)
	{Func: "(*bufio.Reader).ReadString", Flows: "0->r", Source: srcStd},
	{Func: "(*bufio.Scanner).Text", Flows: "0->r", Source: srcStd},
	{Func: "(*bufio.Scanner).Bytes", Flows: "0->r", Source: srcStd},
	{Func: "io.Copy", Flows: "1->0", Source: srcStd},
	{Func: "io.CopyN", Flows: "1->0", Source: srcStd},
	{Func: "io.CopyBuffer", Flows: "1->0", Source: srcStd},
	{Func: "io.WriteString", Flows: "1->0", Source: srcStd},
	{Func: "io.ReadAll", Flows: "0->r", Source: srcStd},
	{Func: "io.MultiReader", Flows: "0->r", Source: srcStd},
	{Func: "io.TeeReader", Flows: "0->r; 0->1", Source: srcStd},
	{Func: "io.NopCloser", Flows: "0->r", Source: srcStd},
	{Func: "io.LimitReader", Flows: "0->r", Source: srcStd},
	{Func: "io.Pipe", Alias: "r0~r1", Source: srcStd},
	{Func: "(io.Writer).Write", Flows: "1->0", Source: srcStd},
	{Func: "(io.StringWriter).WriteString", Flows: "1->0", Source: srcStd},
	{Func: "(io.Reader).Read", Flows: "0->1", Source: srcStd},
	{Func: "(*io.PipeWriter).Write", Flows: "1->0", Source: srcStd},
	{Func: "(*io.PipeReader).Read", Flows: "0->1", Source: srcStd},
	{Func: "(net.Conn).Write", Flows: "1->0", Source: srcStd},
	{Func: "(*net.TCPConn).Write", Flows: "1->0", Source: srcStd},
	{Func: "(*net.UDPConn).Write", Flows: "1->0", Source: srcStd},
	{Func: "(*crypto/tls.Conn).Write", Flows: "1->0", Source: srcStd},
	{Func: "mime/multipart.NewWriter", Alias: "r~0", Source: srcStd},
	{Func: "(*mime/multipart.Writer).WriteField", Flows: "1->0; 2->0", Source: srcStd},
	{Func: "(*mime/multipart.Writer).CreateFormField", Alias: "r~0", Source: srcStd},
	{Func: "(*mime/multipart.Writer).CreateFormFile", Alias: "r~0", Source: srcStd},
	{Func: "(*mime/multipart.Writer).Close", Flows: "", Source: srcStd},
	{Func: "(*mime/multipart.Writer).FormDataContentType", Flows: "", Source: srcStd},

	// compress/*: writers alias the writer they compress into.
	{Func: "compress/gzip.NewWriter", Alias: "r~0", Source: srcStd},
	{Func: "compress/gzip.NewWriterLevel", Alias: "r~0", Source: srcStd},
	{Func: "(*compress/gzip.Writer).Write", Flows: "1->0", Source: srcStd},
	{Func: "compress/zlib.NewWriter", Alias: "r~0", Source: srcStd},
	{Func: "(*compress/zlib.Writer).Write", Flows: "1->0", Source: srcStd},
	{Func: "compress/flate.NewWriter", Alias: "r~0", Source: srcStd},
	{Func: "(*compress/flate.Writer).Write", Flows: "1->0", Source: srcStd},
	{Func: "compress/gzip.NewReader", Flows: "0->r", Source: srcStd},

	// Hashes and ciphers propagate: a hash of an e-mail is still personal
	// data under GDPR (SPEC section 2; EDPB/Article 29 WP opinion 05/2014 on
	// anonymisation techniques).
	{Func: "crypto/sha256.Sum256", Flows: "0->r", Source: srcStd},
	{Func: "crypto/sha1.Sum", Flows: "0->r", Source: srcStd},
	{Func: "crypto/sha512.Sum512", Flows: "0->r", Source: srcStd},
	{Func: "crypto/md5.Sum", Flows: "0->r", Source: srcStd},
	{Func: "(hash.Hash).Write", Flows: "1->0", Source: srcStd},
	{Func: "(hash.Hash).Sum", Flows: "0->r; 1->r", Source: srcStd},
	{Func: "crypto/hmac.New", Flows: "", Source: srcStd},
	{Func: "(crypto/cipher.AEAD).Seal", Flows: "1->r; 3->r", Source: srcStd},
	{Func: "(crypto/cipher.Stream).XORKeyStream", Flows: "2->1", Source: srcStd},
	{Func: "(crypto/cipher.Block).Encrypt", Flows: "2->1", Source: srcStd},

	// net/url: building and parsing keep the data.
	{Func: "net/url.QueryEscape", Flows: "0->r", Source: srcStd},
	{Func: "net/url.PathEscape", Flows: "0->r", Source: srcStd},
	{Func: "net/url.Parse", Flows: "0->r", Source: srcStd},
	{Func: "net/url.JoinPath", Flows: "0+->r", Source: srcStd},
	{Func: "(net/url.Values).Set", Flows: "1->0; 2->0", Source: srcStd},
	{Func: "(net/url.Values).Add", Flows: "1->0; 2->0", Source: srcStd},
	{Func: "(net/url.Values).Encode", Flows: "0->r", Source: srcStd},
	{Func: "(net/url.Values).Get", Flows: "0->r", Source: srcStd},
	{Func: "(*net/url.URL).String", Flows: "0->r", Source: srcStd},
	{Func: "(*net/url.URL).Query", Flows: "0->r", Source: srcStd},
	{Func: "(*net/url.URL).JoinPath", Flows: "0+->r", Source: srcStd},
	{Func: "(*net/url.URL).ResolveReference", Flows: "0->r; 1->r", Source: srcStd},
	{Func: "net.JoinHostPort", Flows: "*->r", Source: srcStd},

	// net/http request building: the request holds its URL, body, headers.
	{Func: "net/http.NewRequest", Flows: "1->r; 2->r", Source: srcStd},
	{Func: "net/http.NewRequestWithContext", Flows: "2->r; 3->r", Source: srcStd},
	{Func: "(net/http.Header).Set", Flows: "1->0; 2->0", Source: srcStd},
	{Func: "(net/http.Header).Add", Flows: "1->0; 2->0", Source: srcStd},
	{Func: "(*net/http.Request).WithContext", Flows: "0->r", Alias: "r~0", Source: srcStd},
	{Func: "(*net/http.Request).Clone", Flows: "0->r", Alias: "r~0", Source: srcStd},
	{Func: "(*net/http.Request).SetBasicAuth", Flows: "1->0; 2->0", Source: srcStd},
	{Func: "(*net/http.Request).AddCookie", Flows: "1->0", Source: srcStd},
	{Func: "(net/http.ResponseWriter).Write", Flows: "", Source: srcStd}, // answering the caller is not an exit
	{Func: "net/http.Error", Flows: "", Source: srcStd},

	// context values.
	{Func: "context.WithValue", Flows: "0->r; 2->r", Source: srcStd},
	{Func: "(context.Context).Value", Flows: "0->r", Source: srcStd},
	{Func: "context.*", Flows: "0->r", Source: srcStd},

	// sync wrappers keep what is stored in them.
	{Func: "(*sync.Map).Store", Flows: "1->0; 2->0", Source: srcStd},
	{Func: "(*sync.Map).Load", Flows: "0->r", Source: srcStd},
	{Func: "(*sync.Map).LoadOrStore", Flows: "1->0; 2->0; 0->r", Source: srcStd},
	{Func: "(*sync.Map).Range", Flows: "", Source: srcStd},
	{Func: "(*sync/atomic.Value).Store", Flows: "1->0", Source: srcStd},
	{Func: "(*sync/atomic.Value).Load", Flows: "0->r", Source: srcStd},
	{Func: "(*sync/atomic.Pointer).Store", Flows: "1->0", Source: srcStd},
	{Func: "(*sync/atomic.Pointer).Load", Flows: "0->r", Source: srcStd},
	{Func: "(*sync.Mutex).*", Flows: "", Source: srcStd},
	{Func: "(*sync.RWMutex).*", Flows: "", Source: srcStd},
	{Func: "(*sync.WaitGroup).*", Flows: "", Source: srcStd},
	{Func: "(*sync.Once).Do", Flows: "", Source: srcStd},

	// text/template and html/template: executing writes the data into w.
	{Func: "(*text/template.Template).Execute", Flows: "2w->1", Source: srcStd},
	{Func: "(*text/template.Template).ExecuteTemplate", Flows: "3w->1", Source: srcStd},
	{Func: "(*html/template.Template).Execute", Flows: "2w->1", Source: srcStd},
	{Func: "(*html/template.Template).ExecuteTemplate", Flows: "3w->1", Source: srcStd},

	// Protocol buffers.
	{Func: "google.golang.org/protobuf/proto.Marshal", Flows: "0w->r", Source: "pkg.go.dev/google.golang.org/protobuf/proto#Marshal"},
	{Func: "(google.golang.org/protobuf/proto.MarshalOptions).Marshal", Flows: "1w->r", Source: "pkg.go.dev/google.golang.org/protobuf/proto#MarshalOptions.Marshal"},
	{Func: "google.golang.org/protobuf/encoding/protojson.Marshal", Flows: "0w->r", Source: "pkg.go.dev/google.golang.org/protobuf/encoding/protojson#Marshal"},
	{Func: "google.golang.org/protobuf/proto.Unmarshal", Flows: "0->1", Source: "pkg.go.dev/google.golang.org/protobuf/proto#Unmarshal"},

	// Sources of no user data: environment, time, randomness.
	{Func: "os.Getenv", Flows: "", Source: srcStd},
	{Func: "os.LookupEnv", Flows: "", Source: srcStd},
	{Func: "time.*", Flows: "", Source: srcStd},
	{Func: "(time.Time).*", Flows: "", Source: srcStd},
	{Func: "(*time.Time).*", Flows: "", Source: srcStd},
	{Func: "math/rand.*", Flows: "", Source: srcStd},
	{Func: "crypto/rand.*", Flows: "", Source: srcStd},
	{Func: "flag.*", Flows: "", Source: srcStd},
	{Func: "runtime.*", Flows: "", Source: srcStd},
	{Func: "os.Exit", Flows: "", Source: srcStd},
	{Func: "(*os.File).Close", Flows: "", Source: srcStd},
}

// Exits are the built-in exits (SPEC section 4).
var Exits = []ExitModel{
	{Func: "net/http.Get", Kind: ExitHTTP, Data: "0", Endpoint: "arg:0", Source: "pkg.go.dev/net/http#Get"},
	{Func: "net/http.Head", Kind: ExitHTTP, Data: "0", Endpoint: "arg:0", Source: "pkg.go.dev/net/http#Head"},
	{Func: "net/http.Post", Kind: ExitHTTP, Data: "0,2", Endpoint: "arg:0", Source: "pkg.go.dev/net/http#Post"},
	{Func: "net/http.PostForm", Kind: ExitHTTP, Data: "0,1", Endpoint: "arg:0", Source: "pkg.go.dev/net/http#PostForm"},
	{Func: "(*net/http.Client).Get", Kind: ExitHTTP, Data: "1", Endpoint: "arg:1", Source: "pkg.go.dev/net/http#Client.Get"},
	{Func: "(*net/http.Client).Head", Kind: ExitHTTP, Data: "1", Endpoint: "arg:1", Source: "pkg.go.dev/net/http#Client.Head"},
	{Func: "(*net/http.Client).Post", Kind: ExitHTTP, Data: "1,3", Endpoint: "arg:1", Source: "pkg.go.dev/net/http#Client.Post"},
	{Func: "(*net/http.Client).PostForm", Kind: ExitHTTP, Data: "1,2", Endpoint: "arg:1", Source: "pkg.go.dev/net/http#Client.PostForm"},
	{Func: "(*net/http.Client).Do", Kind: ExitHTTP, Data: "1", Endpoint: "obj:1", Source: "pkg.go.dev/net/http#Client.Do"},
	{Func: "(*net/http.Transport).RoundTrip", Kind: ExitHTTP, Data: "1", Endpoint: "obj:1", Source: "pkg.go.dev/net/http#Transport.RoundTrip"},
	{Func: "(net/http.RoundTripper).RoundTrip", Kind: ExitHTTP, Data: "1", Endpoint: "obj:1", Source: "pkg.go.dev/net/http#RoundTripper"},

	{Func: "net/smtp.SendMail", Kind: ExitSMTP, Data: "2,3,4", Endpoint: "arg:0", Source: "pkg.go.dev/net/smtp#SendMail"},
	{Func: "(*net/smtp.Client).Mail", Kind: ExitSMTP, Data: "1", Endpoint: "obj:0", Source: "pkg.go.dev/net/smtp#Client.Mail"},
	{Func: "(*net/smtp.Client).Rcpt", Kind: ExitSMTP, Data: "1", Endpoint: "obj:0", Source: "pkg.go.dev/net/smtp#Client.Rcpt"},

	{Func: "(*database/sql.DB).Exec", Kind: ExitSQL, Data: "1+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#DB.Exec"},
	{Func: "(*database/sql.DB).ExecContext", Kind: ExitSQL, Data: "2+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#DB.ExecContext"},
	{Func: "(*database/sql.DB).Query", Kind: ExitSQL, Data: "1+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#DB.Query"},
	{Func: "(*database/sql.DB).QueryContext", Kind: ExitSQL, Data: "2+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#DB.QueryContext"},
	{Func: "(*database/sql.DB).QueryRow", Kind: ExitSQL, Data: "1+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#DB.QueryRow"},
	{Func: "(*database/sql.DB).QueryRowContext", Kind: ExitSQL, Data: "2+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#DB.QueryRowContext"},
	{Func: "(*database/sql.Tx).Exec", Kind: ExitSQL, Data: "1+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Tx.Exec"},
	{Func: "(*database/sql.Tx).ExecContext", Kind: ExitSQL, Data: "2+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Tx.ExecContext"},
	{Func: "(*database/sql.Tx).Query", Kind: ExitSQL, Data: "1+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Tx.Query"},
	{Func: "(*database/sql.Tx).QueryContext", Kind: ExitSQL, Data: "2+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Tx.QueryContext"},
	{Func: "(*database/sql.Tx).QueryRow", Kind: ExitSQL, Data: "1+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Tx.QueryRow"},
	{Func: "(*database/sql.Tx).QueryRowContext", Kind: ExitSQL, Data: "2+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Tx.QueryRowContext"},
	{Func: "(*database/sql.Stmt).Exec", Kind: ExitSQL, Data: "1+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Stmt.Exec"},
	{Func: "(*database/sql.Stmt).ExecContext", Kind: ExitSQL, Data: "2+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Stmt.ExecContext"},
	{Func: "(*database/sql.Stmt).Query", Kind: ExitSQL, Data: "1+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Stmt.Query"},
	{Func: "(*database/sql.Stmt).QueryContext", Kind: ExitSQL, Data: "2+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Stmt.QueryContext"},
	{Func: "(*database/sql.Stmt).QueryRow", Kind: ExitSQL, Data: "1+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Stmt.QueryRow"},
	{Func: "(*database/sql.Stmt).QueryRowContext", Kind: ExitSQL, Data: "2+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Stmt.QueryRowContext"},
	{Func: "(*database/sql.Conn).ExecContext", Kind: ExitSQL, Data: "2+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Conn.ExecContext"},
	{Func: "(*database/sql.Conn).QueryContext", Kind: ExitSQL, Data: "2+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Conn.QueryContext"},
	{Func: "(*database/sql.Conn).QueryRowContext", Kind: ExitSQL, Data: "2+", Endpoint: "obj:0", Source: "pkg.go.dev/database/sql#Conn.QueryRowContext"},

	{Func: "(*google.golang.org/grpc.ClientConn).Invoke", Kind: ExitGRPC, Data: "3", Endpoint: "obj:0", Source: srcGRPC + "#ClientConn.Invoke"},
	{Func: "(google.golang.org/grpc.ClientConnInterface).Invoke", Kind: ExitGRPC, Data: "3", Endpoint: "obj:0", Source: srcGRPC + "#ClientConnInterface"},
	{Func: "(google.golang.org/grpc.ClientStream).SendMsg", Kind: ExitGRPC, Data: "1", Endpoint: "obj:0", Source: srcGRPC + "#ClientStream"},

	{Func: "(*github.com/gorilla/websocket.Conn).WriteMessage", Kind: "websocket", Data: "2", Endpoint: "obj:0", Source: "pkg.go.dev/github.com/gorilla/websocket#Conn.WriteMessage"},
	{Func: "(*github.com/gorilla/websocket.Conn).WriteJSON", Kind: "websocket", Data: "1w:json", Endpoint: "obj:0", Source: "pkg.go.dev/github.com/gorilla/websocket#Conn.WriteJSON"},
	{Func: "(*nhooyr.io/websocket.Conn).Write", Kind: "websocket", Data: "3", Endpoint: "obj:0", Source: "pkg.go.dev/nhooyr.io/websocket#Conn.Write"},
	{Func: "(*github.com/coder/websocket.Conn).Write", Kind: "websocket", Data: "3", Endpoint: "obj:0", Source: "pkg.go.dev/github.com/coder/websocket#Conn.Write"},
	{Func: "nhooyr.io/websocket/wsjson.Write", Kind: "websocket", Data: "2w:json", Endpoint: "obj:1", Source: "pkg.go.dev/nhooyr.io/websocket/wsjson#Write"},
	{Func: "github.com/coder/websocket/wsjson.Write", Kind: "websocket", Data: "2w:json", Endpoint: "obj:1", Source: "pkg.go.dev/github.com/coder/websocket/wsjson#Write"},
	{Func: "(*github.com/segmentio/kafka-go.Writer).WriteMessages", Kind: "kafka", Data: "2+", Endpoint: "obj:0.Addr", Source: "pkg.go.dev/github.com/segmentio/kafka-go#Writer.WriteMessages"},
}

// Creators are calls whose results remember their endpoint.
var Creators = []CreatorModel{
	{Func: "net/http.NewRequest", Kind: ExitHTTP, Endpoint: "arg:1", Source: "pkg.go.dev/net/http#NewRequest"},
	{Func: "net/http.NewRequestWithContext", Kind: ExitHTTP, Endpoint: "arg:2", Source: "pkg.go.dev/net/http#NewRequestWithContext"},
	{Func: "(*net/http.Request).WithContext", Kind: ExitHTTP, Endpoint: "~0", Source: "pkg.go.dev/net/http#Request.WithContext"},
	{Func: "(*net/http.Request).Clone", Kind: ExitHTTP, Endpoint: "~0", Source: "pkg.go.dev/net/http#Request.Clone"},

	{Func: "net.Dial", Kind: ExitNet, Endpoint: "arg:1", Conn: true, Source: "pkg.go.dev/net#Dial"},
	{Func: "net.DialTimeout", Kind: ExitNet, Endpoint: "arg:1", Conn: true, Source: "pkg.go.dev/net#DialTimeout"},
	{Func: "net.DialTCP", Kind: ExitNet, Endpoint: "~2", Conn: true, Source: "pkg.go.dev/net#DialTCP"},
	{Func: "net.DialUDP", Kind: ExitNet, Endpoint: "~2", Conn: true, Source: "pkg.go.dev/net#DialUDP"},
	{Func: "net.ResolveTCPAddr", Kind: ExitNet, Endpoint: "arg:1", Source: "pkg.go.dev/net#ResolveTCPAddr"},
	{Func: "net.ResolveUDPAddr", Kind: ExitNet, Endpoint: "arg:1", Source: "pkg.go.dev/net#ResolveUDPAddr"},
	{Func: "(*net.Dialer).Dial", Kind: ExitNet, Endpoint: "arg:2", Conn: true, Source: "pkg.go.dev/net#Dialer.Dial"},
	{Func: "(*net.Dialer).DialContext", Kind: ExitNet, Endpoint: "arg:3", Conn: true, Source: "pkg.go.dev/net#Dialer.DialContext"},
	{Func: "crypto/tls.Dial", Kind: ExitNet, Endpoint: "arg:1", Conn: true, Source: "pkg.go.dev/crypto/tls#Dial"},
	{Func: "crypto/tls.DialWithDialer", Kind: ExitNet, Endpoint: "arg:2", Conn: true, Source: "pkg.go.dev/crypto/tls#DialWithDialer"},
	{Func: "(*crypto/tls.Dialer).Dial", Kind: ExitNet, Endpoint: "arg:2", Conn: true, Source: "pkg.go.dev/crypto/tls#Dialer.Dial"},
	{Func: "(*crypto/tls.Dialer).DialContext", Kind: ExitNet, Endpoint: "arg:3", Conn: true, Source: "pkg.go.dev/crypto/tls#Dialer.DialContext"},
	{Func: "crypto/tls.Client", Kind: ExitNet, Endpoint: "~0", Conn: true, Source: "pkg.go.dev/crypto/tls#Client"},

	{Func: "net/smtp.Dial", Kind: ExitSMTP, Endpoint: "arg:0", Source: "pkg.go.dev/net/smtp#Dial"},
	{Func: "net/smtp.NewClient", Kind: ExitSMTP, Endpoint: "~0", Source: "pkg.go.dev/net/smtp#NewClient"},
	{Func: "(*net/smtp.Client).Data", Kind: ExitSMTP, Endpoint: "~0", Conn: true, Source: "pkg.go.dev/net/smtp#Client.Data"},

	{Func: "database/sql.Open", Kind: ExitSQL, Endpoint: "arg:1", Source: "pkg.go.dev/database/sql#Open"},
	{Func: "(*database/sql.DB).Prepare", Kind: ExitSQL, Endpoint: "~0", Source: "pkg.go.dev/database/sql#DB.Prepare"},
	{Func: "(*database/sql.DB).PrepareContext", Kind: ExitSQL, Endpoint: "~0", Source: "pkg.go.dev/database/sql#DB.PrepareContext"},
	{Func: "(*database/sql.DB).Begin", Kind: ExitSQL, Endpoint: "~0", Source: "pkg.go.dev/database/sql#DB.Begin"},
	{Func: "(*database/sql.DB).BeginTx", Kind: ExitSQL, Endpoint: "~0", Source: "pkg.go.dev/database/sql#DB.BeginTx"},
	{Func: "(*database/sql.DB).Conn", Kind: ExitSQL, Endpoint: "~0", Source: "pkg.go.dev/database/sql#DB.Conn"},
	{Func: "(*database/sql.Tx).Prepare", Kind: ExitSQL, Endpoint: "~0", Source: "pkg.go.dev/database/sql#Tx.Prepare"},
	{Func: "(*database/sql.Tx).PrepareContext", Kind: ExitSQL, Endpoint: "~0", Source: "pkg.go.dev/database/sql#Tx.PrepareContext"},
	{Func: "(*database/sql.Tx).Stmt", Kind: ExitSQL, Endpoint: "~0", Source: "pkg.go.dev/database/sql#Tx.Stmt"},

	{Func: "google.golang.org/grpc.NewClient", Kind: ExitGRPC, Endpoint: "arg:0", Source: srcGRPC + "#NewClient"},
	{Func: "google.golang.org/grpc.Dial", Kind: ExitGRPC, Endpoint: "arg:0", Source: srcGRPC + "#Dial"},
	{Func: "google.golang.org/grpc.DialContext", Kind: ExitGRPC, Endpoint: "arg:1", Source: srcGRPC + "#DialContext"},
	{Func: "(*google.golang.org/grpc.ClientConn).NewStream", Kind: ExitGRPC, Endpoint: "~0", Conn: true, Source: srcGRPC + "#ClientConn.NewStream"},

	{Func: "(*github.com/gorilla/websocket.Dialer).Dial", Kind: "websocket", Endpoint: "arg:1", Source: "pkg.go.dev/github.com/gorilla/websocket#Dialer.Dial"},
	{Func: "(*github.com/gorilla/websocket.Dialer).DialContext", Kind: "websocket", Endpoint: "arg:2", Source: "pkg.go.dev/github.com/gorilla/websocket#Dialer.DialContext"},
	{Func: "nhooyr.io/websocket.Dial", Kind: "websocket", Endpoint: "arg:1", Source: "pkg.go.dev/nhooyr.io/websocket#Dial"},
	{Func: "github.com/coder/websocket.Dial", Kind: "websocket", Endpoint: "arg:1", Source: "pkg.go.dev/github.com/coder/websocket#Dial"},
	{Func: "github.com/segmentio/kafka-go.TCP", Kind: "kafka", Endpoint: "arg:0", Source: "pkg.go.dev/github.com/segmentio/kafka-go#TCP"},
}
