// Package esapi is a minimal stand-in for github.com/elastic/go-elasticsearch/v8/esapi.
package esapi

import (
	"context"
	"io"
	"net/http"
)

type Response struct{ StatusCode int }

type Transport interface {
	Perform(*http.Request) (*http.Response, error)
}

type IndexRequest struct {
	Index      string
	DocumentID string
	Body       io.Reader
}

type Index func(index string, body io.Reader, o ...func(*IndexRequest)) (*Response, error)

func (r IndexRequest) Do(providedCtx context.Context, transport Transport) (*Response, error) {
	return &Response{}, nil
}

type API struct {
	Index Index
}

func New(t Transport) *API {
	return &API{Index: func(index string, body io.Reader, o ...func(*IndexRequest)) (*Response, error) {
		return IndexRequest{Index: index, Body: body}.Do(context.Background(), t)
	}}
}
