// Package websocket is a minimal stand-in for github.com/gorilla/websocket
// with the names the engine's tables use, so tests run offline.
package websocket

import "net/http"

type Dialer struct{}

var DefaultDialer = &Dialer{}

type Conn struct{ url string }

const TextMessage = 1

func (d *Dialer) Dial(urlStr string, h http.Header) (*Conn, *http.Response, error) {
	return &Conn{url: urlStr}, nil, nil
}

func (c *Conn) WriteMessage(messageType int, data []byte) error { return nil }

func (c *Conn) WriteJSON(v any) error { return nil }
