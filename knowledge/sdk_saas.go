package knowledge

// SaaS vendor clients. Each sends to its vendor's API host; which region
// that is follows from the configuration the vendor's SDK offers (a DSN, a
// base URL, a region and edge, an endpoint option) and from the catalog's
// rows for the vendor's hosts (lineage/regions).

const (
	sentry    = "github.com/getsentry/sentry-go"
	srcSentry = "pkg.go.dev/github.com/getsentry/sentry-go"
	// sentryGlobal is the DSN of the global hub: what sentry.Init was
	// given (its ClientOptions.Dsn, else SENTRY_DSN from the environment).
	sentryGlobal = "call:" + sentry + ".Init{arg:0.Dsn | env:SENTRY_DSN} | ?Sentry DSN given to sentry.Init outside this package"

	segment    = "github.com/segmentio/analytics-go/v3"
	segmentV3  = "gopkg.in/segmentio/analytics-go.v3"
	srcSegment = "pkg.go.dev/github.com/segmentio/analytics-go/v3"

	statsd      = "github.com/DataDog/datadog-go/v5/statsd"
	srcStatsd   = "pkg.go.dev/github.com/DataDog/datadog-go/v5/statsd"
	ddTraceV1   = "gopkg.in/DataDog/dd-trace-go.v1/ddtrace"
	ddTraceV2   = "github.com/DataDog/dd-trace-go/v2/ddtrace"
	srcDDTrace  = "pkg.go.dev/gopkg.in/DataDog/dd-trace-go.v1/ddtrace/tracer"
	srcDDTrace2 = "pkg.go.dev/github.com/DataDog/dd-trace-go/v2/ddtrace/tracer"
	// The Datadog clients send to the Datadog Agent (DogStatsD on
	// localhost:8125, traces on localhost:8126), which forwards to the
	// Datadog site it is configured for: DD_SITE (datadoghq.com,
	// datadoghq.eu, ...). The destination is that site, a configured input.
	srcDDSite     = "Datadog docs, Getting Started with Datadog Sites: the Agent sends to the site set by DD_SITE (site parameter); API host api.<site>, APM intake trace.agent.<site>"
	ddMetricsSite = `"https://api.{env:DD_SITE}"`
	ddTraceSite   = `"https://trace.agent.{env:DD_SITE}"`

	stripe    = "github.com/stripe/stripe-go/v82"
	srcStripe = "pkg.go.dev/github.com/stripe/stripe-go/v82"
	// stripeAPI is stripe.APIURL, the API backend's URL.
	stripeAPI = `"https://api.stripe.com"`

	twilio    = "github.com/twilio/twilio-go"
	srcTwilio = "pkg.go.dev/github.com/twilio/twilio-go"
	// The Twilio client's host is api[.edge][.region].twilio.com
	// (client.RequestHandler.BuildUrl; region us1 when only an edge is
	// set), from SetEdge and SetRegion, else from TWILIO_EDGE and
	// TWILIO_REGION in the environment, US1 when neither is set.
	twilioHost = `"https://api.{set:.Edge}.{set:.Region}.twilio.com" | "https://api.{set:.Region}.twilio.com" | "https://api.{set:.Edge}.us1.twilio.com" | env:TWILIO_REGION`

	sendgrid    = "github.com/sendgrid/sendgrid-go"
	srcSendGrid = "pkg.go.dev/github.com/sendgrid/sendgrid-go"

	mailgun    = "github.com/mailgun/mailgun-go/v4"
	srcMailgun = "pkg.go.dev/github.com/mailgun/mailgun-go/v4"

	slack    = "github.com/slack-go/slack"
	srcSlack = "pkg.go.dev/github.com/slack-go/slack"
)

