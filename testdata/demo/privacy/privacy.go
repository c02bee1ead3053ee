// Package privacy pseudonymises identifiers before they are shared with
// partners.
package privacy

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"sync"
)

// MinKeyLen is the shortest accepted HMAC key.
const MinKeyLen = 32

var (
	mu  sync.RWMutex
	key []byte
)

// Init sets the HMAC key, taken from the service configuration (the
// PSEUDONYM_KEY secret). It must be called before Pseudonymize.
func Init(k []byte) error {
	if len(k) < MinKeyLen {
		return errors.New("privacy: pseudonymisation key must be at least 32 bytes")
	}
	mu.Lock()
	defer mu.Unlock()
	key = bytes.Clone(k)
	return nil
}

// Pseudonymize returns the hex-encoded HMAC-SHA256 of s under the configured
// key. Without the key, which never leaves the company, a partner cannot link
// the result back to s, yet the same input always maps to the same value, so
// partners can still match records. It panics if Init has not been called.
func Pseudonymize(s string) string {
	mu.RLock()
	k := key
	mu.RUnlock()
	if k == nil {
		panic("privacy: Pseudonymize called before Init")
	}
	mac := hmac.New(sha256.New, k)
	mac.Write([]byte(s)) // hash.Hash.Write never returns an error
	return hex.EncodeToString(mac.Sum(nil))
}
