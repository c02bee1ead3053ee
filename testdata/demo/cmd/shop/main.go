// Command shop runs the shop API.
//
// Flags default to environment variables: -addr (SHOP_ADDR) and -mail-from
// (MAIL_FROM). Secrets and relay settings are environment-only:
// PSEUDONYM_KEY, INTERCOM_TOKEN, MIXPANEL_TOKEN, SMTP_ADDR, SMTP_USERNAME,
// SMTP_PASSWORD.
package main

import (
	"flag"
	"log"
	"net/http"
	"os"
	"time"

	"example.com/shop/analytics"
	"example.com/shop/api"
	"example.com/shop/crm"
	"example.com/shop/gateway"
	"example.com/shop/mailer"
	"example.com/shop/privacy"
	"example.com/shop/store"
)

func main() {
	addr := flag.String("addr", envOr("SHOP_ADDR", ":8080"), "HTTP listen address")
	mailFrom := flag.String("mail-from", envOr("MAIL_FROM", "hello@shop.example.eu"), "sender address for transactional mail")
	flag.Parse()

	if err := privacy.Init([]byte(os.Getenv("PSEUDONYM_KEY"))); err != nil {
		log.Fatalf("shop: PSEUDONYM_KEY: %v", err)
	}
	intercomToken := os.Getenv("INTERCOM_TOKEN")
	if intercomToken == "" {
		log.Fatal("shop: INTERCOM_TOKEN must be set")
	}

	srv := api.NewServer(api.Config{
		Store:     store.NewMemory(),
		Analytics: analytics.New(),
		CRM:       crm.New(intercomToken),
		Mailer:    mailer.New(*mailFrom),
		Gateway:   gateway.New("shop"),
		HTTP:      &http.Client{Timeout: 10 * time.Second},
	})
	httpServer := &http.Server{
		Addr:              *addr,
		Handler:           srv.Routes(),
		ReadHeaderTimeout: 5 * time.Second,
	}
	log.Printf("shop: listening on %s", *addr)
	if err := httpServer.ListenAndServe(); err != nil {
		log.Fatalf("shop: %v", err)
	}
}

// envOr returns the environment variable key, or def when it is unset.
func envOr(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}
