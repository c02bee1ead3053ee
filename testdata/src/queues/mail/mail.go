// Package mail is an outbox in the shape of a newsletter sender: a batch
// loop reads contacts and puts letters on a channel kept in the outbox,
// workers started elsewhere take them off and send them. Sender and
// receiver are not caller and callee and reach the channel along different
// paths (b.box.letters, o.letters): the channel field is the queue.
package mail

import (
	"net/http"
	"strings"
)

const us = "https://api.mixpanel.com/track"

type Contact struct {
	ID    int64
	Email string `userdata:"contact"`
	Nick  string
}

type Letter struct {
	to      string
	subject string
}

// Directory gives the contacts (a database behind an interface).
type Directory interface{ Contacts() []Contact }

// Carrier delivers a letter; its implementations live with the caller.
type Carrier interface {
	Carry(to, subject string) error
}

type Outbox struct {
	crates  chan Letter
	shipper Shipper
	owner   Contact
	letters chan Letter
	parcels chan Letter
	audit   chan string
	welcome chan Letter
	dir     Directory
	carrier Carrier
}

func New(dir Directory, c Carrier) *Outbox {
	return &Outbox{crates: make(chan Letter, 8), letters: make(chan Letter, 8), parcels: make(chan Letter, 8), audit: make(chan string, 8), welcome: make(chan Letter, 8), dir: dir, carrier: c}
}

type batch struct{ box *Outbox }

// fill puts one letter per contact on the queues.
func (b *batch) fill() {
	for _, c := range b.box.dir.Contacts() {
		b.box.letters <- Letter{to: c.Email, subject: "news"}
		b.box.audit <- "queued " + c.Nick
		var parcels chan<- Letter = b.box.parcels
		parcels <- Letter{to: c.Email}
		b.box.crates <- Letter{to: c.Email}
	}
}

// Run starts the workers and a batch.
func (o *Outbox) Run() {
	go o.deliver()
	go o.hand()
	go o.log()
	go o.subjects()
	go o.greet()
	go o.ship()
	b := &batch{box: o}
	go b.fill()
}

func (o *Outbox) deliver() {
	for l := range o.letters {
		http.Post(us, "text/plain", strings.NewReader(l.to)) // want `disallowed-region: User data mail.Contact.Email \(contact\) is sent to api.mixpanel.com in US`
	}
}

// hand passes what it receives (in a select) to the carrier: resolved
// where an implementation is in sight.
func (o *Outbox) hand() {
	for {
		select {
		case l := <-o.parcels:
			o.carrier.Carry(l.to, l.subject)
		case <-o.audit:
		}
	}
}

// log sends only what was put on the audit queue: constants and a
// nickname, not user data.
func (o *Outbox) log() {
	for m := range o.audit {
		http.Post(us+"/audit", "text/plain", strings.NewReader(m))
	}
}

// subjects reads another field of the queued letters than the one that
// holds the address.
func (o *Outbox) subjects() {
	for l := range o.letters {
		http.Post(us+"/subjects", "text/plain", strings.NewReader(l.subject))
	}
}

// Welcome queues a letter through a helper that sends its parameter: the
// helper's summary says it writes into the channel, and the data the
// caller passes is queued.
func (o *Outbox) Welcome(c Contact) {
	o.post(Letter{to: c.Email, subject: "welcome"})
}

func (o *Outbox) post(l Letter) { o.welcome <- l }

func (o *Outbox) greet() {
	for l := range o.welcome {
		http.Post(us+"/welcome", "text/plain", strings.NewReader(l.to)) // want `disallowed-region: User data mail.Contact.Email \(contact\) is sent to api.mixpanel.com in US`
	}
}

// To is the letter's address.
func (l Letter) To() string { return l.to }

// Parcel is what a shipper is handed: a queued letter and the outbox's
// owner.
type Parcel struct {
	Letter Letter
	Sender Contact
}

// Shipper ships parcels; its implementations live with the caller.
type Shipper interface{ Ship(p Parcel) error }

// ShipWith sets the shipper and the owner named on every parcel.
func (o *Outbox) ShipWith(s Shipper, owner Contact) {
	o.shipper, o.owner = s, owner
}

// ship hands each crated letter to the shipper. The first walk sees the
// owner's contact in the parcel (its type holds one); the letters come
// off the queue in a later round, and the call passes both.
func (o *Outbox) ship() {
	for l := range o.crates {
		o.shipper.Ship(Parcel{Letter: l, Sender: o.owner})
	}
}
