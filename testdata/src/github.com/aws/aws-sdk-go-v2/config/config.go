// Package config is a minimal stand-in for github.com/aws/aws-sdk-go-v2/config.
package config

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
)

type LoadOptions struct {
	Region string
}

type LoadOptionsFunc func(*LoadOptions) error

func WithRegion(v string) LoadOptionsFunc {
	return func(o *LoadOptions) error { o.Region = v; return nil }
}

func LoadDefaultConfig(ctx context.Context, optFns ...func(*LoadOptions) error) (cfg aws.Config, err error) {
	var o LoadOptions
	for _, f := range optFns {
		f(&o)
	}
	cfg.Region = o.Region
	if cfg.Region == "" {
		cfg.Region = os.Getenv("AWS_REGION")
	}
	return cfg, nil
}
