// Package generic sends user data through generic types and functions,
// instantiated several times.
package generic

import (
	"example.com/robust/modern/model"
	"example.com/robust/modern/out"
)

// Box holds one value of any type.
type Box[T any] struct{ v T }

// Put stores v.
func (b *Box[T]) Put(v T) { b.v = v }

// Get returns the stored value.
func (b *Box[T]) Get() T { return b.v }

// Pair holds two values.
type Pair[K comparable, V any] struct {
	Key K
	Val V
}

// Map applies f to every element.
func Map[S ~[]E, E, R any](s S, f func(E) R) []R {
	out := make([]R, 0, len(s))
	for _, e := range s {
		out = append(out, f(e))
	}
	return out
}

// Stringer is a type-set constraint.
type Stringer interface {
	~string
}

// First returns the first element, or the zero value.
func First[T Stringer](s []T) T {
	var zero T
	if len(s) == 0 {
		return zero
	}
	return s[0]
}

// Email is a named string type, an instantiation target.
type Email string

// Leak sends user data through Box, Pair, Map and First.
func Leak(u *model.User) {
	var b Box[string]
	b.Put(u.Email)
	out.Send(b.Get()) // want disallowed-region

	var n Box[int]
	n.Put(len(u.Email))
	_ = n.Get()

	p := Pair[int64, string]{Key: u.ID, Val: u.Name}
	out.Send(p.Val) // want disallowed-region

	names := Map([]*model.User{u}, func(x *model.User) string { return x.Name })
	out.Send(names[0]) // want disallowed-region

	out.Send(string(First([]Email{Email(u.Email)}))) // want disallowed-region
}
