package lineage

import (
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// applyModel applies a library model.
func (s *fstate) applyModel(c ssa.CallInstruction, args []ssa.Value, m *parsedModel, name string) {
	// Every flow reads the arguments as they were before the call: a flow
	// must not take in what an earlier flow of the same row delivered
	// (json.Unmarshal's "0->1; 1w:json->0" made the bytes hold themselves
	// used whole, and every caller's value its own fields at its root).
	type delivery struct {
		f flowSpec
		t tree
	}
	var out []delivery
	for _, f := range m.flows {
		var t tree
		switch {
		case f.from.field >= 0:
			t = s.fieldPort(args, f.from)
		case f.from.typed && f.from.index < len(args) && args[f.from.index] != nil:
			t = s.typedTree(args[f.from.index])
		case f.from.format >= 0:
			t = s.formattedTree(args, f.from)
		default:
			t = s.portTree(args, f.from, "", false, f.from.enc)
		}
		if t.len() == 0 {
			continue
		}
		if f.from.whole {
			t = withStep(t, s.step(c.Pos(), describeUse(name, f.from.enc)))
		}
		out = append(out, delivery{f, t})
	}
	for _, d := range out {
		s.deliver(c, args, d.f.to, "", d.t, name)
	}
	v := c.Value()
	for _, a := range m.alias {
		if v == nil {
			break
		}
		var rs []ref
		switch {
		case a.arg >= 0 && a.arg < len(args):
			if s.answers(args[a.arg]) {
				continue // json.NewEncoder(w): writes into it answer the caller
			}
			rs = s.ptsOrPointee(args[a.arg])
			if isVariadicSlot(c, args, a.arg) {
				// io.MultiWriter(w1, w2): the result writes into each.
				for _, el := range s.elements(args[a.arg]) {
					if el != args[a.arg] && !s.answers(el) {
						rs = append(rs, s.ptsOrPointee(el)...)
					}
				}
			}
		case a.fromResult >= 0:
			// Two results share one object (io.Pipe's reader and writer).
			rs = []ref{{obj: s.object(objValue, 0, v)}}
			s.addTuplePts(v, a.fromResult, rs)
		}
		if a.result < 0 {
			s.addPts(v, rs)
		} else {
			s.addTuplePts(v, a.result, rs)
		}
	}
}

func isVariadicIndex(fn *types.Func, i int) bool {
	sig := fn.Type().(*types.Signature)
	return sig.Variadic() && i == sig.Params().Len()-1
}

func allPorts(n int, fn *types.Func) []portSpec {
	start := 0
	if fn != nil && fn.Type().(*types.Signature).Recv() != nil {
		start = 1
	}
	var out []portSpec
	for i := start; i < n; i++ {
		out = append(out, portSpec{index: i, whole: true})
	}
	return out
}

// portTree is the data at a port of a call: the argument's tree at the
// path, or, used as a whole, every origin in it plus the user-data fields
// its type holds.
func (s *fstate) portTree(args []ssa.Value, p portSpec, path string, whole bool, enc string) tree {
	var out tree
	idx := []int{p.index}
	switch {
	case p.all:
		idx = nil
		for i := range args {
			idx = append(idx, i)
		}
	case p.rest:
		idx = nil
		for i := p.index; i < len(args); i++ {
			idx = append(idx, i)
		}
	}
	for _, i := range idx {
		if i < 0 || i >= len(args) {
			continue
		}
		a := args[i]
		if p.byCols && p.cols < len(args) && path == "" {
			if cols := s.constStrings(args[p.cols]); len(cols) > 0 {
				out = merge(out, s.columnsTree(a, cols, enc))
				continue
			}
			if s.paramIndex(args[p.cols]) >= 0 {
				// The names are the caller's (ExitEdge.Cols): the
				// fields the value's type holds are counted there, by
				// the names it passes; here only what the value holds.
				out = merge(out, s.ownTree(a, enc))
				continue
			}
		}
		if p.rest || p.all {
			// A variadic slice: its elements are the arguments.
			out = merge(out, s.argTree(a, path, whole || p.whole, enc))
			continue
		}
		out = merge(out, s.argTree(a, path, whole || p.whole, enc))
	}
	return out
}

// ownTree is the data of a used whole without the user-data fields its
// type holds: its origins (a parameter's as a whole value), for a mapper
// whose columns the caller names.
func (s *fstate) ownTree(a ssa.Value, enc string) tree {
	t := s.valTree(a)
	if enc != "" {
		t = s.skipFields(a, "", t, enc)
	}
	return leaf(t.all().asWhole(s.e.sources))
}

// constStrings returns the constant strings passed in a variadic slice
// built at the call, or nil when there are none or one is not constant.
func (s *fstate) constStrings(v ssa.Value) []string {
	els := s.elements(v)
	if len(els) == 1 && els[0] == v {
		return nil // not a slice built at the call
	}
	var out []string
	for _, el := range els {
		k, ok := el.(*ssa.Const)
		if !ok || k.Value == nil || k.Value.Kind() != constant.String {
			return nil
		}
		out = append(out, constant.StringVal(k.Value))
	}
	return out
}

// columnsTree is the data of a used whole by a mapper that writes only the
// columns cols (portSpec.cols): what is stored at, and the user-data
// fields held under, the struct fields named so.
func (s *fstate) columnsTree(a ssa.Value, cols []string, enc string) tree {
	typ := a.Type()
	if mi, ok := a.(*ssa.MakeInterface); ok {
		typ = mi.X.Type() // a model passed as any
	}
	st := structOf(typ)
	if st == nil {
		return s.argTree(a, "", true, enc)
	}
	var all taint
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if !columnNamed(f.Name(), st.Tag(i), cols) {
			continue
		}
		t := s.argTree(a, "."+f.Name(), true, enc)
		all, _ = all.union(t.all())
	}
	// What is held at the value itself (not below a field) counts too.
	all, _ = all.union(s.valTree(a).at0(""))
	return leaf(all)
}

