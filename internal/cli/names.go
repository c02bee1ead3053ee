package cli

import (
	"bytes"
	"crypto/sha256"
	"io"
	"os"
	"sort"
	"strings"
	"sync/atomic"

	"golang.org/x/tools/go/packages"

	"github.com/datagate/datagate/analyzers/config"
	"github.com/datagate/datagate/analyzers/flows"
	"github.com/datagate/datagate/internal/driver"
	"github.com/datagate/datagate/internal/parallel"
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
//
// strs, when not nil, interns the names: a name met before (in this file
// or another scanned with the same map) is not allocated again. A
// kratos scan reads 68 MB of dependency sources, most of whose names
// after a dot repeat.
func scanNames(src []byte, strs map[string]string) fileNames {
	var out fileNames
	str := func(b []byte) string {
		if strs == nil {
			return string(b)
		}
		if s, ok := strs[string(b)]; ok {
			return s
		}
		s := string(b)
		strs[s] = s
		return s
	}
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
			out.selectors = append(out.selectors, str(text))
		case k == tkIdent && (prev == tkFunc || afterRecv):
			out.declared = append(out.declared, str(text))
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
func safeScanNames(src []byte, strs map[string]string) (f fileNames, ok bool) {
	defer func() {
		if recover() != nil {
			f, ok = fileNames{}, false
		}
	}()
	return scanNames(src, strs), true
}

// programScan is what programNames gives.
type programScan struct {
	// names are config.Names: what the analysed packages' code writes
	// after a dot, and imports with a dot; nil when a file could not be
	// scanned (then every function is analysed).
	names *config.Names
	// called is, per analysed package, the functions and methods it
	// declares that the names reach, for its cache key.
	called map[*packages.Package]string
	// sums are the SHA-256 sums of the packages' files, by name, with a
	// file index (the cache on); nil without.
	sums map[string][sha256.Size]byte
	// read counts the files read, known counts those the index knew.
	read, known int
}

// programNames scans the files of the packages the scan analyses (not
// those checked for their types only), on every core: config.Names, and
// per package the functions and methods it declares that the names
// reach (for the package's cache key: another package starting to call
// one of them changes what its analysis gives). With a file index (the
// cache is on) it also gives the SHA-256 sums of every package's files,
// by name, for the cache keys (driver.Options.FileSums), and reads only
// the files the index does not know as they are; it then saves the index
// for the next scan (on another goroutine: fileIndex.wait).
func programNames(all []*packages.Package, typesOnly func(*packages.Package) bool, idx *fileIndex) programScan {
	type item struct {
		p    *packages.Package
		scan bool // analysed: its names are scanned
	}
	var items []item
	seen := make(map[*packages.Package]bool)
	packages.Visit(all, nil, func(p *packages.Package) {
		if seen[p] {
			return
		}
		seen[p] = true
		if scan := !typesOnly(p); scan || idx != nil {
			items = append(items, item{p, scan})
		}
	})
	type fileOut struct {
		name string
		e    indexedFile
		keep bool // for the next scan's index
	}
	out := make([][]fileOut, len(items))
	var failed atomic.Bool
	var read, known atomic.Int64
	parallel.For(len(items), func() func(int) {
		var buf []byte
		strs := make(map[string]string)
		return func(i int) {
			scan := items[i].scan
			for _, name := range items[i].p.CompiledGoFiles {
				var st fileStamp
				stamped := false
				if idx != nil {
					if fi, err := os.Stat(name); err == nil {
						st, stamped = stampOf(fi)
					}
				}
				if e, ok := idx.get(name, st, scan); stamped && ok {
					known.Add(1)
					out[i] = append(out[i], fileOut{name, e, true})
					continue
				}
				src, err := readInto(buf, name)
				if err != nil {
					continue // the driver reports it
				}
				buf = src
				read.Add(1)
				e := indexedFile{stamp: st, scanned: scan}
				if idx != nil {
					e.sum = sha256.Sum256(src)
				}
				if scan {
					f, ok := safeScanNames(src, strs)
					if !ok {
						failed.Store(true)
					}
					e.names = f
				}
				out[i] = append(out[i], fileOut{name, e, stamped && idx.keeps(st)})
			}
		}
	})

	res := programScan{called: map[*packages.Package]string{}, read: int(read.Load()), known: int(known.Load())}
	if idx != nil {
		res.sums = make(map[string][sha256.Size]byte)
		keep := make(map[string]indexedFile)
		for _, fs := range out {
			for _, f := range fs {
				res.sums[f.name] = f.e.sum
				if old, ok := keep[f.name]; f.keep && (!ok || !old.scanned) {
					keep[f.name] = f.e
				}
			}
		}
		if !failed.Load() {
			idx.saveLater(keep)
		}
	}
	if failed.Load() {
		// A file the lexer could not read (a bug of ours): no names
		// means every function is analysed, as under go vet.
		return res
	}

	names := &config.Names{Selectors: make(map[string]bool), DotImported: make(map[string]bool)}
	for i, fs := range out {
		if !items[i].scan {
			continue
		}
		for _, f := range fs {
			for _, s := range f.e.names.selectors {
				names.Selectors[s] = true
			}
			for _, d := range f.e.names.dotImport {
				names.DotImported[d] = true
			}
		}
	}
	for i, fs := range out {
		if !items[i].scan {
			continue
		}
		p := items[i].p
		var called []string
		for _, f := range fs {
			for _, d := range f.e.names.declared {
				if names.Selectors[d] {
					called = append(called, d)
				}
			}
		}
		sort.Strings(called)
		res.called[p] = strings.Join(called, ",")
		if names.DotImported[p.PkgPath] {
			res.called[p] = "dot-imported"
		}
	}
	res.names = names
	return res
}

// readInto reads the named file into buf (grown as needed) and returns
// what it read. The scan reads each file once and keeps only what it
// finds in it, so one buffer per worker serves them all: reading each
// into a new one (os.ReadFile) made ~68 MB of garbage on a kratos scan,
// fresh memory the kernel had to clear.
func readInto(buf []byte, name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && int64(cap(buf)) <= fi.Size() {
		buf = make([]byte, 0, fi.Size()+512)
	}
	buf = buf[:0]
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // a file that grew: more room
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// scannedPackage is flows.Scanned for a loaded package: the engine
// analyses every function of such a package (Config.Named applies to
// dependencies only).
func scannedPackage(p *packages.Package) bool {
	return flows.Scanned(driver.Module(p), p.PkgPath)
}
