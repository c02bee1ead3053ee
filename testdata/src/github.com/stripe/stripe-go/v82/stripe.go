// Package stripe is a minimal stand-in for github.com/stripe/stripe-go/v82.
package stripe

import "context"

const APIURL string = "https://api.stripe.com"

var Key string

func String(v string) *string { return &v }

type CustomerParams struct {
	Email *string
	Name  *string
}

type CustomerCreateParams struct {
	Email *string
	Name  *string
}

type Customer struct{ ID string }

type v1CustomerService struct{ key string }

func (c v1CustomerService) Create(ctx context.Context, params *CustomerCreateParams) (*Customer, error) {
	return &Customer{}, nil
}

type Client struct {
	V1Customers *v1CustomerService
}

func NewClient(key string) *Client { return &Client{V1Customers: &v1CustomerService{key}} }
