package app

import (
	"example.com/sinkmod/acme"
	"example.com/sinkmod/model"
)

// sendFromTest is analysed only with -tests.
func sendFromTest(u *model.User) {
	acme.Mixpanel(u.Email)
}
