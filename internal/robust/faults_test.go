package robust

import (
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/datagate/datagate/internal/testutil"
)

// A fault case is a module in testdata/robust (or the generated-code
// skeleton there with generated packages added) that datagate must get
// through without crashing: the good packages' findings reported, the
// packages that cannot be analysed listed as tool errors.
type faultCase struct {
	name   string
	module string // directory under testdata/robust
	// generate adds files to the copy of the module.
	generate func(t *testing.T, dir string)
	env      []string
	// patterns are the packages to scan (default ./...).
	patterns []string
	// failing are the packages (import paths) that must be tool errors.
	failing []string
	// slow cases are left out under -short.
	slow    bool
	timeout time.Duration
}

func faultCases() []faultCase {
	return []faultCase{
		{
			name:   "type and syntax errors",
			module: "typeerr",
			failing: []string{
				"example.com/robust/typeerr/broken",
				"example.com/robust/typeerr/dependent",
				"example.com/robust/typeerr/syntax",
			},
			timeout: time.Minute,
		},
		{
			// cgo is on (CGO_ENABLED=1): with a C compiler the package
			// loads through cgo's generated files and is analysed; without
			// one it is a tool error.
			name: "cgo", module: "cgo", env: []string{"CGO_ENABLED=1"},
			failing: cgoFailing(),
			slow:    true, timeout: 2 * time.Minute,
		},
		{
			// cgo is off: the package's only file needs cgo. Named
			// explicitly, it is a tool error ("build constraints exclude
			// all Go files"); the rest is analysed. (Under ./... go list
			// leaves such a package out without a word, as go build and
			// go vet do.)
			name: "cgo disabled", module: "cgo", env: []string{"CGO_ENABLED=0"},
			patterns: []string{"./good", "./native"},
			failing:  []string{"example.com/robust/cgo/native"},
			timeout:  time.Minute,
		},
		{name: "assembly", module: "asm", timeout: time.Minute},
		{name: "generics, iterators, unsafe", module: "modern", timeout: time.Minute},
		{
			name: "20,000-statement function", module: "gen", generate: genHuge,
			slow: true, timeout: 3 * time.Minute,
		},
		{
			name: "500 mutually recursive functions", module: "gen", generate: genRecursion,
			slow: true, timeout: 3 * time.Minute,
		},
	}
}

// TestFaults scans each fault module twice: in text without -keep-going
// (exit code 2 when a package failed, else 1 for the good package's
// finding), and in SARIF with -keep-going (exit code 1: the findings
// alone). Both must list every failing package, and the SARIF run must say
// executionSuccessful false exactly when one failed.
func TestFaults(t *testing.T) {
	for _, c := range faultCases() {
		t.Run(c.name, func(t *testing.T) {
			if c.slow && testing.Short() {
				t.Skip("slow; left out under -short")
			}
			dir := testutil.CopyTestdata(t, "robust", c.module)
			if c.generate != nil {
				c.generate(t, dir)
			}
			m := readMarks(t, dir)

			patterns := c.patterns
			if patterns == nil {
				patterns = []string{"./..."}
			}
			text := run(t, dir, c.env, c.timeout, patterns...)
			checkNoCrash(t, text)
			if t.Failed() {
				return
			}
			wantCode := 1 // the good package's finding
			if len(c.failing) > 0 {
				wantCode = 2
			}
			if text.code != wantCode {
				t.Errorf("%s: exit code %d, want %d\n%s%s", text, text.code, wantCode, text.stdout, text.stderr)
			}
			checkMarks(t, text, m)
			_, errs := parseText(text.stdout)
			for _, p := range c.failing {
				if errs[p] == "" {
					t.Errorf("%s: no tool error for %s in the text output:\n%s", text, p, text.stdout)
				}
			}
			for p, msg := range errs {
				if !contains(c.failing, p) {
					t.Errorf("%s: unexpected tool error for %s: %s", text, p, msg)
				}
			}
			if n := len(c.failing); n > 0 && !strings.Contains(text.stdout, fmt.Sprintf("; %d package", n)) {
				t.Errorf("%s: the summary line does not count the %d packages not analysed:\n%s", text, n, text.stdout)
			}

			sarif := run(t, dir, c.env, c.timeout, append([]string{"-format", "sarif", "-keep-going"}, patterns...)...)
			checkNoCrash(t, sarif)
			if t.Failed() {
				return
			}
			if sarif.code != 1 {
				t.Errorf("%s: exit code %d with -keep-going, want 1 (the findings)\n%s", sarif, sarif.code, sarif.stderr)
			}
			log := parseSARIF(t, sarif.stdout)
			inv := log.Runs[0].Invocations[0]
			if inv.ExecutionSuccessful != (len(c.failing) == 0) {
				t.Errorf("%s: executionSuccessful = %v with %d failing packages", sarif, inv.ExecutionSuccessful, len(c.failing))
			}
			for _, p := range c.failing {
				found := false
				for _, n := range inv.Notifications {
					if n.Level == "error" && strings.HasPrefix(n.Message.Text, "package "+p+": ") {
						found = true
					}
				}
				if !found {
					t.Errorf("%s: no error notification for %s", sarif, p)
				}
			}
			if len(log.Runs[0].Results) != countFindings(text) {
				t.Errorf("%s: %d results, but the text output has %d findings", sarif, len(log.Runs[0].Results), countFindings(text))
			}
		})
	}
}

