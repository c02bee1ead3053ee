// Package retry is a retrying HTTP client in the style of widely used
// ones: a request keeps its body as a function that re-opens it, set by
// SetBody and called again on every attempt.
package retry

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
)

type ReaderFunc func() (io.Reader, error)

type Request struct {
	body ReaderFunc
	*http.Request
}

func NewRequest(method, url string) (*Request, error) {
	r, err := http.NewRequest(method, url, nil)
	if err != nil {
		return nil, err
	}
	return &Request{Request: r}, nil
}

func bodyOf(raw any) (ReaderFunc, error) {
	switch b := raw.(type) {
	case []byte:
		return func() (io.Reader, error) { return bytes.NewReader(b), nil }, nil
	case string:
		return func() (io.Reader, error) { return strings.NewReader(b), nil }, nil
	case io.Reader:
		data, err := io.ReadAll(b)
		if err != nil {
			return nil, err
		}
		return func() (io.Reader, error) { return bytes.NewReader(data), nil }, nil
	}
	return nil, errors.New("unsupported body")
}

// SetBody keeps the body as a function.
func (r *Request) SetBody(raw any) error {
	f, err := bodyOf(raw)
	if err != nil {
		return err
	}
	r.body = f
	return nil
}

// WithContext returns a copy with a new context.
func (r *Request) WithContext(ctx context.Context) *Request {
	return &Request{body: r.body, Request: r.Request.WithContext(ctx)}
}

type Client struct {
	HTTP  *http.Client
	Tries int
}

// Do sends the request, re-opening its body for every attempt.
func (c *Client) Do(req *Request) (*http.Response, error) {
	var lastErr error
	for i := 0; i < c.Tries; i++ {
		if req.body != nil {
			b, err := req.body()
			if err != nil {
				return nil, err
			}
			req.Body = io.NopCloser(b)
		}
		resp, err := c.HTTP.Do(req.Request)
		if err == nil {
			return resp, nil
		}
		lastErr = err
	}
	return nil, lastErr
}
