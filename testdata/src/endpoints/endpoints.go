// Package endpoints checks how exits' destinations are resolved: constants,
// concatenation, fmt.Sprintf, strings.Join, net/url, net.JoinHostPort,
// package variables, struct fields, parameters passed by callers, and the
// reasons given when a destination cannot be known.
package endpoints

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
)

type User struct {
	Email string `userdata:"contact"`
}

func body(u *User) *strings.Reader { return strings.NewReader(u.Email) }

const host = "api.mixpanel.com"

var base = "https://" + host

var endpointFlag = flag.String("endpoint", "", "where to send")

type Config struct{ URL string }

type client struct{ base string }

func newClient() *client { return &client{base: "https://api-eu.mixpanel.com"} }

func (c *client) send(u *User) {
	http.Post(c.base+"/e", "text/plain", body(u))
}

func constants(u *User) {
	http.Post("https://"+host+"/a", "text/plain", body(u)) // want `disallowed-region: User data endpoints.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func sprintf(u *User) {
	http.Post(fmt.Sprintf("https://%s/v%d/b", host, 2), "text/plain", body(u)) // want `disallowed-region: User data endpoints.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func joined(u *User) {
	http.Post(strings.Join([]string{"https:/", "api.segment.io", "c"}, "/"), "text/plain", body(u)) // want `disallowed-region: User data endpoints.User.Email \(contact\) is sent to api.segment.io in US`
}

func urls(u *User) {
	v := &url.URL{Scheme: "https", Host: "api.mixpanel.com", Path: "/d"}
	http.Post(v.String(), "text/plain", body(u)) // want `disallowed-region: User data endpoints.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func parsed(u *User) {
	v, _ := url.Parse("https://api.mixpanel.com/e")
	http.Post(v.String(), "text/plain", body(u)) // want `disallowed-region: User data endpoints.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func hostPort(u *User) {
	http.Post("http://"+net.JoinHostPort("api.mixpanel.com", "443")+"/f", "text/plain", body(u)) // want `disallowed-region: User data endpoints.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func packageVar(u *User) {
	http.Post(base+"/g", "text/plain", body(u)) // want `disallowed-region: User data endpoints.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func structField(u *User) {
	newClient().send(u)
}

func env(u *User) {
	http.Post(os.Getenv("ANALYTICS_URL"), "text/plain", body(u)) // want `unresolved-endpoint: User data endpoints.User.Email \(contact\) leaves through http.Post to a destination that cannot be determined statically \(environment variable ANALYTICS_URL\)`
}

func flags(u *User) {
	http.Post(*endpointFlag, "text/plain", body(u)) // want `unresolved-endpoint: User data endpoints.User.Email \(contact\) leaves through http.Post to a destination that cannot be determined statically \(flag -endpoint\)`
}

func config(c *Config, u *User) {
	http.Post(c.URL, "text/plain", body(u)) // want `unresolved-endpoint: User data endpoints.User.Email \(contact\) leaves through http.Post to a destination that cannot be determined statically \(config field Config.URL\)`
}

func post(target string, u *User) {
	http.Post(target, "text/plain", body(u)) // want `disallowed-region: User data endpoints.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func callers(u *User) {
	post("https://api.mixpanel.com/h", u)
	post("https://api-eu.mixpanel.com/h", u)
}

func several(u *User, eu bool) {
	target := "https://api.mixpanel.com/i"
	if eu {
		target = "https://api-eu.mixpanel.com/i"
	}
	http.Post(target, "text/plain", body(u)) // want `disallowed-region: User data endpoints.User.Email \(contact\) is sent to api.mixpanel.com in US`
}

func unknownHost(u *User) {
	http.Post("https://collector.example.org/j", "text/plain", body(u)) // want `unknown-region: User data endpoints.User.Email \(contact\) is sent to collector.example.org in an unknown region`
}

func internal(u *User) {
	http.Post("http://127.0.0.1:8080/k", "text/plain", body(u))
	http.Post("http://metrics.internal/k", "text/plain", body(u))
}

func regionTraps(u *User) {
	http.Post("https://sqs.eu-west-2.amazonaws.com/q", "text/plain", body(u))    // want `disallowed-region: User data endpoints.User.Email \(contact\) is sent to sqs.eu-west-2.amazonaws.com in GB`
	http.Post("https://sqs.eu-central-2.amazonaws.com/q", "text/plain", body(u)) // want `disallowed-region: User data endpoints.User.Email \(contact\) is sent to sqs.eu-central-2.amazonaws.com in CH`
	http.Post("https://sqs.eu-south-2.amazonaws.com/q", "text/plain", body(u))
	http.Post("https://sqs.eu-west-1.amazonaws.com/q", "text/plain", body(u))
}

// envClient's base URL comes from the environment, set by its constructor:
// the reason is the environment variable, not the field.
type envClient struct{ base string }

func newEnvClient() *envClient { return &envClient{base: os.Getenv("EVENTS_URL")} }

func (c *envClient) send(u *User) {
	http.Post(c.base+"/events", "text/plain", body(u)) // want `unresolved-endpoint: User data endpoints.User.Email \(contact\) leaves through http.Post to a destination that cannot be determined statically \(environment variable EVENTS_URL\)`
}

func envField(u *User) {
	newEnvClient().send(u)
}

// flagClient's address comes from a flag or a constant.
type flagClient struct{ addr string }

func newFlagClient(test bool) *flagClient {
	if test {
		return &flagClient{addr: "http://localhost:8080"}
	}
	return &flagClient{addr: *endpointFlag}
}

func (c *flagClient) send(u *User) {
	http.Post(c.addr, "text/plain", body(u)) // want `unresolved-endpoint: User data endpoints.User.Email \(contact\) leaves through http.Post to a destination that cannot be determined statically \(flag -endpoint\)`
}

func flagField(u *User) {
	newFlagClient(false).send(u)
}

// A hook whose destination is a field of its configuration, sending from
// a closure a span helper runs: the closure names the hook through what
// it captured, and the destination is the configuration's field, not the
// closure's first parameter ("parameter ctx.conf.URL").
type hook struct{ conf *Config }

func inSpan(ctx context.Context, f func(context.Context) error) error { return f(ctx) }

func (h *hook) deliver(ctx context.Context, body string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.conf.URL, strings.NewReader(body))
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req) // want `unresolved-endpoint: User data endpoints.User.Email \(contact\) leaves through \(\*http.Client\).Do to a destination that cannot be determined statically \(config field Config.URL\), so`
	return err
}

func (h *hook) fire(ctx context.Context, u *User) error {
	return inSpan(ctx, func(ctx context.Context) error {
		return h.deliver(ctx, u.Email)
	})
}
