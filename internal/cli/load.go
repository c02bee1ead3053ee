package cli

import (
	"bytes"
	"errors"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/datagate/datagate/internal/parallel"
)

// loadPackages is packages.Load(cfg, patterns...) for cfg.Mode = loadMode,
// without asking go list for the compiled files of every package
// (-compiled), which makes it hash every file of every package to find
// the cgo output it may have cached: kratos's go list took 1.0-1.1 s with
// it, 0.55 s without, of a warm re-scan's ~1.5 s.
//
// A package's compiled files are its Go files, unless it uses cgo (a Go
// file imports "C") or SWIG: go list then names the files it generates,
// and adds to the package's imports those the generated code needs
// (runtime/cgo, syscall, unsafe). Those packages are listed again, alone
// with their dependencies, as packages.Load would list them, and what
// that listing says of them (files, imports, errors; runtime/cgo and
// whatever else only it reaches) replaces what the first one said. The
// packages that used cgo in the last scan (kept in the file index) are
// listed beside the main listing; only a package new to cgo costs a
// listing after it. They are listed with their test variants only when
// the scan needs one (a root's, with -tests): go list -test of a
// standard package would list the dependencies of its own tests. The
// sizes of types come from that listing or, without one, from their own
// small listing (as go/packages gets them), beside the main one.
//
// Finding the cgo packages reads the headers of the Go files the file
// index does not know as they are (those it knows do not import "C").
// TestLoadPackagesAsLoad holds the result to packages.Load's.
func loadPackages(cfg *packages.Config, index <-chan *fileIndex, patterns ...string) ([]*packages.Package, *fileIndex, error) {
	if cfg.Mode != loadMode || cfg.Overlay != nil { // an overlay is not on disk, where the headers are read
		pkgs, err := packages.Load(cfg, patterns...)
		return pkgs, <-index, err
	}
	type listing struct {
		pkgs []*packages.Package
		err  error
	}
	list := func(c packages.Config, patterns ...string) <-chan listing {
		out := make(chan listing, 1)
		go func() {
			pkgs, err := packages.Load(&c, patterns...)
			out <- listing{pkgs, err}
		}()
		return out
	}
	mainCfg := *cfg
	mainCfg.Mode = loadMode &^ (packages.NeedCompiledGoFiles | packages.NeedTypesSizes)
	mainOut := list(mainCfg, patterns...)
	sizesOf := func(l listing) types.Sizes {
		for _, p := range l.pkgs {
			if p.TypesSizes != nil {
				return p.TypesSizes
			}
		}
		return nil
	}

	// cgoList lists packages as packages.Load does, with their test
	// variants only if one of the IDs is one: go list -test would list
	// the standard library's own tests' dependencies.
	cgoList := func(ids []string) <-chan listing {
		c := *cfg
		c.Tests = false
		var paths []string
		for _, id := range ids {
			path, variant, _ := strings.Cut(id, " ")
			c.Tests = c.Tests || variant != ""
			paths = append(paths, path)
		}
		slices.Sort(paths)
		return list(c, slices.Compact(paths)...)
	}
	// The sizes of types: from the listing of the last scan's cgo
	// packages when there is one (it asks for them), else from their own
	// listing. Every go command started beside the main listing slows it
	// down on two cores (kratos: 0.88 s with seven others, 0.55 s alone).
	sizesCfg := *cfg
	sizesCfg.Mode, sizesCfg.Tests = packages.NeedTypesSizes|packages.NeedImports, false // TypesSizes is set only with the graph
	idx := <-index
	var early, sizes <-chan listing
	if prev := idx.cgoPackages(); len(prev) > 0 {
		early = cgoList(prev)
	} else {
		sizes = list(sizesCfg, "unsafe")
	}
	m := <-mainOut
	if m.err != nil {
		return nil, idx, m.err
	}
	var e listing
	if early != nil {
		if e = <-early; e.err != nil || sizesOf(e) == nil {
			e = listing{} // listed below, as the packages new to cgo are
			sizes = list(sizesCfg, "unsafe")
		}
	}
	sz := sizesOf(e)
	if sizes != nil {
		sz = sizesOf(<-sizes)
	}
	if sz == nil {
		pkgs, err := packages.Load(cfg, patterns...) // as go/packages would: let it say what fails
		return pkgs, idx, err
	}
	roots := m.pkgs

	var all []*packages.Package
	packages.Visit(roots, nil, func(p *packages.Package) { all = append(all, p) })
	generated := needCompiled(all, idx)

	// The cgo packages as packages.Load lists them, by ID: those of the
	// early listing, and the others listed now.
	byID := make(map[string]*packages.Package)
	packages.Visit(e.pkgs, nil, func(p *packages.Package) { byID[p.ID] = p })
	var missing []string
	for _, p := range all {
		if generated[p] && byID[p.ID] == nil {
			missing = append(missing, p.ID)
		}
	}
	if len(missing) > 0 {
		more := <-cgoList(missing)
		if more.err != nil {
			return nil, idx, more.err
		}
		packages.Visit(more.pkgs, nil, func(p *packages.Package) {
			if byID[p.ID] == nil {
				byID[p.ID] = p
			}
		})
	}

	// One package per ID: the main listing's, except for the cgo
	// packages, which take the second listing's files, imports and
	// errors; packages only that listing has join the graph.
	unified := make(map[string]*packages.Package, len(all))
	for _, p := range all {
		unified[p.ID] = p
	}
	var adopted []*packages.Package
	for id, q := range byID {
		if unified[id] == nil {
			unified[id] = q
			adopted = append(adopted, q)
		}
	}
	repoint := func(p *packages.Package) {
		for path, imp := range p.Imports {
			if u := unified[imp.ID]; u != nil {
				p.Imports[path] = u
			}
		}
	}
	var cgo []string
	for _, p := range all {
		p.TypesSizes = sz
		if !generated[p] {
			if p.PkgPath != "unsafe" { // go/packages leaves its fake file out
				p.CompiledGoFiles = p.GoFiles
			}
			continue
		}
		q := byID[p.ID]
		if q == nil {
			p.Errors = append(p.Errors, packages.Error{Msg: "go list -compiled did not list " + p.ID, Kind: packages.ListError})
			continue
		}
		cgo = append(cgo, p.ID)
		p.CompiledGoFiles, p.Errors, p.Imports = q.CompiledGoFiles, q.Errors, q.Imports
		repoint(p)
	}
	for _, q := range adopted {
		repoint(q)
	}
	slices.Sort(cgo)
	idx.setCgoPackages(slices.Compact(cgo))
	return roots, idx, nil
}

