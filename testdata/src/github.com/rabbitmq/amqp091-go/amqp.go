// Package amqp091 is a minimal stand-in for github.com/rabbitmq/amqp091-go.
package amqp091

import "context"

type Connection struct{ url string }

func Dial(url string) (*Connection, error) { return &Connection{url}, nil }

type Channel struct{ c *Connection }

func (c *Connection) Channel() (*Channel, error) { return &Channel{c}, nil }

type Table map[string]interface{}

type Publishing struct {
	Headers     Table
	ContentType string
	Body        []byte
}

func (ch *Channel) Publish(exchange, key string, mandatory, immediate bool, msg Publishing) error {
	return nil
}

func (ch *Channel) PublishWithContext(ctx context.Context, exchange, key string, mandatory, immediate bool, msg Publishing) error {
	return nil
}