// structOf returns the struct a value of type t is or points to.
func structOf(t types.Type) *types.Struct {
	for {
		switch u := t.Underlying().(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Struct:
			return u
		}
		return nil
	}
}

// columnNamed reports whether a struct field is one of the columns cols:
// its db tag's name, else its name (case-insensitively, as sqlx maps
// untagged fields).
func columnNamed(name, tag string, cols []string) bool {
	col := name
	if v, ok := reflect.StructTag(tag).Lookup("db"); ok {
		if n, _, _ := strings.Cut(v, ","); n != "" {
			col = n
		}
	}
	for _, c := range cols {
		if strings.EqualFold(c, col) {
			return true
		}
	}
	return false
}

func (s *fstate) argTree(a ssa.Value, path string, whole bool, enc string) tree {
	t := s.valTree(a).sub(path, s.e.sources)
	if !whole {
		return t
	}
	if enc != "" {
		t = s.skipFields(a, path, t, enc)
	}
	all := t.all().asWhole(s.e.sources)
	all, _ = all.union(s.carried(a, path, t, enc))
	return leaf(all)
}

// fieldPort is the data of the field of argument p.index named by the
// constant string argument p.field (reflect.Value.FieldByName(name)): that
// field's subtree, plus the user-data fields the argument's known types
// hold there. A name that is not a constant takes the argument whole.
func (s *fstate) fieldPort(args []ssa.Value, p portSpec) tree {
	if p.index >= len(args) || p.field >= len(args) || args[p.index] == nil {
		return nil
	}
	k, ok := args[p.field].(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		if n, ok := args[p.field].(*ssa.Parameter); ok {
			if i := s.paramIndex(n); i >= 0 {
				return s.namedByParam(s.valTree(args[p.index]), i)
			}
		}
		return s.argTree(args[p.index], "", true, "")
	}
	return s.valTree(args[p.index]).sub("."+constant.StringVal(k.Value), s.e.sources)
}

// namedByParam is the data of the field of a value with tree t whose name
// is parameter i of the function: what the caller's data holds at the
// field its constant argument names (the path part ".{i}", resolved where
// a summary is applied, resolveNamed), and every user-data field the
// function itself put into the value (any field may be the one named).
// pop's Model.ID reads field "ID" through a helper taking the name.
func (s *fstate) namedByParam(t tree, i int) tree {
	out := t.sub(namedPart(i), s.e.sources)
	var conc taint
	for _, o := range t.all() {
		if s.e.sources[o.src].kind == concreteSource {
			conc = append(conc, o)
		}
	}
	return merge(out, leaf(conc))
}

