// Package env is a minimal stand-in for github.com/caarlos0/env/v11: Parse
// fills a struct from the environment, by its env and envPrefix tags.
package env

func Parse(v any) error { return nil }
