package export

import (
	"fmt"
	"io"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"bcpeditor/app"
	"bcpeditor/assets"
)

// WritePDF writes the profile as a PDF with the same content, order and
// numbering as the Word document, in DejaVu Sans (embedded; it has every
// Dutch diacritic). The table of contents has real page numbers: the
// document is laid out twice, the second time with the pages the first
// found. A character the font cannot draw (an emoji) or that is no text (a
// control character) is replaced by a form the font has or left out, and
// the PDF ends with a note saying which.
func WritePDF(w io.Writer, p *app.Profile, cat *app.Catalogue, opt Options) error {
	info := profileInfo(p)
	var rec headingRecorder
	writeDocument(&rec, p, cat, opt)
	first := newPDF(info, rec.entries, nil)
	writeDocument(first, p, cat, opt)
	first.finish()
	if err := first.pdf.Error(); err != nil {
		return fmt.Errorf("PDF opbouwen: %w", err)
	}
	second := newPDF(info, rec.entries, first.pages)
	writeDocument(second, p, cat, opt)
	second.finish()
	return second.Write(w)
}

// pdfDoc is the document interface over fpdf.
type pdfDoc struct {
	pdf    *fpdf.Fpdf
	info   docInfo
	glyphs glyphFilter
	fresh  bool // nothing written on the current page yet

	// The table of contents: its entries, the pages an earlier layout
	// found for them (nil the first time), and this layout's pages and
	// links.
	entries    []tocEntry
	knownPages []int
	pages      []int
	links      []int

	table   *table          // the table being drawn, for its header on a new page
	pending *pendingHeading // a heading waiting for what follows it
}

const (
	pdfFont   = "DejaVu"
	pdfMargin = 20.0
	pdfTop    = 24.0
	bodySize  = 10.0
	bodyLineH = 5.0
	cellSize  = 9.0
	cellLineH = 4.3
)

func newPDF(info docInfo, entries []tocEntry, knownPages []int) *pdfDoc {
	regular, bold := assets.Fonts()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes(pdfFont, "", regular)
	pdf.AddUTF8FontFromBytes(pdfFont, "B", bold)
	pdf.SetMargins(pdfMargin, pdfTop, pdfMargin)
	pdf.SetAutoPageBreak(true, pdfMargin)
	pdf.SetCreator(programName, true)
	pdf.SetProducer(programName, true)
	pdf.SetLang(docLang)
	pdf.AliasNbPages("{nb}")
	pdf.SetCatalogSort(true) // fonts and images in a fixed order: the same bytes every time
	pdf.SetCreationDate(fixedPDFTime)
	pdf.SetModificationDate(fixedPDFTime)
	d := &pdfDoc{pdf: pdf, info: info, entries: entries, knownPages: knownPages, fresh: true}
	pdf.SetTitle(d.glyphs.Clean(info.Title), true)
	pdf.SetSubject(d.glyphs.Clean(info.Subject), true)
	pdf.SetAuthor(d.glyphs.Clean(info.Author), true)
	pdf.SetHeaderFuncMode(d.pageHeader, false)
	pdf.SetFooterFunc(d.pageFooter)
	pdf.AddPage()
	return d
}

// text cleans s for the font (see glyphFilter).
func (d *pdfDoc) text(s string) string { return d.glyphs.Clean(s) }

// pageHeader runs the title and version along the top, from page 2 on,
// and repeats the header row of a table that goes on.
func (d *pdfDoc) pageHeader() {
	if d.pdf.PageNo() == 1 {
		return
	}
	d.pdf.SetY(10)
	d.pdf.SetFont(pdfFont, "", 8)
	d.pdf.SetTextColor(90, 90, 90)
	d.pdf.CellFormat(0, 5, d.text(d.info.Title), "", 0, "L", false, 0, "")
	if d.info.Version != "" {
		d.pdf.SetX(pdfMargin)
		d.pdf.CellFormat(0, 5, d.text("Versie "+d.info.Version), "", 0, "R", false, 0, "")
	}
	d.pdf.SetDrawColor(0x1f, 0x5f, 0x8b)
	d.pdf.SetLineWidth(0.2)
	w, _ := d.pdf.GetPageSize()
	d.pdf.Line(pdfMargin, 15.5, w-pdfMargin, 15.5)
	d.pdf.SetTextColor(0, 0, 0)
	d.pdf.SetXY(pdfMargin, pdfTop)
	if d.table != nil && len(d.table.Header) > 0 {
		d.drawRow(*d.table, headerCells(*d.table), true)
	}
}

