package regions

// SaaS vendors that receive personal data (analytics, error tracking,
// e-mail, SMS, CRM, support, logging, feature flags, identity, AI), with the
// host names of their regions. A region is a country where the vendor names
// one ("EU (Germany)" is DE) and the group EU where it only says "EU" or
// "Europe". Hosts the vendor routes to whichever region holds the account
// (api.fullstory.com, api.hubapi.com, the "global" api.sendgrid.com) are
// left out: their host does not say where the data goes.

// hostRows is every host pattern of the catalog: cloud forms first, then
// the vendors.
var hostRows = append(append([]hostRow(nil), cloudHosts...), saasHosts...)

const (
	srcDatadog      = "Datadog docs, Getting Started with Datadog Sites: site, site URL and location (US1 US, US3 US, US5 US, EU1 EU (Germany), US1-FED US, AP1 Japan, AP2 Australia)"
	srcDatadogRUM   = "Datadog documentation repository (DataDog/documentation config/_default/params.yaml): browser-intake domains per site"
	srcDatadogUK    = "Datadog agent-skills (datadog-labs/agent-skills dd-account-setup/references/regions.md): UK1 United Kingdom (London), uk1.datadoghq.com"
	srcSentry       = "Sentry docs, Data Storage Location (US or EU): US in Iowa, USA; EU in Frankfurt, Germany; and Sentry docs, IP Ranges: o<number>.ingest.sentry.io, o<number>.ingest.de.sentry.io"
	srcMixpanel     = "Mixpanel docs, API reference overview and Privacy: standard (US) server, EU residency server, India residency server"
	srcMailgun      = "Mailgun docs, API reference, Base URL: US region https://api.mailgun.net/, EU region https://api.eu.mailgun.net/; SMTP smtp.mailgun.org (US) and smtp.eu.mailgun.org (EU)"
	srcSegment      = "Twilio Segment docs, Regional Segment: U.S. infrastructure based in Oregon; EU workspaces ingest in Dublin through events.eu1.segmentapis.com"
	srcAmplitude    = "Amplitude docs, HTTP V2 API, Regions: EU data center base URL https://api.eu.amplitude.com; Dashboard REST API EU base URL https://analytics.eu.amplitude.com"
	srcIntercom     = "Intercom developer docs, REST APIs: regional hosting location US https://api.intercom.io, Europe https://api.eu.intercom.io, Australia https://api.au.intercom.io"
	srcSendGrid     = "Twilio SendGrid API reference: base URL https://api.eu.sendgrid.com for EU regional subusers"
	srcTwilio       = "Twilio docs, Using Twilio Regions and Legacy Edge Location IDs: requests without a target Region are handled in US1; processing regions IE1 (api.dublin.ie1.twilio.com), AU1 (api.sydney.au1.twilio.com), JP1 (tokyo)"
	srcNewRelic     = "New Relic docs, Choose your data center and SAP network accessibility: US endpoints *.newrelic.com, EU endpoints *.eu.newrelic.com and *.eu01.nr-data.net"
	srcNewRelicJP   = "New Relic, NerdGraph Regional Endpoints for US, EU, and JP: api.jp.newrelic.com (JP region)"
	srcPostHog      = "PostHog docs, API: public POST-only endpoints https://us.i.posthog.com (US Cloud), https://eu.i.posthog.com (EU Cloud); private endpoints us.posthog.com, eu.posthog.com"
	srcLaunchDarkly = "LaunchDarkly docs, LaunchDarkly in the European Union (EU): the EU instance resides in AWS Frankfurt (eu-central-1), .eu URLs; Domain list for the US instance"
	srcBrazeEU      = "Braze docs, API and SDK endpoints: EU-01 rest.fra-01.braze.eu, EU-02 rest.fra-02.braze.eu"
	srcAlgolia      = "Algolia docs, Insights and Analytics API clients: analytics region us (United States) or de (Europe); hosts insights.<region>.algolia.io, analytics.<region>.algolia.com"
	srcCustomerIO   = "Customer.io docs, Journeys Track API and Pipelines API: US region track/api/cdp, EU region track-eu/api-eu/cdp-eu subdomains"
	srcHoneycomb    = "Honeycomb docs, API introduction, Base URLs: US https://api.honeycomb.io, EU https://api.eu1.honeycomb.io"
	srcHoneybadger  = "Honeybadger docs, Data residency: US region in Amazon us-east-1 (api.honeybadger.io); EU region in Amazon eu-central-1, Frankfurt, Germany (eu-api.honeybadger.io)"
	srcSinch        = "Sinch docs, SMS REST API overview, Base URL: us, eu, au, br, ca regional servers; customer data stored in the corresponding region"
	srcSparkPost    = "SparkPost API docs, Endpoints: SparkPost EU https://api.eu.sparkpost.com/api/v1"
	srcZoho         = "Zoho developer docs, Multi DC support: data centers US (.com), EU (.eu), IN (.in), AU (.com.au), JP (.jp), CA (zohocloud.ca/.ca), SA (.sa), CN (.com.cn) and their API domains"
	srcAuth0        = "Auth0 docs, Auth0 Public Cloud Service Endpoints: {yourAccount}.us.auth0.com (United States) and {yourAccount}.[au|ca|eu|jp|uk].auth0.com (Australia, Canada, Europe, Japan, UK)"
	srcCoralogixApp = "Coralogix docs, Coralogix domain: team hostnames <team>.app.coralogix.us (US1), <team>.app.coralogix.in (AP1), <team>.app.coralogixsg.com (AP2)"
	srcLogzioUS     = "Logz.io docs, region data (logzio/logz-docs logzio-regions.yml): US East (Northern Virginia) has no region suffix"
	srcIterable     = "Iterable SDKs, IterableDataRegion: US (https://api.iterable.com/api/) and EU (https://api.eu.iterable.com/api/)"
	srcConfigCat    = "ConfigCat docs, Data Governance - CDN: EU Only, your data never leaves the EU (SDK base URL https://cdn-eu.configcat.com)"
	srcOpenAI       = "OpenAI API docs, Data residency: regional domain prefixes us.api.openai.com, eu.api.openai.com, au.api.openai.com, in.api.openai.com, jp.api.openai.com"
	srcFullStory    = "Fullstory developer docs, Getting Started, Data Residency: https://app.fullstory.com uses the na1 (US) data center, https://app.eu1.fullstory.com the eu1 (European Union) data center"
	srcSumoUS1      = "Sumo Logic docs, API Authentication, Endpoints, and Security: US1, AWS us-east-1 (N. Virginia), endpoints without a deployment label"
)

