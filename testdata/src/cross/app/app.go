// Package app uses lib: every flow crosses a package boundary through
// lib's summaries (facts).
package app

import "cross/lib"

type User struct {
	Email string `userdata:"contact"`
	Name  string `userdata:""`
	Plan  string
}

func signup(u *User) {
	c := lib.New()
	c.Track("signup", map[string]string{"email": u.Email}) // want `disallowed-region: User data app.User.Email \(contact\) is sent to api.mixpanel.com in US.*\(exit at ../lib/lib.go:34\)`
}

func upper(u *User) {
	lib.Post("https://api.mixpanel.com/u", lib.Upper(u.Name)) // want `disallowed-region: User data app.User.Name \(personal\) is sent to api.mixpanel.com in US.*\(exit at ../lib/lib.go:48\)`
}

func eu(u *User) {
	lib.Post("https://api-eu.mixpanel.com/u", u.Name)
}

func plan(u *User) {
	lib.Post("https://api.mixpanel.com/u", u.Plan)
}
