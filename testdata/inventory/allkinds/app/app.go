// Package app sends customer data through every kind of exit the lineage
// inventory names.
package app

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/smtp"
	"net/url"
	"os"
	"strings"

	"example.com/allkinds/audit"
	"example.com/allkinds/egress"
	"example.com/allkinds/model"
	"example.com/allkinds/privacy"
)

// Service wires the clients.
type Service struct {
	http   *http.Client
	db     *sql.DB
	gw     *egress.Client
	audit  *audit.Log
	notify string
}

// CRM: HTTP to an EU host, allowed, but not through the gateway.
func (s *Service) CRM(c *model.Customer) error {
	body, _ := json.Marshal(map[string]string{"email": c.Email, "name": c.Name})
	resp, err := s.http.Post("https://api.eu.intercom.io/contacts", "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Profile: HTTP to an internal service.
func (s *Service) Profile(c *model.Customer) error {
	resp, err := s.http.PostForm("http://profile.svc.cluster.local/v1/profiles", url.Values{"phone": {c.Phone}})
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Save: SQL to an RDS instance in Frankfurt.
func Save(c *model.Customer) error {
	db, err := sql.Open("postgres", "postgres://app@orders.cluster-abc.eu-central-1.rds.amazonaws.com:5432/shop")
	if err != nil {
		return err
	}
	_, err = db.Exec("INSERT INTO customers (email, iban) VALUES ($1, $2)", c.Email, c.IBAN)
	return err
}

// Welcome: SMTP through the EU relay of a mail provider.
func Welcome(c *model.Customer) error {
	msg := "Subject: Welcome\r\n\r\nHello " + c.Name + "\r\n"
	return smtp.SendMail("smtp.eu.mailgun.org:587", nil, "shop@example.eu", []string{c.Email}, []byte(msg))
}

// Stream: a raw socket to a US vendor.
func Stream(c *model.Customer) error {
	conn, err := net.Dial("tcp", "ingest.vendor.example.com:6000")
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = fmt.Fprintf(conn, "device=%s\n", c.Device)
	return err
}

// Ship: through the gateway.
func (s *Service) Ship(ctx context.Context, c *model.Customer) error {
	payload, _ := json.Marshal(c.Address)
	return s.gw.Send(ctx, "https://api.carrier.example.com/labels", payload)
}

// Referral: a sanitised e-mail to a US host.
func (s *Service) Referral(c *model.Customer) error {
	token := privacy.Token(strings.ToLower(c.Email))
	resp, err := s.http.PostForm("https://k3x9q2ab7d.execute-api.us-east-1.amazonaws.com/prod/conversions", url.Values{"ref": {token}})
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Webhook: a destination read from the environment.
func Webhook(c *model.Customer) error {
	resp, err := http.Post(os.Getenv("WEBHOOK_URL"), "text/plain", strings.NewReader(c.Name))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Audit: a policy sink with a fixed endpoint.
func (s *Service) Audit(c *model.Customer) {
	s.audit.Record("iban changed: " + c.IBAN)
}

// Fraud: a host in no catalog and no policy.
func (s *Service) Fraud(c *model.Customer) error {
	resp, err := s.http.Post("https://score.fraudcheck.example.org/v1", "text/plain", strings.NewReader(c.Address.City))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Hooks: one exit, two destinations chosen by its callers.
func Hooks(c *model.Customer) {
	hook("https://hooks.eu.example.net/signup", c.Phone)
	hook("https://hooks.us.example.net/signup", c.Phone)
}

func hook(dest, v string) {
	resp, err := http.Post(dest, "text/plain", strings.NewReader(v))
	if err == nil {
		resp.Body.Close()
	}
}
