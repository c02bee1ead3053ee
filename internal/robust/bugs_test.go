package robust

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/datagate/datagate/internal/testutil"
)

// The tests in this file reproduce bugs found by the robustness tests and
// fixed since: each guards its fix. TestMiss_* were wrong results (a flow
// not reported, or reported twice or in the wrong place); the one hang
// found, on go.yaml.in/yaml/v3, was fixed in commit 1c01172 and
// TestScanRealModules guards it. The seed corpora of FuzzStrExpr (lineage)
// and FuzzParse (lineage/policy) keep the inputs of the two fuzzing finds.

// markedLine returns "file:line" of the line holding tag in a module's Go
// files.
func markedLine(t *testing.T, dir, tag string) string {
	t.Helper()
	var at string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(data), "\n") {
			if strings.Contains(line, tag) {
				rel, _ := filepath.Rel(dir, path)
				at = fmt.Sprintf("%s:%d", filepath.ToSlash(rel), i+1)
			}
		}
		return nil
	})
	if err != nil || at == "" {
		t.Fatalf("no line marked %q in %s (%v)", tag, dir, err)
	}
	return at
}

// findingsAt returns the text output's findings at "file:line".
func findingsAt(o *outcome, at string) []textFinding {
	fs, _ := parseText(o.stdout)
	var out []textFinding
	for _, f := range fs {
		if fmt.Sprintf("%s:%d", f.file, f.line) == at {
			out = append(out, f)
		}
	}
	return out
}

// TestMiss_CgoPolicyDiscovery: in a package whose Go files all use cgo,
// the policy in the module (datagate.yaml, found by discovery) is not
// found, and the built-in default applies without a word. The analyzers
// take the package's directory from its first file's name
// (analyzers/config/config.go:107, PackageDir), and go/packages gives the
// files cgo generated, in the build cache, so policy.Locate starts there.
// (The same mistake makes analyzers/flows/flows.go:103, inGoroot, analyse
// standard library packages such as crypto/internal/sysrand/internal/seccomp
// whose first file is cgo's.) Use the //line-adjusted position
// (pass.Fset.Position(f.Package).Filename) or the package's GoFiles.
func TestMiss_CgoPolicyDiscovery(t *testing.T) {
	dir := testutil.CopyTestdata(t, "robust", "cgo")
	at := markedLine(t, dir, "(TestMiss_CgoPolicyDiscovery)")
	o := run(t, dir, []string{"CGO_ENABLED=1"}, 2*time.Minute, "./...")
	checkNoCrash(t, o)
	if len(findingsAt(o, at)) == 0 {
		t.Errorf("%s: no finding at %s: the module's policy makes out.Send an exit, but it was not applied to the cgo package\n%s", o, at, o.stdout)
	}
}

// TestMiss_CgoCallDropsData: data passed through C functions is lost.
// lineage/README.md says calls into cgo fall back to "the result carries
// the arguments"; but C.CString, C.GoString and C.same are Go functions
// cgo generates (_Cfunc_CString, ...) whose bodies copy through
// unsafe.Pointer and pass arguments to _cgo_runtime_cgocall as a uintptr,
// so the engine follows them into their bodies and loses the data. The
// flow C.CString(u.Email) -> C.same -> C.GoString -> out.Send is not
// reported (the policy is given with -policy, so that
// TestMiss_CgoPolicyDiscovery's bug does not hide this one). A model for
// the _Cfunc_ wrappers (result carries the arguments) would do.
func TestMiss_CgoCallDropsData(t *testing.T) {
	dir := testutil.CopyTestdata(t, "robust", "cgo")
	at := markedLine(t, dir, "(TestMiss_CgoCallDropsData)")
	o := run(t, dir, []string{"CGO_ENABLED=1"}, 2*time.Minute, "-policy", "datagate.yaml", "./...")
	checkNoCrash(t, o)
	if len(findingsAt(o, at)) == 0 {
		t.Errorf("%s: no finding at %s: user data passed through C.CString, C.same and C.GoString is lost\n%s", o, at, o.stdout)
	}
}

// TestMiss_MapsKeysIterator: a range over maps.Keys(m) does not carry the
// map's keys to the loop variable, nor maps.Values and maps.All its
// values, although README.md#what-carries-user-data says map keys and values carry user
// data, and a range over slices.All does carry the elements. The iterators
// of package maps have no model in package knowledge (with -v: "no model
// or summary: call of a func(K) bool value in ...", the yield callback).
func TestMiss_MapsKeysIterator(t *testing.T) {
	dir := testutil.CopyTestdata(t, "robust", "modern")
	at := markedLine(t, dir, "(TestMiss_MapsKeysIterator)")
	o := run(t, dir, nil, 2*time.Minute, "./...")
	checkNoCrash(t, o)
	if len(findingsAt(o, at)) == 0 {
		t.Errorf("%s: no finding at %s: the keys of a map of users by name, ranged over with maps.Keys, are sent\n%s", o, at, o.stdout)
	}
}

// TestMiss_SummaryLimitDropsCallerFlow: when a function's summary passes
// 512 entries (lineage/summary_build.go, fstate.full), the entries past the limit are
// dropped, so a caller's flow through them is not reported: CallWide
// passes u.Name to Wide's 600th parameter, which Wide sends, and nothing
// is reported. The limit shows only as a -v note, which neither the text
// nor the SARIF output carries (internal/cli/scan.go does not set
// report.Result.Notes). A summary past its limit could keep a coarse
// entry (every parameter reaches every exit) rather than none.
func TestMiss_SummaryLimitDropsCallerFlow(t *testing.T) {
	dir := testutil.CopyTestdata(t, "robust", "gen")
	genLimits(t, dir)
	at := markedLine(t, dir, "(TestMiss_SummaryLimitDropsCallerFlow)")
	o := run(t, dir, nil, 2*time.Minute, "./limits")
	checkNoCrash(t, o)
	if len(findingsAt(o, at)) == 0 {
		t.Errorf("%s: no finding at %s: the flow of u.Name from CallWide into Wide's last parameter is dropped with the summary's entries past the limit", o, at)
	}
}

// TestMiss_GeneratedExitReportedTwice: generated code that reads a
// user-data field of a value it was given and sends it is reported twice:
// at the hand-written call that leads to it (right, README.md#rules) and
// at the exit in the generated file itself, which README.md#rules says is
// never the location. internal/cli/merge.go:107-111 (findingsOf) reports a flow
// without Via at its exit even when the exit is in generated code.
func TestMiss_GeneratedExitReportedTwice(t *testing.T) {
	dir := testutil.CopyTestdata(t, "robust", "gen")
	testutil.WriteFile(t, dir, "genread/genread.go", `// Code generated by internal/robust (TestMiss_GeneratedExitReportedTwice). DO NOT EDIT.

// Package genread is generated code that reads user data itself.
package genread

import (
	"example.com/robust/gen/model"
	"example.com/robust/gen/out"
)

// Track sends the user's e-mail address.
func Track(u *model.User) {
	out.Send(u.Email)
}
`)
	testutil.WriteFile(t, dir, "caller/caller.go", `// Package caller is hand-written code that calls the generated code.
package caller

import (
	"example.com/robust/gen/genread"
	"example.com/robust/gen/model"
)

// Signup tracks the new user.
func Signup(u *model.User) {
	genread.Track(u) // want disallowed-region
}
`)
	o := run(t, dir, nil, 2*time.Minute, "./...")
	checkNoCrash(t, o)
	checkMarks(t, o, readMarks(t, dir))
}
