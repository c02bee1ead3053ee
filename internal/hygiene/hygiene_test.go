// Package hygiene holds the repository's hygiene test: every Go file is
// gofmt-formatted, go vet is clean and go.mod and go.sum are tidy. It has
// no code of its own; it is a package so that `go test ./...` runs it.
package hygiene

import (
	"bytes"
	"fmt"
	"go/format"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/datagate/datagate/internal/testutil"
	"github.com/datagate/datagate/knowledge"
)

// TestGofmt checks that the Go files outside testdata/ directories are
// formatted as gofmt would format them. The files are the ones git tracks,
// plus new ones it does not ignore, so that a file is caught before it is
// committed; outside a git checkout, every Go file under the module root.
func TestGofmt(t *testing.T) {
	root := testutil.RepoRoot(t)
	files := goFiles(t, root)
	if len(files) == 0 {
		t.Fatal("no Go files found")
	}
	for _, name := range files {
		src, err := os.ReadFile(filepath.Join(root, name))
		if os.IsNotExist(err) {
			continue // deleted in the work tree, not yet in the index
		}
		if err != nil {
			t.Error(err)
			continue
		}
		got, err := format.Source(src)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !bytes.Equal(got, src) {
			t.Errorf("%s is not gofmt-formatted (run gofmt -w %s)", name, name)
		}
	}
}

// TestVet runs go vet over the module.
func TestVet(t *testing.T) {
	if testing.Short() {
		t.Skip("go vet builds every package; skipped with -short")
	}
	goCommand(t, testutil.RepoRoot(t), "vet", "./...")
}

// TestModTidy checks that go mod tidy would change neither go.mod nor
// go.sum.
func TestModTidy(t *testing.T) {
	if testing.Short() {
		t.Skip("go mod tidy may consult the module proxy; skipped with -short")
	}
	goCommand(t, testutil.RepoRoot(t), "mod", "tidy", "-diff")
}

// goCommand runs the go command in dir and fails the test with its output
// if it fails.
func goCommand(t *testing.T, dir string, args ...string) {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("go command not found: %v", err)
	}
	cmd := exec.Command(gobin, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// goFiles lists the Go files to check, relative to root with forward
// slashes, leaving out testdata/ directories (fixtures, some deliberately
// odd).
func goFiles(t *testing.T, root string) []string {
	t.Helper()
	var names []string
	if out, err := gitLsFiles(root); err == nil {
		names = strings.Split(strings.TrimRight(out, "\x00"), "\x00")
	} else {
		t.Logf("not using git (%v): checking every Go file under %s", err, root)
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != root && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_")) {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasSuffix(path, ".go") {
				rel, err := filepath.Rel(root, path)
				if err != nil {
					return err
				}
				names = append(names, filepath.ToSlash(rel))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	var keep []string
	for _, n := range names {
		if n == "" || !strings.HasSuffix(n, ".go") || n == "testdata" || strings.HasPrefix(n, "testdata/") || strings.Contains(n, "/testdata/") {
			continue
		}
		keep = append(keep, n)
	}
	return keep
}

// gitLsFiles lists the tracked and the untracked, not ignored, Go files
// under root, NUL-separated.
func gitLsFiles(root string) (string, error) {
	git, err := exec.LookPath("git")
	if err != nil {
		return "", err
	}
	cmd := exec.Command(git, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "*.go")
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return "", &gitError{err: err, msg: msg}
		}
		return "", err
	}
	return string(out), nil
}

type gitError struct {
	err error
	msg string
}

func (e *gitError) Error() string { return "git ls-files: " + e.err.Error() + ": " + e.msg }
func (e *gitError) Unwrap() error { return e.err }

