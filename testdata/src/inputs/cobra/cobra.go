// Package cobra reads destinations from a cobra command's flags (a
// *pflag.FlagSet): by name, and through a variable the flag fills.
package cobra

import (
	"net/http"
	"strings"

	"github.com/spf13/cobra"
)

type User struct {
	Email string `userdata:"contact"`
}

func body(u *User) *strings.Reader { return strings.NewReader(u.Email) }

var current = &User{}

func command() *cobra.Command {
	var smtpHost string
	cmd := &cobra.Command{
		Use: "serve",
		RunE: func(cmd *cobra.Command, args []string) error {
			target, err := cmd.Flags().GetString("webhook-url")
			if err != nil {
				return err
			}
			http.Post(target, "text/plain", body(current))             // want `unresolved-endpoint.*flag -webhook-url`
			http.Post("http://"+smtpHost, "text/plain", body(current)) // want `unresolved-endpoint.*flag -smtp-host`
			return nil
		},
	}
	cmd.Flags().StringVarP(&smtpHost, "smtp-host", "s", "", "SMTP relay")
	cmd.Flags().String("webhook-url", "", "web hook")
	return cmd
}
