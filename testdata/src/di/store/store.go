// Package store implements svc.Store; svc does not import it.
package store

import (
	"net/http"
	"net/url"

	"di/svc"

	"github.com/ory/pop/v6"
)

type Remote struct{}

// Touch sends the user's ID only.
func (Remote) Touch(u *svc.User) {
	http.PostForm("https://api.mixpanel.com/seen", url.Values{"id": {u.ID}})
}

// Save sends the address.
func (Remote) Save(u *svc.User) {
	http.PostForm("https://api.mixpanel.com/save", url.Values{"email": {u.Email}})
}

// SaveColumns writes the columns its caller names: which ones it does
// not know, so each call counts its own (the constants svc passes, kept
// on the pending call).
func (Remote) SaveColumns(u *svc.User, columns ...string) {
	var c *pop.Connection
	c.Where("id = ?", u.ID).UpdateQuery(u, columns...)
}
