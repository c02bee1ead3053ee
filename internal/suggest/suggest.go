// Package suggest finds struct fields that look like personal data but
// carry no userdata tag, and proposes the tag: `datagate suggest` lists
// them, `datagate suggest -fix` writes the tags into the source (Fix).
//
// # How a field is judged
//
// By its name, split into words (FirstName is first, name; IPAddress is
// ip, address; firstname is first, name too), and, when no rule knows the
// name, by the names its json, xml, yaml, db, bson and form tags give it.
// The first rule in the table below whose words the name contains decides;
// a word from the rule's "unless" list anywhere in the name rejects the
// field (EmailVerified, PhoneType, ServerIP, ListenAddr), and so does a
// type that does not fit (a bool, a func, a *time.Location). An interface
// type lowers the confidence one step.
//
// Some names say nothing by themselves (Name, Address, City, Lat): the
// struct around them decides. Its name's head noun (the last word:
// UserService is a service) is looked up among words for people (User,
// Customer, Contact, Employee, Profile, Signup, ...) and for things,
// places and machines (Product, File, Host, Server, Config, Store, Team,
// ...); a struct with neither is judged by its other fields: when one of
// them is tagged userdata or is plainly personal (an e-mail, a birth
// date), or the struct is itself an address or a position, its fields
// are taken to be a person's.
//
//	data                     words (examples)                                  category    person  evidence  none   thing
//	e-mail address           email, e_mail, MailAddress                        contact     high    high      high   low
//	phone number             phone, mobile, msisdn, telephone                  contact     high    high      high   low
//	phone (abbreviated)      Tel, Fax, Cell (whole name)                       contact     medium  medium    low    -
//	a person's name          first/last/full/given/family/middle/legal name,   personal    high    high      high   low
//	                         surname, cardholder name
//	a chosen name            display name, nickname                            personal    medium  medium    medium -
//	login name               username, login name, screen name                 identifier  medium  medium    low    -
//	Name                     Name (whole name): User.Name yes, Product.Name no personal    high    medium    low    -
//	date of birth            birth date, DOB, birthday, DateOfBirth            personal    high    high      high   low
//	sensitive attribute      gender, sex, nationality, ethnicity, religion     personal    high    high      medium -
//	health data              diagnosis, medical, medication, allergy,          personal    high    high      medium -
//	                         disability, blood type, health
//	social profile           LinkedIn, Twitter, Facebook, Instagram            identifier  medium  low       -      -
//	official identifier      SSN, national id, passport, tax id, driver        identifier  high    high      high   low
//	                         license, id card, MRN (medical record number)
//	bank account, card       IBAN, card number, credit card, CVV, bank account financial   high    high      high   low
//	account number           account number, routing number, sort code         financial   medium  medium    medium -
//	pay                      salary, income                                    financial   medium  medium    low    -
//	device identifier        device id, IDFA, IDFV, advertising id, GAID,      device      high    high      high   low
//	                         IMEI, UDID, MAC address
//	device token, agent      push token, device token, user agent              device      medium  medium    medium -
//	IP address               IP, IPAddress, ClientIP, RemoteAddr               network     high    high      medium -
//	postal address           street, address line, postal code, zip, ShipTo,   location    high    high      high   -
//	                         home/billing/shipping/delivery address
//	Address                  Address, Addr (whole name)                        location    high    medium    low    -
//	town                     City, Town (whole name)                           location    high    medium    low    -
//	geographic position      lat, lng, latitude, longitude, geolocation, GPS   location    high    medium    medium -
//	location                 Location, Position (whole name)                   location    medium  low       low    -
//
// The columns on the right are the confidence in a person's struct, next
// to personal fields, with no context, and in a thing's struct; "-" means
// no suggestion. Fields of a struct type that a tagged field already holds
// (a User's Address, when User.Address is tagged) are user data through
// that tag and are not suggested. Fields in generated files are listed
// but never fixed: declare them in the policy's sources.
//
// The judgement is a heuristic over names, deterministic (the same source
// gives the same suggestions, in file and line order), and meant to be
// reviewed: datagate's tests measure it on a labelled set of fields
// (testdata/inventory/suggest) and require a precision of at least 0.9 and
// a recall of at least 0.8 for the high and medium suggestions together.
package suggest

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// Suggestion proposes a userdata tag for one field.
type Suggestion struct {
	// Pos is the field name's position.
	Pos token.Position
	// Type is the struct's name, "User", or for a field of an anonymous
	// struct the path to it, "User.Prefs".
	Type  string
	Field string
	// Category is the proposed tag value.
	Category   string
	Confidence Confidence
	Reason     string
	// Generated is set when the field is in a generated file: Fix leaves
	// it alone.
	Generated bool
}

// Tag is the proposed struct tag, userdata:"category".
func (s *Suggestion) Tag() string { return TagKey + ":" + strconv.Quote(s.Category) }

// TagKey is the struct tag key that marks user data.
const TagKey = "userdata"

// Package is one type-checked package to inspect.
type Package struct {
	Fset  *token.FileSet
	Files []*ast.File
	// Info needs Defs and Types; with a nil Info field types are unknown
	// (every suggestion is one step less sure).
	Info *types.Info
}

