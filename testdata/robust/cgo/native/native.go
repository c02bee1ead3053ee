// Package native calls a C function through cgo. datagate cannot see into
// C: a call into it is taken to return what it was given (noted with -v).
// With CGO_ENABLED=0 the only file of the package is excluded, and the
// package is a load error that names it.
package native

/*
#include <stdlib.h>

static int twice(int x) { return 2 * x; }
static char *same(char *s) { return s; }
*/
import "C"

import (
	"unsafe"

	"example.com/robust/cgo/model"
	"example.com/robust/cgo/out"
)

// Twice doubles n in C.
func Twice(n int) int { return int(C.twice(C.int(n))) }

// Leak passes the e-mail address through C and sends what comes back.
func Leak(u *model.User) {
	cs := C.CString(u.Email)
	defer C.free(unsafe.Pointer(cs))
	out.Send(C.GoString(C.same(cs))) // may disallowed-region (TestMiss_CgoCallDropsData)
}

// Plain sends the name without going through C. Only the module's policy
// (datagate.yaml, found by discovery) makes out.Send an exit, so a finding
// here shows that the policy applies to a cgo package.
func Plain(u *model.User) {
	out.Send(u.Name) // may disallowed-region (TestMiss_CgoPolicyDiscovery)
}
