package knowledge

import "slices"

// ormModels and ormExits: object-relational mappers, modelled by their
// public API where the service calls them, so that a path ends at the
// mapper's call in the service's own code and says what the mapper sends:
// the model's columns for a write (all its fields but those tagged
// db:"-", which are not columns), the query's conditions for a read (the
// model there is only where the rows go), the key for a delete. The
// mapper's own code is still analysed for what the service hands it
// otherwise (Transaction's callback).
//
// ormModels: object-relational mappers. What they send is the model's
// fields, through their SQL exits; the names they build statements from
// are not data. pop's Model derives the table name from the model's
// TableName method (an interface the mapper's package cannot see
// implemented, whose result would otherwise be taken to carry the whole
// model), from its type's name, or from a string given as the model; the
// alias, the ID column's name and the WHERE clauses on the ID are built
// from those names. pop is published twice, by Ory (a fork) and by
// gobuffalo, with the same Model API.
var ormModels = slices.Concat(
	popModels("github.com/ory/pop/v6", "pkg.go.dev/github.com/ory/pop/v6"),
	popModels("github.com/gobuffalo/pop/v6", "pkg.go.dev/github.com/gobuffalo/pop/v6"),
)

var ormExits = slices.Concat(
	popExits("github.com/ory/pop/v6", "pkg.go.dev/github.com/ory/pop/v6"),
	popExits("github.com/gobuffalo/pop/v6", "pkg.go.dev/github.com/gobuffalo/pop/v6"),
	sqlxExits,
)

const sqlx = "github.com/jmoiron/sqlx"

const srcSqlx = "pkg.go.dev/github.com/jmoiron/sqlx"

// sqlxExits: sqlx's named statements bind the argument's fields by their
// db names (its columns: db:"-" fields are not bound) and send the query;
// the plain ones are database/sql's, which sqlx wraps and which are
// modelled there.
var sqlxExits = slices.Concat(sqlxNamed, sqlxQueries("DB"), sqlxQueries("Tx"), sqlxStmt)

// sqlxQueries: the statement and its arguments of a DB's or Tx's
// queries and executions (the destination of a Select or Get is where the
// rows go).
func sqlxQueries(recv string) []ExitModel {
	r := "(*" + sqlx + "." + recv + ")."
	row := func(name, data string) ExitModel {
		return ExitModel{Func: r + name, Kind: ExitSQL, Data: data, Endpoint: "obj:0", Op: "sqlx " + name, Source: srcSqlx + "#" + recv + "." + name}
	}
	return []ExitModel{
		row("Select", "2,3+"), row("Get", "2,3+"), row("Queryx", "1,2+"), row("QueryRowx", "1,2+"), row("MustExec", "1,2+"),
		row("SelectContext", "3,4+"), row("GetContext", "3,4+"), row("QueryxContext", "2,3+"), row("QueryRowxContext", "2,3+"), row("MustExecContext", "2,3+"),
	}
}

// sqlxStmt: a prepared statement sends its arguments.
var sqlxStmt = func() []ExitModel {
	r := "(*" + sqlx + ".Stmt)."
	row := func(name, data string) ExitModel {
		return ExitModel{Func: r + name, Kind: ExitSQL, Data: data, Endpoint: "obj:0", Op: "sqlx " + name, Source: srcSqlx + "#Stmt." + name}
	}
	return []ExitModel{
		row("Select", "2+"), row("Get", "2+"), row("Queryx", "1+"), row("QueryRowx", "1+"), row("MustExec", "1+"),
		row("SelectContext", "3+"), row("GetContext", "3+"), row("QueryxContext", "2+"), row("QueryRowxContext", "2+"), row("MustExecContext", "2+"),
	}
}()

