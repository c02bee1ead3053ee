package suggest

import "strings"

// Confidence says how sure a suggestion is.
type Confidence int

// Confidence levels, in increasing order; the zero value means no
// suggestion.
const (
	None Confidence = iota
	Low
	Medium
	High
)

func (c Confidence) String() string {
	switch c {
	case Low:
		return "low"
	case Medium:
		return "medium"
	case High:
		return "high"
	}
	return "none"
}

// ParseConfidence reads "high", "medium" or "low".
func ParseConfidence(s string) (Confidence, bool) {
	switch s {
	case "high":
		return High, true
	case "medium":
		return Medium, true
	case "low":
		return Low, true
	}
	return None, false
}

// Categories, the values suggested for the userdata tag.
const (
	Contact    = "contact"
	Personal   = "personal"
	Location   = "location"
	Identifier = "identifier"
	Financial  = "financial"
	Device     = "device"
	Network    = "network"
)

// typeClass is what a field's type looks like, as far as the rules care.
type typeClass uint16

const (
	tText   typeClass = 1 << iota // string, []byte, named string types, sql.NullString, net/mail.Address
	tInt                          // integers
	tFloat                        // floating point
	tTime                         // time.Time, sql.NullTime
	tIP                           // net.IP, netip.Addr
	tStruct                       // another struct type (an Address)
	tAny                          // an interface: could hold anything
	tOther                        // bool, func, chan, *time.Location, ...: never personal data
)

// Context is what the enclosing struct says about its fields.
type Context int

const (
	// Person means the struct describes a person (User, Customer, Contact,
	// CreateUserRequest) by its name.
	Person Context = iota
	// Evidence means nothing in the struct's name, but a sibling field is
	// tagged userdata or is plainly personal (an e-mail, a birth date), or
	// the struct is a postal address or a position.
	Evidence
	// Neutral means nothing either way.
	Neutral
	// Thing means the struct describes a thing, a place or a machine (Product,
	// File, Host, Store, ServerConfig) by its name.
	Thing
)

func (c Context) String() string {
	return [...]string{"person type", "next to personal fields", "no context", "non-person type"}[c]
}

// rule recognises one kind of personal data by a field's name.
type rule struct {
	// match lists word sequences (space-separated) the name must contain;
	// exact lists ones it must be. One of them matches.
	match, exact []string
	category     string
	// conf is the confidence in each Context (Person, Evidence, Neutral,
	// Thing); None rejects.
	conf [4]Confidence
	// types are the field types that fit; others reject, an interface
	// lowers the confidence one step.
	types typeClass
	// unless lists words that, anywhere in the name, mean the field is
	// about the datum rather than the datum (EmailVerified) or about a
	// machine (ServerIP).
	unless []string
	what   string // the reason, for people
}

var (
	hhhl = [4]Confidence{High, High, High, Low}
	hhh0 = [4]Confidence{High, High, High, None}
	hhm0 = [4]Confidence{High, High, Medium, None}
	hml0 = [4]Confidence{High, Medium, Low, None}
	hmm0 = [4]Confidence{High, Medium, Medium, None}
	mmm0 = [4]Confidence{Medium, Medium, Medium, None}
	mml0 = [4]Confidence{Medium, Medium, Low, None}
	mll0 = [4]Confidence{Medium, Low, Low, None}
)

// aboutTheDatum are words that make a field about the datum rather than
// the datum itself: EmailVerified, PhoneCount, NameTemplate.
var aboutTheDatum = []string{
	"verified", "verify", "verification", "enabled", "enable", "disabled", "count", "template",
	"subject", "body", "sent", "status", "type", "kind", "format", "pattern", "regex", "valid",
	"validated", "confirmed", "opt", "optin", "optout", "preference", "preferences", "provider",
	"domain", "length", "len", "max", "min", "limit", "column", "label", "placeholder", "header",
	"attempts", "field", "prefix", "suffix", "at", "on", "flag", "allowed", "policy", "setting",
	"settings", "config", "required", "visible", "changed", "updated",
}

// machineWords mark addresses and names of machines: ServerIP, ListenAddr.
var machineWords = []string{
	"server", "listen", "bind", "local", "node", "host", "gateway", "proxy", "dns", "nat", "subnet",
	"cidr", "vip", "upstream", "backend", "public", "private", "external", "internal", "peer",
	"http", "grpc", "rpc", "smtp", "redis", "db", "database", "broker", "metrics", "admin", "debug",
	"api", "service", "endpoint", "base", "memory", "wallet", "contract", "bucket", "cluster", "pod",
	"relay", "web", "url", "mx", "router", "route", "range", "ranges", "allowlist", "whitelist",
	"blocklist", "blacklist", "filter", "pool",
}

