// Package aws checks the AWS SDK exits: the destination is the client's
// region, from config.WithRegion, an aws.Config, a per-client option or the
// environment.
package aws

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/feature/s3/manager"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/firehose"
	fhtypes "github.com/aws/aws-sdk-go-v2/service/firehose/types"
	"github.com/aws/aws-sdk-go-v2/service/kinesis"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sesv2"
	sestypes "github.com/aws/aws-sdk-go-v2/service/sesv2/types"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

type User struct {
	ID    string
	Email string `json:"email" userdata:"contact"`
	Phone string `userdata:"contact"`
	Name  string `userdata:""`
}

// The region given to LoadDefaultConfig: us-east-1 is US, eu-central-1 DE.
func uploadUS(ctx context.Context, u *User) error {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("us-east-1"))
	if err != nil {
		return err
	}
	c := s3.NewFromConfig(cfg)
	_, err = c.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("b"), Key: aws.String(u.ID), Body: strings.NewReader(u.Email)}) // want `disallowed-region: User data aws.User.Email \(contact\) is sent to s3.us-east-1.amazonaws.com in US`
	return err
}

func uploadEU(ctx context.Context, u *User) error {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("eu-central-1"))
	if err != nil {
		return err
	}
	body, _ := json.Marshal(u)
	_, err = s3.NewFromConfig(cfg).PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("b"), Key: aws.String("k"), Body: bytes.NewReader(body)})
	return err
}

// No WithRegion: the region comes from the environment.
func uploadEnv(ctx context.Context, u *User) error {
	cfg, _ := config.LoadDefaultConfig(ctx)
	_, err := s3.NewFromConfig(cfg).PutObject(ctx, &s3.PutObjectInput{Key: aws.String(u.Email)}) // want `unresolved-endpoint: User data aws.User.Email \(contact\) leaves through .*environment variable AWS_REGION`
	return err
}

// eu-west-2 is London: GB, outside the EEA.
func queueLondon(ctx context.Context, u *User) {
	c := sqs.NewFromConfig(aws.Config{Region: "eu-west-2"})
	c.SendMessage(ctx, &sqs.SendMessageInput{MessageBody: aws.String(u.Email)}) // want `User data aws.User.Email \(contact\) is sent to sqs.eu-west-2.amazonaws.com in GB`
	name := u.Name
	c.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{Entries: []sqs.SendMessageBatchRequestEntry{{MessageBody: &name}}}) // want `aws.User.Name \(personal\) is sent to sqs.eu-west-2.amazonaws.com in GB`
}

// A per-client option overrides the config's region.
func notify(ctx context.Context, u *User) {
	cfg, _ := config.LoadDefaultConfig(ctx, config.WithRegion("eu-west-1"))
	c := sns.NewFromConfig(cfg, func(o *sns.Options) { o.Region = "us-west-2" })
	c.Publish(ctx, &sns.PublishInput{PhoneNumber: aws.String(u.Phone), Message: aws.String("hi")}) // want `aws.User.Phone \(contact\) is sent to sns.us-west-2.amazonaws.com in US`
}

// A region captured by the option closure.
func notifyCaptured(ctx context.Context, u *User) {
	region := "ap-southeast-2"
	c := sns.NewFromConfig(aws.Config{}, func(o *sns.Options) { o.Region = region })
	c.Publish(ctx, &sns.PublishInput{Message: aws.String(u.Email)}) // want `sns.ap-southeast-2.amazonaws.com in AU`
}

// A custom endpoint (LocalStack) wins over the region.
func notifyLocal(ctx context.Context, u *User) {
	c := sns.NewFromConfig(aws.Config{Region: "us-east-1"}, func(o *sns.Options) { o.BaseEndpoint = aws.String("http://localhost:4566") })
	c.Publish(ctx, &sns.PublishInput{Message: aws.String(u.Email)})
}

