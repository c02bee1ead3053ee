package lazyfact

import (
	"bytes"
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
// another and from several goroutines at once: the inflaters and buffers
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

// TestInflateOwned: Inflate's result is the caller's, not a buffer reused
// by the next call; a damaged encoding is an error, and does not spoil the
// inflater for the next one.
func TestInflateOwned(t *testing.T) {
	a, _ := Encode(sized(10, "x"))
	b, _ := Encode(sized(10, "y"))
	ja, err := Inflate(a)
	if err != nil {
		t.Fatal(err)
	}
	keep := bytes.Clone(ja)
	if _, err := Inflate(b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ja, keep) {
		t.Error("a later Inflate changed an earlier result")
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
