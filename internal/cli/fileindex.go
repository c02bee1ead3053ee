package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// A fileIndex keeps, between scans with the cache on, what reading each
// source file gave (its SHA-256 sum and, for a file of an analysed package,
// the names scanNames finds in it) under the file's identity on disk: its
// size, modification and change times, inode and device (fileStamp). A
// re-scan reads only the files whose identity changed. On kratos a scan
// otherwise reads and scans ~68 MB of dependency sources each time, 0.37 s
// of a warm re-scan's 1.8 s.
//
// This is how git's index and gopls's file cache tell a file unchanged,
// with the same guard against a change the stamp cannot see: a file
// modified in the same clock tick as it was read. A file whose
// modification or change time is less than indexGuard before the scan
// started is not kept, so it is read again by the next scan. The change
// time cannot be set by a user (unlike the modification time, which cp -p,
// tar and touch restore) and moves with every write. Where the system
// gives no stamp (stampOf returns false: not Linux or macOS), every file
// is read, as without the index.
type fileIndex struct {
	path   string
	cutoff int64 // Unix ns: files stamped at or after it are not kept
	old    map[string]indexedFile
	// oldCgo and cgo are the IDs of the packages the last scan and this
	// one found using cgo (loadPackages).
	oldCgo, cgo []string
	// saving is closed once saveLater's write is done.
	saving chan struct{}
}

// indexGuard is how recently changed a file must not be for the index to
// keep it: far above any file system's timestamp granularity (FAT's 2 s)
// and the kernel's coarse clock, and small enough that a file is trusted
// soon after the edit that changed it.
const indexGuard = 10 * time.Second

// indexedFile is what the index knows of one file.
type indexedFile struct {
	stamp   fileStamp
	sum     [sha256.Size]byte
	scanned bool // names holds scanNames' result (a file of an analysed package)
	names   fileNames
}

// fileStamp identifies the content of a file on disk without reading it.
type fileStamp struct {
	Size, Mtime, Ctime int64
	Ino, Dev           uint64
}

// newest is the later of the stamp's two times.
func (s fileStamp) newest() int64 { return max(s.Mtime, s.Ctime) }

// indexMagic starts the index file; the number is the format's version.
const indexMagic = "datagate file index 4\n"

// openFileIndex returns the index the cache in dir keeps for a scan
// (key: what tells scans apart: the directory, the patterns, the flags
// that change which files are read), with what the last such scan kept.
// An index that cannot be read, is damaged or is of another version is
// empty: every file is read, and it is written again.
func openFileIndex(dir, key string, now time.Time) *fileIndex {
	h := sha256.Sum256([]byte(key))
	x := &fileIndex{
		path:   filepath.Join(dir, "files", hex.EncodeToString(h[:16])),
		cutoff: now.Add(-indexGuard).UnixNano(),
	}
	x.old, x.oldCgo, _ = readFileIndex(x.path)
	return x
}

// knows reports whether the index knows the file as it is now. Such a
// file does not import "C": the index holds the files packages are
// compiled from (CompiledGoFiles), and those of a package that uses cgo
// are what cgo generates from the files that import "C", never those
// files (loadPackages).
func (x *fileIndex) knows(name string) bool {
	if x == nil {
		return false
	}
	fi, err := os.Stat(name)
	if err != nil {
		return false
	}
	st, stamped := stampOf(fi)
	_, ok := x.get(name, st, false)
	return stamped && ok
}

// cgoPackages returns the IDs of the packages the last scan found using
// cgo.
func (x *fileIndex) cgoPackages() []string {
	if x == nil {
		return nil
	}
	return x.oldCgo
}

// setCgoPackages notes the IDs of the packages this scan found using
// cgo, for the next.
func (x *fileIndex) setCgoPackages(ids []string) {
	if x != nil {
		x.cgo = ids
	}
}

// get returns what the index knows of the file with that stamp, if it
// knows it; with names set, only if the file's names were scanned.
func (x *fileIndex) get(name string, st fileStamp, names bool) (indexedFile, bool) {
	if x == nil {
		return indexedFile{}, false
	}
	e, ok := x.old[name]
	if !ok || e.stamp != st || names && !e.scanned {
		return indexedFile{}, false
	}
	return e, true
}

// keeps reports whether the index keeps a file of that stamp.
func (x *fileIndex) keeps(st fileStamp) bool {
	return x != nil && st.newest() < x.cutoff
}

// saveLater saves the index (save) on another goroutine: encoding it
// takes a kratos scan ~0.17 s of CPU, which a re-scan after an edit (the
// edited file is within the guard: the index changes each time) spent
// before anything else could start. wait waits for it.
func (x *fileIndex) saveLater(files map[string]indexedFile) {
	if x == nil {
		return
	}
	x.saving = make(chan struct{})
	go func() {
		defer close(x.saving)
		x.save(files) //nolint:errcheck // a cache: the next scan reads the files again
	}()
}

// wait waits for saveLater's write, if there is one.
func (x *fileIndex) wait() {
	if x != nil && x.saving != nil {
		<-x.saving
	}
}

