// Package resolve: calls through the standard library's small interfaces
// are not resolved to every type in the package that happens to have a
// method of the same name.
package resolve

import (
	"io"
	"net/http"
	"strings"
)

const us = "https://api.mixpanel.com/track"

type User struct {
	Email string `userdata:"contact"`
}

// Session is some unrelated type with a Close method that talks to a US
// host about its own state.
type Session struct{ token string }

func (s *Session) Close() error {
	_, err := http.Post(us, "text/plain", strings.NewReader(s.token)) // want `disallowed-region.*resolve.User.Email`
	return err
}

// Read makes Session an io.Reader too.
func (s *Session) Read(p []byte) (int, error) { return 0, io.EOF }

func closeBody(u *User) {
	rc := io.NopCloser(strings.NewReader(u.Email))
	defer rc.Close() // an io.Closer: not (*Session).Close
	b, _ := io.ReadAll(rc)
	_ = b
}

// A Session the function really holds is still followed.
func realSession(u *User) {
	s := &Session{token: u.Email}
	var c io.Closer = s
	c.Close() // the exit is in (*Session).Close, where it is reported
}
