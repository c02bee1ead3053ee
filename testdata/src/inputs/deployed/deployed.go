// Package deployed resolves configured destinations from its policy
// (datagate.yaml here): endpoints entries by input, and the values deploy
// files give (a Kubernetes manifest with a ConfigMap, .env files, a config
// file). Several deploy files are several possible endpoints, each judged;
// an endpoints entry wins over a deploy value; a value that is not a
// destination stays unresolved.
package deployed

import (
	"database/sql"
	"flag"
	"net/http"
	"net/smtp"
	"os"
	"strings"

	"github.com/spf13/viper"
)

type User struct {
	Email string `userdata:"contact"`
}

func body(u *User) *strings.Reader { return strings.NewReader(u.Email) }

var webhook = flag.String("webhook-url", "", "web hook")

// Settings is a config struct nothing in the code sets.
type Settings struct {
	BrokerURL string
}

func byEntry(db *sql.DB, u *User) {
	db2, _ := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	db2.Exec("INSERT INTO users(email) VALUES ($1)", u.Email)
	http.Post(os.Getenv("HOOK_URL"), "text/plain", body(u)) // the entry wins over deploy/eu.env
}

func byField(s *Settings, u *User) {
	http.Post(s.BrokerURL+"/publish", "text/plain", body(u))
}

func byManifest(u *User) {
	http.Post(os.Getenv("EVENTS_URL"), "text/plain", body(u)) // ConfigMap: Mixpanel EU
	http.Post(*webhook, "text/plain", body(u))                // want `unknown-region.*hooks.example.com \(flag -webhook-url = https://hooks.example.com/in \(testdata/src/inputs/deployed/deploy/k8s/api.yaml:26\)\)`
}

func byEnvFiles(u *User) {
	smtp.SendMail(os.Getenv("SMTP_ADDR"), nil, "a@example.com", []string{u.Email}, nil) // want `disallowed-region.*smtp.mailgun.org in US \(environment variable SMTP_ADDR = smtp.mailgun.org:587 \(testdata/src/inputs/deployed/deploy/us.env:1\)\)`
}

func byConfigFile(u *User) {
	http.Post(viper.GetString("courier.http.url"), "text/plain", body(u)) // want `disallowed-region.*api.mixpanel.com in US \(config key courier.http.url = https://api.mixpanel.com/courier \(testdata/src/inputs/deployed/config/prod.yaml:3\)\)`
}

func notADestination(u *User) {
	http.Post(os.Getenv("BAD_URL"), "text/plain", body(u)) // want `unresolved-endpoint.*environment variable BAD_URL = not a destination \(testdata/src/inputs/deployed/deploy/k8s/api.yaml:24\): no host in "not a destination"`
}
