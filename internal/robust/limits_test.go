package robust

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/datagate/datagate/internal/testutil"
)

// genLimits writes package limits: one function past each of five limits
// of lineage/README.md's table, each with a flow that must still be
// reported.
//
//   - LongPath: 150 calls make a path of 300 steps or more (limit 200 per
//     flow).
//   - ManyHosts: the destination is one of ten URLs (limit 8 alternatives).
//   - Wide: 600 exits of parameters make a large summary (the summary
//     limit, now 16384 entries, is not reached: summaries are coarsened per
//     parameter and output first); the e-mail address it reads itself and
//     the caller's flow into its last parameter must be reported.
//   - Shift: a loop moves the e-mail address one variable further per pass,
//     so the data flow needs 15 passes (limit 13).
//   - Big: 1,200 branches make a function of more SSA instructions than a
//     precise walk takes (3,000): it is walked field-insensitively.
func genLimits(t *testing.T, dir string) {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	params := func(n int, format, sep string) string {
		var ps []string
		for i := range n {
			ps = append(ps, strings.ReplaceAll(format, "#", fmt.Sprint(i)))
		}
		return strings.Join(ps, sep)
	}
	w("// Package limits drives functions past the engine's limits.")
	w("package limits\n")
	w("import (\n\t\"example.com/robust/gen/model\"\n\t\"example.com/robust/gen/out\"\n)\n")
	w("func id(s string) string { return s }\n")

	w("// LongPath passes the e-mail address through 150 calls.")
	w("func LongPath(u *model.User) {\n\ts := u.Email")
	for range 150 {
		w("\ts = id(s)")
	}
	w("\tout.Send(s) // want disallowed-region\n}\n")

	w("// host returns one of ten URLs, all internal.")
	w("func host(n int) string {\n\turl := \"https://h0.internal/x\"\n\tswitch n {")
	for i := 1; i < 10; i++ {
		w("\tcase %d:\n\t\turl = \"https://h%d.internal/x\"", i, i)
	}
	w("\t}\n\treturn url\n}\n")
	w("// ManyHosts sends to one of ten internal hosts: past the limit, the")
	w("// destination is not proved internal, so a warning says why.")
	w("func ManyHosts(u *model.User, n int) {")
	w("\tout.SendTo(host(n), u.Email) // want unresolved-endpoint\n}\n")

	w("// Wide sends each of 600 parameters, then the e-mail address.")
	w("func Wide(u *model.User, %s string) {", params(600, "p#", ", "))
	w("%s", params(599, "\tout.Send(p#)", "\n"))
	w("\tout.Send(p599) // may disallowed-region (TestMiss_SummaryLimitDropsCallerFlow)")
	w("\tout.Send(u.Email) // want disallowed-region\n}\n")
	w("// CallWide passes the name as Wide's last parameter.")
	w("func CallWide(u *model.User) {\n\tWide(u, %s, u.Name)\n}\n", params(599, `""`, ", "))

	w("// Shift moves the e-mail address one variable further on each pass of")
	w("// the loop: it reaches v15 after 15 passes.")
	w("func Shift(u *model.User, n int) {")
	w("\t%s := u.Email%s", params(16, "v#", ", "), strings.Repeat(`, ""`, 15))
	w("\tkeep := []*string{%s}\n\t_ = keep", params(16, "&v#", ", "))
	w("\tfor i := 0; i < n; i++ {")
	for i := 15; i > 0; i-- {
		w("\t\tv%d = v%d", i, i-1)
	}
	w("\t}\n\tout.Send(v15) // want disallowed-region\n}\n")

	w("// Big branches 1,200 times before it sends the e-mail address: over")
	w("// the size limit, it is walked field-insensitively from the start.")
	w("func Big(u *model.User, n int) {\n\ts, t := u.Email, \"\"")
	for i := range 1200 {
		w("\tif n > %d {\n\t\tt = t + \"y\"\n\t}", i)
	}
	w("\tout.Send(s + t) // want disallowed-region\n}")
	testutil.WriteFile(t, dir, "limits/limits.go", b.String())
}

// jsonOutput is the part of -format json the tests look at.
type jsonOutput struct {
	Findings []struct {
		Rule string `json:"rule"`
		Flow struct {
			Exit struct {
				Func string `json:"func"`
			} `json:"exit"`
			Path      []json.RawMessage `json:"path"`
			PathCut   int               `json:"path_cut"`
			Endpoints []struct {
				Value      string `json:"value"`
				Unresolved string `json:"unresolved"`
			} `json:"endpoints"`
		} `json:"flow"`
	} `json:"findings"`
}

