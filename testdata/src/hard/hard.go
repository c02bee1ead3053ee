// Package hard holds shapes at the edge of what the engine follows. Known
// misses are written `// TODO: want` with the reason, and counted in
// lineage/README.md.
package hard

import (
	"context"
	"iter"
	"net"
	"net/http"
	"reflect"
	"sort"
	"strings"
	"sync"
)

const us = "https://api.mixpanel.com/track"

type User struct {
	Email string `userdata:"contact"`
}

type Box[T any] struct{ v T }

func (b *Box[T]) Put(v T) { b.v = v }
func (b *Box[T]) Get() T  { return b.v }

func genericType(u *User) {
	var b Box[string]
	b.Put(u.Email)
	http.Post(us, "text/plain", strings.NewReader(b.Get())) // want `disallowed-region: User data hard.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func emails(us []User) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, u := range us {
			if !yield(u.Email) {
				return
			}
		}
	}
}

func rangeFunc(users []User) {
	for e := range emails(users) {
		http.Post(us, "text/plain", strings.NewReader(e)) // want `disallowed-region: User data hard.User.Email \(contact\) is sent to api.mixpanel.com in US`
	}
}

func reflection(u *User) {
	v := reflect.ValueOf(u).Elem().Field(0).String()
	// Field(0) by index: the engine does not know which field, so every
	// user-data field of the value counts (deliberately coarse).
	http.Post(us, "text/plain", strings.NewReader(v)) // want `disallowed-region: User data hard.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func sorted(users []User) {
	sort.Slice(users, func(i, j int) bool { return users[i].Email < users[j].Email })
	http.Post(us, "text/plain", strings.NewReader(users[0].Email)) // want `disallowed-region: User data hard.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

type cache struct {
	mu sync.Mutex
	m  map[string]string
}

func (c *cache) set(k, v string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k] = v
}

func (c *cache) get(k string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[k]
}

func cached(c *cache, u *User) {
	c.set("k", u.Email)
	http.Post(us, "text/plain", strings.NewReader(c.get("k"))) // want `disallowed-region: User data hard.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

type handler func(string)

func callbacks(u *User) {
	var h handler = func(s string) {
		http.Post(us, "text/plain", strings.NewReader(s)) // want `disallowed-region: User data hard.User.Email \(contact\) is sent to api.mixpanel.com in US`
	}
	apply(h, u.Email)
}

func apply(h handler, s string) { h(s) }

func recursion(u *User, n int) string {
	if n == 0 {
		return u.Email
	}
	return recursion(u, n-1)
}

func recursive(u *User) {
	http.Post(us, "text/plain", strings.NewReader(recursion(u, 3))) // want `disallowed-region: User data hard.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

// lookup returns a method value of a standard-library type the engine has
// no model for; its receiver is not known where the value is called.
func lookup() func(ctx context.Context, host string) ([]string, error) {
	r := &net.Resolver{}
	return r.LookupHost
}

// boundUnknown calls it with a context: no crash, and the data passed in
// comes back out of the unknown call.
func boundUnknown(u *User) {
	f := lookup()
	addrs, _ := f(context.Background(), u.Email)
	http.Post(us, "text/plain", strings.NewReader(addrs[0])) // want `disallowed-region.*hard.User.Email`
}
