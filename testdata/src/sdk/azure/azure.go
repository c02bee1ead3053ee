// Package azure checks the Azure exits: the destination is the account or
// namespace URL, whose region the host does not say (unknown-region) unless
// the policy maps it (datagate.yaml here maps the EU storage account).
package azure

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/data/azcosmos"
	"github.com/Azure/azure-sdk-for-go/sdk/messaging/azservicebus"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"
)

type User struct {
	ID    string
	Email string `json:"email" userdata:"contact"`
}

const account = "https://shopusers.blob.core.windows.net/"

func upload(ctx context.Context, cred azcore.TokenCredential, u *User) error {
	c, err := azblob.NewClient(account, cred, nil)
	if err != nil {
		return err
	}
	_, err = c.UploadBuffer(ctx, "users", u.ID, []byte(u.Email), nil) // want `unknown-region: .*azure.User.Email \(contact\).*shopusers.blob.core.windows.net`
	return err
}

// The policy maps this account to DE: no finding.
func uploadMapped(ctx context.Context, cred azcore.TokenCredential, u *User) error {
	c, err := azblob.NewClient("https://shopusers-eu.blob.core.windows.net/", cred, nil)
	if err != nil {
		return err
	}
	_, err = c.UploadStream(ctx, "users", "u.json", strings.NewReader(u.Email), nil)
	return err
}

// The policy maps this namespace to US.
func enqueue(ctx context.Context, cred azcore.TokenCredential, u *User) {
	c, _ := azservicebus.NewClient("shop-us.servicebus.windows.net", cred, nil)
	s, _ := c.NewSender("signups", nil)
	s.SendMessage(ctx, &azservicebus.Message{Body: []byte(u.Email)}, nil) // want `disallowed-region: .*azure.User.Email \(contact\) is sent to shop-us.servicebus.windows.net in US`
}

func store(ctx context.Context, u *User) {
	cred, _ := azcosmos.NewKeyCredential("key")
	c, _ := azcosmos.NewClientWithKey("https://shopdb.documents.azure.com:443/", cred, nil)
	cc, _ := c.NewContainer("shop", "users")
	b, _ := json.Marshal(u)
	cc.UpsertItem(ctx, azcosmos.NewPartitionKeyString(u.ID), b, nil) // want `unknown-region: .*azure.User.Email \(contact\).*shopdb.documents.azure.com`
}
