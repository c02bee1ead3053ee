package lineage

import (
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// This file folds string values statically, for endpoints: constants,
// concatenation, fmt.Sprintf, strings.Join, net.JoinHostPort, net/url
// building and parsing, package-level variables, struct fields set from
// constants (also by a constructor in another package, through its
// summary), and parameters (substituted by callers). What cannot be folded
// is an unknown part with the reason: an environment variable, a flag, a
// config field, a call.

type strKey struct {
	v    ssa.Value
	path string
}

// maxStrDepth bounds the backward walk that folds one string.
const maxStrDepth = 16

// strAt folds the string at path below v (pointers are transparent; the
// path ".#ep" names the endpoint an object remembers).
func (s *fstate) strAt(v ssa.Value, path string, depth int) StrExpr {
	if v == nil {
		return nil
	}
	if depth > maxStrDepth {
		return Unknown("value built too deep to fold")
	}
	k := strKey{v, path}
	if x, ok := s.strMemo[k]; ok {
		return x
	}
	s.strMemo[k] = Unknown("value built in a loop")
	x := s.fold(v, path, depth+1)
	s.strMemo[k] = x
	return x
}

func (s *fstate) fold(v ssa.Value, path string, depth int) StrExpr {
	switch v := v.(type) {
	case *ssa.Const:
		if path != "" || v.Value == nil {
			return nil
		}
		switch v.Value.Kind() {
		case constant.String:
			str := constant.StringVal(v.Value)
			return Lit(str, s.e.consts[str])
		case constant.Int:
			return Lit(v.Value.ExactString(), Position{})
		}
		return nil
	case *ssa.Parameter:
		for i, p := range s.fn.Params {
			if p == v {
				return ParamStr(i, path)
			}
		}
	case *ssa.FreeVar:
		for i, p := range s.fn.FreeVars {
			if p == v {
				return ParamStr(len(s.fn.Params)+i, path)
			}
		}
	case *ssa.BinOp:
		if path == "" && v.Op.String() == "+" {
			return Concat(s.strAt(v.X, "", depth), s.strAt(v.Y, "", depth))
		}
	case *ssa.Phi:
		var out StrExpr
		for _, e := range v.Edges {
			out = Union(out, s.strAt(e, path, depth))
		}
		return out
	case *ssa.ChangeType:
		return s.strAt(v.X, path, depth)
	case *ssa.Convert:
		return s.strAt(v.X, path, depth)
	case *ssa.MakeInterface:
		return s.strAt(v.X, path, depth)
	case *ssa.ChangeInterface:
		return s.strAt(v.X, path, depth)
	case *ssa.TypeAssert:
		if !v.CommaOk {
			return s.strAt(v.X, path, depth)
		}
	case *ssa.Slice:
		if elems := s.elements(v); path == "" && !(len(elems) == 1 && elems[0] == ssa.Value(v)) {
			// A variadic slice built at the call: any of its elements.
			var out StrExpr
			for _, e := range elems {
				out = Union(out, s.strAt(e, "", depth))
			}
			return out
		}
		return s.strAt(v.X, path, depth)
	case *ssa.UnOp:
		if v.Op.String() == "*" {
			return s.load(v.X, path, depth)
		}
	case *ssa.Field:
		f, _ := fieldOf(v.X.Type(), v.Field)
		if f != nil {
			if x := s.e.fieldStr(f, path); len(x) > 0 {
				return x
			}
			x := s.strAt(v.X, "."+f.Name()+path, depth)
			if in, ok := s.fieldInput(v, x, path); ok {
				return in
			}
			return x
		}
	case *ssa.FieldAddr:
		f, _ := fieldOf(v.X.Type(), v.Field)
		if f != nil {
			return s.strAt(v.X, "."+f.Name()+path, depth)
		}
	case *ssa.Extract:
		if c, ok := v.Tuple.(*ssa.Call); ok {
			return s.callStr(c, v.Index, path, depth)
		}
	case *ssa.Call:
		return s.callStr(v, 0, path, depth)
	case *ssa.Alloc:
		return s.stored(v, path, depth)
	case *ssa.Global:
		return s.global(v, path, depth)
	}
	return Unknown(describe(v))
}

// load folds the string stored at addr (and path below it).
func (s *fstate) load(addr ssa.Value, path string, depth int) StrExpr {
	switch a := addr.(type) {
	case *ssa.FieldAddr:
		f, _ := fieldOf(a.X.Type(), a.Field)
		if f == nil {
			break
		}
		if x := s.e.fieldStr(f, path); len(x) > 0 {
			return x
		}
		x := s.strAt(a.X, "."+f.Name()+path, depth)
		if in, ok := s.fieldInput(a, x, path); ok {
			return in
		}
		return x
	case *ssa.Global:
		return s.global(a, path, depth)
	case *ssa.Alloc:
		return s.stored(a, path, depth)
	case *ssa.Parameter, *ssa.FreeVar:
		return s.strAt(a, path, depth)
	case *ssa.UnOp, *ssa.Call, *ssa.Extract, *ssa.Phi:
		return s.strAt(a, path, depth)
	}
	return Unknown(describe(addr))
}

func ownerName(t types.Type) string {
	if n := namedOf(t); n != "" {
		return n
	}
	return "struct"
}

// stored folds what the function stores at path below a local variable.
func (s *fstate) stored(base ssa.Value, path string, depth int) StrExpr {
	var out StrExpr
	found := false
	for _, r := range s.referrers(base) {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr == base {
				found = true
				out = Union(out, s.strAt(r.Val, path, depth))
			}
		case *ssa.FieldAddr:
			f, _ := fieldOf(r.X.Type(), r.Field)
			if f == nil {
				continue
			}
			name := "." + f.Name()
			if path == name || strings.HasPrefix(path, name+".") || strings.HasPrefix(path, name+"[") {
				if x := s.stored(r, path[len(name):], depth); len(x) > 0 {
					found = true
					out = Union(out, x)
				}
			}
		case *ssa.Call:
			if x := s.setter(r.Common(), base); len(x) > 0 {
				found = true
				out = Union(out, x)
			}
		}
	}
	if !found {
		if isURL(base.Type()) && path == "" {
			return s.urlStr(base, depth)
		}
		return nil
	}
	if path == "" && isURL(base.Type()) {
		return s.urlStr(base, depth)
	}
	return out
}

