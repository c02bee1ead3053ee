package knowledge

const srcJsonnet = "pkg.go.dev/github.com/google/go-jsonnet"

// srcOryJsonnet: Ory's sandboxed Jsonnet VM, an interface whose
// implementation evaluates in a pool of worker processes (the snippet and
// its arguments go to the worker's standard input, the result comes back
// on its standard output), which no walk of the Go code can connect.
const srcOryJsonnet = "pkg.go.dev/github.com/ory/x/jsonnetsecure#VM"

// templateModels: template and configuration-language engines. Values
// bound into the engine (variables, top-level arguments) come out in what
// it evaluates; the evaluation is an interpreter the engine cannot follow
// field by field, so these rows say so directly. text/template and
// html/template are in stdModels.
var templateModels = []Model{
	{Func: "(github.com/ory/x/jsonnetsecure.VM).ExtVar", Flows: "1->0; 2->0", Source: srcOryJsonnet},
	{Func: "(github.com/ory/x/jsonnetsecure.VM).ExtCode", Flows: "1->0; 2->0", Source: srcOryJsonnet},
	{Func: "(github.com/ory/x/jsonnetsecure.VM).TLAVar", Flows: "1->0; 2->0", Source: srcOryJsonnet},
	{Func: "(github.com/ory/x/jsonnetsecure.VM).TLACode", Flows: "1->0; 2->0", Source: srcOryJsonnet},
	{Func: "(github.com/ory/x/jsonnetsecure.VM).EvaluateAnonymousSnippet", Flows: "0->r0; 1->r0; 2->r0", Source: srcOryJsonnet},
	// The implementation NewProcessPoolVM returns (jsonnet_pool.go), for
	// callers that know it is the one: its evaluation is in the worker.
	{Func: "(*github.com/ory/x/jsonnetsecure.processPoolVM).EvaluateAnonymousSnippet", Flows: "0->r0; 1->r0; 2->r0", Source: srcOryJsonnet},
	{Func: "(*github.com/google/go-jsonnet.VM).ExtVar", Flows: "1->0; 2->0", Source: srcJsonnet + "#VM.ExtVar"},
	{Func: "(*github.com/google/go-jsonnet.VM).ExtCode", Flows: "1->0; 2->0", Source: srcJsonnet + "#VM.ExtCode"},
	{Func: "(*github.com/google/go-jsonnet.VM).ExtNode", Flows: "1->0; 2->0", Source: srcJsonnet + "#VM.ExtNode"},
	{Func: "(*github.com/google/go-jsonnet.VM).TLAVar", Flows: "1->0; 2->0", Source: srcJsonnet + "#VM.TLAVar"},
	{Func: "(*github.com/google/go-jsonnet.VM).TLACode", Flows: "1->0; 2->0", Source: srcJsonnet + "#VM.TLACode"},
	{Func: "(*github.com/google/go-jsonnet.VM).TLANode", Flows: "1->0; 2->0", Source: srcJsonnet + "#VM.TLANode"},
	{Func: "(*github.com/google/go-jsonnet.VM).EvaluateAnonymousSnippet", Flows: "0->r0; 1->r0; 2->r0", Source: srcJsonnet + "#VM.EvaluateAnonymousSnippet"},
	{Func: "(*github.com/google/go-jsonnet.VM).EvaluateSnippet", Flows: "0->r0; 1->r0; 2->r0", Source: srcJsonnet + "#VM.EvaluateSnippet"},
	{Func: "(*github.com/google/go-jsonnet.VM).EvaluateFile", Flows: "0->r0; 1->r0", Source: srcJsonnet + "#VM.EvaluateFile"},
	{Func: "(*github.com/google/go-jsonnet.VM).Evaluate", Flows: "0->r0; 1->r0", Source: srcJsonnet + "#VM.Evaluate"},
	{Func: "(*github.com/google/go-jsonnet.VM).EvaluateAnonymousSnippetMulti", Flows: "0->r0; 1->r0; 2->r0", Source: srcJsonnet + "#VM.EvaluateAnonymousSnippetMulti"},
}
