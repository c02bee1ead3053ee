package regions

import (
	"reflect"
	"strings"
	"testing"
)

func TestHostOf(t *testing.T) {
	tests := []struct {
		value string
		host  string // "" when not ok
	}{
		// URLs.
		{"https://api.example.com/track", "api.example.com"},
		{"HTTPS://API.Example.COM:8443/v1?q=1#f", "api.example.com"},
		{"http://localhost:8080", "localhost"},
		{"ws://chat.example.com/socket", "chat.example.com"},
		{"wss://ws-eu.pusher.com:443/app/key", "ws-eu.pusher.com"},
		{"grpc://orders.internal:50051", "orders.internal"},
		{"smtp://smtp.eu.mailgun.org:587", "smtp.eu.mailgun.org"},
		{"https://user:pa@ss@api.example.com/x", "api.example.com"},
		{"https://api.example.com?x=1", "api.example.com"},
		{"https://api.example.com.:443/", "api.example.com"},
		{"http://[::1]:8080/", "::1"},
		{"http://[fe80::1%25en0]:80/", "fe80::1%en0"},
		{"http://10.0.0.1", "10.0.0.1"},
		{"redis://:secret@cache.example.com:6379/0", "cache.example.com"},
		{"amqp://guest:guest@mq.example.com:5672/vhost", "mq.example.com"},
		{"kafka://broker1.example.com:9092", "broker1.example.com"},
		{"mongodb://u:p@db1.example.com:27017,db2.example.com:27017/app?replicaSet=rs0", "db1.example.com"},
		{"mongodb+srv://u:p@cluster0.abcde.mongodb.net/app", "cluster0.abcde.mongodb.net"},
		{"unix:///var/run/docker.sock", "localhost"},
		{"http+unix://%2Fvar%2Frun%2Fdocker.sock/v1.41/info", "localhost"},
		// SQL DSNs: URL form.
		{"postgres://u:p@db.example.com:5432/app?sslmode=require", "db.example.com"},
		{"postgresql://db.example.com/app", "db.example.com"},
		{"postgres://u@%2Fvar%2Frun%2Fpostgresql/app", "localhost"},
		{"postgres:///app?host=/var/run/postgresql", "localhost"},
		{"postgres:///app?host=db.example.com&port=5432", "db.example.com"},
		{"postgres://u:p@h1.example.com:5432,h2.example.com:5433/app", "h1.example.com"},
		{"mysql://u:p@db.example.com:3306/app", "db.example.com"},
		{"sqlserver://u:p@sql.example.com:1433?database=app", "sql.example.com"},
		{"clickhouse://ch.example.com:9000/default", "ch.example.com"},
		// SQL DSNs: libpq key=value form.
		{"host=db.example.com port=5432 user=x dbname=app sslmode=disable", "db.example.com"},
		{"user=x host = 'db.example.com' password='it''s'", ""}, // unterminated quote
		{"user=x host = 'db.example.com' password='it\\'s'", "db.example.com"},
		{"host=/var/run/postgresql dbname=app", "localhost"},
		{"host=db.example.com hostaddr=10.0.0.5 dbname=app", "10.0.0.5"},
		{"host=h1.example.com,h2.example.com dbname=app", "h1.example.com"},
		{"dbname=app user=x", ""}, // no host: libpq reads PGHOST
		{"host= dbname=app", ""},
		// SQL DSNs: ADO (SQL Server) form.
		{"server=tcp:myserver.database.windows.net,1433;user id=x;password=y;database=app", "myserver.database.windows.net"},
		{"Data Source=sql.example.com\\SQLEXPRESS;Initial Catalog=app", "sql.example.com"},
		{"Server=(local);Database=app;Trusted_Connection=True", "localhost"},
		{"Database=app;User Id=x", ""},
		// SQL DSNs: go-sql-driver/mysql form.
		{"user:pw@tcp(db.example.com:3306)/app?parseTime=true", "db.example.com"},
		{"user:pw@tcp([::1]:3306)/app", "::1"},
		{"user@unix(/var/run/mysqld/mysqld.sock)/app", "localhost"},
		{"user:pw@tcp()/app", "127.0.0.1"},
		{"tcp(db.example.com)/app", "db.example.com"},
		{"us(er:p@ss@tcp(db.example.com:3306)/app", "db.example.com"},
		{"user:pw@tcp(db.example.com:3306", ""},
		{"user:pw@tcp(db.example.com:3306)", ""},
		{"user:pw@cloudsql(project:europe-west1:db)/app", ""},
		// host:port and bare hosts.
		{"api.example.com:443", "api.example.com"},
		{"api.example.com", "api.example.com"},
		{"[2001:db8::1]:443", "2001:db8::1"},
		{"2001:DB8::1", "2001:db8::1"},
		{"::1", "::1"},
		{"192.168.1.10:5432", "192.168.1.10"},
		{"b1.example.com:9092,b2.example.com:9092", "b1.example.com"},
		{"localhost", "localhost"},
		// gRPC targets.
		{"dns:///orders.example.com:443", "orders.example.com"},
		{"dns://8.8.8.8/orders.example.com:443", "orders.example.com"},
		{"dns:orders.example.com:443", "orders.example.com"},
		{"passthrough:///10.0.0.7:50051", "10.0.0.7"},
		{"unix:/tmp/grpc.sock", "localhost"},
		{"unix-abstract:grpc", "localhost"},
		{"ipv4:10.0.0.1:50051,10.0.0.2:50051", "10.0.0.1"},
		{"ipv6:[::1]:50051", "::1"},
		{"xds:///orders", ""},
		{"dns://8.8.8.8", ""},
		{"dns:///", ""},
		// Not a (complete) host.
		{"", ""},
		{"   ", ""},
		{"/track", ""},
		{"//api.example.com/x", ""},
		{"track?x=1", ""},
		{"https://", ""},
		{"https:///path", ""},
		{"https://api.", ""},
		{"https://api.example.com:", ""},
		{"https://api.example.com:99999/", ""},
		{"https://eu-west-", ""},
		{"https://user@", ""},
		{"api.example.com/track", ""},
		{"https://{host}/track", ""},
		{"https://$HOST/track", ""},
		{"https://%s/track", ""},
		{"https://<unresolved>/track", ""},
		{"https://*.example.com/", ""},
		{"https://api..example.com/", ""},
		{"https://-api.example.com/", ""},
		{"https://1.2.3/", ""},
		{"https://256.1.1.1/", ""},
		{"jdbc:postgresql://db.example.com/app", ""},
		{"file:///etc/passwd", ""},
		{"unix:", ""},
		{"[::1", ""},
		{"[10.0.0.1]:80", ""},
		{"b1.example.com:9092,", ""},
		{"https://bücher.example/", ""},
	}
	for _, tt := range tests {
		got, ok := HostOf(tt.value)
		if ok != (tt.host != "") || got != tt.host {
			t.Errorf("HostOf(%q) = %q, %v; want %q", tt.value, got, ok, tt.host)
		}
	}
}

