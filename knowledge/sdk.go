package knowledge

import "strings"

// Cloud SDKs and SaaS clients are exits of their own (README "Cloud SDKs
// and SaaS clients"): where a client sends data follows from how it was
// configured (an AWS region, a GCP endpoint option, an Azure account URL, a
// DSN, a base URL), which the tables in sdk_*.go model, one row per call,
// instead of walking the SDK's body to its HTTP call.

// Exit kinds of the SDK exits: the vendor or protocol.
const (
	ExitAWS           = "aws"
	ExitGCP           = "gcp"
	ExitAzure         = "azure"
	ExitSentry        = "sentry"
	ExitSegment       = "segment"
	ExitDatadog       = "datadog"
	ExitStripe        = "stripe"
	ExitTwilio        = "twilio"
	ExitSendGrid      = "sendgrid"
	ExitMailgun       = "mailgun"
	ExitSlack         = "slack"
	ExitRedis         = "redis"
	ExitMongoDB       = "mongodb"
	ExitElasticsearch = "elasticsearch"
	ExitKafka         = "kafka"
	ExitNATS          = "nats"
	ExitAMQP          = "amqp"
)

// SDKExits, SDKCreators and SDKModels are the SDK rows of Exits, Creators
// and Models; Settings are the calls that configure SDK clients.
var (
	SDKExits    = concat(awsExits, gcpExits, azureExits, saasExits, storeExits)
	SDKCreators = concat(awsCreators, gcpCreators, azureCreators, saasCreators, storeCreators)
	SDKModels   = concat(awsModels, gcpModels, azureModels, saasModels, storeModels)
	Settings    = concat(awsSettings, gcpSettings, saasSettings, storeSettings)
)

// SDK describes one SDK for people: README.md's list of the SDK exits
// ("Cloud SDKs and SaaS clients"), which a hygiene test checks against
// these tables.
type SDK struct {
	Name string
	// Packages are the import paths (prefixes) of the SDK's exits.
	Packages []string
	// Destination says where its exits send data and how the region of
	// that destination is found.
	Destination string
}

