package knowledge

// Data stores and brokers addressed by host: the destination is the
// address or URI the client was given (redis://, mongodb://, the brokers'
// host:port), so its region is the host's (the catalog's cloud forms, the
// policy's endpoints, internal addresses).

const (
	goredis   = "github.com/redis/go-redis/v9"
	srcRedis  = "pkg.go.dev/github.com/redis/go-redis/v9"
	mongo1    = "go.mongodb.org/mongo-driver/mongo"
	mongo2    = "go.mongodb.org/mongo-driver/v2/mongo"
	srcMongo1 = "pkg.go.dev/go.mongodb.org/mongo-driver/mongo"
	srcMongo2 = "pkg.go.dev/go.mongodb.org/mongo-driver/v2/mongo"
	es8       = "github.com/elastic/go-elasticsearch/v8"
	srcES8    = "pkg.go.dev/github.com/elastic/go-elasticsearch/v8"
	sarama    = "github.com/IBM/sarama"
	srcSarama = "pkg.go.dev/github.com/IBM/sarama"
	kgo       = "github.com/twmb/franz-go/pkg/kgo"
	srcKgo    = "pkg.go.dev/github.com/twmb/franz-go/pkg/kgo"
	nats      = "github.com/nats-io/nats.go"
	srcNATS   = "pkg.go.dev/github.com/nats-io/nats.go"
	amqp      = "github.com/rabbitmq/amqp091-go"
	srcAMQP   = "pkg.go.dev/github.com/rabbitmq/amqp091-go"
)

var storeCreators = []CreatorModel{
	{Func: goredis + ".NewClient", Kind: ExitRedis, Endpoint: `arg:0.Addr | "localhost:6379"`, Source: srcRedis + "#NewClient (Options.Addr, default localhost:6379)"},
	{Func: goredis + ".NewFailoverClient", Kind: ExitRedis, Endpoint: "arg:0.SentinelAddrs", Source: srcRedis + "#NewFailoverClient (FailoverOptions.SentinelAddrs)"},
	{Func: goredis + ".NewClusterClient", Kind: ExitRedis, Endpoint: "arg:0.Addrs", Source: srcRedis + "#NewClusterClient (ClusterOptions.Addrs)"},
	{Func: goredis + ".NewUniversalClient", Kind: ExitRedis, Endpoint: "arg:0.Addrs", Source: srcRedis + "#NewUniversalClient (UniversalOptions.Addrs)"},

	{Func: mongo1 + ".Connect", Kind: ExitMongoDB, Endpoint: "opt:1:.URI", Source: srcMongo1 + "#Connect (options.Client().ApplyURI)"},
	{Func: mongo2 + ".Connect", Kind: ExitMongoDB, Endpoint: "opt:0:.URI", Source: srcMongo2 + "#Connect (options.Client().ApplyURI)"},
	{Func: "(*" + mongo1 + ".Client).Database", Kind: ExitMongoDB, Endpoint: "~0", Source: srcMongo1 + "#Client.Database"},
	{Func: "(*" + mongo1 + ".Database).Collection", Kind: ExitMongoDB, Endpoint: "~0", Source: srcMongo1 + "#Database.Collection"},
	{Func: "(*" + mongo2 + ".Client).Database", Kind: ExitMongoDB, Endpoint: "~0", Source: srcMongo2 + "#Client.Database"},
	{Func: "(*" + mongo2 + ".Database).Collection", Kind: ExitMongoDB, Endpoint: "~0", Source: srcMongo2 + "#Database.Collection"},

	{Func: es8 + ".NewClient", Kind: ExitElasticsearch, Endpoint: "arg:0.Addresses | env:ELASTICSEARCH_URL",
		Source: srcES8 + "#NewClient (Config.Addresses, else ELASTICSEARCH_URL, else http://localhost:9200)"},
	{Func: es8 + ".NewDefaultClient", Kind: ExitElasticsearch, Endpoint: "env:ELASTICSEARCH_URL",
		Source: srcES8 + "#NewDefaultClient (ELASTICSEARCH_URL, else http://localhost:9200)"},

	{Func: sarama + ".NewSyncProducer", Kind: ExitKafka, Endpoint: "arg:0", Source: srcSarama + "#NewSyncProducer (addrs)"},
	{Func: sarama + ".NewAsyncProducer", Kind: ExitKafka, Endpoint: "arg:0", Source: srcSarama + "#NewAsyncProducer (addrs)"},
	// What is sent on the Input channel is produced.
	{Func: "(" + sarama + ".AsyncProducer).Input", Kind: ExitKafka, Endpoint: "~0", Conn: true, Source: srcSarama + "#AsyncProducer (Input)"},

	{Func: kgo + ".NewClient", Kind: ExitKafka, Endpoint: "opt:0:.SeedBrokers", Source: srcKgo + "#NewClient (SeedBrokers)"},

	{Func: nats + ".Connect", Kind: ExitNATS, Endpoint: "arg:0", Source: srcNATS + "#Connect (url)"},
	{Func: "(*" + nats + ".Conn).JetStream", Kind: ExitNATS, Endpoint: "~0", Source: srcNATS + "#Conn.JetStream"},

	{Func: amqp + ".Dial", Kind: ExitAMQP, Endpoint: "arg:0", Source: srcAMQP + "#Dial (url)"},
	{Func: amqp + ".DialTLS", Kind: ExitAMQP, Endpoint: "arg:0", Source: srcAMQP + "#DialTLS"},
	{Func: amqp + ".DialConfig", Kind: ExitAMQP, Endpoint: "arg:0", Source: srcAMQP + "#DialConfig"},
	{Func: "(*" + amqp + ".Connection).Channel", Kind: ExitAMQP, Endpoint: "~0", Source: srcAMQP + "#Connection.Channel"},
}

