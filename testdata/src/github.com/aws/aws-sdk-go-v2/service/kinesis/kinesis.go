// Package kinesis is a minimal stand-in for github.com/aws/aws-sdk-go-v2/service/kinesis.
package kinesis

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

func (c *Client) PutRecord(ctx context.Context, params *PutRecordInput, optFns ...func(*Options)) (*PutRecordOutput, error) {
	return &PutRecordOutput{}, nil
}

type PutRecordOutput struct{}

func (c *Client) PutRecords(ctx context.Context, params *PutRecordsInput, optFns ...func(*Options)) (*PutRecordsOutput, error) {
	return &PutRecordsOutput{}, nil
}

type PutRecordsOutput struct{}

type PutRecordInput struct {
	StreamName   *string
	Data         []byte
	PartitionKey *string
}

type PutRecordsRequestEntry struct {
	Data         []byte
	PartitionKey *string
}

type PutRecordsInput struct {
	StreamName *string
	Records    []PutRecordsRequestEntry
}
