// Package koanf reads destinations from koanf keys, also through a struct
// field set by a constructor.
package koanf

import (
	"net/http"
	"net/smtp"
	"strings"

	"github.com/knadh/koanf/v2"
)

type User struct {
	Email string `userdata:"contact"`
}

func body(u *User) *strings.Reader { return strings.NewReader(u.Email) }

type mailer struct{ addr string }

func newMailer(k *koanf.Koanf) *mailer { return &mailer{addr: k.MustString("smtp.host") + ":587"} }

func (m *mailer) send(u *User) {
	smtp.SendMail(m.addr, nil, "a@example.com", []string{u.Email}, nil) // want `unresolved-endpoint.*config key smtp.host`
}

func run(k *koanf.Koanf, u *User) {
	newMailer(k).send(u)
	http.Post(k.String("app.root_url")+"/api", "text/plain", body(u)) // want `unresolved-endpoint.*config key app.root_url`
}
