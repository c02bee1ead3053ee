// Package track sends product events to Mixpanel.
package track

import (
	"net/http"
	"strings"
)

const endpoint = "https://api.mixpanel.com/track"

// Send posts one event.
func Send(event string) error {
	resp, err := http.Post(endpoint, "text/plain", strings.NewReader(event))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
