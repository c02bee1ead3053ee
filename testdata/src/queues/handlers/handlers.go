// Package handlers puts user data on the mailer's queue through its Send
// method, in functions that are neither the mailer's worker nor its
// caller: each is reported at the call that queues it, with the relay the
// mailer was built with when it is known here.
package handlers

import "queues/mailer"

type Member struct {
	Email string `userdata:"contact"`
	Name  string
}

var m = mailer.New("https://api.mixpanel.com/notes")

func Signup(u *Member) {
	m.Send(mailer.Note{To: u.Email, Body: "welcome"}) // want `disallowed-region: User data handlers.Member.Email \(contact\) is sent to api.mixpanel.com in US`
}

// Only the tag, which the worker never sends, holds user data here.
func Tagged(u *Member) {
	m.Send(mailer.Note{To: "ops@example.com", Tag: u.Email})
}

// forward passes its parameter on: its callers' data is queued.
func forward(n mailer.Note) { m.Send(n) }

func Remind(u *Member) {
	forward(mailer.Note{Body: "reminder for " + u.Email}) // want `disallowed-region: User data handlers.Member.Email \(contact\) is sent to api.mixpanel.com in US`
}
