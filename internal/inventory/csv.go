package inventory

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/datagate/datagate/lineage"
)

// csvHeader names the CSV columns: the JSON fields, in the same order.
var csvHeader = []string{
	"field", "category", "kind", "kind_name", "endpoint", "host", "unresolved", "region",
	"allowed", "gateway", "sanitized", "rule", "level", "suppressed",
	"exit", "func", "callee", "via", "via_func", "path_len", "policy",
}

// WriteCSV writes the rows as CSV (RFC 4180, with encoding/csv; records end
// in CRLF): a header, then one record per row, booleans as true and false,
// positions as file:line:col ("" for none).
func WriteCSV(w io.Writer, inv *Inventory) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // RFC 4180 section 2: records end in CRLF
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for i := range inv.Rows {
		r := &inv.Rows[i]
		rec := []string{
			r.Field, r.Category, r.Kind, r.KindName, r.Endpoint, r.Host, r.Unresolved, r.Region,
			strconv.FormatBool(r.Allowed), strconv.FormatBool(r.Gateway), strconv.FormatBool(r.Sanitized),
			r.Rule, r.Level, strconv.FormatBool(r.Suppressed),
			posString(r.Exit), r.Func, r.Callee, posString(r.Via), r.ViaFunc, strconv.Itoa(r.PathLen), r.Policy,
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// posString writes a position as file:line:col, "" when it is not valid.
func posString(p lineage.Position) string {
	if !p.IsValid() {
		return ""
	}
	return p.File + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Col)
}
