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
// compressed with S2 (github.com/klauspost/compress/s2, one block per
// fact: at its default level by Encode, at its best by EncodeSmall, for
// facts written once and read by every package above): a summary's steps
// repeat long file names and descriptions. The facts files of kratos's
// ./x and its dependencies (666 go vet units) took 302 MB as gob and
// 56 MB deflated (measured before summaries travelled without steps and
// a type's methods as one fact). The standalone driver keeps the facts of
// its run encoded the same way until a package asks for them.
//
// S2, not compress/flate (which this package used before): on 1,465
// summary and method-set facts of a kratos scan (56 MB of JSON), S2
// compressed them to 2.30 MB in 33 ms and decompressed them in 13 ms,
// where flate at its fastest level made 3.31 MB in 207 ms and took 87 ms
// to inflate; at their best, 1.79 MB (S2) against 1.92 MB (flate's
// default level). Compressing and inflating facts had been 2.5% of a
// kratos scan's CPU and 4% of the generated 1000-package module's.
package lazyfact

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sync"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/klauspost/compress/s2"
)

// scratch keeps the buffers facts are compressed into and decompressed
// into, for reuse. S2 compresses into room for the worst case (the input's
// size and more), from which the encoding that stays (a run keeps every
// fact encoded) is copied at its own size: kept in S2's buffer, each fact
// held its JSON's size, and the generated 1000-package module collected
// twice as often (139 against 62 times, 51 s against 28 s). Decode reads
// each fact's JSON into one (a new slice per fact was, with flate's
// inflaters before S2, 4% of what that module's scan allocated). Scratch
// memory only: Unmarshal copies what it keeps.
var scratch = sync.Pool{New: func() any { return new([]byte) }}

// maxScratch is the largest buffer given back to scratch: a rare giant
// fact's is left to the collector.
const maxScratch = 1 << 20

// putScratch gives b, a buffer that came from bp, back to scratch.
func putScratch(bp *[]byte, b []byte) {
	if cap(b) <= maxScratch {
		*bp = b[:0]
		scratch.Put(bp)
	}
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

// Encode is the encoding a Cell decodes: v's JSON, compressed.
func Encode(v any) ([]byte, error) { return encode(v, s2.Encode) }

// EncodeSmall is Encode compressed harder (S2's best level), for what is
// written once and read many times: on kratos's facts, 1.79 MB against
// Encode's 2.30 MB, in 548 ms against 33 ms; decompressing costs the same.
// Decode decodes both.
func EncodeSmall(v any) ([]byte, error) { return encode(v, s2.EncodeBest) }

// encode is v's JSON, compressed by compress.
func encode(v any, compress func(dst, src []byte) []byte) ([]byte, error) {
	js, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return compressWith(compress, js)
}

// Compress compresses a JSON text as Encode does: Compress of v's JSON is
// Encode(v). (The cache rewrites the positions an encoded fact holds in
// the text, not in the value: see the driver's relocate.)
func Compress(js []byte) ([]byte, error) { return compressWith(s2.Encode, js) }

// compressWith returns js compressed by compress, in a slice of its size.
func compressWith(compress func(dst, src []byte) []byte, js []byte) ([]byte, error) {
	n := s2.MaxEncodedLen(len(js))
	if n < 0 {
		return nil, fmt.Errorf("compressing: %d bytes of JSON, more than S2 encodes in one block", len(js))
	}
	bp := scratch.Get().(*[]byte)
	buf := slices.Grow(*bp, n)[:n]
	out := bytes.Clone(compress(buf, js))
	putScratch(bp, buf)
	return out, nil
}

// Decompress returns the JSON text that Encode, EncodeSmall or Compress
// compressed, in a slice of its own.
func Decompress(data []byte) ([]byte, error) { return decompress(nil, data) }

// decompress decompresses data into buf, grown if it is too small.
func decompress(buf, data []byte) ([]byte, error) {
	n, err := s2.DecodedLen(data)
	if err != nil {
		return nil, fmt.Errorf("decompressing: %w", err)
	}
	out, err := s2.Decode(slices.Grow(buf[:0], n)[:n], data)
	if err != nil {
		return nil, fmt.Errorf("decompressing: %w", err)
	}
	return out, nil
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
	bp := scratch.Get().(*[]byte)
	js, err := decompress(*bp, data)
	if err != nil {
		putScratch(bp, *bp)
		return err
	}
	defer putScratch(bp, js)
	return jsonv2.Unmarshal(js, v)
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
