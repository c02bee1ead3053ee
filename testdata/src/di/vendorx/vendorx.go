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
