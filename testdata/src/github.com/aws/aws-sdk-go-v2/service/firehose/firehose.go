// Package firehose is a minimal stand-in for github.com/aws/aws-sdk-go-v2/service/firehose.
package firehose

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/firehose/types"
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

func (c *Client) PutRecord(ctx context.Context, params *PutRecordInput, optFns ...func(*Options)) (*PutRecordOutput, error) {
	return &PutRecordOutput{}, nil
}

type PutRecordOutput struct{}

func (c *Client) PutRecordBatch(ctx context.Context, params *PutRecordBatchInput, optFns ...func(*Options)) (*PutRecordBatchOutput, error) {
	return &PutRecordBatchOutput{}, nil
}

type PutRecordBatchOutput struct{}

type PutRecordInput struct {
	DeliveryStreamName *string
	Record             *types.Record
}

type PutRecordBatchInput struct {
	DeliveryStreamName *string
	Records            []types.Record
}
