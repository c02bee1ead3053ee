package policy

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse feeds arbitrary bytes to the policy parser and checks that it
// never panics, that every error is an *Error naming the file and a line
// (1-based; a policy error must let an editor jump to it), and that a
// policy it accepts is complete (version 1, allowed regions) and parses the
// same way twice. The seeds are the policies in testdata and a few broken
// ones; go test runs them, and the corpus in testdata/fuzz/FuzzParse, on
// every run. Fuzz with
//
//	go test -run='^$' -fuzz=FuzzParse -fuzztime=10m ./lineage/policy
func FuzzParse(f *testing.F) {
	if data, err := os.ReadFile(filepath.Join("testdata", FileName)); err == nil {
		f.Add(data)
	}
	for _, s := range []string{
		"version: 1\n",
		"version: 1\nallowed_regions: [EEA, US]\n",
		"version: 2\n",
		"version: 1\nendpoints:\n  - hosts: [\"*.x.eu\"]\n    region: USA\n",
		"version: 1\nsources:\n  - field: a.B\n",
		"version: 1\nsinks:\n  - func: \"(*a/b.C).D\"\n    args: [0, receiver]\n    endpoint_arg: 1\n    kind: http\n",
		"version: 1\npropagators:\n  - func: a.F\n    from: [receiver]\n    to: [result, 0]\n",
		"version: 1\ngateway:\n",
		"version: 1\nx: &a [*a]\n",
		"a: &a [1]\nb: *a\nversion: 1\n",
		"version: 1\n---\nversion: 1\n",
		"\tversion: 1",
		"version: [1\n",
		"{version: 1, allowed_regions: [EEA]}",
		"# only a comment\n",
		"",
		"version: !!str 1\n",
		"version: 1\nallowed_regions: [EEA]\nallowed_regions: [EU]\n",
		"%YAML 1.1\n%YAML 1.1\n---\nversion: 1\n",
		"version: 1\nsources: [{type: a.B, category: \"Bad Category\"}]\n",
		"\ufeffversion: 1\n",
		"version: 1\x00\n",
		"version: 1\nendpoints:\n  - hosts: [\"\"]\n    region: EU\n",
		// YAML errors that go.yaml.in/yaml/v3 reports without a line, and
		// that (*decoder).syntax (decode.go) leaves at line 0: any reader
		// error (bad UTF-8, a control character) on any line, and scanner
		// or parser errors on the first line or without a mark.
		"version: 1\n# Z\xfcrich office (Latin-1)\nallowed_regions: [EEA]\n",
		"version: 1\nallowed_regions: *eu\n",
		"0: 0:",
		"%YAML 0",
	} {
		f.Add([]byte(s))
	}
	const file = "/policies/datagate.yaml"
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(file, data)
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q) error %T %v, want *Error", data, err, err)
			}
			if pe.File != file {
				t.Fatalf("Parse(%q) error %q names file %q, want %q", data, err, pe.File, file)
			}
			if pe.Line <= 0 {
				t.Fatalf("Parse(%q) error %q has no line", data, err)
			}
			if pe.Msg == "" {
				t.Fatalf("Parse(%q) error %q has no message", data, err)
			}
			if n := yamlLines(data); pe.Line > n+1 {
				t.Fatalf("Parse(%q) error %q at line %d, but the input has %d lines", data, err, pe.Line, n)
			}
			return
		}
		if p.File != file || p.Version != Version || len(p.AllowedRegions) == 0 {
			t.Fatalf("Parse(%q) = %+v: incomplete policy", data, p)
		}
		q, err := Parse(file, data)
		if err != nil {
			t.Fatalf("Parse(%q) succeeded, then failed: %v", data, err)
		}
		if len(q.Sources) != len(p.Sources) || len(q.Sinks) != len(p.Sinks) || len(q.Endpoints) != len(p.Endpoints) {
			t.Fatalf("Parse(%q) twice gives different policies", data)
		}
	})
}

// yamlLines counts the lines of data as YAML does: a line ends at \n, \r,
// \r\n, NEL, LS or PS.
func yamlLines(data []byte) int {
	s := strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u0085", "\n", "\u2028", "\n", "\u2029", "\n").Replace(string(data))
	return strings.Count(s, "\n") + 1
}
