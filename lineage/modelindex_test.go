package lineage

import (
	"strings"
	"testing"

	"github.com/datagate/datagate/knowledge"
)

// TestParseSpec checks the endpoint spec language of the knowledge tables
// (knowledge/models.go): each alternative, their order, templates.
func TestParseSpec(t *testing.T) {
	for spec, want := range map[string]string{
		"arg:1":                        "a1",
		"arg:0.Dsn":                    "a0.Dsn",
		"obj:0":                        "o0",
		"obj:0.Addr":                   "o0.Addr",
		"~2":                           "o2",
		"opt:1:.Region":                "p1.Region",
		"set:.Edge":                    "s.Edge",
		"env:AWS_REGION":               "e(AWS_REGION)",
		"?not known here":              "u(not known here)",
		`"https://api.segment.io"`:     "f(https://api.segment.io)",
		`arg:1.Endpoint | "https://x"`: "a1.Endpoint | f(https://x)",
		`opt:1:.BaseEndpoint | "https://s3.{opt:1:.Region | arg:0.Region}.amazonaws.com"`: "p1.BaseEndpoint | t(https://s3.{p1.Region | a0.Region}.amazonaws.com)",
		`"{arg:2}{arg:1}"`: "t({a2}{a1})",
		"call:github.com/getsentry/sentry-go.Init{arg:0.Dsn | env:SENTRY_DSN} | ?elsewhere": "c(github.com/getsentry/sentry-go.Init){a0.Dsn | e(SENTRY_DSN)} | u(elsewhere)",
	} {
		sp, err := parseSpec(spec)
		if err != nil {
			t.Errorf("%s: %v", spec, err)
			continue
		}
		if got := specString(sp); got != want {
			t.Errorf("%s:\n got %s\nwant %s", spec, got, want)
		}
	}
	for _, bad := range []string{
		"", "arg:", "arg:x", "obj:-1", "opt:1", "opt:1:Region", "set:Region", "call:f", "call:{arg:0}",
		`"https://{arg:0"`, `"https://x`, "arg:0 | ", "nonsense", "{arg:0}", "env:",
	} {
		if sp, err := parseSpec(bad); err == nil {
			t.Errorf("%q: parsed as %s, want an error", bad, specString(sp))
		}
	}
}

func specString(sp *endpointSpec) string {
	var alts []string
	for a := sp; a != nil; a = a.next {
		var b strings.Builder
		switch a.kind {
		case 'a', 'o', 'p':
			b.WriteString(string(a.kind) + itoa(a.index) + a.path)
		case 's':
			b.WriteString("s" + a.path)
		case 'f', 'e', 'u':
			b.WriteString(string(a.kind) + "(" + a.fixed + ")")
		case 'c':
			b.WriteString("c(" + a.fixed + "){" + specString(a.inner) + "}")
		case 't':
			b.WriteString("t(")
			for _, p := range a.parts {
				if p.slot != nil {
					b.WriteString("{" + specString(p.slot) + "}")
				} else {
					b.WriteString(p.lit)
				}
			}
			b.WriteString(")")
		}
		alts = append(alts, b.String())
	}
	return strings.Join(alts, " | ")
}

// TestTables checks that every row of the knowledge tables parses (the
// index panics on a bad row), names its source, and that the SDK rows name
// an operation.
func TestTables(t *testing.T) {
	idx := defaultModels()
	for _, x := range append(append([]knowledge.ExitModel(nil), knowledge.Exits...), knowledge.SDKExits...) {
		if x.Source == "" || x.Kind == "" {
			t.Errorf("exit %s: no source or kind", x.Func)
		}
		if _, ok := idx.exits[x.Func]; !ok {
			t.Errorf("exit %s: not in the index", x.Func)
		}
	}
	for _, x := range knowledge.SDKExits {
		if x.Op == "" {
			t.Errorf("SDK exit %s: no operation name", x.Func)
		}
	}
	for _, c := range append(append([]knowledge.CreatorModel(nil), knowledge.Creators...), knowledge.SDKCreators...) {
		if c.Source == "" || c.Endpoint == "" {
			t.Errorf("creator %s: no source or endpoint", c.Func)
		}
	}
	for _, s := range knowledge.Settings {
		if s.Source == "" || idx.setting(s.Func, s.Path) == nil {
			t.Errorf("setting %s %s: no source, or not in the index", s.Func, s.Path)
		}
	}
	for _, m := range knowledge.SDKModels {
		if m.Source == "" {
			t.Errorf("model %s: no source", m.Func)
		}
	}
	// A receiver default names the operation after the method.
	if x, op := idx.exit("(*github.com/aws/aws-sdk-go-v2/service/sqs.Client).DeleteMessage"); x == nil || op != "SQS DeleteMessage" {
		t.Errorf("sqs DeleteMessage: %v %q, want the SQS client's default as SQS DeleteMessage", x, op)
	}
	if x, _ := idx.exit("(*github.com/aws/aws-sdk-go-v2/service/sqs.Options).Copy"); x != nil {
		t.Errorf("(*sqs.Options).Copy: an exit, want none (the default is the Client's)")
	}
}

func TestIsModelled(t *testing.T) {
	for path, want := range map[string]bool{
		"github.com/aws/aws-sdk-go-v2/service/s3":          true,
		"github.com/aws/aws-sdk-go-v2/service/s3/types":    true,
		"github.com/aws/aws-sdk-go-v2/service/s3control":   false,
		"github.com/aws/aws-sdk-go-v2/service/lambda":      false,
		"github.com/aws/aws-sdk-go-v2/aws":                 true,
		"github.com/aws/aws-sdk-go-v2/aws/retry":           false,
		"github.com/getsentry/sentry-go":                   true,
		"github.com/getsentry/sentry-go/http":              false,
		"github.com/DataDog/datadog-go/v5/statsd":          true,
		"gopkg.in/DataDog/dd-trace-go.v1/ddtrace/tracer":   true,
		"gopkg.in/DataDog/dd-trace-go.v1/contrib/net/http": false,
	} {
		if got := knowledge.IsModelled(path); got != want {
			t.Errorf("IsModelled(%s) = %v, want %v", path, got, want)
		}
	}
}
