package export

import "fmt"

// Remarks and a research's text in the PDF. The embedded DejaVu Sans has
// no oblique face, so a remark is drawn slanted line by line: DejaVu Sans
// Oblique is the regular face slanted the same way, and the bytes stay as
// they are. A research's text gets a bar in the left margin, drawn line by
// line so that it follows the text over a page break.

const (
	asideSize    = 9.5
	asideLineH   = 4.7
	slantDeg     = 11.0 // about DejaVu Sans Oblique's slant
	ruleIndent   = 4.0  // from the margin to a research's text
	ruleWidth    = 0.8
	asideAfter   = 1.2
	paragraphGap = 2.0
	listMarkerW  = 7.0
)

// Aside writes a remark in slanted grey type, on the page of what follows
// it.
func (d *pdfDoc) Aside(text string) {
	d.flush(3 * asideLineH)
	d.pdf.SetFont(pdfFont, "", asideSize)
	lines := d.pdf.SplitText(d.text(text), d.width())
	if !d.fresh && d.room() < float64(len(lines))*asideLineH+3*bodyLineH {
		d.newPage()
	}
	d.pdf.SetTextColor(0x44, 0x54, 0x6a)
	d.writeLines(lines, pdfMargin, asideLineH, true, false)
	d.pdf.SetTextColor(0, 0, 0)
	d.pdf.Ln(asideAfter)
	d.fresh = false
}

// Provenance writes the label slanted and the research's paragraphs, both
// with the bar in the margin.
func (d *pdfDoc) Provenance(label string, bs []block) {
	d.flush(3 * asideLineH)
	x, w := pdfMargin+ruleIndent, d.width()-ruleIndent
	d.pdf.SetFont(pdfFont, "", asideSize)
	lines := d.pdf.SplitText(d.text(label), w)
	if !d.fresh && d.room() < float64(len(lines))*asideLineH+3*bodyLineH {
		d.newPage()
	}
	d.pdf.SetTextColor(0x44, 0x54, 0x6a)
	d.writeLines(lines, x, asideLineH, true, true)
	d.pdf.SetTextColor(0, 0, 0)
	d.gap(asideAfter, true)
	for i, b := range bs {
		more := i < len(bs)-1
		switch b.Kind {
		case blockText, blockLabel:
			style := ""
			if b.Kind == blockLabel {
				style = "B"
			}
			d.pdf.SetFont(pdfFont, style, bodySize)
			d.writeLines(d.pdf.SplitText(d.text(b.Text), w), x, bodyLineH, false, true)
			d.gap(paragraphGap, more)
		case blockBullets:
			d.researchList(b.Items, x, w, func(int) string { return "•" }, more)
		case blockNumbered:
			d.researchList(b.Items, x, w, func(i int) string { return fmt.Sprintf("%d.", i+1) }, more)
		default:
			writeBlocks(d, []block{b})
		}
	}
	d.fresh = false
}

// researchList writes a list in a research's text, beside the bar.
func (d *pdfDoc) researchList(items []string, x, w float64, marker func(int) string, more bool) {
	d.pdf.SetFont(pdfFont, "", bodySize)
	for i, it := range items {
		lines := d.pdf.SplitText(d.text(it), w-listMarkerW)
		if d.room() < bodyLineH {
			d.newPage()
		}
		d.pdf.SetXY(x, d.pdf.GetY())
		d.pdf.CellFormat(listMarkerW, bodyLineH, marker(i), "", 0, "L", false, 0, "")
		d.writeLines(lines, x+listMarkerW, bodyLineH, false, true)
		d.gap(0.8, true)
	}
	d.gap(paragraphGap-0.8, more)
}

// writeLines writes laid-out lines at x, each on a new page when it does
// not fit, slanted and with the bar as asked.
func (d *pdfDoc) writeLines(lines []string, x, lineH float64, slanted, rule bool) {
	for _, line := range lines {
		if d.room() < lineH {
			d.newPage()
		}
		y := d.pdf.GetY()
		if rule {
			d.rule(y, lineH)
		}
		if slanted {
			d.pdf.TransformBegin()
			d.pdf.TransformSkewX(slantDeg, x, y+lineH*0.72) // about the baseline
		}
		d.pdf.SetXY(x, y)
		d.pdf.CellFormat(0, lineH, line, "", 2, "L", false, 0, "")
		if slanted {
			d.pdf.TransformEnd()
		}
	}
	d.fresh = false
}

// gap leaves space below a line, with the bar through it when the text
// goes on.
func (d *pdfDoc) gap(h float64, rule bool) {
	if rule && d.room() > h+bodyLineH {
		d.rule(d.pdf.GetY(), h)
	}
	d.pdf.Ln(h)
}

// rule draws the bar in the margin beside a line.
func (d *pdfDoc) rule(y, h float64) {
	r, g, b := d.pdf.GetDrawColor()
	lw := d.pdf.GetLineWidth()
	d.pdf.SetDrawColor(0x9f, 0xb4, 0xc7)
	d.pdf.SetLineWidth(ruleWidth)
	x := pdfMargin + ruleWidth/2
	d.pdf.Line(x, y, x, y+h)
	d.pdf.SetDrawColor(r, g, b)
	d.pdf.SetLineWidth(lw)
}