// save writes the index for the next scan: the files of this one, when
// they are not what the last one kept. The file is written to a temporary
// name and renamed, so a reader sees a whole index or the last one.
func (x *fileIndex) save(files map[string]indexedFile) error {
	if x == nil || sameIndex(x.old, files) && slices.Equal(x.oldCgo, x.cgo) {
		return nil
	}
	data := encodeFileIndex(files, x.cgo)
	if err := os.MkdirAll(filepath.Dir(x.path), 0o777); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(x.path), filepath.Base(x.path)+".tmp*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), x.path); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

func sameIndex(a, b map[string]indexedFile) bool {
	if len(a) != len(b) {
		return false
	}
	for name, e := range b {
		if o, ok := a[name]; !ok || o.stamp != e.stamp || o.scanned != e.scanned {
			return false
		}
	}
	return true
}

// The index file: the magic, the SHA-256 of the body, the body. The body
// is a table of strings (the names, which a kratos scan's ~6,300 files
// share: a file's names are indices into it), the IDs of the cgo
// packages, and the files in name order, each its name, stamp, sum,
// flags and three lists of name indices; numbers as varints
// (encoding/binary). Gob took 0.19 s of CPU to write kratos's index and
// 0.1 s to read it.

const flagScanned = 1

// encodeFileIndex returns the index file.
func encodeFileIndex(files map[string]indexedFile, cgo []string) []byte {
	var table []string
	ids := make(map[string]uint64)
	var recs []byte
	list := func(names []string) {
		recs = binary.AppendUvarint(recs, uint64(len(names)))
		for _, s := range names {
			id, ok := ids[s]
			if !ok {
				id = uint64(len(table))
				ids[s] = id
				table = append(table, s)
			}
			recs = binary.AppendUvarint(recs, id)
		}
	}
	str := func(b []byte, s string) []byte {
		b = binary.AppendUvarint(b, uint64(len(s)))
		return append(b, s...)
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		e := files[name]
		recs = str(recs, name)
		recs = binary.AppendVarint(recs, e.stamp.Size)
		recs = binary.AppendVarint(recs, e.stamp.Mtime)
		recs = binary.AppendVarint(recs, e.stamp.Ctime)
		recs = binary.AppendUvarint(recs, e.stamp.Ino)
		recs = binary.AppendUvarint(recs, e.stamp.Dev)
		recs = append(recs, e.sum[:]...)
		var flags byte
		if e.scanned {
			flags |= flagScanned
		}
		recs = append(recs, flags)
		list(e.names.selectors)
		list(e.names.declared)
		list(e.names.dotImport)
	}
	var body []byte
	body = binary.AppendUvarint(body, uint64(len(table)))
	for _, s := range table {
		body = str(body, s)
	}
	body = binary.AppendUvarint(body, uint64(len(cgo)))
	for _, id := range cgo {
		body = str(body, id)
	}
	body = binary.AppendUvarint(body, uint64(len(files)))
	body = append(body, recs...)
	sum := sha256.Sum256(body)
	out := make([]byte, 0, len(indexMagic)+len(sum)+len(body))
	out = append(out, indexMagic...)
	out = append(out, sum[:]...)
	return append(out, body...)
}

// indexReader reads the body of an index file; the first error stops it.
type indexReader struct {
	b   []byte
	err error
}

func (r *indexReader) fail() {
	if r.err == nil {
		r.err = errors.New("file index: damaged")
	}
	r.b = nil
}

// took consumes a number of n bytes (binary.Uvarint's or Varint's
// count: 0 or less when there is none) and returns it, or 0 on failure.
func took[T uint64 | int64](r *indexReader, v T, n int) T {
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *indexReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	return took(r, v, n)
}

func (r *indexReader) varint() int64 {
	v, n := binary.Varint(r.b)
	return took(r, v, n)
}

func (r *indexReader) bytes(n uint64) []byte {
	if n > uint64(len(r.b)) {
		r.fail()
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *indexReader) str() string { return string(r.bytes(r.uvarint())) }

// count reads a count of items of at least least bytes each, failing when
// the body cannot hold that many.
func (r *indexReader) count(least int) int {
	n := r.uvarint()
	if n > uint64(len(r.b)/least) {
		r.fail()
		return 0
	}
	return int(n)
}

// readFileIndex reads an index file; an error means it is not usable.
func readFileIndex(path string) (map[string]indexedFile, []string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	if !bytes.HasPrefix(data, []byte(indexMagic)) || len(data) < len(indexMagic)+sha256.Size {
		return nil, nil, errors.New("not a file index of this version")
	}
	data = data[len(indexMagic):]
	body := data[sha256.Size:]
	if sum := sha256.Sum256(body); !bytes.Equal(sum[:], data[:sha256.Size]) {
		return nil, nil, errors.New("file index: checksum mismatch")
	}
	r := &indexReader{b: body}
	table := make([]string, r.count(1))
	for i := range table {
		table[i] = r.str()
	}
	cgo := make([]string, r.count(1))
	for i := range cgo {
		cgo[i] = r.str()
	}
	list := func() []string {
		n := r.count(1)
		if n == 0 {
			return nil
		}
		out := make([]string, n)
		for i := range out {
			id := r.uvarint()
			if id >= uint64(len(table)) {
				r.fail()
				return nil
			}
			out[i] = table[id]
		}
		return out
	}
	n := r.count(1 + 5 + sha256.Size + 1 + 3)
	files := make(map[string]indexedFile, n)
	for range n {
		name := r.str()
		var e indexedFile
		e.stamp = fileStamp{Size: r.varint(), Mtime: r.varint(), Ctime: r.varint(), Ino: r.uvarint(), Dev: r.uvarint()}
		copy(e.sum[:], r.bytes(sha256.Size))
		flags := r.bytes(1)
		if len(flags) == 1 {
			e.scanned = flags[0]&flagScanned != 0
		}
		e.names = fileNames{selectors: list(), declared: list(), dotImport: list()}
		if r.err != nil {
			break
		}
		files[name] = e
	}
	if r.err == nil && len(r.b) != 0 {
		r.fail()
	}
	if r.err != nil {
		return nil, nil, r.err
	}
	if len(cgo) == 0 {
		cgo = nil
	}
	return files, cgo, nil
}
