// Package model holds the demo's user type. It is test data for the report
// package's golden files and is never compiled.
package model

type User struct {
	ID    int64
	Email string `json:"email" userdata:"contact"`
	Name  string `userdata:""`
	Phone string `userdata:"contact"`
}
