package knowledge

// stdTemplate: text/template and html/template. Executing a template
// writes the data it is given into w, whole (a template may print any
// field); the escapers keep what they escape.
var stdTemplate = []Model{
	// text/template.
	{Func: "(*text/template.Template).Execute", Flows: "2w->1", Source: doc("text/template#Template.Execute")},
	{Func: "(*text/template.Template).ExecuteTemplate", Flows: "3w->1", Source: doc("text/template#Template.ExecuteTemplate")},
	{Func: "text/template.HTMLEscape", Flows: "1->0", Source: doc("text/template#HTMLEscape")},
	{Func: "text/template.HTMLEscapeString", Flows: "0->r", Source: doc("text/template#HTMLEscapeString")},
	{Func: "text/template.HTMLEscaper", Flows: "0w->r", Source: doc("text/template#HTMLEscaper")},
	{Func: "text/template.JSEscape", Flows: "1->0", Source: doc("text/template#JSEscape")},
	{Func: "text/template.JSEscapeString", Flows: "0->r", Source: doc("text/template#JSEscapeString")},
	{Func: "text/template.JSEscaper", Flows: "0w->r", Source: doc("text/template#JSEscaper")},
	{Func: "text/template.URLQueryEscaper", Flows: "0w->r", Source: doc("text/template#URLQueryEscaper")},

	// html/template.
	{Func: "(*html/template.Template).Execute", Flows: "2w->1", Source: doc("html/template#Template.Execute")},
	{Func: "(*html/template.Template).ExecuteTemplate", Flows: "3w->1", Source: doc("html/template#Template.ExecuteTemplate")},
	{Func: "html/template.HTMLEscape", Flows: "1->0", Source: doc("html/template#HTMLEscape")},
	{Func: "html/template.HTMLEscapeString", Flows: "0->r", Source: doc("html/template#HTMLEscapeString")},
	{Func: "html/template.HTMLEscaper", Flows: "0w->r", Source: doc("html/template#HTMLEscaper")},
	{Func: "html/template.JSEscape", Flows: "1->0", Source: doc("html/template#JSEscape")},
	{Func: "html/template.JSEscapeString", Flows: "0->r", Source: doc("html/template#JSEscapeString")},
	{Func: "html/template.JSEscaper", Flows: "0w->r", Source: doc("html/template#JSEscaper")},
	{Func: "html/template.URLQueryEscaper", Flows: "0w->r", Source: doc("html/template#URLQueryEscaper")},
}
