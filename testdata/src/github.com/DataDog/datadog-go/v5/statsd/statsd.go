// Package statsd is a minimal stand-in for github.com/DataDog/datadog-go/v5/statsd.
package statsd

type Option func(*Options) error

type Options struct{ tags []string }

func WithTags(tags []string) Option { return func(o *Options) error { o.tags = tags; return nil } }

type ClientInterface interface {
	Incr(name string, tags []string, rate float64) error
	Gauge(name string, value float64, tags []string, rate float64) error
}

type Client struct{ addr string }

func New(addr string, options ...Option) (*Client, error) { return &Client{addr}, nil }

func (c *Client) Incr(name string, tags []string, rate float64) error                 { return nil }
func (c *Client) Gauge(name string, value float64, tags []string, rate float64) error { return nil }
func (c *Client) Set(name string, value string, tags []string, rate float64) error    { return nil }
