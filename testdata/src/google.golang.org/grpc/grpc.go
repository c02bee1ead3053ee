// Package grpc is a minimal stand-in for google.golang.org/grpc with the
// same names and signatures the engine's tables refer to, so tests run
// offline.
package grpc

import "context"

type CallOption interface{}
type DialOption interface{}

type ClientConn struct{ target string }

type ClientConnInterface interface {
	Invoke(ctx context.Context, method string, args any, reply any, opts ...CallOption) error
}

func NewClient(target string, opts ...DialOption) (*ClientConn, error) {
	return &ClientConn{target: target}, nil
}

func (cc *ClientConn) Invoke(ctx context.Context, method string, args any, reply any, opts ...CallOption) error {
	return nil
}
