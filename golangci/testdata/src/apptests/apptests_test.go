package apptests

import "net/http"

// send is analysed only with the plugin's tests setting.
func send(u *User) {
	http.Get("https://api.mixpanel.com/track?e=" + u.Email) // want `disallowed-region: User data apptests.User.Email \(contact\) is sent to api.mixpanel.com in US`
}
