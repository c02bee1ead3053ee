package hygiene

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/datagate/datagate/internal/testutil"
)

// The product contract for users is README.md: code, tests and other
// documents cite its sections as README.md#<anchor> (the anchor GitHub gives
// the heading, or an explicit <a id>), not the SPEC, which is not in the
// repository.

var (
	readmeCite = regexp.MustCompile(`README\.md#([A-Za-z0-9_-]+)`)
	specCite   = regexp.MustCompile(`SPEC(\.md)?( order)? *(section|§)`)
)

// specExempt are files another change rewrites (the two flow merges
// become one, issue 15); they still cite the SPEC until then.
var specExempt = map[string]bool{
	"lineage/merge.go":      true,
	"internal/cli/merge.go": true,
}

// TestReadmeCitations checks that every README.md#<anchor> cited in the
// repository's Go files, YAML files and Markdown documents names a section
// of README.md, and that none cites the SPEC's sections.
func TestReadmeCitations(t *testing.T) {
	root := testutil.RepoRoot(t)
	anchors := markdownAnchors(testutil.ReadFile(t, filepath.Join(root, "README.md")))
	files := trackedFiles(t, root, "*.go", "*.yml", "*.yaml", "*.md")
	if len(files) == 0 {
		t.Fatal("no files found")
	}
	cites := 0
	for _, name := range files {
		data, err := os.ReadFile(filepath.Join(root, name))
		if os.IsNotExist(err) {
			continue // deleted in the work tree, not yet in the index
		}
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			for _, m := range readmeCite.FindAllStringSubmatch(line, -1) {
				cites++
				if !anchors[m[1]] {
					t.Errorf("%s:%d: cites README.md#%s, which is not a section of README.md", name, i+1, m[1])
				}
			}
			if specCite.MatchString(line) && !specExempt[name] {
				t.Errorf("%s:%d: cites the SPEC (not in the repository); cite README.md#<section> instead", name, i+1)
			}
		}
	}
	if cites == 0 {
		t.Error("found no README.md# citations at all")
	}
}

// markdownAnchors returns the anchors of a Markdown document: each
// heading's, as GitHub makes them (lower case, punctuation dropped, spaces
// to hyphens), and each <a id="..."> or <a name="...">.
func markdownAnchors(doc string) map[string]bool {
	anchors := map[string]bool{}
	explicit := regexp.MustCompile(`<a (?:id|name)="([^"]+)"`)
	fence := false
	for _, l := range strings.Split(doc, "\n") {
		if strings.HasPrefix(l, "```") {
			fence = !fence
			continue
		}
		for _, m := range explicit.FindAllStringSubmatch(l, -1) {
			anchors[m[1]] = true
		}
		if fence || !strings.HasPrefix(l, "#") {
			continue
		}
		text := strings.TrimSpace(strings.TrimLeft(l, "#"))
		var b strings.Builder
		for _, r := range strings.ToLower(text) {
			switch {
			case r == ' ':
				b.WriteRune('-')
			case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
				b.WriteRune(r)
			}
		}
		anchors[b.String()] = true
	}
	return anchors
}

// trackedFiles lists the files matching patterns that git tracks, plus new
// ones it does not ignore, relative to root with forward slashes; outside
// a git checkout, every such file under root.
func trackedFiles(t *testing.T, root string, patterns ...string) []string {
	t.Helper()
	var names []string
	if out, err := gitLs(root, patterns...); err == nil {
		for _, n := range strings.Split(strings.TrimRight(out, "\x00"), "\x00") {
			if n != "" {
				names = append(names, n)
			}
		}
		return names
	}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		for _, p := range patterns {
			if ok, _ := filepath.Match(p, d.Name()); ok {
				rel, err := filepath.Rel(root, path)
				if err != nil {
					return err
				}
				names = append(names, filepath.ToSlash(rel))
				break
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// gitLs lists the tracked and the untracked, not ignored, files under root
// that match patterns, NUL-separated.
func gitLs(root string, patterns ...string) (string, error) {
	git, err := exec.LookPath("git")
	if err != nil {
		return "", err
	}
	args := append([]string{"ls-files", "-z", "--cached", "--others", "--exclude-standard", "--"}, patterns...)
	cmd := exec.Command(git, args...)
	cmd.Dir = root
	out, err := cmd.Output()
	return string(out), err
}
