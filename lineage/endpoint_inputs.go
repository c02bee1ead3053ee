package lineage

import (
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"github.com/datagate/datagate/knowledge"
	"golang.org/x/tools/go/ssa"
)

// getterKey recognises a config object's getter (knowledge.ConfigGetters):
// a method of a type outside the standard library, named by the
// convention, whose first argument (after a context.Context, if any) is a
// constant string and whose first result is a string. It returns the key.
func (s *fstate) getterKey(c *ssa.CallCommon, args []ssa.Value, depth int) (string, bool) {
	var m *types.Func
	if c.IsInvoke() {
		m = c.Method
	} else if fn := c.StaticCallee(); fn != nil {
		m, _ = originFn(fn).Object().(*types.Func)
	}
	if m == nil || m.Pkg() == nil || isStdPath(m.Pkg().Path()) || !isGetterName(m.Name()) {
		return "", false
	}
	sig, ok := m.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Results().Len() == 0 || !isString(sig.Results().At(0).Type()) {
		return "", false
	}
	j := 0
	if j < sig.Params().Len() && isContext(sig.Params().At(j).Type()) {
		j++
	}
	if j >= sig.Params().Len() || !isString(sig.Params().At(j).Type()) || j+1 >= len(args) {
		return "", false
	}
	x := s.strAt(args[j+1], "", depth)
	if len(x) != 1 {
		return "", false
	}
	key, unk := x[0].Prefix()
	return key, unk == nil && key != ""
}

func isGetterName(name string) bool {
	for _, g := range knowledge.ConfigGetters {
		if p, ok := strings.CutSuffix(g.Name, "*"); ok && strings.HasPrefix(name, p) || name == g.Name {
			return true
		}
	}
	return false
}

