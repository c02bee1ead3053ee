package report

import (
	"encoding/json"
	"io"

	"github.com/datagate/datagate/lineage"
)

// JSONVersion is the version of the JSON output's shape.
const JSONVersion = 1

// jsonWriter writes the findings as one JSON object:
//
//	{"version": 1, "findings": [...], "errors": [...], "suppressed": N,
//	 "baseline_matched": N, "notes": [...]}
//
// Each finding is a lineage.Finding (rule, level, message, flow,
// suppression) with its fingerprint added; positions are relative to
// Result.Root with forward slashes, columns are Go's byte columns. Field
// order is fixed by the structs below.
type jsonWriter struct{}

type jsonReport struct {
	Version         int                 `json:"version"`
	Findings        []jsonFinding       `json:"findings"`
	Errors          []lineage.ToolError `json:"errors"`
	Suppressed      int                 `json:"suppressed"`
	BaselineMatched int                 `json:"baseline_matched"`
	Notes           []string            `json:"notes,omitempty"`
}

type jsonFinding struct {
	lineage.Finding
	Fingerprint string `json:"fingerprint"`
}

func (jsonWriter) Write(w io.Writer, r *Result) error {
	out := jsonReport{
		Version:         JSONVersion,
		Findings:        []jsonFinding{},
		Errors:          []lineage.ToolError{},
		Suppressed:      suppressedCount(r),
		BaselineMatched: r.BaselineMatched,
		Notes:           r.Notes,
	}
	for _, f := range shown(r) {
		out.Findings = append(out.Findings, jsonFinding{
			Finding:     relFinding(r.Root, f),
			Fingerprint: Fingerprint(&f),
		})
	}
	for _, e := range r.Errors {
		e.Pos = relPos(r.Root, e.Pos)
		out.Errors = append(out.Errors, e)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// relFinding returns a copy of f with every position relative to root. It
// does not modify f.
func relFinding(root string, f lineage.Finding) lineage.Finding {
	fl := &f.Flow
	fl.Labels = append([]lineage.Label(nil), fl.Labels...)
	for i := range fl.Labels {
		fl.Labels[i].Decl = relPos(root, fl.Labels[i].Decl)
	}
	if fl.Labels == nil {
		fl.Labels = []lineage.Label{}
	}
	fl.Exit.Pos = relPos(root, fl.Exit.Pos)
	fl.Endpoints = append([]lineage.Endpoint(nil), fl.Endpoints...)
	for i := range fl.Endpoints {
		fl.Endpoints[i].Def = relPos(root, fl.Endpoints[i].Def)
	}
	if fl.Endpoints == nil {
		fl.Endpoints = []lineage.Endpoint{}
	}
	fl.Path = append([]lineage.Step(nil), fl.Path...)
	for i := range fl.Path {
		fl.Path[i].Pos = relPos(root, fl.Path[i].Pos)
	}
	if fl.Path == nil {
		fl.Path = []lineage.Step{}
	}
	fl.Via = relPos(root, fl.Via)
	if f.Suppr != nil {
		s := *f.Suppr
		s.Pos = relPos(root, s.Pos)
		f.Suppr = &s
	}
	return f
}
