// Package iters sends user data read in the loop body of a range over a
// function iterator.
package iters

import (
	"iter"
	"maps"
	"slices"

	"example.com/robust/modern/model"
	"example.com/robust/modern/out"
)

// Emails yields the users' e-mail addresses.
func Emails(us []*model.User) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, u := range us {
			if !yield(u.Email) {
				return
			}
		}
	}
}

// Leak sends what the iterators yield.
func Leak(us []*model.User) {
	for e := range Emails(us) {
		out.Send(e) // want disallowed-region
	}
	for _, u := range slices.All(us) {
		out.Send(u.Name) // want disallowed-region
	}
	byName := map[string]*model.User{}
	for _, u := range us {
		byName[u.Name] = u
	}
	for k := range maps.Keys(byName) {
		out.Send(k) // may disallowed-region (TestMiss_MapsKeysIterator)
	}
}
