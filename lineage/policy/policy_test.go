package policy

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// head is the start of a valid policy: lines 1 and 2.
const head = "version: 1\nallowed_regions: [EEA]\n"

// TestParseErrors checks that each kind of problem is reported at the line
// of the offending node, under its key path.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		line int
		key  string
		msg  string // a part of the message
	}{
		// YAML itself.
		{"syntax/flow", "version: 1\nallowed_regions: [EEA\n", 2, "", "bad YAML: did not find expected ',' or ']'"},
		{"syntax/tab", "version: 1\n\tallowed_regions: [EEA]\n", 2, "", "bad YAML: found a tab character"},
		{"syntax/indent", head + "endpoints:\n  - hosts: [a.com]\n   region: IE\n", 4, "", "bad YAML: did not find expected '-' indicator"},
		{"syntax/first-line", "[a }\nversion: 1\n", 1, "", "bad YAML: did not find expected ',' or ']'"},
		{"second document", head + "---\nversion: 1\n", 3, "", "a second YAML document"},
		{"empty file", "", 1, "version", "the policy is empty"},
		{"comments only", "# nothing\n", 1, "version", "the policy is empty"},
		{"not a mapping", "- version: 1\n", 1, "", "want a mapping of policy keys"},

		// Keys and kinds.
		{"unknown key", head + "endpoint: []\n", 3, "endpoint", "unknown key; want one of version, allowed_regions"},
		{"unknown nested key", head + "endpoints:\n  - hosts: [a.com]\n    regoin: IE\n", 5, "endpoints[0].regoin", "unknown key; want one of hosts, env, flags, config, fields, region"},
		{"unknown sink key", head + "sinks:\n  - func: example.com/p.Send\n    args: [0]\n    endpoint_args: 1\n", 6, "sinks[0].endpoint_args", "unknown key"},
		{"repeated key", head + "gateway: []\ngateway: []\n", 4, "gateway", "repeats the one at line 3"},
		{"non-string key", head + "1: x\n", 3, "", "want a key"},
		{"string for list", "version: 1\nallowed_regions: EEA\n", 2, "allowed_regions", "want a list, got a string"},
		{"string for hosts", head + "endpoints:\n  - hosts: a.com\n    region: IE\n", 4, "endpoints[0].hosts", "want a list, got a string"},
		{"string for item mapping", head + "sources:\n  - example.com/p.T\n", 4, "sources[0]", "want a mapping with keys field, type, func, category, got a string"},
		{"mapping for string", head + "gateway:\n  - {func: example.com/p.F}\n", 4, "gateway[0]", "want a string, got a mapping"},
		{"number for region", head + "endpoints:\n  - hosts: [a.com]\n    region: 1\n", 5, "endpoints[0].region", "want a string, got an integer"},

		// version.
		{"version missing", "allowed_regions: [EEA]\n", 1, "version", "missing"},
		{"version 2", "version: 2\nallowed_regions: [EEA]\nfuture: yes\n", 1, "version", "unsupported version 2"},
		{"version string", "allowed_regions: [EEA]\nversion: \"1\"\n", 2, "version", "want the integer 1, got a string"},

		// allowed_regions.
		{"region lower case", "version: 1\nallowed_regions: [EEA, de]\n", 2, "allowed_regions[1]", `unknown region "de"; did you mean "DE"?`},
		{"region unknown", "version: 1\nallowed_regions:\n  - EEA\n  - Europe\n", 4, "allowed_regions[1]", `unknown region "Europe"`},
		{"regions empty", "version: 1\nallowed_regions: []\n", 2, "allowed_regions", "empty"},
		{"region repeated", "version: 1\nallowed_regions:\n  - EU\n  - EU\n", 4, "allowed_regions[1]", "repeats the one at line 3"},

		// endpoints.
		{"hosts empty", head + "endpoints:\n  - hosts: []\n    region: IE\n", 4, "endpoints[0].hosts", "empty"},
		{"selector missing", head + "endpoints:\n  - region: IE\n", 4, "endpoints[0]", "needs one of hosts, env, flags, config or fields"},
		{"host scheme", head + "endpoints:\n  - hosts:\n      - a.example.com\n      - https://b.example.com\n    region: IE\n", 6, "endpoints[0].hosts[1]", "has a scheme"},
		{"host port", head + "endpoints:\n  - hosts: [\"a.example.com:443\"]\n    region: IE\n", 4, "endpoints[0].hosts[0]", "has a port"},
		{"host path", head + "endpoints:\n  - hosts: [a.example.com/api]\n    region: IE\n", 4, "endpoints[0].hosts[0]", "has a path"},
		{"host star inside", head + "endpoints:\n  - hosts: [\"a.*.example.com\"]\n    region: IE\n", 4, "endpoints[0].hosts[0]", `'*' is allowed only as a leading "*." label`},
		{"host star alone", head + "endpoints:\n  - hosts: [\"*\"]\n    region: IE\n", 4, "endpoints[0].hosts[0]", `'*' is allowed only`},
		{"host bad label", head + "endpoints:\n  - hosts: [a_b.example.com]\n    region: IE\n", 4, "endpoints[0].hosts[0]", `label "a_b" contains '_'`},
		{"host bracketed IP", head + "endpoints:\n  - hosts: [\"[::1]\"]\n    region: internal\n", 4, "endpoints[0].hosts[0]", "without brackets"},
		{"endpoint region", head + "endpoints:\n  - hosts: [a.com]\n    region: Internal\n", 5, "endpoints[0].region", `did you mean "internal"?`},
		{"endpoint region missing", head + "endpoints:\n  - hosts: [a.com]\n", 4, "endpoints[0].region", "missing"},

		// endpoints by input.
		{"two selectors", head + "endpoints:\n  - env: [DSN]\n    hosts: [a.com]\n    region: internal\n", 5, "endpoints[0].hosts", "exactly one of hosts, env, flags, config and fields; this one also has env"},
		{"two inputs", head + "endpoints:\n  - flags: [smtp-host]\n    config: [smtp.host]\n    region: IE\n", 5, "endpoints[0].config", "this one also has flags"},
		{"env empty list", head + "endpoints:\n  - env: []\n    region: IE\n", 4, "endpoints[0].env", "empty; want at least one environment variable"},
		{"env not a list", head + "endpoints:\n  - env: DSN\n    region: IE\n", 4, "endpoints[0].env", "want a list, got a string"},
		{"env equals", head + "endpoints:\n  - env: [\"DSN=x\"]\n    region: IE\n", 4, "endpoints[0].env[0]", "contains '='"},
		{"env empty name", head + "endpoints:\n  - env: [\"\"]\n    region: IE\n", 4, "endpoints[0].env[0]", "empty environment variable"},
		{"flag dashes", head + "endpoints:\n  - flags: [--smtp-host]\n    region: IE\n", 4, "endpoints[0].flags[0]", "without dashes (smtp-host)"},
		{"config space", head + "endpoints:\n  - config: [\"smtp host\"]\n    region: IE\n", 4, "endpoints[0].config[0]", "contains white space"},
		{"field form", head + "endpoints:\n  - fields: [example.com/cfg.Config]\n    region: IE\n", 4, "endpoints[0].fields[0]", "want pkgpath.Type.Field"},
		{"input region", head + "endpoints:\n  - env: [DSN]\n    region: eu\n", 5, "endpoints[0].region", `did you mean "EU"?`},
		{"input region missing", head + "endpoints:\n  - env: [DSN]\n", 4, "endpoints[0].region", "missing"},
		{"repeated env", head + "endpoints:\n  - env: [DSN]\n    region: internal\n  - env: [DSN]\n    region: IE\n", 6, "endpoints[1].env[0]", "environment variable \"DSN\" repeats the one at line 4"},
		{"same name other kind", head + "endpoints:\n  - env: [DSN]\n    region: internal\n  - fields: [example.com/cfg.C.DSN]\n    region: IE\n  - config: [DSN]\n    region: IE\n  - bogus: [x]\n", 10, "endpoints[3].bogus", "unknown key"},

		// deploy.
		{"deploy not a list", head + "deploy: deploy/*.yaml\n", 3, "deploy", "want a list, got a string"},
		{"deploy empty glob", head + "deploy:\n  - \"\"\n", 4, "deploy[0]", "empty glob"},
		{"deploy absolute", head + "deploy:\n  - /etc/app/*.yaml\n", 4, "deploy[0]", "is absolute"},
		{"deploy bad glob", head + "deploy:\n  - \"deploy/[*.yaml\"\n", 4, "deploy[0]", "bad glob"},
		{"deploy repeated", head + "deploy:\n  - a.env\n  - a.env\n", 5, "deploy[1]", "repeats the one at line 4"},
		{"deploy matches nothing", head + "deploy:\n  - no/such/*.yaml\n", 4, "deploy[0]", `glob "no/such/*.yaml" matches no file`},

		// exclude.
		{"exclude not a list", head + "exclude: ./x/...\n", 3, "exclude", "want a list"},
		{"exclude empty", head + "exclude:\n  - \"\"\n", 4, "exclude[0]", "empty package pattern"},
		{"exclude absolute", head + "exclude:\n  - /src/x\n", 4, "exclude[0]", "want an import path pattern or a pattern relative to the module root"},
		{"exclude outside", head + "exclude:\n  - ../other/...\n", 4, "exclude[0]", "leaves the module"},
		{"exclude repeated", head + "exclude:\n  - ./x/...\n  - ./x/...\n", 5, "exclude[1]", "repeats the one at line 4"},

		// categories.
		{"categories list", head + "categories:\n  - payment\n", 4, "categories", "want a mapping from categories"},
		{"category name", head + "categories:\n  Payment:\n    allowed_regions: [DE]\n", 4, "categories.Payment", `category "Payment"`},
		{"category unknown key", head + "categories:\n  payment:\n    regions: [DE]\n", 5, "categories.payment.regions", "unknown key; want one of allowed_regions"},
		{"category no regions", head + "categories:\n  payment: {}\n", 4, "categories.payment.allowed_regions", "missing"},
		{"category empty regions", head + "categories:\n  payment:\n    allowed_regions: []\n", 5, "categories.payment.allowed_regions", "empty"},
		{"category bad region", head + "categories:\n  payment:\n    allowed_regions: [Germany]\n", 5, "categories.payment.allowed_regions[0]", `unknown region "Germany"`},
		{"category any and more", head + "categories:\n  public:\n    allowed_regions: [any, EU]\n", 5, "categories.public.allowed_regions[0]", "list nothing else with it"},
		{"category repeated", head + "categories:\n  payment:\n    allowed_regions: [DE]\n  payment:\n    allowed_regions: [FR]\n", 6, "categories.payment", "repeats the one at line 4"},

		// gateway and sanitizers.
		{"gateway method without parens", head + "gateway:\n  - example.com/gw.Client.Send\n", 4, "gateway[0]", "too many '.'-separated parts"},
		{"gateway bad method", head + "gateway:\n  - \"(*example.com/gw.Client).2Send\"\n", 4, "gateway[0]", `method name "2Send" is not a Go identifier`},
		{"gateway bad path", head + "gateway:\n  - \"example.com//gw.Client\"\n", 4, "gateway[0]", "empty element"},
		{"sanitizer missing paren", head + "sanitizers:\n  - \"(example.com/p.T.M\"\n", 4, "sanitizers[0]", "missing ')'"},
		{"sanitizer no package", head + "sanitizers:\n  - Pseudonymize\n", 4, "sanitizers[0]", "missing package path"},
		{"sanitizer keyword", head + "sanitizers:\n  - example.com/p.func\n", 4, "sanitizers[0]", `"func" is not a Go identifier`},

		// sources.
		{"source two kinds", head + "sources:\n  - field: example.com/p.T.F\n    type: example.com/p.T\n", 5, "sources[0].type", "exactly one of field, type and func; this one also has field"},
		{"source no kind", head + "sources:\n  - category: contact\n", 4, "sources[0]", "needs one of field, type or func"},
		{"source category", head + "sources:\n  - type: example.com/p.T\n    category: Contact\n", 5, "sources[0].category", `category "Contact"`},
		{"source field form", head + "sources:\n  - field: example.com/p.User\n", 4, "sources[0].field", "too few '.'-separated parts after the package path; want pkgpath.Type.Field"},
		{"source type form", head + "sources:\n  - type: \"(example.com/p.T).M\"\n", 4, "sources[0].type", "is a method, not a type; want pkgpath.Type"},

		// propagators.
		{"from empty", head + "propagators:\n  - func: example.com/p.F\n    from: []\n    to: [result]\n", 5, "propagators[0].from", "empty"},
		{"from result", head + "propagators:\n  - func: example.com/p.F\n    from: [result]\n    to: [0]\n", 5, "propagators[0].from[0]", `want argument indexes or "receiver", got a string "result"`},
		{"to negative", head + "propagators:\n  - func: example.com/p.F\n    from: [0]\n    to: [-1]\n", 6, "propagators[0].to[0]", "out of range"},
		{"receiver of a function", head + "propagators:\n  - func: example.com/p.F\n    from: [receiver]\n    to: [result]\n", 5, "propagators[0].from[0]", "is not a method"},
		{"to missing", head + "propagators:\n  - func: example.com/p.F\n    from: [0]\n", 4, "propagators[0].to", "missing"},
		{"func missing", head + "propagators:\n  - from: [0]\n    to: [result]\n", 4, "propagators[0].func", "missing"},

		// sinks.
		{"args empty", head + "sinks:\n  - func: example.com/p.Send\n    args: []\n", 5, "sinks[0].args", "empty"},
		{"args string", head + "sinks:\n  - func: example.com/p.Send\n    args: [one]\n", 5, "sinks[0].args[0]", "want an argument index"},
		{"endpoint and endpoint_arg", head + "sinks:\n  - func: example.com/p.Send\n    args: [0]\n    endpoint: https://a.example.com\n    endpoint_arg: 1\n", 7, "sinks[0].endpoint_arg", "at most one of endpoint and endpoint_arg"},
		{"endpoint no host", head + "sinks:\n  - func: example.com/p.Send\n    args: [0]\n    endpoint: \"https://\"\n", 6, "sinks[0].endpoint", "has no host"},
		{"endpoint path no scheme", head + "sinks:\n  - func: example.com/p.Send\n    args: [0]\n    endpoint: a.example.com/x\n", 6, "sinks[0].endpoint", "want a URL with a host"},
		{"endpoint bad port", head + "sinks:\n  - func: example.com/p.Send\n    args: [0]\n    endpoint: a.example.com:http\n", 6, "sinks[0].endpoint", `bad port "http"`},
		{"sink kind", head + "sinks:\n  - func: example.com/p.Send\n    args: [0]\n    kind: ftp\n", 6, "sinks[0].kind", `unknown kind "ftp"`},

		// Repeats.
		{"repeated host", head + "endpoints:\n  - hosts: [a.example.com]\n    region: IE\n  - hosts: [A.Example.com.]\n    region: US\n", 6, "endpoints[1].hosts[0]", "repeats the one at line 4"},
		{"repeated gateway", head + "gateway:\n  - \"(*example.com/gw.Client).Send\"\n  - \"(example.com/gw.Client).Send\"\n", 5, "gateway[1]", "repeats the one at line 4"},
		{"repeated sanitizer", head + "sanitizers:\n  - example.com/p.Hash\n  - example.com/p.Hash\n", 5, "sanitizers[1]", "repeats the one at line 4"},
		{"repeated source", head + "sources:\n  - field: example.com/p.T.F\n    category: contact\n  - field: example.com/p.T.F\n    category: other\n", 6, "sources[1].field", "repeats the one at line 4"},
		{"repeated propagator", head + "propagators:\n  - func: example.com/p.F\n    from: [0]\n    to: [result]\n  - func: example.com/p.F\n    from: [1]\n    to: [result]\n", 7, "propagators[1].func", "repeats the one at line 4"},
		{"repeated sink", head + "sinks:\n  - func: example.com/p.Send\n    args: [0]\n  - func: example.com/p.Send\n    args: [1]\n", 6, "sinks[1].func", "repeats the one at line 4"},
		{"repeated arg", head + "sinks:\n  - func: example.com/p.Send\n    args: [0, 0]\n", 5, "sinks[0].args[1]", "repeats"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse("p.yaml", []byte(tt.yaml))
			if err == nil {
				t.Fatalf("Parse succeeded (%+v); want an error", p)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is a %T; want *Error", err, err)
			}
			if prefix := fmt.Sprintf("p.yaml:%d:", tt.line); !strings.HasPrefix(err.Error(), prefix) {
				t.Errorf("error %q does not start with %q", err, prefix)
			}
			if e.Key != tt.key {
				t.Errorf("error %q has key %q; want %q", err, e.Key, tt.key)
			}
			if tt.key != "" && !strings.Contains(err.Error(), ": "+tt.key+": ") {
				t.Errorf("error %q does not name key %q", err, tt.key)
			}
			if !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("error %q does not contain %q", err, tt.msg)
			}
		})
	}
}

