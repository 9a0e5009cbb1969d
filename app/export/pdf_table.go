package export

import (
	"fmt"
	"time"
)

// fixedPDFTime is the creation time written into every PDF, so the same
// profile gives the same file (fpdf would write the time of export).
var fixedPDFTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// pdfLine is one laid-out line in a table cell.
type pdfLine struct {
	text   string
	bold   bool
	marker string  // list marker, drawn in the indent
	indent bool    // a list item's line
	gap    float64 // space above the line
}

const (
	cellPad    = 1.6
	listIndent = 4.5
)

// cellLines lays out a cell's blocks in lines for a column of width mm.
func (d *pdfDoc) cellLines(c cell, width float64) []pdfLine {
	var out []pdfLine
	inner := width - 2*cellPad
	add := func(text string, bold bool, w float64, marker string, gap float64) {
		indent := w < inner
		style := ""
		if bold {
			style = "B"
		}
		d.pdf.SetFont(pdfFont, style, cellSize)
		for i, l := range d.pdf.SplitText(d.text(text), w) {
			line := pdfLine{text: l, bold: bold, indent: indent}
			if i == 0 {
				line.marker, line.gap = marker, gap
			}
			out = append(out, line)
		}
	}
	for bi, b := range c.Blocks {
		gap := 0.0
		if bi > 0 {
			gap = 1.2
		}
		switch b.Kind {
		case blockLabel:
			add(b.Text, true, inner, "", gap)
		case blockBullets, blockNumbered:
			for i, it := range b.Items {
				marker := "•"
				if b.Kind == blockNumbered {
					marker = fmt.Sprintf("%d.", i+1)
				}
				g := 0.3
				if i == 0 {
					g = gap
				}
				add(it, false, inner-listIndent, marker, g)
			}
		default:
			add(b.Text, c.Shade, inner, "", gap)
		}
	}
	return out
}

func linesHeight(ls []pdfLine) float64 {
	h := 0.0
	for _, l := range ls {
		h += cellLineH + l.gap
	}
	return h
}

// columnWidths turns percentages into mm over the text width.
func (d *pdfDoc) columnWidths(t table) []float64 {
	total := 0
	for _, w := range t.Widths {
		total += w
	}
	out := make([]float64, len(t.Widths))
	for i, w := range t.Widths {
		out[i] = d.width() * float64(w) / float64(max(total, 1))
	}
	return out
}

// headerCells is the header row as cells.
func headerCells(t table) []cell {
	var cells []cell
	for _, h := range t.Header {
		cells = append(cells, cell{Blocks: []block{{Kind: blockLabel, Text: h}}, Shade: true})
	}
	return cells
}

// Table draws a table: a shaded header row repeated on every page, rows
// kept on one page when they fit on one, longer rows continued on the
// next page.
func (d *pdfDoc) Table(t table) {
	if len(t.Rows) == 0 {
		return
	}
	d.flush(d.firstRowHeight(t))
	// Rows break pages themselves; fpdf must not break inside a cell.
	d.pdf.SetAutoPageBreak(false, pdfMargin)
	defer d.pdf.SetAutoPageBreak(true, pdfMargin)
	if len(t.Header) > 0 {
		if d.room() < 25 {
			d.newPage()
		}
		d.drawRow(t, headerCells(t), true)
	}
	d.table = &t
	for _, r := range t.Rows {
		d.drawRow(t, r, false)
	}
	d.table = nil
	d.pdf.Ln(3)
	d.fresh = false
}

// firstRowHeight is what must fit below a heading for the table to start
// under it: the header and the first row, when that row fits on a page.
func (d *pdfDoc) firstRowHeight(t table) float64 {
	h := 0.0
	for _, cells := range [][]cell{headerCells(t), t.Rows[0]} {
		row := 0.0
		for _, ls := range d.layoutRow(t, cells).lines {
			row = max(row, linesHeight(ls)+2*cellPad)
		}
		h += row
	}
	_, pageH := d.pdf.GetPageSize()
	return min(h, (pageH-pdfMargin-pdfTop)*0.6)
}

// rowLayout is a row's cells with their x, width and lines.
type rowLayout struct {
	x, w  []float64
	lines [][]pdfLine
	cells []cell
}

func (d *pdfDoc) layoutRow(t table, cells []cell) rowLayout {
	widths := d.columnWidths(t)
	var l rowLayout
	x, col := pdfMargin, 0
	for _, c := range cells {
		span := max(c.Span, 1)
		w := 0.0
		for i := col; i < col+span && i < len(widths); i++ {
			w += widths[i]
		}
		col += span
		l.x, l.w = append(l.x, x), append(l.w, w)
		l.lines = append(l.lines, d.cellLines(c, w))
		l.cells = append(l.cells, c)
		x += w
	}
	return l
}

// drawRow draws one row, over several pages when it must.
func (d *pdfDoc) drawRow(t table, cells []cell, header bool) {
	l := d.layoutRow(t, cells)
	full := 0.0
	for _, ls := range l.lines {
		full = max(full, linesHeight(ls))
	}
	full += 2 * cellPad
	_, pageH := d.pdf.GetPageSize()
	body := pageH - pdfMargin - pdfTop
	if !header && (full <= body*0.6 && full > d.room() || d.room() < 2*cellLineH+2*cellPad) {
		d.newPage() // the header comes with the page
	}
	next := make([]int, len(l.lines))
	for {
		y := d.pdf.GetY()
		h, done := d.drawChunk(l, next, y, d.room())
		d.pdf.SetXY(pdfMargin, y+h)
		d.fresh = false
		if done || header {
			return
		}
		d.newPage()
	}
}

// drawChunk draws what fits of the row's remaining lines in room mm and
// reports the height used and whether the row is complete.
func (d *pdfDoc) drawChunk(l rowLayout, next []int, y, room float64) (float64, bool) {
	h := 0.0
	ends := make([]int, len(next))
	for i, ls := range l.lines {
		used := 2 * cellPad
		j := next[i]
		for ; j < len(ls); j++ {
			step := cellLineH + ls[j].gap
			if used+step > room && j > next[i] {
				break
			}
			used += step
		}
		ends[i] = j
		h = max(h, used)
	}
	done := true
	for i := range l.lines {
		d.drawCellBox(l, i, y, h)
		d.drawLines(l.lines[i][next[i]:ends[i]], l.x[i]+cellPad, y+cellPad)
		next[i] = ends[i]
		if next[i] < len(l.lines[i]) {
			done = false
		}
	}
	return h, done
}

func (d *pdfDoc) drawCellBox(l rowLayout, i int, y, h float64) {
	d.pdf.SetDrawColor(0x9f, 0xb4, 0xc7)
	d.pdf.SetLineWidth(0.2)
	style := "D"
	if l.cells[i].Shade {
		d.pdf.SetFillColor(0xdc, 0xe6, 0xef)
		style = "FD"
	}
	d.pdf.Rect(l.x[i], y, l.w[i], h, style)
}

func (d *pdfDoc) drawLines(ls []pdfLine, x, y float64) {
	for _, line := range ls {
		y += line.gap
		style := ""
		if line.bold {
			style = "B"
		}
		d.pdf.SetFont(pdfFont, style, cellSize)
		tx := x
		if line.indent {
			tx = x + listIndent
		}
		if line.marker != "" {
			d.pdf.SetXY(x, y)
			d.pdf.CellFormat(listIndent, cellLineH, line.marker, "", 0, "L", false, 0, "")
		}
		d.pdf.SetXY(tx, y)
		d.pdf.CellFormat(0, cellLineH, line.text, "", 0, "L", false, 0, "")
		y += cellLineH
	}
}
