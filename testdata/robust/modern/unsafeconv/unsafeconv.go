// Package unsafeconv converts user data with package unsafe. The engine
// does not follow data through unsafe.Pointer (lineage/README.md, known
// misses); what it must do is not crash and not report wrong places.
package unsafeconv

import (
	"unsafe"

	"example.com/robust/modern/model"
	"example.com/robust/modern/out"
)

// header mirrors a string's layout.
type header struct {
	data unsafe.Pointer
	len  int
}

// Leak sends user data converted without copying.
func Leak(u *model.User) {
	b := []byte(u.Email)
	out.Send(unsafe.String(unsafe.SliceData(b), len(b))) // may disallowed-region

	s := *(*string)(unsafe.Pointer(&b)) // a known miss: unsafe.Pointer is not followed
	out.Send(s)                         // may disallowed-region

	h := (*header)(unsafe.Pointer(&u.Name))
	out.Send(unsafe.String((*byte)(h.data), h.len)) // may disallowed-region

	p := unsafe.Add(unsafe.Pointer(unsafe.StringData(u.Email)), 0)
	out.Send(unsafe.String((*byte)(p), 1)) // may disallowed-region
}