// TestSpecExample parses the policy example of the product contract (the
// SPEC, not in the repository), verbatim; README.md#policy's full example
// extends it (internal/hygiene checks that one).
func TestSpecExample(t *testing.T) {
	p, err := Load(filepath.Join("testdata", "datagate.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !filepath.IsAbs(p.File) || filepath.Base(p.File) != "datagate.yaml" {
		t.Errorf("File = %q; want the absolute path of testdata/datagate.yaml", p.File)
	}
	want := &Policy{
		File:           p.File,
		Version:        1,
		AllowedRegions: []string{"EEA"},
		Endpoints: []EndpointRule{
			{Hosts: []string{"*.corp.example.eu", "eu.api.partner.com"}, Region: "IE", Line: 4},
			{Hosts: []string{"api.partner.com"}, Region: "US", Line: 6},
			{Hosts: []string{"*.svc.cluster.local"}, Region: "internal", Line: 8},
		},
		Gateway: []Name{
			{Text: "(*example.com/clover/gateway.Client).Send", Line: 11, Pkg: "example.com/clover/gateway", Recv: "Client", Func: "Send", Ptr: true},
			{Text: "example.com/clover/gateway.Client", Line: 12, Pkg: "example.com/clover/gateway", Func: "Client", IsType: true},
		},
		Sources: []Source{
			{Field: "example.com/proto/userpb.User.Email", Category: "contact", Line: 14},
			{Type: "example.com/legacy.Customer", Category: "customer", Line: 16},
			{Func: "example.com/auth.CurrentEmail", Category: "contact", Line: 18},
		},
		Sanitizers: []Name{
			{Text: "example.com/privacy.Pseudonymize", Line: 21, Pkg: "example.com/privacy", Func: "Pseudonymize"},
		},
		Propagators: []Propagator{
			{Func: "example.com/tmpl.Render", From: []Port{{Index: 1}}, To: []Port{{Result: true, Index: -1}}, Line: 25},
		},
		Sinks: []Sink{{
			Func:         "(*github.com/acme/analytics.Client).Track",
			Args:         []int{1, 2},
			Endpoint:     "https://api.acme-analytics.com",
			EndpointHost: "api.acme-analytics.com",
			EndpointArg:  -1,
			Kind:         "sink",
			Line:         29,
		}},
	}
	got := *p
	got.idx = index{}
	got.digest = "" // tested by TestDigest
	if !reflect.DeepEqual(&got, want) {
		t.Errorf("Load(testdata/datagate.yaml) =\n%+v\nwant\n%+v", &got, want)
	}

	for host, region := range map[string]string{
		"a.b.corp.example.eu":   "IE",
		"eu.api.partner.com":    "IE",
		"api.partner.com":       "US",
		"db.svc.cluster.local":  "internal",
		"corp.example.eu":       "",
		"other.api.partner.com": "",
	} {
		r, _, ok := p.EndpointRegion(host)
		if r != region || ok != (region != "") {
			t.Errorf("EndpointRegion(%q) = %q, %v; want %q", host, r, ok, region)
		}
	}
}

func TestParseDetails(t *testing.T) {
	// An omitted allowed_regions is the default's; empty top-level lists
	// and empty categories are allowed; aliases are followed; names may
	// carry gopkg.in versions and type parameters.
	p, err := Parse("p.yaml", []byte(`version: 1
gateway:
sanitizers: []
sources:
  - func: &f "gopkg.in/yaml.v3.Unmarshal"
    category: ""
  - field: "example.com/a/b.v2/c.T.F"
propagators:
  - func: "(*example.com/list.List[T]).Push"
    from: [0, receiver]
    to: [receiver]
sinks:
  - func: *f
    args: [0]
    endpoint_arg: 1
    kind: http
  - func: "example.com/p.Dial"
    args: [0]
    endpoint: "[::1]:8080"
  - func: "example.com/p.Dial6"
    args: [0]
    endpoint: "::1"
`))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(p.AllowedRegions, []string{"EEA"}) {
		t.Errorf("AllowedRegions = %v; want [EEA]", p.AllowedRegions)
	}
	if p.HasGateway() || len(p.Sanitizers) != 0 {
		t.Errorf("gateway %v, sanitizers %v; want none", p.Gateway, p.Sanitizers)
	}
	if got := p.Sources[0]; got.Func != "gopkg.in/yaml.v3.Unmarshal" || got.Category != DefaultCategory {
		t.Errorf("Sources[0] = %+v", got)
	}
	if _, ok := p.idx.funcSources[funcKey{"gopkg.in/yaml.v3", "", "Unmarshal"}]; !ok {
		t.Errorf("gopkg.in/yaml.v3.Unmarshal not indexed under package gopkg.in/yaml.v3: %v", p.idx.funcSources)
	}
	if _, ok := p.idx.fieldSources[fieldKey{"example.com/a/b.v2/c", "T", "F"}]; !ok {
		t.Errorf("field not indexed under example.com/a/b.v2/c: %v", p.idx.fieldSources)
	}
	wantProp := Propagator{
		Func: "(*example.com/list.List[T]).Push",
		From: []Port{{Index: 0}, {Receiver: true, Index: -1}},
		To:   []Port{{Receiver: true, Index: -1}},
		Line: 9,
	}
	if !reflect.DeepEqual(p.Propagators[0], wantProp) {
		t.Errorf("Propagators[0] = %+v; want %+v", p.Propagators[0], wantProp)
	}
	if s := p.Sinks[0]; s.Func != "gopkg.in/yaml.v3.Unmarshal" || s.EndpointArg != 1 || s.Kind != KindHTTP {
		t.Errorf("Sinks[0] = %+v", s)
	}
	if h := p.Sinks[1].EndpointHost; h != "::1" {
		t.Errorf("Sinks[1].EndpointHost = %q; want ::1", h)
	}
	if h := p.Sinks[2].EndpointHost; h != "::1" {
		t.Errorf("Sinks[2].EndpointHost = %q; want ::1", h)
	}
}

func TestErrorString(t *testing.T) {
	for _, tt := range []struct {
		e    Error
		want string
	}{
		{Error{File: "f.yaml", Line: 3, Col: 5, Key: "gateway[0]", Msg: "bad"}, "f.yaml:3:5: gateway[0]: bad"},
		{Error{File: "f.yaml", Line: 3, Key: "version", Msg: "bad"}, "f.yaml:3: version: bad"},
		{Error{File: "f.yaml", Msg: "cannot read"}, "f.yaml: cannot read"},
	} {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("Error() = %q; want %q", got, tt.want)
		}
	}
}

