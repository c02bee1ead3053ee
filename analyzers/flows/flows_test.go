package flows_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datagate/datagate/analyzers/config"
	"github.com/datagate/datagate/analyzers/flows"
	"github.com/datagate/datagate/analyzers/sources"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestSummaries asserts the summary facts exported for a helper package.
func TestSummaries(t *testing.T) {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.New()
	analysistest.Run(t, dir, flows.New(cfg, sources.New(cfg)), "cross/lib")
}

// TestPendingInterfaceCalls: svc calls interfaces whose implementations
// (vendorx, store) it cannot see; main, which sees both, finishes the
// flows, with the fields each implementation reads (store's Touch reads
// only the ID) and, for a mapper, the columns each call names.
func TestPendingInterfaceCalls(t *testing.T) {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.New()
	results := analysistest.Run(t, dir, flows.New(cfg, sources.New(cfg)), "di/cmd")
	var got []string
	for _, r := range results {
		for _, f := range r.Result.(*flows.Result).Flows {
			got = append(got, fmt.Sprintf("%s:%d %s %v via %s:%d", filepath.Base(f.Exit.Pos.File), f.Exit.Pos.Line,
				f.Exit.Callee, f.Fields(), filepath.Base(f.Via.File), f.Via.Line))
			for _, ep := range f.Endpoints {
				got = append(got, "  "+ep.String())
			}
		}
	}
	want := []string{
		// Store.Touch sends only the ID: the address the user holds does
		// not reach it.
		"store.go:22 net/http.PostForm [di/svc.User.Email] via svc.go:37",
		"  api.mixpanel.com (US)",
		// Store.SaveColumns writes the columns its caller names: only
		// Readdress names the address (Stamp names "seen_at").
		"store.go:30 (*github.com/ory/pop/v6.Query).UpdateQuery [di/svc.User.Email] via svc.go:47",
		"  unresolved (result of (*v6.Connection).Where)",
		"vendorx.go:14 net/http.PostForm [di/svc.User.Email] via svc.go:19",
		"  api.mixpanel.com (US)",
		// Webhook posts to its receiver's configuration, which the
		// pending call does not carry: named by the field, through the
		// implementation's signature (was "parameter 0 of ...").
		"vendorx.go:25 net/http.PostForm [di/svc.User.Email] via svc.go:19",
		"  unresolved (config field Config.URL)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("flows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestNotes: calls with neither a model nor a summary are named in the
// notes (shown with -v) so that a reader can find them: a function value
// by its type and place, a body-less function by its name.
func TestNotes(t *testing.T) {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.New()
	results := analysistest.Run(t, dir, flows.New(cfg, sources.New(cfg)), "notes")
	var got []string
	for _, r := range results {
		got = append(got, r.Result.(*flows.Result).Notes...)
	}
	want := []string{
		"no model or summary: call of a func(string) string value in notes.Notify (notes.go:15)",
		"no model or summary: notes.nanotime",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
