package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/datagate/datagate/internal/testutil"
)

// TestEndpointsGolden runs datagate endpoints on the demo module, under the
// demo policy (whose deploy files give SMTP_ADDR two values) in each format
// and under the default policy (no deploy files: the input is unresolved),
// and compares with testdata/cli/endpoints-*.golden.
func TestEndpointsGolden(t *testing.T) {
	root := testutil.Testdata(t, "demo")
	for _, tc := range []struct {
		golden string
		args   []string
	}{
		{"endpoints-policy.txt", []string{"-policy", "policy/datagate.yaml"}},
		{"endpoints-policy.json", []string{"-policy", "policy/datagate.yaml", "-format", "json"}},
		{"endpoints-policy.md", []string{"-policy", "policy/datagate.yaml", "-format", "markdown"}},
		{"endpoints-default.txt", nil},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			args := append(append([]string{"endpoints", "-C", root}, tc.args...), "./...")
			o := run(t, args...)
			o.wantCode(t, ExitOK)
			if o.stderr != "" {
				t.Errorf("stderr: %s", o.stderr)
			}
			if strings.HasSuffix(tc.golden, ".json") {
				var v struct {
					Inputs []configuredInput `json:"inputs"`
				}
				if err := json.Unmarshal([]byte(o.stdout), &v); err != nil || len(v.Inputs) == 0 {
					t.Errorf("json: %v, %d inputs", err, len(v.Inputs))
				}
			}
			golden(t, tc.golden+".golden", normalise(o.stdout, root))
		})
	}
}

// TestEndpointsInputs: every kind of configured input is listed, with the
// policy's entry for it or the deploy values and their regions.
func TestEndpointsInputs(t *testing.T) {
	dir := testutil.WriteModule(t, map[string]string{
		"go.mod": "module example.com/inputs\n\ngo 1.26\n",
		"datagate.yaml": `version: 1
endpoints:
  - env: [DATABASE_URL]
    region: internal
  - fields: [example.com/inputs/app.Config.BrokerURL]
    region: DE
deploy:
  - deploy/*.yaml
  - deploy/prod.env
`,
		"deploy/config.yaml": "hooks:\n  url: https://hooks.example.com/in\n",
		"deploy/prod.env":    "EVENTS_URL=https://api.mixpanel.com/track\nEVENTS_URL_OK=x\n",
		"app/app.go": `package app

import (
	"database/sql"
	"flag"
	"net/http"
	"os"
	"strings"
)

type User struct {
	Email string ` + "`userdata:\"contact\"`" + `
}

type Config struct {
	BrokerURL string
}

type Settings interface {
	GetString(key string) string
}

var relay = flag.String("relay", "", "relay")

func Send(c *Config, s Settings, u *User) {
	body := strings.NewReader(u.Email)
	http.Post(os.Getenv("EVENTS_URL"), "text/plain", body)
	http.Post(*relay, "text/plain", body)
	http.Post(s.GetString("hooks.url"), "text/plain", body)
	http.Post(c.BrokerURL, "text/plain", body)
	db, _ := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	db.Exec("INSERT INTO users VALUES ($1)", u.Email)
}
`,
	})
	o := run(t, "endpoints", "-C", dir, "./...")
	o.wantCode(t, ExitOK)
	want := `5 configured inputs decide where user data goes, at 5 exits.

environment variable DATABASE_URL
  policy: internal (endpoints entry at datagate.yaml:3)
  exit:   app/app.go:32:9 app.Send: (*sql.DB).Exec; app.User.Email

environment variable EVENTS_URL
  policy: no endpoints entry; the deploy values decide
  deploy: https://api.mixpanel.com/track (deploy/prod.env:1) -> api.mixpanel.com: US
  exit:   app/app.go:27:11 app.Send: http.Post; app.User.Email [datagate/disallowed-region]

flag -relay
  policy: none: unresolved; add an endpoints entry, or a deploy file that sets it
  exit:   app/app.go:28:11 app.Send: http.Post; app.User.Email [datagate/unresolved-endpoint]

config key hooks.url
  policy: no endpoints entry; the deploy values decide
  deploy: https://hooks.example.com/in (deploy/config.yaml:2) -> hooks.example.com: unknown region
  exit:   app/app.go:29:11 app.Send: http.Post; app.User.Email [datagate/unknown-region]

config field Config.BrokerURL
  field:  example.com/inputs/app.Config.BrokerURL
  policy: DE (endpoints entry at datagate.yaml:5)
  exit:   app/app.go:30:11 app.Send: http.Post; app.User.Email
`
	if o.stdout != want {
		t.Errorf("output:\n%s\nwant:\n%s\n%s", o.stdout, want, testutil.FirstDiff(o.stdout, want))
	}
}

func TestEndpointsUsage(t *testing.T) {
	o := run(t, "endpoints", "-format", "sarif", "./...")
	o.wantCode(t, ExitError)
	if !strings.Contains(o.stderr, `endpoints: -format: unknown format "sarif"`) {
		t.Errorf("stderr: %s", o.stderr)
	}
}
