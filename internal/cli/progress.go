package cli

import (
	"fmt"
	"io"
	"os"
	"sort"
	"sync"
	"time"

	"golang.org/x/term"
	"golang.org/x/tools/go/packages"
)

// Progress on a terminal: a scan that takes more than progressDelay shows,
// on standard error, one line it rewrites as it goes: the packages done of
// those to analyse, the time so far, and the package in flight that has
// taken longest. Nothing when standard error is not a terminal (CI logs,
// redirections), so that the outputs stay clean; the line is erased when
// the scan is done, before anything else is written.

const (
	progressDelay = 2 * time.Second
	progressTick  = 250 * time.Millisecond
)

// progress is a driver.Tracker that draws the line.
type progress struct {
	w     io.Writer
	width int // the terminal's columns; 0: unknown
	now   func() time.Time
	start time.Time

	mu       sync.Mutex
	counted  bool // Total was called: the packages are listed
	total    int
	done     int
	inFlight map[string]time.Time // package ID -> when it started
	drawn    bool                 // a line is on the screen
	stop     chan struct{}
	stopped  chan struct{}
	once     sync.Once
}

// newProgress returns the progress line for a scan writing its diagnostics
// to stderr, or nil when stderr is not a terminal.
func newProgress(stderr io.Writer) *progress {
	f, ok := stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		width = 0
	}
	p := &progress{w: stderr, width: width, now: time.Now, inFlight: make(map[string]time.Time),
		stop: make(chan struct{}), stopped: make(chan struct{})}
	p.start = p.now()
	go p.loop()
	return p
}

func (p *progress) loop() {
	defer close(p.stopped)
	t := time.NewTicker(progressTick)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
			p.draw()
		}
	}
}

// Total, Start and Done implement driver.Tracker.
func (p *progress) Total(n int) {
	p.mu.Lock()
	p.total, p.counted = n, true
	p.mu.Unlock()
}

func (p *progress) Start(pkg *packages.Package) {
	p.mu.Lock()
	p.inFlight[pkg.ID] = p.now()
	p.mu.Unlock()
}

func (p *progress) Done(pkg *packages.Package) {
	p.mu.Lock()
	delete(p.inFlight, pkg.ID)
	p.done++
	p.mu.Unlock()
}

// draw rewrites the line, once the scan has taken progressDelay.
func (p *progress) draw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	elapsed := now.Sub(p.start)
	if elapsed < progressDelay {
		return
	}
	longest, since := "", time.Duration(0)
	ids := make([]string, 0, len(p.inFlight))
	for id := range p.inFlight {
		ids = append(ids, id)
	}
	sort.Strings(ids) // the first of equals, whatever the map's order
	for _, id := range ids {
		if d := now.Sub(p.inFlight[id]); longest == "" || d > since {
			longest, since = id, d
		}
	}
	line := formatProgress(p.done, p.total, elapsed, longest, since, p.width)
	if !p.counted {
		line = formatProgress(-1, 0, elapsed, "", 0, p.width)
	}
	fmt.Fprintf(p.w, "\r%s\x1b[K", line)
	p.drawn = true
}

// finish stops the line and erases it.
func (p *progress) finish() {
	if p == nil {
		return
	}
	p.once.Do(func() {
		close(p.stop)
		<-p.stopped
		p.mu.Lock()
		defer p.mu.Unlock()
		if p.drawn {
			fmt.Fprint(p.w, "\r\x1b[K")
		}
	})
}

// formatProgress is the progress line: "datagate: 312/1109 packages, 14s;
// longest in flight: example.com/big (9s)" ("datagate: listing packages,
// 3s" while done is negative), cut to width columns (when known) so that
// it never wraps (a wrapped line cannot be rewritten).
func formatProgress(done, total int, elapsed time.Duration, longest string, since time.Duration, width int) string {
	line := fmt.Sprintf("datagate: %d/%d packages, %s", done, total, seconds(elapsed))
	if done < 0 { // before the packages are listed
		line = "datagate: listing packages, " + seconds(elapsed)
	}
	if longest != "" {
		line += fmt.Sprintf("; longest in flight: %s (%s)", longest, seconds(since))
	}
	if r := []rune(line); width > 1 && len(r) > width-1 {
		line = string(r[:width-2]) + "…"
	}
	return line
}

// seconds writes a duration in whole seconds below ten minutes, else in
// minutes and seconds.
func seconds(d time.Duration) string {
	s := int(d.Seconds())
	if s < 600 {
		return fmt.Sprintf("%ds", s)
	}
	return fmt.Sprintf("%dm%02ds", s/60, s%60)
}
