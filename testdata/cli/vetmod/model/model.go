// Package model holds the user-data types.
package model

// User is a customer.
type User struct {
	ID    int64
	Email string `userdata:"contact"`
}