// pageFooter is "Pagina x van y", from page 2 on.
func (d *pdfDoc) pageFooter() {
	if d.pdf.PageNo() == 1 {
		return
	}
	d.pdf.SetY(-14)
	d.pdf.SetFont(pdfFont, "", 8)
	d.pdf.SetTextColor(90, 90, 90)
	d.pdf.CellFormat(0, 5, fmt.Sprintf("Pagina %d van {nb}", d.pdf.PageNo()), "", 0, "C", false, 0, "")
	d.pdf.SetTextColor(0, 0, 0)
}

func (d *pdfDoc) width() float64 {
	w, _ := d.pdf.GetPageSize()
	return w - 2*pdfMargin
}

// room is the space left on the page, in mm.
func (d *pdfDoc) room() float64 {
	_, h := d.pdf.GetPageSize()
	return h - pdfMargin - d.pdf.GetY()
}

func (d *pdfDoc) newPage() {
	d.pdf.AddPage()
	d.fresh = true
}

func (d *pdfDoc) TitlePage(t titlePage) {
	d.pdf.SetY(80)
	d.pdf.SetFont(pdfFont, "B", 26)
	d.pdf.SetTextColor(0x1f, 0x5f, 0x8b)
	d.pdf.MultiCell(0, 11, d.text(t.Title), "", "L", false)
	d.pdf.SetTextColor(0, 0, 0)
	y := d.pdf.GetY() + 3
	d.pdf.SetDrawColor(0x1f, 0x5f, 0x8b)
	d.pdf.SetLineWidth(0.6)
	d.pdf.Line(pdfMargin, y, pdfMargin+60, y)
	d.pdf.SetY(y + 6)
	if t.Subtitle != "" {
		d.pdf.SetFont(pdfFont, "", 15)
		d.pdf.MultiCell(0, 8, d.text(t.Subtitle), "", "L", false)
		d.pdf.Ln(8)
	}
	d.pdf.SetFont(pdfFont, "", 12)
	for _, l := range t.Lines {
		d.pdf.MultiCell(0, 7, d.text(l), "", "L", false)
	}
	d.pdf.Ln(10)
	for _, s := range t.Status {
		d.pdf.MultiCell(0, 7, d.text(s), "", "L", false)
	}
	d.newPage()
}

// Contents writes the table of contents: every level 1 and 2 heading with
// dotted leaders to its page, each line a link to the heading.
func (d *pdfDoc) Contents() {
	d.flush(0)
	d.headingText("Inhoud", 1)
	for i, e := range d.entries {
		link := d.pdf.AddLink()
		d.links = append(d.links, link)
		page := ""
		if i < len(d.knownPages) {
			page = fmt.Sprint(d.knownPages[i])
		}
		style, indent := "B", 0.0
		if e.level > 1 {
			style, indent = "", 6
		}
		d.pdf.SetFont(pdfFont, style, bodySize)
		label := d.text(e.text)
		w := d.width() - indent - 12
		for d.pdf.GetStringWidth(label) > w-4 && len([]rune(label)) > 10 {
			label = string([]rune(label)[:len([]rune(label))-2]) + "…"
		}
		y := d.pdf.GetY()
		d.pdf.SetX(pdfMargin + indent)
		d.pdf.CellFormat(w, 6, label, "", 0, "L", false, link, "")
		lw := d.pdf.GetStringWidth(label)
		d.dots(pdfMargin+indent+lw+1, d.width()+pdfMargin-12, y+4.3)
		d.pdf.CellFormat(12, 6, page, "", 1, "R", false, link, "")
	}
	d.fresh = false
}

// dots draws a dotted leader from x1 to x2 at baseline y.
func (d *pdfDoc) dots(x1, x2, y float64) {
	d.pdf.SetDrawColor(150, 150, 150)
	d.pdf.SetLineWidth(0.25)
	d.pdf.SetDashPattern([]float64{0.3, 1.2}, 0)
	if x2 > x1 {
		d.pdf.Line(x1, y, x2, y)
	}
	d.pdf.SetDashPattern(nil, 0)
}

// Heading waits until the block after it is known, so that it can go to
// the next page together with the start of that block.
func (d *pdfDoc) Heading(text string, level int) {
	d.flush(0)
	d.pending = &pendingHeading{text: text, level: level}
}

// pendingHeading is a heading not yet drawn.
type pendingHeading struct {
	text  string
	level int
}

