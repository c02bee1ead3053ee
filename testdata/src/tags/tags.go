// Package tags checks which fields and types the sources analyzer marks.
package tags

type User struct { // want User:`carries\(.Addr:location .Bad:personal .Email:contact .Name:personal\)`
	ID    int64
	Email string  `json:"email" userdata:"contact"` // want Email:`userdata\(contact\)`
	Name  string  `userdata:""`                     // want Name:`userdata\(personal\)`
	Addr  Address `userdata:"location"`             // want Addr:`userdata\(location\)`
	Bad   string  `userdata:"Not Valid"`            // want Bad:`userdata\(personal\)`
}

type Address struct {
	City string
}

type Order struct { // want Order:`carries\(.Buyer.Addr:location .Buyer.Bad:personal .Buyer.Email:contact .Buyer.Name:personal .Lines\[\].Note:note\)`
	Buyer *User
	Lines []Line
}

type Line struct { // want Line:`carries\(.Note:note\)`
	Note string `userdata:"note"` // want Note:`userdata\(note\)`
}

type Plain struct {
	A, B string
}
