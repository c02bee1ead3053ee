// Package use passes user data to the functions of package limits: a
// function past a limit keeps every flow (its summary is coarser, not
// smaller), so each call is still reported, and past the access path
// limit a sibling field's data is reported too.
package use

import "limits"

type User struct {
	Email string `userdata:"contact"`
	Name  string `userdata:"personal"`
}

func shifts(u *User) {
	limits.Shift11(u.Email, 3) // want `disallowed-region: User data use.User.Email \(contact\) is sent to api.mixpanel.com in US.*\(exit at ../limits.go:\d+\)`
	limits.Shift12(u.Name, 3)  // want `disallowed-region: User data use.User.Name \(personal\) is sent to api.mixpanel.com in US.*\(exit at ../limits.go:\d+\)`
}

func recursion(u *User) {
	limits.Shift11(limits.Rec4("", "", "", "", u.Email, 4), 1)    // want `disallowed-region: User data use.User.Email \(contact\) is sent to api.mixpanel.com in US`
	limits.Shift11(limits.Rec5("", "", "", "", "", u.Name, 5), 1) // want `disallowed-region: User data use.User.Name \(personal\) is sent to api.mixpanel.com in US`
}

func fiveParts(u *User) {
	var d limits.Deep
	d.A.B.C.D.E = u.Email
	limits.SendFive(&d) // want `disallowed-region: User data use.User.Email \(contact\) is sent to api.mixpanel.com in US`
	var sibling limits.Deep
	sibling.A.B.C.D.E2 = u.Name
	limits.SendFive(&sibling) // within the limit, E2 is kept apart from E: no finding
}

func sixParts(u *User) {
	var d limits.Deep
	d.A.B.C.D.X.F = u.Email
	limits.SendSix(&d) // want `disallowed-region: User data use.User.Email \(contact\) is sent to api.mixpanel.com in US`
	var sibling limits.Deep
	sibling.A.B.C.D.X.G = u.Name
	// Deliberately imprecise: past the access path limit (5 parts) X.F and
	// X.G are one value, so the name that SendSix never reads is reported.
	limits.SendSix(&sibling) // want `disallowed-region: User data use.User.Name \(personal\) is sent to api.mixpanel.com in US`
}
