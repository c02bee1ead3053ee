// Package mailgun is a minimal stand-in for github.com/mailgun/mailgun-go/v4.
package mailgun

import "context"

const (
	APIBase   = "https://api.mailgun.net/v3"
	APIBaseUS = APIBase
	APIBaseEU = "https://api.eu.mailgun.net/v3"
)

type Mailgun interface {
	SetAPIBase(url string)
	Send(ctx context.Context, m *Message) (mes string, id string, err error)
}

type MailgunImpl struct {
	apiBase, domain, apiKey string
}

func NewMailgun(domain, apiKey string) *MailgunImpl {
	return &MailgunImpl{apiBase: APIBase, domain: domain, apiKey: apiKey}
}

func (mg *MailgunImpl) SetAPIBase(address string) { mg.apiBase = address }

type Message struct {
	from, subject, text string
	to                  []string
}

func NewMessage(from, subject, text string, to ...string) *Message {
	return &Message{from: from, subject: subject, text: text, to: to}
}

func (mg *MailgunImpl) Send(ctx context.Context, m *Message) (mes, id string, err error) {
	return "", "", nil
}
