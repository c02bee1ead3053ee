// Package types is a minimal stand-in for github.com/aws/aws-sdk-go-v2/service/sesv2/types.
package types

type Destination struct {
	ToAddresses []string
}

type Content struct {
	Data *string
}

type Body struct {
	Text *Content
}

type Message struct {
	Subject *Content
	Body    *Body
}

type EmailContent struct {
	Simple *Message
}
