// Package flow declares what a flow must offer and reads it through the
// interface: the types that implement it live in packages that import
// this one, so no implementation is in sight here.
package flow

// Contexter is a flow with an internal context (a JSON document).
type Contexter interface {
	GetContext() []byte
}

// Namer is a flow with a display name.
type Namer interface {
	GetName() string
}

// BaseURL reads the base URL out of the flow's internal context.
func BaseURL(c Contexter) string {
	return string(c.GetContext())
}

// Title reads the flow's name.
func Title(n Namer) string {
	return "flow " + n.GetName()
}

// Relay passes its flow on: its caller's caller resolves the getter.
func Relay(c Contexter) string {
	return BaseURL(c)
}
