package knowledge

// AWS SDK for Go v2 (github.com/aws/aws-sdk-go-v2). A service client sends
// each operation's input to the service's regional endpoint,
// https://<service>.<region>.amazonaws.com, unless a custom BaseEndpoint
// is set (LocalStack, MinIO). The region is the client's: a per-client
// option (func(o *s3.Options) { o.Region = ... }), else the aws.Config it
// was made from, whose Region comes from config.WithRegion or, when
// LoadDefaultConfig is given none, from the environment (AWS_REGION).

const (
	srcAWSv2      = "pkg.go.dev/github.com/aws/aws-sdk-go-v2"
	srcAWSConfig  = "pkg.go.dev/github.com/aws/aws-sdk-go-v2/config"
	srcAWSRegions = "AWS General Reference, AWS service endpoints: https://service-code.region-code.amazonaws.com"
)

// awsService is one service package: its import path, the endpoint prefix
// AWS names it by, the name people use, and the operations that send data.
type awsService struct {
	pkg    string // github.com/aws/aws-sdk-go-v2/service/<pkg>
	prefix string // the endpoint's service code
	name   string // "S3"
	ops    []awsOp
}

// awsOp is an operation that sends data: every operation takes
// (ctx, *<Op>Input, optFns...), and the whole input is serialised into the
// request.
type awsOp struct {
	name   string
	fields string // the input's fields that carry the content, for people
}

var awsServices = []awsService{
	{pkg: "s3", prefix: "s3", name: "S3", ops: []awsOp{
		{"PutObject", "Body, Key, Metadata, Tagging"},
		{"UploadPart", "Body, Key"},
	}},
	{pkg: "sqs", prefix: "sqs", name: "SQS", ops: []awsOp{
		{"SendMessage", "MessageBody, MessageAttributes"},
		{"SendMessageBatch", "Entries[].MessageBody, Entries[].MessageAttributes"},
	}},
	{pkg: "sns", prefix: "sns", name: "SNS", ops: []awsOp{
		{"Publish", "Message, Subject, PhoneNumber, MessageAttributes"},
	}},
	{pkg: "kinesis", prefix: "kinesis", name: "Kinesis", ops: []awsOp{
		{"PutRecord", "Data, PartitionKey"},
		{"PutRecords", "Records[].Data, Records[].PartitionKey"},
	}},
	{pkg: "firehose", prefix: "firehose", name: "Firehose", ops: []awsOp{
		{"PutRecord", "Record.Data"},
		{"PutRecordBatch", "Records[].Data"},
	}},
	{pkg: "dynamodb", prefix: "dynamodb", name: "DynamoDB", ops: []awsOp{
		{"PutItem", "Item"},
		{"UpdateItem", "Key, ExpressionAttributeValues"},
		{"BatchWriteItem", "RequestItems"},
		{"TransactWriteItems", "TransactItems"},
	}},
	{pkg: "sesv2", prefix: "email", name: "SES", ops: []awsOp{
		{"SendEmail", "Destination, Content"},
	}},
}

// awsRegion is where a client's region comes from: its options, else its
// aws.Config (New takes Options, whose Region is the same field).
const awsRegion = "opt:1:.Region | arg:0.Region"