func TestLoadMissing(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "nope.yaml"))
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("Load of a missing file: %v; want an *Error wrapping fs.ErrNotExist", err)
	}
}

func TestLocate(t *testing.T) {
	// root/datagate.yaml           above the module: never found
	// root/mod/go.mod
	// root/mod/a/b/                 the package directory
	root := t.TempDir()
	mod := filepath.Join(root, "mod")
	pkg := filepath.Join(mod, "a", "b")
	must(t, os.MkdirAll(pkg, 0o755))
	write(t, filepath.Join(root, FileName))
	write(t, filepath.Join(mod, "go.mod"))
	noEnv := func(string) string { return "" }
	env := func(path string) func(string) string {
		return func(k string) string {
			if k == EnvVar {
				return path
			}
			return ""
		}
	}
	check := func(name, flag string, getenv func(string) string, want string) {
		t.Helper()
		got, err := Locate(flag, pkg, getenv)
		if err != nil || got != want {
			t.Errorf("%s: Locate = %q, %v; want %q", name, got, err, want)
		}
	}

	check("stops at the module root", "", noEnv, "")
	p, err := ForDir("", pkg, noEnv)
	if err != nil || p.File != "" || !reflect.DeepEqual(p.AllowedRegions, []string{"EEA"}) {
		t.Errorf("ForDir with no policy = %+v, %v; want the default", p, err)
	}

	write(t, filepath.Join(mod, FileName))
	check("module root", "", noEnv, filepath.Join(mod, FileName))

	nearest := filepath.Join(mod, "a", FileName)
	write(t, nearest)
	check("nearest", "", noEnv, nearest)

	envFile := filepath.Join(root, "env.yaml")
	check("env beats file", "", env(envFile), envFile)

	flagFile := filepath.Join(root, "flag.yaml")
	check("flag beats env", flagFile, env(envFile), flagFile)

	p, err = ForDir("", pkg, noEnv)
	if err != nil || p.File != nearest {
		t.Errorf("ForDir = %+v, %v; want the policy at %s", p, err, nearest)
	}
	if _, err := ForDir(flagFile, pkg, noEnv); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ForDir with a missing -policy file: %v; want fs.ErrNotExist", err)
	}
}