// setter returns the input a call that writes into v fills it from
// (knowledge.Inputs rows with a var argument): flag.StringVar(&v, "name",
// ...) is the flag -name.
func (s *fstate) setter(c *ssa.CallCommon, v ssa.Value) StrExpr {
	fn := c.StaticCallee()
	if fn == nil {
		return nil
	}
	in := s.e.models.inputs[funcName(originFn(fn))]
	args := callArgs(c)
	if in == nil || in.varArg < 0 || in.varArg >= len(args) || args[in.varArg] != v {
		return nil
	}
	return InputStr(in.kind, constArgString(args, in.nameArg))
}

// constArgString returns argument k when it is a string constant, else "".
func constArgString(args []ssa.Value, k int) string {
	if k < len(args) {
		if c, ok := args[k].(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String {
			return constant.StringVal(c.Value)
		}
	}
	return ""
}

// global folds a package-level variable from every store the package
// makes to it (its initializer included).
func (s *fstate) global(g *ssa.Global, path string, depth int) StrExpr {
	var out StrExpr
	for _, fn := range s.e.funcsTouching(g) {
		other := s
		if fn != s.fn {
			other = s.e.scratch(fn)
		}
		x := other.stored(g, path, depth)
		if x.HasParams() {
			x = Unknown("package variable " + g.Name())
		}
		out = Union(out, x)
	}
	if len(out) == 0 {
		return Unknown("package variable " + g.Name())
	}
	return out
}

// scratch returns a state for folding strings in another function.
func (e *engine) scratch(fn *ssa.Function) *fstate {
	return &fstate{e: e, fn: fn, strMemo: make(map[strKey]StrExpr)}
}

func isURL(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/url" && n.Obj().Name() == "URL"
}

// urlStr folds a url.URL built field by field.
func (s *fstate) urlStr(v ssa.Value, depth int) StrExpr {
	scheme := s.strAt(v, ".Scheme", depth)
	host := s.strAt(v, ".Host", depth)
	if len(host) == 0 {
		return Unknown("url.URL without a known Host")
	}
	if len(scheme) == 0 {
		scheme = Lit("https", Position{})
	}
	x := Concat(Concat(scheme, Lit("://", Position{})), host)
	if p := s.strAt(v, ".Path", depth); len(p) > 0 {
		x = Concat(x, p)
	}
	return x
}

// callStr folds a call's result (index i of a tuple) at path.
func (s *fstate) callStr(c *ssa.Call, i int, path string, depth int) StrExpr {
	common := c.Common()
	args := callArgs(common)
	fn := common.StaticCallee()
	var name string
	var obj *types.Func
	switch {
	case fn != nil:
		fn = originFn(fn)
		name = funcName(fn)
		obj, _ = fn.Object().(*types.Func)
	case common.IsInvoke():
		name = common.Method.FullName()
	default:
		return Unknown("result of a function value")
	}
	arg := func(k int) StrExpr {
		if k < len(args) {
			return s.strAt(args[k], "", depth)
		}
		return nil
	}
	constArg := func(k int) string {
		if k < len(args) {
			if x := s.strAt(args[k], "", depth); len(x) == 1 {
				if p, unk := x[0].Prefix(); unk == nil {
					return p
				}
			}
		}
		return ""
	}
	if i == 0 && strings.HasSuffix(path, ".#ep") {
		// What a created object remembers; the objects in its fields
		// (an SDK client's services) share it.
		if cr, ok := s.e.models.creators[name]; ok {
			return s.spec(&cr.endpoint, specCtx{args: args, self: c}, depth)
		}
	}
	if i == 0 {
		// A configured value the call sets in its result (knowledge
		// Settings): an AWS config's region, aws.String's argument.
		if sp := s.e.models.setting(name, path); sp != nil {
			return s.spec(sp, specCtx{args: args, self: c}, depth)
		}
	}
	if path == ".#ep" {
		if m := s.e.models.model(name); m != nil {
			for _, a := range m.alias {
				if a.arg >= 0 && a.arg < len(args) && (a.result == i || a.result < 0) {
					return s.strAt(args[a.arg], ".#ep", depth)
				}
			}
		}
	}
	if in := s.e.models.inputs[name]; in != nil && in.varArg < 0 && path == "" && i == 0 {
		return InputStr(in.kind, constArg(in.nameArg))
	}
	if path == "" && i == 0 {
		switch name {
		case "fmt.Sprintf":
			return s.sprintf(args, depth)
		case "net.JoinHostPort":
			return Concat(Concat(arg(0), Lit(":", Position{})), arg(1))
		case "strings.Join":
			return s.join(args, depth)
		case "net/url.JoinPath":
			return s.joinPath(arg(0), args[1:], depth)
		case "(*net/url.URL).JoinPath":
			return s.joinPath(s.strAt(args[0], "", depth), args[1:], depth)
		case "net/url.Parse", "net/url.ParseRequestURI", "strings.TrimSpace", "strings.ToLower",
			"strings.TrimSuffix", "strings.TrimPrefix", "strings.TrimRight", "strings.TrimLeft",
			"(*net/url.URL).String", "(net/url.URL).String", "fmt.Sprint", "path.Clean":
			return arg(0)
		case "(*net/url.URL).ResolveReference", "(*net/url.URL).Parse":
			return Concat(arg(0), arg(1))
		case "path.Join":
			return s.joinPath(arg(0), args[1:], depth)
		}
	}
	// A summary: in this package, or a fact of another.
	var sum *Summary
	if fn != nil && fn.Pkg == s.e.cfg.Pkg {
		sum = s.sumOf(fn)
	} else if obj != nil && s.e.cfg.Summary != nil {
		if o := obj.Origin(); o != nil {
			obj = o
		}
		sum = s.e.cfg.Summary(obj)
	}
	var out StrExpr
	if sum != nil {
		for _, so := range sum.Strs {
			if so.To.Kind == PortResult && so.To.Index == i && so.To.Path == path {
				out = Union(out, so.Value.Subst(func(k int, p string) StrExpr {
					if k < len(args) {
						return s.strAt(args[k], p, depth)
					}
					return nil
				}))
			}
		}
	}
	if path == "" && i == 0 && onlyOther(out) {
		// A config object's getter with a constant key, when nothing
		// better is known of its result.
		if key, ok := s.getterKey(common, args, depth); ok {
			return InputStr(InputConfig, key)
		}
	}
	if len(out) > 0 {
		return out
	}
	if path == "" && isURL(c.Type()) {
		return Unknown("result of " + shortName(name))
	}
	if p := userPath(path); p != "" {
		return Unknown("field " + p + " of the result of " + shortName(name))
	}
	return Unknown("result of " + shortName(name))
}

// sprintf folds fmt.Sprintf with a constant format.
func (s *fstate) sprintf(args []ssa.Value, depth int) StrExpr {
	if len(args) == 0 {
		return nil
	}
	f := s.strAt(args[0], "", depth)
	if len(f) != 1 {
		return Unknown("formatted with a format not known statically")
	}
	format, unk := f[0].Prefix()
	if unk != nil {
		return Unknown("formatted with a format not known statically")
	}
	var vals []ssa.Value
	if len(args) > 1 {
		vals = s.elements(args[1])
		if len(vals) == 1 && vals[0] == args[1] {
			vals = nil
		}
	}
	def := f[0].Def()
	out := Lit("", def)
	var lit strings.Builder
	n := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			lit.WriteByte(format[i])
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			lit.WriteByte('%')
			i++
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.", format[j]) >= 0 {
			j++
		}
		if j >= len(format) {
			break
		}
		verb := format[j]
		out = Concat(out, Lit(lit.String(), def))
		lit.Reset()
		var x StrExpr
		if n < len(vals) && (verb == 's' || verb == 'v' || verb == 'd') && j == i+1 {
			x = s.strAt(vals[n], "", depth)
		}
		if len(x) == 0 {
			x = Unknown("formatted value")
		}
		out = Concat(out, x)
		n++
		i = j
	}
	return Concat(out, Lit(lit.String(), def))
}

