package suggest

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"sort"
	"strconv"
	"strings"
)

// Skipped is a suggestion Fix did not apply, and why.
type Skipped struct {
	Suggestion
	Why string
}

// Fix returns src (the file the suggestions' positions are in) with the
// suggested tags written: userdata:"category" appended to the field's tag,
// the rest of the tag left as it was, or a new tag when the field has
// none. The result is formatted with go/format, so it is gofmt-clean.
//
// A field declared together with others (First, Last string) shares one
// tag: it is fixed only when every name in it gets the same category.
// Fields in generated files, fields that already have a userdata tag and
// suggestions whose position names no field are skipped, with the reason.
func Fix(filename string, src []byte, sugs []Suggestion) ([]byte, []Skipped, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filename, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, nil, err
	}

	// The fields, by the position of each name.
	type at struct{ line, col int }
	fields := make(map[at]*ast.Field)
	ast.Inspect(f, func(n ast.Node) bool {
		if st, ok := n.(*ast.StructType); ok {
			for _, fld := range st.Fields.List {
				for _, id := range fld.Names {
					p := fset.Position(id.Pos())
					fields[at{p.Line, p.Column}] = fld
				}
			}
		}
		return true
	})

	var skipped []Skipped
	byField := make(map[*ast.Field][]Suggestion)
	var order []*ast.Field
	for _, s := range sugs {
		fld := fields[at{s.Pos.Line, s.Pos.Column}]
		switch {
		case s.Generated:
			skipped = append(skipped, Skipped{s, "generated file: declare the field in the policy's sources instead"})
		case fld == nil:
			skipped = append(skipped, Skipped{s, "no field at this position (the file changed?)"})
		case hasUserdata(fld):
			skipped = append(skipped, Skipped{s, "already tagged " + TagKey})
		default:
			if byField[fld] == nil {
				order = append(order, fld)
			}
			byField[fld] = append(byField[fld], s)
		}
	}

	type edit struct {
		start, end int
		text       string
	}
	var edits []edit
	tf := fset.File(f.Pos())
	for _, fld := range order {
		ss := byField[fld]
		if why := sharedProblem(fld, ss); why != "" {
			for _, s := range ss {
				skipped = append(skipped, Skipped{s, why})
			}
			continue
		}
		tag := ss[0].Tag()
		if fld.Tag == nil {
			off := tf.Offset(fld.Type.End())
			edits = append(edits, edit{off, off, " `" + tag + "`"})
			continue
		}
		old, err := strconv.Unquote(fld.Tag.Value)
		if err != nil {
			for _, s := range ss {
				skipped = append(skipped, Skipped{s, "cannot read the field's tag"})
			}
			continue
		}
		val := old
		if strings.TrimSpace(val) != "" && !strings.HasSuffix(val, " ") {
			val += " "
		}
		val += tag
		lit := "`" + val + "`"
		if strings.HasPrefix(fld.Tag.Value, `"`) || strings.Contains(val, "`") {
			lit = strconv.Quote(val)
		}
		edits = append(edits, edit{tf.Offset(fld.Tag.Pos()), tf.Offset(fld.Tag.End()), lit})
	}
	if len(edits) == 0 {
		return src, skipped, nil
	}

	sort.Slice(edits, func(i, j int) bool { return edits[i].start > edits[j].start })
	out := append([]byte(nil), src...)
	for _, e := range edits {
		out = append(out[:e.start], append([]byte(e.text), out[e.end:]...)...)
	}
	formatted, err := format.Source(out)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: formatting the fixed file: %w", filename, err)
	}
	if bytes.Equal(formatted, src) {
		return src, skipped, nil
	}
	return formatted, skipped, nil
}

// sharedProblem says why a field declared with several names cannot be
// tagged: names without a suggestion, or different categories.
func sharedProblem(fld *ast.Field, ss []Suggestion) string {
	if len(fld.Names) <= 1 {
		return ""
	}
	cats := make(map[string]string)
	for _, s := range ss {
		cats[s.Field] = s.Category
	}
	var names, untagged []string
	distinct := make(map[string]bool)
	for _, id := range fld.Names {
		names = append(names, id.Name)
		c, ok := cats[id.Name]
		if !ok {
			untagged = append(untagged, id.Name)
			continue
		}
		distinct[c] = true
	}
	decl := strings.Join(names, ", ")
	switch {
	case len(distinct) > 1:
		var list []string
		for c := range distinct {
			list = append(list, c)
		}
		sort.Strings(list)
		return "the declaration " + decl + " would need two categories (" + strings.Join(list, ", ") + "): declare the fields apart"
	case len(untagged) > 0:
		return "the declaration " + decl + " would tag " + strings.Join(untagged, ", ") + " too: declare the fields apart"
	}
	return ""
}
