package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"os"
	"sort"
	"strconv"

	"github.com/datagate/datagate/lineage"
)

// FingerprintKey is the partialFingerprints key under which SARIF results
// carry Fingerprint, and which ReadBaseline reads.
const FingerprintKey = "datagate/v1"

// Fingerprint identifies a finding by what it means rather than where it is,
// so that it survives edits that move code: the SHA-256, in hex, of the
// rule, the function containing the exit, the called function, the sorted
// fields and the sorted endpoints (values, else hosts, else the reasons they
// are unresolved). Findings that are not flows (no fields, no endpoints,
// such as invalid-suppression) are told apart by their message.
//
// Two exits with the same meaning in one function share a fingerprint; a
// baseline treats them as one.
func Fingerprint(f *lineage.Finding) string {
	h := sha256.New()
	write := func(parts ...string) {
		for _, p := range parts {
			writeField(h, p)
		}
	}
	write(FingerprintKey, ruleID(f.Rule), f.Flow.Exit.Func, f.Flow.Exit.Callee)
	if f.Flow.Via.IsValid() && f.Flow.Exit.Pos == f.Flow.Via && f.Flow.ViaFunc != "" {
		// Reported at the call that leads to an exit in a dependency: the
		// calling function is part of its identity, so that a new caller
		// of a baselined exit is a new finding.
		write("via", f.Flow.ViaFunc)
	}

	fields := f.Flow.Fields()
	write("fields", strconv.Itoa(len(fields)))
	write(fields...)

	var eps []string
	for _, e := range f.Flow.Endpoints {
		eps = append(eps, endpointKey(e))
	}
	eps = sortedUnique(eps)
	write("endpoints", strconv.Itoa(len(eps)))
	write(eps...)

	if len(f.Flow.Labels) == 0 && len(f.Flow.Endpoints) == 0 {
		write("message", f.Message)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// writeField writes s length-prefixed, so that no two sequences of fields
// hash alike.
func writeField(h hash.Hash, s string) {
	fmt.Fprintf(h, "%d:%s;", len(s), s)
}

func endpointKey(e lineage.Endpoint) string {
	switch {
	case e.Value != "":
		return "value:" + e.Value
	case e.Host != "":
		return "host:" + e.Host
	}
	return "unresolved:" + e.Unresolved
}

func sortedUnique(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// ReadBaseline reads a SARIF file written by an earlier run and returns the
// set of datagate fingerprints (partialFingerprints "datagate/v1") of its
// results. Results without one are ignored. The error names the file, and
// for malformed JSON the line and column.
func ReadBaseline(path string) (map[string]bool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	var doc struct {
		Runs *[]struct {
			Results []struct {
				PartialFingerprints map[string]any `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			// Offset counts the bytes read, the offending one included.
			line, col := lineCol(data, max(syn.Offset-1, 0))
			return nil, fmt.Errorf("baseline %s:%d:%d: invalid JSON: %w", path, line, col, err)
		}
		return nil, fmt.Errorf("baseline %s: not a SARIF log: %w", path, err)
	}
	if doc.Runs == nil {
		return nil, fmt.Errorf("baseline %s: not a SARIF log: no \"runs\"", path)
	}
	set := make(map[string]bool)
	for _, run := range *doc.Runs {
		for _, res := range run.Results {
			if fp, ok := res.PartialFingerprints[FingerprintKey].(string); ok && fp != "" {
				set[fp] = true
			}
		}
	}
	return set, nil
}

// lineCol converts a byte offset into data to a 1-based line and column.
func lineCol(data []byte, off int64) (line, col int) {
	line, col = 1, 1
	for i := int64(0); i < off && i < int64(len(data)); i++ {
		if data[i] == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}