var saasCreators = []CreatorModel{
	{Func: sentry + ".NewClient", Kind: ExitSentry, Endpoint: "arg:0.Dsn | env:SENTRY_DSN", Source: srcSentry + "#NewClient (ClientOptions.Dsn, else SENTRY_DSN)"},
	{Func: sentry + ".NewHub", Kind: ExitSentry, Endpoint: "~0", Source: srcSentry + "#NewHub"},
	{Func: sentry + ".CurrentHub", Kind: ExitSentry, Endpoint: sentryGlobal, Source: srcSentry + "#CurrentHub (the hub sentry.Init binds its client to)"},
	{Func: sentry + ".GetHubFromContext", Kind: ExitSentry, Endpoint: sentryGlobal, Source: srcSentry + "#GetHubFromContext (a clone of the current hub, set by the integrations)"},
	{Func: "(*" + sentry + ".Hub).Clone", Kind: ExitSentry, Endpoint: "~0", Source: srcSentry + "#Hub.Clone"},
	{Func: "(*" + sentry + ".Hub).Client", Kind: ExitSentry, Endpoint: "~0", Source: srcSentry + "#Hub.Client"},

	{Func: segment + ".New", Kind: ExitSegment, Endpoint: `"https://api.segment.io"`, Source: srcSegment + "#New (DefaultEndpoint)"},
	{Func: segment + ".NewWithConfig", Kind: ExitSegment, Endpoint: `arg:1.Endpoint | "https://api.segment.io"`, Source: srcSegment + "#NewWithConfig (Config.Endpoint, else DefaultEndpoint)"},
	{Func: segmentV3 + ".New", Kind: ExitSegment, Endpoint: `"https://api.segment.io"`, Source: "pkg.go.dev/gopkg.in/segmentio/analytics-go.v3#New"},
	{Func: segmentV3 + ".NewWithConfig", Kind: ExitSegment, Endpoint: `arg:1.Endpoint | "https://api.segment.io"`, Source: "pkg.go.dev/gopkg.in/segmentio/analytics-go.v3#NewWithConfig"},

	{Func: twilio + ".NewRestClient", Kind: ExitTwilio, Endpoint: twilioHost, Source: srcTwilio + "#NewRestClient; " + srcTwilio + "/client#RequestHandler.BuildUrl"},
	{Func: twilio + ".NewRestClientWithParams", Kind: ExitTwilio, Endpoint: twilioHost, Source: srcTwilio + "#NewRestClientWithParams; " + srcTwilio + "/client#RequestHandler.BuildUrl"},

	{Func: sendgrid + ".NewSendClient", Kind: ExitSendGrid, Endpoint: `"https://api.sendgrid.com/v3/mail/send"`, Source: srcSendGrid + "#NewSendClient"},

	{Func: mailgun + ".NewMailgun", Kind: ExitMailgun, Endpoint: `set:.APIBase | "https://api.mailgun.net/v3"`, Source: srcMailgun + "#NewMailgun (APIBase, the US region; SetAPIBase(APIBaseEU) for the EU region)"},
	{Func: mailgun + ".NewMailgunFromEnv", Kind: ExitMailgun, Endpoint: `set:.APIBase | env:MG_URL`, Source: srcMailgun + "#NewMailgunFromEnv (MG_URL)"},

	{Func: slack + ".New", Kind: ExitSlack, Endpoint: `opt:1:.endpoint | "https://slack.com/api/"`, Source: srcSlack + "#New (APIURL; OptionAPIURL)"},
}

