// Package viper is a minimal stand-in for github.com/spf13/viper with the
// names the engine's input table uses, so tests run offline.
package viper

// Viper is a configuration registry.
type Viper struct{ m map[string]any }

var v = New()

func New() *Viper { return &Viper{m: map[string]any{}} }

func (v *Viper) Get(key string) any { return v.m[key] }

func (v *Viper) GetString(key string) string {
	s, _ := v.m[key].(string)
	return s
}

func GetString(key string) string { return v.GetString(key) }

func Get(key string) any { return v.Get(key) }

func ReadInConfig() error { return nil }