// namedPart is the access path part of a field named by parameter i.
func namedPart(i int) string { return ".{" + itoa(i) + "}" }

// formattedTree is the data of the values in the variadic slice p.index
// formatted by the constant format string in argument p.format, used
// whole, except those printed with %T or %p (their type or address, not
// their data). A format that is not constant, or a slice the engine
// cannot see into, takes every value.
func (s *fstate) formattedTree(args []ssa.Value, p portSpec) tree {
	whole := func() tree { return s.argTree(args[p.index], "", true, p.enc) }
	if p.index >= len(args) || p.format >= len(args) || args[p.index] == nil {
		return nil
	}
	k, ok := args[p.format].(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return whole()
	}
	skip := typeVerbs(constant.StringVal(k.Value))
	if len(skip) == 0 {
		return whole()
	}
	sl, ok := args[p.index].(*ssa.Slice)
	if !ok {
		return whole()
	}
	alloc, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return whole()
	}
	var out tree
	for _, ref := range *alloc.Referrers() {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		ic, ok := ia.Index.(*ssa.Const)
		if !ok {
			return whole()
		}
		i, _ := constant.Int64Val(ic.Value)
		if skip[int(i)] {
			continue
		}
		for _, r2 := range *ia.Referrers() {
			if st, ok := r2.(*ssa.Store); ok && st.Addr == ia {
				x := st.Val
				if mi, ok := x.(*ssa.MakeInterface); ok {
					x = mi.X
				}
				out = merge(out, s.argTree(x, "", true, p.enc))
			}
		}
	}
	return out
}

// typeVerbs returns the operand indexes that a format prints with %T or
// %p. Explicit argument indexes ("%[2]T") and star widths are followed;
// a format it cannot follow gives nil (every operand counts).
func typeVerbs(format string) map[int]bool {
	out := map[int]bool{}
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		for i < len(format) {
			c := format[i]
			switch {
			case c == '[':
				j := strings.IndexByte(format[i:], ']')
				if j < 0 {
					return nil
				}
				n, err := strconv.Atoi(format[i+1 : i+j])
				if err != nil || n < 1 {
					return nil
				}
				arg = n - 1
				i += j + 1
				continue
			case c == '*':
				arg++ // a width or precision operand
				i++
				continue
			case strings.IndexByte("+-# 0123456789.", c) >= 0:
				i++
				continue
			}
			break
		}
		if i >= len(format) {
			break
		}
		if format[i] == 'T' || format[i] == 'p' {
			out[arg] = true
		}
		arg++
	}
	return out
}

// carried returns the user-data fields that a value of a's type (or of the
// dynamic types it is known to hold, or of the elements of a variadic
// slice) holds below path, except those cleaned in t or skipped by enc.
func (s *fstate) carried(a ssa.Value, path string, t tree, enc string) taint {
	if s.e.cfg.Sources == nil {
		return nil
	}
	var out taint
	for _, v := range s.elements(a) {
		typs := s.valueTypes(v)
		if len(typs) == 0 {
			continue
		}
		// What v still holds of its type's fields: cleaned or sanitised
		// ones are left out.
		vt := t
		if v != a {
			vt = s.valTree(v).sub(path, s.e.sources)
		}
		ct := s.contentTree(v, path, vt)
		cleaned, san := ct.cleaned(), ct.sanitised()
		unset := s.e.unsetFields(v, s.at)
		for _, typ := range typs {
			if _, ok := typ.Underlying().(*types.Interface); ok {
				continue
			}
			for _, c := range s.e.cfg.Sources.Carried(typ) {
				if !isPrefix(path, c.Path) && !isPrefix(c.Path, path) {
					continue
				}
				if enc != "" && c.Skips(enc) {
					continue
				}
				if path == "" && unset[cutPath(c.Path, 1)] {
					continue
				}
				rel := strings.TrimPrefix(c.Path, path)
				skip := false
				for _, k := range cleaned {
					if isPrefix(k, rel) {
						skip = true
					}
				}
				if skip || san[s.e.concrete(c.Label)] {
					continue
				}
				o := origin{src: s.e.concrete(c.Label), tr: (*trace)(nil).push(s.step(s.usePos(a), "holds "+c.Label.ShortField()))}
				if !out.has(o.key()) {
					out = append(out, o)
				}
			}
		}
	}
	return out
}

