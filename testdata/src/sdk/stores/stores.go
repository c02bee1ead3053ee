// Package stores checks data stores and brokers addressed by host: the
// destination is the address or URI the client was given.
package stores

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/IBM/sarama"
	"github.com/elastic/go-elasticsearch/v8"
	"github.com/elastic/go-elasticsearch/v8/esapi"
	"github.com/nats-io/nats.go"
	amqp "github.com/rabbitmq/amqp091-go"
	"github.com/redis/go-redis/v9"
	"github.com/twmb/franz-go/pkg/kgo"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

type User struct {
	ID    string
	Email string `json:"email" bson:"email" userdata:"contact"`
	Name  string `json:"name" bson:"name" userdata:""`
}

const (
	usHost = "cache.abc123.use1.cache.amazonaws.com:6379"
	// An ElastiCache endpoint names its region only in a shortened form
	// the catalog does not read: unknown.
)

func cache(ctx context.Context, u *User) {
	rdb := redis.NewClient(&redis.Options{Addr: "redis.internal:6379"})
	rdb.Set(ctx, "user:"+u.ID, u.Email, 0)

	us := redis.NewClient(&redis.Options{Addr: usHost})
	us.HSet(ctx, "user:"+u.ID, "name", u.Name) // want `unknown-region: .*stores.User.Name \(personal\).*cache.abc123.use1.cache.amazonaws.com`

	opt, _ := redis.ParseURL("redis://10.0.3.7:6379/0")
	redis.NewClient(opt).Publish(ctx, "signups", u.Email)

	var c redis.Cmdable = redis.NewClient(&redis.Options{Addr: "redis-1.eu-north-1.on.aws:6379"})
	c.Set(ctx, "k", u.Email, 0)
}

func documents(ctx context.Context, u *User) error {
	client, err := mongo.Connect(ctx, options.Client().ApplyURI("mongodb://db.us-east-2.docdb.amazonaws.com:27017"))
	if err != nil {
		return err
	}
	users := client.Database("shop").Collection("users")
	_, err = users.InsertOne(ctx, u) // want `disallowed-region: .*stores.User.Email \(contact\) and stores.User.Name \(personal\) is sent to db.us-east-2.docdb.amazonaws.com in US`
	return err
}

func search(ctx context.Context, u *User) {
	es, _ := elasticsearch.NewClient(elasticsearch.Config{Addresses: []string{"https://logs.us-west-2.es.amazonaws.com:443"}})
	b, _ := json.Marshal(u)
	es.Index("users", strings.NewReader(string(b)))                                  // want `stores.User.Email \(contact\) and stores.User.Name \(personal\) is sent to logs.us-west-2.es.amazonaws.com in US`
	esapi.IndexRequest{Index: "users", Body: strings.NewReader(u.Email)}.Do(ctx, es) // want `stores.User.Email \(contact\) is sent to logs.us-west-2.es.amazonaws.com in US`
}

func produce(u *User) {
	p, _ := sarama.NewSyncProducer([]string{"b-1.kafka.us-east-1.amazonaws.com:9092"}, sarama.NewConfig())
	p.SendMessage(&sarama.ProducerMessage{Topic: "signups", Value: sarama.StringEncoder(u.Email)}) // want `stores.User.Email \(contact\) is sent to b-1.kafka.us-east-1.amazonaws.com in US`

	a, _ := sarama.NewAsyncProducer([]string{"b-1.kafka.us-east-1.amazonaws.com:9092"}, nil)
	a.Input() <- &sarama.ProducerMessage{Topic: "signups", Value: sarama.StringEncoder(u.Name)} // want `stores.User.Name \(personal\) is sent to b-1.kafka.us-east-1.amazonaws.com in US`
}

func produceFranz(ctx context.Context, u *User) {
	cl, _ := kgo.NewClient(kgo.SeedBrokers("kafka-0.kafka.svc.cluster.local:9092"))
	cl.Produce(ctx, &kgo.Record{Topic: "signups", Value: []byte(u.Email)}, nil)
	us, _ := kgo.NewClient(kgo.SeedBrokers("b-1.kafka.us-east-1.amazonaws.com:9092"))
	us.ProduceSync(ctx, &kgo.Record{Topic: "signups", Value: []byte(u.Email)}) // want `stores.User.Email \(contact\) is sent to b-1.kafka.us-east-1.amazonaws.com in US`
}

func publish(u *User) {
	nc, _ := nats.Connect(nats.DefaultURL)
	nc.Publish("signups", []byte(u.Email))
	remote, _ := nats.Connect("nats://connect.ngs.global")
	remote.Publish("signups", []byte(u.Email)) // want `unknown-region: .*stores.User.Email \(contact\).*connect.ngs.global`
}

func queue(ctx context.Context, u *User) {
	conn, _ := amqp.Dial("amqps://user:pw@b-1234.mq.us-east-1.amazonaws.com:5671")
	ch, _ := conn.Channel()
	ch.PublishWithContext(ctx, "", "signups", false, false, amqp.Publishing{Body: []byte(u.Email)}) // want `stores.User.Email \(contact\) is sent to b-1234.mq.us-east-1.amazonaws.com in US`
	local, _ := amqp.Dial("amqp://guest:guest@localhost:5672/")
	lch, _ := local.Channel()
	lch.Publish("", "signups", false, false, amqp.Publishing{Body: []byte(u.Email)})
}
