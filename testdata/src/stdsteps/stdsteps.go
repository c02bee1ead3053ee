// Package stdsteps checks standard-library steps that the model tables
// (knowledge/std_*.go) describe and that need more than "the result holds
// the arguments": a logger over a buffer, scanning into variables, readers
// filling a buffer, writers fanning out, callbacks handed data by the
// library, variables written through while still zero, and pools, which
// carry nothing by design.
package stdsteps

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing/fstest"
)

const tracker = "https://api.mixpanel.com/track"

type Member struct {
	Email string `userdata:"contact"`
	Phone string `userdata:"contact"`
	Tier  int
}

// A logger made over a buffer writes into it; the buffer is then posted.
func auditTrail(m *Member) {
	var trail bytes.Buffer
	lg := log.New(&trail, "audit ", 0)
	lg.Printf("member %s upgraded", m.Email)
	http.Post(tracker, "text/plain", &trail) // want `disallowed-region: User data stdsteps.Member.Email \(contact\) is sent to api.mixpanel.com in US`
}

// A logger kept in a field writes where it was made to (standard error
// here): logging through it does not make its owner hold user data.
type worker struct {
	lg   *log.Logger
	Name string
}

func newWorker() *worker { return &worker{lg: log.New(os.Stderr, "worker ", 0), Name: "w1"} }

func (w *worker) handle(m *Member) {
	w.lg.Printf("handling %s", m.Email)
	b, _ := json.Marshal(w)
	http.Post(tracker, "application/json", bytes.NewReader(b))
}

// Package-level logging goes to standard error and carries nothing on.
func stderrOnly(m *Member) {
	log.Printf("member %s upgraded", m.Email)
	http.Post(tracker, "text/plain", strings.NewReader("upgraded"))
}

// Scanning fills the variables the arguments point to.
func scanned(m *Member) {
	var user, domain string
	fmt.Sscanf(strings.Replace(m.Email, "@", " ", 1), "%s %s", &user, &domain)
	http.Post(tracker, "text/plain", strings.NewReader(domain)) // want `disallowed-region: User data stdsteps.Member.Email \(contact\) is sent to api.mixpanel.com in US`
}

// A reader fills the buffer it is given.
func readInto(m *Member) {
	r := strings.NewReader(m.Phone)
	buf := make([]byte, 16)
	n, _ := io.ReadFull(r, buf)
	http.Post(tracker, "text/plain", bytes.NewReader(buf[:n])) // want `disallowed-region: User data stdsteps.Member.Phone \(contact\) is sent to api.mixpanel.com in US`
}

// Writing into a MultiWriter writes into each of its writers.
func fanOut(m *Member) {
	var copyA, copyB bytes.Buffer
	w := io.MultiWriter(&copyA, &copyB)
	io.WriteString(w, m.Email)
	http.Post(tracker, "text/plain", &copyB) // want `disallowed-region: User data stdsteps.Member.Email \(contact\) is sent to api.mixpanel.com in US`
}

// (*sync.Map).Range hands each stored value to its callback.
func rangeCache(cache *sync.Map, m *Member) {
	cache.Store(m.Tier, m.Phone)
	cache.Range(func(k, v any) bool {
		http.Post(tracker, "text/plain", strings.NewReader(v.(string))) // want `disallowed-region: User data stdsteps.Member.Phone \(contact\) is sent to api.mixpanel.com in US`
		return true
	})
}

// fs.WalkDir hands the walked file system's paths to its callback; a
// named function as the callback.
func walkExports(m *Member) {
	fsys := fstest.MapFS{m.Email + ".json": &fstest.MapFile{}}
	fs.WalkDir(fsys, ".", postPath)
}

func postPath(path string, d fs.DirEntry, err error) error {
	http.Post(tracker, "text/plain", strings.NewReader(path)) // want `disallowed-region: User data stdsteps.Member.Email \(contact\) is sent to api.mixpanel.com in US`
	return nil
}

// A variable declared without a value and written through by a call (a
// nil writer here, which a real program must not write to) is read back
// where the same variable is used again: SSA gives the uses that the
// first one dominates one zero constant.
func zeroVar(m *Member) {
	var w io.Writer
	io.WriteString(w, m.Email)
	post(w)
}

func post(w io.Writer) {
	if b, ok := w.(*bytes.Buffer); ok {
		http.Post(tracker, "text/plain", b) // want `disallowed-region: User data stdsteps.Member.Email \(contact\) is sent to api.mixpanel.com in US`
	}
}

// A pool hands out objects its users reset: what one user put back is not
// what another gets (knowledge/std_sync.go).
var scratch = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func pooled(m *Member) {
	b := scratch.Get().(*bytes.Buffer)
	b.WriteString(m.Email)
	scratch.Put(b)
}

func fromPool() {
	b := scratch.Get().(*bytes.Buffer)
	b.Reset()
	b.WriteString("tier change")
	http.Post(tracker, "text/plain", b)
	scratch.Put(b)
}

// Bytes decoded into a value whose type holds user-data fields are their
// serialised form: forwarding the raw bytes sends those fields.
func forwardRaw(raw []byte) {
	var m Member
	if err := json.Unmarshal(raw, &m); err != nil {
		return
	}
	http.Post(tracker, "application/json", bytes.NewReader(raw)) // want `disallowed-region: User data stdsteps.Member.Email \(contact\) and stdsteps.Member.Phone \(contact\) is sent to api.mixpanel.com in US`
}

// Decoding into a type without user-data fields says nothing of the bytes.
type settings struct{ Theme string }

func forwardSettings(raw []byte) {
	var s settings
	json.Unmarshal(raw, &s)
	http.Post(tracker, "application/json", bytes.NewReader(raw))
}
