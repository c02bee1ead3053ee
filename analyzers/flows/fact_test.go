package flows

import (
	"bytes"
	"encoding/gob"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"
	"strings"
	"testing"

	"github.com/datagate/datagate/lineage"
	"golang.org/x/tools/go/analysis"
)

// factFile is the shape of a go vet facts file: facts behind an interface,
// gob-encoded together.
type factFile struct {
	Facts []analysis.Fact
}

func gobRoundTrip(t *testing.T, in factFile) (factFile, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(in); err != nil {
		t.Fatal(err)
	}
	enc := bytes.Clone(buf.Bytes())
	var out factFile
	if err := gob.NewDecoder(&buf).Decode(&out); err != nil {
		t.Fatal(err)
	}
	return out, enc
}

// TestSummaryFactLazy: a summary that comes through a facts file stays
// encoded until Get, is passed on byte for byte, and decodes to what was
// sent, without its steps; copies of the fact (ImportObjectFact copies)
// share one decoding.
func TestSummaryFactLazy(t *testing.T) {
	gob.Register(new(SummaryFact))
	step := []lineage.Step{{Pos: lineage.Position{File: "a.go", Line: 3, Col: 2}, Desc: "formatted into the result"}}
	from := lineage.Port{Kind: lineage.PortParam, Index: 1, Path: ".Email"}
	sum := lineage.Summary{
		Edges: []lineage.Edge{{From: from, To: lineage.Port{Kind: lineage.PortResult}, Steps: step}},
		Gens:  []lineage.Gen{{Label: lineage.Label{Field: "T.Email"}, Steps: step}},
		Exits: []lineage.ExitEdge{{From: &from, Exit: lineage.Exit{Pos: lineage.Position{File: "a.go", Line: 9}, Callee: "net/http.Post"}, Steps: step}},
		Calls: []lineage.CallEdge{{Args: []lineage.CallArg{{From: &from, Steps: step}}}},
		Limit: "too large",
	}
	sent := &SummaryFact{Summary: sum}
	got, first := gobRoundTrip(t, factFile{Facts: []analysis.Fact{sent}})
	if !reflect.DeepEqual(sent.Summary, sum) {
		t.Errorf("encoding changed the fact it encoded: %+v", sent.Summary)
	}
	// What travels: everything but the steps.
	want := lineage.Summary{
		Edges: []lineage.Edge{{From: from, To: lineage.Port{Kind: lineage.PortResult}}},
		Gens:  []lineage.Gen{{Label: lineage.Label{Field: "T.Email"}}},
		Exits: []lineage.ExitEdge{{From: &from, Exit: sum.Exits[0].Exit}},
		Calls: []lineage.CallEdge{{Args: []lineage.CallArg{{From: &from}}}},
		Limit: "too large",
	}
	f := got.Facts[0].(*SummaryFact)
	if f.enc == nil || !reflect.DeepEqual(f.Summary, lineage.Summary{}) {
		t.Fatalf("decoded fact = %+v, want its summary still encoded", f)
	}
	// Passed on as it came: the next facts file is the same bytes.
	if _, again := gobRoundTrip(t, got); !bytes.Equal(again, first) {
		t.Errorf("re-encoded facts differ from the facts received")
	}
	cp := *f // as ImportObjectFact copies
	s, err := cp.Get()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*s, want) {
		t.Errorf("Get = %+v, want %+v", *s, want)
	}
	if s2, _ := f.Get(); s2 != s {
		t.Errorf("a copy of the fact decoded the summary again")
	}
	if f.String() != sum.String() {
		t.Errorf("String = %q, want %q", f.String(), sum.String())
	}

	var bad SummaryFact
	if err := bad.GobDecode([]byte("not deflated")); err != nil {
		t.Fatal(err)
	}
	if _, err := bad.Get(); err == nil {
		t.Errorf("Get of a corrupt summary: no error")
	}
	if !strings.Contains(bad.String(), "does not decode") {
		t.Errorf("String of a corrupt summary = %q", bad.String())
	}
}

// TestMethodsFactGob: a type's method summaries travel as one fact,
// without their steps, are passed on byte for byte, and decode on Get.
func TestMethodsFactGob(t *testing.T) {
	gob.Register(new(MethodsFact))
	step := []lineage.Step{{Pos: lineage.Position{File: "a.go", Line: 3, Col: 2}, Desc: "read"}}
	get := &lineage.Summary{Edges: []lineage.Edge{{
		From:  lineage.Port{Kind: lineage.PortParam, Path: ".Email"},
		To:    lineage.Port{Kind: lineage.PortResult},
		Steps: step,
	}}}
	set := &lineage.Summary{Edges: []lineage.Edge{{
		From: lineage.Port{Kind: lineage.PortParam, Index: 1},
		To:   lineage.Port{Kind: lineage.PortParam, Path: ".Email"},
	}}}
	sent := &MethodsFact{Methods: map[string]*lineage.Summary{"Email": get, "SetEmail": set}}
	got, first := gobRoundTrip(t, factFile{Facts: []analysis.Fact{sent}})
	if len(get.Edges[0].Steps) != 1 {
		t.Errorf("encoding changed the summary it encoded")
	}
	if _, again := gobRoundTrip(t, got); !bytes.Equal(again, first) {
		t.Errorf("re-encoded facts differ from the facts received")
	}
	f := got.Facts[0].(*MethodsFact)
	m, err := f.Get()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]*lineage.Summary{"Email": get.WithoutSteps(), "SetEmail": set}
	if !reflect.DeepEqual(m, want) {
		t.Errorf("Get = %v, want %v", m, want)
	}
	if s := f.String(); s != "methods(Email: summary(param0.Email->result0); SetEmail: summary(param1->param0.Email))" {
		t.Errorf("String = %q", s)
	}
	var bad MethodsFact
	if err := bad.GobDecode([]byte("not deflated")); err != nil {
		t.Fatal(err)
	}
	if _, err := bad.Get(); err == nil {
		t.Errorf("Get of corrupt summaries: no error")
	}
}

// TestReceiverName: a method's summaries are filed under the type that
// declares it, a generic type's under its origin; functions and interface
// literals' methods have none.
func TestReceiverName(t *testing.T) {
	const src = `package p
type T struct{}
func (T) V() {}
func (*T) P() {}
type G[X any] struct{ x X }
func (g *G[X]) Get() X { return g.x }
var inst G[int]
type A = T
func F() {}
var lit interface{ M() }
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := new(types.Config).Check("p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	obj := func(name string) types.Object { return pkg.Scope().Lookup(name) }
	method := func(typ types.Type, name string) *types.Func {
		m, _, _ := types.LookupFieldOrMethod(typ, true, pkg, name)
		return m.(*types.Func)
	}
	tName := obj("T").(*types.TypeName)
	gName := obj("G").(*types.TypeName)
	for _, c := range []struct {
		fn   *types.Func
		want *types.TypeName
	}{
		{method(tName.Type(), "V"), tName},
		{method(tName.Type(), "P"), tName},
		{method(obj("A").Type(), "P"), tName},
		{method(obj("inst").Type(), "Get"), gName},
		{obj("F").(*types.Func), nil},
		{method(obj("lit").Type(), "M"), nil},
	} {
		if got := receiverName(c.fn); got != c.want {
			t.Errorf("receiverName(%v) = %v, want %v", c.fn, got, c.want)
		}
	}
}
