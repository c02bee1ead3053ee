// Package fieldfuncs: function values kept in struct fields, set by
// constructors and called from other methods. A field the package sets
// only to its own functions is resolved to them; their exits are found and
// their precise summaries used, so the caller's unrelated state stays
// clean.
package fieldfuncs

import (
	"net/http"
	"strings"
)

type User struct {
	ID    string
	Email string `userdata:"contact"`
}

type Template interface {
	Body() string
}

type welcome struct{ to string }

func (w *welcome) Body() string { return "hello " + w.to }

func newTemplate(u *User) Template { return &welcome{to: u.Email} }

type config struct{ endpoint string }

type Courier struct {
	cfg     *config
	render  func(u *User) Template
	deliver func(body string)
}

func postUS(body string) {
	http.Post("https://api.mixpanel.com/track", "text/plain", strings.NewReader(body)) // want `disallowed-region.*fieldfuncs.User.Email`
}

func NewCourier() *Courier {
	return build(newTemplate)
}

// build takes the factory as a parameter; its only caller passes a
// function of the package.
func build(render func(u *User) Template) *Courier {
	return &Courier{cfg: &config{endpoint: "https://hooks.eu.example-crm.com/ping"}, render: render, deliver: postUS}
}

// Send renders and delivers: both calls go through fields.
func (c *Courier) Send(u *User) {
	t := c.render(u)
	c.deliver(t.Body())
}

// Ping uses the configuration only: the data the courier handled does not
// reach it.
func (c *Courier) Ping(u *User) {
	_ = c.render(u)
	http.Get(c.cfg.endpoint)
}
