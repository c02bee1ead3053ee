package sources

import (
	_ "embed"
	"go/token"
	"go/types"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"github.com/datagate/datagate/analyzers/config"
	"github.com/datagate/datagate/analyzers/internal/doc"
	"github.com/datagate/datagate/lineage"
	"github.com/datagate/datagate/lineage/policy"
	"golang.org/x/tools/go/analysis"
)

//go:embed doc.go
var docText string

// TagKey is the struct tag key that marks user data (README.md#tagging).
const TagKey = "userdata"

// DefaultCategory is the category of a field tagged with an empty value.
const DefaultCategory = "personal"

var categoryRE = regexp.MustCompile(`^[a-z][a-z0-9_.-]*$`)

// FieldFact marks a struct field that holds user data.
type FieldFact struct {
	Label lineage.Label
}

// AFact implements analysis.Fact.
func (*FieldFact) AFact() {}

func (f *FieldFact) String() string { return "userdata(" + f.Label.Category + ")" }

// TypeFact marks a named type whose values hold user data, listing the
// paths of the user-data fields inside it.
type TypeFact struct {
	Fields []Carried
}

// AFact implements analysis.Fact.
func (*TypeFact) AFact() {}

func (f *TypeFact) String() string {
	var parts []string
	for _, c := range f.Fields {
		parts = append(parts, c.Path+":"+c.Label.Category)
	}
	return "carries(" + strings.Join(parts, " ") + ")"
}

// Carried is one user-data field inside a value.
type Carried = lineage.Carried

// New returns the sources analyzer for a suite sharing cfg.
func New(cfg *config.Config) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "datagatesources",
		Doc:        doc.Extract(docText),
		URL:        "https://github.com/datagate/datagate#tagging",
		Run:        func(pass *analysis.Pass) (any, error) { return run(cfg, pass) },
		ResultType: reflect.TypeFor[*Result](),
		FactTypes:  []analysis.Fact{new(FieldFact), new(TypeFact)},
	}
}

// Analyzer is the sources analyzer with default settings.
var Analyzer = New(config.New())

func run(cfg *config.Config, pass *analysis.Pass) (any, error) {
	pol, err := cfg.Policy(pass)
	if err != nil {
		// The datagate analyzer reports the policy error; go on with the
		// default so that drivers show that error, not a failed
		// prerequisite.
		pol = policy.Default()
	}
	r := NewResult(pass.Fset, pass.Pkg, pol, pass.ImportObjectFact)
	// Export facts for the package's own declarations, in scope order so the
	// output is deterministic.
	scope := pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok {
			continue
		}
		if st, ok := named.Underlying().(*types.Struct); ok {
			for i := 0; i < st.NumFields(); i++ {
				f := st.Field(i)
				// A type defined over another package's struct
				// (type Customer model.User) shares that package's
				// fields, which carry their own facts: only fields
				// declared here may get one.
				if f.Pkg() != pass.Pkg {
					continue
				}
				if l, ok := r.Field(named, i); ok {
					pass.ExportObjectFact(f, &FieldFact{Label: l})
				}
			}
		}
		if c := r.Carried(named); len(c) > 0 {
			pass.ExportObjectFact(tn, &TypeFact{Fields: c})
		}
	}
	return r, nil
}

// Result answers which fields and types hold user data, for the types a
// package can name. It is used by one analysis pass at a time.
type Result struct {
	fset    *token.FileSet
	pol     *policy.Policy
	imp     func(types.Object, analysis.Fact) bool // nil: no facts
	carried map[types.Type][]Carried
	busy    map[types.Type]bool
}

// NewResult returns a Result that consults pol and, when imp is not nil,
// the facts of other packages.
func NewResult(fset *token.FileSet, pkg *types.Package, pol *policy.Policy, imp func(types.Object, analysis.Fact) bool) *Result {
	return &Result{
		fset:    fset,
		pol:     pol,
		imp:     imp,
		carried: make(map[types.Type][]Carried),
		busy:    make(map[types.Type]bool),
	}
}

// Policy returns the policy the result was built with.
func (r *Result) Policy() *policy.Policy { return r.pol }

// Position converts a go/token position.
func (r *Result) Position(p token.Pos) lineage.Position {
	if !p.IsValid() {
		return lineage.Position{}
	}
	q := r.fset.Position(p)
	return lineage.Position{File: q.Filename, Line: q.Line, Col: q.Column}
}

// owner returns the named type that declares the struct of t, if any.
func owner(t types.Type) (*types.Named, *types.Struct) {
	for {
		switch u := t.(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Alias:
			t = types.Unalias(u)
			continue
		case *types.Named:
			if p, ok := u.Underlying().(*types.Pointer); ok {
				t = p.Elem() // type AccountPtr *model.Account
				continue
			}
		}
		break
	}
	st, _ := t.Underlying().(*types.Struct)
	n, _ := t.(*types.Named)
	if n != nil {
		n = n.Origin()
	}
	return n, st
}

