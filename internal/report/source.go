package report

import (
	"os"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// sources reads source files for one Write call and remembers them: column
// conversion needs their lines, fingerprints their line hashes. It lives no
// longer than the call.
type sources struct {
	files map[string]*sourceFile
}

type sourceFile struct {
	text   string
	starts []int    // byte offset of each line (go/token's lines: split at \n)
	hashes []string // GitHub line hashes, computed on first use
	ok     bool     // the file could be read
}

func newSources() *sources { return &sources{files: make(map[string]*sourceFile)} }

// get returns the file at path, reading it once. An unreadable file gives a
// sourceFile with ok false.
func (s *sources) get(path string) *sourceFile {
	if f, ok := s.files[path]; ok {
		return f
	}
	f := &sourceFile{}
	if data, err := os.ReadFile(path); err == nil {
		f.text, f.ok = string(data), true
		f.starts = []int{0}
		for i := 0; i < len(f.text); i++ {
			if f.text[i] == '\n' {
				f.starts = append(f.starts, i+1)
			}
		}
	}
	s.files[path] = f
	return f
}

// line returns line n (1-based) without its line ending.
func (f *sourceFile) line(n int) (string, bool) {
	if !f.ok || n < 1 || n > len(f.starts) {
		return "", false
	}
	end := len(f.text)
	if n < len(f.starts) {
		end = f.starts[n] - 1
	}
	return strings.TrimSuffix(f.text[f.starts[n-1]:end], "\r"), true
}

// utf16Col converts a 1-based byte column on line n to a 1-based column in
// UTF-16 code units. Without the line's text the column is returned as is.
func (f *sourceFile) utf16Col(n, byteCol int) int {
	text, ok := f.line(n)
	if !ok || byteCol < 1 {
		return byteCol
	}
	return utf16Column(text, byteCol)
}

// utf16Column converts a 1-based byte column in line to UTF-16 code units.
// Bytes past the end of the line count one unit each.
func utf16Column(line string, byteCol int) int {
	prefix := byteCol - 1
	extra := 0
	if prefix > len(line) {
		extra = prefix - len(line)
		prefix = len(line)
	}
	units := 0
	for _, r := range line[:prefix] {
		// Invalid UTF-8 decodes to U+FFFD, one unit, as a UTF-8 decoder
		// reading the file would give.
		units += utf16.RuneLen(r)
	}
	return units + extra + 1
}

// lineHash returns GitHub's primaryLocationLineHash for line n, or "".
func (f *sourceFile) lineHash(n int) string {
	if !f.ok {
		return ""
	}
	if f.hashes == nil {
		f.hashes = lineHashes(f.text)
	}
	if n < 1 || n > len(f.hashes) {
		return ""
	}
	return f.hashes[n-1]
}

// The line hash of github/codeql-action (src/fingerprints.ts, function
// hash), which the upload-sarif action computes for results that lack a
// primaryLocationLineHash. Writing the same value ourselves keeps alerts
// matched across runs whether or not the action recomputes it.
//
// The file is read as UTF-16 code units. Spaces and tabs are skipped; \r\n
// and \r become \n. A rolling hash (multiplier 37, arithmetic modulo 2^64)
// runs over a window of the next 100 remaining units; the hash of a line is
// the window's hash when the window starts at the line's first unit. After
// the text come one unit 65535 (end of file) and zeros to fill the last
// windows, so a file that ends with a newline has one more, empty line. Each
// hash is written in lower-case hex without leading zeros, followed by ":n",
// n counting the lines with that same hash so far.
const (
	hashWindow = 100
	hashMod    = 37
	hashEOF    = 65535
)

// lineHashes returns the line hash of every line of text: element i is the
// hash of line i+1.
func lineHashes(text string) []string {
	var firstMod uint64 = 1
	for range hashWindow {
		firstMod *= hashMod
	}
	var (
		window      [hashWindow]uint64
		lineNumbers [hashWindow]int
		hashRaw     uint64
		index       int
		lineNumber  int
		lineStart   = true
		prevCR      bool
		counts      = make(map[uint64]int)
		out         []string
	)
	for i := range lineNumbers {
		lineNumbers[i] = -1
	}
	outputHash := func() {
		counts[hashRaw]++
		for len(out) < lineNumbers[index] {
			out = append(out, "")
		}
		out[lineNumbers[index]-1] = strconv.FormatUint(hashRaw, 16) + ":" + strconv.Itoa(counts[hashRaw])
		lineNumbers[index] = -1
	}
	updateHash := func(current uint64) {
		begin := window[index]
		window[index] = current
		hashRaw = hashMod*hashRaw + current - firstMod*begin
		index = (index + 1) % hashWindow
	}
	process := func(current uint64) {
		if current == ' ' || current == '\t' || (prevCR && current == '\n') {
			prevCR = false
			return
		}
		if current == '\r' {
			current = '\n'
			prevCR = true
		} else {
			prevCR = false
		}
		if lineNumbers[index] != -1 {
			outputHash()
		}
		if lineStart {
			lineStart = false
			lineNumber++
			lineNumbers[index] = lineNumber
		}
		if current == '\n' {
			lineStart = true
		}
		updateHash(current)
	}
	for _, r := range text {
		if r1, r2 := utf16.EncodeRune(r); r1 != utf8.RuneError {
			process(uint64(r1)) // a surrogate pair
			process(uint64(r2))
			continue
		}
		process(uint64(r))
	}
	process(hashEOF)
	for range hashWindow {
		if lineNumbers[index] != -1 {
			outputHash()
		}
		updateHash(0)
	}
	return out
}
