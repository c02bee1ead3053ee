//go:build unix

package cli

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/datagate/datagate/internal/testutil"
)

// TestOutputFIFO: the scan's and the lineage command's -o naming a named
// pipe write into the pipe and leave it a pipe.
func TestOutputFIFO(t *testing.T) {
	demo := testutil.Testdata(t, "demo")
	for _, tc := range []struct {
		name string
		args []string
		want string
		code int
	}{
		{"scan", []string{"-C", demo, "-format", "json"}, `"findings"`, ExitFindings},
		{"lineage", []string{"lineage", "-C", demo, "-format", "json"}, `"rows"`, ExitOK},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fifo := filepath.Join(t.TempDir(), "out")
			if err := syscall.Mkfifo(fifo, 0o600); err != nil {
				t.Skipf("mkfifo: %v", err)
			}
			got := make(chan string, 1)
			go func() {
				f, err := os.Open(fifo) // blocks until the command opens it
				if err != nil {
					got <- err.Error()
					return
				}
				defer f.Close()
				b, _ := io.ReadAll(f)
				got <- string(b)
			}()
			args := append(append([]string{}, tc.args...), "-o", fifo, "./...")
			run(t, args...).wantCode(t, tc.code)
			fi, err := os.Stat(fifo)
			if err != nil {
				t.Fatal(err)
			}
			if fi.Mode()&os.ModeNamedPipe == 0 {
				// The reader still waits for a writer: leave it.
				t.Fatalf("%s is no longer a named pipe: %v", fifo, fi.Mode())
			}
			if out := <-got; !strings.Contains(out, tc.want) {
				t.Errorf("read from the pipe: %q, want output holding %s", testutil.Head(out, 5), tc.want)
			}
		})
	}
}
