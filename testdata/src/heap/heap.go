// Package heap checks that user data is followed through memory: pointers,
// struct copies, embedded fields, slices, arrays, maps, append, copy,
// composite literals, receivers, out-parameters and package variables.
package heap

import (
	"net/http"
	"strconv"
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
	http.Post(us, "text/plain", strings.NewReader(q.Email)) // want `disallowed-region: User data heap.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func copies(u User) {
	c := u
	http.Post(us, "text/plain", strings.NewReader(c.Addr.City)) // want `disallowed-region: User data heap.User.Addr \(location\) is sent to api.mixpanel.com in US`
}

func embedded(w Wrapper) {
	http.Post(us, "text/plain", strings.NewReader(w.Email)) // want `disallowed-region: User data heap.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func slices(users []User) {
	var out []string
	for _, u := range users {
		out = append(out, u.Email)
	}
	http.Post(us, "text/plain", strings.NewReader(strings.Join(out, ","))) // want `disallowed-region: User data heap.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

// Deliberately imprecise: an array's elements are one value (the access
// path "[]" does not tell indexes apart), so element 0 holds the address
// stored in element 1.
func arrays(u *User) {
	var a [2]string
	a[1] = u.Email
	http.Post(us, "text/plain", strings.NewReader(a[0])) // want `disallowed-region: User data heap.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

// Deliberately imprecise: a map's values are one value (keys are not told
// apart), so the value at "x" holds the address stored at "e".
func mapValues(u *User) {
	m := map[string]string{}
	m["e"] = u.Email
	http.Post(us, "text/plain", strings.NewReader(m["x"])) // want `disallowed-region: User data heap.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func mapKeys(u *User) {
	m := map[string]int{u.Email: 1}
	for k := range m {
		http.Post(us, "text/plain", strings.NewReader(k)) // want `disallowed-region: User data heap.User.Email \(contact\) is sent to api.mixpanel.com in US`
	}
}

// mapKeyedBySignature indexes users by a signature that holds the
// address; the values read back give only their IDs: keys and values are
// kept apart.
func mapKeyedBySignature(users []User) {
	m := map[string]*User{}
	for i, u := range users {
		m[u.Email+"|"+strconv.FormatInt(u.ID, 10)] = &users[i]
	}
	for _, u := range m {
		http.Post(us+"/ids", "text/plain", strings.NewReader(strconv.FormatInt(u.ID, 10)))
	}
	for k, u := range m {
		http.Post(us+"/keys", "text/plain", strings.NewReader(k+strconv.FormatInt(u.ID, 10))) // want `disallowed-region: User data heap.User.Email \(contact\) is sent to api.mixpanel.com in US`
	}
}

func copyBuiltin(u *User) {
	dst := make([]string, 1)
	copy(dst, []string{u.Email})
	http.Post(us, "text/plain", strings.NewReader(dst[0])) // want `disallowed-region: User data heap.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func literal(u *User) {
	p := Payload{Email: u.Email, Note: "hi"}
	http.Post(us, "text/plain", strings.NewReader(p.Email)) // want `disallowed-region: User data heap.User.Email \(contact\) is sent to api.mixpanel.com in US`
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
	http.Post(us, "text/plain", strings.NewReader(p.Email)) // want `disallowed-region: User data heap.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func fillOut(dst *Payload, u *User) { dst.Email = u.Email }

func outParam(u *User) {
	var p Payload
	fillOut(&p, u)
	http.Post(us, "text/plain", strings.NewReader(p.Email)) // want `disallowed-region: User data heap.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

var last string

func remember(u *User) { last = u.Email }

func later() {
	http.Post(us, "text/plain", strings.NewReader(last)) // want `disallowed-region: User data heap.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func overwritten(u *User) {
	p := Payload{Email: u.Email}
	p.Email = "redacted"
	sendToEU2(p)
}

func sendToEU2(p Payload) { http.Post(eu, "text/plain", strings.NewReader(p.Email)) }

// overwrittenUS and overwrittenKeep each call their own copy of the same
// sender, so that each caller's outcome shows at its own exit.
// overwrittenUS overwrites Email before passing the struct by value: the
// copy passed holds the overwritten field, not the user's address.
func overwrittenUS(u *User) {
	p := Payload{Email: u.Email}
	p.Email = ""
	postPayloadUS(p)
}

func postPayloadUS(p Payload) { http.Post(us+"/p", "text/plain", strings.NewReader(p.Email)) }

func overwrittenInPlace(u *User) {
	p := Payload{Email: u.Email}
	p.Email = ""
	http.Post(us+"/i", "text/plain", strings.NewReader(p.Email)) // the overwrite cleaned Email
}

func overwrittenFieldByField(u *User) {
	var p Payload
	p.Email = u.Email
	p.Email = ""
	postPayloadFields(p)
}

func postPayloadFields(p Payload) { http.Post(us+"/f", "text/plain", strings.NewReader(p.Email)) } // the overwrite cleaned Email

func overwrittenByPointer(u *User) {
	p := &Payload{Email: u.Email}
	p.Email = ""
	postPayloadPtr(p)
}

func postPayloadPtr(p *Payload) { http.Post(us+"/q", "text/plain", strings.NewReader(p.Email)) } // the overwrite cleaned Email

func overwrittenKeep(u *User) {
	p := Payload{Email: u.Email}
	p.Note = ""
	postPayloadKeep(p)
}

func postPayloadKeep(p Payload) { http.Post(us+"/p", "text/plain", strings.NewReader(p.Email)) } // want `disallowed-region: User data heap.User.Email \(contact\) is sent to api.mixpanel.com in US`

func lenOnly(u *User) {
	if len(u.Email) > 3 && u.Email != "" {
		sendOK()
	}
}

func sendOK() { http.Post(us+"/ok", "text/plain", strings.NewReader("ok")) }

// sentBeforeWritten sends a buffer and writes the e-mail address into it
// afterwards: nothing is sent. The loop before it makes the walk pass
// over the loop again; the send, after the loop, is walked once, when
// the loop has settled (lineage/walk.go loopOrder).
func sentBeforeWritten(u *User, tries int) {
	n := 0
	for i := 0; i < tries; i++ {
		n += i
	}
	var b strings.Builder
	http.Post(us, "text/plain", strings.NewReader(b.String()))
	b.WriteString(u.Email + strconv.Itoa(n))
}

// writtenInLoopThenSent: the write is inside the loop and the send after
// it, so the address is sent.
func writtenInLoopThenSent(u *User, tries int) {
	var b strings.Builder
	for i := 0; i < tries; i++ {
		b.WriteString(u.Email)
	}
	http.Post(us, "text/plain", strings.NewReader(b.String())) // want `disallowed-region: User data heap.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

// sentInLoopAfterWrite: the send comes before the write in the loop's
// body, but the next round sends what the previous one wrote.
func sentInLoopAfterWrite(u *User, tries int) {
	var b strings.Builder
	for i := 0; i < tries; i++ {
		http.Post(us, "text/plain", strings.NewReader(b.String())) // want `disallowed-region: User data heap.User.Email \(contact\) is sent to api.mixpanel.com in US`
		b.WriteString(u.Email)
	}
}
