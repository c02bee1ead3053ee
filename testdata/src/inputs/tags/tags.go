// Package tags reads destinations from config structs filled by
// envconfig-style libraries: a field read as a destination is named by the
// environment variable its tag names, with the prefixes of the structs
// above it (caarlos0/env's envPrefix). A field with no such tag that no code
// sets is named as a config field, by its struct type: also when the
// struct is reached through a method's receiver, whatever the method's
// first parameter is.
package tags

import (
	"context"
	"net/http"
	"strings"

	env "github.com/caarlos0/env/v11"
	"github.com/kelseyhightower/envconfig"
)

type User struct {
	Email string `userdata:"contact"`
}

func body(u *User) *strings.Reader { return strings.NewReader(u.Email) }

// Spec is filled by kelseyhightower/envconfig.
type Spec struct {
	EventsURL string `envconfig:"EVENTS_URL"`
	Plain     string
}

func envconfigTag(u *User) {
	var s Spec
	if err := envconfig.Process("", &s); err != nil {
		return
	}
	http.Post(s.EventsURL, "text/plain", body(u)) // want `unresolved-endpoint.*environment variable EVENTS_URL`
	http.Post(s.Plain, "text/plain", body(u))     // want `unresolved-endpoint.*config field Spec.Plain`
}

// SMTP is a nested struct whose variables share a prefix.
type SMTP struct {
	Host string `env:"HOST,required"`
}

// Config is filled by caarlos0/env.
type Config struct {
	Hook string `env:"HOOK_URL"`
	Mail SMTP   `envPrefix:"SMTP_"`
}

var cfg Config

func init() {
	if err := env.Parse(&cfg); err != nil {
		panic(err)
	}
}

func envTag(u *User) {
	http.Post(cfg.Hook, "text/plain", body(u))                 // want `unresolved-endpoint.*environment variable HOOK_URL`
	http.Post("https://"+cfg.Mail.Host, "text/plain", body(u)) // want `unresolved-endpoint.*environment variable SMTP_HOST`
}

// Notifier keeps its config; Send's first parameter is a context, which
// has nothing to do with the destination.
type Notifier struct {
	cfg Settings
}

// Settings has no tags: its fields are config fields.
type Settings struct {
	WebhookURL string
}

// Send is exported and called by nobody here: the destination is the
// receiver's config field.
func (n *Notifier) Send(ctx context.Context, u *User) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, n.cfg.WebhookURL, body(u))
	http.DefaultClient.Do(req) // want `unresolved-endpoint.*config field Settings.WebhookURL`
}

// Forward reads a tagged field of its parameter: the variable is named.
func Forward(c *Config, u *User) {
	http.Post(c.Hook, "text/plain", body(u)) // want `unresolved-endpoint.*environment variable HOOK_URL`
}
