// Package mailer keeps its outgoing notes on a channel: Send puts a note
// there, a worker started by Start takes notes off and posts them. The
// user data comes from the packages that call Send, which are analysed
// after this one: the worker's exits travel up as a fact on the channel
// field (queues.go, QueueExit).
package mailer

import (
	"net/http"
	"strings"
)

type Note struct {
	To   string
	Body string
	Tag  string
}

type Mailer struct {
	notes chan Note
	relay string
}

func New(relay string) *Mailer {
	return &Mailer{notes: make(chan Note, 16), relay: relay}
}

// Send queues a note for the worker.
func (m *Mailer) Send(n Note) { m.notes <- n }

// Start runs the worker.
func (m *Mailer) Start() { go m.work() }

func (m *Mailer) work() {
	for n := range m.notes {
		http.Post(m.relay, "text/plain", strings.NewReader(n.To+"\n"+n.Body))
	}
}
