package hygiene

import (
	"go/ast"
	"go/constant"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
	"golang.org/x/tools/go/packages"

	"github.com/datagate/datagate/internal/testutil"
	"github.com/datagate/datagate/lineage/policy"
)

// TestReadmePolicyExample checks that README.md's "full example, every
// key" of the policy is a valid policy and holds every key the decoder
// accepts. The keys are read from the decoder itself (lineage/policy): the
// constant key lists it passes to its mapping and fields methods, one list
// per kind of mapping. For each list, the example's mappings whose keys
// all belong to it (the mappings of that kind) must hold every key of the
// list between them, so a key added to the decoder fails this test until
// the example shows it.
func TestReadmePolicyExample(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks lineage/policy; skipped with -short")
	}
	root := testutil.RepoRoot(t)
	readme := testutil.ReadFile(t, filepath.Join(root, "README.md"))
	example := readmePolicyExample(t, readme)
	// The example's deploy globs must match files: one for each, in a
	// directory of its own.
	dir := t.TempDir()
	files := map[string]string{
		"datagate.yaml":       example,
		"deploy/k8s/api.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n",
		"docker-compose.yml":  "services:\n  api:\n    image: api\n",
		".env.production":     "SMTP_ADDR=smtp.eu.mailgun.org:587\n",
		"config/prod.yaml":    "courier:\n  smtp:\n    connection_uri: smtps://smtp.eu.mailgun.org:465\n",
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := policy.Load(filepath.Join(dir, "datagate.yaml")); err != nil {
		t.Fatalf("README.md's full policy example does not load: %v", err)
	}

	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(example), &doc); err != nil {
		t.Fatal(err)
	}
	var mappings [][]string
	collectMappings(&doc, &mappings)

	keySets := decoderKeySets(t, filepath.Join(root, "lineage", "policy"))
	for _, set := range keySets {
		seen := map[string]bool{}
		for _, m := range mappings {
			if len(m) > 0 && subset(m, set) {
				for _, k := range m {
					seen[k] = true
				}
			}
		}
		for _, k := range set {
			if !seen[k] {
				t.Errorf("README.md's full policy example has no %q key in a mapping of keys %s (the decoder accepts it)", k, strings.Join(set, ", "))
			}
		}
	}
}

// readmePolicyExample returns the YAML block that follows "A full example,
// every key:" in README.md.
func readmePolicyExample(t *testing.T, readme string) string {
	t.Helper()
	const intro = "A full example, every key:"
	i := strings.Index(readme, intro)
	if i < 0 {
		t.Fatalf("README.md: no %q", intro)
	}
	rest := readme[i:]
	const fence = "```yaml\n"
	j := strings.Index(rest, fence)
	if j < 0 {
		t.Fatalf("README.md: no YAML block after %q", intro)
	}
	rest = rest[j+len(fence):]
	k := strings.Index(rest, "```")
	if k < 0 {
		t.Fatal("README.md: the policy example's YAML block does not end")
	}
	return rest[:k]
}

// collectMappings appends the keys of every mapping under n.
func collectMappings(n *yaml.Node, out *[][]string) {
	if n.Kind == yaml.MappingNode {
		var keys []string
		for i := 0; i+1 < len(n.Content); i += 2 {
			keys = append(keys, n.Content[i].Value)
		}
		*out = append(*out, keys)
	}
	for _, c := range n.Content {
		collectMappings(c, out)
	}
}

func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// decoderKeySets type-checks the policy package in dir and returns the key
// lists of its decoder: the constant keys argument of every call of the
// decoder's mapping and fields methods (a space-separated list). A call
// whose keys are not a constant fails the test, unless they are a
// parameter of the calling function passed on (fields calls mapping so).
func decoderKeySets(t *testing.T, dir string) [][]string {
	t.Helper()
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo,
		Dir:  dir,
	}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 || len(pkgs) != 1 {
		t.Fatalf("cannot load %s", dir)
	}
	pkg := pkgs[0]
	var sets [][]string
	for _, f := range pkg.Syntax {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			params := map[types.Object]bool{}
			for _, fl := range fd.Type.Params.List {
				for _, n := range fl.Names {
					params[pkg.TypesInfo.Defs[n]] = true
				}
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				fn, ok := pkg.TypesInfo.Uses[sel.Sel].(*types.Func)
				if !ok || !isDecoderMethod(fn, "mapping", "fields") {
					return true
				}
				arg := keysArg(fn, call)
				if arg == nil {
					t.Errorf("%s: the decoder's %s has no keys parameter", pkg.Fset.Position(call.Pos()), fn.Name())
					return true
				}
				if tv := pkg.TypesInfo.Types[arg]; tv.Value != nil && tv.Value.Kind() == constant.String {
					sets = append(sets, strings.Fields(constant.StringVal(tv.Value)))
					return true
				}
				if id, ok := arg.(*ast.Ident); ok && params[pkg.TypesInfo.Uses[id]] {
					return true // passed on
				}
				t.Errorf("%s: the keys of this %s call are not a constant; TestReadmePolicyExample cannot read them", pkg.Fset.Position(call.Pos()), fn.Name())
				return true
			})
		}
	}
	if len(sets) == 0 {
		t.Fatalf("%s: found no key lists in the decoder's mapping and fields calls", dir)
	}
	return sets
}

// isDecoderMethod reports whether fn is one of the named methods of the
// policy decoder.
func isDecoderMethod(fn *types.Func, names ...string) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || !slices.Contains(names, fn.Name()) {
		return false
	}
	rt := sig.Recv().Type()
	if p, ok := rt.(*types.Pointer); ok {
		rt = p.Elem()
	}
	named, ok := rt.(*types.Named)
	return ok && named.Obj().Name() == "decoder"
}

// keysArg returns the argument of call passed as fn's parameter "keys".
func keysArg(fn *types.Func, call *ast.CallExpr) ast.Expr {
	params := fn.Type().(*types.Signature).Params()
	for i := range params.Len() {
		if params.At(i).Name() == "keys" && i < len(call.Args) {
			return call.Args[i]
		}
	}
	return nil
}
