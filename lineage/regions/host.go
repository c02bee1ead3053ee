package regions

import (
	"net/netip"
	"net/url"
	"strconv"
	"strings"
)

// HostOf returns the host (name or IP, without port, lower case) named by an
// endpoint value, the first one when the value names several (see HostsOf).
// ok is false when the value names no host, or names it only in part.
//
// Accepted forms:
//
//	https://api.example.com/track     URLs of any scheme (http, https, ws, wss,
//	                                  grpc, smtp, postgres, mysql, mongodb,
//	                                  mongodb+srv, redis, amqp, kafka, ...);
//	                                  userinfo, port, path, query are skipped
//	api.example.com:443, [::1]:8080   host:port, [IPv6]:port
//	api.example.com, 10.0.0.1, ::1    bare hosts and IP literals
//	b1:9092,b2:9092                   comma-separated lists (all in HostsOf)
//	dns:///host:443                   gRPC targets: dns:[//resolver/]host[:port],
//	dns://8.8.8.8/host:443            passthrough:[///]host:port,
//	passthrough:///host:443           ipv4:/ipv6: address lists
//	postgres://u:p@db:5432/app        SQL DSNs in URL form; a libpq URL with no
//	                                  host in the authority takes the "host"
//	                                  query parameter
//	host=db.example.com port=5432     libpq key=value DSNs (hostaddr wins over host)
//	server=tcp:db.example.com,1433;…  ADO-style (SQL Server) key=value;… DSNs
//	user:pw@tcp(db:3306)/app          go-sql-driver/mysql DSNs (tcp, tcp4, tcp6,
//	                                  udp; an empty tcp address is the driver's
//	                                  default 127.0.0.1)
//
// Local transports name no remote host; they are reported as "localhost",
// which Classify maps to internal: unix sockets in any form (unix:/path,
// unix:///path, unix-abstract:name, http+unix://, MySQL user@unix(/path)/db,
// a libpq host or URL host that is a socket directory, "/var/run/...").
//
// Not ok: paths ("/track"), relative references, an empty host, a host that
// is cut short ("https://api.", "https://api.example.com:", "user@tcp(db"),
// a host with characters no host name has (placeholders such as "{host}",
// "$HOST", "%s", "<unresolved>", "*"), a libpq DSN without host (libpq then
// reads PGHOST), and gRPC targets resolved by a control plane (xds:,
// google-c2p:), which name a service, not a host.
func HostOf(value string) (host string, ok bool) {
	hs, ok := HostsOf(value)
	if !ok {
		return "", false
	}
	return hs[0], true
}

// HostsOf returns every host named by an endpoint value, in order: the seed
// list of a mongodb URL, the hosts of a multi-host libpq URL or DSN, a Kafka
// broker list. It accepts the forms HostOf documents; ok is false when any
// part is not a complete host.
func HostsOf(value string) (hosts []string, ok bool) {
	v := strings.TrimSpace(value)
	if v == "" {
		return nil, false
	}
	lower := strings.ToLower(v)

	// gRPC target schemes, with or without "//".
	switch {
	case strings.HasPrefix(lower, "dns:"):
		return grpcTarget(v[len("dns:"):], true)
	case strings.HasPrefix(lower, "passthrough:"):
		return grpcTarget(v[len("passthrough:"):], false)
	case strings.HasPrefix(lower, "unix:"), strings.HasPrefix(lower, "unix-abstract:"):
		rest := strings.TrimLeft(v[strings.IndexByte(v, ':')+1:], "/")
		if rest == "" {
			return nil, false
		}
		return []string{localhost}, true
	case strings.HasPrefix(lower, "ipv4:"), strings.HasPrefix(lower, "ipv6:"):
		hs, ok := hostList(v[len("ipv4:"):], true, false)
		if !ok {
			return nil, false
		}
		for _, h := range hs {
			if _, err := netip.ParseAddr(h); err != nil {
				return nil, false
			}
		}
		return hs, true
	case strings.HasPrefix(lower, "xds:"), strings.HasPrefix(lower, "google-c2p:"):
		return nil, false
	}

	if i := strings.Index(v, "://"); i >= 0 {
		return urlHosts(v, i)
	}
	if strings.HasPrefix(v, "/") {
		return nil, false // a path (or a socket path: named by no scheme)
	}
	if strings.Contains(v, "(") {
		if hs, ok := mysqlHosts(v); ok {
			return hs, true
		}
	}
	if strings.Contains(v, "=") {
		if strings.Contains(v, ";") {
			return adoHosts(v)
		}
		return libpqHosts(v)
	}
	return hostList(v, true, false)
}

