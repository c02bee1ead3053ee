package flows

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ssa"
)

// TestMemberImports checks which imports the SSA program creates: those
// whose functions or variables the code names, not those it uses only
// for types and methods; and that the package builds without the others.
func TestMemberImports(t *testing.T) {
	const src = `package p

import (
	"errors"
	"io"
	"os"
	"strings"
	"time"
)

var ErrX = errors.New("x") // a function, at package level

func F(r io.Reader, d time.Duration) (string, error) { // io, time: types only
	var b strings.Builder // a type, and methods
	b.WriteString(d.String())
	if _, err := io.Copy(&b, r); err != nil { // a function of io after all
		return "", err
	}
	os.Stdout.WriteString(b.String()) // a variable
	return b.String(), nil
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Implicits:  map[ast.Node]types.Object{},
		Instances:  map[*ast.Ident]types.Instance{},
		Scopes:     map[ast.Node]*types.Scope{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range memberImports(pkg, info) {
		got = append(got, p.Path())
	}
	want := []string{"errors", "io", "os"} // in the order of pkg.Imports
	if len(got) != len(want) {
		t.Fatalf("memberImports = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("memberImports = %v, want %v", got, want)
		}
	}

	prog := ssa.NewProgram(fset, ssa.BareInits)
	for _, p := range memberImports(pkg, info) {
		prog.CreatePackage(p, nil, nil, true)
	}
	sp := prog.CreatePackage(pkg, []*ast.File{f}, info, false)
	sp.Build() // panics if a member of an import it needs is missing
	if fn := sp.Func("F"); fn == nil || len(fn.Blocks) == 0 {
		t.Fatal("F was not built")
	}
}
