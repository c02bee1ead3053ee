package driver

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync/atomic"
)

// A Cache keeps, between runs, what the analysis of each package gave:
// the facts it exported and, for a root package, the results of the
// analyzers asked for. An entry is keyed by a hash of everything the
// analysis of the package depends on (see run.keyOf): its files' contents,
// what Options.Salt says (the policy, the flags, the analyzers' build),
// and, for each import, the hash of what that import's analysis gave (its
// types and facts). A package whose key has an entry is not analysed
// again; a package whose output hashes the same as before does not make
// its importers analysed again.
//
// Entries are files under the cache directory, written to a temporary
// file and renamed, so that a reader sees a whole entry or none. Each
// carries its key, the format version and a checksum of its body: a
// damaged, truncated or foreign entry is not used (the package is analysed
// and the entry written again; a damaged one is removed). Nothing else
// is ever deleted: remove the directory to reclaim its space.
type Cache struct {
	dir string

	hits, misses, bad atomic.Int64
}

// cacheMagic starts every entry; the number is the format's version (7:
// facts compressed with S2, not deflated; see lazyfact).
const cacheMagic = "datagate driver cache 7\n"

// OpenCache returns the cache in dir, creating the directory if needed.
func OpenCache(dir string) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	return &Cache{dir: dir}, nil
}

// Dir returns the cache's directory.
func (c *Cache) Dir() string { return c.dir }

// Stats reports the lookups of the cache's life: entries found and used,
// entries not found, and entries found but not usable (damaged or
// foreign).
func (c *Cache) Stats() (hits, misses, bad int64) {
	return c.hits.Load(), c.misses.Load(), c.bad.Load()
}

// entryHeader is the first line of an entry after the magic.
type entryHeader struct {
	Key string `json:"key"`
	// Out is the hash of what the package's analysis gave, its positions
	// by rank (positions.go), which the keys of its importers include.
	Out string `json:"out"`
	// Facts, Results, Types and Names are the lengths of the body's first four
	// parts: the facts (encodedFacts, gob, deterministic), the results (the Codec's encoding of each,
	// in a gob map by analyzer name; empty when the package was not a
	// root), the package's types as export data (gcexportdata) and the
	// names of the types that export data must hold to stand for the
	// package (see run.exportNames), one per line.
	Facts   int `json:"facts"`
	Results int `json:"results"`
	Types   int `json:"types"`
	Names   int `json:"names"`
	// Pos is the length of the last part, the package's position list and
	// the imported files the facts and results hold positions in
	// (posPart, gob; see positions.go).
	Pos  int  `json:"pos"`
	Root bool `json:"root"`
	// Sum is the SHA-256 of the body; Head that of its results and
	// position parts, one after the other: what a scan that finds a root
	// package's entry before anything is analysed reads (Cache.head).
	Sum  string `json:"sum"`
	Head string `json:"head"`
}

// entry is a cache entry as read: its header and where its body starts.
type entry struct {
	entryHeader
	path string
	off  int64
}

// body is an entry's body.
type body struct {
	facts   []byte
	results []byte
	types   []byte
	names   []byte
	pos     []byte
}

func (b *body) size() int {
	return len(b.facts) + len(b.results) + len(b.types) + len(b.names) + len(b.pos)
}

func (b *body) parts() [][]byte { return [][]byte{b.facts, b.results, b.types, b.names, b.pos} }

func (c *Cache) path(key string) string {
	return filepath.Join(c.dir, key[:2], key)
}

// lookup returns the entry for key, or nil when there is none or it is
// not usable. Only the header is read.
func (c *Cache) lookup(key string) *entry {
	f, err := os.Open(c.path(key))
	if err != nil {
		c.misses.Add(1)
		return nil
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 4096)
	e, err := readHeader(r, key)
	if err != nil {
		c.bad.Add(1)
		return nil
	}
	e.path = f.Name()
	c.hits.Add(1)
	return e
}

// reread returns the entry for key as lookup does, without counting it:
// an entry the run itself wrote again.
func (c *Cache) reread(key string) *entry {
	f, err := os.Open(c.path(key))
	if err != nil {
		return nil
	}
	defer f.Close()
	e, err := readHeader(bufio.NewReaderSize(f, 4096), key)
	if err != nil {
		return nil
	}
	e.path = f.Name()
	return e
}

// maxHeader bounds the header line.
const maxHeader = 64 << 10

