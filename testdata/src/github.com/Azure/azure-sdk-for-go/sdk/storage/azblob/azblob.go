// Package azblob is a minimal stand-in for github.com/Azure/azure-sdk-for-go/sdk/storage/azblob.
package azblob

import (
	"context"
	"io"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
)

type ClientOptions struct{}

type Client struct{ url string }

func NewClient(serviceURL string, cred azcore.TokenCredential, options *ClientOptions) (*Client, error) {
	return &Client{serviceURL}, nil
}

type UploadBufferOptions struct{}
type UploadBufferResponse struct{}
type UploadStreamOptions struct{}
type UploadStreamResponse struct{}

func (c *Client) UploadBuffer(ctx context.Context, containerName string, blobName string, buffer []byte, o *UploadBufferOptions) (UploadBufferResponse, error) {
	return UploadBufferResponse{}, nil
}

func (c *Client) UploadStream(ctx context.Context, containerName string, blobName string, body io.Reader, o *UploadStreamOptions) (UploadStreamResponse, error) {
	return UploadStreamResponse{}, nil
}
