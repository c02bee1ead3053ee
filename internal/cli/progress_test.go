package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/packages"
)

func TestFormatProgress(t *testing.T) {
	for _, c := range []struct {
		done, total    int
		elapsed, since time.Duration
		longest        string
		width          int
		want           string
	}{
		{3, 10, 2500 * time.Millisecond, 0, "", 0, "datagate: 3/10 packages, 2s"},
		{312, 1109, 14 * time.Second, 9 * time.Second, "modernc.org/sqlite/lib", 0,
			"datagate: 312/1109 packages, 14s; longest in flight: modernc.org/sqlite/lib (9s)"},
		{312, 1109, 14 * time.Second, 9 * time.Second, "modernc.org/sqlite/lib", 40,
			"datagate: 312/1109 packages, 14s; long…"},
		{1100, 1109, 754 * time.Second, 61 * time.Second, "a/b", 0,
			"datagate: 1100/1109 packages, 12m34s; longest in flight: a/b (61s)"},
		{-1, 0, 3 * time.Second, 0, "", 0, "datagate: listing packages, 3s"},
	} {
		got := formatProgress(c.done, c.total, c.elapsed, c.longest, c.since, c.width)
		if got != c.want {
			t.Errorf("formatProgress(%d, %d, %v, %q, %v, %d) = %q, want %q", c.done, c.total, c.elapsed, c.longest, c.since, c.width, got, c.want)
		}
		if c.width > 0 && len([]rune(got)) >= c.width {
			t.Errorf("%q is %d columns wide, not less than %d", got, len([]rune(got)), c.width)
		}
	}
}

// TestProgressDraws drives the line with a fake clock: nothing before two
// seconds, then the line with the longest package in flight, erased at
// the end.
func TestProgressDraws(t *testing.T) {
	var b strings.Builder
	clock := time.Unix(1000, 0)
	p := &progress{w: &b, now: func() time.Time { return clock }, start: clock, inFlight: make(map[string]time.Time)}
	clock = clock.Add(progressDelay)
	p.draw()
	if want := "\rdatagate: listing packages, 2s\x1b[K"; b.String() != want {
		t.Errorf("line %q, want %q", b.String(), want)
	}
	b.Reset()
	clock = clock.Add(-progressDelay)
	p.Total(3)
	p.Start(&packages.Package{ID: "a"})
	clock = clock.Add(time.Second)
	p.Start(&packages.Package{ID: "b"})
	p.draw()
	if b.Len() != 0 {
		t.Fatalf("drawn before %v: %q", progressDelay, b.String())
	}
	clock = clock.Add(2 * time.Second)
	p.Done(&packages.Package{ID: "c"})
	p.draw()
	if want := "\rdatagate: 1/3 packages, 3s; longest in flight: a (3s)\x1b[K"; b.String() != want {
		t.Errorf("line %q, want %q", b.String(), want)
	}
	p.stop, p.stopped = make(chan struct{}), make(chan struct{})
	close(p.stopped)
	b.Reset()
	p.finish()
	if b.String() != "\r\x1b[K" {
		t.Errorf("finish wrote %q, want the line erased", b.String())
	}
}

// TestProgressSilentOffTerminal: standard error that is a file, a pipe or
// a buffer gets no progress line, however long the scan.
func TestProgressSilentOffTerminal(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	for _, stderr := range []any{f, w, &strings.Builder{}, nil} {
		var p *progress
		switch s := stderr.(type) {
		case *os.File:
			p = newProgress(s)
		case *strings.Builder:
			p = newProgress(s)
		case nil:
			p = newProgress(nil)
		}
		if p != nil {
			t.Errorf("newProgress(%T) made a progress line", stderr)
		}
	}
	// A whole scan with standard error in a file writes nothing but what
	// -v asks for.
	o := runStderrFile(t, f, "-C", "../../testdata/demo", "./...")
	if strings.Contains(o, "packages,") || strings.Contains(o, "\r") {
		t.Errorf("a scan wrote a progress line to a file:\n%q", o)
	}
}

// runStderrFile runs the command with standard error going to f and
// returns what it wrote there.
func runStderrFile(t *testing.T, f *os.File, args ...string) string {
	t.Helper()
	var stdout strings.Builder
	mainWith(args, &stdout, f, &scanHooks{load: sharedLoad})
	data, err := os.ReadFile(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
