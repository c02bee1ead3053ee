// Package svc declares the interface it depends on; the implementation is
// wired in by main (dependency injection), out of this package's sight.
package svc

type User struct {
	ID    string
	Email string `db:"email" userdata:"contact"`
}

type Tracker interface {
	Track(event, who string)
}

type Service struct{ t Tracker }

func New(t Tracker) *Service { return &Service{t: t} }

func (s *Service) Signup(u *User) {
	s.t.Track("signup", u.Email)
}

// Store keeps users; its implementation is wired in by main too.
type Store interface {
	Touch(u *User)
	Save(u *User)
	// SaveColumns writes the columns named.
	SaveColumns(u *User, columns ...string)
}

// Seen marks u as seen: the implementation sends only its ID.
func Seen(st Store, u *User) {
	st.Touch(u)
}

// Keep stores u: the implementation sends its address.
func Keep(st Store, u *User) {
	st.Save(u)
}

// Stamp writes one column that holds no user data.
func Stamp(st Store, u *User) {
	st.SaveColumns(u, "seen_at")
}

// Readdress writes the address column.
func Readdress(st Store, u *User) {
	st.SaveColumns(u, "email")
}
