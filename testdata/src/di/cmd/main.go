// Command cmd wires vendorx into svc. // want package:`pending\(Store.Save Store.SaveColumns Store.SaveColumns Store.Touch Tracker.Track\)`
// Here the pending call from svc meets its implementation.
package main

import (
	"di/store"
	"di/svc"
	"di/vendorx"
)

func main() {
	s := svc.New(vendorx.New())
	s.Signup(&svc.User{Email: "a@example.com"})
	u := loaded
	svc.Seen(store.Remote{}, u)
	svc.Keep(store.Remote{}, u)
	svc.Stamp(store.Remote{}, u)
	svc.Readdress(store.Remote{}, u)
}

// loaded is a user the program did not build: it holds the fields its
// type tags.
var loaded *svc.User
