// Package sqs is a minimal stand-in for github.com/aws/aws-sdk-go-v2/service/sqs.
package sqs

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

func (c *Client) SendMessage(ctx context.Context, params *SendMessageInput, optFns ...func(*Options)) (*SendMessageOutput, error) {
	return &SendMessageOutput{}, nil
}

type SendMessageOutput struct{}

func (c *Client) SendMessageBatch(ctx context.Context, params *SendMessageBatchInput, optFns ...func(*Options)) (*SendMessageBatchOutput, error) {
	return &SendMessageBatchOutput{}, nil
}

type SendMessageBatchOutput struct{}

type SendMessageInput struct {
	QueueUrl    *string
	MessageBody *string
}

type SendMessageBatchRequestEntry struct {
	Id, MessageBody *string
}

type SendMessageBatchInput struct {
	QueueUrl *string
	Entries  []SendMessageBatchRequestEntry
}
