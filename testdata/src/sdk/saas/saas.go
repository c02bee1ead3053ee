// Package saas checks the SaaS vendor clients: the destination follows
// from the DSN, base URL, region or endpoint option the client was
// configured with.
package saas

import (
	"context"
	"errors"
	"os"

	"github.com/DataDog/datadog-go/v5/statsd"
	"github.com/getsentry/sentry-go"
	"github.com/mailgun/mailgun-go/v4"
	analytics "github.com/segmentio/analytics-go/v3"
	"github.com/sendgrid/rest"
	"github.com/sendgrid/sendgrid-go"
	"github.com/sendgrid/sendgrid-go/helpers/mail"
	"github.com/slack-go/slack"
	stripe "github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/customer"
	"github.com/twilio/twilio-go"
	openapi "github.com/twilio/twilio-go/rest/api/v2010"
	"gopkg.in/DataDog/dd-trace-go.v1/ddtrace/tracer"
)

type User struct {
	ID    string
	Email string `json:"email" userdata:"contact"`
	Phone string `json:"phone" userdata:"contact"`
	Name  string `json:"name" userdata:""`
}

// Sentry: the global hub's DSN is the one sentry.Init was given in this
// package (main.go).
func reportSignup(u *User) {
	sentry.CaptureEvent(&sentry.Event{Message: "signup", User: sentry.User{Email: u.Email}}) // want `disallowed-region: User data saas.User.Email \(contact\) is sent to o1.ingest.us.sentry.io in US`
	sentry.CaptureException(errors.New("bad address " + u.Name))                             // want `saas.User.Name \(personal\) is sent to o1.ingest.us.sentry.io in US`
	sentry.ConfigureScope(func(scope *sentry.Scope) {
		scope.SetUser(sentry.User{ID: u.ID, Email: u.Email}) // want `saas.User.Email \(contact\) is sent to o1.ingest.us.sentry.io in US`
	})
}

// A hub with a client of its own: its DSN, in the EU (DE).
func reportEU(u *User) {
	c, _ := sentry.NewClient(sentry.ClientOptions{Dsn: "https://key@o1.ingest.de.sentry.io/2"})
	hub := sentry.NewHub(c, sentry.NewScope())
	hub.CaptureMessage("signup " + u.Email)
	hub.Clone().CaptureException(errors.New(u.Email))
}

// A client whose DSN comes from the environment.
func reportEnv(u *User) {
	c, _ := sentry.NewClient(sentry.ClientOptions{})
	c.CaptureMessage(u.Email, nil, nil) // want `unresolved-endpoint: .*saas.User.Email \(contact\).*environment variable SENTRY_DSN`
}

// Segment: the default endpoint is the US; the EU workspace endpoint is
// Dublin (IE).
func track(u *User) {
	c := analytics.New("key")
	c.Enqueue(analytics.Identify{UserId: u.ID, Traits: analytics.Traits{"email": u.Email}}) // want `saas.User.Email \(contact\) is sent to api.segment.io in US`
	eu, _ := analytics.NewWithConfig("key", analytics.Config{Endpoint: "https://events.eu1.segmentapis.com"})
	eu.Enqueue(analytics.Track{UserId: u.ID, Event: "signup", Properties: analytics.Properties{"email": u.Email}})
}

// Datadog: metrics and spans go through the Agent to the site it is
// configured for, DD_SITE.
func metrics(u *User) {
	c, _ := statsd.New("127.0.0.1:8125")
	c.Incr("signup", []string{"email:" + u.Email}, 1) // want `unresolved-endpoint: .*saas.User.Email \(contact\).*environment variable DD_SITE`
	var ci statsd.ClientInterface = c
	ci.Gauge("plan", 1, []string{"user:" + u.Name}, 1) // want `unresolved-endpoint: .*saas.User.Name \(personal\).*environment variable DD_SITE`
}

