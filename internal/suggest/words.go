package suggest

import (
	"strings"
	"unicode"
)

// words splits an identifier or a tag name into lower-case words: at
// underscores, hyphens, dots and spaces, at lower-to-upper and
// letter-to-digit changes, and before the last capital of an acronym
// followed by a lower-case letter ("IPAddress" is ip, address; "DOB" is
// dob). Compound words written as one ("firstname", "zipcode") are split
// by the compounds table.
func words(name string) []string {
	name = strings.NewReplacer("IPv4", "Ipv4", "IPv6", "Ipv6", "IDs", "Ids").Replace(name)
	var out []string
	for _, part := range strings.FieldsFunc(name, func(r rune) bool {
		return r == '_' || r == '-' || r == '.' || r == ' '
	}) {
		for _, w := range splitCamel(part) {
			w = strings.ToLower(w)
			if c, ok := compounds[w]; ok {
				out = append(out, strings.Fields(c)...)
				continue
			}
			out = append(out, w)
		}
	}
	return out
}

func splitCamel(s string) []string {
	rs := []rune(s)
	var out []string
	start := 0
	for i := 1; i < len(rs); i++ {
		prev, cur := rs[i-1], rs[i]
		next := rune(0)
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch {
		case unicode.IsUpper(cur) && (unicode.IsLower(prev) || unicode.IsDigit(prev)),
			unicode.IsUpper(cur) && unicode.IsUpper(prev) && unicode.IsLower(next),
			unicode.IsDigit(cur) && unicode.IsLetter(prev) && !isVersionDigit(rs, i),
			unicode.IsLetter(cur) && unicode.IsDigit(prev) && !isVersionDigit(rs, i-1):
			out = append(out, string(rs[start:i]))
			start = i
		}
	}
	return append(out, string(rs[start:]))
}

// isVersionDigit reports whether the digit at i belongs to "ipv4", "ipv6"
// (kept as one word).
func isVersionDigit(rs []rune, i int) bool {
	return i >= 3 && strings.EqualFold(string(rs[i-3:i]), "ipv")
}

// compounds splits words written without a break. Only words that the
// rules look for are listed.
var compounds = map[string]string{
	"firstname":    "first name",
	"lastname":     "last name",
	"fullname":     "full name",
	"givenname":    "given name",
	"familyname":   "family name",
	"middlename":   "middle name",
	"username":     "user name",
	"displayname":  "display name",
	"nickname":     "nick name",
	"emailaddress": "email address",
	"phonenumber":  "phone number",
	"phoneno":      "phone number",
	"cellphone":    "cell phone",
	"zipcode":      "zip code",
	"postcode":     "postal code",
	"postalcode":   "postal code",
	"birthdate":    "birth date",
	"birthday":     "birth day",
	"dateofbirth":  "date of birth",
	"ipaddress":    "ip address",
	"ipaddr":       "ip addr",
	"macaddress":   "mac address",
	"deviceid":     "device id",
	"geolocation":  "geo location",
	"cardnumber":   "card number",
	"creditcard":   "credit card",
	"nationalid":   "national id",
	"taxid":        "tax id",
	"useragent":    "user agent",
	"remoteaddr":   "remote addr",
	"streetname":   "street name",
	"cardholder":   "card holder",
	"accountno":    "account number",
}

// contains reports whether seq appears in ws as consecutive words.
func contains(ws, seq []string) bool {
	if len(seq) == 0 || len(seq) > len(ws) {
		return false
	}
	for i := 0; i+len(seq) <= len(ws); i++ {
		match := true
		for j, s := range seq {
			if ws[i+j] != s {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// equal reports whether ws is exactly seq.
func equal(ws, seq []string) bool { return len(ws) == len(seq) && contains(ws, seq) }
