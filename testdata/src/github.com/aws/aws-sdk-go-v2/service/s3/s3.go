// Package s3 is a minimal stand-in for github.com/aws/aws-sdk-go-v2/service/s3.
package s3

import (
	"context"
	"io"

	"github.com/aws/aws-sdk-go-v2/aws"
)

type Options struct {
	Region       string
	BaseEndpoint *string
}

type Client struct{ options Options }

func New(options Options, optFns ...func(*Options)) *Client {
	for _, f := range optFns {
		f(&options)
	}
	return &Client{options: options}
}

func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client {
	return New(Options{Region: cfg.Region, BaseEndpoint: cfg.BaseEndpoint}, optFns...)
}

func (c *Client) PutObject(ctx context.Context, params *PutObjectInput, optFns ...func(*Options)) (*PutObjectOutput, error) {
	return &PutObjectOutput{}, nil
}

type PutObjectOutput struct{}

func (c *Client) UploadPart(ctx context.Context, params *UploadPartInput, optFns ...func(*Options)) (*UploadPartOutput, error) {
	return &UploadPartOutput{}, nil
}

type UploadPartOutput struct{}

func (c *Client) GetObject(ctx context.Context, params *GetObjectInput, optFns ...func(*Options)) (*GetObjectOutput, error) {
	return &GetObjectOutput{}, nil
}

type GetObjectOutput struct{}

type PutObjectInput struct {
	Bucket   *string
	Key      *string
	Body     io.Reader
	Metadata map[string]string
}

type UploadPartInput struct {
	Bucket, Key *string
	Body        io.Reader
	PartNumber  *int32
	UploadId    *string
}

type GetObjectInput struct {
	Bucket, Key *string
}