func (s *fstate) join(args []ssa.Value, depth int) StrExpr {
	if len(args) < 2 {
		return nil
	}
	elems := s.elements(args[0])
	if len(elems) == 1 && elems[0] == args[0] {
		return Unknown("strings.Join of a slice not known statically")
	}
	sep := s.strAt(args[1], "", depth)
	var out StrExpr
	for i, e := range elems {
		if i > 0 {
			out = Concat(out, sep)
		}
		out = Concat(out, s.strAt(e, "", depth))
	}
	return out
}

func (s *fstate) joinPath(base StrExpr, elems []ssa.Value, depth int) StrExpr {
	out := base
	for _, e := range elems {
		for _, v := range s.elements(e) {
			out = Concat(Concat(out, Lit("/", Position{})), s.strAt(v, "", depth))
		}
	}
	return out
}

// describe names a value for an unknown reason.
func describe(v ssa.Value) string {
	switch v := v.(type) {
	case *ssa.Call:
		if fn := v.Common().StaticCallee(); fn != nil {
			return "result of " + shortName(funcName(fn))
		}
		if v.Common().IsInvoke() {
			return "result of " + shortName(v.Common().Method.FullName())
		}
		return "result of a function value"
	case *ssa.Parameter:
		return "parameter " + v.Name()
	case *ssa.Global:
		return "package variable " + v.Name()
	}
	return "value computed at run time"
}

