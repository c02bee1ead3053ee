package suppress

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"
	"time"

	"github.com/datagate/datagate/lineage"
	"github.com/datagate/datagate/lineage/rules"
)

var pos = lineage.Position{File: "/src/app/a.go", Line: 10, Col: 2}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		text    string
		ok      bool
		rule    string
		until   string
		reason  string
		errPart string // "" when the directive must be well-formed
	}{
		{text: "//datagate:allow gateway-bypass partner API under SCCs", ok: true,
			rule: rules.GatewayBypass, reason: "partner API under SCCs"},
		{text: "//datagate:allow datagate/disallowed-region  reviewed   by DPO ", ok: true,
			rule: rules.DisallowedRegion, reason: "reviewed   by DPO"},
		{text: "//datagate:allow\tunknown-region\tCRM host, ticket PRIV-9", ok: true,
			rule: rules.UnknownRegion, reason: "CRM host, ticket PRIV-9"},
		{text: "//datagate:allow unresolved-endpoint until=2026-03-31 set by ops to the EU collector", ok: true,
			rule: rules.UnresolvedEndpoint, until: "2026-03-31", reason: "set by ops to the EU collector"},
		{text: "//datagate:allow gateway-bypass until=2026-03-31", ok: true,
			rule: rules.GatewayBypass, until: "2026-03-31", errPart: "no reason"},
		{text: "//datagate:allow gateway-bypass", ok: true,
			rule: rules.GatewayBypass, errPart: "no reason"},
		{text: "//datagate:allow gateway-bypass   ", ok: true,
			rule: rules.GatewayBypass, errPart: "no reason"},
		{text: "//datagate:allow", ok: true, errPart: "names no rule"},
		{text: "//datagate:allow   ", ok: true, errPart: "names no rule"},
		{text: "//datagate:allow gateway-bypas typo in the rule", ok: true,
			rule: "gateway-bypas", reason: "typo in the rule", errPart: `rule "gateway-bypas" is unknown`},
		{text: "//datagate:allow all everything is fine", ok: true,
			rule: "all", reason: "everything is fine", errPart: `"all" is not accepted`},
		{text: "//datagate:allow datagate/all everything", ok: true,
			rule: "datagate/all", reason: "everything", errPart: `"all" is not accepted`},
		{text: "//datagate:allow GATEWAY-BYPASS shouting", ok: true,
			rule: "GATEWAY-BYPASS", reason: "shouting", errPart: "is unknown"},
		{text: "//datagate:allow invalid-suppression meta", ok: true,
			rule: rules.InvalidSuppression, reason: "meta", errPart: "cannot be suppressed"},
		{text: "//datagate:allow gateway-bypass until=2026-13-01 bad month", ok: true,
			rule: rules.GatewayBypass, until: "2026-13-01", reason: "bad month", errPart: "not a valid YYYY-MM-DD date"},
		{text: "//datagate:allow gateway-bypass until=31.12.2026 wrong form", ok: true,
			rule: rules.GatewayBypass, until: "31.12.2026", reason: "wrong form", errPart: "not a valid"},
		{text: "//datagate:allow gateway-bypass until= empty date", ok: true,
			rule: rules.GatewayBypass, reason: "empty date"},
		{text: "//datagate:allow gateway-bypass reason mentions until=2026-01-01 later", ok: true,
			rule: rules.GatewayBypass, reason: "reason mentions until=2026-01-01 later"},
		{text: "// datagate:allow gateway-bypass spaced", ok: true, errPart: "space after //"},
		{text: "//  datagate:allow gateway-bypass spaced", ok: true, errPart: "space after //"},

		// Not directives.
		{text: "//datagate:allowed gateway-bypass x"},
		{text: "//datagate:allowgateway-bypass x"},
		{text: "// datagate:allowed is a word"},
		{text: "// see datagate:allow for details"},
		{text: "//go:generate datagate:allow"},
		{text: "/*datagate:allow gateway-bypass block comment*/"},
		{text: "/* //datagate:allow gateway-bypass inside a block */"},
		{text: "//nolint:datagate"},
		{text: "//"},
	} {
		t.Run(tc.text, func(t *testing.T) {
			d, ok := Parse(tc.text, pos)
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v (%+v)", ok, tc.ok, d)
			}
			if !ok {
				if d != (Directive{}) {
					t.Errorf("not a directive, yet Parse returned %+v", d)
				}
				return
			}
			if d.Pos != pos || d.Text != tc.text {
				t.Errorf("Pos, Text = %v, %q", d.Pos, d.Text)
			}
			if d.Rule != tc.rule || d.Until != tc.until || d.Reason != tc.reason {
				t.Errorf("got rule %q until %q reason %q, want %q %q %q", d.Rule, d.Until, d.Reason, tc.rule, tc.until, tc.reason)
			}
			switch {
			case tc.errPart == "" && d.Err != "":
				t.Errorf("unexpected Err %q", d.Err)
			case tc.errPart != "" && !strings.Contains(d.Err, tc.errPart):
				t.Errorf("Err = %q, want it to contain %q", d.Err, tc.errPart)
			}
		})
	}
}

