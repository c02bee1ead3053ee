// Package lazyfact keeps a fact's content encoded until an analysis reads
// it.
//
// Under go vet (unitchecker) every package's facts file carries, besides
// its own facts, the facts about methods and fields of every package
// below it, and each package decodes all of them from its direct imports
// and encodes them again for its importers: gob-decoding and re-encoding
// the summaries of a thousand packages' methods in every one of a
// service's packages grew with the size of the graph below it: a cold
// go vet -vettool of kratos took 1,475 s, 330 s with the facts kept
// encoded (./x alone: 72 s, 51 s). A fact type that keeps a *Cell and
// implements GobEncode/GobDecode with it passes its bytes through
// untouched and decodes only what the package asks for (a handful of
// callees). The standalone driver's cache encodes each fact the same way
// (Encode, Decode).
//
// The bytes are JSON (as the standalone driver's cache keeps facts),
// deflated (compress/flate, one stream per fact: at BestSpeed by Encode,
// at the default level by EncodeSmall, for facts written once and read by
// every package above): a summary's steps repeat long file names and
// descriptions. The facts files of kratos's ./x and its dependencies (666
// go vet units) took 302 MB as gob and 56 MB so (measured before
// summaries travelled without steps and a type's methods as one fact).
// The standalone driver keeps the facts of its run encoded the same way
// until a package asks for them.
package lazyfact

import (
	"bytes"
	"compress/flate"
	"encoding/json"
	"fmt"
	"io"
	"sync"

	jsonv2 "github.com/go-json-experiment/json"
)

// writers and smallWriters keep deflate compressors (BestSpeed, for
// Encode; the default level, for EncodeSmall) for reuse, as encoding/json
// keeps its encode states: a new one allocates 1.2 MB and takes 0.7 ms,
// which per fact would be most of the encoding; a reset one takes
// microseconds. They hold scratch memory only, nothing a result depends
// on.
var (
	writers      = writerPool(flate.BestSpeed)
	smallWriters = writerPool(flate.DefaultCompression)
)

// readers keeps inflaters (flate.Resetter) and inflated the buffers
// Decode unmarshals from, for reuse as writers keeps compressors: a new
// inflater allocates a 32 KB window, and reading a fact into a fresh
// slice grows it from 512 bytes up (together 4% of what the generated
// 1000-package module's scan allocated). Scratch memory only: Unmarshal
// copies what it keeps.
var (
	readers  = sync.Pool{New: func() any { return flate.NewReader(bytes.NewReader(nil)) }}
	inflated = sync.Pool{New: func() any { return new(bytes.Buffer) }}
)

// maxPooledBuffer is the largest buffer Decode gives back for reuse: a
// rare giant fact's is left to the collector.
const maxPooledBuffer = 1 << 20

func writerPool(level int) *sync.Pool {
	return &sync.Pool{New: func() any {
		w, err := flate.NewWriter(nil, level)
		if err != nil {
			panic(err) // both levels are valid
		}
		return w
	}}
}

// Cell holds a value of type T as it was received, encoded, and decodes
// it on first use. A fact struct keeps a *Cell; copies of the fact (the
// analysis framework copies a fact into the importer's variable) share
// it, so each fact decodes once.
type Cell[T any] struct {
	once sync.Once
	data []byte
	val  T
	err  error
}

// Encode is the encoding a Cell decodes: v's JSON, deflated.
func Encode(v any) ([]byte, error) { return encode(v, writers) }

// EncodeSmall is Encode compressed harder (compress/flate's default
// level), for what is written once and read many times: on the method
// summaries of kratos's ./driver and its dependencies, one document per
// type (5,118), 3.2 MB against Encode's 4.6 MB, in 0.43 s against 0.21 s.
// Decode decodes both.
func EncodeSmall(v any) ([]byte, error) { return encode(v, smallWriters) }

// encode is v's JSON, deflated by a writer of pool.
func encode(v any, pool *sync.Pool) ([]byte, error) {
	js, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return deflate(js, pool)
}

// Compress deflates a JSON text as Encode does: Compress of v's JSON is
// Encode(v). (The cache rewrites the positions an encoded fact holds in
// the text, not in the value: see the driver's relocate.)
func Compress(js []byte) ([]byte, error) { return deflate(js, writers) }

// Inflate returns the JSON text that Encode or EncodeSmall deflated.
func Inflate(data []byte) ([]byte, error) { return inflate(data) }

func deflate(js []byte, pool *sync.Pool) ([]byte, error) {
	var buf bytes.Buffer
	w := pool.Get().(*flate.Writer)
	defer pool.Put(w)
	w.Reset(&buf)
	if _, err := w.Write(js); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Decode decodes data, as Encode encoded it, into what v points to.
//
// The JSON, which encoding/json wrote, is read with the decoder of
// github.com/go-json-experiment/json (the implementation proposed as
// encoding/json/v2): on kratos's facts (1,465 summaries and method sets,
// 58 MB of JSON) it took 0.20 s and 68 MB against encoding/json's 0.56 s
// and 101 MB, the same values (reflect.DeepEqual); decoding facts had
// been 5.6% of a kratos scan's CPU. Its defaults are stricter than
// encoding/json's (names matched by case, no duplicate names, valid
// UTF-8), which what encoding/json writes from the same types always
// meets. TestDecodeAsEncodingJSON holds the two to the same values.
func Decode(data []byte, v any) error {
	buf := inflated.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= maxPooledBuffer {
			inflated.Put(buf)
		}
	}()
	buf.Reset()
	if err := inflateTo(buf, data); err != nil {
		return err
	}
	return jsonv2.Unmarshal(buf.Bytes(), v)
}

// inflate undoes encode's deflating.
func inflate(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	if err := inflateTo(&buf, b); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// inflateTo appends what b inflates to to buf.
func inflateTo(buf *bytes.Buffer, b []byte) error {
	r := readers.Get().(io.ReadCloser)
	defer readers.Put(r)
	if err := r.(flate.Resetter).Reset(bytes.NewReader(b), nil); err != nil {
		return fmt.Errorf("inflating: %w", err)
	}
	if _, err := buf.ReadFrom(r); err != nil {
		return fmt.Errorf("inflating: %w", err)
	}
	return nil
}

// Received returns a Cell for the encoded value b, which it copies (gob
// reuses its buffer).
func Received[T any](b []byte) *Cell[T] { return &Cell[T]{data: bytes.Clone(b)} }

// Data returns the encoded value, as received.
func (c *Cell[T]) Data() []byte { return c.data }

// Value decodes the value on the first call and returns it; the encoded
// bytes stay, for the facts that pass the value on.
func (c *Cell[T]) Value() (*T, error) {
	c.once.Do(func() { c.err = Decode(c.data, &c.val) })
	if c.err != nil {
		return nil, c.err
	}
	return &c.val, nil
}
