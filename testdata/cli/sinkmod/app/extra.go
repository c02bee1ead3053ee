//go:build extra

package app

import (
	"example.com/sinkmod/acme"
	"example.com/sinkmod/model"
)

// Extra is built only with -tags extra.
func Extra(u *model.User) {
	acme.Mixpanel(u.Email)
}
