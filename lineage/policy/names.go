package policy

import (
	"fmt"
	"go/token"
	"strings"
)

// The forms a name may take, for error messages.
const (
	funcForms  = "want pkgpath.Func, (pkgpath.Type).Method or (*pkgpath.Type).Method"
	typeForms  = "want pkgpath.Type, pkgpath.Func, (pkgpath.Type).Method or (*pkgpath.Type).Method"
	fieldForm  = "want pkgpath.Type.Field"
	typeForm   = "want pkgpath.Type"
	methodHint = "a method is written (pkgpath.Type).Method or (*pkgpath.Type).Method"
)

// parseFunc parses a function or method name. With typeOK, a name of the
// form pkg.Name is marked IsType (see Name). The problem, if any, is
// returned as a message that quotes s and lists the forms allowed.
func parseFunc(s string, typeOK bool) (Name, string) {
	forms := funcForms
	if typeOK {
		forms = typeForms
	}
	n, problem := parseFunc1(s)
	if problem != "" {
		return Name{}, fmt.Sprintf("%q: %s; %s", s, problem, forms)
	}
	n.Text = s
	n.IsType = typeOK && n.Recv == ""
	return n, ""
}

func parseFunc1(s string) (Name, string) {
	if s == "" {
		return Name{}, "empty name"
	}
	if !strings.HasPrefix(s, "(") {
		pkg, ids, problem := splitQualified(s, 1)
		if problem != "" {
			return Name{}, problem
		}
		return Name{Pkg: pkg, Func: ids[0]}, ""
	}
	end := strings.IndexByte(s, ')')
	if end < 0 {
		return Name{}, "missing ')' after the receiver type"
	}
	recv, rest := s[1:end], s[end+1:]
	ptr := false
	if r, ok := strings.CutPrefix(recv, "*"); ok {
		recv, ptr = r, true
	}
	recv, problem := stripTypeParams(recv)
	if problem != "" {
		return Name{}, problem
	}
	pkg, ids, problem := splitQualified(recv, 1)
	if problem != "" {
		return Name{}, "receiver: " + problem
	}
	method, ok := strings.CutPrefix(rest, ".")
	if !ok {
		return Name{}, "want '.' and a method name after ')'"
	}
	if !token.IsIdentifier(method) {
		return Name{}, fmt.Sprintf("method name %q is not a Go identifier", method)
	}
	return Name{Pkg: pkg, Recv: ids[0], Func: method, Ptr: ptr}, ""
}

// stripTypeParams removes a type parameter list, "[K, V]", from the end of a
// receiver type, checking that it holds identifiers only.
func stripTypeParams(recv string) (string, string) {
	i := strings.IndexByte(recv, '[')
	if i < 0 {
		return recv, ""
	}
	list, ok := strings.CutSuffix(recv[i+1:], "]")
	if !ok {
		return "", "a receiver's type parameter list must end with ']'"
	}
	for p := range strings.SplitSeq(list, ",") {
		if p = strings.TrimSpace(p); !token.IsIdentifier(p) {
			return "", fmt.Sprintf("type parameter %q is not a Go identifier", p)
		}
	}
	return recv[:i], ""
}

// parseType parses a type name, pkgpath.Type.
func parseType(s string) (pkg, name, problem string) {
	if strings.HasPrefix(s, "(") {
		return "", "", fmt.Sprintf("%q is a method, not a type; %s", s, typeForm)
	}
	pkg, ids, problem := splitQualified(s, 1)
	if problem != "" {
		return "", "", fmt.Sprintf("%q: %s; %s", s, problem, typeForm)
	}
	return pkg, ids[0], ""
}

// parseField parses a field name, pkgpath.Type.Field.
func parseField(s string) (pkg, typ, field, problem string) {
	pkg, ids, problem := splitQualified(s, 2)
	if problem != "" {
		return "", "", "", fmt.Sprintf("%q: %s; %s", s, problem, fieldForm)
	}
	return pkg, ids[0], ids[1], ""
}

// splitQualified splits s into a package path and the k identifiers that
// follow it, separated by dots. The path runs to the last '/' and then to
// the first '.' after it, extended by gopkg.in-style version suffixes
// (".v3"), so that gopkg.in/yaml.v3.Node is the type Node of package
// gopkg.in/yaml.v3.
func splitQualified(s string, k int) (string, []string, string) {
	if s == "" {
		return "", nil, "empty name"
	}
	slash := strings.LastIndexByte(s, '/')
	dir, tail := s[:slash+1], s[slash+1:]
	parts := strings.Split(tail, ".")
	if len(parts) < k+1 {
		if slash < 0 && len(parts) == k {
			return "", nil, "missing package path"
		}
		return "", nil, "too few '.'-separated parts after the package path"
	}
	ids := parts[len(parts)-k:]
	elem := parts[:len(parts)-k]
	for _, v := range elem[1:] {
		if !isVersionSuffix(v) {
			return "", nil, "too many '.'-separated parts after the package path (" + methodHint + ")"
		}
	}
	pkg := dir + strings.Join(elem, ".")
	if problem := checkImportPath(pkg); problem != "" {
		return "", nil, problem
	}
	for _, id := range ids {
		if !token.IsIdentifier(id) {
			return "", nil, fmt.Sprintf("%q is not a Go identifier", id)
		}
	}
	return pkg, ids, ""
}

// isVersionSuffix reports whether s is a gopkg.in-style major version, v
// followed by digits.
func isVersionSuffix(s string) bool {
	digits, ok := strings.CutPrefix(s, "v")
	if !ok || digits == "" {
		return false
	}
	for _, r := range digits {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// checkImportPath checks the syntax of an import path: non-empty elements
// separated by '/', made of ASCII letters, digits and "-._~+".
func checkImportPath(p string) string {
	if p == "" {
		return "missing package path"
	}
	for elem := range strings.SplitSeq(p, "/") {
		switch elem {
		case "":
			return fmt.Sprintf("package path %q has an empty element", p)
		case ".", "..":
			return fmt.Sprintf("package path %q has a %q element", p, elem)
		}
		for _, r := range elem {
			if !isPathChar(r) {
				return fmt.Sprintf("package path %q contains %q", p, r)
			}
		}
	}
	return ""
}

func isPathChar(r rune) bool {
	switch {
	case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
		return true
	}
	return strings.ContainsRune("-._~+", r)
}
