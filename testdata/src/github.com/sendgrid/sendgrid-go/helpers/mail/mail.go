// Package mail is a minimal stand-in for github.com/sendgrid/sendgrid-go/helpers/mail.
package mail

import "encoding/json"

type Email struct {
	Name    string `json:"name,omitempty"`
	Address string `json:"email,omitempty"`
}

func NewEmail(name string, address string) *Email { return &Email{name, address} }

type SGMailV3 struct {
	From    *Email `json:"from,omitempty"`
	To      *Email `json:"to,omitempty"`
	Subject string `json:"subject,omitempty"`
	Content string `json:"content,omitempty"`
}

func NewSingleEmail(from *Email, subject string, to *Email, plainTextContent string, htmlContent string) *SGMailV3 {
	return &SGMailV3{From: from, To: to, Subject: subject, Content: plainTextContent + htmlContent}
}

func GetRequestBody(m *SGMailV3) []byte {
	b, _ := json.Marshal(m)
	return b
}
