// Package slack is a minimal stand-in for github.com/slack-go/slack.
package slack

const APIURL = "https://slack.com/api/"

type Client struct {
	token, endpoint string
}

type Option func(*Client)

func OptionAPIURL(u string) func(*Client) { return func(c *Client) { c.endpoint = u } }

func New(token string, options ...Option) *Client {
	c := &Client{token: token, endpoint: APIURL}
	for _, o := range options {
		o(c)
	}
	return c
}

type MsgOption func(*msgConfig)

type msgConfig struct{ text string }

func MsgOptionText(text string, escape bool) MsgOption {
	return func(c *msgConfig) { c.text = text }
}

func (api *Client) PostMessage(channelID string, options ...MsgOption) (string, string, error) {
	return "", "", nil
}

type WebhookMessage struct {
	Text string `json:"text,omitempty"`
}

func PostWebhook(url string, msg *WebhookMessage) error { return nil }
