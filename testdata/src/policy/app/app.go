// Package app exercises the policy: sources declared by field, type and
// function, a sanitizer, a propagator, a policy sink, the gateway, and
// endpoints mapped by the policy. The policy is found by discovery
// (testdata/src/policy/datagate.yaml).
package app

import (
	"crypto/sha256"
	"fmt"
	"net/http"
	"strings"

	"policy/gw"
	"policy/priv"
)

type Legacy struct {
	Mail string // declared by the policy's field source
	Note string
}

type Customer struct { // every field is user data (type source)
	Phone string
}

func CurrentEmail() (string, error) { return "a@example.com", nil }

type Tracker struct{}

func (*Tracker) Track(event string) {}

func fieldSource(l Legacy) {
	http.Post("https://api.partner.com/a", "text/plain", strings.NewReader(l.Mail)) // want `disallowed-region: User data app.Legacy.Mail \(contact\) is sent to api.partner.com in US`
	http.Post("https://api.partner.com/b", "text/plain", strings.NewReader(l.Note))
}

func typeSource(c Customer) {
	http.Post("https://api.partner.com/c", "text/plain", strings.NewReader(c.Phone)) // want `disallowed-region: User data app.Customer.Phone \(customer\) is sent to api.partner.com in US`
}

func funcSource() {
	e, _ := CurrentEmail()
	http.Post("https://eu.partner.com/d", "text/plain", strings.NewReader(e)) // want `gateway-bypass: User data app.CurrentEmail \(contact\) leaves through http.Post to eu.partner.com \(DE\) without the gateway \(policy/gw.Client\)`
}

func sanitized(l Legacy) {
	http.Post("https://api.partner.com/e", "text/plain", strings.NewReader(priv.Pseudonymize(l.Mail)))
}

func hashed(l Legacy) {
	h := sha256.Sum256([]byte(l.Mail))
	http.Post("https://api.partner.com/f", "text/plain", strings.NewReader(fmt.Sprintf("%x", h))) // want `disallowed-region: User data app.Legacy.Mail \(contact\) is sent to api.partner.com in US`
}

func propagated(l Legacy) {
	http.Post("https://api.partner.com/g", "text/plain", strings.NewReader(priv.Render("x", l.Mail))) // want `disallowed-region: User data app.Legacy.Mail \(contact\) is sent to api.partner.com in US`
	http.Post("https://api.partner.com/h", "text/plain", strings.NewReader(priv.Render(l.Mail, "x")))
}

func sink(l Legacy, t *Tracker) {
	t.Track(l.Mail) // want `disallowed-region: User data app.Legacy.Mail \(contact\) is sent to api.partner.com in US`
}

func gateway(l Legacy) {
	gw.New().Send("https://api.partner.com/i", l.Mail)
	gw.Leak(l.Mail)
}

func internal(l Legacy) {
	http.Post("http://users.svc.cluster.local/j", "text/plain", strings.NewReader(l.Mail))
}
