// Package regions maps hosts to the countries that serve them and answers
// which regions contain which: ISO 3166-1 alpha-2 countries, the groups EU
// and EEA, and "internal" for addresses that never leave the organisation's
// network.
package regions

import "strings"

// Region names that are not countries.
const (
	EU       = "EU"
	EEA      = "EEA"
	Internal = "internal"
)

// iso3166 lists the officially assigned ISO 3166-1 alpha-2 codes.
// Source: ISO 3166 Maintenance Agency, "ISO 3166-1 alpha-2 officially
// assigned code elements" (249 codes).
const iso3166 = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ " +
	"BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
	"CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ " +
	"DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
	"GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY " +
	"HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
	"KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY " +
	"MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ " +
	"NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY " +
	"QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ " +
	"TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ " +
	"VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"

// euMembers are the 27 member states of the European Union.
// Source: european-union.europa.eu, "EU countries" (since the United
// Kingdom's withdrawal on 2020-01-31).
const euMembers = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE"

// eeaOnly are the EEA members outside the EU.
// Source: Agreement on the European Economic Area; EFTA, "EEA Agreement"
// (Iceland, Liechtenstein, Norway; Switzerland is not a party).
const eeaOnly = "IS LI NO"

var (
	countries = set(iso3166)
	eu        = set(euMembers)
	eeaExtra  = set(eeaOnly)
)

func set(list string) map[string]bool {
	m := make(map[string]bool)
	for _, c := range strings.Fields(list) {
		m[c] = true
	}
	return m
}

// IsCountry reports whether code is an ISO 3166-1 alpha-2 code (upper case).
func IsCountry(code string) bool { return countries[code] }

// Valid reports whether r names a region a policy may use: a country code,
// EU, EEA or internal.
func Valid(r string) bool {
	return r == EU || r == EEA || r == Internal || IsCountry(r)
}

// Contains reports whether region r lies inside region group g: a country is
// in itself, in EU when it is a member state, and in EEA when it is in the EU
// or is IS, LI or NO; EU is in EU and EEA; EEA is in EEA; internal is only in
// internal.
func Contains(g, r string) bool {
	if g == r {
		return true
	}
	switch g {
	case EU:
		return eu[r]
	case EEA:
		return r == EU || eu[r] || eeaExtra[r]
	}
	return false
}

// InAny reports whether r lies inside one of the groups.
func InAny(groups []string, r string) bool {
	for _, g := range groups {
		if Contains(g, r) {
			return true
		}
	}
	return false
}
