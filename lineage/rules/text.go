package rules

import (
	"regexp"
	"strings"
)

// PlainText renders the Markdown the rules' documentation is written in as
// plain text, for `datagate rules ID`, SARIF's help.text and the Analyzer's
// doc. It knows the subset that documentation uses, and no more:
//
//   - blocks separated by blank lines: paragraphs, "### Heading" (becomes
//     "Heading:", its section on the next line), "- item" list items
//     (indented "  - item"), and code fenced with ``` (the fences dropped,
//     the code indented by four spaces, eight inside a list item);
//   - within a line: **strong** and `code` lose their markers, and a link
//     [text](url) keeps its text.
//
// TestPlainText pins the rendering; TestTable checks that no rule's help
// keeps a Markdown marker.
func PlainText(md string) string {
	var b strings.Builder
	lines := strings.Split(strings.TrimRight(md, "\n"), "\n")
	blank := false   // a blank line is pending before the next output line
	heading := false // the last block was a heading
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if strings.TrimSpace(line) == "" {
			blank = !heading && b.Len() > 0
			continue
		}
		indent := len(line) - len(strings.TrimLeft(line, " "))
		text := line[indent:]
		if blank {
			b.WriteString("\n")
			blank = false
		}
		heading = false
		switch {
		case strings.HasPrefix(text, "```"):
			// A fenced block: indented 4 at the top, 8 in a list item.
			pad := "    "
			if indent > 0 {
				pad = "        "
			}
			for i++; i < len(lines); i++ {
				code := lines[i]
				if strings.TrimSpace(code) == "```" {
					break
				}
				code = strings.TrimPrefix(code, strings.Repeat(" ", indent))
				if code == "" {
					b.WriteString("\n")
					continue
				}
				b.WriteString(pad + code + "\n")
			}
		case strings.HasPrefix(text, "### "):
			b.WriteString(inline(strings.TrimPrefix(text, "### ")) + ":\n")
			heading = true
		case strings.HasPrefix(text, "- "):
			b.WriteString("  - " + inline(strings.TrimPrefix(text, "- ")) + "\n")
		case indent > 0:
			// A paragraph continuing a list item.
			b.WriteString("    " + inline(text) + "\n")
		default:
			b.WriteString(inline(text) + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

var (
	mdLink   = regexp.MustCompile(`\[([^\]]+)\]\([^)]+\)`)
	mdStrong = regexp.MustCompile(`\*\*([^*]+)\*\*`)
	mdCode   = regexp.MustCompile("`([^`]+)`")
)

// inline drops the inline Markdown of one line: links keep their text,
// strong and code spans their content.
func inline(s string) string {
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdStrong.ReplaceAllString(s, "$1")
	return mdCode.ReplaceAllString(s, "$1")
}
