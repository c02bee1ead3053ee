// Package blockblob is a minimal stand-in for
// github.com/Azure/azure-sdk-for-go/sdk/storage/azblob/blockblob.
package blockblob

import (
	"context"
	"io"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
)

type ClientOptions struct{}

type Client struct{ url string }

func NewClient(blobURL string, cred azcore.TokenCredential, options *ClientOptions) (*Client, error) {
	return &Client{blobURL}, nil
}

type UploadOptions struct{}
type UploadResponse struct{}

func (bb *Client) Upload(ctx context.Context, body io.ReadSeekCloser, options *UploadOptions) (UploadResponse, error) {
	return UploadResponse{}, nil
}
