package robust

import (
	"testing"
	"time"

	"github.com/datagate/datagate/internal/testutil"
)

// TestDeterministic scans the demo three times in each format, with one
// and with two threads (GOMAXPROCS 1 and 2; the checker analyses packages
// in parallel), and checks that the outputs are byte-identical (README.md#command-line:
// "Output is deterministic"). The SARIF runs use the demo policy and -show-suppressed, so
// that every kind of result and the suppression are in the bytes compared.
func TestDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("slow (six scans of the demo); left out under -short")
	}
	demo := testutil.CopyTestdata(t, "demo")
	for _, format := range []struct {
		name string
		args []string
	}{
		{"text", []string{"./..."}},
		{"sarif", []string{"-format", "sarif", "-policy", "policy/datagate.yaml", "-show-suppressed", "./..."}},
	} {
		t.Run(format.name, func(t *testing.T) {
			var first *outcome
			for i, procs := range []string{"1", "2", "2"} {
				o := run(t, demo, append([]string{"GOMAXPROCS=" + procs}, offlineEnv...), 3*time.Minute, format.args...)
				checkNoCrash(t, o)
				if o.code != 1 {
					t.Fatalf("%s: exit code %d, want 1\n%s", o, o.code, o.stderr)
				}
				if first == nil {
					first = o
					continue
				}
				if o.stdout != first.stdout {
					t.Errorf("run %d (GOMAXPROCS=%s) differs from run 1 (GOMAXPROCS=1):\n%s", i+1, procs, testutil.FirstDiff(first.stdout, o.stdout))
				}
			}
		})
	}
}
