// Package app implements the flow interfaces and sends what their getters
// return: a getter called where no implementation was in sight returns
// what the implementation returns, not everything the flow holds.
package app

import (
	"net/http"
	"strings"

	"getters/flow"
)

const us = "https://api.mixpanel.com/track"

type User struct {
	ID    string
	Email string `userdata:"contact"`
}

// Flow holds the form shown to the user (filled with the user's address)
// and an internal context with no user data.
type Flow struct {
	UI      []string
	Context []byte
	Owner   string
}

func (f *Flow) GetContext() []byte { return f.Context }

func (f *Flow) GetName() string { return f.Owner }

func fill(f *Flow, u *User) {
	f.UI = append(f.UI, u.Email)
}

// Only the context leaves: the UI's address stays.
func sendBase(f *Flow, u *User) {
	fill(f, u)
	http.Post(us, "text/plain", strings.NewReader(flow.BaseURL(f)))
}

// Two calls up: Relay's summary keeps the getter for its callers.
func sendRelayed(f *Flow, u *User) {
	fill(f, u)
	http.Post(us, "text/plain", strings.NewReader(flow.Relay(f)))
}

// The getter returns the field that holds the address: it leaves.
func sendTitle(f *Flow, u *User) {
	f.Owner = u.Email
	http.Post(us, "text/plain", strings.NewReader(flow.Title(f))) // want `disallowed-region: User data app.User.Email \(contact\) is sent to api.mixpanel.com in US`
}
