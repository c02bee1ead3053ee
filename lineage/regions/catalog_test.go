package regions

import (
	"strings"
	"testing"
)

// TestEntryExamples classifies the example embedded in every catalog row and
// checks that the row itself decides it.
func TestEntryExamples(t *testing.T) {
	for _, e := range Entries() {
		if e.Example == "" {
			t.Errorf("%s %s: no example", e.Provider, e.Pattern)
			continue
		}
		c := Classify(e.Example)
		if c.Region != e.ExampleRegion {
			t.Errorf("%s %s: Classify(%q).Region = %q, want %q (%s)", e.Provider, e.Pattern, e.Example, c.Region, e.ExampleRegion, c.Entry)
		}
		switch e.Kind {
		case "region":
			// The code is decided by one of its table's host forms.
			if !strings.Contains(c.Why, " "+e.Pattern+" (") {
				t.Errorf("%s region %s: Classify(%q).Why = %q, does not name the code", e.Provider, e.Pattern, e.Example, c.Why)
			}
		default:
			if c.Entry != e.Pattern {
				t.Errorf("%s %s: Classify(%q).Entry = %q, want the row itself", e.Provider, e.Pattern, e.Example, c.Entry)
			}
		}
		if c.Source == "" || c.Why == "" {
			t.Errorf("%s %s: Classify(%q) = %+v, missing Why or Source", e.Provider, e.Pattern, e.Example, c)
		}
	}
}

// TestEntryRows checks the shape of every row: a source, a valid region, a
// known kind, no duplicates.
func TestEntryRows(t *testing.T) {
	seen := make(map[string]bool)
	for _, e := range Entries() {
		id := e.Kind + " " + e.Table + " " + e.Pattern
		if seen[id] {
			t.Errorf("duplicate row %s", id)
		}
		seen[id] = true
		if strings.TrimSpace(e.Source) == "" {
			t.Errorf("%s: empty Source", id)
		}
		if e.Provider == "" || e.Why == "" {
			t.Errorf("%s: empty Provider or Why", id)
		}
		switch e.Kind {
		case "region", "address", "name":
			if !Valid(e.Region) {
				t.Errorf("%s: bad region %q", id, e.Region)
			}
		case "host":
			if strings.Contains(e.Pattern, "REGION") {
				if e.Region != "" || e.Table == "" {
					t.Errorf("%s: a REGION form has a table and no fixed region", id)
				}
			} else if !Valid(e.Region) {
				t.Errorf("%s: bad region %q", id, e.Region)
			}
		default:
			t.Errorf("%s: unknown kind", id)
		}
		if !Valid(e.ExampleRegion) {
			t.Errorf("%s: bad example region %q", id, e.ExampleRegion)
		}
	}
}

func TestEntriesDeterministic(t *testing.T) {
	a, b := Entries(), Entries()
	if len(a) != len(b) || len(a) == 0 {
		t.Fatalf("Entries: %d then %d rows", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("Entries()[%d] differs between calls", i)
		}
	}
	a[0].Pattern = "changed"
	if Entries()[0].Pattern == "changed" {
		t.Fatal("Entries returns the catalog's own slice")
	}
}

// TestEntryCounts keeps the catalog from shrinking unnoticed and logs its
// size by provider.
func TestEntryCounts(t *testing.T) {
	byProvider := make(map[string]int)
	for _, e := range Entries() {
		byProvider[e.Provider]++
	}
	min := map[string]int{"AWS": 60, "GCP": 45, "Azure": 70, "internal": 18}
	for p, n := range min {
		if byProvider[p] < n {
			t.Errorf("%s: %d rows, want at least %d", p, byProvider[p], n)
		}
	}
	vendors := 0
	for p := range byProvider {
		switch p {
		case "AWS", "GCP", "Azure", "internal":
		default:
			vendors++
		}
	}
	if vendors < 30 {
		t.Errorf("%d SaaS vendors, want at least 30", vendors)
	}
	t.Logf("rows by provider: %v (%d vendors)", byProvider, vendors)
}