func write(t *testing.T, path string) {
	t.Helper()
	must(t, os.WriteFile(path, []byte(head), 0o644))
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestMatchHost(t *testing.T) {
	for _, tt := range []struct {
		pattern, host string
		want          bool
	}{
		{"api.example.com", "api.example.com", true},
		{"api.example.com", "API.Example.COM", true},
		{"API.example.com.", "api.example.com", true},
		{"api.example.com", "api.example.com.", true},
		{"api.example.com", "x.api.example.com", false},
		{"api.example.com", "example.com", false},
		{"*.example.com", "api.example.com", true},
		{"*.example.com", "a.b.c.example.com", true},
		{"*.example.com", "example.com", false},
		{"*.example.com", "badexample.com", false},
		{"*.example.com", "example.com.evil.net", false},
		{"*.Example.com", "API.EXAMPLE.COM.", true},
		{"10.0.0.1", "10.0.0.1", true},
		{"10.0.0.1", "10.0.0.10", false},
		{"::1", "0:0::1", true},
		{"::1", "[::1]", true},
	} {
		if got := MatchHost(tt.pattern, tt.host); got != tt.want {
			t.Errorf("MatchHost(%q, %q) = %v; want %v", tt.pattern, tt.host, got, tt.want)
		}
	}
}

func TestEndpointRegionFirstMatch(t *testing.T) {
	p := mustParse(t, head+`endpoints:
  - hosts: ["*.example.com"]
    region: IE
  - hosts: ["api.example.com", "api.partner.com"]
    region: US
  - hosts: ["*.partner.com", "10.1.2.3", "2001:db8::1"]
    region: DE
`)
	for _, tt := range []struct {
		host, region string
		line         int
	}{
		{"api.example.com", "IE", 4}, // the wildcard comes first
		{"API.EXAMPLE.COM.", "IE", 4},
		{"api.partner.com", "US", 6}, // the exact name comes first
		{"x.api.partner.com", "DE", 8},
		{"10.1.2.3", "DE", 8},
		{"2001:DB8:0::1", "DE", 8},
		{"example.com", "", 0},
		{"partner.com", "", 0},
		{"10.1.2.4", "", 0},
	} {
		region, rule, ok := p.EndpointRegion(tt.host)
		line := 0
		if rule != nil {
			line = rule.Line
		}
		if region != tt.region || line != tt.line || ok != (tt.region != "") {
			t.Errorf("EndpointRegion(%q) = %q, rule at line %d, %v; want %q, line %d", tt.host, region, line, ok, tt.region, tt.line)
		}
	}
}

func TestAllowed(t *testing.T) {
	eea := Default()
	for region, want := range map[string]bool{"DE": true, "NO": true, "EU": true, "EEA": true, "GB": false, "CH": false, "US": false, "internal": false} {
		if got := eea.Allowed(region); got != want {
			t.Errorf("default Allowed(%q) = %v; want %v", region, got, want)
		}
	}
	p := mustParse(t, "version: 1\nallowed_regions: [EU, GB]\n")
	for region, want := range map[string]bool{"DE": true, "GB": true, "EU": true, "NO": false, "EEA": false} {
		if got := p.Allowed(region); got != want {
			t.Errorf("[EU, GB] Allowed(%q) = %v; want %v", region, got, want)
		}
	}
}

func mustParse(t *testing.T, src string) *Policy {
	t.Helper()
	p, err := Parse("p.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Helpers that build go/types objects as the type checker would.

func newType(pkg *types.Package, name string, fields ...string) *types.Named {
	tn := types.NewTypeName(token.NoPos, pkg, name, nil)
	var vars []*types.Var
	for _, f := range fields {
		vars = append(vars, types.NewField(token.NoPos, pkg, f, types.Typ[types.String], false))
	}
	named := types.NewNamed(tn, types.NewStruct(vars, nil), nil)
	pkg.Scope().Insert(tn)
	return named
}

func newMethod(named *types.Named, name string, ptr bool) *types.Func {
	var recvType types.Type = named
	if ptr {
		recvType = types.NewPointer(named)
	}
	pkg := named.Obj().Pkg()
	recv := types.NewVar(token.NoPos, pkg, "r", recvType)
	fn := types.NewFunc(token.NoPos, pkg, name, types.NewSignatureType(recv, nil, nil, nil, nil, false))
	named.AddMethod(fn)
	return fn
}

func newFunc(pkg *types.Package, name string) *types.Func {
	fn := types.NewFunc(token.NoPos, pkg, name, types.NewSignatureType(nil, nil, nil, nil, nil, false))
	pkg.Scope().Insert(fn)
	return fn
}

func field(named *types.Named, name string) *types.Var {
	st := named.Underlying().(*types.Struct)
	for i := range st.NumFields() {
		if f := st.Field(i); f.Name() == name {
			return f
		}
	}
	panic("no field " + name)
}

func TestLookups(t *testing.T) {
	p := mustParse(t, head+`gateway:
  - "(*example.com/gw.Sender).Send"
  - "(example.com/gw.Sender).Flush"
  - "example.com/gw.Client"
  - "example.com/gw.Post"
sources:
  - field: "example.com/userpb.User.Email"
    category: contact
  - type: "example.com/userpb.User"
    category: customer
  - type: "example.com/legacy.Customer"
  - func: "(*example.com/auth.Session).Email"
    category: contact
sanitizers:
  - "example.com/privacy.Pseudonymize"
  - "(example.com/privacy.Hasher).Sum"
propagators:
  - func: "example.com/tmpl.Render"
    from: [1]
    to: [result]
sinks:
  - func: "(*github.com/acme/analytics.Client).Track"
    args: [1, 2]
    endpoint: "https://api.acme-analytics.com"
`)

	gw := types.NewPackage("example.com/gw", "gw")
	other := types.NewPackage("example.com/other", "gw")
	sender := newType(gw, "Sender")
	client := newType(gw, "Client")
	otherClient := newType(other, "Client")

	send := newMethod(sender, "Send", true)
	flush := newMethod(sender, "Flush", true) // listed as (gw.Sender).Flush
	closeS := newMethod(sender, "Close", false)
	do := newMethod(client, "Do", true)
	closeC := newMethod(client, "Close", false)
	otherDo := newMethod(otherClient, "Do", true)
	post := newFunc(gw, "Post")
	get := newFunc(gw, "Get")

	if got := send.FullName(); got != "(*example.com/gw.Sender).Send" {
		t.Fatalf("FullName = %q; the test builds the wrong objects", got)
	}
	for _, tt := range []struct {
		fn   *types.Func
		want bool
	}{
		{send, true},
		{flush, true}, // listed without '*', declared with it
		{closeS, false},
		{do, true},     // pointer method of a gateway type
		{closeC, true}, // value method of a gateway type
		{otherDo, false},
		{post, true},
		{get, false},
		{nil, false},
	} {
		if got := p.IsGateway(tt.fn); got != tt.want {
			t.Errorf("IsGateway(%v) = %v; want %v", tt.fn, got, tt.want)
		}
	}
	for _, tt := range []struct {
		t    types.Type
		want bool
	}{
		{client, true},
		{types.NewPointer(client), true},
		{sender, false},
		{otherClient, false},
		{types.Typ[types.String], false},
	} {
		if got := p.IsGatewayType(tt.t); got != tt.want {
			t.Errorf("IsGatewayType(%v) = %v; want %v", tt.t, got, tt.want)
		}
	}
	if !p.HasGateway() || Default().HasGateway() {
		t.Errorf("HasGateway wrong")
	}

	userpb := types.NewPackage("example.com/userpb", "userpb")
	legacy := types.NewPackage("example.com/legacy", "legacy")
	user := newType(userpb, "User", "Email", "Name")
	account := newType(userpb, "Account", "Email")
	customer := newType(legacy, "Customer", "Phone")
	for _, tt := range []struct {
		owner *types.Named
		field string
		cat   string
	}{
		{user, "Email", "contact"},      // the field entry wins over the type entry
		{user, "Name", "customer"},      // the type entry
		{customer, "Phone", "personal"}, // the default category
		{account, "Email", ""},
	} {
		cat, ok := p.FieldSource(tt.owner.Obj(), field(tt.owner, tt.field))
		if cat != tt.cat || ok != (tt.cat != "") {
			t.Errorf("FieldSource(%v, %s) = %q, %v; want %q", tt.owner, tt.field, cat, ok, tt.cat)
		}
	}

	auth := types.NewPackage("example.com/auth", "auth")
	session := newType(auth, "Session")
	email := newMethod(session, "Email", true)
	if cat, ok := p.FuncSource(email); cat != "contact" || !ok {
		t.Errorf("FuncSource((*auth.Session).Email) = %q, %v; want contact", cat, ok)
	}
	if _, ok := p.FuncSource(newFunc(auth, "Email")); ok {
		t.Errorf("FuncSource(auth.Email): a function is not the method of the same name")
	}

	privacy := types.NewPackage("example.com/privacy", "privacy")
	hasher := newType(privacy, "Hasher")
	if !p.IsSanitizer(newFunc(privacy, "Pseudonymize")) || !p.IsSanitizer(newMethod(hasher, "Sum", false)) {
		t.Errorf("IsSanitizer misses a listed sanitizer")
	}
	if p.IsSanitizer(newMethod(hasher, "Write", true)) || p.IsSanitizer(newFunc(privacy, "Hash")) {
		t.Errorf("IsSanitizer matches an unlisted function")
	}

	tmpl := types.NewPackage("example.com/tmpl", "tmpl")
	if prop, ok := p.Propagator(newFunc(tmpl, "Render")); !ok || prop.Func != "example.com/tmpl.Render" || prop.Line != 20 {
		t.Errorf("Propagator(tmpl.Render) = %+v, %v", prop, ok)
	}
	if _, ok := p.Propagator(newFunc(tmpl, "Execute")); ok {
		t.Errorf("Propagator(tmpl.Execute) found")
	}

	analytics := types.NewPackage("github.com/acme/analytics", "analytics")
	ac := newType(analytics, "Client")
	if s, ok := p.Sink(newMethod(ac, "Track", true)); !ok || s.EndpointHost != "api.acme-analytics.com" || !reflect.DeepEqual(s.Args, []int{1, 2}) {
		t.Errorf("Sink((*analytics.Client).Track) = %+v, %v", s, ok)
	}
	if _, ok := p.Sink(newMethod(ac, "Flush", true)); ok {
		t.Errorf("Sink((*analytics.Client).Flush) found")
	}

	// The default policy answers every lookup with false.
	d := Default()
	if d.IsGateway(send) || d.IsSanitizer(post) || d.IsGatewayType(client) {
		t.Errorf("the default policy matches a function")
	}
	if _, ok := d.Sink(send); ok {
		t.Errorf("the default policy has a sink")
	}
}

// TestLookupsTypeChecked checks lookups on objects from the type checker:
// instances of generic functions and types, promoted methods, interface
// methods and local types.
func TestLookupsTypeChecked(t *testing.T) {
	const src = `package gw

type List[T any] struct{ Items []T }

func (l *List[T]) Push(v T) { l.Items = append(l.Items, v) }

func Map[T any](v T) T { return v }

type Client struct{}

func (Client) Send(string) {}

type Wrapper struct{ Client }

type Store interface{ Save(string) }

func use(s Store) {
	var l List[int]
	l.Push(1)
	_ = Map[string]("x")
	var w Wrapper
	w.Send("x")
	s.Save("x")
	type Client struct{ Email string }
	_ = Client{}
}
`
	p := mustParse(t, head+`gateway:
  - "(example.com/gw.Client).Send"
sources:
  - type: "example.com/gw.Client"
sinks:
  - func: "(example.com/gw.Store).Save"
    args: [0]
propagators:
  - func: "(*example.com/gw.List[T]).Push"
    from: [0]
    to: [receiver]
  - func: "example.com/gw.Map"
    from: [0]
    to: [result]
`)
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "gw.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Uses: make(map[*ast.Ident]types.Object), Defs: make(map[*ast.Ident]types.Object)}
	if _, err := new(types.Config).Check("example.com/gw", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	// callee returns the object the identifier name is used for in use().
	callee := func(name string) types.Object {
		for id, obj := range info.Uses {
			if id.Name == name && fset.Position(id.Pos()).Line >= 17 {
				return obj
			}
		}
		t.Fatalf("no use of %s", name)
		return nil
	}

	push := callee("Push").(*types.Func)
	if push.Origin() == push {
		t.Fatalf("Push is not an instance")
	}
	if _, ok := p.Propagator(push); !ok {
		t.Errorf("Propagator((*List[int]).Push) not found")
	}
	mapFn := callee("Map").(*types.Func)
	if _, ok := p.Propagator(mapFn); !ok {
		t.Errorf("Propagator(Map[string]) not found")
	}
	if !p.IsGateway(callee("Send").(*types.Func)) {
		t.Errorf("IsGateway(Wrapper.Send, promoted from Client) = false")
	}
	if _, ok := p.Sink(callee("Save").(*types.Func)); !ok {
		t.Errorf("Sink(Store.Save) not found")
	}
	for id, obj := range info.Defs {
		if tn, ok := obj.(*types.TypeName); ok && id.Name == "Client" && fset.Position(id.Pos()).Line > 17 {
			st := tn.Type().Underlying().(*types.Struct)
			if _, ok := p.FieldSource(tn, st.Field(0)); ok {
				t.Errorf("FieldSource matches a local type named Client")
			}
		}
	}
}

// TestDigest checks that a policy's digest changes with its text and its
// deploy values, and only then.
func TestDigest(t *testing.T) {
	a, err := Parse("/p/datagate.yaml", []byte("version: 1\nallowed_regions: [EEA]\n"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Parse("/p/datagate.yaml", []byte("version: 1\nallowed_regions: [EEA]\n"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := Parse("/p/datagate.yaml", []byte("version: 1\nallowed_regions: [EU]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Digest() != b.Digest() {
		t.Errorf("the same policy has two digests: %s, %s", a.Digest(), b.Digest())
	}
	if a.Digest() == c.Digest() || a.Digest() == Default().Digest() {
		t.Errorf("different policies share a digest %s", a.Digest())
	}
	if d := digest("/p/datagate.yaml", nil, []DeployValue{{Kind: "env", Name: "X", Value: "https://a.example"}}); d == digest("/p/datagate.yaml", nil, []DeployValue{{Kind: "env", Name: "X", Value: "https://b.example"}}) {
		t.Errorf("deploy values do not change the digest")
	}
}
