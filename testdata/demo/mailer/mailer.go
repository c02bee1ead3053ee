// Package mailer sends transactional e-mail through the SMTP relay.
package mailer

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"net/smtp"
	"os"
	"strings"

	"example.com/shop/model"
)

// ErrNotConfigured is returned when no relay is configured.
var ErrNotConfigured = errors.New("mailer: SMTP_ADDR is not set")

// Mailer sends mail from one sender address. The relay is read from the
// environment on every send so that a rotated relay needs no restart:
// SMTP_ADDR (host:port), and optionally SMTP_USERNAME and SMTP_PASSWORD.
type Mailer struct {
	from string
}

// New returns a mailer sending from the bare address from.
func New(from string) *Mailer {
	return &Mailer{from: from}
}

// SendWelcome sends the welcome message to a newly registered user.
func (m *Mailer) SendWelcome(u *model.User) error {
	if strings.ContainsAny(u.Email, "\r\n") {
		return errors.New("mailer: invalid recipient address")
	}
	addr := os.Getenv("SMTP_ADDR")
	if addr == "" {
		return ErrNotConfigured
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("mailer: invalid SMTP_ADDR: %w", err)
	}
	var auth smtp.Auth
	if user := os.Getenv("SMTP_USERNAME"); user != "" {
		auth = smtp.PlainAuth("", user, os.Getenv("SMTP_PASSWORD"), host)
	}

	msg := welcomeMessage(m.from, u)
	err = smtp.SendMail(addr, auth, m.from, []string{u.Email}, msg)
	if err != nil {
		return fmt.Errorf("mailer: send welcome to user %d: %w", u.ID, err)
	}
	return nil
}

func welcomeMessage(from string, u *model.User) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "From: %s\r\n", from)
	fmt.Fprintf(&b, "To: %s\r\n", u.Email)
	fmt.Fprintf(&b, "Subject: Welcome to the shop\r\n")
	fmt.Fprintf(&b, "Content-Type: text/plain; charset=utf-8\r\n\r\n")
	fmt.Fprintf(&b, "Hi %s,\r\n\r\nthanks for signing up. Your account is ready.\r\n", u.Name)
	return b.Bytes()
}
