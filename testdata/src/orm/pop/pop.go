// Package pop uses a mapper (pop): an insert sends the model's columns (a
// field tagged db:"-" is not one); a read sends its conditions, not the
// model it fills; a delete by key sends the table's name and the key.
package pop

import (
	"context"
	"database/sql"

	"github.com/jmoiron/sqlx"
	"github.com/ory/pop/v6"
)

type Identity struct {
	ID        string
	Traits    string `db:"traits" userdata:"personal"`
	ExpiresAt string `db:"expires_at"`
	Cached    string `db:"-" userdata:"personal"`
	// Addresses are rows of another table (an association), not a column.
	Addresses []Address `has_many:"addresses"`
}

func (Identity) TableName() string { return "identities" }

type Address struct {
	ID    string
	Value string `userdata:"contact"`
}

func Open() *pop.Connection {
	db, _ := sql.Open("postgres", "postgres://app@db.us-east-1.rds.amazonaws.com/app")
	return &pop.Connection{DB: db}
}

func Delete(c *pop.Connection, id *Identity) error {
	return c.Destroy(id)
}

func Create(c *pop.Connection, id *Identity) error {
	return c.Create(id) // want `unresolved-endpoint: User data pop.Identity.Traits \(personal\) leaves through \(\*v6.Connection\).Create to a destination that cannot be determined statically \(parameter c of pop.Create\)`
}

// Load fills i: the identity is where the row goes, not what is sent.
func Load(c *pop.Connection, key string) (*Identity, error) {
	var i Identity
	err := c.Where("id = ?", key).First(&i)
	return &i, err
}

// ByAddress looks an address up by its value: the value is sent.
func ByAddress(c *pop.Connection, a *Address) (*Address, error) {
	var out Address
	err := c.Where("value = ?", a.Value).Where("id <> ?", a.ID).First(&out) // want `unresolved-endpoint: User data pop.Address.Value \(contact\) leaves through \(\*v6.Query\).First`
	return &out, err
}

// Update writes the identity's columns by name (sqlx): not Cached, not
// the addresses.
func Update(ctx context.Context, db *sqlx.DB, id *Identity) error {
	_, err := db.NamedExecContext(ctx, "UPDATE identities SET traits = :traits WHERE id = :id", id) // want `unresolved-endpoint: User data pop.Identity.Traits \(personal\) leaves through \(\*sqlx.DB\).NamedExecContext`
	return err
}

// Queries are prepared once, as listmonk does.
type Queries struct{ byValue *sqlx.Stmt }

func Prepare() (*sqlx.DB, *Queries, error) {
	db, err := sqlx.Open("postgres", "postgres://app@db.us-east-1.rds.amazonaws.com/app")
	if err != nil {
		return nil, nil, err
	}
	s, err := db.Preparex("SELECT * FROM addresses WHERE value = $1")
	return db, &Queries{byValue: s}, err
}

// Find sends the address value; the identity it fills is not sent.
func Find(db *sqlx.DB, q *Queries, a *Address) error {
	var out []Address
	if err := q.byValue.Select(&out, a.Value); err != nil { // want `disallowed-region: User data pop.Address.Value \(contact\) is sent to db.us-east-1.rds.amazonaws.com in US`
		return err
	}
	var i Identity
	return db.Get(&i, "SELECT * FROM identities WHERE id = $1", a.ID)
}

// Token points to the address it verifies (an association: its own
// table's row); creating the token writes the address's key, not it.
type Token struct {
	ID        string
	AddressID string
	Address   *Address `belongs_to:"addresses"`
}

func Issue(c *pop.Connection, a *Address) error {
	return c.Create(&Token{ID: "t", AddressID: a.ID, Address: a})
}

// IssueCopy issues a token for a copy of the address.
func IssueCopy(c *pop.Connection, a *Address) error {
	return Issue(c, &Address{ID: a.ID, Value: a.Value})
}

// Expire writes one column, which holds no user data.
func Expire(c *pop.Connection, i *Identity) error {
	_, err := c.Where("id = ?", i.ID).UpdateQuery(i, "expires_at")
	return err
}

