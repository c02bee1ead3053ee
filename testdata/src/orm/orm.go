// Package orm is a small reflection-driven data mapper of the kind
// services use in front of database/sql: the table name comes from the
// model's type, the key from a field looked up by name, and the columns of
// an insert from every field. Only what is really written reaches the
// database.
package orm

import (
	"database/sql"
	"fmt"
	"reflect"
	"strings"
)

type Person struct {
	ID    string
	Email string `userdata:"contact"`
	Name  string `userdata:""`
}

type Store struct{ db *sql.DB }

func Open() (*Store, error) {
	db, err := sql.Open("postgres", "postgres://app@db.us-east-1.rds.amazonaws.com/app")
	return &Store{db: db}, err
}

// table derives a table name from the model's type only.
func table(model any) string {
	t := reflect.TypeOf(model)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return strings.ToLower(t.Name()) + "s"
}

// key reads the model's ID field by name.
func key(model any) any {
	return reflect.Indirect(reflect.ValueOf(model)).FieldByName("ID").Interface()
}

// Delete sends the table name and the key: no user data.
func (s *Store) Delete(model any) error {
	_, err := s.db.Exec("DELETE FROM "+table(model)+" WHERE id = $1", key(model))
	return err
}

// Exists sends the table name only.
func (s *Store) Exists(model any) (bool, error) {
	var n int
	err := s.db.QueryRow("SELECT count(*) FROM " + table(model)).Scan(&n)
	return n > 0, err
}

// Insert writes every field's value, found by reflection.
func (s *Store) Insert(model any) error {
	v := reflect.Indirect(reflect.ValueOf(model))
	var cols []string
	var vals []any
	for i := 0; i < v.NumField(); i++ {
		cols = append(cols, v.Type().Field(i).Name)
		vals = append(vals, v.Field(i).Interface())
	}
	q := fmt.Sprintf("INSERT INTO %s (%s) VALUES (...)", table(model), strings.Join(cols, ","))
	_, err := s.db.Exec(q, vals...) // want `disallowed-region: User data orm.Person.Email \(contact\) and orm.Person.Name \(personal\) is sent to db.us-east-1.rds.amazonaws.com in US`
	return err
}

// EmailOf reads the e-mail by name.
func (s *Store) Notify(model any) error {
	e := reflect.ValueOf(model).Elem().FieldByName("Email").String()
	_, err := s.db.Exec("INSERT INTO outbox (addr) VALUES ($1)", e) // want `disallowed-region.*orm.Person.Email`
	return err
}

// Model wraps a value as mappers do; its key is read through a helper
// that takes the field's name (pop's Model.ID and fieldByName).
type Model struct{ Value any }

func (m *Model) fieldByName(name string) reflect.Value {
	return reflect.ValueOf(m.Value).Elem().FieldByName(name)
}

// ID is the model's key: only field ID is read.
func (m *Model) ID() any { return m.fieldByName("ID").Interface() }

// column reads the field named by the caller, through two helpers.
func (m *Model) column(name string) any { return m.fieldByName(name).Interface() }

// Destroy deletes by the key: no user data.
func (s *Store) Destroy(m *Model) error {
	_, err := s.db.Exec("DELETE FROM persons WHERE id = $1", m.ID())
	return err
}

// Mail sends the column the caller names: field Email here.
func (s *Store) Mail(m *Model) error {
	_, err := s.db.Exec("INSERT INTO outbox (addr) VALUES ($1)", m.column("Email")) // want `disallowed-region: User data orm.Person.Email \(contact\) is sent`
	return err
}

// Named sends the column its caller names: Use names "Name".
func (s *Store) Named(m *Model, col string) error {
	_, err := s.db.Exec("INSERT INTO outbox (v) VALUES ($1)", m.column(col)) // want `disallowed-region: User data orm.Person.Name \(personal\) is sent`
	return err
}

// Any sends a column named at run time: any field may be the one.
func (s *Store) Any(m *Model) error {
	_, err := s.db.Exec("INSERT INTO outbox (v) VALUES ($1)", m.column(fmt.Sprint(s.db.Stats().Idle))) // want `disallowed-region: User data orm.Person.Email \(contact\) and orm.Person.Name \(personal\) is sent`
	return err
}

func Use(s *Store, p *Person) {
	m := &Model{Value: p}
	s.Destroy(m)
	s.Mail(m)
	s.Named(m, "Name")
	s.Any(m)
	s.Delete(p)
	s.Exists(p)
	s.Insert(p)
	s.Notify(p)
}

// Fresh builds a value in place: reflect.ValueOf of a local that holds no
// data yet still knows which of its fields are user data.
func (s *Store) Fresh(email string) error {
	p := Person{ID: "x"}
	v := reflect.ValueOf(&p).Elem().FieldByName("ID").String()
	_, err := s.db.Exec("DELETE FROM persons WHERE id = $1", v)
	return err
}
