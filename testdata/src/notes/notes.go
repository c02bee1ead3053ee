// Package notes holds calls the engine has neither a model nor a summary
// for, to check what -v says about them.
package notes

import "unsafe"

type User struct {
	Email string `userdata:"contact"`
}

// hook is set elsewhere; the engine cannot tell which function it holds.
var hook func(string) string

func Notify(u *User) string { // want Notify:`summary\(notes.User.Email->result0; param0.Email->result0\)`
	return hook(u.Email)
}

//go:linkname nanotime runtime.nanotime
func nanotime() int64

func Stamp(u *User) int64 {
	_ = unsafe.Sizeof(u)
	return nanotime()
}