var saasExits = concat([]ExitModel{
	// Sentry: the package functions use the global hub; a Hub or Client
	// its own DSN. What a Scope is given is sent with the events captured
	// in it (the global hub's, in ConfigureScope and WithScope).
	{Func: sentry + ".CaptureException", Kind: ExitSentry, Data: "0w", Endpoint: sentryGlobal, Op: "Sentry CaptureException", Source: srcSentry + "#CaptureException"},
	{Func: sentry + ".CaptureMessage", Kind: ExitSentry, Data: "0", Endpoint: sentryGlobal, Op: "Sentry CaptureMessage", Source: srcSentry + "#CaptureMessage"},
	{Func: sentry + ".CaptureEvent", Kind: ExitSentry, Data: "0w:json", Endpoint: sentryGlobal, Op: "Sentry CaptureEvent", Source: srcSentry + "#CaptureEvent (Event: User, Message, Tags, Contexts, Extra, Request)"},
	{Func: sentry + ".AddBreadcrumb", Kind: ExitSentry, Data: "0w:json", Endpoint: sentryGlobal, Op: "Sentry AddBreadcrumb", Source: srcSentry + "#AddBreadcrumb (sent with the next event)"},
	{Func: "(*" + sentry + ".Hub).CaptureException", Kind: ExitSentry, Data: "1w", Endpoint: "obj:0", Op: "Sentry Hub.CaptureException", Source: srcSentry + "#Hub.CaptureException"},
	{Func: "(*" + sentry + ".Hub).CaptureMessage", Kind: ExitSentry, Data: "1", Endpoint: "obj:0", Op: "Sentry Hub.CaptureMessage", Source: srcSentry + "#Hub.CaptureMessage"},
	{Func: "(*" + sentry + ".Hub).CaptureEvent", Kind: ExitSentry, Data: "1w:json", Endpoint: "obj:0", Op: "Sentry Hub.CaptureEvent", Source: srcSentry + "#Hub.CaptureEvent"},
	{Func: "(*" + sentry + ".Hub).CaptureEventWithHint", Kind: ExitSentry, Data: "1w:json", Endpoint: "obj:0", Op: "Sentry Hub.CaptureEvent", Source: srcSentry + "#Hub.CaptureEventWithHint"},
	{Func: "(*" + sentry + ".Hub).AddBreadcrumb", Kind: ExitSentry, Data: "1w:json", Endpoint: "obj:0", Op: "Sentry Hub.AddBreadcrumb", Source: srcSentry + "#Hub.AddBreadcrumb"},
	{Func: "(*" + sentry + ".Client).CaptureException", Kind: ExitSentry, Data: "1w", Endpoint: "obj:0", Op: "Sentry Client.CaptureException", Source: srcSentry + "#Client.CaptureException"},
	{Func: "(*" + sentry + ".Client).CaptureMessage", Kind: ExitSentry, Data: "1", Endpoint: "obj:0", Op: "Sentry Client.CaptureMessage", Source: srcSentry + "#Client.CaptureMessage"},
	{Func: "(*" + sentry + ".Client).CaptureEvent", Kind: ExitSentry, Data: "1w:json", Endpoint: "obj:0", Op: "Sentry Client.CaptureEvent", Source: srcSentry + "#Client.CaptureEvent"},
	{Func: "(*" + sentry + ".Scope).SetUser", Kind: ExitSentry, Data: "1w:json", Endpoint: sentryGlobal, Op: "Sentry Scope.SetUser", Source: srcSentry + "#Scope.SetUser (User: ID, Email, IPAddress, Username, Name, Data)"},
	{Func: "(*" + sentry + ".Scope).SetTag", Kind: ExitSentry, Data: "1,2", Endpoint: sentryGlobal, Op: "Sentry Scope.SetTag", Source: srcSentry + "#Scope.SetTag"},
	{Func: "(*" + sentry + ".Scope).SetTags", Kind: ExitSentry, Data: "1", Endpoint: sentryGlobal, Op: "Sentry Scope.SetTags", Source: srcSentry + "#Scope.SetTags"},
	{Func: "(*" + sentry + ".Scope).SetContext", Kind: ExitSentry, Data: "1,2w:json", Endpoint: sentryGlobal, Op: "Sentry Scope.SetContext", Source: srcSentry + "#Scope.SetContext"},
	{Func: "(*" + sentry + ".Scope).SetContexts", Kind: ExitSentry, Data: "1w:json", Endpoint: sentryGlobal, Op: "Sentry Scope.SetContexts", Source: srcSentry + "#Scope.SetContexts"},
	{Func: "(*" + sentry + ".Scope).SetRequestBody", Kind: ExitSentry, Data: "1", Endpoint: sentryGlobal, Op: "Sentry Scope.SetRequestBody", Source: srcSentry + "#Scope.SetRequestBody"},
	{Func: "(*" + sentry + ".Scope).AddBreadcrumb", Kind: ExitSentry, Data: "1w:json", Endpoint: sentryGlobal, Op: "Sentry Scope.AddBreadcrumb", Source: srcSentry + "#Scope.AddBreadcrumb"},

	// Segment: every message type (Track, Identify, Page, ...) is sent as
	// JSON, with its Properties, Traits and Context.
	{Func: "(" + segment + ".Client).Enqueue", Kind: ExitSegment, Data: "1w:json", Endpoint: "obj:0", Op: "Segment Enqueue", Source: srcSegment + "#Client (Enqueue: Track, Identify, Page, Screen, Group, Alias)"},
	{Func: "(" + segmentV3 + ".Client).Enqueue", Kind: ExitSegment, Data: "1w:json", Endpoint: "obj:0", Op: "Segment Enqueue", Source: "pkg.go.dev/gopkg.in/segmentio/analytics-go.v3#Client"},

	// Datadog APM: span tags and the user set on a span are sent with the
	// span, to the site, however the span was obtained.
	{Func: "(" + ddTraceV1 + ".Span).SetTag", Kind: ExitDatadog, Data: "1,2w", Endpoint: ddTraceSite, Op: "Datadog Span.SetTag", Source: "pkg.go.dev/gopkg.in/DataDog/dd-trace-go.v1/ddtrace#Span"},
	{Func: "(" + ddTraceV1 + ".Span).SetBaggageItem", Kind: ExitDatadog, Data: "1,2", Endpoint: ddTraceSite, Op: "Datadog Span.SetBaggageItem", Source: "pkg.go.dev/gopkg.in/DataDog/dd-trace-go.v1/ddtrace#Span"},
	{Func: ddTraceV1 + "/tracer.StartSpan", Kind: ExitDatadog, Data: "0,1", Endpoint: ddTraceSite, Op: "Datadog StartSpan", Source: srcDDTrace + "#StartSpan (Tag options)"},
	{Func: ddTraceV1 + "/tracer.StartSpanFromContext", Kind: ExitDatadog, Data: "1,2", Endpoint: ddTraceSite, Op: "Datadog StartSpan", Source: srcDDTrace + "#StartSpanFromContext"},
	{Func: ddTraceV2 + "/tracer.StartSpan", Kind: ExitDatadog, Data: "0,1", Endpoint: ddTraceSite, Op: "Datadog StartSpan", Source: srcDDTrace2 + "#StartSpan (Tag options)"},
	{Func: ddTraceV2 + "/tracer.StartSpanFromContext", Kind: ExitDatadog, Data: "1,2", Endpoint: ddTraceSite, Op: "Datadog StartSpan", Source: srcDDTrace2 + "#StartSpanFromContext"},
	{Func: ddTraceV1 + "/tracer.SetUser", Kind: ExitDatadog, Data: "1,2", Endpoint: ddTraceSite, Op: "Datadog SetUser", Source: srcDDTrace + "#SetUser (WithUserEmail, WithUserName, ...)"},
	{Func: "(*" + ddTraceV2 + "/tracer.Span).SetTag", Kind: ExitDatadog, Data: "1,2w", Endpoint: ddTraceSite, Op: "Datadog Span.SetTag", Source: srcDDTrace2 + "#Span.SetTag"},
	{Func: "(*" + ddTraceV2 + "/tracer.Span).SetBaggageItem", Kind: ExitDatadog, Data: "1,2", Endpoint: ddTraceSite, Op: "Datadog Span.SetBaggageItem", Source: srcDDTrace2 + "#Span.SetBaggageItem"},
	{Func: ddTraceV2 + "/tracer.SetUser", Kind: ExitDatadog, Data: "1,2", Endpoint: ddTraceSite, Op: "Datadog SetUser", Source: srcDDTrace2 + "#SetUser"},

	// Stripe: the API backend, https://api.stripe.com.
	{Func: stripe + "/customer.New", Kind: ExitStripe, Data: "0", Endpoint: stripeAPI, Op: "Stripe customer.New", Source: srcStripe + "/customer#New (CustomerParams: Email, Name, Phone, Address)"},
	{Func: stripe + "/customer.Update", Kind: ExitStripe, Data: "0,1", Endpoint: stripeAPI, Op: "Stripe customer.Update", Source: srcStripe + "/customer#Update"},
	{Func: "(" + stripe + "/customer.Client).New", Kind: ExitStripe, Data: "1", Endpoint: stripeAPI, Op: "Stripe customer.New", Source: srcStripe + "/customer#Client.New"},
	{Func: "(" + stripe + "/customer.Client).Update", Kind: ExitStripe, Data: "1,2", Endpoint: stripeAPI, Op: "Stripe customer.Update", Source: srcStripe + "/customer#Client.Update"},
	{Func: stripe + "/paymentintent.New", Kind: ExitStripe, Data: "0", Endpoint: stripeAPI, Op: "Stripe paymentintent.New", Source: srcStripe + "/paymentintent#New (ReceiptEmail, Shipping)"},
	{Func: stripe + "/checkout/session.New", Kind: ExitStripe, Data: "0", Endpoint: stripeAPI, Op: "Stripe checkout session.New", Source: srcStripe + "/checkout/session#New (CustomerEmail)"},
	{Func: "(" + stripe + ".v1CustomerService).Create", Kind: ExitStripe, Data: "2", Endpoint: stripeAPI, Op: "Stripe V1Customers.Create", Source: srcStripe + "#Client (V1Customers.Create)"},
	{Func: "(" + stripe + ".v1CustomerService).Update", Kind: ExitStripe, Data: "2,3", Endpoint: stripeAPI, Op: "Stripe V1Customers.Update", Source: srcStripe + "#Client (V1Customers.Update)"},
	{Func: "(" + stripe + ".v1PaymentIntentService).Create", Kind: ExitStripe, Data: "2", Endpoint: stripeAPI, Op: "Stripe V1PaymentIntents.Create", Source: srcStripe + "#Client (V1PaymentIntents.Create)"},
	{Func: "(" + stripe + ".v1CheckoutSessionService).Create", Kind: ExitStripe, Data: "2", Endpoint: stripeAPI, Op: "Stripe V1CheckoutSessions.Create", Source: srcStripe + "#Client (V1CheckoutSessions.Create)"},

	// Twilio: the services hang off the RestClient (client.Api,
	// client.VerifyV2) and share its host.
	{Func: "(*" + twilio + "/rest/api/v2010.ApiService).CreateMessage", Kind: ExitTwilio, Data: "1", Endpoint: "obj:0", Op: "Twilio CreateMessage", Source: srcTwilio + "/rest/api/v2010#ApiService.CreateMessage (CreateMessageParams: To, From, Body)"},
	{Func: "(*" + twilio + "/rest/api/v2010.ApiService).CreateCall", Kind: ExitTwilio, Data: "1", Endpoint: "obj:0", Op: "Twilio CreateCall", Source: srcTwilio + "/rest/api/v2010#ApiService.CreateCall (CreateCallParams: To, From, Twiml)"},
	{Func: "(*" + twilio + "/rest/verify/v2.ApiService).CreateVerification", Kind: ExitTwilio, Data: "1,2", Endpoint: "obj:0", Op: "Twilio CreateVerification", Source: srcTwilio + "/rest/verify/v2#ApiService.CreateVerification (To)"},

	// SendGrid: the client posts to the v3 mail send endpoint; a request
	// built with GetRequest goes to the host it was given.
	{Func: "(*" + sendgrid + ".Client).Send", Kind: ExitSendGrid, Data: "1w:json", Endpoint: "obj:0", Op: "SendGrid Send", Source: srcSendGrid + "#Client.Send (mail.SGMailV3)"},
	{Func: "(*" + sendgrid + ".Client).SendWithContext", Kind: ExitSendGrid, Data: "2w:json", Endpoint: "obj:0", Op: "SendGrid Send", Source: srcSendGrid + "#Client.SendWithContext"},
	{Func: sendgrid + ".API", Kind: ExitSendGrid, Data: "0", Endpoint: "arg:0.BaseURL", Op: "SendGrid API", Source: srcSendGrid + "#API (rest.Request: BaseURL, Body)"},
	{Func: sendgrid + ".MakeRequest", Kind: ExitSendGrid, Data: "0", Endpoint: "arg:0.BaseURL", Op: "SendGrid MakeRequest", Source: srcSendGrid + "#MakeRequest"},
	{Func: sendgrid + ".MakeRequestWithContext", Kind: ExitSendGrid, Data: "1", Endpoint: "arg:1.BaseURL", Op: "SendGrid MakeRequest", Source: srcSendGrid + "#MakeRequestWithContext"},
	{Func: sendgrid + ".MakeRequestRetry", Kind: ExitSendGrid, Data: "0", Endpoint: "arg:0.BaseURL", Op: "SendGrid MakeRequest", Source: srcSendGrid + "#MakeRequestRetry"},
	{Func: sendgrid + ".MakeRequestRetryWithContext", Kind: ExitSendGrid, Data: "1", Endpoint: "arg:1.BaseURL", Op: "SendGrid MakeRequest", Source: srcSendGrid + "#MakeRequestRetryWithContext"},

	// Mailgun.
	{Func: "(*" + mailgun + ".MailgunImpl).Send", Kind: ExitMailgun, Data: "2", Endpoint: "obj:0", Op: "Mailgun Send", Source: srcMailgun + "#MailgunImpl.Send (Message: from, to, subject, text, html)"},
	{Func: "(" + mailgun + ".Mailgun).Send", Kind: ExitMailgun, Data: "2", Endpoint: "obj:0", Op: "Mailgun Send", Source: srcMailgun + "#Mailgun"},

	// Slack.
	{Func: "(*" + slack + ".Client).PostMessage", Kind: ExitSlack, Data: "1,2", Endpoint: "obj:0", Op: "Slack PostMessage", Source: srcSlack + "#Client.PostMessage (MsgOptionText, MsgOptionAttachments, ...)"},
	{Func: "(*" + slack + ".Client).PostMessageContext", Kind: ExitSlack, Data: "2,3", Endpoint: "obj:0", Op: "Slack PostMessage", Source: srcSlack + "#Client.PostMessageContext"},
	{Func: slack + ".PostWebhook", Kind: ExitSlack, Data: "1", Endpoint: "arg:0", Op: "Slack PostWebhook", Source: srcSlack + "#PostWebhook"},
	{Func: slack + ".PostWebhookContext", Kind: ExitSlack, Data: "2", Endpoint: "arg:1", Op: "Slack PostWebhook", Source: srcSlack + "#PostWebhookContext"},
}, statsdExits())

