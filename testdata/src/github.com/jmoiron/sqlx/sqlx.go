// Package sqlx stands in for github.com/jmoiron/sqlx (its import path and
// the named-statement API datagate's tables name).
package sqlx

import (
	"context"
	"database/sql"
	"reflect"
)

type DB struct{ *sql.DB }

// NamedExecContext binds arg's fields by name and executes query.
func (db *DB) NamedExecContext(ctx context.Context, query string, arg any) (sql.Result, error) {
	rv := reflect.Indirect(reflect.ValueOf(arg))
	var args []any
	for i := 0; i < rv.NumField(); i++ {
		args = append(args, rv.Field(i).Interface())
	}
	return db.DB.ExecContext(ctx, query, args...)
}

// Open opens a database by driver and data source.
func Open(driver, dsn string) (*DB, error) {
	db, err := sql.Open(driver, dsn)
	return &DB{DB: db}, err
}

type Stmt struct{ *sql.Stmt }

func (db *DB) Preparex(query string) (*Stmt, error) {
	s, err := db.DB.Prepare(query)
	return &Stmt{Stmt: s}, err
}

// Select runs the statement with args and scans every row into dest.
func (s *Stmt) Select(dest any, args ...any) error {
	rows, err := s.Stmt.Query(append(args, dest)...)
	if err != nil {
		return err
	}
	return rows.Close()
}

// Get runs the statement with args and scans one row into dest.
func (db *DB) Get(dest any, query string, args ...any) error {
	return db.DB.QueryRow(query, append(args, dest)...).Scan(dest)
}