// flush draws the pending heading, first starting a new page when the
// heading and the next mm of what follows do not fit on this one.
func (d *pdfDoc) flush(next float64) {
	h := d.pending
	if h == nil {
		return
	}
	d.pending = nil
	size := headingSizes[min(max(h.level, 0), len(headingSizes)-1)]
	d.pdf.SetFont(pdfFont, "B", size)
	lines := len(d.pdf.SplitText(d.text(h.text), d.width()))
	need := float64(lines)*size*0.5 + size*0.3 + 2 + next
	if h.level <= 1 && !d.fresh || !d.fresh && d.room() < need {
		d.newPage()
	}
	if h.level >= 1 && h.level <= 2 && len(d.pages) < len(d.entries) {
		i := len(d.pages)
		d.pages = append(d.pages, d.pdf.PageNo())
		if i < len(d.links) {
			d.pdf.SetLink(d.links[i], d.pdf.GetY(), -1)
		}
		d.pdf.Bookmark(d.text(h.text), h.level-1, -1)
	}
	d.headingText(h.text, h.level)
}

var headingSizes = []float64{22, 16, 13, 11, 10}

func (d *pdfDoc) headingText(text string, level int) {
	size := headingSizes[min(max(level, 0), len(headingSizes)-1)]
	if !d.fresh {
		d.pdf.Ln(size * 0.3)
	}
	d.pdf.SetFont(pdfFont, "B", size)
	if level <= 2 {
		d.pdf.SetTextColor(0x1f, 0x5f, 0x8b)
	}
	d.pdf.MultiCell(0, size*0.5, d.text(text), "", "L", false)
	d.pdf.SetTextColor(0, 0, 0)
	d.pdf.Ln(1.5)
	d.fresh = false
}

func (d *pdfDoc) Paragraph(text string) {
	d.flush(3 * bodyLineH)
	d.pdf.SetFont(pdfFont, "", bodySize)
	d.pdf.MultiCell(0, bodyLineH, d.text(text), "", "L", false)
	d.pdf.Ln(2)
	d.fresh = false
}

func (d *pdfDoc) Label(text string) {
	d.flush(3 * bodyLineH)
	if !d.fresh && d.room() < 20 {
		d.newPage()
	}
	d.pdf.SetFont(pdfFont, "B", bodySize)
	d.pdf.MultiCell(0, bodyLineH, d.text(text), "", "L", false)
	d.pdf.Ln(0.5)
	d.fresh = false
}

func (d *pdfDoc) list(items []string, marker func(i int) string) {
	if len(items) == 0 {
		return
	}
	d.flush(3 * bodyLineH)
	d.pdf.SetFont(pdfFont, "", bodySize)
	for i, it := range items {
		d.pdf.SetX(pdfMargin + 1)
		d.pdf.CellFormat(7, bodyLineH, marker(i), "", 0, "L", false, 0, "")
		d.pdf.MultiCell(d.width()-8, bodyLineH, d.text(it), "", "L", false)
		d.pdf.Ln(0.8)
	}
	d.pdf.Ln(1.5)
	d.fresh = false
}

func (d *pdfDoc) Bullets(items []string) { d.list(items, func(int) string { return "•" }) }

func (d *pdfDoc) Numbered(items []string) {
	d.list(items, func(i int) string { return fmt.Sprintf("%d.", i+1) })
}

func (d *pdfDoc) PageBreak() {
	d.flush(0)
	if !d.fresh {
		d.newPage()
	}
}

// finish adds the note on left-out characters, if any.
func (d *pdfDoc) finish() {
	d.flush(0)
	if note := d.glyphs.Note(); note != "" {
		d.pdf.Ln(4)
		d.pdf.SetFont(pdfFont, "", 8)
		d.pdf.SetTextColor(90, 90, 90)
		d.pdf.MultiCell(0, 4, note, "T", "L", false)
		d.pdf.SetTextColor(0, 0, 0)
	}
}

func (d *pdfDoc) Write(w io.Writer) error {
	if err := d.pdf.Output(w); err != nil {
		return fmt.Errorf("PDF schrijven: %w", err)
	}
	return nil
}

// headingRecorder is a document that only notes the level 1 and 2
// headings: what the PDF's table of contents will list.
type headingRecorder struct{ entries []tocEntry }

func (r *headingRecorder) TitlePage(titlePage) {}
func (r *headingRecorder) Contents()           {}
func (r *headingRecorder) Heading(text string, level int) {
	if level == 1 || level == 2 {
		r.entries = append(r.entries, tocEntry{level: level, text: strings.TrimSpace(text)})
	}
}
func (r *headingRecorder) Paragraph(string)           {}
func (r *headingRecorder) Label(string)               {}
func (r *headingRecorder) Aside(string)               {}
func (r *headingRecorder) Provenance(string, []block) {}
func (r *headingRecorder) Bullets([]string)           {}
func (r *headingRecorder) Numbered([]string)          {}
func (r *headingRecorder) Table(table)                {}
func (r *headingRecorder) PageBreak()                 {}
func (r *headingRecorder) Write(io.Writer) error      { return nil }
