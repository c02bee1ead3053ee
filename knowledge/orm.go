package knowledge

import "slices"

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

func popModels(pkg, src string) []Model {
	m := "(*" + pkg + ".Model)."
	return []Model{
		{Func: m + "TableName", Flows: "", Source: src + "#Model.TableName"},
		{Func: m + "Alias", Flows: "", Source: src + "#Model.Alias"},
		{Func: m + "IDField", Flows: "", Source: src + "#Model.IDField"},
		{Func: m + "WhereID", Flows: "", Source: src + "#Model.WhereID"},
		{Func: m + "WhereNamedID", Flows: "", Source: src + "#Model.WhereNamedID"},
	}
}
