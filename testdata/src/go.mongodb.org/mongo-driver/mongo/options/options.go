// Package options is a minimal stand-in for go.mongodb.org/mongo-driver/mongo/options.
package options

type ClientOptions struct{ uri string }

func Client() *ClientOptions { return &ClientOptions{} }

func (c *ClientOptions) ApplyURI(uri string) *ClientOptions {
	c.uri = uri
	return c
}

type InsertOneOptions struct{}
