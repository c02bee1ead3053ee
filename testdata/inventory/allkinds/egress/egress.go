// Package egress is the sanctioned gateway client: it forwards payloads
// through the in-cluster egress proxy.
package egress

import (
	"bytes"
	"context"
	"net/http"
)

const proxyURL = "http://egress.svc.cluster.local:8080/forward"

// Client forwards payloads.
type Client struct{ http *http.Client }

// Send forwards payload to dest through the proxy.
func (c *Client) Send(ctx context.Context, dest string, payload []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, proxyURL, bytes.NewReader(payload))
	if err != nil {
		return err
	}
	req.Header.Set("X-Egress-Destination", dest)
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
