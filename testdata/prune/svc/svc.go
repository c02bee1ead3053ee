// Package svc hands a user's email to a dependency in every way Go code
// calls into another package.
package svc

import (
	"example.org/dep"
	. "example.org/dep/dot"
)

type User struct {
	Email string `userdata:"email"`
}

func Share(u *User) {
	dep.Send(u.Email)
	dep.New().Push(u.Email)
	dep.New().OnSend(u.Email)
	dep.Handler()(u.Email)
	dep.NewSink().Put(u.Email)
	dep.Lookup("init")(u.Email)
	DotSend(u.Email)
}
