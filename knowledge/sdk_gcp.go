package knowledge

// Google Cloud client libraries (cloud.google.com/go/...). A client sends
// to its service's global endpoint (storage.googleapis.com,
// pubsub.googleapis.com, bigquery.googleapis.com), which names no region,
// unless option.WithEndpoint gives a regional or locational endpoint
// (https://storage.europe-west3.rep.googleapis.com/,
// europe-west3-pubsub.googleapis.com:443), whose region the catalog knows.
// Where a global endpoint stores the data is decided by the bucket's,
// topic's or dataset's location, which the call does not show.

const (
	srcGCS      = "pkg.go.dev/cloud.google.com/go/storage"
	srcPubSub   = "pkg.go.dev/cloud.google.com/go/pubsub"
	srcBigQuery = "pkg.go.dev/cloud.google.com/go/bigquery"
	srcGAPIOpt  = "pkg.go.dev/google.golang.org/api/option"
)

var gcpCreators = []CreatorModel{
	{Func: "cloud.google.com/go/storage.NewClient", Kind: ExitGCP, Endpoint: `opt:1:.Endpoint | "https://storage.googleapis.com"`,
		Source: srcGCS + "#NewClient (default endpoint https://storage.googleapis.com; " + srcGAPIOpt + "#WithEndpoint)"},
	{Func: "cloud.google.com/go/storage.NewGRPCClient", Kind: ExitGCP, Endpoint: `opt:1:.Endpoint | "https://storage.googleapis.com"`,
		Source: srcGCS + "#NewGRPCClient"},
	{Func: "(*cloud.google.com/go/storage.Client).Bucket", Kind: ExitGCP, Endpoint: "~0", Source: srcGCS + "#Client.Bucket"},
	{Func: "(*cloud.google.com/go/storage.BucketHandle).Object", Kind: ExitGCP, Endpoint: "~0", Source: srcGCS + "#BucketHandle.Object"},
	// A Writer uploads what is written into it (Write, io.Copy, an
	// encoder over it): it is a connection to the object's endpoint.
	{Func: "(*cloud.google.com/go/storage.ObjectHandle).NewWriter", Kind: ExitGCP, Endpoint: "~0", Conn: true, Source: srcGCS + "#ObjectHandle.NewWriter"},

	{Func: "cloud.google.com/go/pubsub.NewClient", Kind: ExitGCP, Endpoint: `opt:2:.Endpoint | "https://pubsub.googleapis.com"`,
		Source: srcPubSub + "#NewClient (default endpoint pubsub.googleapis.com:443)"},
	{Func: "(*cloud.google.com/go/pubsub.Client).Topic", Kind: ExitGCP, Endpoint: "~0", Source: srcPubSub + "#Client.Topic"},
	{Func: "(*cloud.google.com/go/pubsub.Client).TopicInProject", Kind: ExitGCP, Endpoint: "~0", Source: srcPubSub + "#Client.TopicInProject"},

	{Func: "cloud.google.com/go/bigquery.NewClient", Kind: ExitGCP, Endpoint: `opt:2:.Endpoint | "https://bigquery.googleapis.com"`,
		Source: srcBigQuery + "#NewClient (default endpoint https://bigquery.googleapis.com)"},
	{Func: "(*cloud.google.com/go/bigquery.Client).Dataset", Kind: ExitGCP, Endpoint: "~0", Source: srcBigQuery + "#Client.Dataset"},
	{Func: "(*cloud.google.com/go/bigquery.Client).DatasetInProject", Kind: ExitGCP, Endpoint: "~0", Source: srcBigQuery + "#Client.DatasetInProject"},
	{Func: "(*cloud.google.com/go/bigquery.Dataset).Table", Kind: ExitGCP, Endpoint: "~0", Source: srcBigQuery + "#Dataset.Table"},
	{Func: "(*cloud.google.com/go/bigquery.Table).Inserter", Kind: ExitGCP, Endpoint: "~0", Source: srcBigQuery + "#Table.Inserter"},
}

var gcpExits = []ExitModel{
	{Func: "(*cloud.google.com/go/pubsub.Topic).Publish", Kind: ExitGCP, Data: "2", Endpoint: "obj:0", Op: "Pub/Sub Topic.Publish",
		Source: srcPubSub + "#Topic.Publish (Message: Data, Attributes, OrderingKey)"},
	{Func: "(*cloud.google.com/go/bigquery.Inserter).Put", Kind: ExitGCP, Data: "2w", Endpoint: "obj:0", Op: "BigQuery Inserter.Put",
		Source: srcBigQuery + "#Inserter.Put (a struct, a slice of structs or ValueSavers: every field becomes a column)"},
}

var gcpSettings = []SettingModel{
	{Func: "google.golang.org/api/option.WithEndpoint", Path: ".Endpoint", Value: "arg:0", Source: srcGAPIOpt + "#WithEndpoint"},
}

var gcpModels = []Model{
	// Writing into a Writer goes into the object (and so, the Writer being
	// a connection, out); closing it sends nothing of its own.
	{Func: "(*cloud.google.com/go/storage.Writer).Write", Flows: "1->0", Source: srcGCS + "#Writer.Write"},
	{Func: "(*cloud.google.com/go/storage.Writer).Close", Flows: "", Source: srcGCS + "#Writer.Close"},
}
