package hygiene

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/datagate/datagate/internal/testutil"
)

// TestUsage checks that the command's usage texts (internal/cli), its user
// documentation (cmd/datagate/doc.go) and README.md's Command line section
// name every subcommand and every flag the command accepts, and no flag it
// does not. The subcommands and flags are read from internal/cli's source:
// the cases of command's switch, and the flags defined on each
// flag.NewFlagSet("datagate [SUB]").
//
//   - a subcommand: a synopsis line "datagate SUB ..." in all three;
//   - the scan's flags: a "  -name" line under Flags: in the usage, a
//     "\t-name" line under # Flags in doc.go and a row in README's flag
//     table, and no other such lines or rows;
//   - a subcommand's flags: a "  -name" line in its own usage text
//     (lineageUsage for lineage) if it has one, else "-name" on its
//     synopsis line in the main usage; and "-name" on its synopsis line in
//     doc.go and README.
func TestUsage(t *testing.T) {
	root := testutil.RepoRoot(t)
	cli := parseCLI(t, filepath.Join(root, "internal", "cli"))
	doc := testutil.ReadFile(t, filepath.Join(root, "cmd", "datagate", "doc.go"))
	readme := markdownSection(t, testutil.ReadFile(t, filepath.Join(root, "README.md")), "## Command line")
	usage, ok := cli.consts["usage"]
	if !ok {
		t.Fatal("internal/cli: no usage constant")
	}
	if len(cli.subcommands) == 0 || len(cli.flags[""]) == 0 {
		t.Fatalf("internal/cli: found no subcommands (%v) or no scan flags (%v)", cli.subcommands, cli.flags[""])
	}

	for _, sub := range cli.subcommands {
		if sub == "help" {
			continue // `datagate help` prints the usage, as -h does
		}
		if len(synopsis(usage, "datagate "+sub)) == 0 {
			t.Errorf("internal/cli usage: no line for subcommand %q", sub)
		}
		if len(synopsis(doc, "\tdatagate "+sub)) == 0 {
			t.Errorf("cmd/datagate/doc.go: no synopsis line for subcommand %q", sub)
		}
		if len(synopsis(readme, "datagate "+sub)) == 0 {
			t.Errorf("README.md#command-line: no synopsis line for subcommand %q", sub)
		}
	}

	subs := make([]string, 0, len(cli.flags))
	for sub := range cli.flags {
		subs = append(subs, sub)
	}
	slices.Sort(subs)
	for _, sub := range subs {
		flags := cli.flags[sub]
		if sub == "" {
			checkFlagLines(t, "internal/cli usage", block(usage, "\nFlags:\n", "\n\n"), "  -", flags)
			checkFlagLines(t, "cmd/datagate/doc.go # Flags", block(doc, "\n# Flags\n", "\n# "), "\t-", flags)
			checkFlagLines(t, "README.md#command-line's table", block(readme, "\n| flag | meaning |\n|---|---|\n", "\n\n"), "| `-", flags)
			continue
		}
		name := sub + "Usage"
		for _, f := range flags {
			if text, ok := cli.consts[name]; ok {
				if !hasLine(block(text, "\nFlags:\n", "\n\n"), "  -"+f) {
					t.Errorf("internal/cli %s: no line for flag -%s of %s", name, f, sub)
				}
			} else if !hasFlag(synopsis(usage, "datagate "+sub), f) {
				t.Errorf("internal/cli usage: the synopsis of %s does not name its flag -%s", sub, f)
			}
			if !hasFlag(synopsis(doc, "\tdatagate "+sub), f) {
				t.Errorf("cmd/datagate/doc.go: the synopsis of %s does not name its flag -%s", sub, f)
			}
			if !hasFlag(synopsis(readme, "datagate "+sub), f) {
				t.Errorf("README.md#command-line: the synopsis of %s does not name its flag -%s", sub, f)
			}
		}
	}
}

// checkFlagLines checks that the flag lines of text (those starting with
// prefix) are exactly one per flag.
func checkFlagLines(t *testing.T, where, text, prefix string, flags []string) {
	t.Helper()
	if text == "" {
		t.Errorf("%s: no flags section", where)
		return
	}
	for _, f := range flags {
		if !hasLine(text, prefix+f) {
			t.Errorf("%s: no line for flag -%s", where, f)
		}
	}
	for _, l := range strings.Split(text, "\n") {
		if !strings.HasPrefix(l, prefix) {
			continue
		}
		name := strings.TrimPrefix(l, prefix)
		if i := strings.IndexAny(name, " `"); i >= 0 {
			name = name[:i]
		}
		if !slices.Contains(flags, name) {
			t.Errorf("%s: flag -%s does not exist", where, name)
		}
	}
}