// TestReadmeDemoTable checks that the demo's expected results shown in
// README.md (between the demo-table markers) are the tables of
// testdata/demo/README.md's "Exits: the expected results" section, row for
// row: the demo's README is the reference, the top-level one a copy.
func TestReadmeDemoTable(t *testing.T) {
	root := testutil.RepoRoot(t)
	readme := testutil.ReadFile(t, filepath.Join(root, "README.md"))
	demo := testutil.ReadFile(t, filepath.Join(root, "testdata", "demo", "README.md"))

	const begin, end = "<!-- demo-table: begin", "<!-- demo-table: end -->"
	i := strings.Index(readme, begin)
	j := strings.Index(readme, end)
	if i < 0 || j < i {
		t.Fatalf("README.md: no %q ... %q markers around the demo's results", begin, end)
	}
	got := tableRows(readme[i:j])

	const heading = "## Exits: the expected results"
	k := strings.Index(demo, heading)
	if k < 0 {
		t.Fatalf("testdata/demo/README.md: no %q section", heading)
	}
	section := demo[k+len(heading):]
	if n := strings.Index(section, "\n## "); n >= 0 {
		section = section[:n]
	}
	want := tableRows(section)
	if len(want) == 0 {
		t.Fatalf("testdata/demo/README.md: no table rows under %q", heading)
	}

	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("README.md's demo table differs from testdata/demo/README.md (copy the demo's tables into README.md); by table row, %s", testutil.FirstDiff(w, g))
	}
}

// tableRows returns the Markdown table lines of s, in order.
func tableRows(s string) []string {
	var rows []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); strings.HasPrefix(l, "|") {
			rows = append(rows, l)
		}
	}
	return rows
}

// TestReadmeSDKTable checks that README.md's list of the SDK exits (between
// the sdk-table markers) is the one the knowledge tables give: one row per
// SDK of knowledge.SDKs, with the operations of its rows in
// knowledge.SDKExits; and that every SDK exit belongs to one SDK.
func TestReadmeSDKTable(t *testing.T) {
	root := testutil.RepoRoot(t)
	readme := testutil.ReadFile(t, filepath.Join(root, "README.md"))
	const begin, end = "<!-- sdk-table: begin", "<!-- sdk-table: end -->"
	i := strings.Index(readme, begin)
	j := strings.Index(readme, end)
	if i < 0 || j < i {
		t.Fatalf("README.md: no %q ... %q markers around the SDK exits", begin, end)
	}
	want := sdkTable(t)
	if got := strings.Join(tableRows(readme[i:j]), "\n"); got != want {
		t.Errorf("README.md's SDK table differs from the knowledge tables; by row, %s\nthe table should read:\n%s", testutil.FirstDiff(want, got), want)
	}
}

// sdkTable renders knowledge.SDKs as README.md shows them.
func sdkTable(t *testing.T) string {
	pkgOf := func(fn string) string { return strings.TrimLeft(fn, "(*") }
	owner := func(fn string) int {
		found := -1
		for i, s := range knowledge.SDKs {
			for _, p := range s.Packages {
				if strings.HasPrefix(pkgOf(fn), p) {
					if found >= 0 && found != i {
						t.Errorf("%s: in two SDKs, %s and %s", fn, knowledge.SDKs[found].Name, s.Name)
					}
					found = i
				}
			}
		}
		return found
	}
	ops := make([][]string, len(knowledge.SDKs))
	for _, x := range knowledge.SDKExits {
		i := owner(x.Func)
		if i < 0 {
			t.Errorf("%s: in no SDK of knowledge.SDKs", x.Func)
			continue
		}
		op := x.Op
		if strings.HasSuffix(x.Func, ".*") {
			op = "every other " + op + " operation"
		}
		if !slices.Contains(ops[i], op) {
			ops[i] = append(ops[i], op)
		}
	}
	for _, c := range knowledge.SDKCreators {
		// A connection: what is written (or sent) into it leaves.
		if !c.Conn {
			continue
		}
		i := owner(c.Func)
		if i < 0 {
			t.Errorf("%s: in no SDK of knowledge.SDKs", c.Func)
			continue
		}
		name := c.Func[strings.LastIndex(c.Func, "/")+1:]
		name = strings.NewReplacer("(", "", ")", "", "*", "").Replace(name)
		ops[i] = append(ops[i], "data written or sent into what `"+name+"` returns")
	}
	rows := []string{"| SDK | packages | exits (operations) | destination, and how its region is found |", "|---|---|---|---|"}
	for i, s := range knowledge.SDKs {
		if len(ops[i]) == 0 {
			t.Errorf("%s: no exits", s.Name)
		}
		rows = append(rows, fmt.Sprintf("| %s | `%s` | %s | %s |", s.Name, strings.Join(s.Packages, "`, `"), strings.Join(ops[i], ", "), s.Destination))
	}
	return strings.Join(rows, "\n")
}
