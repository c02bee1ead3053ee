// Package analytics is a minimal stand-in for github.com/segmentio/analytics-go/v3.
package analytics

import "io"

const DefaultEndpoint = "https://api.segment.io"

type Message interface{ Validate() error }

type Properties map[string]interface{}

type Traits map[string]interface{}

type Track struct {
	UserId     string
	Event      string
	Properties Properties
}

func (Track) Validate() error { return nil }

type Identify struct {
	UserId string
	Traits Traits
}

func (Identify) Validate() error { return nil }

type Client interface {
	io.Closer
	Enqueue(Message) error
}

type Config struct {
	Endpoint string
	Verbose  bool
}

type client struct{ Config }

func (c *client) Close() error              { return nil }
func (c *client) Enqueue(msg Message) error { return nil }

func New(writeKey string) Client { return &client{Config{Endpoint: DefaultEndpoint}} }

func NewWithConfig(writeKey string, config Config) (cli Client, err error) {
	if config.Endpoint == "" {
		config.Endpoint = DefaultEndpoint
	}
	return &client{config}, nil
}
