package knowledge

// stdLog: log and log/slog. Logging is not an exit by default
// (README.md#exits-and-endpoints): the package-level functions write to
// standard error and carry nothing on. A *log.Logger writes into the writer
// it was made with: log.New's result stands for that writer (r~0), so what
// is logged through it can be read back from a buffer, or leaves through a
// connection, like any other write.
var stdLog = []Model{
	// Package-level logging: standard error, not an exit by default.
	{Func: "log.*", Flows: "", Source: doc("log")},
	{Func: "log/slog.*", Flows: "", Source: doc("log/slog")},
	{Func: "(*log/slog.Logger).*", Flows: "", Source: doc("log/slog#Logger")},

	// A logger made over a writer writes into it. Only into what this
	// function made (Nl): a logger kept in a field, made elsewhere over
	// standard error, does not make its owner hold what was logged.
	{Func: "log.New", Flows: "", Alias: "r~0", Source: doc("log#New")},
	{Func: "(*log.Logger).Print", Flows: "1w->0l", Source: doc("log#Logger.Print")},
	{Func: "(*log.Logger).Printf", Flows: "1->0l; 2w->0l", Source: doc("log#Logger.Printf")},
	{Func: "(*log.Logger).Println", Flows: "1w->0l", Source: doc("log#Logger.Println")},
	{Func: "(*log.Logger).Fatal", Flows: "1w->0l", Source: doc("log#Logger.Fatal")},
	{Func: "(*log.Logger).Fatalf", Flows: "1->0l; 2w->0l", Source: doc("log#Logger.Fatalf")},
	{Func: "(*log.Logger).Fatalln", Flows: "1w->0l", Source: doc("log#Logger.Fatalln")},
	{Func: "(*log.Logger).Panic", Flows: "1w->0l", Source: doc("log#Logger.Panic")},
	{Func: "(*log.Logger).Panicf", Flows: "1->0l; 2w->0l", Source: doc("log#Logger.Panicf")},
	{Func: "(*log.Logger).Panicln", Flows: "1w->0l", Source: doc("log#Logger.Panicln")},
	{Func: "(*log.Logger).Output", Flows: "2->0l", Source: doc("log#Logger.Output")},
	{Func: "(*log.Logger).SetPrefix", Flows: "1->0l", Source: doc("log#Logger.SetPrefix")},
	{Func: "(*log.Logger).SetOutput", Flows: "0->1l", Source: doc("log#Logger.SetOutput")}, // what the logger held goes with it; later writes are not followed into the new writer
	{Func: "(*log.Logger).Writer", Flows: "0->r", Alias: "r~0", Source: doc("log#Logger.Writer")},
	{Func: "(*log.Logger).*", Flows: "", Source: doc("log#Logger")},
}
