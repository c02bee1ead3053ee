package knowledge

import (
	"strings"
	"testing"
)

// TestStdSources: every standard-library row names the documentation page
// of its function (pkg.go.dev/<package>#<name>), and names a function of
// that package.
func TestStdSources(t *testing.T) {
	for _, table := range [][]Model{stdText, stdFmt, stdLog, stdEncoding, stdIO, stdCompress, stdCrypto, stdNet, stdHTTP, stdSync, stdSQL, stdRuntime, stdTemplate} {
		for _, m := range table {
			page, ok := strings.CutPrefix(m.Source, "pkg.go.dev/")
			if !ok {
				t.Errorf("%s: source %q is not a pkg.go.dev page", m.Func, m.Source)
				continue
			}
			pkg, _, _ := strings.Cut(page, "#")
			name := strings.TrimPrefix(strings.TrimPrefix(m.Func, "("), "*")
			if pkg == "builtin" && !strings.Contains(strings.SplitN(name, ")", 2)[0], ".") {
				continue // a method of a predeclared type: (error).Error
			}
			if !strings.HasPrefix(name, pkg+".") {
				t.Errorf("%s: source %q is another package's page", m.Func, m.Source)
			}
		}
	}
}
