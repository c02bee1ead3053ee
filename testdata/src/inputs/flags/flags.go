// Package flags reads destinations from the standard library's flags and
// from pflag's package-level flags.
package flags

import (
	"flag"
	"net/http"
	"strings"

	"github.com/spf13/pflag"
)

type User struct {
	Email string `userdata:"contact"`
}

func body(u *User) *strings.Reader { return strings.NewReader(u.Email) }

var events = flag.String("events-url", "", "where events go")

var crm string

var hook = pflag.String("hook-url", "", "web hook")

func init() {
	flag.StringVar(&crm, "crm-url", "", "the CRM")
}

func std(u *User) {
	http.Post(*events, "text/plain", body(u))  // want `unresolved-endpoint.*flag -events-url`
	http.Post(crm+"/c", "text/plain", body(u)) // want `unresolved-endpoint.*flag -crm-url`
}

func set(u *User) {
	fs := flag.NewFlagSet("send", flag.ExitOnError)
	addr := fs.String("addr", "", "address")
	var audit string
	fs.StringVar(&audit, "audit-url", "", "audit log")
	http.Post("https://"+*addr+"/x", "text/plain", body(u)) // want `unresolved-endpoint.*flag -addr`
	http.Post(audit, "text/plain", body(u))                 // want `unresolved-endpoint.*flag -audit-url`
}

func pflags(u *User) {
	http.Post(*hook, "text/plain", body(u)) // want `unresolved-endpoint.*flag -hook-url`
}