func day(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestExpired(t *testing.T) {
	d := Directive{Until: "2026-03-31"}
	for _, tc := range []struct {
		now  string
		want bool
	}{
		{"2026-03-30T12:00:00Z", false},
		{"2026-03-31T23:59:59Z", false},
		{"2026-04-01T00:00:00Z", true},
		{"2027-01-01T00:00:00Z", true},
		// 01:30 on 1 April in Berlin is still 31 March in UTC.
		{"2026-04-01T01:30:00+02:00", false},
		// 20:00 on 31 March in New York is 1 April in UTC.
		{"2026-03-31T20:00:00-04:00", true},
	} {
		if got := Expired(d, day(tc.now)); got != tc.want {
			t.Errorf("Expired(until 2026-03-31, %s) = %v, want %v", tc.now, got, tc.want)
		}
	}
	if Expired(Directive{}, day("2100-01-01T00:00:00Z")) {
		t.Errorf("a directive without a date expired")
	}
	if Expired(Directive{Until: "soon"}, day("2100-01-01T00:00:00Z")) {
		t.Errorf("a malformed date expired (Err reports it instead)")
	}
}

func TestMatch(t *testing.T) {
	const file = "/src/app/a.go"
	now := day("2026-06-01T00:00:00Z")
	mk := func(text string, line int) Directive {
		d, ok := Parse(text, lineage.Position{File: file, Line: line, Col: 1})
		if !ok {
			t.Fatalf("not a directive: %s", text)
		}
		return d
	}
	dirs := []Directive{
		mk("//datagate:allow gateway-bypass line above", 9),
		mk("//datagate:allow disallowed-region two lines above", 18),
		mk("//datagate:allow unknown-region", 29),                                       // no reason
		mk("//datagate:allow unresolved-endpoint until=2026-05-31 expired", 39),         // expired
		mk("//datagate:allow unresolved-endpoint until=2026-06-01 still valid", 49),     // last day
		mk("//datagate:allow gateway-bypass same line", 60),                             // same line
		mk("//datagate:allow gateway-bypass the line above loses to the same line", 59), // line above
		mk("//datagate:allow disallowed-region until=2026-99-01 bad date", 69),
	}
	for _, tc := range []struct {
		name   string
		rule   string
		file   string
		line   int
		reason string // "" for no match
	}{
		{"line above", "gateway-bypass", file, 10, "line above"},
		{"full rule id", rules.GatewayBypass, file, 10, "line above"},
		{"on the line itself", "gateway-bypass", file, 9, "line above"},
		{"line below does not count", "gateway-bypass", file, 8, ""},
		{"other rule", "disallowed-region", file, 10, ""},
		{"other file", "gateway-bypass", "/src/app/b.go", 10, ""},
		{"two lines above", "disallowed-region", file, 20, ""},
		{"no reason", "unknown-region", file, 30, ""},
		{"expired", "unresolved-endpoint", file, 40, ""},
		{"last day", "unresolved-endpoint", file, 50, "still valid"},
		{"same line wins", "gateway-bypass", file, 60, "same line"},
		{"bad date", "disallowed-region", file, 70, ""},
		{"unknown rule", "nope", file, 10, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := Match(dirs, tc.rule, tc.file, tc.line, now)
			got := ""
			if d != nil {
				got = d.Reason
			}
			if got != tc.reason {
				t.Errorf("Match(%s, line %d) = %q, want %q", tc.rule, tc.line, got, tc.reason)
			}
		})
	}
	if d := Match(dirs, "gateway-bypass", file, 10, now); d != &dirs[0] {
		t.Errorf("Match does not point into dirs")
	}
}

