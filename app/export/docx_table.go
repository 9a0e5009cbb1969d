package export

import (
	"strings"
	"unicode/utf8"
)

// Table writes a table: a fixed grid over the text width, a shaded header
// row that Word repeats on every page, cells with paragraphs, labels and
// lists (numbered lists starting at 1), short rows kept on one page.
func (d *docxDoc) Table(t table) {
	if len(t.Rows) == 0 {
		return
	}
	if d.newPage {
		d.body.WriteString(paragraphXML(pPr{pageBreakBefore: true, spacing: `<w:spacing w:after="0" w:line="120" w:lineRule="exact"/>`}, ""))
		d.newPage = false
	}
	grid := gridWidths(t.Widths)
	var b strings.Builder
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="BCPTable"/><w:tblW w:w="` + itoa(textWidthTw) + `" w:type="dxa"/>` +
		`<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, g := range grid {
		b.WriteString(`<w:gridCol w:w="` + itoa(g) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	if len(t.Header) > 0 {
		var cells []cell
		for _, h := range t.Header {
			cells = append(cells, cell{Blocks: []block{{Kind: blockLabel, Text: h}}, Shade: true})
		}
		b.WriteString(d.rowXML(cells, grid, true))
	}
	for _, r := range t.Rows {
		b.WriteString(d.rowXML(r, grid, false))
	}
	b.WriteString(`</w:tbl>`)
	d.body.WriteString(b.String())
	// A little room after the table (and two tables never merge).
	d.body.WriteString(paragraphXML(pPr{spacing: `<w:spacing w:after="0" w:line="200" w:lineRule="exact"/>`}, ""))
	d.fresh = false
}

// gridWidths turns percentages into twips over the text width.
func gridWidths(pcts []int) []int {
	total := 0
	for _, p := range pcts {
		total += p
	}
	out := make([]int, len(pcts))
	for i, p := range pcts {
		out[i] = textWidthTw * p / max(total, 1)
	}
	return out
}

func (d *docxDoc) rowXML(cells []cell, grid []int, header bool) string {
	var b strings.Builder
	b.WriteString(`<w:tr>`)
	props := ""
	if rowRunes(cells) < 600 {
		props += `<w:cantSplit/>`
	}
	if header {
		props += `<w:tblHeader/>`
	}
	if props != "" {
		b.WriteString(`<w:trPr>` + props + `</w:trPr>`)
	}
	col := 0
	for _, c := range cells {
		span := max(c.Span, 1)
		width := 0
		for i := col; i < col+span && i < len(grid); i++ {
			width += grid[i]
		}
		col += span
		b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + itoa(width) + `" w:type="dxa"/>`)
		if span > 1 {
			b.WriteString(`<w:gridSpan w:val="` + itoa(span) + `"/>`)
		}
		if c.Shade {
			b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="` + shadeHex + `"/>`)
		}
		b.WriteString(`</w:tcPr>`)
		b.WriteString(d.cellXML(c))
		b.WriteString(`</w:tc>`)
	}
	b.WriteString(`</w:tr>`)
	return b.String()
}

// cellXML writes a cell's blocks; a cell always holds a paragraph.
func (d *docxDoc) cellXML(c cell) string {
	var b strings.Builder
	for _, bl := range c.Blocks {
		switch bl.Kind {
		case blockLabel:
			b.WriteString(paragraphXML(pPr{style: "TableLabel"}, runXML(bl.Text, "")))
		case blockBullets, blockNumbered:
			num := 1
			if bl.Kind == blockNumbered {
				d.numbered++
				num = d.numbered + 1
			}
			for _, it := range bl.Items {
				b.WriteString(paragraphXML(pPr{style: "TableList", numID: num}, runXML(it, "")))
			}
		default:
			b.WriteString(paragraphXML(pPr{style: "TableText"}, runXML(bl.Text, "")))
		}
	}
	if b.Len() == 0 {
		b.WriteString(paragraphXML(pPr{style: "TableText"}, ""))
	}
	return b.String()
}

func rowRunes(cells []cell) int {
	n := 0
	for _, c := range cells {
		for _, bl := range c.Blocks {
			n += utf8.RuneCountInString(bl.Text)
			for _, it := range bl.Items {
				n += utf8.RuneCountInString(it)
			}
		}
	}
	return n
}