// Inspect returns the suggestions for the fields of every struct type in
// pkgs, sorted by position.
func Inspect(pkgs []Package) []Suggestion {
	covered := coveredTypes(pkgs)
	var out []Suggestion
	for _, p := range pkgs {
		for _, f := range p.Files {
			gen := ast.IsGenerated(f)
			for _, s := range structsOf(p, f) {
				if s.obj != nil && covered[s.obj] {
					continue
				}
				out = append(out, s.judge(p, gen)...)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Pos, out[j].Pos
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	return out
}

// structDecl is one struct type: a declared one, or an anonymous one in a
// field of another.
type structDecl struct {
	path  []string // "User", "Prefs"
	typ   *ast.StructType
	obj   *types.TypeName // nil for an anonymous struct
	outer Context         // the enclosing struct's context, for an anonymous one
}

// structsOf finds the struct types declared in f, at any depth, with the
// anonymous structs in their fields (not in tagged ones).
func structsOf(p Package, f *ast.File) []*structDecl {
	var out []*structDecl
	var nested func(parent *structDecl, st *ast.StructType)
	nested = func(parent *structDecl, st *ast.StructType) {
		ctx := contextOf(parent)
		for _, fld := range st.Fields.List {
			if hasUserdata(fld) || len(fld.Names) == 0 {
				continue
			}
			if inner := anonStruct(fld.Type); inner != nil {
				d := &structDecl{path: append(append([]string{}, parent.path...), fld.Names[0].Name), typ: inner, outer: ctx}
				out = append(out, d)
				nested(d, inner)
			}
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSpec)
		if !ok {
			return true
		}
		st, ok := ts.Type.(*ast.StructType)
		if !ok {
			return true
		}
		d := &structDecl{path: []string{ts.Name.Name}, typ: st, outer: Neutral}
		if p.Info != nil {
			d.obj, _ = p.Info.Defs[ts.Name].(*types.TypeName)
		}
		out = append(out, d)
		nested(d, st)
		return true
	})
	return out
}

// anonStruct returns the anonymous struct a field's type expression
// holds, through pointers, slices, arrays and maps.
func anonStruct(e ast.Expr) *ast.StructType {
	for {
		switch t := e.(type) {
		case *ast.StructType:
			return t
		case *ast.StarExpr:
			e = t.X
		case *ast.ArrayType:
			e = t.Elt
		case *ast.MapType:
			e = t.Value
		default:
			return nil
		}
	}
}

// contextOf judges a struct by its name; an anonymous struct whose own
// name says nothing takes its parent's context.
func contextOf(d *structDecl) Context {
	ctx := structContext(words(d.path[len(d.path)-1]))
	if ctx == Neutral && len(d.path) > 1 {
		return d.outer
	}
	return ctx
}

// judge returns the suggestions for the struct's fields.
func (d *structDecl) judge(p Package, generated bool) []Suggestion {
	ctx := contextOf(d)
	type field struct {
		ident *ast.Ident
		fld   *ast.Field
		names [][]string // the name's words, then each tag name's
		tc    typeClass
		plain bool // tagged, or plainly personal by name alone
	}
	var fields []*field
	for _, fld := range d.typ.Fields.List {
		tc := classOf(p.Info, fld.Type)
		tagNames := tagNames(fld)
		for _, id := range fld.Names {
			f := &field{ident: id, fld: fld, tc: tc, names: [][]string{words(id.Name)}}
			for _, t := range tagNames {
				f.names = append(f.names, words(t))
			}
			if hasUserdata(fld) {
				f.plain = true
			} else if r, c := judgeNames(f.names, tc, Neutral); r != nil && c == High {
				f.plain = true
			}
			fields = append(fields, f)
		}
	}

	var out []Suggestion
	for _, f := range fields {
		if hasUserdata(f.fld) || f.ident.Name == "_" {
			continue
		}
		fctx, why := ctx, ""
		if ctx == Neutral {
			for _, g := range fields {
				if g != f && g.plain {
					fctx, why = Evidence, "next to "+g.ident.Name
					break
				}
			}
		}
		r, c := judgeNames(f.names, f.tc, fctx)
		if r == nil || c == None {
			continue
		}
		reason := r.what
		if r.conf[Person] != r.conf[Neutral] || r.conf[Neutral] != r.conf[Evidence] {
			switch fctx {
			case Person:
				reason += " in a person type (" + strings.Join(d.path, ".") + ")"
			case Evidence:
				if why == "" {
					why = "in an address or position type (" + strings.Join(d.path, ".") + ")"
				}
				reason += " " + why
			case Neutral:
				reason += " with no sign of a person around it"
			case Thing:
				reason += " in a non-person type (" + strings.Join(d.path, ".") + ")"
			}
		} else if fctx == Thing {
			reason += " in a non-person type (" + strings.Join(d.path, ".") + ")"
		}
		if r2, _ := judge(f.names[0], f.tc, fctx); r2 == nil {
			reason += " (by its tag name)"
		}
		if f.tc == tAny {
			reason += "; its type is an interface"
		}
		out = append(out, Suggestion{
			Pos:        p.Fset.Position(f.ident.Pos()),
			Type:       strings.Join(d.path, "."),
			Field:      f.ident.Name,
			Category:   r.category,
			Confidence: c,
			Reason:     reason,
			Generated:  generated,
		})
	}
	return out
}

// judgeNames judges the field by its name, or when no rule knows the
// name, by its tag names in turn.
func judgeNames(names [][]string, tc typeClass, ctx Context) (*rule, Confidence) {
	for _, n := range names {
		if r, c := judge(n, tc, ctx); r != nil {
			return r, c
		}
	}
	return nil, None
}

// tagKeys are the tags whose names describe the field.
var tagKeys = []string{"json", "xml", "yaml", "db", "bson", "form"}

// tagNames returns the names the field's tags give it ("-" and empty
// names left out), once each.
func tagNames(fld *ast.Field) []string {
	tag := fieldTag(fld)
	var out []string
	seen := make(map[string]bool)
	for _, k := range tagKeys {
		v, ok := tag.Lookup(k)
		if !ok {
			continue
		}
		name, _, _ := strings.Cut(v, ",")
		if name == "" || name == "-" || seen[name] {
			continue
		}
		seen[name] = true
		out = append(out, name)
	}
	return out
}

func fieldTag(fld *ast.Field) reflect.StructTag {
	if fld.Tag == nil {
		return ""
	}
	s, err := strconv.Unquote(fld.Tag.Value)
	if err != nil {
		return ""
	}
	return reflect.StructTag(s)
}

func hasUserdata(fld *ast.Field) bool {
	_, ok := fieldTag(fld).Lookup(TagKey)
	return ok
}

// classOf classifies a field's type.
func classOf(info *types.Info, e ast.Expr) typeClass {
	if info == nil {
		return tAny
	}
	t := info.TypeOf(e)
	if t == nil {
		return tAny
	}
	return classify(t, 0)
}

func classify(t types.Type, depth int) typeClass {
	if depth > 8 {
		return tOther
	}
	t = types.Unalias(t)
	if n, ok := t.(*types.Named); ok && n.Obj().Pkg() != nil {
		switch n.Obj().Pkg().Path() + "." + n.Obj().Name() {
		case "time.Time", "database/sql.NullTime":
			return tTime
		case "net.IP", "net/netip.Addr":
			return tIP
		case "database/sql.NullString", "net/mail.Address":
			return tText
		case "database/sql.NullInt64", "database/sql.NullInt32":
			return tInt
		case "database/sql.NullFloat64":
			return tFloat
		case "time.Location", "time.Duration", "database/sql.NullBool":
			return tOther
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsString != 0:
			return tText
		case u.Info()&types.IsInteger != 0:
			return tInt
		case u.Info()&types.IsFloat != 0:
			return tFloat
		}
		return tOther
	case *types.Pointer:
		return classify(u.Elem(), depth+1)
	case *types.Slice:
		if b, ok := u.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
			return tText
		}
		return classify(u.Elem(), depth+1)
	case *types.Array:
		if b, ok := u.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
			return tText
		}
		return classify(u.Elem(), depth+1)
	case *types.Map:
		return classify(u.Elem(), depth+1)
	case *types.Struct:
		return tStruct
	case *types.Interface:
		return tAny
	}
	return tOther
}

