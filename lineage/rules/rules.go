// Package rules holds datagate's rules: their metadata, in one table that
// feeds `datagate rules`, the documentation and SARIF's tool.driver.rules
// alike, and Evaluate, which decides which rule (if any) a flow breaks and
// words the finding's message.
//
// The table is built by a function rather than kept in a package-level
// variable, so that no caller can change what another caller sees: All
// returns a fresh table, Lookup a copy of the rule (from the table built
// once, builtTable).
package rules

import (
	"slices"
	"strings"
	"sync"
)

// Rule ids, as they appear in results and in //datagate:allow directives
// (which may drop the "datagate/" prefix).
const (
	DisallowedRegion   = "datagate/disallowed-region"
	GatewayBypass      = "datagate/gateway-bypass"
	UnknownRegion      = "datagate/unknown-region"
	UnresolvedEndpoint = "datagate/unresolved-endpoint"
	InvalidSuppression = "datagate/invalid-suppression"
)

// Prefix is the namespace of every rule id.
const Prefix = "datagate/"

// Levels, as in SARIF.
const (
	LevelError   = "error"
	LevelWarning = "warning"
	LevelNote    = "note"
)

// HelpURI is where the rules are documented for people.
const HelpURI = "https://github.com/datagate/datagate/blob/main/README.md#rules"

// Rule describes one rule. Its fields map one to one onto a SARIF
// reportingDescriptor: ID (id), Name (name), Short (shortDescription),
// Full (fullDescription), Help and Markdown (help.text, help.markdown), Level
// (defaultConfiguration.level), SecuritySeverity, Precision and Tags
// (properties "security-severity", "precision", "tags") and HelpURI.
type Rule struct {
	// ID is the stable id, "datagate/<name>".
	ID string
	// Name is the id in PascalCase, for tools that want an identifier.
	Name string
	// Short is one sentence, without a final period. It is also the title
	// of Help and Markdown.
	Short string
	// When says when the rule reports, as a Markdown phrase without a
	// final period: the "reported when" column of README.md's Rules table
	// and, as plain text (PlainText), the rule list of
	// analyzers/datagate/doc.go (internal/hygiene checks both).
	When string
	// Full is a paragraph (at most 1024 characters) that explains the rule.
	Full string
	// Help is plain text: what the rule means, why it matters, how to fix
	// it, with an example. It is derived from Markdown (PlainText).
	Help string
	// Markdown is Help in GitHub-flavoured Markdown: Short in bold, then
	// the rule's documentation, written once in table.
	Markdown string
	// Level is the default level: error, warning or note.
	Level string
	// SecuritySeverity is a CVSS-like score "0.1".."10.0"; GitHub code
	// scanning treats a rule that has one as a security rule. Empty for rules
	// that are not about security (invalid-suppression).
	SecuritySeverity string
	// Precision is very-high, high, medium or low, as GitHub reads it.
	Precision string
	// Tags are at most 10 labels for filtering alerts.
	Tags []string
	// HelpURI points at the rule's documentation.
	HelpURI string
}

// ShortID returns the id without the "datagate/" prefix.
func (r *Rule) ShortID() string { return strings.TrimPrefix(r.ID, Prefix) }

// All returns every rule, in the order rules are evaluated (README.md#rules),
// invalid-suppression last. Each call returns new values.
func All() []*Rule { return table() }

// Lookup returns the rule with the given id, written in full
// ("datagate/gateway-bypass") or short ("gateway-bypass"); nil if there is
// none.
func Lookup(id string) *Rule {
	if id == "" {
		return nil
	}
	if !strings.HasPrefix(id, Prefix) {
		id = Prefix + id
	}
	for _, r := range builtTable() {
		if r.ID == id {
			c := *r // the caller's copy: the built table stays as it is
			c.Tags = slices.Clone(r.Tags)
			return &c
		}
	}
	return nil
}

// builtTable is table, built once: it is constant, and building it (the
// rules' documentation is concatenated) for every finding's lookup
// (rules.Judge, suppress.Match) was 5% of the CPU of a scan of the
// generated 1000-package module. Lookup hands out copies; All still
// builds the table afresh for callers that keep or change it.
var builtTable = sync.OnceValue(table)

// Index returns the position of the rule with the given id (full or short)
// in All, or -1.
func Index(id string) int {
	if !strings.HasPrefix(id, Prefix) {
		id = Prefix + id
	}
	for i, r := range builtTable() {
		if r.ID == id {
			return i
		}
	}
	return -1
}

