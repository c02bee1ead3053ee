// Package pubsub is a minimal stand-in for cloud.google.com/go/pubsub.
package pubsub

import (
	"context"

	"google.golang.org/api/option"
)

type Client struct{ project string }

func NewClient(ctx context.Context, projectID string, opts ...option.ClientOption) (c *Client, err error) {
	return &Client{project: projectID}, nil
}

type Topic struct{ name string }

func (c *Client) Topic(id string) *Topic { return &Topic{name: id} }

type Message struct {
	Data       []byte
	Attributes map[string]string
}

type PublishResult struct{}

func (t *Topic) Publish(ctx context.Context, msg *Message) *PublishResult { return &PublishResult{} }
