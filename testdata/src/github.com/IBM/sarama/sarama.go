// Package sarama is a minimal stand-in for github.com/IBM/sarama.
package sarama

type Encoder interface {
	Encode() ([]byte, error)
	Length() int
}

type StringEncoder string

func (s StringEncoder) Encode() ([]byte, error) { return []byte(s), nil }
func (s StringEncoder) Length() int             { return len(s) }

type ByteEncoder []byte

func (b ByteEncoder) Encode() ([]byte, error) { return b, nil }
func (b ByteEncoder) Length() int             { return len(b) }

type ProducerMessage struct {
	Topic string
	Key   Encoder
	Value Encoder
}

type Config struct{}

func NewConfig() *Config { return &Config{} }

type SyncProducer interface {
	SendMessage(msg *ProducerMessage) (partition int32, offset int64, err error)
	SendMessages(msgs []*ProducerMessage) error
	Close() error
}

type AsyncProducer interface {
	Input() chan<- *ProducerMessage
	Close() error
}

type syncProducer struct{ addrs []string }

func (p *syncProducer) SendMessage(msg *ProducerMessage) (int32, int64, error) { return 0, 0, nil }
func (p *syncProducer) SendMessages(msgs []*ProducerMessage) error             { return nil }
func (p *syncProducer) Close() error                                           { return nil }

func NewSyncProducer(addrs []string, config *Config) (SyncProducer, error) {
	return &syncProducer{addrs}, nil
}

type asyncProducer struct{ in chan *ProducerMessage }

func (p *asyncProducer) Input() chan<- *ProducerMessage { return p.in }
func (p *asyncProducer) Close() error                   { return nil }

func NewAsyncProducer(addrs []string, conf *Config) (AsyncProducer, error) {
	return &asyncProducer{make(chan *ProducerMessage)}, nil
}