// Field reports whether field i of the struct type t (a struct, a named
// struct type or a pointer to one) holds user data, and its label.
func (r *Result) Field(t types.Type, i int) (lineage.Label, bool) {
	named, st := owner(t)
	if st == nil || i < 0 || i >= st.NumFields() {
		return lineage.Label{}, false
	}
	if named != nil {
		if ost, ok := named.Underlying().(*types.Struct); ok && ost.NumFields() == st.NumFields() {
			st = ost // use the generic origin's fields for facts
		}
	}
	f := st.Field(i)
	if r.imp != nil {
		var ff FieldFact
		if r.imp(f, &ff) {
			return ff.Label, true
		}
	}
	name := fieldName(named, f)
	if tag, ok := reflect.StructTag(st.Tag(i)).Lookup(TagKey); ok {
		cat := tag
		if cat == "" || !categoryRE.MatchString(cat) {
			cat = DefaultCategory
		}
		return lineage.Label{Field: name, Category: cat, Decl: r.Position(f.Pos())}, true
	}
	if r.pol != nil && named != nil {
		if cat, ok := r.pol.FieldSource(named.Obj(), f); ok {
			return lineage.Label{Field: name, Category: cat, Decl: r.Position(f.Pos())}, true
		}
	}
	return lineage.Label{}, false
}

func fieldName(named *types.Named, f *types.Var) string {
	if named != nil {
		obj := named.Obj()
		if obj.Pkg() != nil {
			return obj.Pkg().Path() + "." + obj.Name() + "." + f.Name()
		}
		return obj.Name() + "." + f.Name()
	}
	if f.Pkg() != nil {
		return f.Pkg().Path() + ".struct." + f.Name()
	}
	return "struct." + f.Name()
}

// maxDepth bounds how deep (struct fields, pointers and container
// elements) Carried looks into nested types. Fields deeper than that are
// not listed: a value that holds user data only that deep (a service's
// dependency graph reaching a queue of messages) does not count as
// holding it when used whole; it counts where the field is read. (Listing
// them as a whole at the cut made listmonk's campaign manager hold every
// subscriber field wherever it was used whole.)
const maxDepth = 5

// Carried returns the user-data fields a value of type t holds, sorted by
// path. Pointers are followed; elements of slices, arrays, maps and channels
// are named "[]".
func (r *Result) Carried(t types.Type) []Carried {
	return r.carriedDepth(t, 0)
}

func (r *Result) carriedDepth(t types.Type, depth int) []Carried {
	t = types.Unalias(t)
	if c, ok := r.carried[t]; ok {
		return c
	}
	if r.busy[t] {
		return nil // recursive type: its fields are listed where the cycle starts
	}
	if depth > maxDepth {
		return nil
	}
	if n, ok := t.(*types.Named); ok && r.imp != nil && n.Origin() == n {
		var tf TypeFact
		if r.imp(n.Obj(), &tf) {
			r.carried[t] = tf.Fields
			return tf.Fields
		}
	}
	r.busy[t] = true
	var out []Carried
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		out = r.carriedDepth(u.Elem(), depth+1)
	case *types.Slice:
		out = prefix("[]", r.carriedDepth(u.Elem(), depth+1), nil)
	case *types.Array:
		out = prefix("[]", r.carriedDepth(u.Elem(), depth+1), nil)
	case *types.Chan:
		out = prefix("[]", r.carriedDepth(u.Elem(), depth+1), nil)
	case *types.Map:
		out = append(prefix(lineage.MapKeyPath, r.carriedDepth(u.Key(), depth+1), nil), prefix("[]", r.carriedDepth(u.Elem(), depth+1), nil)...)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			skip := lineage.TagSkips(u.Tag(i))
			if l, ok := r.Field(t, i); ok {
				out = append(out, Carried{Path: "." + f.Name(), Label: l, Skip: skip})
				continue
			}
			out = append(out, prefix("."+f.Name(), r.carriedDepth(f.Type(), depth+1), skip)...)
		}
	}
	delete(r.busy, t)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	out = dedup(out)
	r.carried[t] = out
	return out
}

func dedup(in []Carried) []Carried {
	var out []Carried
	for i, c := range in {
		if i > 0 && c.Path == in[i-1].Path && c.Label.Field == in[i-1].Label.Field {
			continue
		}
		out = append(out, c)
	}
	return out
}

func prefix(p string, cs []Carried, skip []string) []Carried {
	if len(cs) == 0 {
		return nil
	}
	out := make([]Carried, len(cs))
	for i, c := range cs {
		c.Path = p + c.Path
		if len(skip) > 0 {
			c.Skip = append(append([]string(nil), skip...), c.Skip...)
		}
		out[i] = c
	}
	return out
}

// ValidCategory reports whether a userdata tag value is a well-formed
// category.
func ValidCategory(c string) bool { return categoryRE.MatchString(c) }
