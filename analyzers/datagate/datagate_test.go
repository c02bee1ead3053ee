package datagate_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"sort"
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
//	tracing    recording on a tracing span is not sending with the context
//	courier/app a mail courier: headers in a map, an interface sender, the library's Send or the session
//	getters/app getters called through an interface whose implementations the callee cannot see
//	queues/app a channel kept in a struct field: a batch fills it, workers started elsewhere send what they take off
//	taint/suite a suite in other tools' style: policy func source, sink, sanitizer
func TestShapes(t *testing.T) {
	analysistest.Run(t, testdata(t), datagate.New(config.New()),
		"basic", "heap", "calls", "writers", "exits", "endpoints", "suppress",
		"cross/app", "policy/app", "rpc/app", "hard", "taint/suite", "streams", "orm", "resolve", "plumbing", "hooks/app", "courier/app", "fieldfuncs", "tracing", "clusters/app", "orm/pop", "getters/app", "queues/mail", "queues/app", "queues/handlers")
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

// TestInputs runs the analyzer over one testdata package per kind of
// configured input an unresolved destination is named by (README,
// "Configured destinations"): environment variables, envconfig-style
// struct tags and config fields, flags (flag, pflag, cobra), config keys
// (viper, koanf, the getter convention). The libraries are offline
// stand-ins under testdata/src/github.com. inputs/deployed has a policy
// that resolves them: endpoints entries by input and deploy files.
//
// It also checks the structured input each reported endpoint carries (kind,
// name, whether a caller could resolve it), which policy endpoints entries
// match: a parameter's endpoint is dropped where a caller gave the exit one.
func TestInputs(t *testing.T) {
	results := analysistest.Run(t, testdata(t), datagate.New(config.New()),
		"inputs/env", "inputs/tags", "inputs/flags", "inputs/cobra", "inputs/viper", "inputs/koanf", "inputs/getter", "inputs/deployed")
	var got []string
	for _, r := range results {
		res, ok := r.Result.(*datagate.Result)
		if !ok {
			continue
		}
		for _, fd := range res.Findings {
			f := fd.Flow
			for _, e := range f.Endpoints {
				got = append(got, fmt.Sprintf("%s:%d %s %q param=%v", filepath.Base(f.Exit.Pos.File), f.Exit.Pos.Line, e.Input.Kind, e.Input.Name, e.Input.Param))
			}
		}
	}
	sort.Strings(got)
	got = slices.Compact(got)
	want := []string{
		`cobra.go:29 flag "webhook-url" param=false`,
		`cobra.go:30 flag "smtp-host" param=false`,
		`deployed.go:45 flag "webhook-url" param=false`,
		`deployed.go:49 env "SMTP_ADDR" param=false`,
		`deployed.go:53 config "courier.http.url" param=false`,
		`deployed.go:57 env "BAD_URL" param=false`,
		`env.go:23 env "EVENTS_URL" param=false`,
		`env.go:31 env "SMTP_ADDR" param=false`,
		`env.go:35 env "API_HOST" param=false`,
		`env.go:40 env "TRACK_HOST" param=false`,
		`env.go:48 env "WEBHOOK_URL" param=false`,
		`env.go:57 env "CRM_URL" param=false`,
		`env.go:64 env "AUDIT_URL" param=false`,
		`env.go:71 env "" param=false`,
		`flags.go:30 flag "events-url" param=false`,
		`flags.go:31 flag "crm-url" param=false`,
		`flags.go:39 flag "addr" param=false`,
		`flags.go:40 flag "audit-url" param=false`,
		`flags.go:44 flag "hook-url" param=false`,
		`getter.go:21 config "billing.url" param=false`,
		`getter.go:25 config "crm.url" param=false`,
		`getter.go:29 config "hooks.url" param=false`,
		`getter.go:33 other "" param=false`,
		`koanf.go:24 config "smtp.host" param=false`,
		`koanf.go:29 config "app.root_url" param=false`,
		`tags.go:36 env "EVENTS_URL" param=false`,
		`tags.go:37 field "inputs/tags.Spec.Plain" param=false`,
		`tags.go:60 env "HOOK_URL" param=false`,
		`tags.go:61 env "SMTP_HOST" param=false`,
		`tags.go:79 field "inputs/tags.Settings.WebhookURL" param=true`,
		`tags.go:84 env "HOOK_URL" param=true`,
		`viper.go:19 config "courier.http.url" param=false`,
		`viper.go:25 config "hooks.signup" param=false`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("inputs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