// TestClassify asserts the facts that matter most, and the traps.
func TestClassify(t *testing.T) {
	tests := []struct {
		host, region, entry string
	}{
		// AWS: precise countries, never the group.
		{"sqs.eu-west-2.amazonaws.com", "GB", "*.REGION.amazonaws.com"},
		{"s3.eu-central-2.amazonaws.com", "CH", "s3.REGION.amazonaws.com"},
		{"events.eu-south-2.amazonaws.com", "ES", "*.REGION.amazonaws.com"},
		{"sqs.eu-west-1.amazonaws.com", "IE", "*.REGION.amazonaws.com"},
		{"abc.execute-api.eu-west-1.amazonaws.com", "IE", "*.execute-api.REGION.amazonaws.com"},
		{"x.y.eu-west-1.rds.amazonaws.com", "IE", "*.REGION.rds.amazonaws.com"},
		{"bucket.s3.eu-west-3.amazonaws.com", "FR", "*.s3.REGION.amazonaws.com"},
		{"bucket.s3-eu-west-1.amazonaws.com", "IE", "*.s3-REGION.amazonaws.com"},
		{"s3-eu-west-1.amazonaws.com", "IE", "s3-REGION.amazonaws.com"},
		{"bucket.s3.dualstack.eu-north-1.amazonaws.com", "SE", "*.s3.dualstack.REGION.amazonaws.com"},
		{"s3.dualstack.eu-central-1.amazonaws.com", "DE", "s3.dualstack.REGION.amazonaws.com"},
		{"SQS.EU-WEST-2.AMAZONAWS.COM.", "GB", "*.REGION.amazonaws.com"},
		{"il-central-1.amazonaws.com", "", ""}, // no service label
		{"s3.amazonaws.com", "", ""},           // global endpoint
		{"bucket.s3.amazonaws.com", "", ""},
		{"eu-west-1.s3.amazonaws.com", "", ""}, // a bucket named like a region
		{"iam.amazonaws.com", "", ""},
		{"sqs.eu-west-9.amazonaws.com", "", ""}, // no such region
		{"amazonaws.com.evil.com", "", ""},
		{"sqs.eu-west-1.amazonaws.com.evil.com", "", ""},
		{"sqs.eu-west-1.notamazonaws.com", "", ""},
		// GCP.
		{"europe-west1-aiplatform.googleapis.com", "BE", "REGION-*.googleapis.com"},
		{"europe-west2-run.googleapis.com", "GB", "REGION-*.googleapis.com"},
		{"europe-west3-docker.pkg.dev", "DE", "REGION-*.pkg.dev"},
		{"europe-west4-aiplatform.googleapis.com", "NL", "REGION-*.googleapis.com"},
		{"europe-west6-aiplatform.googleapis.com", "CH", "REGION-*.googleapis.com"},
		{"europe-west10-aiplatform.googleapis.com", "DE", "REGION-*.googleapis.com"},
		{"europe-west12-aiplatform.googleapis.com", "IT", "REGION-*.googleapis.com"},
		{"europe-north1-aiplatform.googleapis.com", "FI", "REGION-*.googleapis.com"},
		{"europe-west1-my-project.cloudfunctions.net", "BE", "REGION-*.cloudfunctions.net"},
		{"svc-123.europe-west9.run.app", "FR", "*.REGION.run.app"},
		{"europe-west1.googleapis.com", "", ""}, // no service after the region
		{"europe-west1-.googleapis.com", "", ""},
		{"storage.googleapis.com", "", ""},
		{"svc-abc123-ew.a.run.app", "", ""}, // short region codes: no documented mapping
		// Azure.
		{"myapp.westeurope.cloudapp.azure.com", "NL", "*.REGION.cloudapp.azure.com"},
		{"myapp.northeurope.azurecontainer.io", "IE", "*.REGION.azurecontainer.io"},
		{"westeurope.api.cognitive.microsoft.com", "NL", "REGION.api.cognitive.microsoft.com"},
		{"germanywestcentral.api.cognitive.microsoft.com", "DE", "REGION.api.cognitive.microsoft.com"},
		{"switzerlandnorth.api.cognitive.microsoft.com", "CH", "REGION.api.cognitive.microsoft.com"},
		{"uksouth.api.cognitive.microsoft.com", "GB", "REGION.api.cognitive.microsoft.com"},
		{"eastus.api.cognitive.microsoft.com", "US", "REGION.api.cognitive.microsoft.com"},
		{"myaccount.blob.core.windows.net", "", ""},
		// SaaS.
		{"api.datadoghq.eu", "DE", "*.datadoghq.eu"},
		{"http-intake.logs.datadoghq.eu", "DE", "*.datadoghq.eu"},
		{"xdatadoghq.eu", "", ""},
		{"datadoghq.eu.evil.com", "", ""},
		{"api.datadoghq.com", "US", "*.datadoghq.com"},
		{"api.ap1.datadoghq.com", "JP", "*.ap1.datadoghq.com"},
		{"o1.ingest.de.sentry.io", "DE", "*.de.sentry.io"},
		{"o1.ingest.sentry.io", "US", "*.sentry.io"},
		{"sentry.io", "US", "sentry.io"},
		{"api-eu.mixpanel.com", "EU", "api-eu.mixpanel.com"},
		{"api.mixpanel.com", "US", "api.mixpanel.com"},
		{"api.eu.mailgun.net", "EU", "api.eu.mailgun.net"},
		{"api.mailgun.net", "US", "api.mailgun.net"},
		{"events.eu1.segmentapis.com", "IE", "events.eu1.segmentapis.com"},
		{"api.segment.io", "US", "api.segment.io"},
		{"api.eu.intercom.io", "EU", "api.eu.intercom.io"},
		{"api.au.intercom.io", "AU", "api.au.intercom.io"},
		{"api.dublin.ie1.twilio.com", "IE", "*.dublin.ie1.twilio.com"},
		{"api.twilio.com", "US", "*.twilio.com"},
		{"log-api.eu.newrelic.com", "EU", "*.eu.newrelic.com"},
		{"eu.i.posthog.com", "EU", "eu.i.posthog.com"},
		{"stream.eu.launchdarkly.com", "DE", "*.eu.launchdarkly.com"},
		{"ws-eu.pusher.com", "IE", "ws-REGION.pusher.com"},
		{"api-xx.pusher.com", "", ""},
		{"endpoint1.collection.eu.sumologic.com", "IE", "*.REGION.sumologic.com"},
		{"endpoint1.collection.sumologic.com", "US", "*.collection.sumologic.com"},
		{"api.sendgrid.com", "", ""},  // "global": no region stated
		{"api.fullstory.com", "", ""}, // routed by account
		// Internal addresses and names.
		{"10.0.0.1", Internal, "10.0.0.0/8"},
		{"172.31.255.255", Internal, "172.16.0.0/12"},
		{"172.32.0.1", "", ""},
		{"192.168.1.1", Internal, "192.168.0.0/16"},
		{"100.64.0.1", Internal, "100.64.0.0/10"},
		{"100.128.0.1", "", ""},
		{"127.0.0.1", Internal, "127.0.0.0/8"},
		{"::1", Internal, "::1/128"},
		{"[::1]", Internal, "::1/128"},
		{"fd00::1", Internal, "fc00::/7"},
		{"fe80::1%eth0", Internal, "fe80::/10"},
		{"169.254.169.254", Internal, "169.254.0.0/16"},
		{"::ffff:10.1.2.3", Internal, "10.0.0.0/8"},
		{"0.0.0.0", Internal, "0.0.0.0/32"},
		{"8.8.8.8", "", ""},
		{"2001:4860:4860::8888", "", ""},
		{"localhost", Internal, "localhost"},
		{"LOCALHOST.", Internal, "localhost"},
		{"app.localhost", Internal, "*.localhost"},
		{"db.default.svc.cluster.local", Internal, "*.svc.cluster.local"},
		{"db.default.svc", Internal, "*.svc"},
		{"printer.local", Internal, "*.local"},
		{"metadata.google.internal", Internal, "*.internal"},
		{"local", "", ""},
		{"internal", "", ""},
		{"localhost.evil.com", "", ""},
		// Not hosts.
		{"", "", ""},
		{".", "", ""},
		{"a..b", "", ""},
	}
	for _, tt := range tests {
		c := Classify(tt.host)
		if c.Region != tt.region || c.Entry != tt.entry {
			t.Errorf("Classify(%q) = {Region %q Entry %q}, want {%q %q}", tt.host, c.Region, c.Entry, tt.region, tt.entry)
		}
		if c.Region == "" && (c.Why != "" || c.Source != "") {
			t.Errorf("Classify(%q) = %+v: unknown with a reason", tt.host, c)
		}
	}
}

