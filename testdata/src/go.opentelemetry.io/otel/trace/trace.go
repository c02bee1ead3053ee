// Package trace is an offline stand-in for go.opentelemetry.io/otel/trace:
// the names and signatures the tests use. Its span keeps what it records,
// as the real SDK's does, so without the model the data would follow the
// span into the context.
package trace

import "context"

type Span interface {
	SetName(name string)
	RecordError(err error)
	End()
}

type Tracer interface {
	Start(ctx context.Context, name string) (context.Context, Span)
}

type ctxKey struct{}

type span struct {
	name string
	errs []error
}

func (s *span) SetName(name string)   { s.name = name }
func (s *span) RecordError(err error) { s.errs = append(s.errs, err) }
func (s *span) End()                  {}

func SpanFromContext(ctx context.Context) Span {
	if s, ok := ctx.Value(ctxKey{}).(Span); ok {
		return s
	}
	return &span{}
}

func ContextWithSpan(ctx context.Context, s Span) context.Context {
	return context.WithValue(ctx, ctxKey{}, s)
}
