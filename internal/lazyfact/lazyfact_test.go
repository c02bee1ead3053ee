package lazyfact

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"sync"
	"testing"
)

type payload struct {
	Name  string
	Items []string
	Raw   []byte
}

func sized(n int, tag string) payload {
	p := payload{Name: tag, Raw: []byte(tag)}
	for i := range n {
		p.Items = append(p.Items, strings.Repeat(tag, i%7+1))
	}
	return p
}

// TestDecodeReuse decodes values of very different sizes one after
// another and from several goroutines at once: the buffers
// Decode reuses must never leak one value's bytes into the next (a large
// value then a small one, a value past maxPooledBuffer), and what it
// decoded must stay as it was after the buffer is reused.
func TestDecodeReuse(t *testing.T) {
	var vals []payload
	for i, n := range []int{3, 20000, 1, 0, 5000, 2, 300000} {
		vals = append(vals, sized(n, string(rune('a'+i))))
	}
	enc := make([][]byte, len(vals))
	for i, v := range vals {
		var err error
		if i%2 == 0 {
			enc[i], err = Encode(v)
		} else {
			enc[i], err = EncodeSmall(v)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	var kept []payload
	for range 3 {
		for i := range vals {
			var got payload
			if err := Decode(enc[i], &got); err != nil {
				t.Fatal(err)
			}
			kept = append(kept, got)
		}
	}
	for i, got := range kept {
		want := vals[i%len(vals)]
		if got.Name != want.Name || len(got.Items) != len(want.Items) || !bytes.Equal(got.Raw, want.Raw) {
			t.Fatalf("value %d decoded as %q with %d items, want %q with %d", i, got.Name, len(got.Items), want.Name, len(want.Items))
		}
		for j := range got.Items {
			if got.Items[j] != want.Items[j] {
				t.Fatalf("value %d item %d: %q, want %q", i, j, got.Items[j], want.Items[j])
			}
		}
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for k := range 50 {
				i := (g + k) % len(vals)
				var got payload
				if err := Decode(enc[i], &got); err != nil || got.Name != vals[i].Name || len(got.Items) != len(vals[i].Items) {
					t.Errorf("concurrent decode of value %d: %q, %d items, %v", i, got.Name, len(got.Items), err)
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestDecompressOwned: Decompress's result is the caller's, not a buffer reused
// by the next call; a damaged encoding is an error, and does not spoil the
// next one.
func TestDecompressOwned(t *testing.T) {
	a, _ := Encode(sized(10, "x"))
	b, _ := Encode(sized(10, "y"))
	ja, err := Decompress(a)
	if err != nil {
		t.Fatal(err)
	}
	keep := bytes.Clone(ja)
	if _, err := Decompress(b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ja, keep) {
		t.Error("a later Decompress changed an earlier result")
	}
	var p payload
	if err := Decode(a[:len(a)/2], &p); err == nil {
		t.Error("a truncated encoding decoded without an error")
	}
	if err := Decode([]byte{0xff, 0xff, 0xff}, &p); err == nil {
		t.Error("garbage decoded without an error")
	}
	if err := Decode(b, &p); err != nil || p.Name != "y" {
		t.Errorf("after a failed decode: %q, %v", p.Name, err)
	}
}

type inner struct {
	A string `json:"a,omitempty"`
	B int    `json:"b"`
}

type tricky struct {
	inner                           // embedded: its fields inline
	Ptr     *inner                  `json:"ptr,omitempty"`
	Nil     []string                // null
	Empty   []string                // []
	Map     map[string]*inner       `json:"map"`
	Nested  map[string][]inner      `json:"nested,omitzero"`
	HTML    string                  // encoding/json escapes <, > and &
	Bad     string                  // invalid UTF-8, written as U+FFFD
	Uni     string                  // non-ASCII, a line separator
	Bytes   []byte                  // base64
	Any     any                     // a number in an interface
	Floats  []float64               `json:"floats"`
	Flag    bool                    `json:"flag,omitempty"`
	Arr     [2]int                  `json:"arr"`
	Skipped string                  `json:"-"`
	Deep    map[string]map[int]bool `json:"deep"`
}

// TestDecodeAsEncodingJSON: Decode, which reads with another JSON decoder
// than the encoding/json that Encode writes with, gives the values
// encoding/json gives, for the shapes fact types use and some they might.
func TestDecodeAsEncodingJSON(t *testing.T) {
	in := tricky{
		inner:  inner{A: "a", B: 2},
		Ptr:    &inner{B: 3},
		Empty:  []string{},
		Map:    map[string]*inner{"x": {A: "x"}, "nil": nil},
		Nested: map[string][]inner{"k": {{A: "1"}, {B: 2}}},
		HTML:   "<a href=\"x\">&</a>",
		Bad:    "ok\xffok",
		Uni:    "é\u2028ü",
		Bytes:  []byte{0, 1, 2, 255},
		Any:    1.5,
		Floats: []float64{0, -1e-7, 3},
		Arr:    [2]int{4, 5},
		Deep:   map[string]map[int]bool{"d": {1: true, -2: false}},
	}
	for _, enc := range []func(any) ([]byte, error){Encode, EncodeSmall} {
		data, err := enc(in)
		if err != nil {
			t.Fatal(err)
		}
		js, err := Decompress(data)
		if err != nil {
			t.Fatal(err)
		}
		var want, got tricky
		if err := json.Unmarshal(js, &want); err != nil {
			t.Fatal(err)
		}
		if err := Decode(data, &got); err != nil {
			t.Fatalf("Decode: %v\n%s", err, js)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Decode = %+v\nencoding/json = %+v", got, want)
		}
	}
}

// TestEncodedSize: what Encode, EncodeSmall and Compress return holds
// about its own size, not the compressor's worst-case buffer (the input's
// size and more): a run keeps every fact encoded, and kept in that buffer
// each held its JSON's size (the generated 1000-package module collected
// twice as often).
func TestEncodedSize(t *testing.T) {
	v := sized(5000, "repeated text ")
	js, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	for name, enc := range map[string]func() ([]byte, error){
		"Encode":      func() ([]byte, error) { return Encode(v) },
		"EncodeSmall": func() ([]byte, error) { return EncodeSmall(v) },
		"Compress":    func() ([]byte, error) { return Compress(js) },
	} {
		out, err := enc()
		if err != nil {
			t.Fatal(err)
		}
		if len(out) > len(js)/4 {
			t.Fatalf("%s: %d bytes from %d of repetitive JSON: not compressed?", name, len(out), len(js))
		}
		if cap(out) > 2*len(out)+64 {
			t.Errorf("%s: %d bytes in a slice of capacity %d (the JSON: %d bytes)", name, len(out), cap(out), len(js))
		}
	}
}
