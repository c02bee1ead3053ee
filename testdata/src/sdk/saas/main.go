package saas

import "github.com/getsentry/sentry-go"

func setup() error {
	return sentry.Init(sentry.ClientOptions{Dsn: "https://key@o1.ingest.us.sentry.io/1"})
}
