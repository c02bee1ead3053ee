package knowledge

// stdRuntime: time, randomness, flags, the runtime and expvar. The
// first four hold no user data of a tagged field; an exported variable
// (expvar) holds what was set in it.
var stdRuntime = []Model{
	// No user data.
	{Func: "time.*", Flows: "", Source: doc("time")},
	{Func: "(time.Time).*", Flows: "", Source: doc("time#Time")},
	{Func: "(*time.Time).*", Flows: "", Source: doc("time#Time")},
	{Func: "(time.Duration).*", Flows: "", Source: doc("time#Duration")},
	{Func: "math/rand.*", Flows: "", Source: doc("math/rand")},
	{Func: "math/rand/v2.*", Flows: "", Source: doc("math/rand/v2")},
	{Func: "flag.*", Flows: "", Source: doc("flag")},
	{Func: "runtime.*", Flows: "", Source: doc("runtime")},

	// expvar.
	{Func: "(*expvar.String).Set", Flows: "1->0", Source: doc("expvar#String.Set")},
	{Func: "(*expvar.String).Value", Flows: "0->r", Source: doc("expvar#String.Value")},
	{Func: "(*expvar.String).String", Flows: "0->r", Source: doc("expvar#String.String")},
	{Func: "(*expvar.Map).Set", Flows: "1->0; 2->0", Source: doc("expvar#Map.Set")},
	{Func: "(*expvar.Map).Get", Flows: "0->r", Source: doc("expvar#Map.Get")},
	{Func: "(*expvar.Map).String", Flows: "0->r", Source: doc("expvar#Map.String")},
	{Func: "(expvar.Var).String", Flows: "0->r", Source: doc("expvar#Var.String")},
	{Func: "(expvar.Func).Value", Flows: "0->r", Source: doc("expvar#Func.Value")},
}
