// Command realsdk sends user data through the real AWS, Sentry and Datadog
// SDK modules; internal/realsdk scans it with the datagate command and
// checks where each call's data goes (README "Cloud SDKs and SaaS
// clients").
package main

import (
	"context"
	"strings"

	"github.com/DataDog/datadog-go/v5/statsd"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/getsentry/sentry-go"
)

// User is what the service knows about a person.
type User struct {
	ID    string
	Email string `json:"email" userdata:"contact"`
}

// exportUS uploads to a bucket in us-east-1 (N. Virginia): disallowed.
func exportUS(ctx context.Context, u *User) error {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("us-east-1"))
	if err != nil {
		return err
	}
	_, err = s3.NewFromConfig(cfg).PutObject(ctx, &s3.PutObjectInput{
		Bucket: aws.String("exports"),
		Key:    aws.String("users/" + u.ID),
		Body:   strings.NewReader(u.Email),
	})
	return err
}

// exportEU uploads to a bucket in eu-central-1 (Frankfurt): allowed.
func exportEU(ctx context.Context, u *User) error {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("eu-central-1"))
	if err != nil {
		return err
	}
	_, err = s3.NewFromConfig(cfg).PutObject(ctx, &s3.PutObjectInput{
		Bucket: aws.String("exports"),
		Key:    aws.String("users/" + u.ID),
		Body:   strings.NewReader(u.Email),
	})
	return err
}

// report sends an event with the user's e-mail to Sentry's US region.
func report(u *User) {
	sentry.CaptureEvent(&sentry.Event{Message: "signup failed", User: sentry.User{ID: u.ID, Email: u.Email}})
}

// count tags a metric with the user's e-mail; DogStatsD sends it to the
// Datadog Agent, which forwards it to its site: DD_SITE, a configured
// input (datadoghq.eu is Germany, datadoghq.com the US).
func count(u *User) error {
	c, err := statsd.New("127.0.0.1:8125")
	if err != nil {
		return err
	}
	return c.Incr("signup", []string{"email:" + u.Email}, 1)
}

func main() {
	_ = sentry.Init(sentry.ClientOptions{Dsn: "https://key@o1.ingest.us.sentry.io/1"})
	ctx := context.Background()
	u := &User{ID: "1", Email: "a@example.com"}
	_ = exportUS(ctx, u)
	_ = exportEU(ctx, u)
	report(u)
	_ = count(u)
}