var awsExits, awsCreators = func() ([]ExitModel, []CreatorModel) {
	var exits []ExitModel
	var creators []CreatorModel
	for _, s := range awsServices {
		path := "github.com/aws/aws-sdk-go-v2/service/" + s.pkg
		doc := "pkg.go.dev/" + path
		host := `"https://` + s.prefix + `.{` + awsRegion + `}.amazonaws.com"`
		creators = append(creators,
			CreatorModel{Func: path + ".NewFromConfig", Kind: ExitAWS,
				// A BaseEndpoint set on the aws.Config is not followed: a
				// parameter's config cannot say whether it is set.
				Endpoint: "opt:1:.BaseEndpoint | " + host,
				Source:   doc + "#NewFromConfig; " + srcAWSRegions},
			CreatorModel{Func: path + ".New", Kind: ExitAWS,
				Endpoint: "opt:1:.BaseEndpoint | arg:0.BaseEndpoint | " + host,
				Source:   doc + "#New; " + srcAWSRegions},
		)
		for _, op := range s.ops {
			exits = append(exits, ExitModel{Func: "(*" + path + ".Client)." + op.name, Kind: ExitAWS,
				Data: "2", Endpoint: "obj:0", Op: s.name + " " + op.name,
				Source: doc + "#Client." + op.name + " (" + op.name + "Input: " + op.fields + ")"})
		}
		// Every other operation sends its input to the same endpoint.
		exits = append(exits, ExitModel{Func: "(*" + path + ".Client).*", Kind: ExitAWS,
			Data: "2", Endpoint: "obj:0", Op: s.name,
			Source: doc + "#Client (each operation method sends its input to the service)"})
	}
	// The S3 transfer manager uploads through the S3 client it wraps.
	creators = append(creators, CreatorModel{Func: "github.com/aws/aws-sdk-go-v2/feature/s3/manager.NewUploader", Kind: ExitAWS,
		Endpoint: "~0", Source: "pkg.go.dev/github.com/aws/aws-sdk-go-v2/feature/s3/manager#NewUploader"})
	exits = append(exits, ExitModel{Func: "(github.com/aws/aws-sdk-go-v2/feature/s3/manager.Uploader).Upload", Kind: ExitAWS,
		Data: "2", Endpoint: "obj:0", Op: "S3 Uploader.Upload",
		Source: "pkg.go.dev/github.com/aws/aws-sdk-go-v2/feature/s3/manager#Uploader.Upload (s3.PutObjectInput: Body, Key, Metadata)"})
	return exits, creators
}()

var awsSettings = []SettingModel{
	{Func: "github.com/aws/aws-sdk-go-v2/config.LoadDefaultConfig", Path: ".Region", Value: "opt:1:.Region | env:AWS_REGION",
		Source: srcAWSConfig + "#LoadDefaultConfig (region from WithRegion, else the environment: AWS_REGION)"},
	{Func: "github.com/aws/aws-sdk-go-v2/config.WithRegion", Path: ".Region", Value: "arg:0", Source: srcAWSConfig + "#WithRegion"},
	{Func: "github.com/aws/aws-sdk-go-v2/aws.String", Path: "", Value: "arg:0", Source: srcAWSv2 + "/aws#String"},
}

var awsModels = []Model{
	// aws.String, aws.ToString, aws.Int64...: pointers to and from values.
	{Func: "github.com/aws/aws-sdk-go-v2/aws.*", Flows: "*->r", Source: srcAWSv2 + "/aws (to_ptr.go, from_ptr.go)"},
	// Loading configuration moves no user data.
	{Func: "github.com/aws/aws-sdk-go-v2/config.*", Flows: "", Source: srcAWSConfig},
	// attributevalue marshals a Go value into DynamoDB attribute values.
	{Func: "github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue.Marshal", Flows: "0w->r", Source: srcAWSv2 + "/feature/dynamodb/attributevalue#Marshal"},
	{Func: "github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue.MarshalMap", Flows: "0w->r", Source: srcAWSv2 + "/feature/dynamodb/attributevalue#MarshalMap"},
	{Func: "github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue.MarshalList", Flows: "0w->r", Source: srcAWSv2 + "/feature/dynamodb/attributevalue#MarshalList"},
}

var awsModelled = func() []string {
	out := []string{
		"github.com/aws/aws-sdk-go-v2/aws",
		"github.com/aws/aws-sdk-go-v2/config",
		"github.com/aws/aws-sdk-go-v2/feature/s3/manager",
		"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue",
	}
	for _, s := range awsServices {
		out = append(out, "github.com/aws/aws-sdk-go-v2/service/"+s.pkg+"/...")
	}
	return out
}()
