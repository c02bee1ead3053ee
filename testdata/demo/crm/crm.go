// Package crm keeps customer records in sync with Intercom. The workspace is
// hosted in Intercom's EU region (Dublin), so contacts stay in the EEA.
package crm

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"example.com/shop/model"
)

const contactsURL = "https://api.eu.intercom.io/contacts"

// Client talks to the Intercom REST API.
type Client struct {
	token string
	http  *http.Client
}

// New returns a client authenticated with the given access token.
func New(token string) *Client {
	return &Client{token: token, http: &http.Client{Timeout: 10 * time.Second}}
}

type contact struct {
	Role       string `json:"role"`
	ExternalID string `json:"external_id"`
	Email      string `json:"email"`
	Name       string `json:"name"`
}

// SyncContact creates the user's contact record.
func (c *Client) SyncContact(ctx context.Context, u *model.User) error {
	body, err := json.Marshal(contact{
		Role:       "user",
		ExternalID: strconv.FormatInt(u.ID, 10),
		Email:      u.Email,
		Name:       u.Name,
	})
	if err != nil {
		return fmt.Errorf("crm: encode contact %d: %w", u.ID, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, contactsURL, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("crm: build request: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Intercom-Version", "2.11")

	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("crm: sync contact %d: %w", u.ID, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("crm: sync contact %d: unexpected status %s", u.ID, resp.Status)
	}
	return nil
}
