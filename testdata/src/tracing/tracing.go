// Package tracing: recording user data on a tracing span (an error that
// names the user, a span name) is like logging it. It neither makes the
// context that carries the span user data nor the requests made with that
// context.
package tracing

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"go.opentelemetry.io/otel/trace"
)

type User struct {
	Email string `userdata:"contact"`
}

func lookup(ctx context.Context, u *User) error {
	span := trace.SpanFromContext(ctx)
	span.SetName("lookup " + u.Email)
	span.RecordError(fmt.Errorf("no account for %s", u.Email))
	span.End()
	return nil
}

func Handle(ctx context.Context, u *User) {
	_ = lookup(ctx, u)
	req, _ := http.NewRequestWithContext(ctx, "GET", "https://api.mixpanel.com/health", nil)
	http.DefaultClient.Do(req)
	http.Post("https://api.mixpanel.com/track", "text/plain", strings.NewReader(u.Email)) // want `disallowed-region: User data tracing.User.Email \(contact\)`
}
