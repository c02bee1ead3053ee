package datagate_test

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/datagate/datagate/analyzers/config"
	"github.com/datagate/datagate/analyzers/datagate"
	"golang.org/x/tools/go/analysis/analysistest"
)

// shapes are the testdata packages of TestShapes.
var shapes = []string{"basic", "heap", "calls", "writers", "exits", "endpoints", "suppress",
	"cross/app", "policy/app", "rpc/app", "hard", "taint/suite", "streams",
	"sdk/aws", "sdk/gcp", "sdk/azure", "sdk/saas", "sdk/stores"}

// recorder is an analysistest.Testing that keeps the errors instead of
// failing: a coarse run is expected to report more than the // want
// comments say.
type recorder struct {
	mu   sync.Mutex
	errs []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// findings runs the analyzer over the shapes with the given work budget
// and returns its findings, as "file:line:col: rule", with whether each is
// reported (not suppressed): the diagnostics and the suppressed findings,
// so that a dropped flow shows even where a directive hides it.
func findings(t *testing.T, workPerInstr int) map[string]bool {
	cfg := config.New()
	cfg.WorkPerInstr = workPerInstr
	var rec recorder
	results := analysistest.Run(&rec, testdata(t), datagate.New(cfg), shapes...)
	for _, e := range rec.errs {
		// Diagnostics that the // want comments do not expect (or miss,
		// or that name more fields than they say: coarse mode may add) are
		// compared below; anything else is a failure to run.
		if !strings.Contains(e, "unexpected diagnostic") && !strings.Contains(e, "no diagnostic was reported") && !strings.Contains(e, "does not match pattern") {
			t.Fatalf("WorkPerInstr=%d: %s", workPerInstr, e)
		}
	}
	if len(results) == 0 {
		t.Fatalf("WorkPerInstr=%d: no results", workPerInstr)
	}
	out := make(map[string]bool)
	coarse := 0 // notes of functions walked coarsely
	for _, r := range results {
		fset := r.Action.Package.Fset
		for _, d := range r.Action.Diagnostics {
			out[fset.Position(d.Pos).String()+": "+d.Category] = true
		}
		res, ok := r.Action.Result.(*datagate.Result)
		if !ok {
			t.Fatalf("WorkPerInstr=%d: %s: result %T", workPerInstr, r.Action, r.Action.Result)
		}
		for _, n := range res.Notes {
			if strings.Contains(n, "walked field-insensitively") {
				coarse++
			}
		}
		for _, f := range res.Findings {
			if f.Suppr == nil {
				continue
			}
			p := f.Flow.Exit.Pos
			k := fmt.Sprintf("%s:%d:%d: %s (suppressed)", p.File, p.Line, p.Col, f.Rule)
			out[k] = true
		}
	}
	if workPerInstr < 0 && coarse == 0 {
		t.Fatalf("WorkPerInstr=%d: no function was walked coarsely", workPerInstr)
	}
	return out
}

// TestCoarse checks that walking every function field-insensitively (as
// the engine does past a function's work budget) never drops a finding of
// the precise walk over the shapes of TestShapes: coarse mode may only add.
func TestCoarse(t *testing.T) {
	if testing.Short() {
		t.Skip("loads and analyses the shapes twice")
	}
	precise := findings(t, 0)
	coarse := findings(t, -1)
	if len(precise) == 0 {
		t.Fatal("the precise run found nothing")
	}
	var dropped, added []string
	for k := range precise {
		if !coarse[k] {
			dropped = append(dropped, k)
		}
	}
	for k := range coarse {
		if !precise[k] {
			added = append(added, k)
		}
	}
	sort.Strings(dropped)
	sort.Strings(added)
	for _, k := range added {
		t.Logf("coarse only: %s", k)
	}
	t.Logf("%d findings precise, %d coarse (%d added)", len(precise), len(coarse), len(added))
	for _, k := range dropped {
		t.Errorf("coarse mode dropped: %s", k)
	}
}
