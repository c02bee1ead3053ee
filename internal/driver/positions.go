package driver

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"slices"
	"strconv"
)

// Positions in the cache.
//
// The analyzers' facts hold source positions as JSON objects
// {"file":F,"line":L,"col":C} (lineage.Position, as encoding/json writes
// it); their results' positions are shown by the Codec (PositionMover), or
// found in its JSON the same way. An edit that only moves code (a line inserted above a
// function) changes the positions a package's facts hold and nothing else;
// were they hashed as they are, every package above would be analysed
// again to give the same facts with the new positions (47 packages of
// kratos for a comment line at the top of one file).
//
// So a package's output hash (the "out" its importers' keys include) hashes
// its facts and types with each position replaced by what an importer's
// analysis can tell of it: a position in the package's own files by its
// rank among the distinct positions its facts and types hold in that file
// (its position list, kept in its entry); a position in an imported
// package's file by its rank in that package's list, or, when the list
// does not hold it, as it is. Two analyses of a package give the same
// output hash only when their positions correspond one to one, in the same
// order, file by file; an analysis that compares, sorts and copies
// positions but does not compute with them gives, from imports that
// correspond so, results that correspond so too. (datagate's engine does
// not: what computes with lines, a directive on the line above an exit,
// runs on the restored results at the time of the scan.) A package found in the
// cache under the same key then has its entry's positions in a moved file
// translated, rank for rank, from the owning package's list as it was
// (the entry of that package the entry names) to the list it has now
// (relocate): what a fresh analysis would give, without the analysis.
//
// A position an entry holds in an imported file that the file's package
// list does not hold (one the analysis found other than through facts and
// the package-level objects of the package's types, a struct field's for
// one) cannot be translated: the entry is used only while that file is
// unchanged.

// filePos is a line and column in one file, ordered as positions are.
type filePos uint64

func mkFilePos(line, col int) filePos { return filePos(uint64(line)<<32 | uint64(uint32(col))) }

func (p filePos) line() int { return int(p >> 32) }
func (p filePos) col() int  { return int(uint32(p)) }

// posList is the sorted, distinct positions a package's outputs hold in
// each of its files.
type posList map[string][]filePos

// rank returns p's index in the file's list.
func (l posList) rank(file string, p filePos) (int, bool) {
	return slices.BinarySearch(l[file], p)
}

// add records p; sortUnique is to be called once all are added.
func (l posList) add(file string, p filePos) { l[file] = append(l[file], p) }

func (l posList) sortUnique() {
	for f, ps := range l {
		slices.Sort(ps)
		l[f] = slices.Compact(ps)
	}
}

// posPrefix starts a position object as encoding/json writes
// lineage.Position.
var posPrefix = []byte(`{"file":"`)

// jsonPos is one position object found in a JSON text: its bytes are
// js[start:end].
type jsonPos struct {
	start, end int
	fileEnd    int // where the file name's closing quote is
	file       string
	line, col  int
}

// factShape is what an output hash needs of a fact's JSON: the hash of the
// text with its position objects taken out, and the positions, in order
// (compactly: a fact's positions come in runs in one file, and a large
// package's facts hold millions).
type factShape struct {
	skel  [sha256.Size]byte
	files []fileRun
	pos   []filePos
}

// fileRun says that the next n positions of a shape are in file.
type fileRun struct {
	file string
	n    int
}

// add appends a position to the shape.
func (sh *factShape) add(file string, line, col int) {
	if k := len(sh.files) - 1; k >= 0 && sh.files[k].file == file {
		sh.files[k].n++
	} else {
		sh.files = append(sh.files, fileRun{file, 1})
	}
	sh.pos = append(sh.pos, mkFilePos(line, col))
}

// each calls fn with the shape's positions, in order.
func (sh *factShape) each(fn func(file string, line, col int)) {
	i := 0
	for _, run := range sh.files {
		for _, p := range sh.pos[i : i+run.n] {
			fn(run.file, p.line(), p.col())
		}
		i += run.n
	}
}

// posMark stands for a position taken out of a text.
var posMark = []byte("\x00@")

