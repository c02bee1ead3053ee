package cli

import (
	"bytes"
	"crypto/sha256"
	"go/build"
	"go/scanner"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/datagate/datagate/internal/testutil"
	"golang.org/x/tools/go/packages"
)

// TestCalledOnlySameFindings scans a service whose dependency (a
// vendored module: not under scan) it calls into by name, through a
// method, a function kept in a field, an interface and a dot import,
// next to functions nothing calls: leaving those out (the standalone
// scan) finds what analysing every function finds, and does leave them
// out.
func TestCalledOnlySameFindings(t *testing.T) {
	dir := testutil.Testdata(t, "prune")
	scanIt := func(all bool) outcome {
		var stdout, stderr bytes.Buffer
		code := mainWith([]string{"-C", dir, "-cache=off", "-v", "-format", "json", "./..."}, &stdout, &stderr, &scanHooks{allFunctions: all})
		return outcome{code: code, stdout: stdout.String(), stderr: stderr.String()}
	}
	full, pruned := scanIt(true), scanIt(false)
	full.wantCode(t, 0)
	pruned.wantCode(t, 0)
	if full.stdout != pruned.stdout {
		t.Errorf("leaving uncalled functions out changed the results:\nall functions:\n%s\ncalled only:\n%s", full.stdout, pruned.stdout)
	}
	for _, want := range []string{"/v1/send", "/v1/field", "/v1/quiet", "/v1/sink", "dot.example.com"} {
		if !strings.Contains(pruned.stdout, want) {
			t.Errorf("no result with %s:\n%s", want, pruned.stdout)
		}
	}
	const note = "example.org/dep: 4 of 18 functions not analysed: no code of the scan calls them"
	if !strings.Contains(pruned.stderr, note) {
		t.Errorf("-v does not say %q:\n%s", note, pruned.stderr)
	}
	if strings.Contains(full.stderr, "not analysed") || strings.Contains(pruned.stderr, "dep/dot:") {
		t.Errorf("functions left out of a full scan, or of a package imported with a dot:\n%s\n%s", full.stderr, pruned.stderr)
	}
}

