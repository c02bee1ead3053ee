package driver

import (
	"encoding/json"
	"slices"
	"testing"
)

type testPos struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
}

// TestScanPositions: the position objects encoding/json writes are found,
// file names with escapes included; objects that only start like one are
// not positions.
func TestScanPositions(t *testing.T) {
	doc := struct {
		A    testPos
		B    []testPos
		Text string
		Not  map[string]any
	}{
		A:    testPos{"/a/b.go", 3, 9},
		B:    []testPos{{`/a/"q"\x.go`, 12, 1}, {"", 0, 0}, {"/a/<&>.go", 7, 40}},
		Text: `{"file":"/fake.go","line":1,"col":1}`,
		Not:  map[string]any{"x": map[string]any{"file": "/n.go", "line": 2}},
	}
	js, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var got []testPos
	scanPositions(js, func(p jsonPos) {
		if string(js[p.start]) != "{" || js[p.end-1] != '}' {
			t.Errorf("position %v spans %q", p, js[p.start:p.end])
		}
		got = append(got, testPos{p.file, p.line, p.col})
	})
	want := []testPos{doc.A, doc.B[0], doc.B[1], doc.B[2]}
	if !slices.Equal(got, want) {
		t.Errorf("found %v\nwant %v\nin %s", got, want, js)
	}
}

// TestRewritePositions: positions are replaced as the function says, the
// text around them kept; a text with nothing to change is returned as
// it is; a failure fails the whole.
func TestRewritePositions(t *testing.T) {
	js, _ := json.Marshal([]testPos{{"/a.go", 1, 2}, {"/b.go", 3, 4}, {"/a.go", 10, 1}})
	out, changed, ok := rewritePositions(js, func(file string, line, col int) (int, int, bool) {
		if file == "/a.go" {
			return line + 100, col, true
		}
		return line, col, true
	})
	var got []testPos
	if err := json.Unmarshal(out, &got); err != nil || !ok || !changed {
		t.Fatalf("rewrite gave %s (%v, changed %v, ok %v)", out, err, changed, ok)
	}
	if want := []testPos{{"/a.go", 101, 2}, {"/b.go", 3, 4}, {"/a.go", 110, 1}}; !slices.Equal(got, want) {
		t.Errorf("rewritten %v, want %v", got, want)
	}
	same, changed, ok := rewritePositions(js, func(_ string, line, col int) (int, int, bool) { return line, col, true })
	if !ok || changed || &same[0] != &js[0] {
		t.Errorf("an identity rewrite changed %v, ok %v", changed, ok)
	}
	if _, _, ok := rewritePositions(js, func(file string, _, _ int) (int, int, bool) { return 0, 0, file != "/b.go" }); ok {
		t.Error("a failed position did not fail the rewrite")
	}
}

// TestPosList: a list is sorted and distinct, and ranks its positions.
func TestPosList(t *testing.T) {
	l := make(posList)
	for _, p := range [][2]int{{9, 1}, {3, 5}, {3, 2}, {9, 1}, {100000, 70000}} {
		l.add("f.go", mkFilePos(p[0], p[1]))
	}
	l.sortUnique()
	if len(l["f.go"]) != 4 {
		t.Fatalf("list %v, want 4 distinct", l["f.go"])
	}
	for i, p := range [][2]int{{3, 2}, {3, 5}, {9, 1}, {100000, 70000}} {
		r, ok := l.rank("f.go", mkFilePos(p[0], p[1]))
		if !ok || r != i {
			t.Errorf("rank of %v = %d, %v; want %d", p, r, ok, i)
		}
		if q := l["f.go"][i]; q.line() != p[0] || q.col() != p[1] {
			t.Errorf("list[%d] = %d:%d, want %v", i, q.line(), q.col(), p)
		}
	}
	if _, ok := l.rank("f.go", mkFilePos(4, 1)); ok {
		t.Error("a position not in the list has a rank")
	}
}
