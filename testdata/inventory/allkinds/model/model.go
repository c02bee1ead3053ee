// Package model holds the fixture's user data.
package model

// Customer is a registered customer.
type Customer struct {
	ID      int64
	Email   string  `json:"email" userdata:"contact"`
	Phone   string  `json:"phone" userdata:"contact"`
	Name    string  `json:"name" userdata:""`
	Address Address `json:"address" userdata:"location"`
	IBAN    string  `json:"iban" userdata:"financial"`
	Device  string  `json:"device" userdata:"device"`
}

// Address is a postal address, user data wherever a tagged field holds it.
type Address struct {
	Street string `json:"street"`
	City   string `json:"city"`
}
