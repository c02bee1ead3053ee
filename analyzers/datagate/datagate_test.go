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
