// Package viper reads destinations from viper's keys, package-level and on
// an instance.
package viper

import (
	"net/http"
	"strings"

	"github.com/spf13/viper"
)

type User struct {
	Email string `userdata:"contact"`
}

func body(u *User) *strings.Reader { return strings.NewReader(u.Email) }

func global(u *User) {
	http.Post(viper.GetString("courier.http.url"), "text/plain", body(u)) // want `unresolved-endpoint.*config key courier.http.url`
}

const keyPrefix = "hooks."

func instance(v *viper.Viper, u *User) {
	http.Post(v.GetString(keyPrefix+"signup")+"/x", "text/plain", body(u)) // want `unresolved-endpoint.*config key hooks.signup`
}
