// Package pop uses a mapper whose models name their own tables (pop): a
// delete by key sends the table's name and the key, no user data; an
// insert sends every field.
package pop

import (
	"database/sql"

	"github.com/ory/pop/v6"
)

type Identity struct {
	ID     string
	Traits string `userdata:"personal"`
}

func (Identity) TableName() string { return "identities" }

func Open() *pop.Connection {
	db, _ := sql.Open("postgres", "postgres://app@db.us-east-1.rds.amazonaws.com/app")
	return &pop.Connection{DB: db}
}

func Delete(c *pop.Connection, id *Identity) error {
	return c.Destroy(id)
}

func Create(c *pop.Connection, id *Identity) error {
	return c.Create(id) // want `unresolved-endpoint: User data pop.Identity.Traits \(personal\) leaves through \(\*sql.DB\).Exec`
}