const localhost = "localhost"

// grpcTarget parses the part of a dns: or passthrough: target after the
// scheme: "//authority/host:port", "///host:port" or "host:port".
func grpcTarget(rest string, allowAuthority bool) ([]string, bool) {
	if strings.HasPrefix(rest, "//") {
		rest = rest[2:]
		slash := strings.IndexByte(rest, '/')
		if slash < 0 {
			return nil, false // dns://resolver with no endpoint
		}
		if slash > 0 && !allowAuthority {
			return nil, false
		}
		rest = rest[slash+1:]
	}
	h, ok := hostPort(rest, false, false)
	if !ok {
		return nil, false
	}
	return []string{h}, true
}

// urlHosts parses "scheme://[userinfo@]host[:port][,host[:port]...][/path][?query][#frag]";
// i is the index of "://".
func urlHosts(v string, i int) ([]string, bool) {
	scheme := strings.ToLower(v[:i])
	if !validScheme(scheme) {
		return nil, false
	}
	if scheme == "unix" || scheme == "unix-abstract" || strings.HasSuffix(scheme, "+unix") {
		return []string{localhost}, true
	}
	rest := v[i+3:]
	end := strings.IndexAny(rest, "/?#")
	authority, tail := rest, ""
	if end >= 0 {
		authority, tail = rest[:end], rest[end:]
	}
	if at := strings.LastIndexByte(authority, '@'); at >= 0 {
		authority = authority[at+1:]
	}
	if authority == "" {
		if scheme == "postgres" || scheme == "postgresql" {
			return pgQueryHost(tail)
		}
		return nil, false
	}
	return hostList(authority, end >= 0, true)
}

// pgQueryHost takes the host of a libpq URL from its "host" query parameter
// (postgres:///db?host=/var/run/postgresql).
func pgQueryHost(tail string) ([]string, bool) {
	q := strings.IndexByte(tail, '?')
	if q < 0 {
		return nil, false
	}
	query := tail[q+1:]
	if f := strings.IndexByte(query, '#'); f >= 0 {
		query = query[:f]
	}
	vals, err := url.ParseQuery(query)
	if err != nil {
		return nil, false
	}
	h := vals.Get("hostaddr")
	if h == "" {
		h = vals.Get("host")
	}
	if h == "" {
		return nil, false
	}
	return pgHostList(h)
}

// validScheme reports whether s is an RFC 3986 scheme.
func validScheme(s string) bool {
	if s == "" || !isAlpha(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !isAlpha(c) && !isDigit(c) && c != '+' && c != '-' && c != '.' {
			return false
		}
	}
	return true
}

// mysqlHosts parses a go-sql-driver/mysql DSN:
// [user[:password]@]protocol(address)/dbname[?params]. As the driver does,
// the database name starts after the last '/' and the address after the last
// '@' before it.
func mysqlHosts(v string) ([]string, bool) {
	slash := strings.LastIndexByte(v, '/')
	if slash < 0 {
		return nil, false
	}
	left := v[:slash]
	if at := strings.LastIndexByte(left, '@'); at >= 0 {
		left = left[at+1:]
	}
	open := strings.IndexByte(left, '(')
	if open < 0 || !strings.HasSuffix(left, ")") {
		return nil, false
	}
	proto, addr := strings.ToLower(left[:open]), left[open+1:len(left)-1]
	switch proto {
	case "unix":
		if addr == "" {
			return nil, false
		}
		return []string{localhost}, true
	case "tcp", "tcp4", "tcp6", "udp":
		if addr == "" {
			return []string{"127.0.0.1"}, true // the driver's default address
		}
		h, ok := hostPort(addr, true, false)
		if !ok {
			return nil, false
		}
		return []string{h}, true
	}
	return nil, false
}

