package bench

// pkgSource is the template of one generated library package: user data
// in tagged structs (nested across packages), a wide interface with four
// implementations (memory, HTTP, TCP audit log decorator, endpoint from
// the environment), a deep call chain, closures, generics, goroutines,
// an HTTP handler, calls into the packages below, and computation-only
// filler functions.
const pkgSource = `// Package {{.Name}} is synthetic code written by datagate's benchmark
// generator (internal/bench), layer {{.Layer}}.
package {{.Name}}

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
{{range .Deps}}
	{{.Alias}} "{{.Path}}"
{{- end}}
)

// baseURL is where this package's remote store lives.
const baseURL = "{{.BaseURL}}"

// auditHost collects audit lines over TCP.
const auditHost = "{{.AuditHost}}"

// Address is a postal address.
type Address struct {
	Street string
	City   string
	Zip    string
}

// Profile is this package's view of a user.
type Profile struct {
	ID    int64             {{bq}}json:"id"{{bq}}
	Email string            {{bq}}json:"email" userdata:"contact"{{bq}}
	Name  string            {{bq}}json:"name" userdata:""{{bq}}
	Phone string            {{bq}}json:"-" userdata:"contact"{{bq}}
	Home  Address           {{bq}}json:"home" userdata:"location"{{bq}}
	Tags  []string          {{bq}}json:"tags"{{bq}}
	Attrs map[string]string {{bq}}json:"attrs"{{bq}}
	Score int               {{bq}}json:"score"{{bq}}
{{- if .Deps}}
	Up *{{(first .Deps).Alias}}.Profile {{bq}}json:"up"{{bq}}
{{- end}}
}

// Event is something that happened to a profile.
type Event struct {
	Kind    string
	At      int64
	Subject *Profile
	Labels  map[string]string
}

// Store keeps profiles.
type Store interface {
	Get(ctx context.Context, id int64) (*Profile, error)
	Put(ctx context.Context, p *Profile) error
	List(ctx context.Context, prefix string) ([]*Profile, error)
	Delete(ctx context.Context, id int64) error
	Export(ctx context.Context, w io.Writer) error
	Name() string
}

type memStore struct {
	mu sync.Mutex
	m  map[int64]*Profile
}

func newMemStore() *memStore { return &memStore{m: make(map[int64]*Profile)} }

func (s *memStore) Get(_ context.Context, id int64) (*Profile, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.m[id]
	if !ok {
		return nil, errors.New("{{.Name}}: not found")
	}
	return p, nil
}

func (s *memStore) Put(_ context.Context, p *Profile) error {
	s.mu.Lock()
	s.m[p.ID] = p
	s.mu.Unlock()
	return nil
}

func (s *memStore) List(_ context.Context, prefix string) ([]*Profile, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*Profile
	for _, p := range s.m {
		if strings.HasPrefix(p.Name, prefix) {
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

func (s *memStore) Delete(_ context.Context, id int64) error {
	s.mu.Lock()
	delete(s.m, id)
	s.mu.Unlock()
	return nil
}

func (s *memStore) Export(_ context.Context, w io.Writer) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return json.NewEncoder(w).Encode(s.m)
}

func (s *memStore) Name() string { return "mem" }

type httpStore struct {
	base   string
	client *http.Client
}

func newHTTPStore() *httpStore { return &httpStore{base: baseURL, client: &http.Client{}} }

func (s *httpStore) Get(ctx context.Context, id int64) (*Profile, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.base+"/profiles/"+strconv.FormatInt(id, 10), nil)
	if err != nil {
		return nil, err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var p Profile
	if err := json.NewDecoder(resp.Body).Decode(&p); err != nil {
		return nil, err
	}
	return &p, nil
}

func (s *httpStore) Put(ctx context.Context, p *Profile) error {
	body, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("{{.Name}}: encode: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, s.base+"/profiles", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (s *httpStore) List(ctx context.Context, prefix string) ([]*Profile, error) {
	q := url.Values{}
	q.Set("prefix", prefix)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.base+"/profiles?"+q.Encode(), nil)
	if err != nil {
		return nil, err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out []*Profile
	err = json.NewDecoder(resp.Body).Decode(&out)
	return out, err
}

func (s *httpStore) Delete(ctx context.Context, id int64) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodDelete, fmt.Sprintf("%s/profiles/%d", s.base, id), nil)
	if err != nil {
		return err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (s *httpStore) Export(ctx context.Context, w io.Writer) error {
	ps, err := s.List(ctx, "")
	if err != nil {
		return err
	}
	for _, p := range ps {
		if _, err := fmt.Fprintf(w, "%d,%s\n", p.ID, p.Email); err != nil {
			return err
		}
	}
	return nil
}

func (s *httpStore) Name() string { return "http:" + s.base }

// auditStore logs every change to a TCP collector, then passes it on.
type auditStore struct {
	inner Store
	addr  string
}

func newAuditStore(inner Store) *auditStore {
	return &auditStore{inner: inner, addr: net.JoinHostPort(auditHost, "{{.Port}}")}
}

func (s *auditStore) line(format string, args ...any) error {
	conn, err := net.Dial("tcp", s.addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = fmt.Fprintf(conn, format, args...)
	return err
}

func (s *auditStore) Get(ctx context.Context, id int64) (*Profile, error) { return s.inner.Get(ctx, id) }

func (s *auditStore) Put(ctx context.Context, p *Profile) error {
	if err := s.line("put %d %s\n", p.ID, p.Name); err != nil {
		return err
	}
	return s.inner.Put(ctx, p)
}

func (s *auditStore) List(ctx context.Context, prefix string) ([]*Profile, error) {
	return s.inner.List(ctx, prefix)
}

func (s *auditStore) Delete(ctx context.Context, id int64) error {
	if err := s.line("delete %d\n", id); err != nil {
		return err
	}
	return s.inner.Delete(ctx, id)
}

func (s *auditStore) Export(ctx context.Context, w io.Writer) error { return s.inner.Export(ctx, w) }

func (s *auditStore) Name() string { return "audit(" + s.inner.Name() + ")" }

// envStore is an httpStore whose endpoint comes from the environment.
type envStore struct {
	httpStore
}

func newEnvStore() *envStore {
	return &envStore{httpStore{base: os.Getenv("{{.EnvVar}}"), client: http.DefaultClient}}
}

func (s *envStore) Name() string { return "env" }

// NewStore returns a store of the given kind.
func NewStore(kind int) Store {
	switch kind % 4 {
	case 0:
		return newMemStore()
	case 1:
		return newHTTPStore()
	case 2:
		return newAuditStore(newMemStore())
	default:
		return newEnvStore()
	}
}

func upstreamEmail(p *Profile) string {
{{- if .Deps}}
	if p.Up != nil {
		return p.Up.Email
	}
{{- end}}
	return p.Email
}

// Process runs the profile down the package's call chain.
func Process(ctx context.Context, s Store, p *Profile) error {
	return step0(ctx, s, p, nil)
}
{{range .Steps}}
func step{{.I}}(ctx context.Context, s Store, p *Profile, acc []string) error {
	acc = append(acc, {{.Expr}})
	if len(acc) > {{.Limit}} {
		acc = acc[1:]
	}
	p.Score += len(acc)
	return step{{.Next}}(ctx, s, p, acc)
}
{{end}}
func step{{len .Steps}}(ctx context.Context, s Store, p *Profile, acc []string) error {
	if err := s.Put(ctx, p); err != nil {
		return err
	}
	return notify(ctx, strings.Join(acc, ","))
}

func notify(ctx context.Context, msg string) error {
	form := url.Values{"msg": {msg}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, baseURL+"/notify", strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Notify sends a message to this package's service.
func Notify(ctx context.Context, msg string) error { return notify(ctx, msg) }

// Sync pushes the profile, and what it holds of the packages below.
func Sync(ctx context.Context, p *Profile) error {
	if err := Process(ctx, NewStore(int(p.ID)), p); err != nil {
		return err
	}
{{- range .Deps}}
	if err := {{.Alias}}.Notify(ctx, p.Name); err != nil {
		return err
	}
{{- end}}
{{- if .Deps}}
	if p.Up != nil {
		return {{(first .Deps).Alias}}.Sync(ctx, p.Up)
	}
{{- end}}
	return nil
}
{{if .Deps}}
// Mirror copies the profile into a store of the package below.
func Mirror(ctx context.Context, s {{(first .Deps).Alias}}.Store, p *Profile) error {
	return s.Put(ctx, &{{(first .Deps).Alias}}.Profile{ID: p.ID, Email: p.Email, Name: p.Name})
}
{{end}}
// Fanout syncs the profiles concurrently.
func Fanout(ctx context.Context, ps []*Profile) error {
	var wg sync.WaitGroup
	errs := make(chan error, len(ps))
	for _, p := range ps {
		wg.Add(1)
		go func(p *Profile) {
			defer wg.Done()
			errs <- Sync(ctx, p)
		}(p)
	}
	wg.Wait()
	close(errs)
	var all []error
	for err := range errs {
		if err != nil {
			all = append(all, err)
		}
	}
	return errors.Join(all...)
}

func mapSlice[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func groupBy(ps []*Profile, key func(*Profile) string) map[string][]*Profile {
	out := make(map[string][]*Profile)
	for _, p := range ps {
		k := key(p)
		out[k] = append(out[k], p)
	}
	return out
}

// Summary posts per-city counts and the names.
func Summary(ps []*Profile) error {
	groups := groupBy(ps, func(p *Profile) string { return p.Home.City })
	names := mapSlice(ps, func(p *Profile) string { return p.Name })
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var buf bytes.Buffer
	for _, k := range keys {
		fmt.Fprintf(&buf, "%s=%d\n", k, len(groups[k]))
	}
	buf.WriteString(strings.Join(names, ","))
	resp, err := http.Post("{{.SummaryURL}}", "text/plain", &buf)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Report writes the profiles for an operator (not an exit).
func Report(w io.Writer, ps []*Profile) error {
	for _, p := range ps {
		ev := Event{Kind: "report", At: int64(p.Score), Subject: p, Labels: map[string]string{"city": p.Home.City}}
		if _, err := fmt.Fprintf(w, "%s %s %v\n", ev.Kind, ev.Subject.Name, ev.Labels); err != nil {
			return err
		}
	}
	return nil
}

// Handler serves the package's API.
type Handler struct {
	store Store
	seen  []string
	hooks []func(*Profile) error
}

// NewHandler returns a handler that keeps profiles in s.
func NewHandler(s Store) *Handler {
	h := &Handler{store: s}
	h.hooks = append(h.hooks, h.remember, func(p *Profile) error { return Sync(context.Background(), p) })
	return h
}

func (h *Handler) remember(p *Profile) error {
	h.seen = append(h.seen, p.Email)
	return nil
}

// ServeHTTP stores the profile in the request body.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var p Profile
	if err := json.NewDecoder(r.Body).Decode(&p); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	for _, hook := range h.hooks {
		if err := hook(&p); err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
	}
	if err := h.store.Put(r.Context(), &p); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"id": p.ID, "name": p.Name, "calc": Calc([]int{int(p.ID)}, p.Attrs)})
}
{{range .Fillers}}
func calc{{.I}}(xs []int, m map[string]string) (int, string) {
	total := {{.I}}
	for i, x := range xs {
		switch {
		case x%{{.A}} == 0:
			total += x * i
		case x > {{.B}}:
			total -= x
		default:
			total ^= x << 1
		}
	}
	keys := make([]string, 0, len(m))
	for k, v := range m {
		if len(v) > total%{{.A}} {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return total, strings.Join(keys, "|")
}
{{end}}
// Calc runs the package's computations.
func Calc(xs []int, m map[string]string) int {
	sum := 0
	{{- range .Fillers}}
	if n, s := calc{{.I}}(xs, m); len(s) > 0 {
		sum += n
	}
	{{- end}}
	return sum
}
`

