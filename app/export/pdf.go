package export

import (
	"fmt"
	"io"

	"codeberg.org/go-pdf/fpdf"

	"bcpeditor/app"
	"bcpeditor/assets"
)

// WritePDF writes the profile as a PDF with the same content and order as
// the Word document, in DejaVu Sans (embedded; it has every Dutch
// diacritic).
func WritePDF(w io.Writer, p *app.Profile, cat *app.Catalogue, opt Options) error {
	regular, bold := assets.Fonts()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("DejaVu", "", regular)
	pdf.AddUTF8FontFromBytes("DejaVu", "B", bold)
	pdf.SetMargins(20, 20, 20)
	pdf.SetAutoPageBreak(true, 20)
	pdf.SetTitle(p.Title, true)
	pdf.SetCreator("BCP Editor", true)
	pdf.AliasNbPages("{nb}")
	pdf.SetFooterFunc(func() {
		pdf.SetY(-14)
		pdf.SetFont("DejaVu", "", 8)
		pdf.SetTextColor(110, 110, 110)
		pdf.CellFormat(0, 5, fmt.Sprintf("%s — %s    %d / {nb}", p.Title, p.VersionLabel, pdf.PageNo()), "", 0, "C", false, 0, "")
		pdf.SetTextColor(0, 0, 0)
	})
	pdf.AddPage()
	d := &pdfDoc{pdf: pdf}
	writeDocument(d, p, cat, opt)
	return d.Write(w)
}

// pdfDoc is the document interface over fpdf.
type pdfDoc struct {
	pdf   *fpdf.Fpdf
	fresh bool // nothing written on the current page yet
}

func (d *pdfDoc) width() float64 {
	w, _ := d.pdf.GetPageSize()
	l, _, r, _ := d.pdf.GetMargins()
	return w - l - r
}

func (d *pdfDoc) Heading(text string, level int) {
	sizes := []float64{22, 16, 13, 11.5, 10.5}
	size := sizes[min(level, len(sizes)-1)]
	// Keep a heading with what follows it.
	_, h := d.pdf.GetPageSize()
	_, _, _, bottom := d.pdf.GetMargins()
	if d.pdf.GetY() > h-bottom-30 {
		d.pdf.AddPage()
	}
	d.pdf.Ln(size * 0.35)
	d.pdf.SetFont("DejaVu", "B", size)
	if level == 1 {
		d.pdf.SetTextColor(0x1f, 0x5f, 0x8b)
	}
	d.pdf.MultiCell(0, size*0.5, text, "", "L", false)
	d.pdf.SetTextColor(0, 0, 0)
	d.pdf.Ln(1)
	d.fresh = false
}

func (d *pdfDoc) Paragraph(text string) {
	d.pdf.SetFont("DejaVu", "", 10)
	d.pdf.MultiCell(0, 5, text, "", "L", false)
	d.pdf.Ln(2)
	d.fresh = false
}

func (d *pdfDoc) Meta(label, value string) {
	d.pdf.SetFont("DejaVu", "B", 11)
	d.pdf.CellFormat(max(40, d.pdf.GetStringWidth(label+":")+3), 7, label+":", "", 0, "L", false, 0, "")
	d.pdf.SetFont("DejaVu", "", 11)
	d.pdf.MultiCell(0, 7, value, "", "L", false)
	d.fresh = false
}

func (d *pdfDoc) list(items []string, marker func(i int) string) {
	d.pdf.SetFont("DejaVu", "", 10)
	l, _, _, _ := d.pdf.GetMargins()
	for i, it := range items {
		d.pdf.SetX(l + 2)
		d.pdf.CellFormat(6, 5, marker(i), "", 0, "L", false, 0, "")
		d.pdf.MultiCell(d.width()-8, 5, it, "", "L", false)
	}
	d.pdf.Ln(1.5)
	d.fresh = false
}

func (d *pdfDoc) Bullets(items []string) { d.list(items, func(int) string { return "•" }) }

func (d *pdfDoc) Numbered(items []string) {
	d.list(items, func(i int) string { return fmt.Sprintf("%d.", i+1) })
}

// Table draws a table with wrapped cells; widths are percentages.
func (d *pdfDoc) Table(headers []string, widths []int, rows [][]string) {
	total := d.width()
	ws := make([]float64, len(widths))
	for i, w := range widths {
		ws[i] = total * float64(w) / 100
	}
	const lineH = 4.6
	draw := func(cells []string, header bool) {
		style := ""
		if header {
			style = "B"
		}
		d.pdf.SetFont("DejaVu", style, 9)
		lines := 1
		for i, c := range cells {
			if n := len(d.pdf.SplitText(c, ws[i]-2)); n > lines {
				lines = n
			}
		}
		h := float64(lines)*lineH + 2
		_, pageH := d.pdf.GetPageSize()
		_, _, _, bottom := d.pdf.GetMargins()
		if d.pdf.GetY()+h > pageH-bottom {
			d.pdf.AddPage()
		}
		x, y := d.pdf.GetXY()
		for i, c := range cells {
			if header {
				d.pdf.SetFillColor(0xe8, 0xee, 0xf3)
				d.pdf.Rect(x, y, ws[i], h, "FD")
			} else {
				d.pdf.Rect(x, y, ws[i], h, "D")
			}
			d.pdf.SetXY(x+1, y+1)
			d.pdf.MultiCell(ws[i]-2, lineH, c, "", "L", false)
			x += ws[i]
		}
		l, _, _, _ := d.pdf.GetMargins()
		d.pdf.SetXY(l, y+h)
	}
	draw(headers, true)
	for _, r := range rows {
		draw(r, false)
	}
	d.pdf.Ln(3)
	d.fresh = false
}

func (d *pdfDoc) PageBreak() {
	if d.fresh {
		return
	}
	d.pdf.AddPage()
	d.fresh = true
}

func (d *pdfDoc) Write(w io.Writer) error {
	if err := d.pdf.Output(w); err != nil {
		return fmt.Errorf("PDF schrijven: %w", err)
	}
	return nil
}
