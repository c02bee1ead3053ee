// Package jsonnetsecure stands in for github.com/ory/x/jsonnetsecure (its
// import path and the signatures datagate's tables name): a template VM
// behind an interface whose implementation evaluates in a worker process,
// fed on its standard input and read from its standard output.
package jsonnetsecure

import (
	"bufio"
	"context"
	"encoding/json"
	"os/exec"
)

type VM interface {
	EvaluateAnonymousSnippet(filename string, snippet string) (json string, formattedErr error)
	ExtCode(key string, val string)
	ExtVar(key string, val string)
	TLACode(key string, val string)
	TLAVar(key string, val string)
}

type VMProvider interface {
	JsonnetVM(context.Context) (VM, error)
}

type kv struct{ Key, Value string }

type params struct {
	Filename, Snippet string
	TLACodes, ExtVars []kv
}

type worker struct {
	in  chan<- []byte
	out <-chan string
}

func newWorker() (worker, error) {
	cmd := exec.Command("jsonnet-worker")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return worker{}, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return worker{}, err
	}
	if err := cmd.Start(); err != nil {
		return worker{}, err
	}
	in, out := make(chan []byte), make(chan string)
	go func() {
		for b := range in {
			stdin.Write(append(b, 0))
		}
	}()
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			out <- sc.Text()
		}
	}()
	return worker{in: in, out: out}, nil
}

type processVM struct {
	p params
}

func (vm *processVM) EvaluateAnonymousSnippet(filename, snippet string) (string, error) {
	p := vm.p
	p.Filename, p.Snippet = filename, snippet
	b, err := json.Marshal(p)
	if err != nil {
		return "", err
	}
	w, err := newWorker()
	if err != nil {
		return "", err
	}
	w.in <- b
	return <-w.out, nil
}

func (vm *processVM) ExtCode(key, val string) { vm.p.ExtVars = append(vm.p.ExtVars, kv{key, val}) }
func (vm *processVM) ExtVar(key, val string)  { vm.p.ExtVars = append(vm.p.ExtVars, kv{key, val}) }
func (vm *processVM) TLACode(key, val string) { vm.p.TLACodes = append(vm.p.TLACodes, kv{key, val}) }
func (vm *processVM) TLAVar(key, val string)  { vm.p.TLACodes = append(vm.p.TLACodes, kv{key, val}) }

// DefaultProvider makes VMs that evaluate in a worker process.
type DefaultProvider struct{}

func (DefaultProvider) JsonnetVM(context.Context) (VM, error) { return &processVM{}, nil }