// TestCalledOnlyCacheKey checks that a dependency's cache entry is not
// used once code starts calling a function its analysis left out: the
// entry has no summary for it, and the call would find no exit.
func TestCalledOnlyCacheKey(t *testing.T) {
	dir := copyModule(t, testutil.Testdata(t, "prune"))
	t.Setenv(CacheEnv, t.TempDir())
	scanIt := func() outcome {
		var stdout, stderr bytes.Buffer
		code := mainWith([]string{"-C", dir, "-format", "json", "./..."}, &stdout, &stderr, &scanHooks{})
		return outcome{code: code, stdout: stdout.String(), stderr: stderr.String()}
	}
	first := scanIt()
	first.wantCode(t, 0)
	if strings.Contains(first.stdout, "/v1/unused") {
		t.Fatalf("nothing calls dep.Unused yet:\n%s", first.stdout)
	}
	f, err := os.OpenFile(filepath.Join(dir, "svc", "svc.go"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("\nfunc ShareMore(u *User) { dep.Unused(u.Email) }\n"); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	again := scanIt()
	again.wantCode(t, 0)
	if !strings.Contains(again.stdout, "/v1/unused") {
		t.Errorf("dep.Unused called now, and its exit not found (the dependency's entry reused?):\n%s", again.stdout)
	}
}

// TestScanNames checks what the token scan takes from a file: names after
// a dot (not in comments or strings, also past a line break), declared
// functions and methods, dot imports.
func TestScanNames(t *testing.T) {
	src := `package p

import (
	"fmt"
	. "example.org/dot"
	x "example.org/x"
)

import . "example.org/dot2"

// c.InComment() is not a call.
func (r *T[K]) Method(a int) (int, error) { return r.
	Field, nil }

func Plain[T any]() { fmt.Println("s.InString()"); x.Call(); f := func(int) error { return nil }; _ = f }

var n = 0x1e+v.Hex + 1e+5 + 2.5e-3*w.Exp
`
	got := scanNames([]byte(src), nil)
	sel := slices.Sorted(slices.Values(got.selectors))
	if want := []string{"Call", "Exp", "Field", "Hex", "Println"}; !slices.Equal(slices.Compact(sel), want) {
		t.Errorf("selectors %v, want %v", sel, want)
	}
	if !slices.Contains(got.declared, "Method") || !slices.Contains(got.declared, "Plain") {
		t.Errorf("declared %v, want Method and Plain among them", got.declared)
	}
	if want := []string{"example.org/dot", "example.org/dot2"}; !slices.Equal(got.dotImport, want) {
		t.Errorf("dot imports %v, want %v", got.dotImport, want)
	}
}

// scannerNames is scanNames written with go/scanner: the reference the
// lexer of scanNames must agree with.
func scannerNames(src []byte) fileNames {
	var out fileNames
	fset := token.NewFileSet()
	var s scanner.Scanner
	s.Init(fset.AddFile("", -1, len(src)), src, nil, 0)
	var prev, prev2 token.Token
	depth, afterRecv := 0, false
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.SEMICOLON && lit == "\n" {
			continue // inserted: the lexer has no semicolons
		}
		switch {
		case tok == token.IDENT && prev == token.PERIOD:
			out.selectors = append(out.selectors, lit)
		case tok == token.IDENT && (prev == token.FUNC || afterRecv):
			out.declared = append(out.declared, lit)
		case tok == token.STRING && prev == token.PERIOD && (prev2 == token.IMPORT || prev2 == token.LPAREN || prev2 == token.SEMICOLON || prev2 == token.STRING):
			out.dotImport = append(out.dotImport, lit[1:len(lit)-1])
		}
		afterRecv = false
		switch {
		case tok == token.LPAREN && prev == token.FUNC:
			depth = 1
		case depth > 0 && tok == token.LPAREN:
			depth++
		case depth > 0 && tok == token.RPAREN:
			if depth--; depth == 0 {
				afterRecv = true
			}
		}
		prev2, prev = prev, tok
	}
	return out
}

// TestScanNamesAsScanner compares scanNames with go/scanner on the Go
// files of this repository and of a few standard packages.
func TestScanNamesAsScanner(t *testing.T) {
	var files []string
	goroot := build.Default.GOROOT
	for _, root := range []string{"../..", filepath.Join(goroot, "src", "net", "http"), filepath.Join(goroot, "src", "go")} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") {
				files = append(files, path)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(files) < 500 {
		t.Fatalf("only %d files to compare", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		got, want := scanNames(src, nil), scannerNames(src)
		if !slices.Equal(got.selectors, want.selectors) || !slices.Equal(got.declared, want.declared) || !slices.Equal(got.dotImport, want.dotImport) {
			t.Errorf("%s: lexer and go/scanner differ:\nlexer   %v\nscanner %v", f, got, want)
		}
	}
}

// TestScanNamesMalformed feeds the lexer every prefix of a file, and
// files of stray quotes and brackets: a file the scan reads may be
// anything (a package with errors is read too), and the scan must not
// fail on it.
func TestScanNamesMalformed(t *testing.T) {
	src := []byte("package p\n\nimport . \"x\"\n\nfunc (r *T) M(a ...int) { _ = r.f + 1.5e+3 + 'c' + `raw` /* c */ } // end\n")
	for i := range len(src) + 1 {
		scanNames(src[:i], nil)
	}
	for _, bad := range []string{`"`, "`", "'", `import . "`, "func (", "func ((((", "/*", "x.", "...", "1e+", "\\"} {
		scanNames([]byte(bad), nil)
	}
}

// TestProgramNamesSums: with a file index (the cache on), the name scan
// gives the SHA-256 of every file of the packages (those analysed and
// those checked for their types only), so that the cache keys need not
// read them again; without one, none.
func TestProgramNamesSums(t *testing.T) {
	dir := testutil.Testdata(t, "prune")
	all, err := packages.Load(&packages.Config{Mode: loadMode, Dir: dir}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	roots := rootPackages(all)
	only := typesOnly(roots)
	idx := openFileIndex(t.TempDir(), "k", time.Now())
	sums := programNames(roots, only, idx).sums
	idx.wait()
	analysed, checked := 0, 0
	packages.Visit(roots, nil, func(p *packages.Package) {
		for _, name := range p.CompiledGoFiles {
			if only(p) {
				checked++
			} else {
				analysed++
			}
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if sum, ok := sums[name]; !ok || sum != sha256.Sum256(src) {
				t.Errorf("%s: sum %x, want its SHA-256", name, sum)
			}
		}
	})
	if analysed == 0 || checked == 0 {
		t.Fatalf("%d files analysed, %d checked for types: want some of each", analysed, checked)
	}
	if none := programNames(roots, only, nil).sums; none != nil {
		t.Errorf("sums without an index: %d", len(none))
	}
}

// TestFileIndex: a scan with the file index reads only the files whose
// stamp changed since the last one and gives what reading them all gives;
// a file changed within the guard is read again by the next scan; a
// damaged or foreign index is read as empty and written again.
func TestFileIndex(t *testing.T) {
	dir := copyModule(t, testutil.Testdata(t, "prune"))
	cache := t.TempDir()
	load := func() ([]*packages.Package, func(*packages.Package) bool) {
		t.Helper()
		all, err := packages.Load(&packages.Config{Mode: loadMode, Dir: dir}, "./...")
		if err != nil {
			t.Fatal(err)
		}
		roots := rootPackages(all)
		return roots, typesOnly(roots)
	}
	// scanAt scans as if it were now: files written before now-indexGuard
	// are kept in the index.
	scanAt := func(now time.Time) (programScan, programScan) {
		t.Helper()
		roots, only := load()
		idx := openFileIndex(cache, "k", now)
		got := programNames(roots, only, idx)
		idx.wait()
		return got, programNames(roots, only, nil)
	}
	same := func(what string, got, want programScan) {
		t.Helper()
		if !reflect.DeepEqual(got.names, want.names) {
			t.Errorf("%s: names differ from a scan without the index", what)
		}
		if len(got.called) != len(want.called) {
			t.Errorf("%s: %d packages' called keys, want %d", what, len(got.called), len(want.called))
		}
		for p, c := range want.called {
			if got.called[p] != c {
				t.Errorf("%s: %s calls %q, want %q", what, p.ID, got.called[p], c)
			}
		}
	}
	later := func() time.Time { return time.Now().Add(indexGuard + time.Second) }

	first, plain := scanAt(later())
	same("first scan", first, plain)
	if first.read == 0 || first.known != 0 {
		t.Fatalf("first scan: %d files read, %d known; want all read", first.read, first.known)
	}
	total := first.read
	second, plain := scanAt(later())
	same("second scan", second, plain)
	if second.read != 0 || second.known != total {
		t.Errorf("second scan: %d read, %d known; want 0 and %d", second.read, second.known, total)
	}

	// A file replaced (a new inode, the same size): read again, and the
	// name it now writes after a dot is seen.
	name := filepath.Join(dir, "svc", "svc.go")
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	edited := bytes.Replace(src, []byte("dep.Send("), []byte("dep.Sand("), 1)
	if bytes.Equal(edited, src) {
		t.Fatal("svc.go has no call dep.Send( to edit")
	}
	replace := func(data []byte) {
		t.Helper()
		tmp := name + ".new"
		if err := os.WriteFile(tmp, data, 0o666); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, name); err != nil {
			t.Fatal(err)
		}
	}
	replace(edited)
	third, plain := scanAt(later())
	same("after an edit", third, plain)
	if third.read != 1 || !third.names.Selectors["Sand"] {
		t.Errorf("after an edit: %d files read (want 1), Sand seen: %v", third.read, third.names.Selectors["Sand"])
	}

	// Scanned at the time of an edit: the edited file is within the
	// guard, not kept, and read again by each scan until it is older.
	replace(src)
	fresh := time.Now()
	for i := range 2 {
		got, plain := scanAt(fresh)
		same("within the guard", got, plain)
		if got.read != 1 || got.names.Selectors["Sand"] {
			t.Errorf("a file changed within the guard, scan %d: %d files read, want 1 (Sand seen: %v)", i+1, got.read, got.names.Selectors["Sand"])
		}
	}
	if got, _ := scanAt(later()); got.read != 1 {
		t.Errorf("once past the guard: %d files read, want 1", got.read)
	}
	if got, _ := scanAt(later()); got.read != 0 {
		t.Errorf("once kept: %d files read, want 0", got.read)
	}

	// Damaged, then foreign: read as empty, every file read, and the
	// index written again whole.
	path := openFileIndex(cache, "k", time.Now()).path
	for _, damage := range []func([]byte) []byte{
		func(b []byte) []byte { b[len(b)-5] ^= 0x40; return b },
		func(b []byte) []byte { return append([]byte("datagate file index 0\n"), b[len(indexMagic):]...) },
		func(b []byte) []byte { return b[:len(b)/2] },
	} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, damage(data), 0o666); err != nil {
			t.Fatal(err)
		}
		got, plain := scanAt(later())
		same("damaged index", got, plain)
		if got.read != total {
			t.Errorf("damaged index: %d files read, want %d", got.read, total)
		}
		if got, _ := scanAt(later()); got.read != 0 {
			t.Errorf("after a damaged index: %d files read, want 0 (written again)", got.read)
		}
	}
}

