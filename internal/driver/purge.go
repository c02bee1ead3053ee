package driver

import (
	"bytes"
	"go/scanner"
	"go/token"
)

// purgeBodies returns src with the inside of every top-level function's
// body blanked: each byte becomes a space, except line breaks, so every
// position in the file stays where it was. A package checked for its
// types only (the standard library, a package restored from the cache)
// ignores function bodies (types.Config.IgnoreFuncBodies), but parsing
// them was still most of its cost: on kratos, after a one-file edit,
// parsing the ~1,100 packages the re-analysed ones import was 3.0 of the
// re-scan's 8.9 s of CPU, bodies included. Scanning tokens to find the
// bodies costs a fraction of parsing them.
//
// Only function declarations' bodies go; function literals, composite
// literals and type bodies stay (a package-level array's length, a
// variable's type can depend on them). A file with a line directive
// (//line, /*line), which changes the positions of what follows it, or
// one the scan cannot follow (unbalanced braces) is returned as it is.
func purgeBodies(src []byte) []byte {
	if bytes.Contains(src, []byte("//line ")) || bytes.Contains(src, []byte("/*line ")) {
		return src
	}
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	broken := false
	s.Init(file, src, func(token.Position, string) { broken = true }, 0)
	var out []byte
	prev := token.SEMICOLON // the token before, at the top level
	for {
		_, tok, _ := s.Scan()
		if tok == token.EOF || broken {
			break
		}
		if tok != token.FUNC || prev != token.SEMICOLON {
			// Skip nested brackets so that only top-level tokens are
			// seen here: a func inside a var block or a literal is not
			// a declaration.
			if tok == token.LPAREN || tok == token.LBRACK || tok == token.LBRACE {
				if !skipNested(&s, tok) {
					return src
				}
			}
			prev = tok
			continue
		}
		// A function declaration: find its body's opening brace, at no
		// depth of brackets and not the body of a struct or interface
		// type in its signature.
		var last token.Token
		for {
			pos, t, _ := s.Scan()
			if t == token.EOF || broken {
				return src
			}
			if t == token.SEMICOLON { // no body (declared in assembly)
				break
			}
			if t == token.LBRACE && last != token.STRUCT && last != token.INTERFACE {
				start := file.Offset(pos) + 1
				end, ok := skipBlock(&s, file)
				if !ok {
					return src
				}
				if out == nil {
					out = bytes.Clone(src)
				}
				for i := start; i < end; i++ {
					if out[i] != '\n' && out[i] != '\r' {
						out[i] = ' '
					}
				}
				break
			}
			if t == token.LPAREN || t == token.LBRACK || t == token.LBRACE {
				if !skipNested(&s, t) {
					return src
				}
			}
			last = t
		}
		prev = token.SEMICOLON
	}
	if broken || out == nil {
		return src
	}
	return out
}

// skipNested scans past the bracket open matches, nested ones included.
func skipNested(s *scanner.Scanner, open token.Token) bool {
	depth := 1
	for depth > 0 {
		_, t, _ := s.Scan()
		switch t {
		case token.EOF:
			return false
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
		}
	}
	return true
}

// skipBlock scans past the closing brace of a block whose opening brace
// was just scanned, and returns that closing brace's offset.
func skipBlock(s *scanner.Scanner, file *token.File) (int, bool) {
	depth := 1
	for {
		pos, t, _ := s.Scan()
		switch t {
		case token.EOF:
			return 0, false
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
			if depth == 0 {
				if t != token.RBRACE {
					return 0, false
				}
				return file.Offset(pos), true
			}
		}
	}
}
