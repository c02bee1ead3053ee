// Package pop stands in for github.com/ory/pop/v6 (its import path and
// the Model methods datagate's tables name): a mapper whose Model takes
// its table name from the value's TableName method, an interface this
// package never sees implemented.
package pop

import (
	"database/sql"
	"reflect"
	"strings"
)

type Value any

type TableNameAble interface {
	TableName() string
}

type Model struct {
	Value
	As string
}

func NewModel(v Value) *Model { return &Model{Value: v} }

func (m *Model) TableName() string {
	if s, ok := m.Value.(string); ok {
		return s
	}
	if n, ok := m.Value.(TableNameAble); ok {
		return n.TableName()
	}
	return strings.ToLower(reflect.TypeOf(m.Value).Elem().Name()) + "s"
}

func (m *Model) Alias() string { return m.As }

func (m *Model) IDField() string { return "id" }

func (m *Model) WhereID() string { return m.Alias() + ".id = ?" }

func (m *Model) fieldByName(s string) reflect.Value {
	return reflect.ValueOf(m.Value).Elem().FieldByName(s)
}

func (m *Model) ID() any { return m.fieldByName("ID").Interface() }

type Connection struct{ DB *sql.DB }

// Destroy deletes the model's row by its key.
func (c *Connection) Destroy(v any) error {
	m := NewModel(v)
	_, err := c.DB.Exec("DELETE FROM "+m.TableName()+" AS "+m.Alias()+" WHERE "+m.WhereID(), m.ID())
	return err
}

// Create inserts the model: every field is a column.
func (c *Connection) Create(v any) error {
	m := NewModel(v)
	rv := reflect.ValueOf(v).Elem()
	var args []any
	for i := 0; i < rv.NumField(); i++ {
		args = append(args, rv.Field(i).Interface())
	}
	_, err := c.DB.Exec("INSERT INTO "+m.TableName()+" VALUES (...)", args...)
	return err
}
