// Package types is a minimal stand-in for github.com/aws/aws-sdk-go-v2/service/firehose/types.
package types

type Record struct {
	Data []byte
}
