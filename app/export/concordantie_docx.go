package export

import (
	"fmt"
	"io"

	"github.com/gomutex/godocx"
	"github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"

	"bcpeditor/app/compare"
)

// WriteConcordantieDOCX writes the crosswalk as a Word concordantietabel on
// A4 landscape: a heading, a line on what the table holds, the summary,
// and one table (its header row repeated on every page) with a row per old
// element, its new elements and their strengths, its status, and an empty
// Toelichting column for the designer's notes.
func WriteConcordantieDOCX(w io.Writer, r *compare.Result) error {
	rd, err := godocx.NewDocument()
	if err != nil {
		return fmt.Errorf("Word-document maken: %w", err)
	}
	landscape(rd)
	if _, err := rd.AddHeading(concordantieTitle(r), 1); err != nil {
		return fmt.Errorf("Word-document opbouwen: %w", err)
	}
	rd.AddParagraph(fmt.Sprintf("Per onderdeel van %s de onderdelen van %s waarin de inhoud terugkomt, met de gelijkenis "+
		"van de teksten en de status. Alleen vastgestelde koppelingen staan erin, geen suggesties. De kolom Toelichting is voor uw opmerkingen.",
		profileName(r.Old), profileName(r.New)))
	rd.AddParagraph(compare.SummaryText(r.Summary))
	concordantieTable(rd, concordantieRows(r))
	if err := rd.Write(w); err != nil {
		return fmt.Errorf("Word-document schrijven: %w", err)
	}
	return nil
}

// landscapeText is the width in twips between the margins of an A4 page
// on its side with margins of 2 cm.
const landscapeText = 16838 - 2*1134

// landscape turns the document's pages on their side.
func landscape(rd *docx.RootDoc) {
	w, h := uint64(16838), uint64(11906)
	margin, edge := 1134, 567
	sect := rd.Document.Body.SectPr
	if sect == nil {
		sect = ctypes.NewSectionProper()
		rd.Document.Body.SectPr = sect
	}
	sect.PageSize = &ctypes.PageSize{Width: &w, Height: &h, Orient: stypes.PageOrientLandscape}
	sect.PageMargin = &ctypes.PageMargin{Left: &margin, Right: &margin, Top: &margin, Bottom: &margin, Header: &edge, Footer: &edge}
}

// concordantieTable writes the table: the old element (code, soort and
// title) in one column, each new element and its strength as a paragraph
// of its own.
func concordantieTable(rd *docx.RootDoc, rows []concordantieRow) {
	widths := []int{22, 12, 33, 11, 22} // per cent: Oud, Status, Nieuw, Gelijkenis, Toelichting
	t := rd.AddTable()
	t.Style("TableGrid")
	var grid []uint64
	for _, pc := range widths {
		grid = append(grid, uint64(landscapeText*pc/100))
	}
	t.Grid(grid...)
	head := t.AddRow()
	for _, h := range []string{"Oud", "Status", "Nieuw", "Gelijkenis", "Toelichting"} {
		head.AddCell().BackgroundColor("DCE6EF").AddEmptyPara().AddText(h).Bold(true)
	}
	repeat := stypes.OnOffOn
	t.GetCT().RowContents[0].Row.Property.Header = &ctypes.OnOff{Val: &repeat}
	for _, cr := range rows {
		row := t.AddRow()
		old := row.AddCell()
		if cr.Code != "" || cr.Title != "" {
			old.AddEmptyPara().AddText(cr.Kind + " " + cr.Code).Bold(true)
			old.AddParagraph(cr.Title)
		} else {
			old.AddParagraph("—")
		}
		row.AddCell().AddParagraph(cr.Status)
		lines(row.AddCell(), cr.New)
		lines(row.AddCell(), cr.Strength)
		row.AddCell().AddEmptyPara()
	}
}

// lines writes texts as paragraphs of a cell (at least one, as Word wants).
func lines(c *docx.Cell, texts []string) {
	if len(texts) == 0 {
		c.AddParagraph("—")
		return
	}
	for _, t := range texts {
		c.AddParagraph(t)
	}
}
