// Package model declares tagged types that another package builds new
// types over.
package model

type Profile struct {
	Email string `userdata:"contact"`
	Plan  string
}

type Account struct {
	ID      int64
	Profile Profile
	Phone   string `userdata:"contact"`
}

// Box is a generic holder of a tagged value.
type Box[T any] struct {
	Item  T
	Owner string `userdata:""`
}

type AccountPtr *Account
