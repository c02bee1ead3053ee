package cli

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/packages"

	"github.com/datagate/datagate/internal/driver"
)

func TestWriteTimings(t *testing.T) {
	g := &driver.Graph{All: []*driver.Action{
		{Package: &packages.Package{ID: "a"}, Duration: 1 * time.Second},
		{Package: &packages.Package{ID: "b"}, Duration: 3 * time.Second},
		{Package: &packages.Package{ID: "c"}, Duration: 2 * time.Second},
	}}
	var b strings.Builder
	writeTimings(&b, g, 2)
	want := "datagate: 3 packages checked and analysed, 6.00s in all (summed over packages); the slowest:\n" +
		"      3.00s  b\n" +
		"      2.00s  c\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}
