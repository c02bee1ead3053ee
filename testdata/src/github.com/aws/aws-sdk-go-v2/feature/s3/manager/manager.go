// Package manager is a minimal stand-in for github.com/aws/aws-sdk-go-v2/feature/s3/manager.
package manager

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/s3"
)

type UploadAPIClient interface {
	PutObject(context.Context, *s3.PutObjectInput, ...func(*s3.Options)) (*s3.PutObjectOutput, error)
}

type Uploader struct {
	S3 UploadAPIClient
}

type UploadOutput struct{ Location string }

func NewUploader(client UploadAPIClient, options ...func(*Uploader)) *Uploader {
	return &Uploader{S3: client}
}

func (u Uploader) Upload(ctx context.Context, input *s3.PutObjectInput, opts ...func(*Uploader)) (*UploadOutput, error) {
	_, err := u.S3.PutObject(ctx, input)
	return &UploadOutput{}, err
}
