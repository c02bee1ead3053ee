// Package generics checks methods of generic types: getters, setters and
// identities, called directly or as method values, on types with one or
// two type parameters. A setter with a value receiver changes a copy, so
// what it is given does not reach the caller's value (other tools' suites
// expect it to; Go's semantics say no).
package generics

import (
	"net/http"
	"strings"
)

const collector = "https://collector.example.us/events"

type Contact struct {
	Phone string `userdata:"contact"`
}

type Box[T any] struct {
	Item T
}

func (b *Box[T]) Put(v T)        { b.Item = v }
func (b Box[T]) Get() T          { return b.Item }
func (b Box[T]) Same(v T) T      { return v }
func (b Box[T]) PutOnCopy(v T)   { b.Item = v }
func (b *Box[T]) Swap(v T) (o T) { o, b.Item = b.Item, v; return }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p *Pair[K, V]) SetVal(v V) { p.Val = v }
func (p Pair[K, V]) Value() V    { return p.Val }

func setThenGet(c Contact) {
	var b Box[string]
	b.Put(c.Phone)
	http.Post(collector, "text/plain", strings.NewReader(b.Get())) // want `disallowed-region: User data generics.Contact.Phone \(contact\) is sent to collector.example.us in US`
}

func methodValues(c Contact) {
	var b Box[string]
	put := b.Put
	put(c.Phone)
	get := b.Get
	http.Post(collector, "text/plain", strings.NewReader(get())) // want `disallowed-region: User data generics.Contact.Phone \(contact\) is sent to collector.example.us in US`
}

func identity(c Contact) {
	var b Box[string]
	same := b.Same
	http.Post(collector, "text/plain", strings.NewReader(same(c.Phone))) // want `disallowed-region: User data generics.Contact.Phone \(contact\) is sent to collector.example.us in US`
}

func twoParameters(c Contact) {
	p := Pair[int, string]{Key: 1}
	p.SetVal(c.Phone)
	http.Post(collector, "text/plain", strings.NewReader(p.Value())) // want `disallowed-region: User data generics.Contact.Phone \(contact\) is sent to collector.example.us in US`
}

func swapped(c Contact) {
	b := &Box[string]{Item: c.Phone}
	old := b.Swap("")
	http.Post(collector, "text/plain", strings.NewReader(old)) // want `disallowed-region: User data generics.Contact.Phone \(contact\) is sent to collector.example.us in US`
}

// A setter with a value receiver sets a copy's field: b.Item stays "".
func valueReceiverSetter(c Contact) {
	var b Box[string]
	b.PutOnCopy(c.Phone)
	http.Post(collector, "text/plain", strings.NewReader(b.Item))
}
