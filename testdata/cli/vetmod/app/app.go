// Package app sends user data to Mixpanel, directly and through track.
package app

import (
	"net/http"
	"strings"

	"example.com/vetmod/model"
	"example.com/vetmod/track"
)

// Direct posts the e-mail address itself.
func Direct(u *model.User) error {
	resp, err := http.Post("https://api.mixpanel.com/engage", "text/plain", strings.NewReader(u.Email))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Indirect hands it to package track, which posts it.
func Indirect(u *model.User) error {
	return track.Send(u.Email)
}
