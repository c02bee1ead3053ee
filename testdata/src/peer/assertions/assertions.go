// Package assertions checks that an interface value of unknown content
// is known to hold a type where a type assertion says so: after an
// assertion that would have panicked otherwise, in a type switch case
// (one type or several), in the branch of a comma-ok assertion; and not
// in the other cases.
package assertions

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
)

const collector = "https://collector.example.us/events"

type Profile struct {
	Email string `json:"email" userdata:"contact"`
}

type Theme struct {
	Colour string `json:"colour"`
}

func encode(v any) io.Reader {
	b, _ := json.Marshal(v)
	return bytes.NewReader(b)
}

func switched(v any) {
	switch v.(type) {
	case *Profile:
		http.Post(collector, "application/json", encode(v)) // want `disallowed-region: User data assertions.Profile.Email \(contact\) is sent to collector.example.us in US`
	case Theme:
		http.Post(collector, "application/json", encode(v))
	default:
		http.Post(collector, "application/json", encode(v))
	}
}

func severalTypes(v any) {
	switch v.(type) {
	case Theme, *Profile:
		http.Post(collector, "application/json", encode(v)) // want `disallowed-region: User data assertions.Profile.Email \(contact\) is sent to collector.example.us in US`
	}
}

func mustBe(v any) {
	_ = v.(Profile)
	http.Post(collector, "application/json", encode(v)) // want `disallowed-region: User data assertions.Profile.Email \(contact\) is sent to collector.example.us in US`
}

func commaOK(v any) {
	if _, ok := v.(*Profile); ok {
		http.Post(collector, "application/json", encode(v)) // want `disallowed-region: User data assertions.Profile.Email \(contact\) is sent to collector.example.us in US`
		return
	}
	http.Post(collector, "application/json", encode(v))
}