// sqlxCreators: a DB remembers the data source it was opened with; its
// statements and transactions remember the DB's.
var sqlxCreators = []CreatorModel{
	{Func: sqlx + ".Open", Kind: ExitSQL, Endpoint: "arg:1", Source: srcSqlx + "#Open"},
	{Func: sqlx + ".MustOpen", Kind: ExitSQL, Endpoint: "arg:1", Source: srcSqlx + "#MustOpen"},
	{Func: sqlx + ".Connect", Kind: ExitSQL, Endpoint: "arg:1", Source: srcSqlx + "#Connect"},
	{Func: sqlx + ".MustConnect", Kind: ExitSQL, Endpoint: "arg:1", Source: srcSqlx + "#MustConnect"},
	{Func: sqlx + ".ConnectContext", Kind: ExitSQL, Endpoint: "arg:2", Source: srcSqlx + "#ConnectContext"},
	{Func: sqlx + ".NewDb", Kind: ExitSQL, Endpoint: "~0", Source: srcSqlx + "#NewDb"},
	{Func: "(*" + sqlx + ".DB).Preparex", Kind: ExitSQL, Endpoint: "~0", Source: srcSqlx + "#DB.Preparex"},
	{Func: "(*" + sqlx + ".DB).PreparexContext", Kind: ExitSQL, Endpoint: "~0", Source: srcSqlx + "#DB.PreparexContext"},
	{Func: "(*" + sqlx + ".DB).PrepareNamed", Kind: ExitSQL, Endpoint: "~0", Source: srcSqlx + "#DB.PrepareNamed"},
	{Func: "(*" + sqlx + ".DB).Beginx", Kind: ExitSQL, Endpoint: "~0", Source: srcSqlx + "#DB.Beginx"},
	{Func: "(*" + sqlx + ".DB).MustBegin", Kind: ExitSQL, Endpoint: "~0", Source: srcSqlx + "#DB.MustBegin"},
	{Func: "(*" + sqlx + ".DB).BeginTxx", Kind: ExitSQL, Endpoint: "~0", Source: srcSqlx + "#DB.BeginTxx"},
	{Func: "(*" + sqlx + ".Tx).Preparex", Kind: ExitSQL, Endpoint: "~0", Source: srcSqlx + "#Tx.Preparex"},
}

var sqlxNamed = []ExitModel{
	{Func: "(*" + sqlx + ".DB).NamedExec", Kind: ExitSQL, Data: "1,2w:db", Endpoint: "obj:0", Op: "sqlx NamedExec", Source: srcSqlx + "#DB.NamedExec"},
	{Func: "(*" + sqlx + ".DB).NamedExecContext", Kind: ExitSQL, Data: "2,3w:db", Endpoint: "obj:0", Op: "sqlx NamedExec", Source: srcSqlx + "#DB.NamedExecContext"},
	{Func: "(*" + sqlx + ".DB).NamedQuery", Kind: ExitSQL, Data: "1,2w:db", Endpoint: "obj:0", Op: "sqlx NamedQuery", Source: srcSqlx + "#DB.NamedQuery"},
	{Func: "(*" + sqlx + ".DB).NamedQueryContext", Kind: ExitSQL, Data: "2,3w:db", Endpoint: "obj:0", Op: "sqlx NamedQuery", Source: srcSqlx + "#DB.NamedQueryContext"},
	{Func: "(*" + sqlx + ".Tx).NamedExec", Kind: ExitSQL, Data: "1,2w:db", Endpoint: "obj:0", Op: "sqlx NamedExec", Source: srcSqlx + "#Tx.NamedExec"},
	{Func: "(*" + sqlx + ".Tx).NamedExecContext", Kind: ExitSQL, Data: "2,3w:db", Endpoint: "obj:0", Op: "sqlx NamedExec", Source: srcSqlx + "#Tx.NamedExecContext"},
	{Func: "(*" + sqlx + ".Tx).NamedQuery", Kind: ExitSQL, Data: "1,2w:db", Endpoint: "obj:0", Op: "sqlx NamedQuery", Source: srcSqlx + "#Tx.NamedQuery"},
	{Func: sqlx + ".NamedExec", Kind: ExitSQL, Data: "1,2w:db", Endpoint: "obj:0", Op: "sqlx NamedExec", Source: srcSqlx + "#NamedExec"},
	{Func: sqlx + ".NamedExecContext", Kind: ExitSQL, Data: "2,3w:db", Endpoint: "obj:1", Op: "sqlx NamedExec", Source: srcSqlx + "#NamedExecContext"},
	{Func: sqlx + ".NamedQuery", Kind: ExitSQL, Data: "1,2w:db", Endpoint: "obj:0", Op: "sqlx NamedQuery", Source: srcSqlx + "#NamedQuery"},
	{Func: sqlx + ".NamedQueryContext", Kind: ExitSQL, Data: "2,3w:db", Endpoint: "obj:1", Op: "sqlx NamedQuery", Source: srcSqlx + "#NamedQueryContext"},
}

