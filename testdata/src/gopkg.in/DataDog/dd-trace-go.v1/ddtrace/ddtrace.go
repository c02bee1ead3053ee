// Package ddtrace is a minimal stand-in for gopkg.in/DataDog/dd-trace-go.v1/ddtrace.
package ddtrace

type Span interface {
	SetTag(key string, value interface{})
	Finish()
}

type StartSpanOption func(cfg *StartSpanConfig)

type StartSpanConfig struct {
	Tags map[string]interface{}
}
