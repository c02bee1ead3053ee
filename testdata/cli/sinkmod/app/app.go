// Package app sends user data through the acme SDK.
package app

import (
	"example.com/sinkmod/acme"
	"example.com/sinkmod/model"
)

// Signup reports a sign-up to a vendor in an unknown region.
func Signup(u *model.User) {
	//datagate:allow unknown-region
	acme.Track(u.Email)
}
