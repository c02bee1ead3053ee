package knowledge

// stdFmt: fmt. Formatting uses whole values: a struct formats all its
// fields, so a value whose type holds user-data fields carries them all
// (Nw). Printing to standard output is not an exit by default
// (README.md#exits-and-endpoints); printing into a writer the program can read
// back (a buffer, a connection) is a write into it.
var stdFmt = []Model{
	// Formatting into a string or an error.
	{Func: "fmt.Sprintf", Flows: "0->r; 1w%0->r", Source: doc("fmt#Sprintf")},
	{Func: "fmt.Sprint", Flows: "0w->r", Source: doc("fmt#Sprint")},
	{Func: "fmt.Sprintln", Flows: "0w->r", Source: doc("fmt#Sprintln")},
	{Func: "fmt.Errorf", Flows: "0->r; 1w%0->r", Source: doc("fmt#Errorf")},
	{Func: "fmt.Appendf", Flows: "0->r; 1->r; 2w%1->r", Source: doc("fmt#Appendf")},
	{Func: "fmt.Append", Flows: "0->r; 1w->r", Source: doc("fmt#Append")},
	{Func: "fmt.Appendln", Flows: "0->r; 1w->r", Source: doc("fmt#Appendln")},

	// Formatting into a writer.
	{Func: "fmt.Fprintf", Flows: "1->0; 2w%1->0", Source: doc("fmt#Fprintf")},
	{Func: "fmt.Fprint", Flows: "1w->0", Source: doc("fmt#Fprint")},
	{Func: "fmt.Fprintln", Flows: "1w->0", Source: doc("fmt#Fprintln")},
	{Func: "fmt.Printf", Flows: "", Source: doc("fmt#Printf")}, // standard output: not an exit by default (README.md#exits-and-endpoints)
	{Func: "fmt.Println", Flows: "", Source: doc("fmt#Println")},
	{Func: "fmt.Print", Flows: "", Source: doc("fmt#Print")},

	// Scanning: the text read (and the format) fills the variables the
	// arguments point to.
	{Func: "fmt.Sscanf", Flows: "0->2; 1->2", Source: doc("fmt#Sscanf")},
	{Func: "fmt.Sscan", Flows: "0->1", Source: doc("fmt#Sscan")},
	{Func: "fmt.Sscanln", Flows: "0->1", Source: doc("fmt#Sscanln")},
	{Func: "fmt.Fscanf", Flows: "0->2; 1->2", Source: doc("fmt#Fscanf")},
	{Func: "fmt.Fscan", Flows: "0->1", Source: doc("fmt#Fscan")},
	{Func: "fmt.Fscanln", Flows: "0->1", Source: doc("fmt#Fscanln")},
	{Func: "fmt.Scan", Flows: "", Source: doc("fmt#Scan")}, // standard input: no user data of a tagged field
	{Func: "fmt.Scanf", Flows: "", Source: doc("fmt#Scanf")},
	{Func: "fmt.Scanln", Flows: "", Source: doc("fmt#Scanln")},

	// The interfaces formatting calls: a call through them stands for every
	// implementation.
	{Func: "(fmt.Stringer).String", Flows: "0->r", Source: doc("fmt#Stringer.String")},
	{Func: "(fmt.GoStringer).GoString", Flows: "0->r", Source: doc("fmt#GoStringer.GoString")},
	{Func: "(fmt.State).Write", Flows: "1->0", Source: doc("fmt#State.Write")},
	{Func: "(fmt.ScanState).Read", Flows: "0->1", Source: doc("fmt#ScanState.Read")},
	{Func: "(fmt.ScanState).ReadRune", Flows: "0->r0", Source: doc("fmt#ScanState.ReadRune")},
	{Func: "(fmt.ScanState).Token", Flows: "0->r", Source: doc("fmt#ScanState.Token")},
}
