package policy

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
)

// MatchHost reports whether host matches the host pattern. Both are compared
// without regard to case or a trailing dot. A pattern "*.example.com"
// matches every subdomain of example.com at any depth, but not example.com
// itself; any other pattern matches only the host it names. IP addresses
// match when they are the same address (::1 and 0:0::1 match).
func MatchHost(pattern, host string) bool {
	p, h := normHost(pattern), normHost(host)
	if suffix, ok := strings.CutPrefix(p, "*."); ok {
		return strings.HasSuffix(h, "."+suffix) && len(h) > len(suffix)+1
	}
	return p == h
}

// normHost returns the form of a host, or of a host pattern, that lookups
// compare: lower case, without a trailing dot, and an IP address in its
// canonical text form.
func normHost(h string) string {
	h = strings.ToLower(strings.TrimSuffix(h, "."))
	if a, err := netip.ParseAddr(strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")); err == nil {
		return a.String()
	}
	return h
}

// checkHostPattern checks an endpoints host pattern: a DNS name, optionally
// starting with "*.", or an IP address. It returns the problem, or "".
func checkHostPattern(s string) string {
	switch {
	case s == "":
		return "empty host pattern"
	case strings.Contains(s, "://"):
		return fmt.Sprintf("host pattern %q has a scheme; write the host name only", s)
	case strings.ContainsAny(s, "/?#"):
		return fmt.Sprintf("host pattern %q has a path; write the host name only", s)
	}
	if problem := checkIP(s); problem != "-" {
		return problem
	}
	if strings.Contains(s, ":") {
		return fmt.Sprintf("host pattern %q has a port; write the host name only", s)
	}
	name, _ := strings.CutPrefix(s, "*.")
	if strings.Contains(name, "*") {
		return fmt.Sprintf("host pattern %q: '*' is allowed only as a leading \"*.\" label", s)
	}
	if problem := checkDNSName(name); problem != "" {
		return fmt.Sprintf("host pattern %q: %s", s, problem)
	}
	return ""
}

// checkIP checks s as an IP address: it returns "" for a plain address, a
// problem for an address in a form a host pattern does not take, and "-"
// when s is not an IP address at all.
func checkIP(s string) string {
	if strings.HasPrefix(s, "[") {
		return fmt.Sprintf("host %q: write an IPv6 address without brackets", s)
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return "-"
	}
	if a.Zone() != "" {
		return fmt.Sprintf("host %q: an IPv6 zone is not allowed", s)
	}
	return ""
}

// checkDNSName checks a DNS name: dot-separated labels of ASCII letters,
// digits and '-', not starting or ending with '-', at most 63 bytes each and
// 253 in all. One trailing dot is allowed.
func checkDNSName(s string) string {
	s = strings.TrimSuffix(s, ".")
	if s == "" {
		return "empty host name"
	}
	if len(s) > 253 {
		return "host name longer than 253 bytes"
	}
	for label := range strings.SplitSeq(s, ".") {
		switch {
		case label == "":
			return "empty label"
		case len(label) > 63:
			return fmt.Sprintf("label %q longer than 63 bytes", label)
		case label[0] == '-' || label[len(label)-1] == '-':
			return fmt.Sprintf("label %q starts or ends with '-'", label)
		}
		for _, r := range label {
			if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-') {
				return fmt.Sprintf("label %q contains %q; a DNS label holds letters, digits and '-'", label, r)
			}
		}
	}
	return ""
}

// parseEndpoint checks a sink's fixed endpoint, a URL with a host or a bare
// host[:port], and returns its host in normHost form.
func parseEndpoint(s string) (string, string) {
	const want = "want a URL with a host (https://api.example.com) or host[:port]"
	var host, port string
	if strings.Contains(s, "://") {
		u, err := url.Parse(s)
		if err != nil {
			var ue *url.Error
			if errors.As(err, &ue) {
				err = ue.Err
			}
			return "", fmt.Sprintf("endpoint %q is not a URL: %v", s, err)
		}
		if u.Host == "" {
			return "", fmt.Sprintf("endpoint %q has no host; %s", s, want)
		}
		host, port = u.Hostname(), u.Port()
	} else {
		if s == "" || strings.ContainsAny(s, "/?#@ ") {
			return "", fmt.Sprintf("endpoint %q: %s", s, want)
		}
		host = s
		if h, p, err := net.SplitHostPort(s); err == nil {
			host, port = h, p
		} else if checkIP(s) != "" && strings.Contains(s, ":") {
			var ae *net.AddrError
			if errors.As(err, &ae) {
				err = errors.New(ae.Err)
			}
			return "", fmt.Sprintf("endpoint %q: %v; %s", s, err, want)
		}
	}
	if port != "" {
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			return "", fmt.Sprintf("endpoint %q: bad port %q", s, port)
		}
	}
	if problem := checkIP(host); problem != "-" {
		if problem != "" {
			return "", fmt.Sprintf("endpoint %q: %s", s, problem)
		}
		return normHost(host), ""
	}
	if problem := checkDNSName(host); problem != "" {
		return "", fmt.Sprintf("endpoint %q: %s", s, problem)
	}
	return normHost(host), ""
}
