package lineage

import (
	"slices"
	"strings"
	"testing"
)

// FuzzStrExpr drives the string folding of endpoints (Lit, Unknown,
// ParamStr, Concat, Union, Subst) with a program read from the input, and
// checks after every step that:
//
//   - nothing panics, and String, Prefix, Def and HasParams answer;
//   - the limits hold: at most maxAlts alternatives of at most maxParts
//     parts each;
//   - an alternative never holds two adjacent literals (they are merged);
//   - normalisation is idempotent: Union(e, nil) is e, Union(e, e) is e;
//   - Union is commutative;
//   - Prefix is the text of the leading literals;
//   - Subst of an expression without parameters is the expression, and
//     Subst with no caller knowledge leaves no parameters.
//
// The program is a byte string; each byte picks an operation on a stack of
// expressions, and literal texts come from the bytes that follow. Run it
// with
//
//	go test -run='^$' -fuzz=FuzzStrExpr -fuzztime=10m ./lineage
func FuzzStrExpr(f *testing.F) {
	for _, seed := range [][]byte{
		{},
		[]byte("\x00\x05https\x00\x03://\x03"),
		[]byte("\x00\x08api.host\x02\x00\x03\x00\x01/\x03\x03"),
		// nine alternatives: the limit
		[]byte("\x00\x01a\x00\x01b\x04\x00\x01c\x04\x00\x01d\x04\x00\x01e\x04\x00\x01f\x04\x00\x01g\x04\x00\x01h\x04\x00\x01i\x04"),
		// thirty parts: the other limit
		[]byte("\x01\x01x\x02\x00\x03\x01\x01y\x03\x02\x01\x03\x01\x01z\x03\x02\x00\x03\x01\x01y\x03\x02\x01\x03\x01\x01z\x03\x02\x00\x03\x01\x01y\x03\x02\x01\x03\x01\x01z\x03\x02\x00\x03\x01\x01y\x03\x02\x01\x03\x01\x01z\x03\x02\x00\x03\x01\x01y\x03\x02\x01\x03\x01\x01z\x03"),
		// unknown reasons that sort after the limit's own reason
		[]byte("\x01\x02zz\x01\x02zy\x04\x01\x02zx\x04\x01\x02zw\x04\x01\x02zv\x04\x01\x02zu\x04\x01\x02zt\x04\x01\x02zs\x04\x01\x02zr\x04"),
		[]byte("\x02\x01\x00\x05host:\x03\x02\x00\x03\x05\x06"),
		[]byte("\x00\x00\x00\x00\x03\x00\x02a\"\x04\x01\x03a)+\x04\x07"),
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, prog []byte) {
		if len(prog) > 4096 {
			return // long programs only repeat what short ones do
		}
		var stack []StrExpr
		pop := func() StrExpr {
			if len(stack) == 0 {
				return nil
			}
			x := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			return x
		}
		text := func(i *int) string {
			if *i >= len(prog) {
				return ""
			}
			n := int(prog[*i]) % 16
			*i++
			end := min(*i+n, len(prog))
			s := string(prog[*i:end])
			*i = end
			return s
		}
		for i := 0; i < len(prog); {
			op := prog[i] % 8
			i++
			var x StrExpr
			switch op {
			case 0:
				x = Lit(text(&i), Position{File: "f.go", Line: i, Col: 1})
			case 1:
				x = Unknown(text(&i))
			case 2:
				k := 0
				if i < len(prog) {
					k = int(prog[i]) % 4
					i++
				}
				x = ParamStr(k, text(&i))
			case 3:
				b, a := pop(), pop()
				x = Concat(a, b)
				checkExpr(t, "Concat", x)
			case 4:
				b, a := pop(), pop()
				x = Union(a, b)
				checkExpr(t, "Union", x)
				if y := Union(b, a); y.String() != x.String() {
					t.Fatalf("Union not commutative:\n a = %s\n b = %s\n a|b = %s\n b|a = %s", a, b, x, y)
				}
			case 5:
				// Substitute parameters with what is below on the stack.
				e := pop()
				args := slices.Clone(stack)
				x = e.Subst(func(k int, _ string) StrExpr {
					if k < len(args) {
						return args[len(args)-1-k]
					}
					return nil
				})
				checkExpr(t, "Subst", x)
				if !e.HasParams() && x.String() != e.String() {
					t.Fatalf("Subst of %s, which has no parameters, = %s", e, x)
				}
			case 6:
				e := pop()
				x = e.Subst(func(int, string) StrExpr { return nil })
				checkExpr(t, "Subst(nil)", x)
				if x.HasParams() {
					t.Fatalf("Subst of %s with nothing known = %s: still has parameters", e, x)
				}
			case 7:
				x = pop()
				for _, a := range x {
					prefix, unk := a.Prefix()
					var want strings.Builder
					for _, p := range a {
						if p.Kind != PartLit {
							if unk == nil || *unk != p {
								t.Fatalf("Prefix of %s: first non-literal %+v, want %+v", StrExpr{a}, unk, p)
							}
							break
						}
						want.WriteString(p.Text)
					}
					if prefix != want.String() {
						t.Fatalf("Prefix of %s = %q, want %q", StrExpr{a}, prefix, want.String())
					}
					_ = a.Def()
				}
			}
			stack = append(stack, x)
			if len(stack) > 64 {
				stack = stack[len(stack)-64:]
			}
		}
	})
}

// checkExpr checks the invariants of an expression an operation returned.
func checkExpr(t *testing.T, op string, x StrExpr) {
	t.Helper()
	if len(x) > maxAlts {
		t.Fatalf("%s: %d alternatives, limit %d: %s", op, len(x), maxAlts, x)
	}
	for _, a := range x {
		if len(a) > maxParts {
			t.Fatalf("%s: an alternative of %d parts, limit %d: %s", op, len(a), maxParts, StrExpr{a})
		}
		for j := 1; j < len(a); j++ {
			if a[j].Kind == PartLit && a[j-1].Kind == PartLit {
				t.Fatalf("%s: adjacent literals not merged: %s", op, StrExpr{a})
			}
		}
	}
	_ = x.HasParams()
	s := x.String()
	if again := Union(x, nil); again.String() != s {
		t.Fatalf("%s: normalisation not idempotent:\n   %s\nthen %s", op, s, again)
	}
	if twice := Union(x, x); twice.String() != s {
		t.Fatalf("%s: Union with itself changes it:\n   %s\nthen %s", op, s, twice)
	}
}
