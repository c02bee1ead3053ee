// Package app wires the outbox to a carrier that posts to a US endpoint:
// the letters the outbox's batch queued reach it through the worker's
// interface call.
package app

import (
	"net/http"
	"strings"

	"queues/mail"
)

type webCarrier struct{ url string }

func (w webCarrier) Carry(to, subject string) error {
	_, err := http.Post(w.url, "text/plain", strings.NewReader(to+": "+subject)) // want `disallowed-region: User data mail.Contact.Email \(contact\) is sent to api.mixpanel.com in US`
	return err
}

type noDirectory struct{}

func (noDirectory) Contacts() []mail.Contact { return nil }

// crateShipper posts the letter's address, not the sender's.
type crateShipper struct{ url string }

func (c crateShipper) Ship(p mail.Parcel) error {
	_, err := http.Post(c.url, "text/plain", strings.NewReader(p.Letter.To())) // want `disallowed-region: User data mail.Contact.Email \(contact\) is sent to api.mixpanel.com in US`
	return err
}

func Main() {
	o := mail.New(noDirectory{}, webCarrier{url: "https://api.mixpanel.com/carry"})
	o.ShipWith(crateShipper{url: "https://api.mixpanel.com/ship"}, mail.Contact{ID: 1})
	o.Run()
}