func trace(u *User) {
	span := tracer.StartSpan("signup", tracer.Tag("user.phone", u.Phone)) // want `unresolved-endpoint: .*saas.User.Phone \(contact\).*environment variable DD_SITE`
	span.SetTag("user.email", u.Email)                                    // want `unresolved-endpoint: .*saas.User.Email \(contact\).*environment variable DD_SITE`
	tracer.SetUser(span, u.ID, tracer.WithUserEmail(u.Email))             // want `unresolved-endpoint: .*saas.User.Email \(contact\).*environment variable DD_SITE`
	span.Finish()
}

// Stripe: api.stripe.com, whose region the catalog does not state.
func charge(ctx context.Context, u *User) {
	customer.New(&stripe.CustomerParams{Email: stripe.String(u.Email)})                         // want `unknown-region: .*saas.User.Email \(contact\).*api.stripe.com`
	stripe.NewClient("sk").V1Customers.Create(ctx, &stripe.CustomerCreateParams{Name: &u.Name}) // TODO: want `api.stripe.com` (a pointer to a tagged field, &u.Name, passed in the input is not followed)
}

// Twilio: the US1 default unless a region is set; IE1 in Dublin.
func sms(u *User) {
	c := twilio.NewRestClient()
	c.SetRegion("ie1")
	c.SetEdge("dublin")
	params := &openapi.CreateMessageParams{}
	params.SetTo(u.Phone)
	c.Api.CreateMessage(params)

	us := twilio.NewRestClient()
	us.SetEdge("ashburn")
	us.Api.CreateMessage((&openapi.CreateMessageParams{}).SetTo(u.Phone)) // want `saas.User.Phone \(contact\) is sent to api.ashburn.us1.twilio.com in US`

	env := twilio.NewRestClient()
	env.Api.CreateMessage((&openapi.CreateMessageParams{}).SetBody(u.Name)) // want `unresolved-endpoint: .*saas.User.Name \(personal\).*environment variable TWILIO_REGION`
}

// SendGrid: the global API names no region; the EU host is EU.
func email(u *User) {
	m := mail.NewSingleEmail(mail.NewEmail("Shop", "shop@example.com"), "Welcome", mail.NewEmail(u.Name, u.Email), "hi", "")
	sendgrid.NewSendClient("key").Send(m) // want `unknown-region: .*saas.User.Email \(contact\).*api.sendgrid.com`
	req := sendgrid.GetRequest("key", "/v3/mail/send", "https://api.eu.sendgrid.com")
	req.Method = rest.Post
	req.Body = mail.GetRequestBody(m)
	sendgrid.API(req)
}

// Mailgun: the US region by default; SetAPIBase(APIBaseEU) is the EU.
func mailgunSend(ctx context.Context, u *User) {
	mg := mailgun.NewMailgun("mg.example.com", "key")
	mg.Send(ctx, mailgun.NewMessage("shop@example.com", "Welcome", "hi", u.Email)) // want `saas.User.Email \(contact\) is sent to api.mailgun.net in US`
	var eu mailgun.Mailgun = mailgun.NewMailgun("mg.example.com", "key")
	eu.SetAPIBase(mailgun.APIBaseEU)
	eu.Send(ctx, mailgun.NewMessage("shop@example.com", "Welcome", "hi", u.Email))
}

// Slack: slack.com names no region; a webhook's URL is its destination.
func notify(u *User) {
	api := slack.New("token")
	api.PostMessage("C1", slack.MsgOptionText("new user "+u.Email, false)) // want `unknown-region: .*saas.User.Email \(contact\).*slack.com`
	internal := slack.New("token", slack.OptionAPIURL("http://slack-proxy.internal/api/"))
	internal.PostMessage("C1", slack.MsgOptionText("new user "+u.Email, false))
	slack.PostWebhook(os.Getenv("SLACK_WEBHOOK"), &slack.WebhookMessage{Text: u.Name}) // want `unresolved-endpoint: .*saas.User.Name \(personal\).*environment variable SLACK_WEBHOOK`
}

// A client handed in (dependency injection): the site all the same.
func metricsVia(c statsd.ClientInterface, u *User) {
	c.Incr("signup", []string{"email:" + u.Email}, 1) // want `unresolved-endpoint: .*saas.User.Email \(contact\).*\(environment variable DD_SITE\)`
}
