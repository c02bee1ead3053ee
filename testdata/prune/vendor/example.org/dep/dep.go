// Package dep is a dependency (a vendored module, not under scan) whose
// functions a service reaches in every way Go code can call into a
// package, next to functions nothing calls. datagate's standalone scan
// leaves the latter out; what it finds must not change.
package dep

import (
	"net/http"
	"strings"
)

const collector = "https://collector.example.com/v1"

func post(path, s string) {
	resp, err := http.Post(collector+path, "text/plain", strings.NewReader(s))
	if err == nil {
		resp.Body.Close()
	}
}

// Send is called by name (dep.Send).
func Send(s string) { post("/send", s) }

// Client keeps functions in fields: viaField and viaExported are never
// named outside; the service calls the exported field itself (a call
// the engine does not resolve across packages, with or without the
// functions nothing calls).
type Client struct {
	hook   func(string)
	OnSend func(string)
}

func New() *Client { return &Client{hook: viaField, OnSend: viaExported} }

func viaExported(s string) { post("/exported", s) }

func viaField(s string) { post("/field", s) }

// NewQuiet is never called, but the function it keeps in the field is
// one Push may call, for an analysis that follows fields, not calls.
func NewQuiet() *Client { return &Client{hook: viaQuiet} }

func viaQuiet(s string) { post("/quiet", s) }

// Push is a method called by name; it calls the function in the field.
func (c *Client) Push(s string) { c.hook(s) }

// Never is a method nothing calls.
func (c *Client) Never(s string) { post("/never", s) }

// Handler returns a closure the caller calls.
func Handler() func(string) {
	return func(s string) { post("/closure", s) }
}

// Sink is called through an interface.
type Sink interface{ Put(s string) }

type netSink struct{}

func (netSink) Put(s string) { post("/sink", s) }

func NewSink() Sink { return netSink{} }

// registry is filled when the package initialises: viaInit is reached
// from the initialiser only.
var registry = map[string]func(string){"init": viaInit}

func viaInit(s string) { post("/init", s) }

func Lookup(k string) func(string) { return registry[k] }

// Unused is exported, and no code calls it.
func Unused(s string) { post("/unused", s) }

func unusedHelper(s string) { Unused(s) }
