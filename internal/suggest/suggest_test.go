package suggest

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	for in, want := range map[string]string{
		"FirstName":      "first name",
		"firstname":      "first name",
		"first_name":     "first name",
		"IPAddress":      "ip address",
		"ClientIPv6":     "client ipv6",
		"DOB":            "dob",
		"UserID":         "user id",
		"userIDs":        "user ids",
		"Zip5":           "zip 5",
		"e-mail":         "e mail",
		"HTTPServerURL":  "http server url",
		"CardHolderName": "card holder name",
		"postcode":       "postal code",
	} {
		if got := strings.Join(words(in), " "); got != want {
			t.Errorf("words(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStructContext(t *testing.T) {
	for in, want := range map[string]Context{
		"User":              Person,
		"CreateUserRequest": Person,
		"UserService":       Thing,
		"ServerConfig":      Thing,
		"Product":           Thing,
		"Address":           Evidence,
		"Session":           Neutral,
		"StoreLocation":     Thing,
		"CustomerAddress":   Person,
		"ProductReview":     Thing,
	} {
		if got := structContext(words(in)); got != want {
			t.Errorf("structContext(%s) = %v, want %v", in, got, want)
		}
	}
}

// TestJudge covers the rules' corners: words that reject, types that do
// not fit, the context of ambiguous names.
func TestJudge(t *testing.T) {
	for _, tc := range []struct {
		name string
		tc   typeClass
		ctx  Context
		cat  string
		conf Confidence
	}{
		{"Email", tText, Neutral, Contact, High},
		{"EmailVerified", tOther, Neutral, "", None},
		{"EmailVerified", tText, Neutral, "", None},
		{"Email", tOther, Neutral, "", None},
		{"Email", tAny, Neutral, Contact, Medium},
		{"Email", tText, Thing, Contact, Low},
		{"Name", tText, Person, Personal, High},
		{"Name", tText, Evidence, Personal, Medium},
		{"Name", tText, Neutral, Personal, Low},
		{"Name", tText, Thing, "", None},
		{"FileName", tText, Person, "", None},
		{"ServerIP", tText, Neutral, "", None},
		{"ClientIP", tIP, Neutral, Network, Medium},
		{"LastLoginIP", tIP, Person, Network, High},
		{"Latitude", tFloat, Thing, "", None},
		{"Lat", tFloat, Neutral, Location, Medium},
		{"Location", tOther, Person, "", None},
		{"BirthDate", tTime, Neutral, Personal, High},
		{"Birthplace", tText, Neutral, "", None},
		{"Street", tText, Thing, "", None},
		{"ZipFile", tText, Neutral, "", None},
		{"MobileAppVersion", tText, Person, "", None},
		{"IBAN", tText, Neutral, Financial, High},
		{"DeviceID", tText, Neutral, Device, High},
		{"SSN", tText, Neutral, Identifier, High},
	} {
		r, c := judge(words(tc.name), tc.tc, tc.ctx)
		cat := ""
		if r != nil && c != None {
			cat = r.category
		}
		if cat != tc.cat || c != tc.conf {
			t.Errorf("judge(%s, %v) = %q %v, want %q %v", tc.name, tc.ctx, cat, c, tc.cat, tc.conf)
		}
	}
}

// inspect type-checks src as package p and returns its suggestions as
// "Type.Field category confidence".
func inspect(t *testing.T, src string) []string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}}
	conf := types.Config{Importer: importer.Default()}
	if _, err := conf.Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range Inspect([]Package{{Fset: fset, Files: []*ast.File{f}, Info: info}}) {
		out = append(out, s.Type+"."+s.Field+" "+s.Category+" "+s.Confidence.String())
	}
	return out
}

func TestInspect(t *testing.T) {
	got := inspect(t, `package p

import "time"

type User struct {
	Email   string `+"`userdata:\"contact\"`"+`
	Home    Address `+"`userdata:\"location\"`"+`
	Name    string
	Prefs   struct {
		Phone string
	}
	Created time.Time
}

// Address is covered by User.Home: no suggestion for its fields.
type Address struct {
	Street string
	City   string
}

type Row struct {
	Name  string
	Birth time.Time
}

type Product struct {
	Name string
}
`)
	want := []string{
		"User.Name personal high",
		"User.Prefs.Phone contact high",
		"Row.Name personal medium",
		"Row.Birth personal high",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestFix(t *testing.T) {
	src := "package p\n\ntype U struct {\n\tA string \"json:\\\"a`b\\\"\"\n\tB string `json:\"b\"   `\n\tC string // c\n}\n"
	pos := func(line, col int) token.Position { return token.Position{Filename: "p.go", Line: line, Column: col} }
	sugs := []Suggestion{
		{Pos: pos(4, 2), Type: "U", Field: "A", Category: "contact", Confidence: High},
		{Pos: pos(5, 2), Type: "U", Field: "B", Category: "personal", Confidence: High},
		{Pos: pos(6, 2), Type: "U", Field: "C", Category: "device", Confidence: High},
		{Pos: pos(9, 2), Type: "U", Field: "Z", Category: "device", Confidence: High},
	}
	out, skipped, err := Fix("p.go", []byte(src), sugs)
	if err != nil {
		t.Fatal(err)
	}
	want := "package p\n\ntype U struct {\n\tA string \"json:\\\"a`b\\\" userdata:\\\"contact\\\"\"\n\tB string `json:\"b\"   userdata:\"personal\"`\n\tC string `userdata:\"device\"` // c\n}\n"
	if string(out) != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
	if len(skipped) != 1 || skipped[0].Field != "Z" {
		t.Errorf("skipped %+v", skipped)
	}
}