// unsetFields returns the fields of a struct the function allocates (a
// composite literal, &T{...}) that nothing in the function addresses:
// they keep their zero value, so the user-data fields below them are not
// held at the call at (a payload struct with an Identity field left
// unset). Only for a literal that sets some field and does not escape
// (stored, copied), and only where no other call given it can have run
// before at: a callee given it earlier might set any field (a test that
// inserts a literal and reads the row back into it afterwards keeps the
// insert's fields unset). The allocation's uses depend on the SSA alone,
// so they are computed once per allocation (e.unset).
func (e *engine) unsetFields(v ssa.Value, at ssa.Instruction) map[string]bool {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
			continue
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.UnOp:
			if x.Op == token.MUL { // a struct literal passed by value
				v = x.X
				continue
			}
		}
		break
	}
	al, ok := v.(*ssa.Alloc)
	if !ok {
		return nil
	}
	u, ok := e.unset[al]
	if !ok {
		if e.unset == nil {
			e.unset = make(map[*ssa.Alloc]*allocUses)
		}
		u = allocUnset(al)
		e.unset[al] = u
	}
	if u == nil {
		return nil
	}
	before, ok := u.at[at]
	if !ok {
		for _, c := range u.calls {
			if c != at && reaches(c, at) {
				before = true
				break
			}
		}
		u.at[at] = before // a function is walked many times: once per call
	}
	if before {
		return nil
	}
	return u.fields
}

// allocUses is what unsetFields knows of one allocation: the fields
// nothing addresses and the calls it is given to.
type allocUses struct {
	fields map[string]bool
	calls  []ssa.Instruction
	at     map[ssa.Instruction]bool // whether another call can run before it, per call asked about
}

// allocUnset is unsetFields' view of one allocation; nil when it escapes
// or sets no field.
func allocUnset(al *ssa.Alloc) *allocUses {
	str := structOf(al.Type())
	if str == nil {
		return nil
	}
	used := make(map[int]bool)
	var calls []ssa.Instruction
	escapes := false
	var visit func(v ssa.Value)
	visit = func(v ssa.Value) {
		for _, r := range *v.Referrers() {
			switch r := r.(type) {
			case *ssa.FieldAddr:
				used[r.Field] = true
			case *ssa.MakeInterface, *ssa.ChangeType:
				visit(r.(ssa.Value))
			case *ssa.UnOp:
				if r.Op != token.MUL {
					escapes = true
					break
				}
				visit(r)
			case *ssa.DebugRef:
			case ssa.CallInstruction:
				calls = append(calls, r)
			case *ssa.Store:
				switch {
				case r.Val == v:
					escapes = true // stored somewhere: anyone may set it
				case v == ssa.Value(al) && r.Addr == v:
					// A variable given a literal built apart
					// (i := T{...} whose address is taken): the
					// literal's fields are the ones set. (Other
					// values stored whole, a parameter kept in a
					// local, leave the count as it was.)
					for f := range literalFields(r.Val) {
						used[f] = true
					}
				}
			default:
				escapes = true // copied, compared, ...: be conservative
			}
		}
	}
	visit(al)
	if escapes || len(used) == 0 {
		// Escaping, or a variable declared without a value (var m T;
		// json.Unmarshal(raw, &m)): a call may fill it.
		return nil
	}
	out := &allocUses{fields: make(map[string]bool), calls: calls, at: make(map[ssa.Instruction]bool)}
	for i := 0; i < str.NumFields(); i++ {
		if !used[i] {
			out.fields["."+str.Field(i).Name()] = true
		}
	}
	return out
}