// Retrait writes the traits column.
func Retrait(c *pop.Connection, i *Identity) error {
	_, err := c.Where("id = ?", i.ID).UpdateQuery(i, "traits") // want `unresolved-endpoint: User data pop.Identity.Traits \(personal\) leaves through \(\*v6.Query\).UpdateQuery`
	return err
}

// updateColumns writes the columns its callers name: the helper does
// not know them, so each call counts what it names. Its callers name
// only columns without user data.
func updateColumns(c *pop.Connection, i *Identity, columns ...string) error {
	_, err := c.Where("id = ?", i.ID).UpdateQuery(i, columns...)
	return err
}

// ExpireVia names a column without user data through the helper.
func ExpireVia(c *pop.Connection, i *Identity) error {
	return updateColumns(c, i, "expires_at")
}

// writeColumns is updateColumns for RetraitVia, which names the traits
// column: reported here, at the exit, through that call.
func writeColumns(c *pop.Connection, i *Identity, columns ...string) error {
	_, err := c.Where("id = ?", i.ID).UpdateQuery(i, columns...) // want `unresolved-endpoint: User data pop.Identity.Traits \(personal\) leaves through \(\*v6.Query\).UpdateQuery`
	return err
}

// RetraitVia names the traits column through a helper.
func RetraitVia(c *pop.Connection, i *Identity) error {
	return writeColumns(c, i, "traits")
}

// inTx runs fn, as a transaction helper would.
func inTx(c *pop.Connection, fn func(tx *pop.Connection) error) error { return fn(c) }

// updateInTx names the columns inside a closure it hands to inTx: the
// names are a captured variable there.
func updateInTx(c *pop.Connection, i *Identity, columns ...string) error {
	return inTx(c, func(tx *pop.Connection) error {
		_, err := tx.Where("id = ?", i.ID).UpdateQuery(i, columns...)
		return err
	})
}

// ExpireInTx names a column without user data through the closure.
func ExpireInTx(c *pop.Connection, i *Identity) error {
	return updateInTx(c, i, "expires_at")
}

// relay passes the names on: its callers name them.
func relay(c *pop.Connection, i *Identity, columns ...string) error {
	return updateColumns(c, i, columns...)
}

// ExpireRelayed names a column without user data two helpers up.
func ExpireRelayed(c *pop.Connection, i *Identity) error {
	return relay(c, i, "expires_at")
}

// save creates a token it is given: its caller's address stays out, as
// an association, though the helper only sees the token as a whole.
func save(c *pop.Connection, t *Token) error {
	return c.Create(t)
}

func IssueVia(c *pop.Connection, a *Address) error {
	return save(c, &Token{ID: "t", AddressID: a.ID, Address: &Address{ID: a.ID, Value: a.Value}})
}

// Seed inserts a row whose traits are left unset, reads it back into the
// same variable and inserts it again: the first insert sends no traits
// (no call could have filled them yet), the second sends what was read.
func Seed(c *pop.Connection, key string) error {
	i := Identity{ID: key, ExpiresAt: "never"}
	if err := c.Create(&i); err != nil { // no user data: Traits unset at the first insert
		return err
	}
	if err := c.Where("id = ?", key).First(&i); err != nil {
		return err
	}
	return c.Create(&i) // want `unresolved-endpoint: User data pop.Identity.Traits \(personal\) leaves through \(\*v6.Connection\).Create`
}

// SeedEach inserts the literal once per key and reads each row back into
// it: from the second key on, the insert sends what the read filled (the
// read runs before it, around the loop).
func SeedEach(c *pop.Connection, keys []string) error {
	i := Identity{ExpiresAt: "never"}
	for _, k := range keys {
		if err := c.Create(&i); err != nil { // want `unresolved-endpoint: User data pop.Identity.Traits \(personal\) leaves through \(\*v6.Connection\).Create`
			return err
		}
		if err := c.Where("id = ?", k).First(&i); err != nil {
			return err
		}
	}
	return nil
}
