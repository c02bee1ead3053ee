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

func Main() {
	o := mail.New(noDirectory{}, webCarrier{url: "https://api.mixpanel.com/carry"})
	o.Run()
}