// LevelRank orders levels: error 3, warning 2, note 1, anything else 0
// ("none").
func LevelRank(level string) int {
	switch level {
	case LevelError:
		return 3
	case LevelWarning:
		return 2
	case LevelNote:
		return 1
	}
	return 0
}

// Tags shared by the rules about flows.
func flowTags(extra ...string) []string {
	return append([]string{"security", "privacy", "gdpr", "data-residency", "external/cwe/cwe-359"}, extra...)
}

// suppressMarkdown is the section every flow rule's help ends with; %s is
// the rule.
const suppressMarkdown = "If the transfer is lawful and reviewed (an adequacy decision, standard contractual clauses, the user's explicit consent), suppress it on the exit's line or the line above with a reason, optionally with an expiry date:\n\n" +
	"```go\n//datagate:allow %s until=2026-12-31 SCCs signed with Acme, ticket PRIV-123\n```\n\n" +
	"A directive without a reason suppresses nothing and is itself reported."

// withDoc completes r with its help: doc is the Markdown that follows the
// title (r.Short), written once; Help is its plain text.
func withDoc(r Rule, doc string) *Rule {
	r.Markdown = "**" + r.Short + ".**\n\n" + doc
	r.Help = r.Short + ".\n\n" + PlainText(doc)
	return &r
}