func TestHostsOf(t *testing.T) {
	tests := []struct {
		value string
		hosts []string
	}{
		{"mongodb://u:p@db1.example.com:27017,db2.example.com,[::1]:27019/app", []string{"db1.example.com", "db2.example.com", "::1"}},
		{"b1.example.com:9092,b2.example.com:9092", []string{"b1.example.com", "b2.example.com"}},
		{"host=h1.example.com,/tmp,h2.example.com dbname=app", []string{"h1.example.com", "localhost", "h2.example.com"}},
		{"ipv4:10.0.0.1:1,10.0.0.2:2", []string{"10.0.0.1", "10.0.0.2"}},
		{"ipv4:10.0.0.1:1,api.example.com:2", nil},
		{"https://api.example.com/x", []string{"api.example.com"}},
	}
	for _, tt := range tests {
		got, ok := HostsOf(tt.value)
		if ok != (tt.hosts != nil) || !reflect.DeepEqual(got, tt.hosts) {
			t.Errorf("HostsOf(%q) = %q, %v; want %q", tt.value, got, ok, tt.hosts)
		}
	}
}

// TestHostOfThenClassify joins the two halves as the analyzers use them.
func TestHostOfThenClassify(t *testing.T) {
	tests := []struct{ value, region string }{
		{"https://sqs.eu-west-2.amazonaws.com/123/queue", "GB"},
		{"postgres://u:p@x.y.eu-central-1.rds.amazonaws.com:5432/app", "DE"},
		{"user:pw@tcp(10.0.0.5:3306)/app", Internal},
		{"user@unix(/var/run/mysqld/mysqld.sock)/app", Internal},
		{"host=/var/run/postgresql", Internal},
		{"dns:///orders.default.svc.cluster.local:50051", Internal},
		{"https://api-eu.mixpanel.com/track", EU},
		{"http://[::1]:9000", Internal},
	}
	for _, tt := range tests {
		h, ok := HostOf(tt.value)
		if !ok {
			t.Errorf("HostOf(%q) not ok", tt.value)
			continue
		}
		if c := Classify(h); c.Region != tt.region {
			t.Errorf("Classify(HostOf(%q) = %q) = %q, want %q", tt.value, h, c.Region, tt.region)
		}
	}
}