// rules are tried in order; the first that matches a field's name decides,
// also when it rejects the field (so "ServerIP" is not then taken for a
// name). Sources: GDPR article 4(1) and recital 30 (online identifiers,
// IP addresses, device identifiers, location data), article 9 (special
// categories), and the field names of common Go user models.
var rules = []rule{
	// Contact.
	{match: []string{"email", "e mail", "mail address"}, category: Contact, conf: hhhl, types: tText | tStruct,
		unless: aboutTheDatum, what: "e-mail address"},
	{match: []string{"phone", "mobile", "msisdn", "telephone", "cell phone", "mobile number"}, category: Contact, conf: hhhl, types: tText | tInt,
		unless: append([]string{"app", "version", "os", "platform", "client", "browser", "view", "layout"}, aboutTheDatum...), what: "phone number"},
	{exact: []string{"tel", "fax", "cell"}, category: Contact, conf: mml0, types: tText | tInt,
		what: "phone number (abbreviated)"},

	// Names.
	{match: []string{"first name", "last name", "full name", "given name", "family name", "middle name",
		"maiden name", "legal name", "surname", "forename", "holder name", "card holder name", "contact name",
		"customer name", "person name", "recipient name", "patient name", "employee name", "billing name",
		"shipping name", "account holder", "card holder"}, category: Personal, conf: hhhl, types: tText,
		unless: aboutTheDatum, what: "a person's name"},
	{match: []string{"display name", "nick name", "preferred name"}, category: Personal, conf: mmm0, types: tText,
		unless: aboutTheDatum, what: "a name a person chose"},
	{match: []string{"user name", "login name", "screen name"}, category: Identifier, conf: mml0, types: tText,
		unless: aboutTheDatum, what: "a user's login name"},
	{exact: []string{"name"}, category: Personal, conf: hml0, types: tText,
		what: "Name"},

	// Birth and special categories.
	{match: []string{"birth", "dob", "birth date", "birth day", "date of birth"}, category: Personal, conf: hhhl, types: tText | tTime | tInt | tStruct,
		unless: []string{"place", "country"}, what: "date of birth"},
	{exact: []string{"gender", "sex", "nationality", "ethnicity", "religion"}, category: Personal, conf: hhm0, types: tText | tInt,
		what: "a special or sensitive attribute (GDPR art. 9)"},

	{match: []string{"diagnosis", "diagnoses", "medical", "medication", "medications", "prescription", "allergy",
		"allergies", "disability", "blood type", "health"}, category: Personal, conf: hhm0, types: tText | tStruct,
		unless: append([]string{"check", "endpoint", "url", "probe"}, aboutTheDatum...), what: "health data (GDPR art. 9)"},
	{match: []string{"linked in", "linkedin", "twitter", "facebook", "instagram", "social profile"}, category: Identifier, conf: [4]Confidence{Medium, Low, None, None}, types: tText,
		unless: aboutTheDatum, what: "a social network profile"},

	// National identifiers.
	{match: []string{"ssn", "social security", "national id", "national insurance", "passport", "tax id",
		"tax number", "driver license", "drivers license", "driving licence", "driving license",
		"id card", "identity card", "personal number", "personnummer", "bsn", "aadhaar", "mrn", "medical record number"}, category: Identifier, conf: hhhl, types: tText | tInt,
		unless: aboutTheDatum, what: "a national or official identifier"},

	// Financial.
	{match: []string{"iban", "card number", "credit card", "cvv", "cvc", "bank account"}, category: Financial, conf: hhhl, types: tText | tInt | tStruct,
		unless: aboutTheDatum, what: "a bank account or payment card"},
	{match: []string{"account number", "routing number", "sort code"}, category: Financial, conf: mmm0, types: tText | tInt,
		unless: aboutTheDatum, what: "an account number"},
	{match: []string{"salary", "income"}, category: Financial, conf: mml0, types: tInt | tFloat | tText | tStruct,
		what: "a person's pay"},

	// Devices.
	{match: []string{"device id", "idfa", "idfv", "advertising id", "ad id", "gaid", "aaid", "android id",
		"imei", "udid", "mac address", "mac addr"}, category: Device, conf: hhhl, types: tText | tInt,
		unless: aboutTheDatum, what: "a device identifier"},
	{match: []string{"push token", "device token", "fcm token", "apns token", "user agent"}, category: Device, conf: mmm0, types: tText,
		unless: aboutTheDatum, what: "a device token or user agent"},

	// Network.
	{match: []string{"ip", "ipv4", "ipv6", "ip address", "ip addr", "remote addr", "remote address"}, category: Network, conf: hhm0, types: tText | tIP,
		unless: append(append([]string{}, aboutTheDatum...), machineWords...), what: "an IP address"},

	// Postal addresses.
	{match: []string{"home address", "billing address", "shipping address", "delivery address", "mailing address",
		"postal address", "residential address", "street address", "physical address", "address line",
		"addr line", "street", "house number", "postal code", "zip code", "zip", "ship to", "bill to", "deliver to"}, category: Location, conf: hhh0, types: tText | tInt | tStruct,
		unless: append(append([]string{"file", "archive", "compressed"}, aboutTheDatum...), machineWords...), what: "a postal address"},
	{exact: []string{"address", "addr", "home addr", "billing addr", "shipping addr", "delivery addr"}, category: Location, conf: hml0, types: tText | tStruct,
		what: "Address"},
	{exact: []string{"city", "town"}, category: Location, conf: hml0, types: tText,
		what: "a town"},

	// Positions.
	{match: []string{"lat", "lng", "latitude", "longitude", "lon", "geo location", "geo", "coordinates", "gps"}, category: Location, conf: hmm0, types: tFloat | tText | tStruct,
		unless: aboutTheDatum, what: "a geographic position"},
	{exact: []string{"location", "position", "last location", "current location"}, category: Location, conf: mll0, types: tText | tStruct,
		what: "a location"},
}

