// Package gcp checks the Google Cloud exits: the global endpoints name no
// region; a regional or locational endpoint given with option.WithEndpoint
// does.
package gcp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"cloud.google.com/go/bigquery"
	"cloud.google.com/go/pubsub"
	"cloud.google.com/go/storage"
	"google.golang.org/api/option"
)

type User struct {
	Email string `json:"email" userdata:"contact"`
	Name  string `userdata:""`
}

// The global endpoint: where the bucket keeps the object is not known.
func archive(ctx context.Context, u *User) error {
	c, err := storage.NewClient(ctx)
	if err != nil {
		return err
	}
	w := c.Bucket("archive").Object("users/1").NewWriter(ctx)
	defer w.Close()
	_, err = w.Write([]byte(u.Email)) // want `unknown-region: .*gcp.User.Email \(contact\).*storage.googleapis.com`
	return err
}

// A regional endpoint in Frankfurt: DE, no finding.
func archiveEU(ctx context.Context, u *User) error {
	c, err := storage.NewClient(ctx, option.WithCredentialsFile("key.json"), option.WithEndpoint("https://storage.europe-west3.rep.googleapis.com/storage/v1/"))
	if err != nil {
		return err
	}
	w := c.Bucket("archive").Object("users/1").NewWriter(ctx)
	return json.NewEncoder(w).Encode(u)
}

// London is GB: written by io.Copy and fmt.Fprintf.
func archiveLondon(ctx context.Context, u *User) {
	c, _ := storage.NewClient(ctx, option.WithEndpoint("https://storage.europe-west2.rep.googleapis.com/"))
	w := c.Bucket("b").Object("o").NewWriter(ctx)
	io.Copy(w, strings.NewReader(u.Name)) // want `gcp.User.Name \(personal\) is sent to storage.europe-west2.rep.googleapis.com in GB`
	fmt.Fprintf(w, "%s", u.Email)         // want `gcp.User.Email \(contact\) is sent to storage.europe-west2.rep.googleapis.com in GB`
}

func publish(ctx context.Context, u *User) {
	c, _ := pubsub.NewClient(ctx, "proj", option.WithEndpoint("us-east1-pubsub.googleapis.com:443"))
	c.Topic("signups").Publish(ctx, &pubsub.Message{Data: []byte(u.Email)}) // want `gcp.User.Email \(contact\) is sent to us-east1-pubsub.googleapis.com in US`
	eu, _ := pubsub.NewClient(ctx, "proj", option.WithEndpoint("europe-west3-pubsub.googleapis.com:443"))
	eu.Topic("signups").Publish(ctx, &pubsub.Message{Attributes: map[string]string{"email": u.Email}})
}

type Row struct {
	Email string `bigquery:"email" userdata:"contact"`
	Plan  string
}

// The inserted rows are whole values: every tagged field they hold.
func insert(ctx context.Context, rows []*Row) error {
	c, err := bigquery.NewClient(ctx, "proj")
	if err != nil {
		return err
	}
	return c.Dataset("d").Table("t").Inserter().Put(ctx, rows) // want `unknown-region: .*gcp.Row.Email \(contact\).*bigquery.googleapis.com`
}
