//go:build !amd64 && !arm64

package asm

func ident(s string) string { return s }
