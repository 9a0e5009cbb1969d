package export

import (
	"strings"
	"unicode/utf8"
)

// Free text in a profile (algemene informatie, trends, beschrijvingen) is
// plain text: paragraphs separated by a blank line, list lines starting
// with "- ". textBlocks turns it into paragraphs, labels and real lists,
// and recognises the comparison the 2010 BCP draws as a table ("Junior
// accountmanager:" and "Vertegenwoordiger …:" each followed by the same
// "kenmerk: waarde" lines) so that it is a table again.

// textBlocks parses free text into blocks.
func textBlocks(text string) []block {
	var bs []block
	for _, para := range paragraphs(text) {
		bs = append(bs, paragraphBlocks(para)...)
	}
	bs = markLabels(bs)
	return findComparisons(bs)
}

// paragraphs splits a text at blank lines.
func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if strings.TrimSpace(p) != "" {
			out = append(out, strings.Trim(p, "\n"))
		}
	}
	return out
}

// paragraphBlocks splits one paragraph into text and bullet runs.
func paragraphBlocks(para string) []block {
	var bs []block
	var text []string
	var items []string
	flushText := func() {
		if len(text) > 0 {
			bs = append(bs, block{Kind: blockText, Text: strings.Join(text, "\n")})
			text = nil
		}
	}
	flushItems := func() {
		if len(items) > 0 {
			bs = append(bs, block{Kind: blockBullets, Items: items})
			items = nil
		}
	}
	for _, line := range strings.Split(para, "\n") {
		if item, ok := bulletLine(line); ok {
			flushText()
			items = append(items, item)
			continue
		}
		flushItems()
		text = append(text, line)
	}
	flushText()
	flushItems()
	return bs
}

// bulletLine recognises "- tekst", "• tekst" and "* tekst".
func bulletLine(line string) (string, bool) {
	t := strings.TrimLeft(line, " ")
	for _, m := range []string{"- ", "• ", "* ", "– "} {
		if strings.HasPrefix(t, m) {
			return strings.TrimSpace(t[len(m):]), true
		}
	}
	return "", false
}

// markLabels makes a short line ending in a colon that introduces a list
// a label.
func markLabels(bs []block) []block {
	for i := range bs {
		b := &bs[i]
		if b.Kind == blockText && i+1 < len(bs) && bs[i+1].Kind == blockBullets && isLabel(b.Text) {
			b.Kind = blockLabel
		}
	}
	return bs
}

func isLabel(s string) bool {
	return strings.HasSuffix(s, ":") && !strings.Contains(s, "\n") && utf8.RuneCountInString(s) <= 60
}

// findComparisons replaces two or more label+list pairs in a row whose
// lists are equally long and made of "kenmerk: waarde" lines by one table:
// a column per label, a row per kenmerk.
func findComparisons(bs []block) []block {
	var out []block
	for i := 0; i < len(bs); {
		n := comparisonLength(bs[i:])
		if n < 2 {
			out = append(out, bs[i])
			i++
			continue
		}
		t := comparisonTable(bs[i : i+2*n])
		out = append(out, block{Kind: blockTable, Table: &t})
		i += 2 * n
	}
	return out
}

// comparisonLength counts the label+list pairs at the start of bs that
// form one comparison.
func comparisonLength(bs []block) int {
	n := 0
	size := -1
	for i := 0; i+1 < len(bs); i += 2 {
		if bs[i].Kind != blockLabel || bs[i+1].Kind != blockBullets || !allPairs(bs[i+1].Items) {
			break
		}
		if size >= 0 && len(bs[i+1].Items) != size {
			break
		}
		size = len(bs[i+1].Items)
		n++
	}
	if size < 2 {
		return 0
	}
	return n
}

func allPairs(items []string) bool {
	for _, it := range items {
		if _, _, ok := splitPair(it); !ok {
			return false
		}
	}
	return true
}

// splitPair splits "kenmerk: waarde".
func splitPair(s string) (key, value string, ok bool) {
	key, value, ok = strings.Cut(s, ": ")
	return strings.TrimSpace(key), strings.TrimSpace(value), ok && key != "" && value != ""
}

// comparisonTable lays the pairs out; a row's kenmerk is the longest of
// the groups' wordings of it ("Samenwerking" / "Samenwerking met collega's
// (accountteam)").
func comparisonTable(bs []block) table {
	groups := len(bs) / 2
	t := table{Header: []string{""}, Widths: []int{28}}
	for g := 0; g < groups; g++ {
		t.Header = append(t.Header, strings.TrimSuffix(bs[2*g].Text, ":"))
		t.Widths = append(t.Widths, 72/groups)
	}
	for r := range bs[1].Items {
		key := ""
		row := []cell{{}}
		for g := 0; g < groups; g++ {
			k, v, _ := splitPair(bs[2*g+1].Items[r])
			if utf8.RuneCountInString(k) > utf8.RuneCountInString(key) {
				key = k
			}
			row = append(row, textCell(v))
		}
		row[0] = textCell(key).shaded()
		t.Rows = append(t.Rows, row)
	}
	return t
}
