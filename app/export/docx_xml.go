package export

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// WordprocessingML written by hand: the few elements a profile document
// needs, each in the order the schema (ECMA-376) demands, because Word
// refuses a file whose elements are out of order.

// xmlText escapes s for XML content and attributes and drops what XML 1.0
// does not allow (see xmlSafe).
func xmlText(s string) string {
	var b strings.Builder
	for _, r := range xmlSafe(s) {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// xmlSafe drops from s what is no text and what XML 1.0 does not allow:
// control characters other than tab and newline, invalid UTF-8, U+FFFE and
// U+FFFF.
func xmlSafe(s string) string {
	clean := true
	for i, r := range s {
		if !xmlChar(s, i, r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if xmlChar(s, i, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func xmlChar(s string, i int, r rune) bool {
	switch {
	case r == utf8.RuneError && invalidAt(s, i):
		return false
	case r == '\t' || r == '\n':
		return true
	case r < 0x20, r >= 0x7f && r < 0xa0, r == 0xFFFE, r == 0xFFFF:
		return false
	}
	return true
}

// runXML writes text as runs with the given run properties (the inside of
// <w:rPr>, or ""): newlines become line breaks, tabs tabs.
func runXML(text, rPr string) string {
	var b strings.Builder
	props := ""
	if rPr != "" {
		props = "<w:rPr>" + rPr + "</w:rPr>"
	}
	for i, line := range strings.Split(text, "\n") {
		b.WriteString("<w:r>" + props)
		if i > 0 {
			b.WriteString("<w:br/>")
		}
		for j, part := range strings.Split(line, "\t") {
			if j > 0 {
				b.WriteString("<w:tab/>")
			}
			if part != "" {
				b.WriteString(`<w:t xml:space="preserve">` + xmlText(part) + "</w:t>")
			}
		}
		b.WriteString("</w:r>")
	}
	return b.String()
}

// pPr holds the paragraph properties the writer uses, written in schema
// order.
type pPr struct {
	style           string
	keepNext        bool
	pageBreakBefore bool
	numID           int // 0: not a list item
	tabs            string
	spacing         string
	ind             string // a whole <w:ind/>, or ""
	jc              string
}

func (p pPr) xml() string {
	var b strings.Builder
	if p.style != "" {
		b.WriteString(`<w:pStyle w:val="` + p.style + `"/>`)
	}
	if p.keepNext {
		b.WriteString("<w:keepNext/>")
	}
	if p.pageBreakBefore {
		b.WriteString("<w:pageBreakBefore/>")
	}
	if p.numID > 0 {
		b.WriteString(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="` + itoa(p.numID) + `"/></w:numPr>`)
	}
	b.WriteString(p.tabs)
	b.WriteString(p.spacing)
	b.WriteString(p.ind)
	if p.jc != "" {
		b.WriteString(`<w:jc w:val="` + p.jc + `"/>`)
	}
	if b.Len() == 0 {
		return ""
	}
	return "<w:pPr>" + b.String() + "</w:pPr>"
}

// paragraphXML is one paragraph of runs.
func paragraphXML(p pPr, runs string) string {
	return "<w:p>" + p.xml() + runs + "</w:p>"
}

// fieldXML is a complex field (PAGE, NUMPAGES, PAGEREF …) with a cached
// result.
func fieldXML(instr, cached, rPr string) string {
	props := ""
	if rPr != "" {
		props = "<w:rPr>" + rPr + "</w:rPr>"
	}
	return `<w:r>` + props + `<w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r>` + props + `<w:instrText xml:space="preserve"> ` + xmlText(instr) + ` </w:instrText></w:r>` +
		`<w:r>` + props + `<w:fldChar w:fldCharType="separate"/></w:r>` +
		runXML(cached, rPr) +
		`<w:r>` + props + `<w:fldChar w:fldCharType="end"/></w:r>`
}

// invalidAt reports whether s has an invalid UTF-8 byte at i.
func invalidAt(s string, i int) bool {
	_, size := utf8.DecodeRuneInString(s[i:])
	return size == 1
}

func itoa(n int) string { return strconv.Itoa(n) }