// popExits: a Connection's writes send the model's columns; a Query's
// reads and executions send its conditions and arguments (what Where and
// RawQuery put into it), Find also the key it is given.
func popExits(pkg, src string) []ExitModel {
	c := "(*" + pkg + ".Connection)."
	q := "(*" + pkg + ".Query)."
	var out []ExitModel
	for _, name := range []string{"Create", "ValidateAndCreate", "Update", "ValidateAndUpdate", "Save", "ValidateAndSave"} {
		out = append(out, ExitModel{Func: c + name, Kind: ExitSQL, Data: "1w:db", Endpoint: "obj:0", Op: "pop " + name, Source: src + "#Connection." + name})
	}
	// UpdateColumns and a query's UpdateQuery write the columns they are
	// given (all of them when none is), and the query's conditions.
	out = append(out,
		ExitModel{Func: c + "UpdateColumns", Kind: ExitSQL, Data: "1w:db@2", Endpoint: "obj:0", Op: "pop UpdateColumns", Source: src + "#Connection.UpdateColumns"},
		ExitModel{Func: q + "UpdateQuery", Kind: ExitSQL, Data: "0,1w:db@2", Endpoint: "obj:0", Op: "pop UpdateQuery", Source: src + "#Query.UpdateQuery"},
	)
	out = append(out, ExitModel{Func: c + "Find", Kind: ExitSQL, Data: "2", Endpoint: "obj:0", Op: "pop Find", Source: src + "#Connection.Find"})
	for _, name := range []string{"All", "First", "Last", "Count", "Exists", "Exec", "ExecWithCount", "CountByField"} {
		out = append(out, ExitModel{Func: q + name, Kind: ExitSQL, Data: "0", Endpoint: "obj:0", Op: "pop " + name, Source: src + "#Query." + name})
	}
	out = append(out, ExitModel{Func: q + "Find", Kind: ExitSQL, Data: "0,2", Endpoint: "obj:0", Op: "pop Find", Source: src + "#Query.Find"})
	return out
}

func popModels(pkg, src string) []Model {
	m := "(*" + pkg + ".Model)."
	return []Model{
		{Func: m + "TableName", Flows: "", Source: src + "#Model.TableName"},
		{Func: m + "Alias", Flows: "", Source: src + "#Model.Alias"},
		{Func: m + "IDField", Flows: "", Source: src + "#Model.IDField"},
		{Func: m + "WhereID", Flows: "", Source: src + "#Model.WhereID"},
		{Func: m + "WhereNamedID", Flows: "", Source: src + "#Model.WhereNamedID"},
		// Building a query: the query holds its conditions' arguments.
		{Func: "(*" + pkg + ".Connection).Where", Flows: "1->r; 2+->r", Source: src + "#Connection.Where"},
		{Func: "(*" + pkg + ".Connection).RawQuery", Flows: "1->r; 2+->r", Source: src + "#Connection.RawQuery"},
		{Func: "(*" + pkg + ".Connection).Q", Flows: "", Source: src + "#Connection.Q"},
		{Func: "(*" + pkg + ".Query).Where", Flows: "0->r; 1->r; 2+->r", Source: src + "#Query.Where"},
		{Func: "(*" + pkg + ".Query).RawQuery", Flows: "0->r; 1->r; 2+->r", Source: src + "#Query.RawQuery"},
		{Func: "(*" + pkg + ".Query).Order", Flows: "0->r", Source: src + "#Query.Order"},
		{Func: "(*" + pkg + ".Query).Limit", Flows: "0->r", Source: src + "#Query.Limit"},
		{Func: "(*" + pkg + ".Query).Paginate", Flows: "0->r", Source: src + "#Query.Paginate"},
		{Func: "(*" + pkg + ".Query).Select", Flows: "0->r", Source: src + "#Query.Select"},
		{Func: "(*" + pkg + ".Query).Scope", Flows: "0->r", Source: src + "#Query.Scope"},
		// A delete sends the model's key, which is not user data (an ID).
		{Func: "(*" + pkg + ".Connection).Destroy", Flows: "", Source: src + "#Connection.Destroy"},
	}
}
