// Package gateway is the company's sanctioned egress client.
//
// Every transfer of personal data to a vendor outside the EEA goes through
// the egress proxy, which authenticates the calling service, checks the
// destination against the transfer register kept by the DPO, logs the
// transfer and forwards the payload. Services never call such vendors
// directly.
package gateway

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// forwardURL is the in-cluster egress proxy.
const forwardURL = "http://egress.svc.cluster.local:8080/forward"

// ErrDenied is returned when the proxy refuses the destination.
var ErrDenied = errors.New("gateway: destination not in the transfer register")

// Client sends payloads through the egress proxy on behalf of one service.
type Client struct {
	service string
	http    *http.Client
}

// New returns a client that identifies itself as service.
func New(service string) *Client {
	return &Client{service: service, http: &http.Client{Timeout: 15 * time.Second}}
}

// Send forwards payload (a JSON document) to dest, a full URL, through the
// egress proxy.
func (c *Client) Send(ctx context.Context, dest string, payload []byte) error {
	if dest == "" {
		return errors.New("gateway: empty destination")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, forwardURL, bytes.NewReader(payload))
	if err != nil {
		return fmt.Errorf("gateway: build request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Egress-Destination", dest)
	req.Header.Set("X-Egress-Service", c.service)

	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("gateway: send to %s: %w", dest, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusForbidden {
		return fmt.Errorf("%w: %s", ErrDenied, dest)
	}
	if resp.StatusCode >= 300 {
		return fmt.Errorf("gateway: send to %s: unexpected status %s", dest, resp.Status)
	}
	return nil
}
