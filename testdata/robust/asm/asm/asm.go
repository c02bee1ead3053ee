// Package asm calls a function written in assembly.
package asm

import (
	"example.com/robust/asm/model"
	"example.com/robust/asm/out"
)

// Leak sends the e-mail address after a trip through assembly.
func Leak(u *model.User) {
	out.Send(ident(u.Email)) // want disallowed-region
}
