// Package aws is a minimal stand-in for github.com/aws/aws-sdk-go-v2/aws.
package aws

// Config is the shared configuration of the service clients.
type Config struct {
	Region       string
	BaseEndpoint *string
}

func String(v string) *string { return &v }

func ToString(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
