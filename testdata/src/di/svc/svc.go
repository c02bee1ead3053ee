// Package svc declares the interface it depends on; the implementation is
// wired in by main (dependency injection), out of this package's sight.
package svc

type User struct {
	Email string `userdata:"contact"`
}

type Tracker interface {
	Track(event, who string)
}

type Service struct{ t Tracker }

func New(t Tracker) *Service { return &Service{t: t} }

func (s *Service) Signup(u *User) {
	s.t.Track("signup", u.Email)
}
