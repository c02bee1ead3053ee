// Package app is a courier: it renders a queued message into a mail
// message and delivers it over SMTP, through the library's Send or, for
// odd addresses, straight through the session.
package app

import (
	"context"
	"strings"

	"courier/mail"
)

type Message struct {
	ID        string
	Recipient string `userdata:"contact"`
	Subject   string
	Body      string
}

type SMTPChannel struct {
	dialer *mail.Dialer
}

func NewSMTPChannel() *SMTPChannel {
	return &SMTPChannel{dialer: mail.NewDialer("smtp.us-east-1.amazonaws.com", 587)}
}

func (c *SMTPChannel) Dispatch(ctx context.Context, msg Message) error {
	gm := mail.NewMessage()
	gm.SetHeader("From", "noreply@example.com")
	gm.SetHeader("To", msg.Recipient)
	gm.SetHeader("Subject", msg.Subject)
	gm.SetBody("text/plain", msg.Body)

	snd, err := c.dialer.Dial(ctx)
	if err != nil {
		return err
	}
	defer snd.Close()
	if !strings.Contains(msg.Recipient, "\n") {
		return mail.Send(ctx, snd, gm) // want `disallowed-region.*app.Message.Recipient`
	}
	return snd.Send(ctx, "noreply@example.com", []string{msg.Recipient}, gm) // want `disallowed-region.*app.Message.Recipient`
}
