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
	c.Track("signup", map[string]string{"email": u.Email}) // want `disallowed-region.*exit at`
}

func upper(u *User) {
	lib.Post("https://api.mixpanel.com/u", lib.Upper(u.Name)) // want `disallowed-region.*exit at`
}

func eu(u *User) {
	lib.Post("https://api-eu.mixpanel.com/u", u.Name)
}

func plan(u *User) {
	lib.Post("https://api.mixpanel.com/u", u.Plan)
}
