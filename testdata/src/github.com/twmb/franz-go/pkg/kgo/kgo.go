// Package kgo is a minimal stand-in for github.com/twmb/franz-go/pkg/kgo.
package kgo

import "context"

type Opt interface{ apply(*cfg) }

type cfg struct{ seeds []string }

type seedOpt []string

func (o seedOpt) apply(c *cfg) { c.seeds = o }

func SeedBrokers(seeds ...string) Opt { return seedOpt(seeds) }

type Client struct{ cfg cfg }

func NewClient(opts ...Opt) (*Client, error) {
	c := &Client{}
	for _, o := range opts {
		o.apply(&c.cfg)
	}
	return c, nil
}

type Record struct {
	Topic string
	Key   []byte
	Value []byte
}

type ProduceResults []struct{ Err error }

func (cl *Client) Produce(ctx context.Context, r *Record, promise func(*Record, error)) {}

func (cl *Client) ProduceSync(ctx context.Context, rs ...*Record) ProduceResults { return nil }