func FuzzHostOf(f *testing.F) {
	for _, s := range []string{
		"https://api.example.com/track", "postgres://u:p@db:5432/app", "host=db port=5432",
		"user:pw@tcp(db:3306)/app", "user@unix(/tmp/s)/db", "dns:///h:443", "[::1]:80",
		"fe80::1%eth0", "server=tcp:h,1433;db=x", "mongodb://a,b/c", "unix:/x", "/track",
		"https://api.", "postgres:///db?host=/tmp", "ipv4:1.2.3.4:5",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		hs, ok := HostsOf(v)
		h, ok1 := HostOf(v)
		if ok != ok1 || ok && (len(hs) == 0 || hs[0] != h) {
			t.Fatalf("HostOf(%q) = %q, %v disagrees with HostsOf = %q, %v", v, h, ok1, hs, ok)
		}
		if !ok {
			return
		}
		for _, h := range hs {
			if h == "" || h != strings.ToLower(h) {
				t.Fatalf("HostsOf(%q) = %q: empty or not lower case", v, hs)
			}
			again, ok := HostOf(h)
			if !ok || again != h {
				t.Fatalf("HostOf(%q) = %q, then HostOf(%q) = %q, %v: not idempotent", v, h, h, again, ok)
			}
		}
	})
}

func FuzzClassify(f *testing.F) {
	for _, s := range []string{
		"sqs.eu-west-2.amazonaws.com", "EU-WEST-1.s3.amazonaws.com.", "[::1]", "10.0.0.1",
		"europe-west1-aiplatform.googleapis.com", "x.westus-01.azurewebsites.net", "a..b",
		"api.datadoghq.eu", "localhost", "", ".", "fe80::1%eth0",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, host string) {
		c := Classify(host)
		if c.Region != "" && !Valid(c.Region) {
			t.Fatalf("Classify(%q).Region = %q, not a valid region", host, c.Region)
		}
		if (c.Region == "") != (c.Entry == "") || (c.Region == "") != (c.Source == "") {
			t.Fatalf("Classify(%q) = %+v: region, entry and source disagree", host, c)
		}
		if again := Classify(normalize(host)); again != c {
			t.Fatalf("Classify(%q) = %+v, but Classify(normalized %q) = %+v", host, c, normalize(host), again)
		}
		if upper := Classify(strings.ToUpper(host)); upper != c && strings.EqualFold(strings.ToUpper(host), host) {
			t.Fatalf("Classify(%q) = %+v, Classify(upper) = %+v: not case-insensitive", host, c, upper)
		}
	})
}
