package lineage

import (
	"sort"
	"strconv"
	"strings"
)

// StrExpr is what the engine knows statically about a string value (an
// endpoint URL, an address, a DSN): a set of alternatives, each a
// concatenation of parts. A part is a literal, a parameter of the function
// being summarised (to be substituted by callers), or unknown with a reason
// ("environment variable SMTP_ADDR").
type StrExpr []StrAlt

// StrAlt is one alternative: its parts, concatenated.
type StrAlt []StrPart

// Part kinds.
const (
	PartLit     uint8 = iota // literal text
	PartParam                // parameter Index at Path
	PartUnknown              // not known statically; Text is the reason
)

// StrPart is one piece of a string value.
type StrPart struct {
	Kind  uint8
	Text  string // literal text, or the reason for unknown
	Index int    // parameter index
	Path  string // access path below the parameter
	Def   Position
	// In and Name, for an unknown part, are the kind and name of the
	// configured input it comes from (Input.Kind, Input.Name): "" for a
	// value that is not a configured input.
	In   string
	Name string
}

// Limits that keep string folding linear: more alternatives or parts than
// this become an unknown part saying so.
const (
	maxAlts  = 8
	maxParts = 24
)

// tooManyValues is the reason of the unknown part that stands for the
// alternatives past maxAlts.
const tooManyValues = "too many possible values"

// Lit returns the expression for a literal string.
func Lit(s string, def Position) StrExpr {
	return StrExpr{{{Kind: PartLit, Text: s, Def: def}}}
}

// Unknown returns the expression for a value not known statically.
func Unknown(reason string) StrExpr {
	return StrExpr{{{Kind: PartUnknown, Text: reason}}}
}

// InputStr returns the expression for the value of a configured input
// (kind is InputEnv, InputFlag, InputConfig or InputField); the reason
// text is the input described as messages name it.
func InputStr(kind, name string) StrExpr {
	in := Input{Kind: kind, Name: name}
	return StrExpr{{{Kind: PartUnknown, Text: in.Describe(), In: kind, Name: name}}}
}

// ParamStr returns the expression for parameter i's value at path.
func ParamStr(i int, path string) StrExpr {
	return StrExpr{{{Kind: PartParam, Index: i, Path: path}}}
}

// Concat returns the concatenations of every alternative of a with every
// alternative of b.
func Concat(a, b StrExpr) StrExpr {
	if len(a) == 0 {
		return b
	}
	if len(b) == 0 {
		return a
	}
	var out StrExpr
	for _, x := range a {
		for _, y := range b {
			alt := append(append(StrAlt(nil), x...), y...)
			out = append(out, alt.merge())
		}
	}
	return out.norm()
}

// Union returns the alternatives of a and b.
func Union(a, b StrExpr) StrExpr {
	// One alternative is its own norm: folding unites a value's
	// expressions one at a time, starting from nothing. Expressions
	// are not changed in place, so the result may share b's or a's.
	switch {
	case len(a) == 0 && len(b) == 1:
		return b[:1:1]
	case len(b) == 0 && len(a) == 1:
		return a[:1:1]
	}
	return append(append(StrExpr(nil), a...), b...).norm()
}

// merge joins adjacent literals.
func (a StrAlt) merge() StrAlt {
	var out StrAlt
	for _, p := range a {
		if n := len(out); n > 0 && p.Kind == PartLit && out[n-1].Kind == PartLit {
			q := out[n-1]
			q.Text += p.Text
			if !q.Def.IsValid() {
				q.Def = p.Def
			}
			out[n-1] = q
			continue
		}
		out = append(out, p)
	}
	if len(out) > maxParts {
		out = append(out[:maxParts-1:maxParts-1], StrPart{Kind: PartUnknown, Text: "value too long to fold"})
	}
	return out
}

// norm removes duplicate alternatives, sorts them and applies the limit.
// Alternatives are compared by their rendering (altString), made once
// each: endpoint folding unites expressions at every return and store.
func (e StrExpr) norm() StrExpr {
	if len(e) == 0 {
		return nil
	}
	type keyed struct {
		k string
		a StrAlt
	}
	items := make([]keyed, 0, len(e))
	for _, a := range e {
		k := altString(a)
		dup := false
		for _, it := range items {
			if it.k == k {
				dup = true
				break
			}
		}
		if !dup {
			items = append(items, keyed{k, a})
		}
	}
	less := func(i, j int) bool { return items[i].k < items[j].k }
	sort.SliceStable(items, less)
	if len(items) > maxAlts {
		marker := StrAlt{{Kind: PartUnknown, Text: tooManyValues}}
		mk := altString(marker)
		kept := items[: maxAlts-1 : maxAlts-1]
		has := false
		for _, it := range kept {
			if it.k == mk {
				has = true
			}
		}
		if !has {
			kept = append(kept, keyed{mk, marker})
		}
		items = kept
		sort.SliceStable(items, less) // so that normalising again changes nothing
	}
	out := make(StrExpr, len(items))
	for i, it := range items {
		out[i] = it.a
	}
	return out
}

// String renders the expression: literals quoted, parameters as $i.path,
// unknown parts as ?(reason), alternatives separated by " | ".
func (e StrExpr) String() string {
	var b strings.Builder
	for i, a := range e {
		if i > 0 {
			b.WriteString(" | ")
		}
		writeAlt(&b, a)
	}
	return b.String()
}

// altString is the rendering of one alternative (StrExpr{a}.String()).
func altString(a StrAlt) string {
	var b strings.Builder
	writeAlt(&b, a)
	return b.String()
}

func writeAlt(b *strings.Builder, a StrAlt) {
	for i, p := range a {
		if i > 0 {
			b.WriteString("+")
		}
		switch p.Kind {
		case PartLit:
			b.WriteString(`"`)
			b.WriteString(p.Text)
			b.WriteString(`"`)
		case PartParam:
			b.WriteString("$")
			b.WriteString(strconv.Itoa(p.Index))
			b.WriteString(p.Path)
		default:
			b.WriteString("?(")
			b.WriteString(p.Text)
			b.WriteString(")")
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// HasParams reports whether the expression refers to parameters.
func (e StrExpr) HasParams() bool {
	for _, a := range e {
		for _, p := range a {
			if p.Kind == PartParam {
				return true
			}
		}
	}
	return false
}

// Subst replaces parameter parts using arg, which returns the caller's
// expression for parameter i at path.
func (e StrExpr) Subst(arg func(i int, path string) StrExpr) StrExpr {
	if !e.HasParams() {
		return e
	}
	var out StrExpr
	for _, a := range e {
		cur := StrExpr{{}}
		for _, p := range a {
			var x StrExpr
			if p.Kind == PartParam {
				x = arg(p.Index, p.Path)
				if len(x) == 0 {
					x = Unknown("parameter " + itoa(p.Index))
				}
			} else {
				x = StrExpr{{p}}
			}
			cur = Concat(cur, x)
		}
		out = append(out, cur...)
	}
	return out.norm()
}

// Prefix returns the literal text of the alternative up to its first
// non-literal part, and the first non-literal part (nil when the whole
// alternative is literal).
func (a StrAlt) Prefix() (string, *StrPart) {
	var b strings.Builder
	for i := range a {
		if a[i].Kind != PartLit {
			return b.String(), &a[i]
		}
		b.WriteString(a[i].Text)
	}
	return b.String(), nil
}

// Def returns the position of the alternative's first literal part.
func (a StrAlt) Def() Position {
	for _, p := range a {
		if p.Kind == PartLit && p.Def.IsValid() {
			return p.Def
		}
	}
	return Position{}
}
