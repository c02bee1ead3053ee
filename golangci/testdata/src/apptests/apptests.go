// Package apptests sends user data only from a _test.go file, which counts
// with the plugin's tests setting.
package apptests

type User struct {
	Email string `userdata:"contact"`
}
