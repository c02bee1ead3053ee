// Package doc extracts an analyzer's documentation from its doc.go.
package doc

import "strings"

// Extract returns the text after the "# Analyzer NAME" heading of a doc.go
// package comment: its first line is the title.
func Extract(src string) string {
	var lines []string
	in := false
	for _, l := range strings.Split(src, "\n") {
		if strings.HasPrefix(l, "package ") {
			break
		}
		l = strings.TrimPrefix(strings.TrimPrefix(l, "//"), " ")
		if strings.HasPrefix(l, "# Analyzer") {
			in = true
			continue
		}
		if in {
			lines = append(lines, l)
		}
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
