package cli

import (
	"runtime/debug"
	"testing"
)

func TestConfigureRuntime(t *testing.T) {
	oldLimit := debug.SetMemoryLimit(-1)
	oldGC := debug.SetGCPercent(100)
	defer func() {
		debug.SetMemoryLimit(oldLimit)
		debug.SetGCPercent(oldGC)
	}()

	debug.SetMemoryLimit(1 << 40)
	debug.SetGCPercent(100)
	ConfigureRuntime(func(string) string { return "" })
	if got := debug.SetMemoryLimit(-1); got != memoryLimit {
		t.Errorf("memory limit = %d, want %d", got, memoryLimit)
	}
	if got := debug.SetGCPercent(100); got != gcPercent {
		t.Errorf("GC percent = %d, want %d", got, gcPercent)
	}

	debug.SetMemoryLimit(1 << 40)
	ConfigureRuntime(func(k string) string {
		switch k {
		case "GOMEMLIMIT":
			return "4GiB"
		case "GOGC":
			return "100"
		}
		return ""
	})
	if got := debug.SetMemoryLimit(-1); got != 1<<40 {
		t.Errorf("with GOMEMLIMIT set, the limit changed to %d", got)
	}
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC set, the GC percent changed to %d", got)
	}
}