// literalFields returns the fields a composite literal sets when v is a
// load of one built in a local of its own (the literal's only other uses
// are its field addresses); nil for any other value.
func literalFields(v ssa.Value) map[int]bool {
	ld, ok := v.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return nil
	}
	al, ok := ld.X.(*ssa.Alloc)
	if !ok || al.Comment != "complit" {
		return nil
	}
	out := make(map[int]bool)
	for _, r := range *al.Referrers() {
		switch r := r.(type) {
		case *ssa.FieldAddr:
			out[r.Field] = true
		case *ssa.DebugRef:
		default:
			if r != ld {
				return nil
			}
		}
	}
	return out
}

// reaches reports whether instruction a can run before instruction b in
// one call of their function: a comes first in b's block, or a's block
// leads to b's (a loop leading back counts).
func reaches(a, b ssa.Instruction) bool {
	if a == nil || b == nil {
		return true
	}
	ab, bb := a.Block(), b.Block()
	if ab == nil || bb == nil {
		return true
	}
	if ab == bb {
		for _, in := range ab.Instrs {
			if in == a {
				return true // a before b
			}
			if in == b {
				break
			}
		}
	}
	seen := make(map[*ssa.BasicBlock]bool)
	work := append([]*ssa.BasicBlock(nil), ab.Succs...)
	for len(work) > 0 {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if x == bb {
			return true
		}
		if seen[x] {
			continue
		}
		seen[x] = true
		work = append(work, x.Succs...)
	}
	return false
}

// skipFields drops from t, the data of a at path, what is kept in the
// fields serialiser enc leaves out (json:"-"): an interface value keeps
// the fields its dynamic type holds at their paths, all of them.
func (s *fstate) skipFields(a ssa.Value, path string, t tree, enc string) tree {
	if s.e.cfg.Sources == nil || t.len() == 0 {
		return t
	}
	var skip []string
	for _, typ := range s.valueTypes(a) {
		for _, c := range s.e.cfg.Sources.Carried(typ) {
			if c.Skips(enc) && isPrefix(path, c.Path) {
				// Leave out everything below the field whose tag says
				// so, not only the user-data field under it: data
				// stored there whole (an address kept in a belongs_to
				// field) is left out too.
				p := skipLevel(typ, c.Path, enc)
				if !isPrefix(path, p) {
					p = c.Path
				}
				skip = append(skip, strings.TrimPrefix(p, path))
			}
		}
	}
	if len(skip) == 0 {
		return t
	}
	out := newTree(t.len())
keys:
	for _, en := range t.entries() {
		for _, p := range skip {
			if isPrefix(p, en.p) && p != "" {
				continue keys
			}
		}
		out.ents = append(out.ents, en)
	}
	return out
}

// skipLevel returns the ancestor of the field at path p of a value of type
// t whose struct tag makes serialiser enc leave it out (TagSkips), or p.
func skipLevel(t types.Type, p, enc string) string {
	at := ""
	rest := p
	for rest != "" {
		switch u := t.Underlying().(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Slice, *types.Array, *types.Map, *types.Chan:
			if !strings.HasPrefix(rest, "[]") {
				return p
			}
			at += "[]"
			rest = rest[2:]
			t = u.(interface{ Elem() types.Type }).Elem()
			continue
		case *types.Struct:
			if !strings.HasPrefix(rest, ".") {
				return p
			}
			name := rest[1:]
			if i := strings.IndexAny(name, ".["); i >= 0 {
				name = name[:i]
			}
			for i := 0; i < u.NumFields(); i++ {
				if u.Field(i).Name() != name {
					continue
				}
				at += "." + name
				rest = rest[1+len(name):]
				if slices.Contains(TagSkips(u.Tag(i)), enc) {
					return at
				}
				t = u.Field(i).Type()
				break
			}
			if !strings.HasSuffix(at, "."+name) {
				return p
			}
			continue
		}
		return p
	}
	return p
}

