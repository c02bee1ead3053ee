// Package sns is a minimal stand-in for github.com/aws/aws-sdk-go-v2/service/sns.
package sns

import (
	"context"

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

func (c *Client) Publish(ctx context.Context, params *PublishInput, optFns ...func(*Options)) (*PublishOutput, error) {
	return &PublishOutput{}, nil
}

type PublishOutput struct{}

type PublishInput struct {
	TopicArn    *string
	PhoneNumber *string
	Message     *string
	Subject     *string
}