// cgoFailing is what the cgo module's scan must list as failing: nothing
// when go has a C compiler, else the cgo package.
func cgoFailing() []string {
	out, err := exec.Command("go", "env", "CC").Output()
	if err == nil {
		if _, err = exec.LookPath(strings.Fields(string(out) + " gcc")[0]); err == nil {
			return nil
		}
	}
	return []string{"example.com/robust/cgo/native"}
}

func countFindings(o *outcome) int {
	fs, _ := parseText(o.stdout)
	return len(fs)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// genHuge writes package huge: one function of 20,000 statements (straight
// assignments, branches, calls) in a file marked as generated, through
// which the e-mail address a hand-written caller passes flows to an exit.
func genHuge(t *testing.T, dir string) {
	const n = 20000
	var b strings.Builder
	b.WriteString("// Code generated by internal/robust (TestFaults). DO NOT EDIT.\n\n")
	b.WriteString("// Package huge holds one function of 20,000 statements.\n")
	b.WriteString("package huge\n\nimport \"example.com/robust/gen/out\"\n\n")
	b.WriteString("func id(s string) string { return s }\n\n")
	b.WriteString("// Huge passes s through 20,000 statements, then sends it.\n")
	b.WriteString("func Huge(s string, n int) (string, int) {\n\tt := \"\"\n")
	for i := range n {
		switch i % 5 {
		case 0:
			fmt.Fprintf(&b, "\ts = s + %q\n", "x")
		case 1:
			fmt.Fprintf(&b, "\tif n > %d {\n\t\tt = t + %q\n\t}\n", i, "y")
		case 2:
			fmt.Fprintf(&b, "\tn += %d\n", i%7)
		case 3:
			b.WriteString("\ts = id(s)\n")
		case 4:
			fmt.Fprintf(&b, "\tt = t[:len(t)/2] + %q\n", "z")
		}
	}
	b.WriteString("\tout.Send(s)\n\treturn t, n\n}\n")
	testutil.WriteFile(t, dir, "huge/huge.go", b.String())
	// The exit is in generated code, so the finding is reported at the
	// last call in hand-written code that leads to it (README.md#rules).
	testutil.WriteFile(t, dir, "hugecaller/caller.go", `// Package hugecaller calls the generated function.
package hugecaller

import (
	"example.com/robust/gen/huge"
	"example.com/robust/gen/model"
)

// Call runs the generated function on the e-mail address.
func Call(u *model.User) {
	huge.Huge(u.Email, 3) // want disallowed-region
}
`)
}

// genRecursion writes package recursion: F0 ... F499 call each other in a
// ring, passing the e-mail address along; F499 sends it. Start calls F0, so
// the flow crosses the whole ring.
func genRecursion(t *testing.T, dir string) {
	const n = 500
	var b strings.Builder
	b.WriteString("// Package recursion is a ring of 500 mutually recursive functions.\n")
	b.WriteString("package recursion\n\nimport \"example.com/robust/gen/out\"\n\n")
	for i := range n {
		next := (i + 1) % n
		fmt.Fprintf(&b, "// F%d passes s on to F%d.\n", i, next)
		fmt.Fprintf(&b, "func F%d(s string, n int) string {\n", i)
		if i == n-1 {
			b.WriteString("\tout.Send(s) // want disallowed-region\n")
		}
		fmt.Fprintf(&b, "\tif n <= 0 {\n\t\treturn s\n\t}\n\treturn F%d(s+%q, n-1)\n}\n\n", next, "")
	}
	testutil.WriteFile(t, dir, "recursion/recursion.go", b.String())
	testutil.WriteFile(t, dir, "recursioncaller/caller.go", `// Package recursioncaller starts the ring.
package recursioncaller

import (
	"example.com/robust/gen/model"
	"example.com/robust/gen/recursion"
)

// Start sends the e-mail address round the ring.
func Start(u *model.User) string {
	return recursion.F0(u.Email, 1000)
}
`)
}
