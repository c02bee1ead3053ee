// Package model holds the user data.
package model

// User is a user of the service.
type User struct {
	ID    int64
	Email string `userdata:"contact"`
	Name  string `userdata:""`
}
