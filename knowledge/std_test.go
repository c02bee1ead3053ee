package knowledge

import (
	"go/importer"
	"go/types"
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

// TestStdNames: every standard-library row names a function or method
// that exists, spelled as types.Func.FullName prints it (a misspelt row
// never matches, and the call falls back to "the result holds the
// arguments" without a word).
func TestStdNames(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the standard library packages the tables name")
	}
	imp := importer.Default()
	pkgs := map[string]*types.Package{}
	lookup := func(path string) *types.Package {
		if p, ok := pkgs[path]; ok {
			return p
		}
		p, err := imp.Import(path)
		if err != nil {
			t.Errorf("%s: %v", path, err)
		}
		pkgs[path] = p
		return p
	}
	for _, table := range [][]Model{stdText, stdFmt, stdLog, stdEncoding, stdIO, stdCompress, stdCrypto, stdNet, stdHTTP, stdSync, stdSQL, stdRuntime, stdTemplate, reflectModels} {
		for _, m := range table {
			if strings.HasPrefix(m.Func, "(error).") {
				continue
			}
			recv, name := "", m.Func
			if strings.HasPrefix(name, "(") {
				i := strings.Index(name, ").")
				recv, name = strings.TrimPrefix(strings.TrimPrefix(name[1:i], "*"), ""), name[i+2:]
				if j := strings.IndexByte(recv, '['); j >= 0 {
					recv = recv[:j]
				}
			}
			var path string
			if recv != "" {
				k := strings.LastIndexByte(recv, '.')
				path, recv = recv[:k], recv[k+1:]
			} else {
				k := strings.LastIndexByte(name, '.')
				path, name = name[:k], name[k+1:]
			}
			p := lookup(path)
			if p == nil || name == "*" && recv == "" {
				continue
			}
			if recv == "" {
				if _, ok := p.Scope().Lookup(name).(*types.Func); !ok {
					t.Errorf("%s: no function %s in %s", m.Func, name, path)
				}
				continue
			}
			tn, ok := p.Scope().Lookup(recv).(*types.TypeName)
			if !ok {
				t.Errorf("%s: no type %s in %s", m.Func, recv, path)
				continue
			}
			if name == "*" {
				continue
			}
			typ := tn.Type()
			if !types.IsInterface(typ) {
				typ = types.NewPointer(typ)
			}
			obj, _, _ := types.LookupFieldOrMethod(typ, true, p, name)
			f, ok := obj.(*types.Func)
			if !ok {
				t.Errorf("%s: no method %s of %s", m.Func, name, recv)
				continue
			}
			if f.Origin().FullName() != m.Func {
				t.Errorf("%s: the method is named %s", m.Func, f.Origin().FullName())
			}
		}
	}
}