// shapeOf returns the shape of a JSON text.
func shapeOf(js []byte) *factShape {
	h := sha256.New()
	sh := &factShape{}
	last := 0
	scanPositions(js, func(p jsonPos) {
		h.Write(js[last:p.start])
		h.Write(posMark)
		sh.add(p.file, p.line, p.col)
		last = p.end
	})
	h.Write(js[last:])
	h.Sum(sh.skel[:0])
	return sh
}

// scanPositions calls fn for each position object in js, in order. An
// object that starts like one but does not have exactly the three fields
// is not a position (and is left in the text, so that an output hash
// covers it as it is).
func scanPositions(js []byte, fn func(jsonPos)) {
	var last []byte // the last file name, as written, and as a string
	var lastFile string
	for off := 0; ; {
		i := bytes.Index(js[off:], posPrefix)
		if i < 0 {
			return
		}
		start := off + i
		p, ok := parsePosition(js, start, last, lastFile)
		if !ok {
			off = start + len(posPrefix)
			continue
		}
		last, lastFile = js[start+len(posPrefix):p.fileEnd], p.file
		fn(p)
		off = p.end
	}
}

// parsePosition parses the object at js[start:], which starts with
// posPrefix; when its file name is written as last, it is lastFile
// (positions come in runs in one file: one string for the run).
func parsePosition(js []byte, start int, last []byte, lastFile string) (jsonPos, bool) {
	i := start + len(posPrefix) - 1 // the file's opening quote
	j := i + 1
	escaped := false
	for ; j < len(js) && js[j] != '"'; j++ {
		if js[j] == '\\' {
			escaped = true
			j++
		}
	}
	if j >= len(js) {
		return jsonPos{}, false
	}
	var file string
	switch {
	case last != nil && bytes.Equal(js[i+1:j], last):
		file = lastFile
	case escaped:
		if err := json.Unmarshal(js[i:j+1], &file); err != nil {
			return jsonPos{}, false
		}
	default:
		file = string(js[i+1 : j])
	}
	k := j + 1
	line, k, ok := parseField(js, k, `,"line":`)
	if !ok {
		return jsonPos{}, false
	}
	col, k, ok := parseField(js, k, `,"col":`)
	if !ok || k >= len(js) || js[k] != '}' {
		return jsonPos{}, false
	}
	return jsonPos{start: start, end: k + 1, fileEnd: j, file: file, line: line, col: col}, true
}

// parseField parses name (`,"line":`) and the non-negative integer after
// it at js[k:].
func parseField(js []byte, k int, name string) (v, next int, ok bool) {
	if !bytes.HasPrefix(js[k:], []byte(name)) {
		return 0, k, false
	}
	k += len(name)
	e := k
	for e < len(js) && js[e] >= '0' && js[e] <= '9' {
		e++
	}
	if e == k || e-k > 10 {
		return 0, k, false
	}
	v, err := strconv.Atoi(string(js[k:e]))
	return v, e, err == nil
}

// rewritePositions returns js with each position object replaced by what
// fn gives for it (js itself when none changed); ok is false when fn fails
// for one.
func rewritePositions(js []byte, fn func(file string, line, col int) (int, int, bool)) (out []byte, changed, ok bool) {
	last := 0
	failed := false
	scanPositions(js, func(p jsonPos) {
		if failed {
			return
		}
		line, col, ok := fn(p.file, p.line, p.col)
		if !ok {
			failed = true
			return
		}
		if line == p.line && col == p.col {
			return
		}
		if out == nil {
			out = make([]byte, 0, len(js)+16)
		}
		out = append(out, js[last:p.start]...)
		out = appendPosition(out, p.file, line, col)
		last = p.end
	})
	if failed {
		return nil, false, false
	}
	if out == nil {
		return js, false, true
	}
	return append(out, js[last:]...), true, true
}

// appendPosition appends the object encoding/json writes for a
// lineage.Position.
func appendPosition(b []byte, file string, line, col int) []byte {
	f, _ := json.Marshal(file) // a string always marshals
	b = append(b, `{"file":`...)
	b = append(b, f...)
	b = append(b, `,"line":`...)
	b = strconv.AppendInt(b, int64(line), 10)
	b = append(b, `,"col":`...)
	b = strconv.AppendInt(b, int64(col), 10)
	return append(b, '}')
}
