// Package containers checks that a value whose type holds user-data
// fields keeps them when it is put into a container of interface values
// (a slice or array of any, a map keyed or valued by any, a channel of
// any, a struct field of interface type), where it loses its static type,
// and that a nil value holds none.
package containers

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
)

const collector = "https://collector.example.us/events"

type Card struct {
	Holder string `json:"holder" userdata:"personal"`
	Number string `json:"number" userdata:"payment"`
	Brand  string `json:"brand"`
}

type envelope struct {
	Kind    string
	Payload any
}

// encode serialises any value for the collector.
func encode(v any) io.Reader {
	b, _ := json.Marshal(v)
	return bytes.NewReader(b)
}

func batchOfAny(c Card) {
	batch := []any{"header", c}
	http.Post(collector, "application/json", encode(batch)) // want `disallowed-region: User data containers.Card.Holder \(personal\) and containers.Card.Number \(payment\) is sent to collector.example.us in US`
}

func arrayOfAny(c *Card) {
	var slots [3]any
	slots[1] = c
	http.Post(collector, "application/json", encode(slots)) // want `disallowed-region: User data containers.Card.Holder \(personal\) and containers.Card.Number \(payment\) is sent to collector.example.us in US`
}

func mapValues(c Card) {
	m := map[string]any{"card": c}
	http.Post(collector, "application/json", encode(m)) // want `disallowed-region: User data containers.Card.Holder \(personal\) and containers.Card.Number \(payment\) is sent to collector.example.us in US`
}

func mapKeys(c Card) {
	seen := map[any]bool{c: true}
	for k := range seen {
		http.Post(collector, "application/json", encode(k)) // want `disallowed-region: User data containers.Card.Holder \(personal\) and containers.Card.Number \(payment\) is sent to collector.example.us in US`
	}
}

func channelOfAny(c Card) {
	ch := make(chan any, 1)
	ch <- c
	http.Post(collector, "application/json", encode(<-ch)) // want `disallowed-region: User data containers.Card.Holder \(personal\) and containers.Card.Number \(payment\) is sent to collector.example.us in US`
}

func fieldOfInterfaceType(c Card) {
	e := envelope{Kind: "card", Payload: c}
	http.Post(collector, "application/json", encode(e)) // want `disallowed-region: User data containers.Card.Holder \(personal\) and containers.Card.Number \(payment\) is sent to collector.example.us in US`
}

// A nil card holds nothing.
func nilCard() {
	var c *Card
	http.Post(collector, "application/json", encode([]any{c}))
}

// A map of slices of maps of cards: reading a card's field through the
// nesting is reading it.
type regionIndex map[string][]map[string]map[string][]*Card

func deepIndexRead(idx regionIndex) {
	c := idx["eu"][0]["de"]["berlin"][0]
	http.Post(collector, "text/plain", strings.NewReader(c.Holder)) // want `disallowed-region: User data containers.Card.Holder \(personal\) is sent to collector.example.us in US`
}