// TestLimits checks, end to end, that a function past one of the engine's
// limits still has its flow reported and that the limit shows: a note
// with -v, PathCut in JSON, "steps omitted" in text, the codeFlow message
// in SARIF, the reason of an unresolved endpoint.
func TestLimits(t *testing.T) {
	dir := testutil.CopyTestdata(t, "robust", "gen")
	genLimits(t, dir)
	m := readMarks(t, dir)

	js := run(t, dir, nil, 2*time.Minute, "-format", "json", "./limits")
	checkNoCrash(t, js)
	var out jsonOutput
	if err := json.Unmarshal([]byte(js.stdout), &out); err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	cut := 0
	seen := map[string]bool{}
	for _, f := range out.Findings {
		fl := f.Flow
		switch fn := fl.Exit.Func; fn {
		case "example.com/robust/gen/limits.LongPath":
			seen[fn] = true
			cut = fl.PathCut
			// 150 calls: at least a step into and one out of each.
			if len(fl.Path) != 200 || fl.PathCut < 100 {
				t.Errorf("LongPath: path of %d steps with %d cut, want 200 kept and at least 100 cut", len(fl.Path), fl.PathCut)
			}
		case "example.com/robust/gen/limits.ManyHosts":
			seen[fn] = true
			var values, reasons []string
			for _, e := range fl.Endpoints {
				if e.Unresolved != "" {
					reasons = append(reasons, e.Unresolved)
				} else {
					values = append(values, e.Value)
				}
			}
			if len(values) != 7 || len(reasons) != 1 || reasons[0] != "too many possible values" {
				t.Errorf("ManyHosts: endpoints %q, unresolved %q; want 7 URLs and \"too many possible values\"", values, reasons)
			}
		}
	}
	for _, fn := range []string{"example.com/robust/gen/limits.LongPath", "example.com/robust/gen/limits.ManyHosts"} {
		if !seen[fn] {
			t.Errorf("%s: no finding in %s", js, fn)
		}
	}

	text := run(t, dir, nil, 2*time.Minute, "-v", "./...")
	checkNoCrash(t, text)
	if t.Failed() {
		return
	}
	if text.code != 1 {
		t.Errorf("%s: exit code %d, want 1", text, text.code)
	}
	checkMarks(t, text, m)
	for _, note := range []string{
		"datagate: note: example.com/robust/gen/limits.Shift: data flow did not settle in 13 passes",
	} {
		if !strings.Contains(text.stderr, note) {
			t.Errorf("%s: -v does not show the limit %q; stderr:\n%s", text, note, testutil.Head(text.stderr, 20))
		}
	}
	bigNote := regexp.MustCompile(`datagate: note: example.com/robust/gen/limits.Big: [0-9]+ SSA instructions, over the size limit \(3000\): walked field-insensitively\n`)
	if !bigNote.MatchString(text.stderr) {
		t.Errorf("%s: -v does not say that Big is over the size limit; stderr:\n%s", text, testutil.Head(text.stderr, 20))
	}
	// The same for limits as a dependency, analysed or restored from the
	// cache.
	testutil.WriteFile(t, dir, "limitsuse/use.go", "// Package limitsuse imports limits.\npackage limitsuse\n\nimport \"example.com/robust/gen/limits\"\n\nvar _ = limits.Big\n")
	for _, round := range []string{"analysed", "restored"} {
		dep := run(t, dir, nil, 2*time.Minute, "-v", "./limitsuse")
		checkNoCrash(t, dep)
		if !bigNote.MatchString(dep.stderr) {
			t.Errorf("%s: -v does not say that Big, in a dependency %s, is over the size limit; stderr:\n%s", dep, round, testutil.Head(dep.stderr, 20))
		}
	}
	if omitted := fmt.Sprintf("    ... %d steps omitted ...\n", cut); !strings.Contains(text.stdout, omitted) {
		t.Errorf("%s: the text output does not say %q of LongPath's path", text, omitted)
	}

	sarif := run(t, dir, nil, 2*time.Minute, "-format", "sarif", "./limits")
	checkNoCrash(t, sarif)
	log := parseSARIF(t, sarif.stdout)
	found := false
	for _, r := range log.Runs[0].Results {
		for _, cf := range r.CodeFlows {
			if strings.Contains(cf.Message.Text, fmt.Sprintf("the analysis left out %d steps from the middle", cut)) {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("%s: no codeFlow message says that %d steps were left out", sarif, cut)
	}
}
