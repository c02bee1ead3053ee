// Package heap checks that user data is followed through memory: pointers,
// struct copies, embedded fields, slices, arrays, maps, append, copy,
// composite literals, receivers, out-parameters and package variables.
package heap

import (
	"net/http"
	"strings"
)

const us = "https://api.mixpanel.com/track"
const eu = "https://api-eu.mixpanel.com/track"

type User struct {
	ID    int64
	Email string  `userdata:"contact"`
	Addr  Address `userdata:"location"`
}

type Address struct{ City string }

type Payload struct {
	Email string
	Note  string
}

type Wrapper struct {
	*User
	Tag string
}

func aliases(u User) {
	p := &u
	q := p
	http.Post(us, "text/plain", strings.NewReader(q.Email)) // want `disallowed-region`
}

func copies(u User) {
	c := u
	http.Post(us, "text/plain", strings.NewReader(c.Addr.City)) // want `disallowed-region`
}

func embedded(w Wrapper) {
	http.Post(us, "text/plain", strings.NewReader(w.Email)) // want `disallowed-region`
}

func slices(users []User) {
	var out []string
	for _, u := range users {
		out = append(out, u.Email)
	}
	http.Post(us, "text/plain", strings.NewReader(strings.Join(out, ","))) // want `disallowed-region`
}

func arrays(u *User) {
	var a [2]string
	a[1] = u.Email
	http.Post(us, "text/plain", strings.NewReader(a[0])) // want `disallowed-region`
}

func mapValues(u *User) {
	m := map[string]string{}
	m["e"] = u.Email
	http.Post(us, "text/plain", strings.NewReader(m["x"])) // want `disallowed-region`
}

func mapKeys(u *User) {
	m := map[string]int{u.Email: 1}
	for k := range m {
		http.Post(us, "text/plain", strings.NewReader(k)) // want `disallowed-region`
	}
}

func copyBuiltin(u *User) {
	dst := make([]string, 1)
	copy(dst, []string{u.Email})
	http.Post(us, "text/plain", strings.NewReader(dst[0])) // want `disallowed-region`
}

func literal(u *User) {
	p := Payload{Email: u.Email, Note: "hi"}
	http.Post(us, "text/plain", strings.NewReader(p.Email)) // want `disallowed-region`
}

func literalOtherField(u *User) {
	p := Payload{Email: u.Email, Note: "hi"}
	http.Post(eu, "text/plain", strings.NewReader(p.Note))
	http.Post(us, "text/plain", strings.NewReader(p.Note)) // field-sensitive: Note holds no user data
}

func (p *Payload) fill(u *User) { p.Email = u.Email }

func receiver(u *User) {
	var p Payload
	p.fill(u)
	http.Post(us, "text/plain", strings.NewReader(p.Email)) // want `disallowed-region`
}

func fillOut(dst *Payload, u *User) { dst.Email = u.Email }

func outParam(u *User) {
	var p Payload
	fillOut(&p, u)
	http.Post(us, "text/plain", strings.NewReader(p.Email)) // want `disallowed-region`
}

var last string

func remember(u *User) { last = u.Email }

func later() {
	http.Post(us, "text/plain", strings.NewReader(last)) // want `disallowed-region`
}

func overwritten(u *User) {
	p := Payload{Email: u.Email}
	p.Email = "redacted"
	sendToEU2(p)
}

func sendToEU2(p Payload) { http.Post(eu, "text/plain", strings.NewReader(p.Email)) }

func overwrittenUS(u *User) {
	p := Payload{Email: u.Email}
	p.Email = ""
	postPayload(p)
}

func postPayload(p Payload) { http.Post(us+"/p", "text/plain", strings.NewReader(p.Email)) } // want `disallowed-region`

func overwrittenKeep(u *User) {
	p := Payload{Email: u.Email}
	p.Note = ""
	postPayload(p)
}

func lenOnly(u *User) {
	if len(u.Email) > 3 && u.Email != "" {
		sendOK()
	}
}

func sendOK() { http.Post(us+"/ok", "text/plain", strings.NewReader("ok")) }
