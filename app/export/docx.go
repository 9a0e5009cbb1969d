package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/gomutex/godocx"
	"github.com/gomutex/godocx/docx"

	"bcpeditor/app"
)

// WriteDOCX writes the profile as a Word document in the bcp's layout, with
// real headings (Word's navigation pane works), real lists and tables with
// column widths.
func WriteDOCX(w io.Writer, p *app.Profile, cat *app.Catalogue, opt Options) error {
	d, err := newDocx()
	if err != nil {
		return err
	}
	writeDocument(d, p, cat, opt)
	if d.err != nil {
		return fmt.Errorf("Word-document opbouwen: %w", d.err)
	}
	return d.Write(w)
}

func newDocx() (*docxDoc, error) {
	rd, err := godocx.NewDocument()
	if err != nil {
		return nil, fmt.Errorf("Word-document maken: %w", err)
	}
	return &docxDoc{rd: rd}, nil
}

// docxDoc is the document interface over godocx.
type docxDoc struct {
	rd  *docx.RootDoc
	err error
}

func (d *docxDoc) Heading(text string, level int) {
	if _, err := d.rd.AddHeading(text, uint(level)); err != nil && d.err == nil {
		d.err = err
	}
}

func (d *docxDoc) Paragraph(text string) {
	lines := strings.Split(text, "\n")
	p := d.rd.AddParagraph(lines[0])
	for _, l := range lines[1:] {
		r := p.AddRun()
		r.AddBreak(nil)
		p.AddText(l)
	}
}

func (d *docxDoc) Meta(label, value string) {
	p := d.rd.AddEmptyParagraph()
	p.AddText(label + ": ").Bold(true)
	p.AddText(value)
}

func (d *docxDoc) Bullets(items []string) {
	for _, it := range items {
		d.rd.AddParagraph(it).Style("ListBullet")
	}
}

func (d *docxDoc) Numbered(items []string) {
	for _, it := range items {
		d.rd.AddParagraph(it).Style("ListNumber")
	}
}

// Table writes a table; widths are percentages of the text width.
func (d *docxDoc) Table(headers []string, widths []int, rows [][]string) {
	const textWidth = 9000 // twips: A4 with the default margins
	t := d.rd.AddTable()
	t.Style("TableGrid")
	var grid []uint64
	for _, w := range widths {
		grid = append(grid, uint64(textWidth*w/100))
	}
	t.Grid(grid...)
	head := t.AddRow()
	for _, h := range headers {
		head.AddCell().BackgroundColor("E8EEF3").AddEmptyPara().AddText(h).Bold(true)
	}
	for _, r := range rows {
		row := t.AddRow()
		for _, c := range r {
			row.AddCell().AddParagraph(c)
		}
	}
	d.rd.AddEmptyParagraph()
}

func (d *docxDoc) PageBreak() { d.rd.AddPageBreak() }

func (d *docxDoc) Marked(parts []Part) {
	p := d.rd.AddEmptyParagraph()
	for _, part := range parts {
		r := p.AddText(part.Text)
		switch {
		case part.Removed:
			r.Strike(true).Color("A0202A")
		case part.Added:
			r.Highlight("green").Bold(true)
		case part.Shared:
			r.Highlight("yellow")
		}
	}
}

func (d *docxDoc) Write(w io.Writer) error {
	if err := d.rd.Write(w); err != nil {
		return fmt.Errorf("Word-document schrijven: %w", err)
	}
	return nil
}
