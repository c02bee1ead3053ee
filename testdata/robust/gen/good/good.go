// Package good is well-formed code next to the faulty package: its finding
// must be reported whatever happens to the other.
package good

import (
	"example.com/robust/gen/model"
	"example.com/robust/gen/out"
)

// Report sends the user's e-mail address to the vendor.
func Report(u *model.User) {
	out.Send(u.Email) // want disallowed-region
}
