// Package calls checks that user data is followed through calls of every
// kind: interfaces, closures, method values, generics, defer, go
// statements, channels, select, sync wrappers, context values and errors.
package calls

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"text/template"
)

const us = "https://api.mixpanel.com/track"

type User struct {
	ID    int64
	Email string `userdata:"contact"`
}

type Sender interface{ Send(s string) }

type httpSender struct{ url string }

func (h httpSender) Send(s string) {
	http.Post(h.url, "text/plain", strings.NewReader(s)) // want `disallowed-region: User data calls.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

type nopSender struct{}

func (nopSender) Send(string) {}

func viaInterface(u *User) {
	var s Sender = httpSender{url: us}
	s.Send(u.Email)
}

func closureCapture(u *User) {
	email := u.Email
	f := func() {
		http.Post(us, "text/plain", strings.NewReader(email)) // want `disallowed-region: User data calls.User.Email \(contact\) is sent to api.mixpanel.com in US`
	}
	f()
}

func closureWrites(u *User) {
	var out string
	set := func() { out = u.Email }
	set()
	http.Post(us, "text/plain", strings.NewReader(out)) // want `disallowed-region: User data calls.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func (u *User) contact() string { return u.Email }

func methodValue(u *User) {
	get := u.contact
	http.Post(us, "text/plain", strings.NewReader(get())) // want `disallowed-region: User data calls.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func identity[T any](v T) T { return v }

func generic(u *User) {
	http.Post(us, "text/plain", strings.NewReader(identity(u.Email))) // want `disallowed-region: User data calls.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func deferred(u *User) {
	defer http.Post(us, "text/plain", strings.NewReader(u.Email)) // want `disallowed-region: User data calls.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

// A deferred call runs when the function returns: what it writes is
// seen from there on, and what the function stores later is not seen
// where the defer statement stands.
func deferredResult(u *User) (out string) {
	defer func() { out = u.Email }()
	return ""
}

func useDeferredResult(u *User) {
	http.Post(us, "text/plain", strings.NewReader(deferredResult(u))) // want `disallowed-region: User data calls.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func logFailure(err *error) {
	if *err != nil {
		fmt.Println((*err).Error())
	}
}

// A value read from memory is a copy: what is stored there afterwards is
// not in it, with or without a deferred call (which runs at the end) or a
// loop (which makes the walk go round more than once) before the read.
func storedAfterSend(u *User) (err error) {
	var note struct{ text string }
	defer logFailure(&err)
	_, err = http.Post(us, "text/plain", strings.NewReader(note.text)) // no user data: note.text is set below
	note.text = u.Email
	fmt.Println(len(note.text))
	return err
}

func copiedBeforeStore(u *User, n int) {
	note := new(string)
	for i := 0; i < n; i++ {
		fmt.Println(i)
	}
	before := *note
	*note = u.Email
	http.Post(us, "text/plain", strings.NewReader(before)) // no user data: before was read first
	http.Post(us, "text/plain", strings.NewReader(*note))  // want `disallowed-region: User data calls.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func sendsStoredAfter(u *User) error { return storedAfterSend(u) }

// A closure handed over as a value (a template's function map) carries
// what its result returns of what it captured, not everything it
// captured: the queue holds user data, one helper returns only the root
// URL. Code that cannot be read (the template package) gives its results
// what it was given, so the template's name stands for its helpers here.
type mailer struct {
	queue []string
	root  string
}

func (m *mailer) enqueue(u *User) { m.queue = append(m.queue, u.Email) }

func (m *mailer) helpers() template.FuncMap {
	return template.FuncMap{"Root": func() string { return m.root }}
}

func (m *mailer) leakyHelpers() template.FuncMap {
	return template.FuncMap{"Next": func() string { return m.queue[0] }}
}

func describe(fm template.FuncMap) string {
	return template.New("n").Funcs(fm).Name()
}

func notifyRoot(m *mailer, u *User) {
	m.enqueue(u)
	http.Post(us, "text/plain", strings.NewReader(describe(m.helpers()))) // no user data: the helper returns the root URL
}

func notifyNext(m *mailer, u *User) {
	m.enqueue(u)
	http.Post(us, "text/plain", strings.NewReader(describe(m.leakyHelpers()))) // want `disallowed-region: User data calls.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

// An unknown call's results each carry its arguments, but for an error:
// the parsed template stands for the helpers it was given (what they
// return lies below the map passed, at its values); the parse error
// quotes none of them.
func compile(fm template.FuncMap, body string) (*template.Template, error) {
	return template.New("n").Funcs(fm).Parse(body)
}

func notifyParse(m *mailer, u *User) {
	m.enqueue(u)
	t, err := compile(m.leakyHelpers(), "{{ Next }}")
	if err != nil {
		http.Post(us, "text/plain", strings.NewReader(err.Error())) // no user data: code not seen reports a failure, not its input
		return
	}
	http.Post(us, "text/plain", strings.NewReader(t.Name())) // want `disallowed-region: User data calls.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

// A hook kept in a field, which code out of sight may set, is given the
// request; the error it returns is a failure, not the request: a
// retrying sender's error, kept as the delivery's status, holds no user
// data.
type retrier struct {
	prepare func(*http.Request) error
}

func (r *retrier) deliver(u *User) error {
	req, err := http.NewRequest(http.MethodPost, us, strings.NewReader(u.Email))
	if err != nil {
		return err
	}
	if err := r.prepare(req); err != nil {
		return fmt.Errorf("giving up: %w", err)
	}
	_, err = http.DefaultClient.Do(req) // want `disallowed-region: User data calls.User.Email \(contact\) is sent to api.mixpanel.com in US`
	return err
}

func recordDelivery(r *retrier, u *User) {
	if err := r.deliver(u); err != nil {
		http.Post(us, "text/plain", strings.NewReader(err.Error())) // no user data: the hook's error quotes nothing it was given
	}
}

// A callee's exits read its arguments as they were before the call: a
// hook that sends its context and then keeps, in the context, the user it
// decoded from the answer did not send that user. (Two hooks alike, one
// per caller: a finding is placed at the exit, which both would share.)
type hookCtx struct {
	Method string
	Answer any
}

func preHook() {
	callPreHook(&hookCtx{Method: "pre"})
}

func callPreHook(hc *hookCtx) {
	resp, err := http.Post(us, "text/plain", strings.NewReader(fmt.Sprint(hc))) // no user data: the answer is kept after the context was sent
	if err != nil {
		return
	}
	var who User
	if json.NewDecoder(resp.Body).Decode(&who) == nil {
		hc.Answer = who.Email
	}
}

func postHook(u *User) {
	callPostHook(&hookCtx{Method: "post", Answer: u.Email})
}

func callPostHook(hc *hookCtx) {
	resp, err := http.Post(us, "text/plain", strings.NewReader(fmt.Sprint(hc))) // want `disallowed-region: User data calls.User.Email \(contact\) is sent to api.mixpanel.com in US`
	if err != nil {
		return
	}
	var who User
	if json.NewDecoder(resp.Body).Decode(&who) == nil {
		hc.Answer = who.Email
	}
}

func goroutine(u *User) {
	go http.Post(us, "text/plain", strings.NewReader(u.Email)) // want `disallowed-region: User data calls.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func channels(u *User) {
	ch := make(chan string, 1)
	ch <- u.Email
	v := <-ch
	http.Post(us, "text/plain", strings.NewReader(v)) // want `disallowed-region: User data calls.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func worker(ch chan string) {
	for v := range ch {
		http.Post(us, "text/plain", strings.NewReader(v)) // want `disallowed-region: User data calls.User.Email \(contact\) is sent to api.mixpanel.com in US`
	}
}

func producer(u *User) {
	ch := make(chan string)
	go worker(ch)
	ch <- u.Email
}

func selects(u *User, done chan struct{}) {
	ch := make(chan string, 1)
	ch <- u.Email
	select {
	case v := <-ch:
		http.Post(us, "text/plain", strings.NewReader(v)) // want `disallowed-region: User data calls.User.Email \(contact\) is sent to api.mixpanel.com in US`
	case <-done:
	}
}

func syncMap(u *User) {
	var m sync.Map
	m.Store("k", u.Email)
	v, _ := m.Load("k")
	http.Post(us, "text/plain", strings.NewReader(v.(string))) // want `disallowed-region: User data calls.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

type ctxKey struct{}

func contexts(u *User) {
	ctx := context.WithValue(context.Background(), ctxKey{}, u.Email)
	v := ctx.Value(ctxKey{}).(string)
	http.Post(us, "text/plain", strings.NewReader(v)) // want `disallowed-region: User data calls.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func errs(u *User) {
	err := fmt.Errorf("bad user %s: %w", u.Email, errors.New("x"))
	http.Post(us, "text/plain", strings.NewReader(err.Error())) // want `disallowed-region: User data calls.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func joined(u *User) {
	err := errors.Join(errors.New(u.Email), errors.New("y"))
	http.Post(us, "text/plain", strings.NewReader(err.Error())) // want `disallowed-region: User data calls.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func noData(u *User) {
	var s Sender = nopSender{}
	s.Send(u.Email)
	http.Post(us, "text/plain", strings.NewReader(fmt.Sprint(u.ID)))
}

// A tree printed by a closure that calls itself through the variable it
// was assigned to: the e-mail sits in a child, reached only by the
// recursive call.
type treeNode interface{ isNode() }

type inner struct {
	Label string
	Child treeNode
}

type leafNode struct{ Label string }

func (*inner) isNode()    {}
func (*leafNode) isNode() {}

func render(t treeNode) string {
	var b strings.Builder
	var walk func(n treeNode)
	walk = func(n treeNode) {
		switch n := n.(type) {
		case *inner:
			b.WriteString(n.Label)
			walk(n.Child)
		case *leafNode:
			b.WriteString(n.Label)
		}
	}
	walk(t)
	return b.String()
}

func sendTree(u *User) {
	out := render(&inner{Label: "root", Child: &leafNode{Label: u.Email}})
	http.Post(us, "text/plain", strings.NewReader(out)) // want `disallowed-region: User data calls.User.Email \(contact\) is sent to api.mixpanel.com in US`
}
