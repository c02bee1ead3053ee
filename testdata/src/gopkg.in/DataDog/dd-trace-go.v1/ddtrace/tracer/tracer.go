// Package tracer is a minimal stand-in for gopkg.in/DataDog/dd-trace-go.v1/ddtrace/tracer.
package tracer

import "gopkg.in/DataDog/dd-trace-go.v1/ddtrace"

type Span = ddtrace.Span

type StartSpanOption = ddtrace.StartSpanOption

type StartOption func()

func WithAgentAddr(addr string) StartOption { return func() {} }

func Start(opts ...StartOption) {}

type span struct{ tags map[string]interface{} }

func (s *span) SetTag(key string, value interface{}) { s.tags[key] = value }
func (s *span) Finish()                              {}

func StartSpan(operationName string, opts ...StartSpanOption) Span { return &span{} }

func Tag(k string, v interface{}) StartSpanOption {
	return func(cfg *ddtrace.StartSpanConfig) { cfg.Tags[k] = v }
}

type UserMonitoringOption func(*UserMonitoringConfig)

type UserMonitoringConfig struct{ Email string }

func WithUserEmail(email string) UserMonitoringOption {
	return func(c *UserMonitoringConfig) { c.Email = email }
}

func SetUser(s Span, id string, opts ...UserMonitoringOption) {}
