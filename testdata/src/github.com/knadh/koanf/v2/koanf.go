// Package koanf is a minimal stand-in for github.com/knadh/koanf/v2 with
// the names the engine's input table uses, so tests run offline.
package koanf

// Koanf is a configuration instance.
type Koanf struct{ m map[string]any }

func New(delim string) *Koanf { return &Koanf{m: map[string]any{}} }

func (k *Koanf) Get(path string) any { return k.m[path] }

func (k *Koanf) String(path string) string {
	s, _ := k.m[path].(string)
	return s
}

func (k *Koanf) MustString(path string) string { return k.String(path) }