// statsdExits are the DogStatsD client's sends, on the client and on
// ClientInterface: the metric's name and tags (and a set's value, an
// event's or service check's text) go to the Agent, and on to the site,
// whichever client sends them.
func statsdExits() []ExitModel {
	ops := []struct{ name, data string }{
		{"Gauge", "1,3"}, {"GaugeWithTimestamp", "1,3"}, {"Count", "1,3"}, {"CountWithTimestamp", "1,3"},
		{"Histogram", "1,3"}, {"Distribution", "1,3"}, {"Decr", "1,2"}, {"Incr", "1,2"},
		{"Set", "1,2,3"}, {"Timing", "1,3"}, {"TimeInMilliseconds", "1,3"},
		{"Event", "1w"}, {"SimpleEvent", "1,2"}, {"ServiceCheck", "1w"}, {"SimpleServiceCheck", "1"},
	}
	var out []ExitModel
	for _, recv := range []string{"(*" + statsd + ".Client)", "(" + statsd + ".ClientInterface)"} {
		for _, op := range ops {
			out = append(out, ExitModel{Func: recv + "." + op.name, Kind: ExitDatadog, Data: op.data, Endpoint: ddMetricsSite,
				Op: "DogStatsD " + op.name, Source: srcStatsd + "#Client." + op.name})
		}
	}
	return out
}