var storeExits = concat(redisExits(), []ExitModel{
	{Func: "(*" + mongo1 + ".Collection).InsertOne", Kind: ExitMongoDB, Data: "2w", Endpoint: "obj:0", Op: "MongoDB InsertOne", Source: srcMongo1 + "#Collection.InsertOne (document, BSON-encoded)"},
	{Func: "(*" + mongo1 + ".Collection).InsertMany", Kind: ExitMongoDB, Data: "2w", Endpoint: "obj:0", Op: "MongoDB InsertMany", Source: srcMongo1 + "#Collection.InsertMany"},
	{Func: "(*" + mongo1 + ".Collection).UpdateOne", Kind: ExitMongoDB, Data: "2w,3w", Endpoint: "obj:0", Op: "MongoDB UpdateOne", Source: srcMongo1 + "#Collection.UpdateOne (filter, update)"},
	{Func: "(*" + mongo1 + ".Collection).UpdateMany", Kind: ExitMongoDB, Data: "2w,3w", Endpoint: "obj:0", Op: "MongoDB UpdateMany", Source: srcMongo1 + "#Collection.UpdateMany"},
	{Func: "(*" + mongo1 + ".Collection).ReplaceOne", Kind: ExitMongoDB, Data: "2w,3w", Endpoint: "obj:0", Op: "MongoDB ReplaceOne", Source: srcMongo1 + "#Collection.ReplaceOne (filter, replacement)"},
	{Func: "(*" + mongo2 + ".Collection).InsertOne", Kind: ExitMongoDB, Data: "2w", Endpoint: "obj:0", Op: "MongoDB InsertOne", Source: srcMongo2 + "#Collection.InsertOne"},
	{Func: "(*" + mongo2 + ".Collection).InsertMany", Kind: ExitMongoDB, Data: "2w", Endpoint: "obj:0", Op: "MongoDB InsertMany", Source: srcMongo2 + "#Collection.InsertMany"},
	{Func: "(*" + mongo2 + ".Collection).UpdateOne", Kind: ExitMongoDB, Data: "2w,3w", Endpoint: "obj:0", Op: "MongoDB UpdateOne", Source: srcMongo2 + "#Collection.UpdateOne"},
	{Func: "(*" + mongo2 + ".Collection).UpdateMany", Kind: ExitMongoDB, Data: "2w,3w", Endpoint: "obj:0", Op: "MongoDB UpdateMany", Source: srcMongo2 + "#Collection.UpdateMany"},
	{Func: "(*" + mongo2 + ".Collection).ReplaceOne", Kind: ExitMongoDB, Data: "2w,3w", Endpoint: "obj:0", Op: "MongoDB ReplaceOne", Source: srcMongo2 + "#Collection.ReplaceOne"},

	// es.Index(...) calls the API struct's Index field, a function of type
	// esapi.Index: the function value is argument 0, and remembers the
	// client it belongs to.
	{Func: es8 + "/esapi.Index", Kind: ExitElasticsearch, Data: "1,2", Endpoint: "obj:0", Op: "Elasticsearch Index", Source: srcES8 + "/esapi#Index (index, body)"},
	{Func: "(" + es8 + "/esapi.IndexRequest).Do", Kind: ExitElasticsearch, Data: "0", Endpoint: "obj:2", Op: "Elasticsearch Index", Source: srcES8 + "/esapi#IndexRequest.Do (Index, DocumentID, Body; the transport is the client)"},

	{Func: "(" + sarama + ".SyncProducer).SendMessage", Kind: ExitKafka, Data: "1", Endpoint: "obj:0", Op: "Kafka SendMessage", Source: srcSarama + "#SyncProducer (ProducerMessage: Key, Value, Headers)"},
	{Func: "(" + sarama + ".SyncProducer).SendMessages", Kind: ExitKafka, Data: "1", Endpoint: "obj:0", Op: "Kafka SendMessages", Source: srcSarama + "#SyncProducer"},

	{Func: "(*" + kgo + ".Client).Produce", Kind: ExitKafka, Data: "2", Endpoint: "obj:0", Op: "Kafka Produce", Source: srcKgo + "#Client.Produce (Record: Key, Value, Headers)"},
	{Func: "(*" + kgo + ".Client).ProduceSync", Kind: ExitKafka, Data: "2", Endpoint: "obj:0", Op: "Kafka ProduceSync", Source: srcKgo + "#Client.ProduceSync"},
	{Func: "(*" + kgo + ".Client).TryProduce", Kind: ExitKafka, Data: "2", Endpoint: "obj:0", Op: "Kafka TryProduce", Source: srcKgo + "#Client.TryProduce"},

	{Func: "(*" + nats + ".Conn).Publish", Kind: ExitNATS, Data: "1,2", Endpoint: "obj:0", Op: "NATS Publish", Source: srcNATS + "#Conn.Publish (subject, data)"},
	{Func: "(*" + nats + ".Conn).PublishMsg", Kind: ExitNATS, Data: "1", Endpoint: "obj:0", Op: "NATS PublishMsg", Source: srcNATS + "#Conn.PublishMsg"},
	{Func: "(*" + nats + ".Conn).Request", Kind: ExitNATS, Data: "1,2", Endpoint: "obj:0", Op: "NATS Request", Source: srcNATS + "#Conn.Request"},
	{Func: "(" + nats + ".JetStreamContext).Publish", Kind: ExitNATS, Data: "1,2", Endpoint: "obj:0", Op: "NATS JetStream Publish", Source: srcNATS + "#JetStreamContext"},

	{Func: "(*" + amqp + ".Channel).Publish", Kind: ExitAMQP, Data: "1,2,5", Endpoint: "obj:0", Op: "AMQP Publish", Source: srcAMQP + "#Channel.Publish (exchange, key, Publishing: Body, Headers)"},
	{Func: "(*" + amqp + ".Channel).PublishWithContext", Kind: ExitAMQP, Data: "2,3,6", Endpoint: "obj:0", Op: "AMQP Publish", Source: srcAMQP + "#Channel.PublishWithContext"},
})

