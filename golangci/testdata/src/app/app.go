// Package app holds user data only under testdata/policy.yaml, which
// declares Profile.Mail a source: under the default policy nothing here is
// user data.
package app

import "net/http"

type Profile struct {
	Mail string
}

func track(p *Profile) {
	http.Get("https://api.mixpanel.com/track?m=" + p.Mail) // want `disallowed-region: User data app.Profile.Mail \(contact\) is sent to api.mixpanel.com in US`
}
