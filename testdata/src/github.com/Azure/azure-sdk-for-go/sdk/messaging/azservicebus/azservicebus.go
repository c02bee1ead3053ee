// Package azservicebus is a minimal stand-in for
// github.com/Azure/azure-sdk-for-go/sdk/messaging/azservicebus.
package azservicebus

import (
	"context"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
)

type ClientOptions struct{}

type Client struct{ ns string }

func NewClient(fullyQualifiedNamespace string, credential azcore.TokenCredential, options *ClientOptions) (*Client, error) {
	return &Client{fullyQualifiedNamespace}, nil
}

type NewSenderOptions struct{}

type Sender struct{ c *Client }

func (client *Client) NewSender(queueOrTopic string, options *NewSenderOptions) (*Sender, error) {
	return &Sender{client}, nil
}

type Message struct {
	Body                  []byte
	ApplicationProperties map[string]any
	Subject               *string
}

type SendMessageOptions struct{}

func (s *Sender) SendMessage(ctx context.Context, message *Message, options *SendMessageOptions) error {
	return nil
}
