// Package privacy pseudonymises identifiers (a policy sanitizer).
package privacy

import (
	"crypto/sha256"
	"encoding/hex"
)

// Token returns a pseudonym for s.
func Token(s string) string {
	sum := sha256.Sum256([]byte("pepper:" + s))
	return hex.EncodeToString(sum[:8])
}
