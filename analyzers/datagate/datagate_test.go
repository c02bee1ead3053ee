package datagate_test

import (
	"path/filepath"
	"testing"

	"github.com/datagate/datagate/analyzers/config"
	"github.com/datagate/datagate/analyzers/datagate"
	"golang.org/x/tools/go/analysis/analysistest"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestShapes runs the analyzer over one testdata package per shape of data
// flow (README.md#what-carries-user-data, README.md#exits-and-endpoints,
// README.md#rules), loaded together so the standard library is type-checked
// once:
//
//	basic      direct flows, Sprintf, json, len-only negatives
//	heap       pointers, copies, embedding, slices, maps, receivers, globals, strong updates
//	calls      interfaces, closures, method values, generics, defer, go, channels, select, sync, context, errors
//	writers    buffers, builders, encoders, gzip, multipart, io.Pipe, connections
//	exits      each built-in exit kind, and what is not an exit
//	endpoints  how destinations are resolved, and the reasons when they are not
//	suppress   //datagate:allow directives
//	cross/app  flows through another package's summaries (facts)
//	policy/app the policy's sources, sanitizer, propagator, sink, gateway, endpoints (found by discovery)
//	rpc/app    a generated gRPC client, with the target given by the caller
//	streams    websocket and Kafka exits (offline stand-ins for the modules)
//	hard       generic types, iterators, callbacks, reflection (a known miss)
//	orm        reflection in a data mapper: type names and fields by name
//	resolve    calls through io.Closer and friends: not every type with that method
//	plumbing   answering the caller, a dependency container, a filled context: not user data
//	hooks/app  a web hook: builder, template engine behind an interface, body kept as a func, retrying client
//	fieldfuncs function values kept in struct fields, set by constructors
//	courier/app a mail courier: headers in a map, an interface sender, the library's Send or the session
//	taint/suite a suite in other tools' style: policy func source, sink, sanitizer
func TestShapes(t *testing.T) {
	analysistest.Run(t, testdata(t), datagate.New(config.New()),
		"basic", "heap", "calls", "writers", "exits", "endpoints", "suppress",
		"cross/app", "policy/app", "rpc/app", "hard", "taint/suite", "streams", "orm", "resolve", "plumbing", "hooks/app", "courier/app", "fieldfuncs")
}

// TestTypeShapes: types declared over another package's tagged structs
// (defined types over a struct, a pointer and a generic instantiation,
// aliases, embedding, conversions, methods), local and anonymous structs.
func TestTypeShapes(t *testing.T) {
	analysistest.Run(t, testdata(t), datagate.New(config.New()), "typeshapes/app")
}

// TestSDK runs the analyzer over the SDK exits (offline stand-ins of the
// SDK modules under testdata/src, with the real import paths and
// signatures).
func TestSDK(t *testing.T) {
	analysistest.Run(t, testdata(t), datagate.New(config.New()), "sdk/aws", "sdk/gcp", "sdk/azure", "sdk/saas", "sdk/stores")
}