// coveredTypes returns the named struct types that a field tagged
// userdata holds (through pointers, slices, arrays, maps and channels),
// and the ones they hold, in turn: their fields are user data through the
// tag.
func coveredTypes(pkgs []Package) map[*types.TypeName]bool {
	covered := make(map[*types.TypeName]bool)
	var add func(t types.Type, depth int)
	add = func(t types.Type, depth int) {
		if depth > 16 {
			return
		}
		t = types.Unalias(t)
		if n, ok := t.(*types.Named); ok {
			obj := n.Origin().Obj()
			if covered[obj] {
				return
			}
			if st, ok := n.Underlying().(*types.Struct); ok {
				covered[obj] = true
				for i := 0; i < st.NumFields(); i++ {
					add(st.Field(i).Type(), depth+1)
				}
			}
			return
		}
		switch u := t.(type) {
		case *types.Pointer:
			add(u.Elem(), depth+1)
		case *types.Slice:
			add(u.Elem(), depth+1)
		case *types.Array:
			add(u.Elem(), depth+1)
		case *types.Map:
			add(u.Elem(), depth+1)
		case *types.Chan:
			add(u.Elem(), depth+1)
		case *types.Struct:
			for i := 0; i < u.NumFields(); i++ {
				add(u.Field(i).Type(), depth+1)
			}
		}
	}
	for _, p := range pkgs {
		if p.Info == nil {
			continue
		}
		for _, f := range p.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				st, ok := n.(*ast.StructType)
				if !ok {
					return true
				}
				for _, fld := range st.Fields.List {
					if hasUserdata(fld) {
						if t := p.Info.TypeOf(fld.Type); t != nil {
							add(t, 0)
						}
					}
				}
				return true
			})
		}
	}
	return covered
}
