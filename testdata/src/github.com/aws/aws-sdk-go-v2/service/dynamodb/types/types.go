// Package types is a minimal stand-in for github.com/aws/aws-sdk-go-v2/service/dynamodb/types.
package types

type AttributeValue interface{ isAttributeValue() }

type AttributeValueMemberS struct{ Value string }

func (*AttributeValueMemberS) isAttributeValue() {}

type Put struct {
	TableName *string
	Item      map[string]AttributeValue
}

type TransactWriteItem struct {
	Put *Put
}

type PutRequest struct {
	Item map[string]AttributeValue
}

type WriteRequest struct {
	PutRequest *PutRequest
}
