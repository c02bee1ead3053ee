package knowledge

// AnswerWriter is a kind of writer whose writes answer the caller of the
// process (an HTTP response) rather than leave for another destination.
// Writing user data into one is neither an exit (answering the caller is
// not one by default, README.md#exits-and-endpoints) nor a store the engine
// follows: the writer does not hold the data afterwards for anything else
// to read, so the writer, and whatever holds it, stays clean.
type AnswerWriter struct {
	// Type is the interface, types.TypeString form.
	Type string
	// Marker and MarkerResult identify implementations (wrappers,
	// recorders) by a method only such writers have: its name and its
	// only result's type.
	Marker       string
	MarkerResult string
	Source       string
}

// AnswerWriters are the writers that answer the caller.
var AnswerWriters = []AnswerWriter{
	{Type: "net/http.ResponseWriter", Marker: "Header", MarkerResult: "net/http.Header", Source: "pkg.go.dev/net/http#ResponseWriter"},
}