// contentTree is what decides which of a's type's fields a's data still
// holds: for a pointer, what it points to (a sanitizer may have cleaned
// it in place, which the pointer's own value does not show); otherwise t.
func (s *fstate) contentTree(a ssa.Value, path string, t tree) tree {
	if _, ok := a.Type().Underlying().(*types.Pointer); !ok {
		if _, isIface := a.Type().Underlying().(*types.Interface); !isIface {
			return t
		}
	}
	rs := s.ptsOf(a)
	if len(rs) == 0 {
		return t
	}
	var out tree
	for _, r := range rs {
		out = merge(out, s.read(r, s.cur).sub(path, s.e.sources))
	}
	if out == nil {
		return t
	}
	return out
}

// typedTree is the data of a: its tree, plus each user-data field that its
// type (or the dynamic types it is known to hold) holds, at that field's
// path, unless the function cleaned it. reflect.ValueOf gives this: a
// reflect.Value whose fields are later read by name.
func (s *fstate) typedTree(a ssa.Value) tree {
	t := s.valTree(a)
	if s.e.cfg.Sources == nil {
		return t
	}
	var typs []types.Type
	if d := s.dyn[a]; len(d) > 0 {
		typs = d
	} else {
		typs = []types.Type{a.Type()}
	}
	cleaned := t.cleaned()
	out := t.clone()
	if out == nil {
		out = newTree(0)
	}
	for _, typ := range typs {
		if _, ok := typ.Underlying().(*types.Interface); ok {
			continue
		}
	fields:
		for _, c := range s.e.cfg.Sources.Carried(typ) {
			for _, k := range cleaned {
				if isPrefix(k, c.Path) {
					continue fields
				}
			}
			o := origin{src: s.e.concrete(c.Label), tr: (*trace)(nil).push(s.step(s.usePos(a), "holds "+c.Label.ShortField()))}
			out.put(c.Path, leaf(taint{o}))
		}
	}
	return out
}

// valueTypes are the types a's data may have: its dynamic types where
// known, else its static type, per element of a variadic slice; nil
// values have none.
func (s *fstate) valueTypes(a ssa.Value) []types.Type {
	var typs []types.Type
	for _, v := range s.elements(a) {
		if k, ok := v.(*ssa.Const); ok && k.IsNil() {
			continue // a nil pointer, slice, map or channel holds nothing
		}
		if d := s.dyn[v]; len(d) > 0 {
			typs = append(typs, d...)
		} else if a := s.assertedTypes(v); len(a) > 0 {
			typs = append(typs, a...)
		} else {
			typs = append(typs, v.Type())
		}
	}
	return typs
}

// assertedTypes are the concrete types an interface value v is known to
// hold where it is used (s.at), from its type assertions: one that would
// have panicked otherwise and comes before, or the case of a type switch
// (a comma-ok assertion) that the use can only be reached through.
func (s *fstate) assertedTypes(v ssa.Value) []types.Type {
	if s.at == nil || s.at.Block() == nil || !types.IsInterface(v.Type()) {
		return nil
	}
	refs := v.Referrers()
	if refs == nil {
		return nil
	}
	var out []types.Type
	for _, r := range *refs {
		ta, ok := r.(*ssa.TypeAssert)
		if ok && !ta.CommaOk && !types.IsInterface(ta.AssertedType) && before(ta, s.at) {
			out = append(out, ta.AssertedType)
		}
	}
	for d := s.at.Block(); d != nil; d = d.Idom() {
		if len(d.Preds) == 0 {
			continue
		}
		var ts []types.Type
		for _, p := range d.Preds {
			t := assertedOnEdge(p, d, v)
			if t == nil {
				ts = nil
				break
			}
			ts = append(ts, t)
		}
		if len(ts) > 0 {
			return append(out, ts...)
		}
	}
	return out
}

// before reports whether instruction a runs before b on every path to b.
func before(a, b ssa.Instruction) bool {
	ab, bb := a.Block(), b.Block()
	if ab != bb {
		return ab.Dominates(bb)
	}
	for _, in := range ab.Instrs {
		switch in {
		case a:
			return true
		case b:
			return false
		}
	}
	return false
}

