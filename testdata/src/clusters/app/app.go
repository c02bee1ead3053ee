// Package app renders templates of package tmpl, whose Fetch has more
// edges from its parameter to the exit than a summary keeps: they merge
// by the fields they share (.d, .deps), not into the whole template, so
// only what reaches the URL is reported.
package app

import "clusters/tmpl"

// SendCode renders a code for m: only configuration is fetched.
func SendCode(m *tmpl.Model, c *tmpl.Config) {
	code := &tmpl.Model{ID: m.ID, Email: m.Email}
	tmpl.Fetch(tmpl.NewSMS1(c, code))
	tmpl.Fetch(tmpl.NewMail1(c, code))
}

// SendLeak puts the address into the configuration: it is the URL.
func SendLeak(m *tmpl.Model) {
	tmpl.Fetch(tmpl.NewMail2(&tmpl.Config{B: m.Email}, nil)) // want `tmpl.Model.Email`
}
