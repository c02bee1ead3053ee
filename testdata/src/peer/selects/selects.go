// Package selects checks sends and receives inside select statements: a
// value received in one case is what was sent before, a value sent in one
// case is not received by another case of the same select (only one
// runs), but is in the next round of a loop.
package selects

import (
	"net/http"
	"strings"
)

const collector = "https://collector.example.us/events"

type Ticket struct {
	Requester string `userdata:"contact"`
	Subject   string
}

// A receive in a select case gets what was sent on the channel.
func receiveInCase(t Ticket, quit chan bool) {
	queue := make(chan string, 1)
	queue <- t.Requester
	select {
	case r := <-queue:
		http.Post(collector, "text/plain", strings.NewReader(r)) // want `disallowed-region: User data selects.Ticket.Requester \(contact\) is sent to collector.example.us in US`
	case <-quit:
	}
}

// A send in one select and a receive in the next.
func sendThenReceive(t Ticket) {
	queue := make(chan any, 1)
	select {
	case queue <- t:
	default:
	}
	select {
	case v := <-queue:
		http.Post(collector, "text/plain", strings.NewReader(v.(Ticket).Requester)) // want `disallowed-region: User data selects.Ticket.Requester \(contact\) is sent to collector.example.us in US`
	default:
	}
}

// A receive into a variable declared before the select.
func receiveIntoVariable(t Ticket, other chan string) {
	queue := make(chan string, 1)
	queue <- t.Requester
	var got string
	select {
	case got = <-queue:
	case got = <-other:
	}
	http.Post(collector, "text/plain", strings.NewReader(got)) // want `disallowed-region: User data selects.Ticket.Requester \(contact\) is sent to collector.example.us in US`
}

// Sending in one case and receiving in another of the same select: the
// receive cannot see the send.
func siblingCases(t Ticket, queue chan string) {
	select {
	case queue <- t.Requester:
	case r := <-queue:
		http.Post(collector, "text/plain", strings.NewReader(r))
	}
}

// In a loop, the next round's receive sees this round's send.
func siblingCasesInLoop(t Ticket, queue chan string) {
	for i := 0; i < 2; i++ {
		select {
		case queue <- t.Requester:
		case r := <-queue:
			http.Post(collector, "text/plain", strings.NewReader(r)) // want `disallowed-region: User data selects.Ticket.Requester \(contact\) is sent to collector.example.us in US`
		}
	}
}

// A goroutine started before the select sends what the select receives.
func fromGoroutine(t Ticket) {
	queue := make(chan string)
	go func() { queue <- t.Requester }()
	select {
	case r := <-queue:
		http.Post(collector, "text/plain", strings.NewReader(r)) // want `disallowed-region: User data selects.Ticket.Requester \(contact\) is sent to collector.example.us in US`
	}
}
