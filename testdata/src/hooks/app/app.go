// Package app sends web hooks the way identity services do: a builder
// encodes the payload, runs it through a template engine reached over an
// interface, sets the result as the body of a request it keeps in a field,
// and hands out a copy bound to the context; a retrying client sends it.
package app

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strings"

	"github.com/ory/x/jsonnetsecure"

	"hooks/retry"
)

type Identity struct {
	ID     string
	Traits json.RawMessage `json:"traits" userdata:"personal"`
}

// VM is a template engine: bind inputs, evaluate.
type VM interface {
	Bind(name, value string)
	Eval(snippet string) (string, error)
}

// localVM evaluates in process; it only substitutes the bound values.
type localVM struct{ vars map[string]string }

func (v *localVM) Bind(name, value string) { v.vars[name] = value }
func (v *localVM) Eval(snippet string) (string, error) {
	out := snippet
	for k, x := range v.vars {
		out = strings.ReplaceAll(out, "$"+k, x)
	}
	return out, nil
}

type Builder struct {
	r   *retry.Request
	vm  func() VM
	tpl string
}

func NewBuilder(url, tpl string) (*Builder, error) {
	r, err := retry.NewRequest("POST", url)
	if err != nil {
		return nil, err
	}
	return &Builder{r: r, tpl: tpl, vm: func() VM { return &localVM{vars: map[string]string{}} }}, nil
}

func (b *Builder) addBody(body any) error {
	buf := &bytes.Buffer{}
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(body); err != nil {
		return err
	}
	vm := b.vm()
	vm.Bind("ctx", buf.String())
	res, err := vm.Eval(b.tpl)
	if err != nil {
		return err
	}
	return b.r.SetBody(io.NopCloser(strings.NewReader(res)))
}

func (b *Builder) Build(ctx context.Context, body any) (*retry.Request, error) {
	if err := b.addBody(body); err != nil {
		return nil, err
	}
	return b.r.WithContext(ctx), nil
}

type hookPayload struct {
	Identity *Identity `json:"identity"`
	Flow     string    `json:"flow"`
}

type WebHook struct {
	client *retry.Client
}

const hookURL = "https://hooks.example-crm.com/identity"

func (h *WebHook) Execute(ctx context.Context, id *Identity) error {
	b, err := NewBuilder(hookURL, "{ traits: $ctx }")
	if err != nil {
		return err
	}
	req, err := b.Build(ctx, &hookPayload{Identity: id, Flow: "registration"})
	if err != nil {
		return err
	}
	resp, err := h.client.Do(req) // want `unknown-region.*app.Identity.Traits`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// SecureHook renders its payload with a VM that evaluates in a worker
// process (the snippet and its inputs go to the worker's standard input,
// the result comes back on its standard output): the tables say the
// result holds what was bound, which no walk of the Go code can see.
type SecureHook struct {
	deps   jsonnetsecure.VMProvider
	client *retry.Client
}

func (h *SecureHook) body(ctx context.Context, body any) (string, error) {
	buf := bytes.NewBuffer(make([]byte, 0, 256))
	enc := json.NewEncoder(buf)
	enc.SetIndent("", "")
	if err := enc.Encode(body); err != nil {
		return "", err
	}
	vm, err := h.deps.JsonnetVM(ctx)
	if err != nil {
		return "", err
	}
	vm.TLACode("ctx", buf.String())
	return vm.EvaluateAnonymousSnippet("hook.jsonnet", "function(ctx) ctx")
}

func (h *SecureHook) Execute(ctx context.Context, id *Identity) error {
	res, err := h.body(ctx, &hookPayload{Identity: id, Flow: "login"})
	if err != nil {
		return err
	}
	r, err := retry.NewRequest("POST", hookURL)
	if err != nil {
		return err
	}
	if err := r.SetBody(io.NopCloser(strings.NewReader(res))); err != nil {
		return err
	}
	resp, err := h.client.Do(r.WithContext(ctx)) // want `unknown-region.*app.Identity.Traits`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// payload is what every hook sends; a hook that runs before the user is
// known leaves Identity unset.
type payload struct {
	Flow     string    `json:"flow"`
	Identity *Identity `json:"identity,omitempty"`
}

func (h *WebHook) send(ctx context.Context, p *payload) error {
	b, err := NewBuilder(hookURL, "{ body: $ctx }")
	if err != nil {
		return err
	}
	req, err := b.Build(ctx, p)
	if err != nil {
		return err
	}
	// A payload may hold an identity: sending it is a finding here, for
	// any caller.
	resp, err := h.client.Do(req) // want `unknown-region.*app.Identity.Traits`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// PreLogin runs before the user is known: no identity is sent.
func (h *WebHook) PreLogin(ctx context.Context, flow string) error {
	return h.send(ctx, &payload{Flow: flow})
}

// PostLogin sends the identity that logged in.
func (h *WebHook) PostLogin(ctx context.Context, flow string, id *Identity) error {
	return h.send(ctx, &payload{Flow: flow, Identity: id}) // want `unknown-region.*app.Identity.Traits`
}

// Lookup fills the payload in a callee first: any field may be set.
func (h *WebHook) Lookup(ctx context.Context, load func(*payload)) error {
	p := &payload{Flow: "lookup"}
	load(p)
	return h.send(ctx, p) // want `unknown-region.*app.Identity.Traits`
}
