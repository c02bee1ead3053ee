package cli

import (
	"bytes"
	"crypto/sha256"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/datagate/datagate/analyzers/config"
	"github.com/datagate/datagate/analyzers/flows"
	"github.com/datagate/datagate/internal/driver"
	"golang.org/x/tools/go/packages"
)

// fileNames is what one Go file names: the identifiers written after a
// dot, the functions and methods it declares, and the import paths it
// imports with a dot.
type fileNames struct {
	selectors []string
	declared  []string
	dotImport []string
}

// scanNames reads a file's tokens: comments, strings and numbers are
// skipped, so a name in a comment or a string does not count, and none is
// missed for a line break or a comment between the dot and the name. It
// is a lexer of its own, not go/scanner, which made a scan whose cache
// had every package take half again as long (kratos: 0.8 s more than
// 1.5 s); TestScanNamesAsScanner holds the two to the same result.
func scanNames(src []byte) fileNames {
	var out fileNames
	l := lexer{src: src}
	var prev tokKind
	depth := 0 // parentheses open in a method's receiver list
	afterRecv := false
	importing, block := false, false // in an import declaration (a block: parenthesised)
	for {
		k, text := l.next()
		if k == tkEOF {
			break
		}
		switch {
		case k == tkIdent && prev == tkPeriod:
			out.selectors = append(out.selectors, string(text))
		case k == tkIdent && (prev == tkFunc || afterRecv):
			out.declared = append(out.declared, string(text))
		case k == tkString && prev == tkPeriod && importing && len(text) >= 2:
			out.dotImport = append(out.dotImport, string(text[1:len(text)-1]))
		}
		afterRecv = false
		switch {
		case k == tkImport:
			importing, block = true, false
		case importing && k == tkLParen && prev == tkImport:
			block = true
		case importing && k == tkRParen && block, importing && k == tkString && !block:
			importing = false
		case k == tkLParen && prev == tkFunc:
			depth = 1
		case depth > 0 && k == tkLParen:
			depth++
		case depth > 0 && k == tkRParen:
			if depth--; depth == 0 {
				afterRecv = true
			}
		}
		prev = k
	}
	return out
}

type tokKind uint8

const (
	tkEOF tokKind = iota
	tkIdent
	tkFunc
	tkImport
	tkPeriod
	tkString
	tkLParen
	tkRParen
	tkOther
)

// lexer splits Go source into the tokens scanNames needs.
type lexer struct {
	src []byte
	i   int
}

