// Package azcosmos is a minimal stand-in for
// github.com/Azure/azure-sdk-for-go/sdk/data/azcosmos.
package azcosmos

import "context"

type KeyCredential struct{ key string }

func NewKeyCredential(accountKey string) (KeyCredential, error) {
	return KeyCredential{accountKey}, nil
}

type ClientOptions struct{}

type Client struct{ endpoint string }

func NewClientWithKey(endpoint string, cred KeyCredential, o *ClientOptions) (*Client, error) {
	return &Client{endpoint}, nil
}

type ContainerClient struct{ c *Client }

func (c *Client) NewContainer(databaseId string, containerId string) (*ContainerClient, error) {
	return &ContainerClient{c}, nil
}

type PartitionKey struct{ v string }

func NewPartitionKeyString(value string) PartitionKey { return PartitionKey{value} }

type ItemOptions struct{}
type ItemResponse struct{}

func (c *ContainerClient) CreateItem(ctx context.Context, partitionKey PartitionKey, item []byte, o *ItemOptions) (ItemResponse, error) {
	return ItemResponse{}, nil
}

func (c *ContainerClient) UpsertItem(ctx context.Context, partitionKey PartitionKey, item []byte, o *ItemOptions) (ItemResponse, error) {
	return ItemResponse{}, nil
}
