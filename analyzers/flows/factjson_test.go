package flows_test

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/datagate/datagate/analyzers/config"
	"github.com/datagate/datagate/analyzers/flows"
	"github.com/datagate/datagate/analyzers/sources"
	"github.com/datagate/datagate/internal/lazyfact"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestFactsDecodeAsEncodingJSON: every fact the analyzers export on a
// range of test packages (summaries with exits, steps, endpoints and
// pending calls, method sets, queue and field facts, sources' labels)
// decodes through lazyfact, as the standalone driver and go vet read
// facts, to what encoding/json decodes from the same JSON.
func TestFactsDecodeAsEncodingJSON(t *testing.T) {
	dir, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.New()
	// The packages' want comments are for other tests: what this one
	// needs is their facts, so analysistest's complaints are counted.
	var complaints ignored
	results := analysistest.Run(&complaints, dir, flows.New(cfg, sources.New(cfg)),
		"cross/lib", "di/cmd", "queues/app", "hooks/app", "courier/app", "endpoints",
		"basic", "calls", "exits", "fieldfuncs", "heap", "orm", "plumbing", "resolve", "streams", "writers")
	kinds := make(map[string]int)
	for _, r := range results {
		for _, facts := range r.Facts {
			for _, f := range facts {
				typ := reflect.TypeOf(f).Elem()
				kinds[typ.String()]++
				js, err := json.Marshal(f)
				if err != nil {
					t.Fatal(err)
				}
				data, err := lazyfact.Encode(f)
				if err != nil {
					t.Fatal(err)
				}
				want, got := reflect.New(typ).Interface(), reflect.New(typ).Interface()
				if err := json.Unmarshal(js, want); err != nil {
					t.Fatal(err)
				}
				if err := lazyfact.Decode(data, got); err != nil {
					t.Fatalf("%s: %v\n%s", typ, err, js)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s decoded as %+v, encoding/json gives %+v", typ, got, want)
				}
			}
		}
	}
	for _, k := range []string{"flows.SummaryFact", "flows.MethodsFact"} {
		if kinds[k] == 0 {
			t.Errorf("no %s among the facts (%v): the test checks nothing of it", k, kinds)
		}
	}
	t.Logf("facts checked: %v (%d want comments of other tests not checked)", kinds, complaints)
}

// ignored is an analysistest.Testing that counts what it is told.
type ignored int

func (n *ignored) Errorf(string, ...any) { *n++ }