func TestClassifyWhy(t *testing.T) {
	c := Classify("sqs.eu-west-2.amazonaws.com")
	if !strings.HasPrefix(c.Why, "AWS region eu-west-2 (London)") {
		t.Errorf("Why = %q", c.Why)
	}
	if !strings.Contains(c.Source, "Regions list") || !strings.Contains(c.Source, "service endpoints") {
		t.Errorf("Source = %q: want both the form's and the region's source", c.Source)
	}
	if c := Classify("10.0.0.1"); c.Why != "internal: RFC 1918 private address" || !strings.Contains(c.Source, "RFC 1918") {
		t.Errorf("Classify(10.0.0.1) = %+v", c)
	}
}

func BenchmarkClassify(b *testing.B) {
	hosts := []string{
		"sqs.eu-west-2.amazonaws.com", "x.y.eu-west-1.rds.amazonaws.com", "api.datadoghq.eu",
		"europe-west1-aiplatform.googleapis.com", "unknown.example.com", "10.0.0.1", "db.default.svc.cluster.local",
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Classify(hosts[i%len(hosts)])
	}
}

// TestRegionCode checks the region names of the cloud providers, which
// SDK clients are configured with (an AWS region, a GCP location).
func TestRegionCode(t *testing.T) {
	for code, want := range map[string]string{
		"eu-central-1": "DE AWS region eu-central-1 (Frankfurt)",
		"eu-west-2":    "GB AWS region eu-west-2 (London)",
		"us-east-1":    "US AWS region us-east-1 (N. Virginia)",
		"EU-WEST-1":    "IE AWS region eu-west-1 (Ireland)",
		"europe-west3": "DE GCP region europe-west3 (Frankfurt)",
		"us-central1":  "US GCP region us-central1 (Council Bluffs, Iowa)",
		"westeurope":   "NL Azure region westeurope (Netherlands)",
		"cn-north-1":   "CN AWS China region cn-north-1 (Beijing)",
	} {
		cs := RegionCode(code)
		if len(cs) != 1 || cs[0].Region+" "+cs[0].Why != want || cs[0].Source == "" {
			t.Errorf("RegionCode(%s) = %+v, want %s with a source", code, cs, want)
		}
	}
	// Vendor tables (Pusher's "eu", Sumo Logic's "de") are not cloud
	// region names.
	for _, code := range []string{"eu", "de", "mt1", "", "eu-west-9"} {
		if cs := RegionCode(code); len(cs) != 0 {
			t.Errorf("RegionCode(%q) = %+v, want none", code, cs)
		}
	}
}