// libpqHosts parses a libpq keyword/value connection string:
// "host=db.example.com port=5432 user=x". Values may be single-quoted.
func libpqHosts(v string) ([]string, bool) {
	kv, ok := parseKeyValues(v)
	if !ok {
		return nil, false
	}
	h, ok := kv["hostaddr"]
	if !ok {
		h, ok = kv["host"]
	}
	if !ok || h == "" {
		return nil, false // libpq falls back to PGHOST or the default socket
	}
	return pgHostList(h)
}

// pgHostList splits a libpq host value: a comma-separated list of host
// names, addresses and socket directories.
func pgHostList(h string) ([]string, bool) {
	var out []string
	for _, p := range strings.Split(h, ",") {
		p = strings.TrimSpace(p)
		if strings.HasPrefix(p, "/") || strings.HasPrefix(p, "@") {
			out = append(out, localhost) // a Unix-domain socket directory
			continue
		}
		n, ok := validHost(p, false)
		if !ok {
			return nil, false
		}
		out = append(out, n)
	}
	return out, len(out) > 0
}

// parseKeyValues parses libpq's "key = value key2='quoted \' value'".
func parseKeyValues(s string) (map[string]string, bool) {
	kv := make(map[string]string)
	i := 0
	skip := func() {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
	}
	for {
		skip()
		if i == len(s) {
			break
		}
		k := i
		for i < len(s) && (isAlpha(s[i]) || s[i] == '_' || isDigit(s[i]) && i > k) {
			i++
		}
		key := strings.ToLower(s[k:i])
		if key == "" {
			return nil, false
		}
		skip()
		if i == len(s) || s[i] != '=' {
			return nil, false
		}
		i++
		skip()
		var val strings.Builder
		if i < len(s) && s[i] == '\'' {
			i++
			closed := false
			for i < len(s) {
				c := s[i]
				if c == '\\' && i+1 < len(s) {
					val.WriteByte(s[i+1])
					i += 2
					continue
				}
				i++
				if c == '\'' {
					closed = true
					break
				}
				val.WriteByte(c)
			}
			if !closed {
				return nil, false
			}
		} else {
			for i < len(s) && !isSpace(s[i]) {
				c := s[i]
				if c == '\\' && i+1 < len(s) {
					c = s[i+1]
					i++
				}
				val.WriteByte(c)
				i++
			}
		}
		kv[key] = val.String()
	}
	return kv, len(kv) > 0
}

