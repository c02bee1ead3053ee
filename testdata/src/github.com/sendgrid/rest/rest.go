// Package rest is a minimal stand-in for github.com/sendgrid/rest.
package rest

type Method string

const Post Method = "POST"

type Request struct {
	Method  Method
	BaseURL string
	Headers map[string]string
	Body    []byte
}

type Response struct{ StatusCode int }
