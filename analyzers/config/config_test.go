package config

import (
	"os"
	"testing"
)

func TestTrace(t *testing.T) {
	c := New()
	c.Getenv = func(string) string { return "" }
	if w := c.Trace(); w != nil {
		t.Errorf("Trace() = %v without DATAGATE_DEBUG, want nil", w)
	}
	c.Getenv = func(k string) string {
		if k == "DATAGATE_DEBUG" {
			return "1"
		}
		return ""
	}
	if w := c.Trace(); w != os.Stderr {
		t.Errorf("Trace() = %v with DATAGATE_DEBUG=1, want os.Stderr", w)
	}
}
