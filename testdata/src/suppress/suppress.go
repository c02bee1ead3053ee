// Package suppress checks //datagate:allow directives.
package suppress

import (
	"net/http"
	"strings"
)

type User struct {
	Email string `userdata:"contact"`
}

const us = "https://api.mixpanel.com/track"

func justified(u *User) {
	//datagate:allow disallowed-region SCC signed with vendor, DPA-2026-14
	http.Post(us, "text/plain", strings.NewReader(u.Email))
}

func sameLine(u *User) {
	http.Post(us, "text/plain", strings.NewReader(u.Email)) //datagate:allow disallowed-region vendor contract 12
}

func noReason(u *User) {
	/* want `invalid-suppression: .*gives no reason` */     //datagate:allow disallowed-region
	http.Post(us, "text/plain", strings.NewReader(u.Email)) // want `disallowed-region: User data suppress.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func wrongRule(u *User) {
	//datagate:allow unknown-region the host is known
	http.Post(us, "text/plain", strings.NewReader(u.Email)) // want `disallowed-region: User data suppress.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func expired(u *User) {
	//datagate:allow disallowed-region until=2020-01-31 temporary waiver // want `invalid-suppression: This //datagate:allow disallowed-region directive suppresses nothing: it expired at the end of 2020-01-31 \(UTC\)`
	http.Post(us, "text/plain", strings.NewReader(u.Email)) // want `disallowed-region: User data suppress.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func notExpired(u *User) {
	//datagate:allow disallowed-region until=2999-01-31 waiver until the EU region opens
	http.Post(us, "text/plain", strings.NewReader(u.Email))
}

func tooFar(u *User) {
	//datagate:allow disallowed-region two lines above does not count

	http.Post(us, "text/plain", strings.NewReader(u.Email)) // want `disallowed-region: User data suppress.User.Email \(contact\) is sent to api.mixpanel.com in US`
}
