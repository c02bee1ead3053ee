package driver

import (
	"bytes"
	"go/scanner"
	"go/token"
)

// purgeBodies returns src with what a types-only check does not read
// blanked: each byte becomes a space, except line breaks, so every
// position in the file stays where it was. A package checked for its
// types only (the standard library, a package restored from the cache)
// ignores function bodies (types.Config.IgnoreFuncBodies), but parsing
// them, and checking the tables package variables are initialised with,
// was still most of its cost: on kratos, after a one-file edit, parsing
// the ~1,100 packages the re-analysed ones import was 3.0 of the
// re-scan's 8.9 s of CPU, checking composite literals of package
// variables 1.1 s. Scanning tokens to find them costs a fraction.
//
// What goes: the inside of declared functions' bodies, and, in the
// initialisers of package variables, the inside of composite literals
// and function literals' bodies, which do not change the variables'
// types; except a literal of an array whose length its elements give
// ([...]T{...}), which does. Type bodies (struct, interface) stay. A file
// with a line directive (//line, /*line), which changes the positions of
// what follows it, or one the scan cannot follow (unbalanced brackets) is
// returned as it is. Blanking can only remove uses: an import used only
// there is not reported unused, the check ignoring bodies (go/types
// leaves out that check then).
func purgeBodies(src []byte) []byte {
	if bytes.Contains(src, []byte("//line ")) || bytes.Contains(src, []byte("/*line ")) {
		return src
	}
	p := &purger{src: src}
	fset := token.NewFileSet()
	p.file = fset.AddFile("", fset.Base(), len(src))
	p.s.Init(p.file, src, func(token.Position, string) { p.broken = true }, 0)
	if !p.topLevel() || p.broken || p.out == nil {
		return src
	}
	return p.out
}

type purger struct {
	src    []byte
	out    []byte // src with the blanks, once there is one
	file   *token.File
	s      scanner.Scanner
	broken bool
}

func (p *purger) scan() (token.Pos, token.Token) {
	pos, tok, _ := p.s.Scan()
	if p.broken {
		return pos, token.EOF
	}
	return pos, tok
}

// blank replaces src[start:end] by spaces, line breaks kept.
func (p *purger) blank(start, end int) {
	if p.out == nil {
		p.out = bytes.Clone(p.src)
	}
	for i := start; i < end; i++ {
		if p.out[i] != '\n' && p.out[i] != '\r' {
			p.out[i] = ' '
		}
	}
}

// topLevel scans the file's declarations. It reports false when the scan
// could not follow the file.
func (p *purger) topLevel() bool {
	prev := token.SEMICOLON // the token before, at the top level
	for {
		_, tok := p.scan()
		switch {
		case tok == token.EOF:
			return true
		case tok == token.FUNC && prev == token.SEMICOLON:
			if !p.funcDecl() {
				return false
			}
			tok = token.SEMICOLON
		case tok == token.VAR && prev == token.SEMICOLON:
			if !p.varDecl() {
				return false
			}
			tok = token.SEMICOLON
		case tok == token.LPAREN || tok == token.LBRACK || tok == token.LBRACE:
			// Nested: a func inside is not a declaration.
			if !p.skip() {
				return false
			}
		}
		prev = tok
	}
}

// funcDecl blanks the body of the function declaration whose func
// keyword was just scanned: its body's opening brace is the first one at
// no depth of brackets that does not open a struct or interface type of
// its signature.
func (p *purger) funcDecl() bool {
	var last token.Token
	for {
		pos, t := p.scan()
		switch {
		case t == token.EOF:
			return false
		case t == token.SEMICOLON: // no body (declared in assembly)
			return true
		case t == token.LBRACE && last != token.STRUCT && last != token.INTERFACE:
			return p.blankBlock(pos)
		case t == token.LPAREN || t == token.LBRACK || t == token.LBRACE:
			if !p.skip() {
				return false
			}
		}
		last = t
	}
}

// varDecl blanks the literals in the initialisers of the var declaration
// whose keyword was just scanned (one spec or a parenthesised group).
func (p *purger) varDecl() bool {
	_, t := p.scan()
	if t == token.LPAREN {
		return p.initialisers(token.RPAREN)
	}
	return p.initialisers(token.SEMICOLON)
}

// initialisers scans up to the token end at no depth, blanking the
// inside of composite literals and function literals' bodies, except the
// literals of arrays sized by their elements ([...]T).
func (p *purger) initialisers(end token.Token) bool {
	var last, last2 token.Token
	sized := false // [...] seen: the next literal gives an array's length
	depth := 0     // of ( and [
	for {
		pos, t := p.scan()
		switch t {
		case token.EOF:
			return end == token.SEMICOLON
		case token.LPAREN, token.LBRACK:
			depth++
		case token.RPAREN, token.RBRACK:
			if depth == 0 && t == end {
				return true
			}
			depth--
			if t == token.RBRACK && last == token.ELLIPSIS && last2 == token.LBRACK {
				sized = true
			}
		case token.SEMICOLON:
			if depth == 0 && end == token.SEMICOLON {
				return true
			}
			sized = false
		case token.LBRACE:
			switch {
			case last == token.STRUCT || last == token.INTERFACE:
				if !p.skip() { // a type's body
					return false
				}
			case sized:
				sized = false
				if !p.skip() {
					return false
				}
			default:
				if !p.blankBlock(pos) {
					return false
				}
			}
		}
		last2, last = last, t
	}
}

// blankBlock blanks the inside of the braces whose opening one, at pos,
// was just scanned.
func (p *purger) blankBlock(pos token.Pos) bool {
	end, t, ok := p.close()
	if !ok || t != token.RBRACE {
		return false
	}
	p.blank(p.file.Offset(pos)+1, p.file.Offset(end))
	return true
}

// skip scans past the bracket just scanned, nested ones included.
func (p *purger) skip() bool {
	_, _, ok := p.close()
	return ok
}

// close scans up to the bracket that closes the one just scanned, nested
// ones included, and returns it and where it is.
func (p *purger) close() (token.Pos, token.Token, bool) {
	depth := 1
	for {
		pos, t := p.scan()
		switch t {
		case token.EOF:
			return pos, t, false
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			if depth--; depth == 0 {
				return pos, t, true
			}
		}
	}
}
