// Package elasticsearch is a minimal stand-in for github.com/elastic/go-elasticsearch/v8.
package elasticsearch

import (
	"net/http"

	"github.com/elastic/go-elasticsearch/v8/esapi"
)

type Config struct {
	Addresses []string
	Username  string
}

type BaseClient struct{ addrs []string }

func (c *BaseClient) Perform(req *http.Request) (*http.Response, error) { return nil, nil }

type Client struct {
	BaseClient
	*esapi.API
}

func NewClient(cfg Config) (*Client, error) {
	c := &Client{BaseClient: BaseClient{cfg.Addresses}}
	c.API = esapi.New(&c.BaseClient)
	return c, nil
}