// assertedOnEdge returns T when the edge from p to d is taken only when
// the comma-ok assertion v.(T) succeeded (if ok goto d), else nil.
func assertedOnEdge(p, d *ssa.BasicBlock, v ssa.Value) types.Type {
	if len(p.Succs) != 2 || p.Succs[0] != d || p.Succs[1] == d || len(p.Instrs) == 0 {
		return nil
	}
	iff, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
	if !ok {
		return nil
	}
	ex, ok := iff.Cond.(*ssa.Extract)
	if !ok || ex.Index != 1 {
		return nil
	}
	ta, ok := ex.Tuple.(*ssa.TypeAssert)
	if !ok || ta.X != v || types.IsInterface(ta.AssertedType) {
		return nil
	}
	return ta.AssertedType
}

// elements returns the values passed in a variadic slice built at the call
// (fmt.Sprintf's arguments), or the value itself.
func (s *fstate) elements(v ssa.Value) []ssa.Value {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return []ssa.Value{v}
	}
	alloc, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return []ssa.Value{v}
	}
	var out []ssa.Value
	for _, ref := range *alloc.Referrers() {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		for _, r2 := range *ia.Referrers() {
			if st, ok := r2.(*ssa.Store); ok && st.Addr == ia {
				x := st.Val
				if mi, ok := x.(*ssa.MakeInterface); ok {
					out = append(out, mi.X)
					continue
				}
				out = append(out, x)
			}
		}
	}
	if len(out) == 0 {
		return []ssa.Value{v}
	}
	return out
}

// usePos is where value a is used by the call being applied, or else
// where a is defined.
func (s *fstate) usePos(a ssa.Value) token.Pos {
	if s.callPos.IsValid() {
		return s.callPos
	}
	return a.Pos()
}

func describeUse(name, enc string) string {
	short := shortName(name)
	if strings.Contains(name, "encoding/") || strings.Contains(name, "protobuf") {
		return "serialised by " + short
	}
	if strings.HasPrefix(name, "fmt.") {
		return "formatted by " + short
	}
	return "used by " + short
}

// deliver puts t at a target port of a call: a result, or what an
// argument points to.
func (s *fstate) deliver(c ssa.CallInstruction, args []ssa.Value, to portSpec, path string, t tree, name string) {
	if t.len() == 0 {
		return
	}
	if to.result {
		v := c.Value()
		if v == nil {
			return
		}
		if to.index >= 0 && isTuple(v) {
			s.setVal(v, under(".#"+itoa(to.index)+path, t))
			return
		}
		if isTuple(v) {
			n := v.Type().(*types.Tuple).Len()
			for i := 0; i < n; i++ {
				if i == n-1 && n > 1 && isError(v.Type().(*types.Tuple).At(i).Type()) {
					// A model's "r" means the values, not the final error.
					continue
				}
				s.setVal(v, under(".#"+itoa(i)+path, t))
			}
			return
		}
		s.setVal(v, under(path, t))
		return
	}
	if to.index < 0 || to.index >= len(args) || s.answers(args[to.index]) {
		return
	}
	if to.callback {
		s.intoCallback(c, args[to.index], to.cb, t, name)
		return
	}
	if to.local {
		s.writeInto(c, s.localOnly(s.pointee(args[to.index])), path, t, name)
		return
	}
	s.writeInto(c, s.pointee(args[to.index]), path, t, name)
	// Into a variadic parameter (fmt.Sscan(s, &a, &b), rows.Scan(dst...)):
	// into what each of its elements points to.
	if isVariadicSlot(c, args, to.index) {
		for _, el := range s.elements(args[to.index]) {
			if el != args[to.index] && !s.answers(el) {
				s.writeInto(c, s.pointee(el), path, t, name)
			}
		}
	}
}

// intoCallback hands t to parameter k of the functions that fv may hold:
// a library function modelled as calling its callback with data
// (fs.WalkDir, (*sync.Map).Range).
func (s *fstate) intoCallback(c ssa.CallInstruction, fv ssa.Value, k int, t tree, name string) {
	trees := make([]tree, k+1)
	trees[k] = leaf(t.all().withStep(s.step(c.Pos(), "handed to its callback by "+shortName(name))))
	for _, tg := range s.funcTargets(fv) {
		sum := s.summaryOf(tg)
		if sum == nil {
			continue
		}
		n := len(trees)
		if tg.fn != nil {
			n = max(n, len(tg.fn.Params))
		}
		vals := append(make([]ssa.Value, n), tg.bindings...)
		s.applyView(c, argView{vals: vals, trees: trees, full: make(map[int]tree)}, tg, sum, 1)
	}
}

