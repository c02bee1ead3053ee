package knowledge

// stdSQL: database/sql and database/sql/driver, but the exits
// (exits.go) and the objects that remember their database (creators.go).
// A statement holds its query text; scanning a row fills the destinations
// with what the row holds.
var stdSQL = []Model{
	// database/sql.
	{Func: "(*database/sql.DB).Prepare", Flows: "1->r", Source: doc("database/sql#DB.Prepare")},
	{Func: "(*database/sql.DB).PrepareContext", Flows: "2->r", Source: doc("database/sql#DB.PrepareContext")},
	{Func: "(*database/sql.Tx).Prepare", Flows: "1->r", Source: doc("database/sql#Tx.Prepare")},
	{Func: "(*database/sql.Tx).PrepareContext", Flows: "2->r", Source: doc("database/sql#Tx.PrepareContext")},
	{Func: "(*database/sql.Conn).PrepareContext", Flows: "2->r", Source: doc("database/sql#Conn.PrepareContext")},
	{Func: "(*database/sql.Row).Scan", Flows: "0->1", Source: doc("database/sql#Row.Scan")},
	{Func: "(*database/sql.Rows).Scan", Flows: "0->1", Source: doc("database/sql#Rows.Scan")},
	{Func: "(*database/sql.Rows).Next", Flows: "", Source: doc("database/sql#Rows.Next")},
	{Func: "(*database/sql.Rows).Close", Flows: "", Source: doc("database/sql#Rows.Close")},
	{Func: "(*database/sql.Rows).Err", Flows: "", Source: doc("database/sql#Rows.Err")},
	{Func: "(*database/sql.Row).Err", Flows: "", Source: doc("database/sql#Row.Err")},
	{Func: "database/sql.Named", Flows: "0->r; 1->r", Source: doc("database/sql#Named")},
	{Func: "(database/sql.Scanner).Scan", Flows: "1w->0", Source: doc("database/sql#Scanner.Scan")},
	{Func: "(*database/sql.NullString).Scan", Flows: "1w->0", Source: doc("database/sql#NullString.Scan")},
	{Func: "(database/sql.NullString).Value", Flows: "0->r", Source: doc("database/sql#NullString.Value")},

	// database/sql/driver: values and converters keep the data.
	{Func: "(database/sql/driver.Valuer).Value", Flows: "0->r", Source: doc("database/sql/driver#Valuer.Value")},
	{Func: "(database/sql/driver.ValueConverter).ConvertValue", Flows: "1w->r", Source: doc("database/sql/driver#ValueConverter.ConvertValue")},
	{Func: "(database/sql/driver.Null).ConvertValue", Flows: "1w->r", Source: doc("database/sql/driver#Null.ConvertValue")},
	{Func: "(database/sql/driver.NotNull).ConvertValue", Flows: "1w->r", Source: doc("database/sql/driver#NotNull.ConvertValue")},
	{Func: "(database/sql/driver.Conn).Prepare", Flows: "1->r", Source: doc("database/sql/driver#Conn.Prepare")},
	{Func: "(database/sql/driver.ConnPrepareContext).PrepareContext", Flows: "2->r", Source: doc("database/sql/driver#ConnPrepareContext.PrepareContext")},
}
