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
