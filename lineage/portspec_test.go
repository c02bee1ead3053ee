package lineage

import "testing"

// TestPortSpec checks the port language of the propagation tables
// (knowledge/models.go), including callback parameters "N(K)" and local
// targets "Nl".
func TestPortSpec(t *testing.T) {
	for spec, want := range map[string]portSpec{
		"r":       {result: true, index: -1, field: -1, format: -1},
		"r1":      {result: true, index: 1, field: -1, format: -1},
		"*":       {all: true, field: -1, format: -1},
		"2":       {index: 2, field: -1, format: -1},
		"1+":      {index: 1, rest: true, field: -1, format: -1},
		"1w":      {index: 1, whole: true, field: -1, format: -1},
		"1w:json": {index: 1, whole: true, enc: "json", field: -1, format: -1},
		"0t":      {index: 0, typed: true, field: -1, format: -1},
		"0.$1":    {index: 0, field: 1, format: -1},
		"0l":      {index: 0, local: true, field: -1, format: -1},
		"2(1)":    {index: 2, callback: true, cb: 1, field: -1, format: -1},
		"1(0)":    {index: 1, callback: true, cb: 0, field: -1, format: -1},
		"1w%0":    {index: 1, whole: true, field: -1, format: 0},
	} {
		if got := mustPort(spec); got != want {
			t.Errorf("%q: got %+v, want %+v", spec, got, want)
		}
	}
	fl := mustFlows("0->2(0); 1->0l; 1w:json->0")
	if len(fl) != 3 || !fl[0].to.callback || fl[0].to.cb != 0 || !fl[1].to.local || fl[2].from.enc != "json" {
		t.Errorf("mustFlows: %+v", fl)
	}
}