// table builds the rule table: one entry per rule, each with its
// documentation (the second argument of withDoc), which the Markdown and
// plain-text help, `datagate rules`, SARIF's rules[], README.md's Rules table
// and analyzers/datagate/doc.go all come from.
func table() []*Rule {
	return []*Rule{
		withDoc(Rule{
			ID:    DisallowedRegion,
			Name:  "DisallowedRegion",
			Short: "User data is sent to an endpoint outside the allowed regions",
			When:  "an endpoint's region is outside `allowed_regions`",
			Full: "A value holding user data (a field tagged `userdata`, or a source declared in the policy) reaches a call that sends it out of the process, " +
				"and a possible destination of that call is a host whose region lies outside the policy's allowed_regions. " +
				"Under GDPR chapter V, personal data may go to a third country only under an adequacy decision or appropriate safeguards; " +
				"a residency programme that keeps EU users' data in the EEA forbids the transfer outright.",
			Level:            LevelError,
			SecuritySeverity: "8.0",
			Precision:        "high",
			Tags:             flowTags("transfer"),
			HelpURI:          HelpURI,
		},
			"datagate followed user data from the field where it is read to this call, which sends it out of the process, and resolved the call's destination to a host in a region that the policy's `allowed_regions` does not include (for example a US analytics host when only `EEA` is allowed).\n\n"+
				"### Why it matters\n\n"+
				"Under [GDPR chapter V](https://gdpr-info.eu/chapter-5/) (articles 44-50) a transfer of personal data to a third country is lawful only under an adequacy decision, appropriate safeguards such as standard contractual clauses, or a narrow derogation. "+
				"Data-residency programmes go further and keep the data in the region altogether. Every such call is a transfer, whether or not anyone meant it to be.\n\n"+
				"### How to fix\n\n"+
				"- Route the data through the sanctioned **gateway** client, which is monitored and applies the transfer rules.\n"+
				"- **Pseudonymise** or aggregate it with a policy `sanitizers` function before it leaves, so that it no longer identifies a user (a hash is not enough: a hash of an e-mail is still personal data).\n"+
				"- Use the provider's endpoint in an **allowed region** (e.g. `api-eu.mixpanel.com` instead of `api.mixpanel.com`), or map your own host to its real region in the policy's `endpoints`.\n"+
				"- Or stop sending the field.\n\n"+
				"### Example\n\n"+
				"```go\n// body holds user.Email\nresp, err := http.Post(\"https://api.mixpanel.com/track\", \"application/json\", body)\n```\n\n"+
				"becomes\n\n"+
				"```go\nresp, err := http.Post(\"https://api-eu.mixpanel.com/track\", \"application/json\", body)\n```\n\n"+
				"### Suppressing\n\n"+strings.ReplaceAll(suppressMarkdown, "%s", "disallowed-region")),
		withDoc(Rule{
			ID:    GatewayBypass,
			Name:  "GatewayBypass",
			Short: "User data leaves the process without passing the sanctioned gateway",
			When:  "a gateway is configured, the exit is not through it, and an endpoint is not known to be `internal` (unresolved endpoints and hosts of unknown region included)",
			Full: "The policy names a gateway client through which every transfer of user data must pass, " +
				"and user data reaches a call that sends it out of the process directly, to an endpoint that is not known to be internal " +
				"(unresolved endpoints and hosts of unknown region included). " +
				"A transfer that bypasses the gateway escapes the monitoring and the safeguards that GDPR chapter V transfers rely on.",
			Level:            LevelError,
			SecuritySeverity: "7.5",
			Precision:        "high",
			Tags:             flowTags("gateway"),
			HelpURI:          HelpURI,
		},
			"The policy configures a `gateway`: the client through which every transfer of user data out of the organisation must pass. "+
				"datagate followed user data to this call, which sends it directly to an endpoint that is not known to be `internal`. "+
				"This is reported whatever the endpoint's region, and also when the endpoint cannot be resolved or its region is unknown: only the gateway and internal endpoints are exempt.\n\n"+
				"### Why it matters\n\n"+
				"The gateway is where transfers are logged, checked against the transfer rules of [GDPR chapter V](https://gdpr-info.eu/chapter-5/) (adequacy decisions, standard contractual clauses) and pseudonymised. "+
				"A direct call is a transfer that nobody monitors, and one that an audit of the gateway's logs will not find.\n\n"+
				"### How to fix\n\n"+
				"- Send the data through the **gateway** client named in the policy.\n"+
				"- **Pseudonymise** it with a policy `sanitizers` function first, if the destination needs no personal data.\n"+
				"- If the endpoint is inside your network, map its host to region `internal` in the policy's `endpoints`.\n"+
				"- Or stop sending the field.\n\n"+
				"### Example\n\n"+
				"```go\n// body holds user.Email\nhttp.Post(\"https://api.partner.com/v1/users\", \"application/json\", body)\n```\n\n"+
				"becomes\n\n"+
				"```go\ngw.Send(ctx, gateway.Request{Dest: \"partner-users\", Body: body})\n```\n\n"+
				"### Suppressing\n\n"+strings.ReplaceAll(suppressMarkdown, "%s", "gateway-bypass")),
		withDoc(Rule{
			ID:    UnknownRegion,
			Name:  "UnknownRegion",
			Short: "User data is sent to a host whose region is unknown",
			When:  "an endpoint's host is known but its region is not",
			Full: "User data reaches a call that sends it out of the process, to a host that datagate can name but cannot place in a region: " +
				"it is neither in the policy's endpoints nor in the built-in catalog, nor an internal address. " +
				"The transfer may or may not leave the allowed regions, which GDPR chapter V requires you to know.",
			Level:            LevelWarning,
			SecuritySeverity: "5.0",
			Precision:        "medium",
			Tags:             flowTags(),
			HelpURI:          HelpURI,
		},
			"datagate followed user data to this call and resolved the destination's host name, but neither the policy's `endpoints`, nor the built-in catalog of cloud and SaaS hosts, nor the internal address ranges say where that host is.\n\n"+
				"### Why it matters\n\n"+
				"Under [GDPR chapter V](https://gdpr-info.eu/chapter-5/) you must know whether personal data leaves the EEA (or whichever regions your policy allows) before it does. An unknown region is a transfer nobody has assessed.\n\n"+
				"### How to fix\n\n"+
				"- Find out where the host is served from and declare it in the policy:\n\n"+
				"  ```yaml\n  endpoints:\n    - hosts: [\"api.example-crm.com\"]\n      region: DE\n  ```\n\n"+
				"- Or use an endpoint of the provider in a known, **allowed region**.\n"+
				"- Or route the data through the **gateway**, or **pseudonymise** it with a policy `sanitizers` function.\n\n"+
				"### Example\n\n"+
				"`crm.Push(user)` posts to `https://api.example-crm.com/v2/contacts`, a host in no catalog. "+
				"The provider documents that this host is served from Frankfurt, so the policy entry above (region `DE`) makes the flow allowed under `allowed_regions: [EEA]`.\n\n"+
				"### Suppressing\n\n"+strings.ReplaceAll(suppressMarkdown, "%s", "unknown-region")),
		withDoc(Rule{
			ID:    UnresolvedEndpoint,
			Name:  "UnresolvedEndpoint",
			Short: "User data is sent to a destination that cannot be determined statically",
			When:  "the destination cannot be determined statically",
			Full: "User data reaches a call that sends it out of the process, and the call's destination comes from somewhere datagate cannot see into " +
				"(an environment variable, a flag, a configuration field, a parameter no caller sets to a constant). " +
				"Where the data goes, and so whether the transfer is allowed under GDPR chapter V, depends on the deployment.",
			Level:            LevelWarning,
			SecuritySeverity: "4.0",
			Precision:        "medium",
			Tags:             flowTags(),
			HelpURI:          HelpURI,
		},
			"datagate followed user data to this call, but the destination (URL, address or DSN) is not known from the source: it comes from an environment variable, a flag, a configuration file or a parameter. The finding's message gives the reason.\n\n"+
				"### Why it matters\n\n"+
				"Whether this is a transfer to a third country under [GDPR chapter V](https://gdpr-info.eu/chapter-5/) depends on how the program is deployed, which a review of the code cannot check and a change of configuration can silently alter.\n\n"+
				"### How to fix\n\n"+
				"- Route the data through the **gateway**, or **pseudonymise** it with a policy `sanitizers` function.\n"+
				"- Make the destination a constant, or a package-level value or struct field set from one, so that it can be checked.\n"+
				"- If the destination comes from a configured input (the message names it: environment variable, flag, config key, config field), give it a region with a policy `endpoints` entry naming the input, or list the deployment's files under `deploy` so that the values they set are checked:\n\n"+
				"  ```yaml\n  endpoints:\n    - env: [\"ANALYTICS_URL\"]\n      region: IE\n  deploy:\n    - \"deploy/k8s/*.yaml\"\n  ```\n\n"+
				"  `datagate endpoints` lists every such input with the exits it decides.\n"+
				"- If the destination is fixed by the deployment, declare the call as a policy sink with its endpoint:\n\n"+
				"  ```yaml\n  sinks:\n    - func: \"(*example.com/analytics.Client).Track\"\n      args: [1]\n      endpoint: \"https://eu.analytics.example.com\"\n  ```\n\n"+
				"### Example\n\n"+
				"```go\n// body holds user.Email\nhttp.Post(os.Getenv(\"ANALYTICS_URL\"), \"application/json\", body)\n```\n\n"+
				"becomes\n\n"+
				"```go\nconst analyticsURL = \"https://eu.analytics.example.com/v1/events\"\nhttp.Post(analyticsURL, \"application/json\", body)\n```\n\n"+
				"### Suppressing\n\n"+strings.ReplaceAll(suppressMarkdown, "%s", "unresolved-endpoint")),
		withDoc(Rule{
			ID:    InvalidSuppression,
			Name:  "InvalidSuppression",
			Short: "A //datagate:allow directive is malformed or expired and suppresses nothing",
			When:  "a `//datagate:allow` directive is malformed (no rule, unknown rule, no reason, bad date) or has expired, and so suppresses nothing",
			Full: "A //datagate:allow directive must name one datagate rule and give a reason, and may carry an expiry date: " +
				"//datagate:allow <rule> [until=YYYY-MM-DD] <reason>. " +
				"A directive without a reason, with an unknown rule or a malformed date, or whose date has passed, suppresses nothing; " +
				"it is reported so that the finding it was meant to cover is not silently back, or silently hidden.",
			Level:     LevelWarning,
			Precision: "very-high",
			Tags:      []string{"maintainability", "suppression"},
			HelpURI:   HelpURI,
		},
			"The form is\n\n"+
				"```go\n//datagate:allow <rule> [until=YYYY-MM-DD] <reason>\n```\n\n"+
				"on the line of the exit call or the line above, with no space between `//` and `datagate`. "+
				"`<rule>` is one rule id, with or without the `datagate/` prefix (\"all\" is not accepted). "+
				"The reason is required: a suppressed transfer of personal data is a decision someone has to be able to justify, under GDPR's accountability principle, to an auditor. "+
				"An `until=` date makes the suppression lapse at the end of that day (UTC).\n\n"+
				"### How to fix\n\n"+
				"Give the reason, correct the rule id or the date, or, when the date has passed, review the transfer again and either fix it or renew the directive.\n\n"+
				"### Example\n\n"+
				"```go\n//datagate:allow gateway-bypass until=2026-06-30 partner API is covered by SCCs, ticket PRIV-123\n```"),
	}
}