// adoHosts parses an ADO-style connection string used by SQL Server drivers:
// "server=tcp:db.example.com,1433;user id=x;password=y". The server may carry
// a "tcp:" prefix, a ",port" and a "\instance"; "(local)", "." and "lpc:"
// name the local machine.
func adoHosts(v string) ([]string, bool) {
	var server string
	found := false
	for _, part := range strings.Split(v, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		eq := strings.IndexByte(part, '=')
		if eq <= 0 {
			return nil, false
		}
		key := strings.ToLower(strings.Join(strings.Fields(part[:eq]), " "))
		switch key {
		case "server", "data source", "address", "addr", "network address", "host":
			server, found = strings.TrimSpace(part[eq+1:]), true
		}
	}
	if !found || server == "" {
		return nil, false
	}
	ls := strings.ToLower(server)
	switch {
	case strings.HasPrefix(ls, "lpc:"), ls == "(local)", ls == ".", strings.HasPrefix(ls, `.\`), strings.HasPrefix(ls, `(local)\`):
		return []string{localhost}, true
	case strings.HasPrefix(ls, "tcp:"):
		server = server[len("tcp:"):]
	case strings.HasPrefix(ls, "np:"):
		return nil, false // named pipe: \\host\pipe\..., not parsed
	}
	if i := strings.IndexAny(server, `,\`); i >= 0 {
		tail := server[i:]
		server = server[:i]
		if tail[0] == ',' && !validPort(strings.TrimSpace(tail[1:])) {
			return nil, false
		}
	}
	h, ok := validHost(strings.TrimSpace(server), false)
	if !ok {
		return nil, false
	}
	return []string{h}, true
}

// hostList parses "host[:port][,host[:port]...]". more reports whether
// something (a path) followed the list in the value, so that a trailing dot
// or an empty port cannot be the cut-off end of a longer value. inURL allows
// a percent-encoded socket path ("%2Fvar%2Frun%2Fpostgresql").
func hostList(s string, more, inURL bool) ([]string, bool) {
	parts := strings.Split(s, ",")
	out := make([]string, 0, len(parts))
	for i, p := range parts {
		last := i == len(parts)-1
		h, ok := hostPortURL(p, !last || more, inURL)
		if !ok {
			return nil, false
		}
		out = append(out, h)
	}
	return out, true
}

func hostPortURL(s string, more, inURL bool) (string, bool) {
	if inURL && strings.Contains(s, "%") && !strings.HasPrefix(s, "[") {
		host := s
		if c := strings.LastIndexByte(s, ':'); c >= 0 {
			host = s[:c]
		}
		if dec, err := url.PathUnescape(host); err == nil && strings.HasPrefix(dec, "/") {
			return localhost, true // a socket directory in the host (pgx)
		}
		return "", false
	}
	return hostPort(s, more, inURL)
}

// hostPort parses "host", "host:port", "[v6]", "[v6]:port" or a bare IPv6
// literal, and returns the validated, lower-case host.
func hostPort(s string, more, inURL bool) (string, bool) {
	if s == "" {
		return "", false
	}
	if s[0] == '[' {
		end := strings.IndexByte(s, ']')
		if end < 0 {
			return "", false
		}
		inner, rest := s[1:end], s[end+1:]
		if rest != "" && (rest[0] != ':' || !validPort(rest[1:])) {
			return "", false
		}
		if inURL {
			inner = strings.Replace(inner, "%25", "%", 1)
		}
		return ipv6(inner)
	}
	if strings.Count(s, ":") > 1 {
		return ipv6(s)
	}
	host := s
	if c := strings.IndexByte(s, ':'); c >= 0 {
		host = s[:c]
		if !validPort(s[c+1:]) {
			return "", false
		}
		more = true
	}
	return validHost(host, more)
}

// ipv6 parses an IPv6 literal, with an optional zone of letters, digits,
// '.', '-' and '_', and returns it in canonical, lower-case form.
func ipv6(s string) (string, bool) {
	a, err := netip.ParseAddr(strings.ToLower(s))
	if err != nil || !a.Is6() {
		return "", false
	}
	z := a.Zone()
	for i := 0; i < len(z); i++ {
		c := z[i]
		if !isAlpha(c) && !isDigit(c) && c != '.' && c != '-' && c != '_' {
			return "", false
		}
	}
	return a.String(), true
}

// validPort reports whether p is a decimal port number.
func validPort(p string) bool {
	if p == "" || len(p) > 5 {
		return false
	}
	for i := 0; i < len(p); i++ {
		if !isDigit(p[i]) {
			return false
		}
	}
	n, err := strconv.Atoi(p)
	return err == nil && n <= 65535
}

// validHost checks a host name or IP literal and returns it lower case, IPs
// in canonical form. A trailing dot (fully qualified name) is removed, but
// only when something followed the host in the value: "https://api." is cut
// short, not a name.
func validHost(h string, more bool) (string, bool) {
	h = strings.ToLower(h)
	if a, err := netip.ParseAddr(h); err == nil {
		if a.Is6() {
			return ipv6(h)
		}
		return a.String(), true
	}
	if strings.HasSuffix(h, ".") {
		if !more {
			return "", false
		}
		h = h[:len(h)-1]
	}
	if h == "" || len(h) > 253 {
		return "", false
	}
	labels := strings.Split(h, ".")
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return "", false
		}
		for i := 0; i < len(l); i++ {
			c := l[i]
			if !isAlpha(c) && !isDigit(c) && c != '-' && c != '_' {
				return "", false
			}
		}
	}
	// An all-numeric last label is no top-level domain: "1.2.3" or
	// "256.1.1.1" are broken addresses, not names.
	last := labels[len(labels)-1]
	allDigits := true
	for i := 0; i < len(last); i++ {
		if !isDigit(last[i]) {
			allDigits = false
			break
		}
	}
	if allDigits {
		return "", false
	}
	return h, true
}

func isAlpha(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}
