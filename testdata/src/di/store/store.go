// Package store implements svc.Store; svc does not import it.
package store

import (
	"net/http"
	"net/url"

	"di/svc"
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
