package knowledge

const srcOtelTrace = "pkg.go.dev/go.opentelemetry.io/otel/trace"

// telemetryModels: tracing. What a span records (attributes, errors,
// events) goes to the tracing backend with the span, like a log line: not
// an exit by default (README.md#exits-and-endpoints), and not into the
// context or the requests that carry the span's identifiers (propagators
// inject only trace and span IDs). So recording on a span moves no data,
// and a span, its context and the requests made with it stay clean. A
// policy sink can make a tracer an exit.
var telemetryModels = []Model{
	{Func: "(go.opentelemetry.io/otel/trace.Span).*", Flows: "", Source: srcOtelTrace + "#Span"},
	{Func: "go.opentelemetry.io/otel/trace.SpanFromContext", Flows: "", Source: srcOtelTrace + "#SpanFromContext"},
	{Func: "go.opentelemetry.io/otel/trace.ContextWithSpan", Flows: "0->r", Source: srcOtelTrace + "#ContextWithSpan"},
	{Func: "(go.opentelemetry.io/otel/trace.Tracer).Start", Flows: "0->r0", Source: srcOtelTrace + "#Tracer"},
	{Func: "(go.opentelemetry.io/otel/trace.SpanContext).TraceID", Flows: "", Source: srcOtelTrace + "#SpanContext.TraceID"},
	{Func: "(go.opentelemetry.io/otel/trace.SpanContext).SpanID", Flows: "", Source: srcOtelTrace + "#SpanContext.SpanID"},
}
