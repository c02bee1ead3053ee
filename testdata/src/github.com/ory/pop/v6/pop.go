// Package pop stands in for github.com/ory/pop/v6 (its import path and
// the API datagate's tables name): a mapper whose Connection writes
// models, whose Query reads them, and whose Model takes its table name
// from the value's TableName method.
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

func (m *Model) WhereID() string { return m.Alias() + ".id = ?" }

func (m *Model) fieldByName(s string) reflect.Value {
	return reflect.ValueOf(m.Value).Elem().FieldByName(s)
}

func (m *Model) ID() any { return m.fieldByName("ID").Interface() }

func (m *Model) columns() []any {
	rv := reflect.ValueOf(m.Value).Elem()
	var args []any
	for i := 0; i < rv.NumField(); i++ {
		args = append(args, rv.Field(i).Interface())
	}
	return args
}

type Connection struct{ DB *sql.DB }

type Query struct {
	c    *Connection
	sql  string
	args []any
}

func (c *Connection) Where(stmt string, args ...any) *Query {
	return &Query{c: c, sql: stmt, args: args}
}

func (q *Query) Where(stmt string, args ...any) *Query {
	q.sql += " AND " + stmt
	q.args = append(q.args, args...)
	return q
}

// First reads one row into model, by the query's conditions.
func (q *Query) First(model any) error {
	m := NewModel(model)
	row := q.c.DB.QueryRow("SELECT * FROM "+m.TableName()+" WHERE "+q.sql, append(q.args, m.columns()...)...)
	return row.Scan(m.columns()...)
}

// Destroy deletes the model's row by its key.
func (c *Connection) Destroy(model any) error {
	m := NewModel(model)
	_, err := c.DB.Exec("DELETE FROM "+m.TableName()+" AS "+m.Alias()+" WHERE "+m.WhereID(), m.ID())
	return err
}

// Create inserts the model: every column.
func (c *Connection) Create(model any, excludeColumns ...string) error {
	m := NewModel(model)
	_, err := c.DB.Exec("INSERT INTO "+m.TableName()+" VALUES (...)", m.columns()...)
	return err
}

// UpdateQuery writes the named columns of model in the rows the query
// selects.
func (q *Query) UpdateQuery(model any, columnNames ...string) (int64, error) {
	m := NewModel(model)
	res, err := q.c.DB.Exec("UPDATE "+m.TableName()+" SET "+strings.Join(columnNames, ",")+" WHERE "+q.sql, append(m.columns(), q.args...)...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