var saasSettings = []SettingModel{
	{Func: "(*" + twilio + ".RestClient).SetRegion", Path: ".Region", Value: "arg:1", Source: srcTwilio + "#RestClient.SetRegion"},
	{Func: "(*" + twilio + ".RestClient).SetEdge", Path: ".Edge", Value: "arg:1", Source: srcTwilio + "#RestClient.SetEdge"},
	{Func: "(*" + mailgun + ".MailgunImpl).SetAPIBase", Path: ".APIBase", Value: "arg:1", Source: srcMailgun + "#MailgunImpl.SetAPIBase (APIBaseUS, APIBaseEU)"},
	{Func: "(" + mailgun + ".Mailgun).SetAPIBase", Path: ".APIBase", Value: "arg:1", Source: srcMailgun + "#Mailgun"},
	{Func: sendgrid + ".GetRequest", Path: ".BaseURL", Value: `"{arg:2}{arg:1}"`, Source: srcSendGrid + "#GetRequest (host, then endpoint: https://api.eu.sendgrid.com for EU subusers)"},
	{Func: sendgrid + ".GetRequestSubuser", Path: ".BaseURL", Value: `"{arg:2}{arg:1}"`, Source: srcSendGrid + "#GetRequestSubuser"},
	{Func: slack + ".OptionAPIURL", Path: ".endpoint", Value: "arg:0", Source: srcSlack + "#OptionAPIURL"},
}

var saasModels = []Model{}

var saasModelled = []string{
	sentry,
	statsd,
	ddTraceV1, ddTraceV1 + "/tracer",
	ddTraceV2, ddTraceV2 + "/tracer",
}
