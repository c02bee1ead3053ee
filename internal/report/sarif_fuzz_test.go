package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/datagate/datagate/internal/testutil"
	"github.com/datagate/datagate/lineage"
	"github.com/datagate/datagate/lineage/rules"
)

// FuzzSARIF writes findings made of arbitrary text (messages, field names,
// endpoints, reasons, package names, the category), arbitrary source file
// contents (any bytes, any line endings, any Unicode) and arbitrary
// positions, and checks that:
//
//   - no writer panics;
//   - the SARIF output is valid JSON and validates against the SARIF 2.1.0
//     schema (testdata/sarif), formats included;
//   - the JSON output is valid JSON;
//   - writing twice gives the same bytes.
//
// Levels are the ones the engine produces (error, warning, note, or empty
// for the rule's default); everything else is free. Run it with
//
//	go test -run='^$' -fuzz=FuzzSARIF -fuzztime=10m ./internal/report
func FuzzSARIF(f *testing.F) {
	f.Add("User data model.User.Email (contact) is sent to api.mixpanel.com in US.", []byte("package app\n\nfunc f() {\n\thttp.Post(u, \"\", nil)\n}\n"),
		"signup.go", "example.com/m.User.Email", "https://api.mixpanel.com/track", "api.mixpanel.com", "US", "", 4, 2, 3, uint8(0))
	f.Add("Ünïcödé [link](1) \u202e\U0001F600 \x00\xff", []byte("\xef\xbb\xbfpackage ä\r\n\r\n// 😀😀\tx := \"日本\"\r\nfunc g() {}"),
		"dir/ä ö.go", "p.T.F", "", "", "", "environment variable X]", 3, 9, 1, uint8(1))
	f.Add("", []byte{}, "", "", "", "", "", "", 0, 0, 0, uint8(2))
	f.Add("msg", []byte("a\rb\rc\r"), "../out.go", "", "%zz", "[::1]", "internal", "", -1, -5, 1<<20, uint8(3))
	f.Add("x", []byte(strings.Repeat("é", 300)+"\n"), "C:\\w\\x.go", "a.B.C", "http://h/p?q=[1]", "h", "ZZ", "why", 1, 1<<30, 2500, uint8(0xff))
	// One directory per fuzzing process: a fresh one per input would cost
	// more than the input.
	dir := f.TempDir()
	n := 0
	f.Fuzz(func(t *testing.T, msg string, content []byte, name, field, value, host, region, reason string, line, col, steps int, flags uint8) {
		n++
		root := filepath.Join(dir, strconv.Itoa(n))
		if err := os.Mkdir(root, 0o755); err != nil {
			t.Fatal(err)
		}
		defer os.RemoveAll(root)
		file := filepath.Join(root, "f.go")
		if ok := name != "" && !strings.ContainsAny(name, "/\\\x00") && name != "." && name != ".." && len(name) < 100; ok {
			file = filepath.Join(root, name)
		} else if name != "" {
			// An odd name: keep it as the position's file (relative or
			// outside the root), with no file behind it.
			file = name
		}
		if filepath.IsAbs(file) && strings.HasPrefix(file, root) {
			if err := os.WriteFile(file, content, 0o644); err != nil {
				file = filepath.Join(root, "f.go")
				if err := os.WriteFile(file, content, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		at := func(l, c int) lineage.Position { return lineage.Position{File: file, Line: l, Col: c} }

		levels := []string{"", rules.LevelError, rules.LevelWarning, rules.LevelNote}
		ids := []string{rules.DisallowedRegion, rules.GatewayBypass, rules.UnknownRegion, "unresolved-endpoint", msg}
		// Mostly short paths; one input in four has a path past the 1,000
		// steps GitHub shows, which the writer cuts.
		steps = min(max(steps, 0)%16, 15)
		if flags&0xc0 == 0xc0 {
			steps += 1000
		}
		var path []lineage.Step
		for i := range steps {
			path = append(path, lineage.Step{Pos: at(line+i%7, col-i%3), Desc: msg})
		}
		label := lineage.Label{Field: field, Category: reason, Decl: at(line+1, col)}
		ep := lineage.Endpoint{Value: value, Host: host, Region: region, RegionWhy: reason, Def: at(line, col+1)}
		if flags&4 != 0 {
			ep = lineage.Endpoint{Unresolved: reason}
		}
		flow := lineage.Flow{
			Labels:    []lineage.Label{label, {Field: host, Category: region}},
			Exit:      lineage.Exit{Pos: at(line, col), Kind: lineage.ExitHTTP, Callee: value, Func: field},
			Endpoints: []lineage.Endpoint{ep, {Value: msg}},
			Path:      path,
			PathCut:   steps / 2,
			Via:       at(line, col),
			ViaFunc:   host,
		}
		var suppr *lineage.Suppression
		if flags&8 != 0 {
			suppr = &lineage.Suppression{Rule: rules.DisallowedRegion, Reason: msg, Pos: at(line-1, 1)}
		}
		r := &Result{
			Findings: []lineage.Finding{
				{Rule: ids[int(flags)%len(ids)], Level: levels[int(flags>>4)%len(levels)], Message: msg, Flow: flow, Suppr: suppr},
				{Rule: rules.UnknownRegion, Message: reason, Flow: lineage.Flow{Exit: lineage.Exit{Pos: at(col, line)}}},
			},
			Errors:          []lineage.ToolError{{Package: field, Pos: at(line, col), Message: msg}},
			Root:            root,
			Version:         "0.0.0-fuzz",
			Category:        host,
			ShowSuppressed:  flags&16 != 0,
			BaselineMatched: int(flags >> 6),
			Notes:           []string{msg, reason},
		}
		if flags&32 != 0 {
			r.Root = ""
		}

		out := fuzzWrite(t, "sarif", r)
		if !json.Valid(out) {
			t.Fatalf("SARIF output is not valid JSON:\n%s", out)
		}
		if err := testutil.ValidateSARIF(out); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		if again := fuzzWrite(t, "sarif", r); !bytes.Equal(out, again) {
			t.Fatalf("two SARIF writes differ")
		}
		if js := fuzzWrite(t, "json", r); !json.Valid(js) {
			t.Fatalf("JSON output is not valid JSON:\n%s", js)
		}
		fuzzWrite(t, "text", r)
	})
}

func fuzzWrite(t *testing.T, format string, r *Result) []byte {
	t.Helper()
	w, err := ForFormat(format)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := w.Write(&b, r); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return b.Bytes()
}
