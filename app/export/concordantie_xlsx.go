package export

import (
	"io"
	"strings"

	"bcpeditor/app/compare"
)

// WriteConcordantieXLSX writes the crosswalk as an Excel concordantietabel:
// one table sheet (filter, header that fits, A4 landscape print; see
// sheet.go) with a row per old element, its new elements and their
// strengths one per line, its status, and an empty Toelichting column for
// the designer's notes.
func WriteConcordantieXLSX(w io.Writer, r *compare.Result) error {
	title := concordantieTitle(r)
	f, err := newWorkbook(workbookInfo{Title: title, Subject: r.Old.Beroep, Author: r.New.Owner})
	if err != nil {
		return err
	}
	cols := []sheetColumn{
		{Header: concordantieHeaders[0], Width: 8},
		{Header: concordantieHeaders[1], Width: 12},
		{Header: concordantieHeaders[2], Width: 34, Wrap: true},
		{Header: concordantieHeaders[3], Width: 13},
		{Header: concordantieHeaders[4], Width: 60, Wrap: true},
		{Header: concordantieHeaders[5], Width: 14, Wrap: true},
		{Header: concordantieHeaders[6], Width: 36, Wrap: true},
	}
	s, err := newTableSheet(f, "Concordantietabel", cols)
	if err != nil {
		f.Close()
		return err
	}
	s.PrintTitle = title
	for _, cr := range concordantieRows(r) {
		s.AddRow(cr.Code, cr.Kind, cr.Title, cr.Status, strings.Join(cr.New, "\n"), strings.Join(cr.Strength, "\n"), "")
	}
	s.FreezeColumns(1)
	if err := s.Finish(); err != nil {
		f.Close()
		return err
	}
	return writeWorkbook(f, w)
}
