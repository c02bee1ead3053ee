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
type Client struct { // want Client:`^methods\(Track: summary\(param0.base\(whole\)->exit\(\(\*http.Client\).Do@"https://api.mixpanel.com/track"\); param1\(whole\)->exit\(\(\*http.Client\).Do@"https://api.mixpanel.com/track"\); param2\(whole\)->exit\(\(\*http.Client\).Do@"https://api.mixpanel.com/track"\)\)\)$`
	base string // want base:`fieldstr\("https://api.mixpanel.com"\)`
	hc   *http.Client
}

// New returns a client for the vendor.
func New() *Client { // want New:`summary\(result0.base="https://api.mixpanel.com"`
	return &Client{base: baseURL, hc: http.DefaultClient}
}

// Track posts an event with its properties.
func (c *Client) Track(event string, props map[string]string) error {
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

// SameJSON decodes both documents into values of its own: the bytes do
// not take in anything (a model's flows read the arguments as they were
// before the call, so json.Unmarshal's "the destination's fields are the
// bytes' serialised form" does not feed the bytes back into themselves).
func SameJSON(a, b json.RawMessage, label string) string { // want SameJSON:`^summary\(param2->result0; result0="" \| \$2\)$`
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return ""
	}
	if x == nil || y == nil {
		return ""
	}
	return label
}

// Account is decoded into.
type Account struct {
	ID    string
	Email string `json:"email" userdata:"contact"`
}

// DecodeAccount fills dst from raw: the bytes are an account's serialised
// form, and the account gets what the bytes hold.
func DecodeAccount(raw []byte, dst *Account) error { // want DecodeAccount:`^summary\(lib.Account.Email->param0; param0->param1; param1\(whole\)->param0\)$`
	return json.Unmarshal(raw, dst)
}

// lower has a summary, but no other package can name it: it exports no
// fact (a fact here would be memory for nothing in every scan above).
func lower(s string) string { return "<" + s + ">" }

func Lower(s string) string { return lower(s) } // want Lower:`^summary\(param0->result0; result0="<"\+\$0\+">"\)$`

// PostError says which URL a post failed to reach.
type PostError struct{ URL string } // want PostError:`^methods\(Error: summary\(param0.URL->result0; result0="post to "\+\$0.URL\+" failed"\)\)$`

func (e *PostError) Error() string { return "post to " + e.URL + " failed" }

// Fail's error names no destination a caller sends to: its summary
// records no string for it (the URL it holds is a message's).
func Fail(c *Client) error { // want Fail:`^summary\(param0.base->result0.URL\)$`
	return &PostError{URL: c.base + "/track"}
}