func (s *fstate) ptsOrPointee(v ssa.Value) []ref {
	if rs := s.ptsOf(v); len(rs) > 0 {
		return rs
	}
	return s.pointee(v)
}

// tuple results keep their own points-to sets, keyed by the Extract that
// reads them; addTuplePts records them on the Extract instructions.
func (s *fstate) addTuplePts(call ssa.Value, i int, rs []ref) {
	for _, r := range *call.Referrers() {
		if ex, ok := r.(*ssa.Extract); ok && ex.Index == i {
			s.addPts(ex, rs)
		}
	}
}

// localOnly keeps the places of rs that this function made: its
// allocations, the zero values of its variables, connections.
func (s *fstate) localOnly(rs []ref) []ref {
	var out []ref
	for _, r := range rs {
		o := &s.objs[r.obj]
		_, zero := o.val.(*ssa.Const)
		if o.kind == objAlloc || o.conn || (o.kind == objValue && zero) {
			out = append(out, r)
		}
	}
	return out
}

// isVariadicSlot reports whether args[i] is the slice a variadic call
// passes for its last parameter.
func isVariadicSlot(c ssa.CallInstruction, args []ssa.Value, i int) bool {
	sig := c.Common().Signature()
	return sig != nil && sig.Variadic() && i == len(args)-1
}

func isTuple(v ssa.Value) bool {
	_, ok := v.Type().(*types.Tuple)
	return ok
}

// writeInto stores t at path below each place in rs. Writing into a
// connection is an exit.
func (s *fstate) writeInto(c ssa.CallInstruction, rs []ref, path string, t tree, name string) {
	if t.len() == 0 || len(rs) == 0 {
		return
	}
	// Pointers are transparent: writing through a variable that holds a
	// pointer writes into what it points to as well.
	var all []ref
	for _, r := range rs {
		all = append(all, r)
		for _, q := range s.heapPts[r] {
			if !hasRef(all, q) {
				all = append(all, q)
			}
		}
	}
	rs = all[:0:0]
	for _, r := range all {
		if !s.objs[r.obj].answer {
			rs = append(rs, r)
		}
	}
	var dst []ref
	for _, r := range rs {
		dst = append(dst, ref{obj: r.obj, path: s.below(r.path, path)})
	}
	for _, r := range rs {
		if o := s.objs[r.obj]; o.conn {
			s.exitData(c, name, o.ekind, t.all(), s.strAt(o.val, ".#ep", 0), "written to a connection by "+shortName(name))
		}
	}
	t = s.flat(t)
	s.work += len(dst) * t.size()
	// Weak update: a call may or may not overwrite.
	for _, r := range dst {
		if !s.coarse { // coarse: the current heap is the union
			s.mut(r.obj).put(r.path, t)
		}
		u := s.union[r.obj]
		if u == nil {
			u = newTree(0)
			s.union[r.obj] = u
		}
		if u.put(r.path, t) {
			s.changed = true
			s.moved(r.obj)
		}
		if obj := s.objs[r.obj]; obj.kind == objGlobal {
			g := s.e.globals[obj.glob]
			if g == nil {
				g = newTree(0)
				s.e.globals[obj.glob] = g
			}
			if g.put(r.path, t) {
				s.moved(r.obj)
				s.e.globalAt[obj.glob] = s.e.tick
			}
		}
	}
}

// creator marks the objects a call returns as remembering an endpoint.
func (s *fstate) creator(c ssa.CallInstruction, cr *parsedCreator) {
	v := c.Value()
	if v == nil {
		return
	}
	mark := func(val ssa.Value) {
		o := s.object(objValue, 0, val)
		s.objs[o].conn = s.objs[o].conn || cr.conn
		s.objs[o].ekind = cr.kind
		s.addPts(val, []ref{{obj: o}})
	}
	if isTuple(v) {
		for _, r := range *v.Referrers() {
			if ex, ok := r.(*ssa.Extract); ok && ex.Index == 0 {
				mark(ex)
			}
		}
		return
	}
	mark(v)
}