// isStdPath reports whether an import path is the standard library's: its
// first element has no dot.
func isStdPath(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// fieldInput names the input a field read stands for, when nothing in the
// code sets the field: the environment variable an envconfig-style tag
// names (for a string field, path ""), else, when x (what the function
// knows of the field) is no better than unknown and the struct is not a
// parameter (whose callers may know more), the config field itself.
func (s *fstate) fieldInput(v ssa.Value, x StrExpr, path string) (StrExpr, bool) {
	steps, base := fieldChain(v)
	if len(steps) == 0 {
		return nil, false
	}
	if path == "" && !settled(x) {
		if name, ok := envTagName(steps); ok {
			return InputStr(InputEnv, name), true
		}
	}
	if len(x) > 0 && informative(x) {
		return nil, false
	}
	if _, ok := base.(*ssa.Parameter); ok && len(steps) == 1 {
		return nil, false
	}
	if full := fieldFullName(steps); full != "" {
		return InputStr(InputField, full), true
	}
	last := steps[len(steps)-1]
	return Unknown("config field " + ownerName(last.owner) + "." + last.v.Name()), true
}

// fieldChain returns the fields v reads, outermost first, through the
// fields and pointer fields above it (at most four), and the value they
// are read from.
func fieldChain(v ssa.Value) ([]fieldStep, ssa.Value) {
	var steps []fieldStep
	for n := 0; n < 4; {
		var x ssa.Value
		var idx int
		switch a := v.(type) {
		case *ssa.FieldAddr:
			x, idx = a.X, a.Field
		case *ssa.Field:
			x, idx = a.X, a.Field
		case *ssa.UnOp:
			if _, ok := a.X.(*ssa.FieldAddr); ok && a.Op == token.MUL {
				v = a.X
				continue
			}
		}
		if x == nil {
			break
		}
		f, st := fieldOf(x.Type(), idx)
		if f == nil {
			break
		}
		steps = append([]fieldStep{{v: f, tag: st.Tag(idx), owner: x.Type()}}, steps...)
		v = x
		n++
	}
	return steps, v
}

// fieldStep is one field of a chain of field reads (c.SMTP.Host): the field,
// its struct tag and the type it is a field of (possibly a pointer).
type fieldStep struct {
	v     *types.Var
	tag   string
	owner types.Type
}

// envTagName returns the environment variable an envconfig-style library
// fills the last field of steps from (knowledge.InputTags): its tag's
// value up to the first comma, after the prefixes the fields above it
// give (caarlos0/env's envPrefix).
func envTagName(steps []fieldStep) (string, bool) {
	last := steps[len(steps)-1]
	var name string
	for _, t := range knowledge.InputTags {
		if t.Prefix {
			continue
		}
		if v, ok := reflect.StructTag(last.tag).Lookup(t.Key); ok {
			v, _, _ = strings.Cut(v, ",")
			if v != "" && v != "-" {
				name = v
				break
			}
		}
	}
	if name == "" {
		return "", false
	}
	var prefix strings.Builder
	for _, st := range steps[:len(steps)-1] {
		for _, t := range knowledge.InputTags {
			if v, ok := reflect.StructTag(st.tag).Lookup(t.Key); ok && t.Prefix {
				prefix.WriteString(v)
			}
		}
	}
	return prefix.String() + name, true
}

// fieldFullName names the last field of steps in the form a policy fields
// entry takes, by the innermost named struct type it belongs to:
// "example.com/cfg.Config.BrokerURL", or "example.com/cfg.Config.SMTP.Host"
// when SMTP's type has no name. "" when no type on the way has a name.
func fieldFullName(steps []fieldStep) string {
	for i := len(steps) - 1; i >= 0; i-- {
		t := types.Unalias(steps[i].owner)
		if p, ok := t.(*types.Pointer); ok {
			t = types.Unalias(p.Elem())
		}
		n, ok := t.(*types.Named)
		if !ok || n.Obj().Pkg() == nil {
			continue
		}
		var b strings.Builder
		b.WriteString(n.Obj().Pkg().Path() + "." + n.Obj().Name())
		for _, st := range steps[i:] {
			b.WriteString("." + st.v.Name())
		}
		return b.String()
	}
	return ""
}

// pathSteps follows an access path made of field names only (".cfg.URL")
// from a value of type t; false when the path has other parts (elements,
// remembered endpoints) or names no field.
func pathSteps(t types.Type, path string) ([]fieldStep, bool) {
	if path == "" || !strings.HasPrefix(path, ".") {
		return nil, false
	}
	var steps []fieldStep
	for _, name := range strings.Split(path[1:], ".") {
		if name == "" || strings.ContainsAny(name, "[#") {
			return nil, false
		}
		u := t
		if p, ok := u.Underlying().(*types.Pointer); ok {
			u = p.Elem()
		}
		st, ok := coreType(u).(*types.Struct)
		if !ok {
			return nil, false
		}
		found := false
		for i := 0; i < st.NumFields(); i++ {
			if f := st.Field(i); f.Name() == name {
				steps = append(steps, fieldStep{v: f, tag: st.Tag(i), owner: t})
				t, found = f.Type(), true
				break
			}
		}
		if !found {
			return nil, false
		}
	}
	return steps, len(steps) > 0
}

// userPath is an access path as a reader of the code would write it: the
// engine's own parts (".#ep", the endpoint an object remembers; ".#N", a
// call's result N; "[]", an element) are left out. "" when nothing is left.
func userPath(path string) string {
	var parts []string
	for _, p := range strings.Split(strings.ReplaceAll(path, "[]", ""), ".") {
		if p == "" || strings.HasPrefix(p, "#") {
			continue
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, ".")
}

// paramInput describes parameter i of fn at path, for an endpoint that
// depends on it and that no caller resolved: a field of a config struct
// (the environment variable its envconfig-style tag names, else the field)
// or the parameter itself. Either way the input is marked Param: callers
// may resolve it. (Parameter i counts fn.Params, the receiver first, then
// its free variables.)
func paramInput(fn *ssa.Function, i int, path string) (string, Input) {
	name := "#" + itoa(i)
	var typ types.Type
	if i < len(fn.Params) {
		name, typ = fn.Params[i].Name(), fn.Params[i].Type()
	} else if j := i - len(fn.Params); j < len(fn.FreeVars) {
		name, typ = fn.FreeVars[j].Name(), fn.FreeVars[j].Type()
	}
	return namedInput(name, typ, path, funcName(fn))
}

// namedInput names the value at path of a parameter (or captured
// variable) called name, of type typ (nil if unknown), of the function
// fn: the environment variable or configuration field it is, when its
// type says, else the parameter itself.
func namedInput(name string, typ types.Type, path, fn string) (string, Input) {
	if typ != nil {
		ep := strings.HasSuffix(path, ".#ep")
		if steps, ok := pathSteps(typ, strings.TrimSuffix(path, ".#ep")); ok {
			if !ep {
				if env, ok := envTagName(steps); ok {
					in := Input{Kind: InputEnv, Name: env, Param: true}
					return in.Describe(), in
				}
			}
			if full := fieldFullName(steps); full != "" {
				in := Input{Kind: InputField, Name: full, Param: true}
				return in.Describe(), in
			}
		}
	}
	return "parameter " + name + strings.ReplaceAll(path, ".#ep", "") + " of " + shortName(fn),
		Input{Kind: InputParam, Name: name, Param: true}
}
