// Package nats is a minimal stand-in for github.com/nats-io/nats.go.
package nats

const DefaultURL = "nats://127.0.0.1:4222"

type Option func(*Options) error

type Options struct{ Name string }

type Conn struct{ url string }

func Connect(url string, options ...Option) (*Conn, error) { return &Conn{url}, nil }

func (nc *Conn) Publish(subj string, data []byte) error { return nil }