func isLetter(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func (l *lexer) next() (tokKind, []byte) {
	src := l.src
	for l.i < len(src) {
		c := src[l.i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			l.i++
		case c == '/' && l.i+1 < len(src) && src[l.i+1] == '/':
			for l.i < len(src) && src[l.i] != '\n' {
				l.i++
			}
		case c == '/' && l.i+1 < len(src) && src[l.i+1] == '*':
			end := bytes.Index(src[l.i+2:], []byte("*/"))
			if end < 0 {
				l.i = len(src)
			} else {
				l.i += 2 + end + 2
			}
		case isLetter(c):
			j := l.i
			for l.i < len(src) && (isLetter(src[l.i]) || isDigit(src[l.i])) {
				l.i++
			}
			w := src[j:l.i]
			switch string(w) {
			case "func":
				return tkFunc, w
			case "import":
				return tkImport, w
			case "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for",
				"go", "goto", "if", "interface", "map", "package", "range", "return", "select", "struct", "switch", "type", "var":
				return tkOther, w
			}
			return tkIdent, w
		case isDigit(c) || c == '.' && l.i+1 < len(src) && isDigit(src[l.i+1]):
			// A number: digits, letters (hex, exponents, suffixes), dots
			// and the sign of an exponent (a sign and a digit after e or
			// p: in 0x1e+x.Name the sign ends the number, and Name is a
			// selector).
			l.i++
			for l.i < len(src) {
				d := src[l.i]
				if (d == '+' || d == '-') && strings.IndexByte("eEpP", src[l.i-1]) >= 0 && l.i+1 < len(src) && isDigit(src[l.i+1]) {
					l.i++
					continue
				}
				if !isLetter(d) && !isDigit(d) && d != '.' {
					break
				}
				l.i++
			}
			return tkOther, nil
		case c == '"' || c == '\'' || c == '`':
			j := l.i
			l.i++
			for l.i < len(src) && src[l.i] != c {
				if c != '`' && src[l.i] == '\\' {
					l.i++
				} else if c != '`' && src[l.i] == '\n' {
					break // not closed on its line: malformed
				}
				l.i++
			}
			l.i++
			if l.i > len(src) {
				l.i = len(src)
			}
			if c == '\'' {
				return tkOther, nil
			}
			return tkString, src[j:l.i]
		case c == '.' && l.i+2 < len(src) && src[l.i+1] == '.' && src[l.i+2] == '.':
			l.i += 3 // an ellipsis
			return tkOther, nil
		default:
			l.i++
			switch c {
			case '.':
				return tkPeriod, nil
			case '(':
				return tkLParen, nil
			case ')':
				return tkRParen, nil
			}
			return tkOther, nil
		}
	}
	return tkEOF, nil
}

// safeScanNames is scanNames, with a panic (a bug of the lexer, on a
// file it did not expect) reported as not ok rather than ending the scan.
func safeScanNames(src []byte) (f fileNames, ok bool) {
	defer func() {
		if recover() != nil {
			f, ok = fileNames{}, false
		}
	}()
	return scanNames(src), true
}

// programNames scans the files of the packages the scan analyses (not
// those checked for their types only), on every core: config.Names, and
// per package the functions and methods it declares that the names
// reach (for the package's cache key: another package starting to call
// one of them changes what its analysis gives). With hash set it also
// returns the SHA-256 sums of the files it read, by name, for the cache
// keys (driver.Options.FileSums): the files are then read once, not twice
// (a re-scan of kratos after an edit read every analysed package's files
// to hash them and again to scan them, 0.8 s of its 3.8 s of CPU).
func programNames(all []*packages.Package, typesOnly func(*packages.Package) bool, hash bool) (*config.Names, map[*packages.Package]string, map[string][sha256.Size]byte) {
	var pkgs []*packages.Package
	seen := make(map[*packages.Package]bool)
	packages.Visit(all, nil, func(p *packages.Package) {
		if !seen[p] && !typesOnly(p) {
			seen[p] = true
			pkgs = append(pkgs, p)
		}
	})
	per := make([][]fileNames, len(pkgs))
	type fileSum struct {
		name string
		sum  [sha256.Size]byte
	}
	sums := make([][]fileSum, len(pkgs))
	var failed atomic.Bool
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				for _, name := range pkgs[i].CompiledGoFiles {
					src, err := os.ReadFile(name)
					if err != nil {
						continue // the driver reports it
					}
					if hash {
						sums[i] = append(sums[i], fileSum{name, sha256.Sum256(src)})
					}
					f, ok := safeScanNames(src)
					if !ok {
						failed.Store(true)
					}
					per[i] = append(per[i], f)
				}
			}
		}()
	}
	for i := range pkgs {
		next <- i
	}
	close(next)
	wg.Wait()
	var known map[string][sha256.Size]byte
	if hash {
		known = make(map[string][sha256.Size]byte)
		for _, fs := range sums {
			for _, f := range fs {
				known[f.name] = f.sum
			}
		}
	}
	if failed.Load() {
		// A file the lexer could not read (a bug of ours): no names
		// means every function is analysed, as under go vet.
		return nil, map[*packages.Package]string{}, known
	}

	names := &config.Names{Selectors: make(map[string]bool), DotImported: make(map[string]bool)}
	for _, fs := range per {
		for _, f := range fs {
			for _, s := range f.selectors {
				names.Selectors[s] = true
			}
			for _, d := range f.dotImport {
				names.DotImported[d] = true
			}
		}
	}
	keys := make(map[*packages.Package]string, len(pkgs))
	for i, p := range pkgs {
		var called []string
		for _, f := range per[i] {
			for _, d := range f.declared {
				if names.Selectors[d] {
					called = append(called, d)
				}
			}
		}
		sort.Strings(called)
		keys[p] = strings.Join(called, ",")
		if names.DotImported[p.PkgPath] {
			keys[p] = "dot-imported"
		}
	}
	return names, keys, known
}

// scannedPackage is flows.Scanned for a loaded package: the engine
// analyses every function of such a package (Config.Named applies to
// dependencies only).
func scannedPackage(p *packages.Package) bool {
	return flows.Scanned(driver.Module(p), p.PkgPath)
}
