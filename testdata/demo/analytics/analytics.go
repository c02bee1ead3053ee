// Package analytics sends product events to Mixpanel.
package analytics

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
)

// baseURL is Mixpanel's ingestion API (US data residency).
const baseURL = "https://api.mixpanel.com"

// Client sends events to the analytics vendor.
type Client struct {
	baseURL string
}

// New returns a client for the vendor's ingestion API.
func New() *Client {
	return &Client{baseURL: baseURL}
}

type trackEvent struct {
	Event      string            `json:"event"`
	Properties map[string]string `json:"properties"`
}

// Track records one event. props should identify the user with
// "distinct_id".
func (c *Client) Track(event string, props map[string]string) error {
	body, err := json.Marshal([]trackEvent{{Event: event, Properties: props}})
	if err != nil {
		return fmt.Errorf("analytics: encode %q: %w", event, err)
	}
	resp, err := http.Post(c.baseURL+"/track", "application/json", bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("analytics: track %q: %w", event, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("analytics: track %q: unexpected status %s", event, resp.Status)
	}
	return nil
}