// redisExits are the go-redis commands that store or publish data, on the
// clients (the commands are methods of the unexported cmdable, which
// Client embeds) and on the interfaces that declare them (Cmdable,
// UniversalClient).
func redisExits() []ExitModel {
	ops := []struct{ name, iface, data string }{
		{"Set", "StringCmdable", "2,3"}, {"SetEx", "StringCmdable", "2,3"}, {"SetNX", "StringCmdable", "2,3"},
		{"MSet", "StringCmdable", "2"}, {"HSet", "HashCmdable", "2,3"}, {"HMSet", "HashCmdable", "2,3"},
		{"LPush", "ListCmdable", "2,3"}, {"RPush", "ListCmdable", "2,3"}, {"SAdd", "SetCmdable", "2,3"},
		{"Publish", "PubSubCmdable", "2,3"}, {"XAdd", "StreamCmdable", "2"},
	}
	var out []ExitModel
	for _, op := range ops {
		for _, recv := range []string{"(" + goredis + ".cmdable)", "(" + goredis + "." + op.iface + ")"} {
			out = append(out, ExitModel{Func: recv + "." + op.name, Kind: ExitRedis, Data: op.data, Endpoint: "obj:0",
				Op: "Redis " + op.name, Source: srcRedis + "#Client." + op.name})
		}
	}
	return out
}

var storeSettings = []SettingModel{
	{Func: goredis + ".ParseURL", Path: ".Addr", Value: "arg:0", Source: srcRedis + "#ParseURL (redis://host:port)"},
	{Func: "(*go.mongodb.org/mongo-driver/mongo/options.ClientOptions).ApplyURI", Path: ".URI", Value: "arg:1", Source: "pkg.go.dev/go.mongodb.org/mongo-driver/mongo/options#ClientOptions.ApplyURI"},
	{Func: "(*go.mongodb.org/mongo-driver/v2/mongo/options.ClientOptions).ApplyURI", Path: ".URI", Value: "arg:1", Source: "pkg.go.dev/go.mongodb.org/mongo-driver/v2/mongo/options#ClientOptions.ApplyURI"},
	{Func: kgo + ".SeedBrokers", Path: ".SeedBrokers", Value: "arg:0", Source: srcKgo + "#SeedBrokers"},
}

var storeModels = []Model{}