// personWords name people; in a struct's name they make its fields a
// person's.
var personWords = set(`user users customer person people member employee contact patient profile
	student owner author recipient buyer seller guest passenger driver subscriber applicant
	candidate visitor citizen consumer shopper traveler traveller beneficiary payee payer holder
	account signup registration identity kyc individual lead prospect staff worker resident
	attendee participant player donor volunteer learner teacher doctor nurse human friend
	follower addressee consignee billing shipping`)

// thingWords name things, places and machines; in a struct's name they
// make its Name, Address and position fields not a person's.
var thingWords = set(`product item sku file dir directory folder host server service node cluster
	pod container image config configuration settings options option opts params env flag
	feature category tag label project repo repository branch commit package module job task
	queue topic metric app application plugin team org organization organisation company
	business merchant vendor supplier brand store shop warehouse office building venue site
	restaurant hotel airport station city region zone country bucket table column field schema
	index database db endpoint route handler listener router interface instance vm machine
	printer bot channel room course book movie song album article page document doc template
	report dashboard widget asset resource plan tier price coupon campaign workspace tenant
	listing catalog inventory network subnet`)

// placeWords name postal addresses and positions: their fields are
// personal wherever a person's struct holds them.
var placeWords = set(`address addr location geo coordinates position`)

func set(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// structContext judges a struct by its name's words: the last word (the
// head noun: UserService is a service) first, then the others (a
// CustomerAddress is a person's, a StoreLocation a thing's, an Address
// anyone's).
func structContext(name []string) Context {
	if len(name) == 0 {
		return Neutral
	}
	head := name[len(name)-1]
	switch {
	case personWords[head]:
		return Person
	case thingWords[head]:
		return Thing
	}
	for _, w := range name {
		if personWords[w] {
			return Person
		}
	}
	for _, w := range name {
		if thingWords[w] {
			return Thing
		}
	}
	if placeWords[head] {
		return Evidence
	}
	return Neutral
}

// judge applies the rules to one field: its name's words, its type's class
// and its struct's context. It returns the matching rule (nil if none)
// and the confidence (None if the rule rejects the field).
func judge(name []string, tc typeClass, ctx Context) (*rule, Confidence) {
	for i := range rules {
		r := &rules[i]
		if !r.matches(name) {
			continue
		}
		for _, u := range r.unless {
			if contains(name, []string{u}) && !r.covers(u) {
				return r, None
			}
		}
		if tc&(r.types|tAny) == 0 {
			return r, None
		}
		c := r.conf[ctx]
		if tc == tAny && c > None {
			c--
		}
		return r, c
	}
	return nil, None
}

func (r *rule) matches(name []string) bool {
	for _, m := range r.exact {
		if equal(name, strings.Fields(m)) {
			return true
		}
	}
	for _, m := range r.match {
		if contains(name, strings.Fields(m)) {
			return true
		}
	}
	return false
}

// covers reports whether w is one of the rule's own words (so that it is
// not taken as an "unless" word).
func (r *rule) covers(w string) bool {
	for _, m := range append(append([]string{}, r.match...), r.exact...) {
		for _, x := range strings.Fields(m) {
			if x == w {
				return true
			}
		}
	}
	return false
}
