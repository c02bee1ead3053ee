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