// TestReadFileIndexMalformed: an index whose body is cut or altered but
// whose checksum matches (a bug of ours, not damage on disk) is read as
// unusable, never with a panic or an out-of-range name; a whole one
// reads back as written.
func TestReadFileIndexMalformed(t *testing.T) {
	files := map[string]indexedFile{
		"/m/a.go": {stamp: fileStamp{Size: 10, Mtime: 1, Ctime: 2, Ino: 3, Dev: 4}, scanned: true, names: fileNames{selectors: []string{"Println", "Send"}, declared: []string{"Send"}}},
		"/m/b.go": {stamp: fileStamp{Size: 20, Mtime: -5, Ctime: 6}, names: fileNames{dotImport: []string{"example.com/dot"}}},
	}
	data := encodeFileIndex(files, []string{"example.com/m/native"})
	path := filepath.Join(t.TempDir(), "index")
	write := func(body []byte) {
		t.Helper()
		sum := sha256.Sum256(body)
		out := append(append([]byte(indexMagic), sum[:]...), body...)
		if err := os.WriteFile(path, out, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	body := data[len(indexMagic)+sha256.Size:]
	write(body)
	got, cgo, err := readFileIndex(path)
	if err != nil || !reflect.DeepEqual(got, files) || !slices.Equal(cgo, []string{"example.com/m/native"}) {
		t.Fatalf("read back: %v %v %v", got, cgo, err)
	}
	for i := range body {
		write(body[:i])
		if _, _, err := readFileIndex(path); err == nil {
			t.Errorf("body cut at %d of %d: read as usable", i, len(body))
		}
		bad := bytes.Clone(body)
		bad[i] = 0xff
		write(bad)
		readFileIndex(path) //nolint:errcheck // must not panic; a changed byte may still read
	}
}