var saasHosts = []hostRow{
	// Datadog: one site per location; the API host is api.<site>.
	{Provider: "Datadog", Pattern: "*.datadoghq.com", Region: "US", Why: "Datadog US1 site", Example: "api.datadoghq.com", Source: srcDatadog},
	{Provider: "Datadog", Pattern: "*.us3.datadoghq.com", Region: "US", Why: "Datadog US3 site", Example: "api.us3.datadoghq.com", Source: srcDatadog},
	{Provider: "Datadog", Pattern: "*.us5.datadoghq.com", Region: "US", Why: "Datadog US5 site", Example: "http-intake.logs.us5.datadoghq.com", Source: srcDatadog},
	{Provider: "Datadog", Pattern: "ap1.datadoghq.com", Region: "JP", Why: "Datadog AP1 site (Japan)", Example: "ap1.datadoghq.com", Source: srcDatadog},
	{Provider: "Datadog", Pattern: "*.ap1.datadoghq.com", Region: "JP", Why: "Datadog AP1 site (Japan)", Example: "api.ap1.datadoghq.com", Source: srcDatadog},
	{Provider: "Datadog", Pattern: "ap2.datadoghq.com", Region: "AU", Why: "Datadog AP2 site (Australia)", Example: "ap2.datadoghq.com", Source: srcDatadog},
	{Provider: "Datadog", Pattern: "*.ap2.datadoghq.com", Region: "AU", Why: "Datadog AP2 site (Australia)", Example: "api.ap2.datadoghq.com", Source: srcDatadog},
	{Provider: "Datadog", Pattern: "uk1.datadoghq.com", Region: "GB", Why: "Datadog UK1 site (London)", Example: "uk1.datadoghq.com", Source: srcDatadogUK},
	{Provider: "Datadog", Pattern: "*.uk1.datadoghq.com", Region: "GB", Why: "Datadog UK1 site (London)", Example: "api.uk1.datadoghq.com", Source: srcDatadogUK},
	{Provider: "Datadog", Pattern: "*.datadoghq.eu", Region: "DE", Why: "Datadog EU1 site (Germany)", Example: "api.datadoghq.eu", Source: srcDatadog},
	{Provider: "Datadog", Pattern: "*.ddog-gov.com", Region: "US", Why: "Datadog US1-FED site", Example: "api.ddog-gov.com", Source: srcDatadog},
	{Provider: "Datadog", Pattern: "browser-intake-datadoghq.com", Region: "US", Why: "Datadog US1 browser intake", Example: "browser-intake-datadoghq.com", Source: srcDatadogRUM},
	{Provider: "Datadog", Pattern: "browser-intake-us3-datadoghq.com", Region: "US", Why: "Datadog US3 browser intake", Example: "browser-intake-us3-datadoghq.com", Source: srcDatadogRUM},
	{Provider: "Datadog", Pattern: "browser-intake-us5-datadoghq.com", Region: "US", Why: "Datadog US5 browser intake", Example: "browser-intake-us5-datadoghq.com", Source: srcDatadogRUM},
	{Provider: "Datadog", Pattern: "browser-intake-datadoghq.eu", Region: "DE", Why: "Datadog EU1 browser intake (Germany)", Example: "browser-intake-datadoghq.eu", Source: srcDatadogRUM},
	{Provider: "Datadog", Pattern: "browser-intake-ap1-datadoghq.com", Region: "JP", Why: "Datadog AP1 browser intake (Japan)", Example: "browser-intake-ap1-datadoghq.com", Source: srcDatadogRUM},
	{Provider: "Datadog", Pattern: "browser-intake-ap2-datadoghq.com", Region: "AU", Why: "Datadog AP2 browser intake (Australia)", Example: "browser-intake-ap2-datadoghq.com", Source: srcDatadogRUM},

	// Sentry: the EU (DE) region is de.sentry.io; everything else under
	// sentry.io is the US region (EU organisations cannot ingest there).
	{Provider: "Sentry", Pattern: "sentry.io", Region: "US", Why: "Sentry US region (Iowa)", Example: "sentry.io", Source: srcSentry},
	{Provider: "Sentry", Pattern: "*.sentry.io", Region: "US", Why: "Sentry US region (Iowa)", Example: "o123456.ingest.sentry.io", Source: srcSentry},
	{Provider: "Sentry", Pattern: "de.sentry.io", Region: "DE", Why: "Sentry EU region (Frankfurt, Germany)", Example: "de.sentry.io", Source: srcSentry},
	{Provider: "Sentry", Pattern: "*.de.sentry.io", Region: "DE", Why: "Sentry EU region (Frankfurt, Germany)", Example: "o123456.ingest.de.sentry.io", Source: srcSentry},

	// Mixpanel.
	{Provider: "Mixpanel", Pattern: "api.mixpanel.com", Region: "US", Why: "Mixpanel standard (US) ingestion server", Example: "api.mixpanel.com", Source: srcMixpanel},
	{Provider: "Mixpanel", Pattern: "mixpanel.com", Region: "US", Why: "Mixpanel standard (US) query server", Example: "mixpanel.com", Source: srcMixpanel},
	{Provider: "Mixpanel", Pattern: "data.mixpanel.com", Region: "US", Why: "Mixpanel standard (US) export server", Example: "data.mixpanel.com", Source: srcMixpanel},
	{Provider: "Mixpanel", Pattern: "api-eu.mixpanel.com", Region: EU, Why: "Mixpanel EU residency ingestion server", Example: "api-eu.mixpanel.com", Source: srcMixpanel},
	{Provider: "Mixpanel", Pattern: "eu.mixpanel.com", Region: EU, Why: "Mixpanel EU residency query server", Example: "eu.mixpanel.com", Source: srcMixpanel},
	{Provider: "Mixpanel", Pattern: "data-eu.mixpanel.com", Region: EU, Why: "Mixpanel EU residency export server", Example: "data-eu.mixpanel.com", Source: srcMixpanel},
	{Provider: "Mixpanel", Pattern: "api-in.mixpanel.com", Region: "IN", Why: "Mixpanel India residency ingestion server", Example: "api-in.mixpanel.com", Source: srcMixpanel},
	{Provider: "Mixpanel", Pattern: "in.mixpanel.com", Region: "IN", Why: "Mixpanel India residency query server", Example: "in.mixpanel.com", Source: srcMixpanel},

	// Mailgun.
	{Provider: "Mailgun", Pattern: "api.mailgun.net", Region: "US", Why: "Mailgun US region API", Example: "api.mailgun.net", Source: srcMailgun},
	{Provider: "Mailgun", Pattern: "api.eu.mailgun.net", Region: EU, Why: "Mailgun EU region API", Example: "api.eu.mailgun.net", Source: srcMailgun},
	{Provider: "Mailgun", Pattern: "smtp.mailgun.org", Region: "US", Why: "Mailgun US region SMTP", Example: "smtp.mailgun.org", Source: srcMailgun},
	{Provider: "Mailgun", Pattern: "smtp.eu.mailgun.org", Region: EU, Why: "Mailgun EU region SMTP", Example: "smtp.eu.mailgun.org", Source: srcMailgun},

	// Twilio Segment.
	{Provider: "Segment", Pattern: "api.segment.io", Region: "US", Why: "Segment US infrastructure (Oregon)", Example: "api.segment.io", Source: srcSegment},
	{Provider: "Segment", Pattern: "events.eu1.segmentapis.com", Region: "IE", Why: "Segment EU ingestion (Dublin)", Example: "events.eu1.segmentapis.com", Source: srcSegment},

	// Amplitude: only the EU hosts are stated with their region.
	{Provider: "Amplitude", Pattern: "api.eu.amplitude.com", Region: EU, Why: "Amplitude EU data center ingestion", Example: "api.eu.amplitude.com", Source: srcAmplitude},
	{Provider: "Amplitude", Pattern: "analytics.eu.amplitude.com", Region: EU, Why: "Amplitude EU data center REST API", Example: "analytics.eu.amplitude.com", Source: srcAmplitude},

	// Intercom.
	{Provider: "Intercom", Pattern: "api.intercom.io", Region: "US", Why: "Intercom US regional hosting", Example: "api.intercom.io", Source: srcIntercom},
	{Provider: "Intercom", Pattern: "api.eu.intercom.io", Region: EU, Why: "Intercom Europe regional hosting", Example: "api.eu.intercom.io", Source: srcIntercom},
	{Provider: "Intercom", Pattern: "api.au.intercom.io", Region: "AU", Why: "Intercom Australia regional hosting", Example: "api.au.intercom.io", Source: srcIntercom},

	// Twilio SendGrid: api.sendgrid.com serves "global" users, no region.
	{Provider: "SendGrid", Pattern: "api.eu.sendgrid.com", Region: EU, Why: "SendGrid EU regional subusers", Example: "api.eu.sendgrid.com", Source: srcSendGrid},

	// Twilio: the host names the processing region, US1 when it names none.
	{Provider: "Twilio", Pattern: "*.twilio.com", Region: "US", Why: "Twilio US1 (default processing region)", Example: "api.twilio.com", Source: srcTwilio},
	{Provider: "Twilio", Pattern: "*.dublin.ie1.twilio.com", Region: "IE", Why: "Twilio IE1 region (Dublin)", Example: "api.dublin.ie1.twilio.com", Source: srcTwilio},
	{Provider: "Twilio", Pattern: "*.sydney.au1.twilio.com", Region: "AU", Why: "Twilio AU1 region (Sydney)", Example: "api.sydney.au1.twilio.com", Source: srcTwilio},
	{Provider: "Twilio", Pattern: "*.tokyo.jp1.twilio.com", Region: "JP", Why: "Twilio JP1 region (Tokyo)", Example: "api.tokyo.jp1.twilio.com", Source: srcTwilio},

	// New Relic.
	{Provider: "New Relic", Pattern: "collector.newrelic.com", Region: "US", Why: "New Relic US region agent collector", Example: "collector.newrelic.com", Source: srcNewRelic},
	{Provider: "New Relic", Pattern: "api.newrelic.com", Region: "US", Why: "New Relic US region API", Example: "api.newrelic.com", Source: srcNewRelic},
	{Provider: "New Relic", Pattern: "log-api.newrelic.com", Region: "US", Why: "New Relic US region Log API", Example: "log-api.newrelic.com", Source: srcNewRelic},
	{Provider: "New Relic", Pattern: "metric-api.newrelic.com", Region: "US", Why: "New Relic US region Metric API", Example: "metric-api.newrelic.com", Source: srcNewRelic},
	{Provider: "New Relic", Pattern: "trace-api.newrelic.com", Region: "US", Why: "New Relic US region Trace API", Example: "trace-api.newrelic.com", Source: srcNewRelic},
	{Provider: "New Relic", Pattern: "insights-collector.newrelic.com", Region: "US", Why: "New Relic US region Event API", Example: "insights-collector.newrelic.com", Source: srcNewRelic},
	{Provider: "New Relic", Pattern: "*.eu.newrelic.com", Region: EU, Why: "New Relic EU region", Example: "log-api.eu.newrelic.com", Source: srcNewRelic},
	{Provider: "New Relic", Pattern: "*.eu01.nr-data.net", Region: EU, Why: "New Relic EU region", Example: "insights-collector.eu01.nr-data.net", Source: srcNewRelic},
	{Provider: "New Relic", Pattern: "*.jp.newrelic.com", Region: "JP", Why: "New Relic JP region", Example: "api.jp.newrelic.com", Source: srcNewRelicJP},

	// PostHog.
	{Provider: "PostHog", Pattern: "us.i.posthog.com", Region: "US", Why: "PostHog US Cloud ingestion", Example: "us.i.posthog.com", Source: srcPostHog},
	{Provider: "PostHog", Pattern: "us.posthog.com", Region: "US", Why: "PostHog US Cloud", Example: "us.posthog.com", Source: srcPostHog},
	{Provider: "PostHog", Pattern: "eu.i.posthog.com", Region: EU, Why: "PostHog EU Cloud ingestion", Example: "eu.i.posthog.com", Source: srcPostHog},
	{Provider: "PostHog", Pattern: "eu.posthog.com", Region: EU, Why: "PostHog EU Cloud", Example: "eu.posthog.com", Source: srcPostHog},

	// LaunchDarkly: the EU instance is in AWS Frankfurt.
	{Provider: "LaunchDarkly", Pattern: "*.launchdarkly.com", Region: "US", Why: "LaunchDarkly US instance", Example: "events.launchdarkly.com", Source: srcLaunchDarkly},
	{Provider: "LaunchDarkly", Pattern: "*.eu.launchdarkly.com", Region: "DE", Why: "LaunchDarkly EU instance (AWS Frankfurt, eu-central-1)", Example: "stream.eu.launchdarkly.com", Source: srcLaunchDarkly},

	// Braze: US and AU clusters through the braze table; EU clusters on braze.eu.
	{Provider: "Braze", Pattern: "*.REGION.braze.com", Table: "braze", Why: "REST or SDK endpoint",
		Example: "rest.iad-01.braze.com", ExampleRegion: "US", Source: srcBraze},
	{Provider: "Braze", Pattern: "*.braze.eu", Region: EU, Why: "Braze EU-01/EU-02 cluster", Example: "rest.fra-01.braze.eu", Source: srcBrazeEU},

	// Pusher Channels clusters.
	{Provider: "Pusher", Pattern: "api-REGION.pusher.com", Table: "pusher", Why: "Channels HTTP API",
		Example: "api-eu.pusher.com", ExampleRegion: "IE",
		Source: srcPusher + "; pusher/pusher-http-ruby README: host api-eu.pusher.com for an app on the EU cluster"},
	{Provider: "Pusher", Pattern: "ws-REGION.pusher.com", Table: "pusher", Why: "Channels WebSocket endpoint",
		Example: "ws-ap3.pusher.com", ExampleRegion: "JP",
		Source: srcPusher + "; pusher-js: WebSocket host ws-<cluster>.pusher.com"},

	// Algolia analytics and insights (search hosts name no region).
	{Provider: "Algolia", Pattern: "insights.us.algolia.io", Region: "US", Why: "Algolia Insights API, us region", Example: "insights.us.algolia.io", Source: srcAlgolia},
	{Provider: "Algolia", Pattern: "insights.de.algolia.io", Region: EU, Why: "Algolia Insights API, de (Europe) region", Example: "insights.de.algolia.io", Source: srcAlgolia},
	{Provider: "Algolia", Pattern: "analytics.us.algolia.com", Region: "US", Why: "Algolia Analytics API, us region", Example: "analytics.us.algolia.com", Source: srcAlgolia},
	{Provider: "Algolia", Pattern: "analytics.de.algolia.com", Region: EU, Why: "Algolia Analytics API, de (Europe) region", Example: "analytics.de.algolia.com", Source: srcAlgolia},

	// Customer.io.
	{Provider: "Customer.io", Pattern: "track.customer.io", Region: "US", Why: "Customer.io US region Track API", Example: "track.customer.io", Source: srcCustomerIO},
	{Provider: "Customer.io", Pattern: "api.customer.io", Region: "US", Why: "Customer.io US region App API", Example: "api.customer.io", Source: srcCustomerIO},
	{Provider: "Customer.io", Pattern: "cdp.customer.io", Region: "US", Why: "Customer.io US region Pipelines API", Example: "cdp.customer.io", Source: srcCustomerIO},
	{Provider: "Customer.io", Pattern: "track-eu.customer.io", Region: EU, Why: "Customer.io EU region Track API", Example: "track-eu.customer.io", Source: srcCustomerIO},
	{Provider: "Customer.io", Pattern: "api-eu.customer.io", Region: EU, Why: "Customer.io EU region App API", Example: "api-eu.customer.io", Source: srcCustomerIO},
	{Provider: "Customer.io", Pattern: "cdp-eu.customer.io", Region: EU, Why: "Customer.io EU region Pipelines API", Example: "cdp-eu.customer.io", Source: srcCustomerIO},

	// Sumo Logic: deployments through the sumologic table; US1 names none.
	{Provider: "Sumo Logic", Pattern: "*.REGION.sumologic.com", Table: "sumologic", Why: "deployment endpoint",
		Example: "api.de.sumologic.com", ExampleRegion: "DE", Source: srcSumo},
	{Provider: "Sumo Logic", Pattern: "api.sumologic.com", Region: "US", Why: "Sumo Logic US1 deployment (AWS us-east-1)", Example: "api.sumologic.com", Source: srcSumoUS1},
	{Provider: "Sumo Logic", Pattern: "collectors.sumologic.com", Region: "US", Why: "Sumo Logic US1 deployment (AWS us-east-1)", Example: "collectors.sumologic.com", Source: srcSumoUS1},
	{Provider: "Sumo Logic", Pattern: "open-collectors.sumologic.com", Region: "US", Why: "Sumo Logic US1 deployment (AWS us-east-1)", Example: "open-collectors.sumologic.com", Source: srcSumoUS1},
	{Provider: "Sumo Logic", Pattern: "*.collection.sumologic.com", Region: "US", Why: "Sumo Logic US1 deployment (AWS us-east-1)", Example: "endpoint1.collection.sumologic.com", Source: srcSumoUS1},

	// Honeycomb.
	{Provider: "Honeycomb", Pattern: "api.honeycomb.io", Region: "US", Why: "Honeycomb US data storage region", Example: "api.honeycomb.io", Source: srcHoneycomb},
	{Provider: "Honeycomb", Pattern: "api.eu1.honeycomb.io", Region: EU, Why: "Honeycomb EU data storage region", Example: "api.eu1.honeycomb.io", Source: srcHoneycomb},

	// Honeybadger.
	{Provider: "Honeybadger", Pattern: "api.honeybadger.io", Region: "US", Why: "Honeybadger US region (Amazon us-east-1)", Example: "api.honeybadger.io", Source: srcHoneybadger},
	{Provider: "Honeybadger", Pattern: "eu-api.honeybadger.io", Region: "DE", Why: "Honeybadger EU region (Amazon eu-central-1, Frankfurt)", Example: "eu-api.honeybadger.io", Source: srcHoneybadger},

	// Sinch SMS.
	{Provider: "Sinch", Pattern: "us.sms.api.sinch.com", Region: "US", Why: "Sinch SMS US region", Example: "us.sms.api.sinch.com", Source: srcSinch},
	{Provider: "Sinch", Pattern: "eu.sms.api.sinch.com", Region: EU, Why: "Sinch SMS EU region", Example: "eu.sms.api.sinch.com", Source: srcSinch},
	{Provider: "Sinch", Pattern: "au.sms.api.sinch.com", Region: "AU", Why: "Sinch SMS Australia region", Example: "au.sms.api.sinch.com", Source: srcSinch},
	{Provider: "Sinch", Pattern: "br.sms.api.sinch.com", Region: "BR", Why: "Sinch SMS Brazil region", Example: "br.sms.api.sinch.com", Source: srcSinch},
	{Provider: "Sinch", Pattern: "ca.sms.api.sinch.com", Region: "CA", Why: "Sinch SMS Canada region", Example: "ca.sms.api.sinch.com", Source: srcSinch},

	// SparkPost: only the EU endpoint is stated with its region.
	{Provider: "SparkPost", Pattern: "api.eu.sparkpost.com", Region: EU, Why: "SparkPost EU", Example: "api.eu.sparkpost.com", Source: srcSparkPost},

	// Zoho data centers (CRM, Bigin and the other Zoho APIs).
	{Provider: "Zoho", Pattern: "*.zohoapis.com", Region: "US", Why: "Zoho US data center", Example: "www.zohoapis.com", Source: srcZoho},
	{Provider: "Zoho", Pattern: "*.zohoapis.eu", Region: EU, Why: "Zoho EU data center", Example: "www.zohoapis.eu", Source: srcZoho},
	{Provider: "Zoho", Pattern: "*.zohoapis.in", Region: "IN", Why: "Zoho IN data center", Example: "www.zohoapis.in", Source: srcZoho},
	{Provider: "Zoho", Pattern: "*.zohoapis.com.au", Region: "AU", Why: "Zoho AU data center", Example: "www.zohoapis.com.au", Source: srcZoho},
	{Provider: "Zoho", Pattern: "*.zohoapis.jp", Region: "JP", Why: "Zoho JP data center", Example: "www.zohoapis.jp", Source: srcZoho},
	{Provider: "Zoho", Pattern: "*.zohoapis.ca", Region: "CA", Why: "Zoho CA data center", Example: "www.zohoapis.ca", Source: srcZoho},
	{Provider: "Zoho", Pattern: "*.zohoapis.sa", Region: "SA", Why: "Zoho SA data center", Example: "www.zohoapis.sa", Source: srcZoho},
	{Provider: "Zoho", Pattern: "*.zohoapis.com.cn", Region: "CN", Why: "Zoho CN data center", Example: "www.zohoapis.com.cn", Source: srcZoho},
	{Provider: "Zoho", Pattern: "accounts.zoho.com", Region: "US", Why: "Zoho US data center accounts server", Example: "accounts.zoho.com", Source: srcZoho},
	{Provider: "Zoho", Pattern: "accounts.zoho.eu", Region: EU, Why: "Zoho EU data center accounts server", Example: "accounts.zoho.eu", Source: srcZoho},

	// Auth0 public cloud tenants.
	{Provider: "Auth0", Pattern: "*.us.auth0.com", Region: "US", Why: "Auth0 United States region tenant", Example: "mytenant.us.auth0.com", Source: srcAuth0},
	{Provider: "Auth0", Pattern: "*.eu.auth0.com", Region: EU, Why: "Auth0 Europe region tenant", Example: "mytenant.eu.auth0.com", Source: srcAuth0},
	{Provider: "Auth0", Pattern: "*.au.auth0.com", Region: "AU", Why: "Auth0 Australia region tenant", Example: "mytenant.au.auth0.com", Source: srcAuth0},
	{Provider: "Auth0", Pattern: "*.ca.auth0.com", Region: "CA", Why: "Auth0 Canada region tenant", Example: "mytenant.ca.auth0.com", Source: srcAuth0},
	{Provider: "Auth0", Pattern: "*.jp.auth0.com", Region: "JP", Why: "Auth0 Japan region tenant", Example: "mytenant.jp.auth0.com", Source: srcAuth0},
	{Provider: "Auth0", Pattern: "*.uk.auth0.com", Region: "GB", Why: "Auth0 UK region tenant", Example: "mytenant.uk.auth0.com", Source: srcAuth0},

	// Coralogix: domains through the coralogix table, plus team hostnames.
	{Provider: "Coralogix", Pattern: "*.REGION.coralogix.com", Table: "coralogix", Why: "ingress or management endpoint",
		Example: "ingress.eu2.coralogix.com", ExampleRegion: "SE", Source: srcCoralogix},
	{Provider: "Coralogix", Pattern: "*.app.coralogix.us", Region: "US", Why: "Coralogix US1 team (AWS us-east-2)", Example: "myteam.app.coralogix.us", Source: srcCoralogixApp},
	{Provider: "Coralogix", Pattern: "*.app.coralogix.in", Region: "IN", Why: "Coralogix AP1 team (AWS ap-south-1)", Example: "myteam.app.coralogix.in", Source: srcCoralogixApp},
	{Provider: "Coralogix", Pattern: "*.app.coralogixsg.com", Region: "SG", Why: "Coralogix AP2 team (AWS ap-southeast-1)", Example: "myteam.app.coralogixsg.com", Source: srcCoralogixApp},

	// Logz.io: regions through the logzio table; US East has no suffix.
	{Provider: "Logz.io", Pattern: "listener-REGION.logz.io", Table: "logzio", Why: "log listener",
		Example: "listener-eu.logz.io", ExampleRegion: "DE", Source: srcLogzio},
	{Provider: "Logz.io", Pattern: "api-REGION.logz.io", Table: "logzio", Why: "API",
		Example: "api-au.logz.io", ExampleRegion: "AU", Source: srcLogzio},
	{Provider: "Logz.io", Pattern: "app-REGION.logz.io", Table: "logzio", Why: "application",
		Example: "app-ca.logz.io", ExampleRegion: "CA", Source: srcLogzio},
	{Provider: "Logz.io", Pattern: "listener.logz.io", Region: "US", Why: "Logz.io US East (N. Virginia) listener", Example: "listener.logz.io", Source: srcLogzioUS},
	{Provider: "Logz.io", Pattern: "api.logz.io", Region: "US", Why: "Logz.io US East (N. Virginia) API", Example: "api.logz.io", Source: srcLogzioUS},
	{Provider: "Logz.io", Pattern: "app.logz.io", Region: "US", Why: "Logz.io US East (N. Virginia) application", Example: "app.logz.io", Source: srcLogzioUS},

	// Iterable.
	{Provider: "Iterable", Pattern: "api.iterable.com", Region: "US", Why: "Iterable US data center", Example: "api.iterable.com", Source: srcIterable},
	{Provider: "Iterable", Pattern: "api.eu.iterable.com", Region: EU, Why: "Iterable EU data center", Example: "api.eu.iterable.com", Source: srcIterable},

	// ConfigCat: only the EU-only CDN names a region (the global CDN is
	// served from every Cloudflare location).
	{Provider: "ConfigCat", Pattern: "cdn-eu.configcat.com", Region: EU, Why: "ConfigCat EU Only CDN", Example: "cdn-eu.configcat.com", Source: srcConfigCat},

	// OpenAI data residency domains (api.openai.com is global).
	{Provider: "OpenAI", Pattern: "us.api.openai.com", Region: "US", Why: "OpenAI United States data residency", Example: "us.api.openai.com", Source: srcOpenAI},
	{Provider: "OpenAI", Pattern: "eu.api.openai.com", Region: EU, Why: "OpenAI Europe data residency", Example: "eu.api.openai.com", Source: srcOpenAI},
	{Provider: "OpenAI", Pattern: "au.api.openai.com", Region: "AU", Why: "OpenAI Australia data residency", Example: "au.api.openai.com", Source: srcOpenAI},
	{Provider: "OpenAI", Pattern: "in.api.openai.com", Region: "IN", Why: "OpenAI India data residency", Example: "in.api.openai.com", Source: srcOpenAI},
	{Provider: "OpenAI", Pattern: "jp.api.openai.com", Region: "JP", Why: "OpenAI Japan data residency", Example: "jp.api.openai.com", Source: srcOpenAI},

	// Fullstory (api.fullstory.com routes by account and stays unknown).
	{Provider: "Fullstory", Pattern: "app.fullstory.com", Region: "US", Why: "Fullstory na1 (US) data center", Example: "app.fullstory.com", Source: srcFullStory},
	{Provider: "Fullstory", Pattern: "app.eu1.fullstory.com", Region: EU, Why: "Fullstory eu1 (European Union) data center", Example: "app.eu1.fullstory.com", Source: srcFullStory},
}
