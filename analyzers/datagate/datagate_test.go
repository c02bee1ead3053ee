package datagate_test

import (
	"path/filepath"
	"strings"
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
//
// Every flow's path ends at the SDK call in the package's own code, with a
// step naming the SDK operation.
func TestSDK(t *testing.T) {
	results := analysistest.Run(t, testdata(t), datagate.New(config.New()), "sdk/aws", "sdk/gcp", "sdk/azure", "sdk/saas", "sdk/stores")
	last := make(map[string]string) // callee -> the last step of its flows
	n := 0
	for _, r := range results {
		res, ok := r.Action.Result.(*datagate.Result)
		if !ok {
			t.Fatalf("%s: no result", r.Action.Package)
		}
		for _, f := range res.Flows {
			n++
			end := f.Path[len(f.Path)-1]
			if !strings.Contains(filepath.ToSlash(f.Exit.Pos.File), "/testdata/src/sdk/") || end.Pos != f.Exit.Pos {
				t.Errorf("%s: flow to %s at %s (via %s) ends at %s %q; want it to end at the SDK call in the package's code", r.Action.Package, f.Exit.Callee, f.Exit.Pos, f.Via, end.Pos, end.Desc)
			}
			last[f.Exit.Callee] = end.Desc
		}
	}
	for callee, want := range map[string]string{
		"(*github.com/aws/aws-sdk-go-v2/service/s3.Client).PutObject":                 "sent by S3 PutObject",
		"(*github.com/aws/aws-sdk-go-v2/service/s3.Client).GetObject":                 "sent by S3 GetObject",
		"(github.com/aws/aws-sdk-go-v2/feature/s3/manager.Uploader).Upload":           "sent by S3 Uploader.Upload",
		"(*cloud.google.com/go/pubsub.Topic).Publish":                                 "sent by Pub/Sub Topic.Publish",
		"(*github.com/Azure/azure-sdk-for-go/sdk/storage/azblob.Client).UploadBuffer": "sent by Azure Blob UploadBuffer",
		"github.com/getsentry/sentry-go.CaptureEvent":                                 "sent by Sentry CaptureEvent",
		"(*github.com/getsentry/sentry-go.Scope).SetUser":                             "sent by Sentry Scope.SetUser",
		"(*github.com/DataDog/datadog-go/v5/statsd.Client).Incr":                      "sent by DogStatsD Incr",
		"github.com/elastic/go-elasticsearch/v8/esapi.Index":                          "sent by Elasticsearch Index",
		"(github.com/IBM/sarama.AsyncProducer).Input":                                 "sent on the channel of (sarama.AsyncProducer).Input",
		"(*cloud.google.com/go/storage.Writer).Write":                                 "written to a connection by (*storage.Writer).Write",
	} {
		if got := last[callee]; got != want {
			t.Errorf("flow to %s ends with %q, want %q", callee, got, want)
		}
	}
	if n == 0 {
		t.Fatal("no flows")
	}
}