// mainSource is the template of the generated module's main package,
// which wires the top layer's handlers and stores together.
const mainSource = `// Command server is synthetic code written by datagate's benchmark
// generator (internal/bench): it wires the top layer's packages together.
package main

import (
{{- if .Shapes}}
	"bytes"
	"strings"
{{end}}
	"context"
	"fmt"
	"net/http"
	"os"
{{range .Top}}
	{{.Alias}} "{{.Path}}"
{{- end}}
{{- if .Shapes}}

	"example.com/synth/shapes/api"
	"example.com/synth/shapes/decor"
	"example.com/synth/shapes/giant"
	"example.com/synth/shapes/pb"
	"example.com/synth/shapes/table"
{{- end}}
)

func main() {
	ctx := context.Background()
	mux := http.NewServeMux()
{{- range $i, $t := .Top}}
	mux.Handle("/{{$t.Alias}}/", {{$t.Alias}}.NewHandler({{$t.Alias}}.NewStore({{$i}})))
	if err := {{$t.Alias}}.Sync(ctx, &{{$t.Alias}}.Profile{Email: os.Getenv("EMAIL")}); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
{{- end}}
{{- if .Shapes}}
	shapes(ctx, &{{(index .Top 0).Alias}}.Profile{Email: os.Getenv("EMAIL")})
{{- end}}
	if err := http.ListenAndServe(":8080", mux); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
{{if .Shapes}}{{shapesMain (index .Top 0).Alias}}{{end}}`
