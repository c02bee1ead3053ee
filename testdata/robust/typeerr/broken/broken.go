// Package broken does not type-check: datagate must report it as a tool
// error and still analyse the packages that do not depend on it.
package broken

import (
	"example.com/robust/typeerr/model"
	"example.com/robust/typeerr/out"
)

// Leak would send user data, but the package does not compile.
func Leak(u *model.User) int {
	out.Send(u.Email)
	var n int = "not a number" // type error
	return n
}