// New with Options.
func stream(ctx context.Context, u *User) {
	k := kinesis.New(kinesis.Options{Region: "us-east-2"})
	k.PutRecord(ctx, &kinesis.PutRecordInput{Data: []byte(u.Email), PartitionKey: aws.String("p")})                            // want `kinesis.us-east-2.amazonaws.com in US`
	k.PutRecords(ctx, &kinesis.PutRecordsInput{Records: []kinesis.PutRecordsRequestEntry{{PartitionKey: aws.String(u.Name)}}}) // want `aws.User.Name \(personal\) is sent to kinesis.us-east-2.amazonaws.com`
	f := firehose.New(firehose.Options{Region: "eu-north-1"})
	f.PutRecord(ctx, &firehose.PutRecordInput{Record: &fhtypes.Record{Data: []byte(u.Email)}})
	f.PutRecordBatch(ctx, &firehose.PutRecordBatchInput{Records: []fhtypes.Record{{Data: []byte(u.Email)}}})
}

// The client kept in a struct, made by a constructor from the caller's
// config.
type Store struct {
	db *dynamodb.Client
}

func NewStore(cfg aws.Config) *Store {
	return &Store{db: dynamodb.NewFromConfig(cfg)}
}

func (s *Store) Save(ctx context.Context, u *User) error {
	item, err := attributevalue.MarshalMap(u)
	if err != nil {
		return err
	}
	_, err = s.db.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("users"), Item: item}) // want `User data aws.User.Email \(contact\), aws.User.Name \(personal\) and aws.User.Phone \(contact\) is sent to dynamodb.sa-east-1.amazonaws.com in BR`
	return err
}

func (s *Store) Rename(ctx context.Context, u *User) {
	s.db.UpdateItem(ctx, &dynamodb.UpdateItemInput{ExpressionAttributeValues: map[string]types.AttributeValue{":n": &types.AttributeValueMemberS{Value: u.Name}}})                                                                           // want `aws.User.Name \(personal\) is sent to dynamodb.sa-east-1.amazonaws.com in BR`
	s.db.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: []types.TransactWriteItem{{Put: &types.Put{Item: map[string]types.AttributeValue{"e": &types.AttributeValueMemberS{Value: u.Email}}}}}})                   // want `aws.User.Email \(contact\) is sent to dynamodb.sa-east-1.amazonaws.com in BR`
	s.db.BatchWriteItem(ctx, &dynamodb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{"t": {{PutRequest: &types.PutRequest{Item: map[string]types.AttributeValue{"e": &types.AttributeValueMemberS{Value: u.Email}}}}}}}) // want `aws.User.Email \(contact\) is sent to dynamodb.sa-east-1.amazonaws.com in BR`
}

func saveEverywhere(ctx context.Context, u *User) {
	cfg, _ := config.LoadDefaultConfig(ctx, config.WithRegion("sa-east-1"))
	NewStore(cfg).Save(ctx, u)
	NewStore(aws.Config{Region: "eu-west-3"}).Save(ctx, u)
	NewStore(cfg).Rename(ctx, u)
}

// SES v2: the endpoint is email.<region>.amazonaws.com.
func mail(ctx context.Context, u *User) {
	c := sesv2.NewFromConfig(aws.Config{Region: "ca-central-1"})
	c.SendEmail(ctx, &sesv2.SendEmailInput{Destination: &sestypes.Destination{ToAddresses: []string{u.Email}}}) // want `email.ca-central-1.amazonaws.com in CA`
}

// The transfer manager uploads through the client it wraps.
func bulk(ctx context.Context, u *User) {
	up := manager.NewUploader(s3.NewFromConfig(aws.Config{Region: "us-west-1"}))
	up.Upload(ctx, &s3.PutObjectInput{Body: strings.NewReader(u.Email)}) // want `s3.us-west-1.amazonaws.com in US`
}

// An operation without a row of its own sends its input too.
func lookup(ctx context.Context, u *User) {
	c := s3.NewFromConfig(aws.Config{Region: "me-south-1"})
	c.GetObject(ctx, &s3.GetObjectInput{Key: aws.String(u.Email)}) // want `s3.me-south-1.amazonaws.com in BH`
}
