// Package model defines the shop's domain types.
//
// Fields tagged `userdata:"<category>"` hold personal data. The data
// protection team reviews every place they leave the service; datagate
// enforces that review in CI.
package model

import "time"

// User is a registered customer.
type User struct {
	ID           int64     `json:"id"`
	Email        string    `json:"email" userdata:"contact"`
	Name         string    `json:"name" userdata:""`
	Phone        string    `json:"phone,omitempty" userdata:"contact"`
	Address      Address   `json:"address" userdata:"location"`
	CreatedAt    time.Time `json:"created_at"`
	PasswordHash string    `json:"-"`
}

// Address is a postal address. It carries no tags of its own: it is personal
// data wherever a tagged field holds it.
type Address struct {
	Street  string `json:"street"`
	City    string `json:"city"`
	Country string `json:"country"`
}

// Order is a customer's purchase.
type Order struct {
	ID              int64   `json:"id"`
	UserID          int64   `json:"user_id"`
	Total           int64   `json:"total_cents"`
	ShippingAddress Address `json:"shipping_address" userdata:"location"`
}
