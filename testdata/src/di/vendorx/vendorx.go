// Package vendorx implements svc.Tracker without importing svc.
package vendorx

import (
	"net/http"
	"net/url"
)

type Client struct{ base string }

func New() *Client { return &Client{base: "https://api.mixpanel.com"} }

func (c *Client) Track(event, who string) {
	http.PostForm(c.base+"/track", url.Values{"e": {event}, "who": {who}})
}

// Config is where a Webhook posts.
type Config struct{ URL string }

// Webhook posts to its configuration's URL: the pending call does not
// carry the receiver, so the destination is named by that field.
type Webhook struct{ conf *Config }

func (w *Webhook) Track(event, who string) {
	http.PostForm(w.conf.URL, url.Values{"e": {event}, "who": {who}})
}
