// Package sanitizers checks that what a policy sanitizer returns stays
// sanitised when it is later used whole, although its type holds
// user-data fields, and that a sanitizer without results that takes a
// pointer cleans what the pointer points to.
package sanitizers

import "time"

type Patient struct {
	Name  string `userdata:"personal"`
	Ward  string `userdata:"health"`
	Rooms int
}

// Masked returns a copy with the user-data fields masked (a policy
// sanitizer).
func Masked(p Patient) Patient { return Patient{Name: "***", Ward: "***", Rooms: p.Rooms} }

// MaskInPlace masks the fields of the patient it is given (a policy
// sanitizer that works in place).
func MaskInPlace(p *Patient) { p.Name, p.Ward = "***", "***" }

// MaskAll masks any values (a policy sanitizer over interfaces).
func MaskAll(vs ...any) []any { return vs }

// Upload is a policy sink to a US collector.
func Upload(v any) {}

// The copy a sanitizer returns, sent whole, carries nothing unsanitised.
func copyThenSend(p Patient) {
	m := Masked(p)
	Upload(m)
}

// The same through an interface and a type assertion back to the type.
func assertedBack(p *Patient) {
	m := MaskAll(p)[0].(*Patient)
	Upload(m)
}

// Sanitised on one path only: the other path sends the patient as it is.
func sometimes(p *Patient) {
	q := p
	if time.Now().Hour() > 12 {
		q = MaskAll(p)[0].(*Patient)
	}
	Upload(q) // want `disallowed-region: User data sanitizers.Patient.Name \(personal\) and sanitizers.Patient.Ward \(health\) is sent to collector.example.us in US`
}

// A sanitizer that takes a pointer and returns nothing cleans in place,
// through a pointer parameter or the address of a local copy.
func inPlace(p *Patient) {
	MaskInPlace(p)
	Upload(p)
}

func inPlaceCopy(p Patient) {
	MaskInPlace(&p)
	Upload(p)
}

// Cleaning one patient leaves another alone.
func otherOne(p, q *Patient) {
	MaskInPlace(p)
	Upload(q) // want `disallowed-region: User data sanitizers.Patient.Name \(personal\) and sanitizers.Patient.Ward \(health\) is sent to collector.example.us in US`
}

// Sanitised only in a loop that may not run: a patient made here (its
// fields implied by its type) merges with the sanitised copy at the loop.
func maskedIfLooped(n int) {
	var v any = Patient{Rooms: 1, Name: "x", Ward: "y"}
	for i := 0; i < n; i++ {
		v = MaskAll(v)[0]
	}
	Upload(v) // want `disallowed-region: User data sanitizers.Patient.Name \(personal\) and sanitizers.Patient.Ward \(health\) is sent to collector.example.us in US`
}

// Sanitised after the loop that may have filled it: nothing unsanitised.
func maskedAfterLoop(n int) {
	var v any
	for i := 0; i < n; i++ {
		v = Patient{Rooms: i, Name: "x", Ward: "y"}
	}
	v = MaskAll(v)[0]
	Upload(v)
}