const src = `package app

import "net/http"

//datagate:allow gateway-bypass file-level, not in a function

// Signup registers a user.
func Signup(email string) {
	//datagate:allow gateway-bypass partner API under SCCs (PRIV-1)
	http.Post("https://api.partner.com/u", "text/plain", nil)
	/*datagate:allow gateway-bypass block comments are not directives*/
	http.Post("https://api.partner.com/v", "text/plain", nil) //datagate:allow disallowed-region same line
	// datagate:allow gateway-bypass spaced
}

type Client struct{}

func (c *Client) Send() {
	//datagate:allow unknown-region
}

func (c Tracker[T]) Track() {
	//datagate:allow unresolved-endpoint x
}
`

func TestScan(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "/src/app/app.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	got := Scan(fset, f)
	type row struct {
		line, col int
		rule, fn  string
		reason    string
		malformed bool
	}
	want := []row{
		{5, 1, rules.GatewayBypass, "", "file-level, not in a function", false},
		{9, 2, rules.GatewayBypass, "app.Signup", "partner API under SCCs (PRIV-1)", false},
		{12, 60, rules.DisallowedRegion, "app.Signup", "same line", false},
		{13, 2, "", "app.Signup", "", true},
		{19, 2, rules.UnknownRegion, "app.Client.Send", "", true},
		{23, 2, rules.UnresolvedEndpoint, "app.Tracker.Track", "x", false},
	}
	if len(got) != len(want) {
		t.Fatalf("Scan found %d directives, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		d := got[i]
		if d.Pos.File != "/src/app/app.go" || d.Pos.Line != w.line || d.Pos.Col != w.col ||
			d.Rule != w.rule || d.Func != w.fn || d.Reason != w.reason || (d.Err != "") != w.malformed {
			t.Errorf("directive %d = %+v, want %+v", i, d, w)
		}
	}
}

func TestReport(t *testing.T) {
	now := day("2026-06-01T00:00:00Z")
	good, _ := Parse("//datagate:allow gateway-bypass reviewed", pos)
	if _, bad := Report(good, now); bad {
		t.Errorf("a good directive was reported")
	}
	if p := Problem(good, now); p != "" {
		t.Errorf("Problem(good) = %q", p)
	}

	noReason, _ := Parse("//datagate:allow gateway-bypass", pos)
	noReason.Func = "app.Signup"
	f, bad := Report(noReason, now)
	if !bad {
		t.Fatalf("a directive without a reason was not reported")
	}
	wantMsg := "This //datagate:allow gateway-bypass directive suppresses nothing: it gives no reason (write //datagate:allow <rule> <reason>). Directive: //datagate:allow gateway-bypass"
	if f.Rule != rules.InvalidSuppression || f.Level != "warning" || f.Message != wantMsg ||
		f.Flow.Exit.Pos != pos || f.Flow.Exit.Func != "app.Signup" || f.Suppr != nil {
		t.Errorf("Report = %+v\nwant message %q", f, wantMsg)
	}

	expired, _ := Parse("//datagate:allow unknown-region until=2026-05-31 CRM review", pos)
	f, bad = Report(expired, now)
	if !bad || !strings.Contains(f.Message, "it expired at the end of 2026-05-31 (UTC)") {
		t.Errorf("expired directive: %v %q", bad, f.Message)
	}

	unknown, _ := Parse("//datagate:allow nope because", pos)
	f, _ = Report(unknown, now)
	if !strings.HasPrefix(f.Message, "This //datagate:allow directive suppresses nothing: rule \"nope\" is unknown") {
		t.Errorf("unknown rule: %q", f.Message)
	}

	s := good.Suppression()
	if s.Rule != rules.GatewayBypass || s.Reason != "reviewed" || s.Pos != pos {
		t.Errorf("Suppression() = %+v", s)
	}
}
