// Package tmpl: a function calls a method of an interface with many
// implementations in sight, each reading another field of its receiver,
// so its summary has more edges from that parameter to one exit than it
// keeps (8). They merge as little as that allows: by the fields they
// share (.d, .deps), not into the whole parameter, so a caller's
// template whose model holds user data sends none of it when only the
// configuration reaches the exit (the shape of a mail courier's remote
// templates: the URL comes from configuration, the model is rendered).
package tmpl

import "net/http"

type Config struct{ A, B, C, D, E string }

type Model struct {
	ID    string
	Email string `userdata:"contact"`
}

// Template is what fetch renders: the URL to fetch it from, its model.
type Template interface {
	URL() string
	Model() *Model
}

type Mail1 struct {
	d *Config
	m *Model
}

func (t *Mail1) URL() string   { return t.d.A }
func (t *Mail1) Model() *Model { return t.m }

type Mail2 struct {
	d *Config
	m *Model
}

func (t *Mail2) URL() string   { return t.d.B }
func (t *Mail2) Model() *Model { return t.m }

type Mail3 struct {
	d *Config
	m *Model
}

func (t *Mail3) URL() string   { return t.d.C }
func (t *Mail3) Model() *Model { return t.m }

type Mail4 struct {
	d *Config
	m *Model
}

func (t *Mail4) URL() string   { return t.d.D }
func (t *Mail4) Model() *Model { return t.m }

type Mail5 struct {
	d *Config
	m *Model
}

func (t *Mail5) URL() string   { return t.d.E }
func (t *Mail5) Model() *Model { return t.m }

type SMS1 struct {
	deps  *Config
	model *Model
}

func (t *SMS1) URL() string   { return t.deps.A }
func (t *SMS1) Model() *Model { return t.model }

type SMS2 struct {
	deps  *Config
	model *Model
}

func (t *SMS2) URL() string   { return t.deps.B }
func (t *SMS2) Model() *Model { return t.model }

type SMS3 struct {
	deps  *Config
	model *Model
}

func (t *SMS3) URL() string   { return t.deps.C }
func (t *SMS3) Model() *Model { return t.model }

type SMS4 struct {
	deps  *Config
	model *Model
}

func (t *SMS4) URL() string   { return t.deps.D }
func (t *SMS4) Model() *Model { return t.model }

// Fetch gets the template from its URL: nine implementations give nine
// edges to the exit, merged into one from .d and one from .deps.
func Fetch(t Template) {
	http.Get(t.URL())
}

// NewMail1 and NewSMS1 make templates over a configuration and a model.
func NewMail1(c *Config, m *Model) Template { return &Mail1{d: c, m: m} }
func NewMail2(c *Config, m *Model) Template { return &Mail2{d: c, m: m} }
func NewSMS1(c *Config, m *Model) Template  { return &SMS1{deps: c, model: m} }