// block returns the part of text after start up to end (or to the end).
func block(text, start, end string) string {
	i := strings.Index(text, start)
	if i < 0 {
		return ""
	}
	rest := text[i+len(start):]
	if j := strings.Index(rest, end); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

// hasLine reports whether text has a line that is prefix followed by a
// space, a backquote or nothing.
func hasLine(text, prefix string) bool {
	for _, l := range strings.Split(text, "\n") {
		if l == prefix || strings.HasPrefix(l, prefix+" ") || strings.HasPrefix(l, prefix+"`") {
			return true
		}
	}
	return false
}

// synopsis returns the lines of text that hold what, followed by a space
// or the end of the line.
func synopsis(text, what string) []string {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if i := strings.Index(l, what); i >= 0 {
			if rest := l[i+len(what):]; rest == "" || rest[0] == ' ' {
				lines = append(lines, l)
			}
		}
	}
	return lines
}

// hasFlag reports whether one of lines names the flag -f.
func hasFlag(lines []string, f string) bool {
	re := regexp.MustCompile(`(^|[\s\[|])-` + regexp.QuoteMeta(f) + `($|[\s\]=|])`)
	for _, l := range lines {
		if re.MatchString(l) {
			return true
		}
	}
	return false
}

// cliSource is what TestUsage reads from internal/cli's source.
type cliSource struct {
	consts      map[string]string   // string constants by name
	subcommands []string            // the cases of command's switch
	flags       map[string][]string // flag names by subcommand ("" the scan)
}

// flagMethods are the flag.FlagSet methods that define a flag, with the
// index of the argument that names it.
var flagMethods = map[string]int{
	"Bool": 0, "BoolFunc": 0, "Duration": 0, "Float64": 0, "Func": 0, "Int": 0, "Int64": 0, "String": 0, "Uint": 0, "Uint64": 0,
	"BoolVar": 1, "DurationVar": 1, "Float64Var": 1, "IntVar": 1, "Int64Var": 1, "StringVar": 1, "TextVar": 1, "UintVar": 1, "Uint64Var": 1, "Var": 1,
}

// parseCLI reads the non-test Go files of dir.
func parseCLI(t *testing.T, dir string) *cliSource {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	src := &cliSource{consts: map[string]string{}, flags: map[string][]string{}}
	fset := token.NewFileSet()
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					vs, ok := spec.(*ast.ValueSpec)
					if !ok || d.Tok != token.CONST {
						continue
					}
					for i, n := range vs.Names {
						if i < len(vs.Values) {
							if s, ok := stringLit(vs.Values[i]); ok {
								src.consts[n.Name] = s
							}
						}
					}
				}
			case *ast.FuncDecl:
				if d.Body == nil {
					continue
				}
				if d.Name.Name == "command" {
					src.subcommands = append(src.subcommands, switchCases(d.Body)...)
				}
				for sub, flags := range flagSets(d.Body) {
					src.flags[sub] = append(src.flags[sub], flags...)
				}
			}
		}
	}
	return src
}

// switchCases returns the string cases of the switch statements in body.
func switchCases(body *ast.BlockStmt) []string {
	var cases []string
	ast.Inspect(body, func(n ast.Node) bool {
		if cc, ok := n.(*ast.CaseClause); ok {
			for _, e := range cc.List {
				if s, ok := stringLit(e); ok {
					cases = append(cases, s)
				}
			}
		}
		return true
	})
	return cases
}

// flagSets returns the flags defined in body on each flag set created
// there with flag.NewFlagSet("datagate [SUB]", ...), by SUB.
func flagSets(body *ast.BlockStmt) map[string][]string {
	sets := map[string]string{} // variable -> subcommand
	out := map[string][]string{}
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			return true
		}
		call, ok := as.Rhs[0].(*ast.CallExpr)
		id, ok2 := as.Lhs[0].(*ast.Ident)
		if !ok || !ok2 || !isSel(call.Fun, "flag", "NewFlagSet") || len(call.Args) == 0 {
			return true
		}
		if name, ok := stringLit(call.Args[0]); ok && (name == "datagate" || strings.HasPrefix(name, "datagate ")) {
			sets[id.Name] = strings.TrimSpace(strings.TrimPrefix(name, "datagate"))
		}
		return true
	})
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		recv, ok := sel.X.(*ast.Ident)
		if !ok {
			return true
		}
		sub, isSet := sets[recv.Name]
		arg, isDef := flagMethods[sel.Sel.Name]
		if !isSet || !isDef || arg >= len(call.Args) {
			return true
		}
		if name, ok := stringLit(call.Args[arg]); ok {
			out[sub] = append(out[sub], name)
		}
		return true
	})
	return out
}

// isSel reports whether e is pkg.name.
func isSel(e ast.Expr, pkg, name string) bool {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	return ok && id.Name == pkg
}

// stringLit returns the value of a string literal.
func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}