// SDKs lists the SDKs of SDKExits, in the README's order.
var SDKs = []SDK{
	{Name: "AWS SDK for Go v2", Packages: []string{"github.com/aws/aws-sdk-go-v2"},
		Destination: "`https://<service>.<region>.amazonaws.com` (SES: `email.<region>`): the region of a per-client option (`func(o *s3.Options) { o.Region = ... }`), else of the `aws.Config` the client is made from (`aws.Config{Region: ...}`, `config.LoadDefaultConfig(ctx, config.WithRegion(...))`), else `environment variable AWS_REGION`, a configured input; a `BaseEndpoint` option (LocalStack, MinIO) wins"},
	{Name: "Google Cloud", Packages: []string{"cloud.google.com/go"},
		Destination: "the global endpoint (`storage.googleapis.com`, `pubsub.googleapis.com`, `bigquery.googleapis.com`: unknown region, the location of the bucket, topic or dataset decides), or the regional or locational endpoint given with `option.WithEndpoint` (`https://storage.europe-west3.rep.googleapis.com/`, `europe-west3-pubsub.googleapis.com:443`: DE)"},
	{Name: "Azure SDK for Go", Packages: []string{"github.com/Azure/azure-sdk-for-go"},
		Destination: "the account or namespace URL the client is made with (`https://<account>.blob.core.windows.net`, `<namespace>.servicebus.windows.net`, `https://<account>.documents.azure.com`): unknown region unless the policy's `endpoints` map it"},
	{Name: "Sentry", Packages: []string{"github.com/getsentry/sentry-go"},
		Destination: "the DSN's host (`o1.ingest.us.sentry.io` US, `o1.ingest.de.sentry.io` DE): a client's `ClientOptions.Dsn`; for the package functions, `CurrentHub` and scopes, the DSN given to `sentry.Init` in the same package; without a DSN, `environment variable SENTRY_DSN`"},
	{Name: "Segment", Packages: []string{"github.com/segmentio/analytics-go/v3", "gopkg.in/segmentio/analytics-go.v3"},
		Destination: "`Config.Endpoint` (`https://events.eu1.segmentapis.com`: IE), else `https://api.segment.io` (US)"},
	{Name: "Datadog (DogStatsD, APM)", Packages: []string{"github.com/DataDog/datadog-go/v5", "gopkg.in/DataDog/dd-trace-go.v1", "github.com/DataDog/dd-trace-go/v2"},
		Destination: "the Datadog site the Agent forwards to, `environment variable DD_SITE`, a configured input (`datadoghq.eu` DE, `datadoghq.com` US); the clients themselves name only the Agent's address"},
	{Name: "Stripe", Packages: []string{"github.com/stripe/stripe-go/v82"},
		Destination: "`https://api.stripe.com` (not in the catalog: unknown region)"},
	{Name: "Twilio", Packages: []string{"github.com/twilio/twilio-go"},
		Destination: "`api[.<edge>][.<region>].twilio.com` from `SetEdge` and `SetRegion` on the client (`dublin`, `ie1`: IE), else `environment variable TWILIO_REGION`"},
	{Name: "SendGrid", Packages: []string{"github.com/sendgrid/sendgrid-go"},
		Destination: "`NewSendClient`: `https://api.sendgrid.com` (global: unknown region); a request from `GetRequest(key, endpoint, host)`: its host (`https://api.eu.sendgrid.com`: EU)"},
	{Name: "Mailgun", Packages: []string{"github.com/mailgun/mailgun-go/v4"},
		Destination: "`SetAPIBase` (`mailgun.APIBaseEU`: EU), else `https://api.mailgun.net/v3` (US); `NewMailgunFromEnv`: `environment variable MG_URL`"},
	{Name: "Slack", Packages: []string{"github.com/slack-go/slack"},
		Destination: "`OptionAPIURL`, else `https://slack.com/api/` (unknown region); a webhook: its URL"},
	{Name: "Redis (go-redis)", Packages: []string{"github.com/redis/go-redis/v9"},
		Destination: "`Options.Addr` (or the URL given to `ParseURL`), default `localhost:6379`"},
	{Name: "MongoDB", Packages: []string{"go.mongodb.org/mongo-driver"},
		Destination: "the URI given with `options.Client().ApplyURI`"},
	{Name: "Elasticsearch", Packages: []string{"github.com/elastic/go-elasticsearch/v8"},
		Destination: "`Config.Addresses`, else `environment variable ELASTICSEARCH_URL`"},
	{Name: "Kafka (sarama, franz-go)", Packages: []string{"github.com/IBM/sarama", "github.com/twmb/franz-go"},
		Destination: "the brokers given to `NewSyncProducer` or `NewAsyncProducer`, or with `kgo.SeedBrokers`"},
	{Name: "NATS", Packages: []string{"github.com/nats-io/nats.go"},
		Destination: "the URL given to `nats.Connect`"},
	{Name: "RabbitMQ (amqp091-go)", Packages: []string{"github.com/rabbitmq/amqp091-go"},
		Destination: "the URL given to `amqp.Dial`"},
}

// Modelled lists the packages whose bodies datagate does not read: the
// tables model every call into them that sends data or configures where it
// goes, and any other call into them carries its arguments to its result
// and receiver, as a call with no model does (noted with -v). A path ending
// in "/..." also covers the packages below it. A package that only
// modelled packages import is not analysed either. This is what makes a
// scan of a service built on these SDKs fast: the AWS S3 package alone is
// larger than most services.
var Modelled = concat(awsModelled, saasModelled)

// IsModelled reports whether the package with this import path is in
// Modelled.
func IsModelled(path string) bool {
	for _, m := range Modelled {
		if p, ok := strings.CutSuffix(m, "/..."); ok {
			if path == p || strings.HasPrefix(path, p+"/") {
				return true
			}
			continue
		}
		if path == m {
			return true
		}
	}
	return false
}

func concat[T any](lists ...[]T) []T {
	var out []T
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}
