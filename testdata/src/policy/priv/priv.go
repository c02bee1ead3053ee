// Package priv has the policy's sanitizer and a propagator.
package priv

import (
	"crypto/sha256"
	"encoding/hex"
)

func Pseudonymize(s string) string {
	h := sha256.Sum256([]byte("pepper" + s))
	return hex.EncodeToString(h[:])
}

// Render is declared a propagator: its body is replaced by the policy's
// rule (argument 1 to the result).
func Render(tmpl string, v any) string { return tmpl }
