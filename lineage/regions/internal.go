package regions

import (
	"net/netip"
	"strings"
)

// Addresses and names that never leave the organisation's network: traffic
// to them is "internal", whatever the policy's allowed regions. They apply
// after the host patterns of the catalog (which hold no IP literals).

// addrRow is an internal address range.
type addrRow struct {
	Prefix  netip.Prefix
	Why     string
	Example string
	Source  string
}

// nameRow is an internal host name: "localhost" (exactly) or "*.local"
// (every name below "local", not "local" itself).
type nameRow struct {
	Pattern string
	Why     string
	Example string
	Source  string
}

// internalAddrs are matched in order; IPv4-mapped IPv6 addresses
// (::ffff:10.0.0.1) are unmapped first.
var internalAddrs = []addrRow{
	// Loopback: 127.0.0.0/8 addresses never appear outside a host.
	{netip.MustParsePrefix("127.0.0.0/8"), "IPv4 loopback address", "127.0.0.1",
		"RFC 1122, Requirements for Internet Hosts, section 3.2.1.3 (loopback); RFC 6890 (Special-Purpose Address Registries)"},
	// The IPv6 loopback address.
	{netip.MustParsePrefix("::1/128"), "IPv6 loopback address", "::1",
		"RFC 4291, IP Version 6 Addressing Architecture, section 2.5.3 (loopback address)"},
	// Unspecified: dialling 0.0.0.0 or :: connects to the local host.
	{netip.MustParsePrefix("0.0.0.0/32"), "unspecified address (this host)", "0.0.0.0",
		"RFC 1122, Requirements for Internet Hosts, section 3.2.1.3 ({0,0}: this host on this network)"},
	{netip.MustParsePrefix("::/128"), "IPv6 unspecified address", "::",
		"RFC 4291, IP Version 6 Addressing Architecture, section 2.5.2 (unspecified address)"},
	// Private internets.
	{netip.MustParsePrefix("10.0.0.0/8"), "RFC 1918 private address", "10.0.0.1",
		"RFC 1918, Address Allocation for Private Internets, section 3"},
	{netip.MustParsePrefix("172.16.0.0/12"), "RFC 1918 private address", "172.16.5.4",
		"RFC 1918, Address Allocation for Private Internets, section 3"},
	{netip.MustParsePrefix("192.168.0.0/16"), "RFC 1918 private address", "192.168.1.1",
		"RFC 1918, Address Allocation for Private Internets, section 3"},
	// Carrier-grade NAT shared space: not routed on the public Internet.
	{netip.MustParsePrefix("100.64.0.0/10"), "RFC 6598 shared address space (CGNAT)", "100.64.0.1",
		"RFC 6598, IANA-Reserved IPv4 Prefix for Shared Address Space"},
	// Link-local, including the cloud instance metadata service 169.254.169.254.
	{netip.MustParsePrefix("169.254.0.0/16"), "RFC 3927 IPv4 link-local address", "169.254.169.254",
		"RFC 3927, Dynamic Configuration of IPv4 Link-Local Addresses"},
	{netip.MustParsePrefix("fe80::/10"), "IPv6 link-local address", "fe80::1",
		"RFC 4291, IP Version 6 Addressing Architecture, section 2.5.6 (link-local unicast)"},
	// IPv6 unique local addresses.
	{netip.MustParsePrefix("fc00::/7"), "RFC 4193 unique local IPv6 address", "fd00::1",
		"RFC 4193, Unique Local IPv6 Unicast Addresses"},
}

// internalNames are matched most specific first (the order below).
var internalNames = []nameRow{
	{"*.svc.cluster.local", "Kubernetes cluster Service name", "db.default.svc.cluster.local",
		"Kubernetes DNS-Based Service Discovery specification (cluster domain cluster.local, <service>.<ns>.svc.<zone>)"},
	{"*.svc", "Kubernetes Service name relative to the cluster domain", "db.default.svc",
		"Kubernetes documentation, DNS for Services and Pods (names resolved through the pod's search list <ns>.svc.<zone>)"},
	{"localhost", "the local host", "localhost",
		"RFC 6761, Special-Use Domain Names, section 6.3 (localhost.)"},
	{"*.localhost", "a name below localhost", "app.localhost",
		"RFC 6761, Special-Use Domain Names, section 6.3 (localhost. and names falling within it)"},
	{"*.local", "a multicast DNS link-local name", "printer.local",
		"RFC 6762, Multicast DNS, section 3 (.local. names are link-local)"},
	{"*.internal", "a name in the private-use .internal TLD", "ip-10-0-0-1.eu-west-1.compute.internal",
		"ICANN Board Resolution 2024.07.29.06, reserving .INTERNAL for private use"},
	{"*.home.arpa", "a residential home network name", "nas.home.arpa",
		"RFC 8375, Special-Use Domain 'home.arpa.'"},
}

// classifyAddr classifies an IP literal: internal or unknown.
func classifyAddr(a netip.Addr) Class {
	a = a.Unmap().WithZone("")
	for i := range internalAddrs {
		r := &internalAddrs[i]
		if r.Prefix.Contains(a) {
			return Class{Region: Internal, Why: "internal: " + r.Why, Source: r.Source, Entry: r.Prefix.String()}
		}
	}
	return Class{}
}

// classifyName classifies a normalised host name by the internal name rules.
func classifyName(h string) Class {
	for i := range internalNames {
		r := &internalNames[i]
		var ok bool
		if rest, wild := strings.CutPrefix(r.Pattern, "*."); wild {
			ok = strings.HasSuffix(h, "."+rest) && len(h) > len(rest)+1
		} else {
			ok = h == r.Pattern
		}
		if ok {
			return Class{Region: Internal, Why: "internal: " + r.Why, Source: r.Source, Entry: r.Pattern}
		}
	}
	return Class{}
}