func readHeader(r *bufio.Reader, key string) (*entry, error) {
	magic := make([]byte, len(cacheMagic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != cacheMagic {
		return nil, errors.New("not a cache entry of this version")
	}
	var line []byte
	for {
		chunk, err := r.ReadSlice('\n')
		line = append(line, chunk...)
		if err == nil {
			break
		}
		if !errors.Is(err, bufio.ErrBufferFull) || len(line) > maxHeader {
			return nil, errors.New("bad header")
		}
	}
	e := &entry{off: int64(len(cacheMagic) + len(line))}
	if err := json.Unmarshal(line, &e.entryHeader); err != nil {
		return nil, fmt.Errorf("bad header: %w", err)
	}
	if e.Key != key || e.Facts < 0 || e.Results < 0 || e.Types < 0 || e.Names < 0 || e.Pos < 0 || e.Out == "" {
		return nil, errors.New("foreign or damaged entry")
	}
	return e, nil
}

// body reads and checks an entry's body.
func (c *Cache) body(e *entry) (*body, error) {
	data, err := os.ReadFile(e.path)
	if err != nil {
		return nil, err
	}
	if int64(len(data)) != e.off+int64(e.Facts+e.Results+e.Types+e.Names+e.Pos) {
		c.damaged(e)
		return nil, fmt.Errorf("cache entry %s: truncated or damaged", e.path)
	}
	b := data[e.off:]
	if sum := sha256.Sum256(b); hex.EncodeToString(sum[:]) != e.Sum {
		c.damaged(e)
		return nil, fmt.Errorf("cache entry %s: checksum mismatch", e.path)
	}
	out := &body{}
	for _, part := range []struct {
		dst *[]byte
		n   int
	}{{&out.facts, e.Facts}, {&out.results, e.Results}, {&out.types, e.Types}, {&out.names, e.Names}, {&out.pos, e.Pos}} {
		*part.dst, b = b[:part.n:part.n], b[part.n:]
	}
	return out, nil
}

// head reads and checks an entry's results and position parts only: a
// root package's entry found before anything is analysed needs its
// results, and its positions to know whether they moved (relocate), not
// its facts and types, which are most of it (kratos: 2 of the 30 MB its
// 123 roots' entries hold). The other parts of the body are nil.
func (c *Cache) head(e *entry) (*body, error) {
	f, err := os.Open(e.path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := &body{results: make([]byte, e.Results), pos: make([]byte, e.Pos)}
	_, rerr := f.ReadAt(out.results, e.off+int64(e.Facts))
	_, perr := f.ReadAt(out.pos, e.off+int64(e.Facts+e.Results+e.Types+e.Names))
	if err := errors.Join(rerr, perr); err != nil {
		c.damaged(e)
		return nil, fmt.Errorf("cache entry %s: truncated or damaged: %w", e.path, err)
	}
	h := sha256.New()
	h.Write(out.results)
	h.Write(out.pos)
	if hex.EncodeToString(h.Sum(nil)) != e.Head {
		c.damaged(e)
		return nil, fmt.Errorf("cache entry %s: checksum mismatch", e.path)
	}
	return out, nil
}

// damaged counts a damaged entry and removes it: its header reads, so a
// later run would find it again, and the package whose entry it is may be
// analysed without its entry being written again (see run.process).
func (c *Cache) damaged(e *entry) {
	c.bad.Add(1)
	os.Remove(e.path)
}

// put writes the entry for key: a temporary file in the entry's
// directory, renamed over the entry.
func (c *Cache) put(key, out string, root bool, b *body) error {
	var buf bytes.Buffer
	buf.Grow(len(cacheMagic) + 512 + b.size())
	buf.WriteString(cacheMagic)
	sum := sha256.New()
	for _, part := range b.parts() {
		sum.Write(part)
	}
	head := sha256.New()
	head.Write(b.results)
	head.Write(b.pos)
	h, err := json.Marshal(entryHeader{
		Key: key, Out: out, Root: root, Sum: hex.EncodeToString(sum.Sum(nil)), Head: hex.EncodeToString(head.Sum(nil)),
		Facts: len(b.facts), Results: len(b.results), Types: len(b.types), Names: len(b.names), Pos: len(b.pos),
	})
	if err != nil {
		return err
	}
	buf.Write(h)
	buf.WriteByte('\n')
	for _, part := range b.parts() {
		buf.Write(part)
	}

	path := c.path(key)
	if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), key+".tmp*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(buf.Bytes())
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}
