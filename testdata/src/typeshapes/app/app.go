// Package app declares types over another package's tagged structs in
// every way Go allows, and sends their fields out. None of the shapes may
// crash the analysis; each flow must be found under the original field's
// name.
package app

import (
	"net/http"
	"strings"

	"typeshapes/model"
)

const us = "https://api.mixpanel.com/track"

// A defined type over a foreign struct: same fields, same tags.
type Customer model.Account

// A defined type over a pointer to a foreign struct.
type CustomerRef *model.Account

// A defined type over a generic instantiation.
type NamedBox model.Box[string]

// An alias.
type Acct = model.Account

// Embedding a foreign tagged struct.
type Wrapped struct {
	model.Profile
	Note string
}

// A method on a defined type over a foreign struct.
func (c Customer) Contact() string { return c.Phone }

func definedStruct(c *Customer) {
	http.Post(us, "text/plain", strings.NewReader(c.Phone)) // want `disallowed-region.*model.Account.Phone`
}

func definedPointer(r CustomerRef) {
	http.Post(us, "text/plain", strings.NewReader(r.Profile.Email)) // want `disallowed-region.*model.Profile.Email`
}

func definedGeneric(b NamedBox) {
	http.Post(us, "text/plain", strings.NewReader(b.Owner)) // want `disallowed-region.*model.Box.Owner`
}

func alias(a *Acct) {
	http.Post(us, "text/plain", strings.NewReader(a.Phone)) // want `disallowed-region.*model.Account.Phone`
}

func embedded(w Wrapped) {
	http.Post(us, "text/plain", strings.NewReader(w.Email)) // want `disallowed-region.*model.Profile.Email`
}

func converted(a model.Account) {
	c := Customer(a)
	http.Post(us, "text/plain", strings.NewReader(c.Phone)) // want `disallowed-region.*model.Account.Phone`
}

func method(c Customer) {
	http.Post(us, "text/plain", strings.NewReader(c.Contact())) // want `disallowed-region.*model.Account.Phone`
}

func untaggedOnly(c Customer) {
	http.Post(us, "text/plain", strings.NewReader(c.Profile.Plan))
}

func localStruct(email string) {
	type row struct {
		Mail string `userdata:"contact"`
		Kind string
	}
	r := row{Mail: email, Kind: "x"}
	http.Post(us, "text/plain", strings.NewReader(r.Mail)) // want `disallowed-region.*app.row.Mail`
	http.Post(us, "text/plain", strings.NewReader(r.Kind))
}

func anonymousStruct(email string) {
	v := struct {
		Mail string `userdata:"contact"`
	}{Mail: email}
	http.Post(us, "text/plain", strings.NewReader(v.Mail)) // want `disallowed-region.*struct.Mail`
}

func pointerDefined(p model.AccountPtr) {
	http.Post(us, "text/plain", strings.NewReader(p.Phone)) // want `disallowed-region.*model.Account.Phone`
}
