package knowledge

// stdHTTP: net/http and net/http/httputil. A request holds its URL, body
// and headers; sending it is an exit (exits.go). Answering the caller (an
// http.ResponseWriter) is not an exit and keeps nothing
// (README.md#exits-and-endpoints, knowledge.AnswerWriters).
var stdHTTP = []Model{
	// A test server listens on a local address: its URL and client carry
	// nothing of the handler it serves (the handler's own exits are
	// followed where it is passed). Without these rows the server took in
	// whatever the handler closure had captured, and so did its URL.
	{Func: "net/http/httptest.NewServer", Flows: "", Source: doc("net/http/httptest#NewServer")},
	{Func: "net/http/httptest.NewTLSServer", Flows: "", Source: doc("net/http/httptest#NewTLSServer")},
	{Func: "net/http/httptest.NewUnstartedServer", Flows: "", Source: doc("net/http/httptest#NewUnstartedServer")},
	{Func: "(*net/http/httptest.Server).Client", Flows: "", Source: doc("net/http/httptest#Server.Client")},
	{Func: "(*net/http/httptest.Server).Certificate", Flows: "", Source: doc("net/http/httptest#Server.Certificate")},
	// Building a request.
	{Func: "net/http.NewRequest", Flows: "1->r; 2->r", Source: doc("net/http#NewRequest")},
	{Func: "net/http.NewRequestWithContext", Flows: "2->r; 3->r", Source: doc("net/http#NewRequestWithContext")},
	{Func: "(*net/http.Request).WithContext", Flows: "0->r", Alias: "r~0", Source: doc("net/http#Request.WithContext")},
	{Func: "(*net/http.Request).Clone", Flows: "0->r", Alias: "r~0", Source: doc("net/http#Request.Clone")},
	{Func: "(*net/http.Request).SetBasicAuth", Flows: "1->0; 2->0", Source: doc("net/http#Request.SetBasicAuth")},
	{Func: "(*net/http.Request).AddCookie", Flows: "1->0", Source: doc("net/http#Request.AddCookie")},
	{Func: "(*net/http.Request).Write", Flows: "0->1", Source: doc("net/http#Request.Write")},
	{Func: "(*net/http.Request).WriteProxy", Flows: "0->1", Source: doc("net/http#Request.WriteProxy")},
	{Func: "(*net/http.Response).Write", Flows: "0->1", Source: doc("net/http#Response.Write")},
	{Func: "(*net/http.Transport).Clone", Flows: "0->r", Source: doc("net/http#Transport.Clone")},
	{Func: "net/http.ReadRequest", Flows: "0->r", Source: doc("net/http#ReadRequest")},
	{Func: "net/http.ReadResponse", Flows: "0->r", Source: doc("net/http#ReadResponse")},
	{Func: "net/http.MaxBytesReader", Flows: "1->r", Source: doc("net/http#MaxBytesReader")},
	{Func: "net/http.CanonicalHeaderKey", Flows: "0->r", Source: doc("net/http#CanonicalHeaderKey")},

	// Headers.
	{Func: "(net/http.Header).Set", Flows: "1->0; 2->0", Source: doc("net/http#Header.Set")},
	{Func: "(net/http.Header).Add", Flows: "1->0; 2->0", Source: doc("net/http#Header.Add")},
	{Func: "(net/http.Header).Get", Flows: "0->r", Source: doc("net/http#Header.Get")},
	{Func: "(net/http.Header).Values", Flows: "0->r", Source: doc("net/http#Header.Values")},
	{Func: "(net/http.Header).Clone", Flows: "0->r", Source: doc("net/http#Header.Clone")},
	{Func: "(net/http.Header).Write", Flows: "0->1", Source: doc("net/http#Header.Write")},
	{Func: "(net/http.Header).WriteSubset", Flows: "0->1", Source: doc("net/http#Header.WriteSubset")},
	{Func: "(net/http.Header).Del", Flows: "", Source: doc("net/http#Header.Del")},

	// Answering the caller: not an exit, and the writer keeps nothing
	// (README.md#exits-and-endpoints).
	{Func: "(net/http.ResponseWriter).Write", Flows: "", Source: doc("net/http#ResponseWriter.Write")},
	{Func: "(net/http.ResponseWriter).WriteHeader", Flows: "", Source: doc("net/http#ResponseWriter.WriteHeader")},
	{Func: "net/http.Error", Flows: "", Source: doc("net/http#Error")},
	{Func: "net/http.SetCookie", Flows: "", Source: doc("net/http#SetCookie")},
	{Func: "net/http.Redirect", Flows: "", Source: doc("net/http#Redirect")},
	{Func: "(net/http.Hijacker).Hijack", Flows: "0->r", Alias: "r0~0", Source: doc("net/http#Hijacker.Hijack")}, // the connection under the response, which the handler then writes to directly

	// net/http/httputil: dumps and chunked encodings keep the data.
	{Func: "net/http/httputil.DumpRequest", Flows: "0->r", Source: doc("net/http/httputil#DumpRequest")},
	{Func: "net/http/httputil.DumpRequestOut", Flows: "0->r", Source: doc("net/http/httputil#DumpRequestOut")},
	{Func: "net/http/httputil.DumpResponse", Flows: "0->r", Source: doc("net/http/httputil#DumpResponse")},
	{Func: "net/http/httputil.NewChunkedReader", Flows: "0->r", Source: doc("net/http/httputil#NewChunkedReader")},
	{Func: "net/http/httputil.NewChunkedWriter", Flows: "", Alias: "r~0", Source: doc("net/http/httputil#NewChunkedWriter")},
	{Func: "net/http/httputil.NewClientConn", Flows: "0->r; 1->r", Alias: "r~0", Source: doc("net/http/httputil#NewClientConn")},
	{Func: "net/http/httputil.NewProxyClientConn", Flows: "0->r; 1->r", Alias: "r~0", Source: doc("net/http/httputil#NewProxyClientConn")},
	{Func: "(*net/http/httputil.ClientConn).Hijack", Flows: "0->r", Alias: "r0~0", Source: doc("net/http/httputil#ClientConn.Hijack")},
	{Func: "(*net/http/httputil.ServerConn).Hijack", Flows: "0->r", Alias: "r0~0", Source: doc("net/http/httputil#ServerConn.Hijack")},
	{Func: "(net/http/httputil.BufferPool).Get", Flows: "", Source: doc("net/http/httputil#BufferPool.Get")}, // a pool hands out buffers its user resets: see sync.Pool (std_sync.go)
	{Func: "(net/http/httputil.BufferPool).Put", Flows: "", Source: doc("net/http/httputil#BufferPool.Put")},
}
