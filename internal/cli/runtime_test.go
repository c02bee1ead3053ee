package cli

import (
	"runtime/debug"
	"testing"
)

func TestConfigureRuntime(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)

	debug.SetMemoryLimit(1 << 40)
	ConfigureRuntime(func(string) string { return "" })
	if got := debug.SetMemoryLimit(-1); got != memoryLimit {
		t.Errorf("memory limit = %d, want %d", got, memoryLimit)
	}
	debug.SetMemoryLimit(1 << 40)
	ConfigureRuntime(func(k string) string {
		if k == "GOMEMLIMIT" {
			return "4GiB"
		}
		return ""
	})
	if got := debug.SetMemoryLimit(-1); got != 1<<40 {
		t.Errorf("with GOMEMLIMIT set, the limit changed to %d", got)
	}
}
