// Package sendgrid is a minimal stand-in for github.com/sendgrid/sendgrid-go.
package sendgrid

import (
	"github.com/sendgrid/rest"
	"github.com/sendgrid/sendgrid-go/helpers/mail"
)

type Client struct {
	rest.Request
}

func GetRequest(key, endpoint, host string) rest.Request {
	if host == "" {
		host = "https://api.sendgrid.com"
	}
	return rest.Request{BaseURL: host + endpoint, Headers: map[string]string{"Authorization": "Bearer " + key}}
}

func NewSendClient(key string) *Client {
	r := GetRequest(key, "/v3/mail/send", "")
	r.Method = "POST"
	return &Client{r}
}

func (cl *Client) Send(email *mail.SGMailV3) (*rest.Response, error) { return &rest.Response{}, nil }

func API(request rest.Request) (*rest.Response, error) { return &rest.Response{}, nil }
