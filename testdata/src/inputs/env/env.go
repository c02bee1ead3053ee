// Package env reads destinations from environment variables: every
// unresolved endpoint names the variable, however the value travels
// (concatenation, Sprintf, url.Parse, a constructor, a struct field, a
// caller's argument).
package env

import (
	"fmt"
	"net/http"
	"net/smtp"
	"net/url"
	"os"
	"strings"
)

type User struct {
	Email string `userdata:"contact"`
}

func body(u *User) *strings.Reader { return strings.NewReader(u.Email) }

func direct(u *User) {
	http.Post(os.Getenv("EVENTS_URL"), "text/plain", body(u)) // want `unresolved-endpoint.*environment variable EVENTS_URL`
}

func lookup(u *User) {
	addr, ok := os.LookupEnv("SMTP_ADDR")
	if !ok {
		return
	}
	smtp.SendMail(addr, nil, "shop@example.com", []string{u.Email}, nil) // want `unresolved-endpoint.*environment variable SMTP_ADDR`
}

func concat(u *User) {
	http.Post("https://"+os.Getenv("API_HOST")+"/v1/events", "text/plain", body(u)) // want `unresolved-endpoint.*environment variable API_HOST`
}

func sprintf(u *User) {
	target := fmt.Sprintf("https://%s:%s/track", os.Getenv("TRACK_HOST"), "8443")
	http.Post(target, "text/plain", body(u)) // want `unresolved-endpoint.*environment variable TRACK_HOST`
}

func parsed(u *User) {
	v, err := url.Parse(os.Getenv("WEBHOOK_URL"))
	if err != nil {
		return
	}
	http.Post(v.String(), "text/plain", body(u)) // want `unresolved-endpoint.*environment variable WEBHOOK_URL`
}

// client remembers its base URL, set by its constructor.
type client struct{ base string }

func newClient() *client { return &client{base: os.Getenv("CRM_URL")} }

func (c *client) send(u *User) {
	http.Post(c.base+"/contacts", "text/plain", body(u)) // want `unresolved-endpoint.*environment variable CRM_URL`
}

func constructor(u *User) { newClient().send(u) }

// post's destination is its caller's.
func post(target string, u *User) {
	http.Post(target, "text/plain", body(u)) // want `unresolved-endpoint.*environment variable AUDIT_URL`
}

func caller(u *User) { post(os.Getenv("AUDIT_URL"), u) }

// A variable whose name is not a constant is still an environment variable.
func dynamic(name string, u *User) {
	http.Post(os.Getenv(name), "text/plain", body(u)) // want `unresolved-endpoint.*environment variable \?`
}