// onlyOther reports whether every part of x is unknown for a reason that
// is not a configured input (true for an empty x): nothing better is known
// of the value.
func onlyOther(x StrExpr) bool {
	for _, a := range x {
		for _, p := range a {
			if p.Kind != PartUnknown || p.In != "" {
				return false
			}
		}
	}
	return true
}

// settled reports whether x says where its value comes from: a literal, a
// parameter or a configured input.
func settled(x StrExpr) bool { return len(x) > 0 && !onlyOther(x) }

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// closureBound replaces the free variables of the function in x (a
// closure's) with the values its creation binds them to, folded in the
// enclosing function, when the closure is created at exactly one place:
// a closure kept in a struct field (a cobra command's RunE) is called by
// nobody the engine sees, but what it captured is known where it is made.
// It returns the expression with the function that names its parameters
// (paramName's counterpart): a bound value's parameters are the enclosing
// function's, numbered as there, and the closure's own come after them
// (naming the enclosing function's receiver after the closure's first
// parameter said "parameter ctx.conf.URL" for a hook's e.conf.URL).
func (s *fstate) closureBound(x StrExpr) (StrExpr, func(int, string) (string, Input)) {
	parent := s.fn.Parent()
	if len(s.fn.FreeVars) == 0 || parent == nil || !x.HasParams() {
		return x, s.paramName
	}
	var mc *ssa.MakeClosure
	for _, b := range parent.Blocks {
		for _, in := range b.Instrs {
			if m, ok := in.(*ssa.MakeClosure); ok && m.Fn == s.fn {
				if mc != nil {
					return x, s.paramName
				}
				mc = m
			}
		}
	}
	if mc == nil {
		return x, s.paramName
	}
	ps := s.e.scratch(parent)
	np := len(s.fn.Params)
	own := len(parent.Params) + len(parent.FreeVars) // where the closure's own parameters go
	bound := x.Subst(func(i int, p string) StrExpr {
		if j := i - np; j >= 0 && j < len(mc.Bindings) {
			return ps.strAt(mc.Bindings[j], p, 0)
		}
		return ParamStr(own+i, p)
	})
	name := func(i int, path string) (string, Input) {
		if i >= own {
			return s.paramName(i-own, path)
		}
		return paramInput(parent, i, path)
	}
	return bound, name
}
