// Package lib is a helper package: an analytics client whose endpoint is
// set by its constructor, and helpers that move data around.
package lib

import (
	"bytes"
	"encoding/json"
	"net/http"
)

const baseURL = "https://api.mixpanel.com"

// Client sends events to a US analytics vendor.
type Client struct {
	base string // want base:`fieldstr\("https://api.mixpanel.com"\)`
	hc   *http.Client
}

// New returns a client for the vendor.
func New() *Client { // want New:`summary\(result0.base="https://api.mixpanel.com"`
	return &Client{base: baseURL, hc: http.DefaultClient}
}

// Track posts an event with its properties.
func (c *Client) Track(event string, props map[string]string) error { // want Track:`summary\(param0.base\(whole\)->exit\(\(\*http.Client\).Do@"https://api.mixpanel.com/track"\); param1\(whole\)->exit\(\(\*http.Client\).Do@"https://api.mixpanel.com/track"\); param2\(whole\)->exit\(\(\*http.Client\).Do@"https://api.mixpanel.com/track"\)\)`
	b, err := json.Marshal(map[string]any{"event": event, "properties": props})
	if err != nil {
		return err
	}
	req, err := http.NewRequest("POST", c.base+"/track", bytes.NewReader(b))
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Upper returns its argument in upper case.
func Upper(s string) string { // want Upper:`summary\(param0->result0\)`
	return string(bytes.ToUpper([]byte(s)))
}

// Post sends body to url.
func Post(url, body string) { // want Post:`summary\(param0\(whole\)->exit\(http.Post@\$0\); param1\(whole\)->exit\(http.Post@\$0\)\)`
	http.Post(url, "text/plain", bytes.NewReader([]byte(body)))
}
