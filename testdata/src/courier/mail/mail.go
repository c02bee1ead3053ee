// Package mail is a mail library in the style of the gomail family: a
// message keeps its headers in a map; a dialer opens an SMTP session; Send
// hands messages to any Sender, deriving the envelope from the headers.
package mail

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/smtp"
	"strings"
)

type Message struct {
	header map[string][]string
	body   string
}

func NewMessage() *Message { return &Message{header: map[string][]string{}} }

func (m *Message) SetHeader(field string, value ...string) { m.header[field] = value }
func (m *Message) SetBody(ct, body string)                 { m.body = body }

// WriteTo writes the message.
func (m *Message) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	for k, v := range m.header {
		fmt.Fprintf(&b, "%s: %s\r\n", k, strings.Join(v, ", "))
	}
	b.WriteString("\r\n" + m.body)
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

type Sender interface {
	Send(ctx context.Context, from string, to []string, msg io.WriterTo) error
}

type SendCloser interface {
	Sender
	Close() error
}

type Dialer struct {
	Host string
	Port int
}

func NewDialer(host string, port int) *Dialer { return &Dialer{Host: host, Port: port} }

type smtpSender struct {
	c *smtp.Client
}

// Dial opens a session with the server.
func (d *Dialer) Dial(ctx context.Context) (SendCloser, error) {
	c, err := smtp.Dial(fmt.Sprintf("%s:%d", d.Host, d.Port))
	if err != nil {
		return nil, err
	}
	return &smtpSender{c: c}, nil
}

func (s *smtpSender) Send(ctx context.Context, from string, to []string, msg io.WriterTo) error {
	if err := s.c.Mail(from); err != nil {
		return err
	}
	for _, rcpt := range to {
		if err := s.c.Rcpt(rcpt); err != nil {
			return err
		}
	}
	w, err := s.c.Data()
	if err != nil {
		return err
	}
	if _, err := msg.WriteTo(w); err != nil {
		return err
	}
	return w.Close()
}

func (s *smtpSender) Close() error { return s.c.Quit() }

// Send sends every message through s.
func Send(ctx context.Context, s Sender, msg ...*Message) error {
	for _, m := range msg {
		if err := send(ctx, s, m); err != nil {
			return err
		}
	}
	return nil
}

func send(ctx context.Context, s Sender, m *Message) error {
	from := m.header["From"]
	if len(from) == 0 {
		return errors.New("no sender")
	}
	var to []string
	for _, f := range []string{"To", "Cc", "Bcc"} {
		to = append(to, m.header[f]...)
	}
	return s.Send(ctx, from[0], to, m)
}
