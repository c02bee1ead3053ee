// Package getter reads destinations through an in-house config store's
// getters taking a constant key (the getter convention), statically and
// through an interface; a Get method of the standard library is not one.
package getter

import (
	"context"
	"net/http"
	"strings"

	"github.com/acme/settings"
)

type User struct {
	Email string `userdata:"contact"`
}

func body(u *User) *strings.Reader { return strings.NewReader(u.Email) }

func static(s *settings.Store, u *User) {
	http.Post(s.GetString("billing.url"), "text/plain", body(u)) // want `unresolved-endpoint.*config key billing.url`
}

func withContext(ctx context.Context, s *settings.Store, u *User) {
	http.Post(s.String(ctx, "crm.url"), "text/plain", body(u)) // want `unresolved-endpoint.*config key crm.url`
}

func iface(src settings.Source, u *User) {
	http.Post(src.GetString("hooks.url"), "text/plain", body(u)) // want `unresolved-endpoint.*config key hooks.url`
}

func header(r *http.Request, u *User) {
	http.Post(r.Header.Get("X-Callback"), "text/plain", body(u)) // want `unresolved-endpoint.*result of \(http.Header\).Get`
}