// needCompiled returns the packages whose compiled files are not their Go
// files: those with a Go file that imports "C" (cgo) or with SWIG files.
// A file the index knows as it is does not (fileIndex.knows); the others'
// headers are read, on every core. A file that cannot be read or parsed
// counts as not importing "C": go list decides, and the check reports it.
func needCompiled(all []*packages.Package, idx *fileIndex) map[*packages.Package]bool {
	out := make([]bool, len(all))
	parallel.For(len(all), func() func(int) {
		buf := make([]byte, headerChunk)
		return func(i int) {
			for _, f := range all[i].OtherFiles {
				if ext := filepath.Ext(f); ext == ".swig" || ext == ".swigcxx" {
					out[i] = true
				}
			}
			for _, name := range all[i].GoFiles {
				if out[i] {
					break
				}
				if !idx.knows(name) {
					out[i], _ = fileImportsC(name, buf)
				}
			}
		}
	})
	m := make(map[*packages.Package]bool)
	for i, p := range all {
		if out[i] {
			m[p] = true
		}
	}
	return m
}

// headerChunk is how much of a file fileImportsC reads first: enough for
// the package clause and imports of nearly every file.
const headerChunk = 8 << 10

// fileImportsC reports whether the Go file imports "C". It parses the
// file's imports from its first headerChunk bytes (buf's length), and
// from the whole file when they may go on past them.
func fileImportsC(name string, buf []byte) (bool, error) {
	f, err := os.Open(name)
	if err != nil {
		return false, err
	}
	defer f.Close()
	n, err := io.ReadFull(f, buf)
	src := buf[:n]
	switch {
	case err == nil: // more to read
		if cgo, ok := parseImportsC(src, true); ok {
			return cgo, nil
		}
		rest, err := io.ReadAll(f)
		if err != nil {
			return false, err
		}
		src = append(bytes.Clone(src), rest...)
	case !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF):
		return false, err
	}
	cgo, _ := parseImportsC(src, false)
	return cgo, nil
}

// parseImportsC parses src's imports. With partial set, src is the start
// of a longer file, cut anywhere: ok is then false unless a token that is
// not an import follows the imports, whole, within src (imports come
// first: what is cut off cannot be another import).
func parseImportsC(src []byte, partial bool) (cgo, ok bool) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.ImportsOnly|parser.SkipObjectResolution)
	if f == nil || f.Name == nil {
		return false, !partial
	}
	for _, imp := range f.Imports {
		if path, _ := strconv.Unquote(imp.Path.Value); path == "C" {
			return true, true
		}
	}
	if !partial {
		return false, true
	}
	if err != nil {
		return false, false
	}
	end := f.Name.End()
	if n := len(f.Decls); n > 0 {
		end = f.Decls[n-1].End()
	}
	off := fset.Position(end).Offset
	file := fset.AddFile("", -1, len(src)-off)
	var sc scanner.Scanner
	sc.Init(file, src[off:], nil, 0)
	for {
		pos, tok, lit := sc.Scan()
		switch tok {
		case token.SEMICOLON:
			continue
		case token.EOF, token.IMPORT:
			return false, false
		}
		size := len(lit)
		if size == 0 {
			size = len(tok.String())
		}
		return false, off+file.Offset(pos)+size < len(src)
	}
}
