// Package plumbing: a handler in the style of large services, with a
// dependency container whose implementation is wired in elsewhere, a
// response writer it answers on, and a request context that middleware
// fills. Answering the caller, and putting data into the context, must not
// make the container's configuration or the context's other contents user
// data.
package plumbing

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
)

type User struct {
	ID    string
	Email string `json:"email" userdata:"contact"`
}

type Config interface {
	ProviderURL(ctx context.Context) string
	Timeout() int
}

type Writer interface {
	Write(w http.ResponseWriter, r *http.Request, v any)
}

// Deps is the container; main wires in its implementation.
type Deps interface {
	Config() Config
	Writer() Writer
}

type Strategy struct {
	d Deps
}

type ctxKey int

const userKey ctxKey = 0

func (s *Strategy) Handle(w http.ResponseWriter, r *http.Request, u *User) {
	// Answering the caller, three ways.
	json.NewEncoder(w).Encode(u)
	fmt.Fprintf(w, "hello %s", u.Email)
	s.d.Writer().Write(w, r, u)

	// Middleware-style: the user goes into the context.
	ctx := context.WithValue(r.Context(), userKey, u.Email)

	// Later, the configuration is read through the container and the
	// context: neither carries the user.
	target := s.d.Config().ProviderURL(ctx)
	http.Post(target, "text/plain", strings.NewReader("ping"))
	resp, err := http.Get(target + "/health")
	if err == nil {
		resp.Body.Close()
	}

	// What really carries the user is still followed.
	if e, ok := ctx.Value(userKey).(string); ok {
		http.Post("https://api.mixpanel.com/track", "text/plain", strings.NewReader(e)) // want `disallowed-region.*plumbing.User.Email`
	}
	http.Post(target, "text/plain", strings.NewReader(u.Email)) // want `unresolved-endpoint.*plumbing.User.Email`
}

// A recorder that wraps the response writer is answering too.
type recorder struct {
	http.ResponseWriter
	status int
}

func (r *recorder) WriteHeader(code int) { r.status = code; r.ResponseWriter.WriteHeader(code) }

type Session struct {
	rec  *recorder
	peer string
}

func (s *Session) Answer(u *User) {
	fmt.Fprint(s.rec, u.Email)
	http.Post(s.peer, "text/plain", strings.NewReader(s.rec.Header().Get("X-Trace")))
}

// A test server answers with the user's address; the client asks it at
// its local URL, which carries nothing of what the handler captured.
func serveLocally(u *User) string {
	email := u.Email
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, email)
	}))
	defer ts.Close()
	res, err := ts.Client().Get(ts.URL + "/who")
	if err != nil {
		return ""
	}
	defer res.Body.Close()
	return res.Status
}
