// Command cmd wires vendorx into svc. // want package:`pending\(Tracker.Track\)`
// Here the pending call from svc meets its implementation.
package main

import (
	"di/svc"
	"di/vendorx"
)

func main() {
	s := svc.New(vendorx.New())
	s.Signup(&svc.User{Email: "a@example.com"})
}
