package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"bcpeditor/app"
)

// WriteXLSX writes an Excel workbook of three table sheets: the
// competentiematrix (werkprocessen or rollen against the competenties of the
// profile's model, an "x" where one is used, with totals per competentie
// and per row), every list line with its kerntaak or rol, and every rating
// and aanvullende informatie. Each sheet has a filter, headers that fit and
// a print setup (see sheet.go).
func WriteXLSX(w io.Writer, p *app.Profile, cat *app.Catalogue) error {
	f, err := newWorkbook(workbookInfo{Title: "Competentiematrix " + p.Title, Subject: p.Beroep, Author: p.Owner,
		Created: stampOrEmpty(p.Created), Modified: stampOrEmpty(p.Modified)})
	if err != nil {
		return err
	}
	for _, write := range []func(*excelize.File, *app.Profile, *app.Catalogue) error{writeMatrixSheet, writeLinesSheet, writeReviewSheet} {
		if err := write(f, p, cat); err != nil {
			f.Close()
			return err
		}
	}
	return writeWorkbook(f, w)
}

// matrixRow is one row of the competentiematrix: a werkproces (with its
// kerntaak) or a rol.
type matrixRow struct {
	group, code, title string
	refs               []*app.CompetentieRef
}

func matrixRows(p *app.Profile) []matrixRow {
	var rows []matrixRow
	for _, k := range p.Kerntaken {
		for _, wp := range k.Werkprocessen {
			rows = append(rows, matrixRow{strings.TrimSpace(k.Code + " " + k.Title), wp.Code, wp.Title, wp.Competenties})
		}
	}
	for _, r := range p.Rollen {
		rows = append(rows, matrixRow{"", r.Code, r.Title, r.Competenties})
	}
	return rows
}

// writeMatrixSheet writes the competentiematrix with a totals column
// (competenties per row) and a totals row (rows per competentie).
func writeMatrixSheet(f *excelize.File, p *app.Profile, cat *app.Catalogue) error {
	var comps []*app.Competentie
	if cat != nil {
		comps = cat.Competenties
	}
	var cols []sheetColumn
	kerntaken := p.Structure != app.StructureRollen
	if kerntaken {
		cols = append(cols, sheetColumn{Header: "Kerntaak", Width: 30, Wrap: true}, sheetColumn{Header: "Code", Width: 6}, sheetColumn{Header: "Werkproces", Width: 38, Wrap: true})
	} else {
		cols = append(cols, sheetColumn{Header: "Code", Width: 6}, sheetColumn{Header: "Rol", Width: 38, Wrap: true})
	}
	first := len(cols) + 1
	for _, c := range comps {
		cols = append(cols, sheetColumn{Header: c.Name, Width: markWidth, Mark: true})
	}
	cols = append(cols, sheetColumn{Header: "Aantal competenties", Width: 11, Sum: true})
	s, err := newTableSheet(f, "Competentiematrix", cols)
	if err != nil {
		return err
	}
	for _, row := range matrixRows(p) {
		used := map[string]bool{}
		for _, ref := range row.refs {
			used[ref.Competentie] = true
		}
		values := []any{row.code, row.title}
		if kerntaken {
			values = append([]any{row.group}, values...)
		}
		for _, c := range comps {
			mark := ""
			if used[c.ID] {
				mark = "x"
			}
			values = append(values, mark)
		}
		r := s.AddRow(values...)
		if len(comps) > 0 {
			s.SetFormula(len(cols), r, fmt.Sprintf(`COUNTIF(%s:%s,"x")`, cellName(first, r), cellName(first+len(comps)-1, r)))
		}
	}
	s.AddTotalRow("Totaal", first-1)
	s.FreezeColumns(first - 1)
	s.PrintTitle = p.Title
	return s.Finish()
}

// writeLinesSheet writes every line of the task tree with the kerntaak and
// werkproces, or the rol, it belongs to.
func writeLinesSheet(f *excelize.File, p *app.Profile, _ *app.Catalogue) error {
	kerntaken := p.Structure != app.StructureRollen
	cols := []sheetColumn{{Header: "Rol", Width: 30, Wrap: true}}
	if kerntaken {
		cols = []sheetColumn{{Header: "Kerntaak", Width: 30, Wrap: true}, {Header: "Werkproces", Width: 30, Wrap: true}}
	}
	cols = append(cols, sheetColumn{Header: "Soort", Width: 20}, sheetColumn{Header: "Nr.", Width: 6}, sheetColumn{Header: "Tekst", Width: 90, Wrap: true})
	s, err := newTableSheet(f, "Lijsten", cols)
	if err != nil {
		return err
	}
	add := func(prefix []any, kind app.Kind, texts []string, codes []string) {
		for i, t := range texts {
			nr := fmt.Sprint(i + 1)
			if codes != nil && codes[i] != "" {
				nr = codes[i]
			}
			s.AddRow(append(append([]any{}, prefix...), kind.Label(), nr, t)...)
		}
	}
	for _, k := range p.Kerntaken {
		kt := strings.TrimSpace(k.Code + " " + k.Title)
		for _, wp := range k.Werkprocessen {
			prefix := []any{kt, strings.TrimSpace(wp.Code + " " + wp.Title)}
			add(prefix, app.KindResultaat, lineTexts(wp.Resultaat), nil)
			add(prefix, app.KindKennis, lineTexts(wp.Kennis), nil)
			add(prefix, app.KindVaardigheid, lineTexts(wp.Vaardigheden), nil)
		}
	}
	for _, r := range p.Rollen {
		prefix := []any{strings.TrimSpace(r.Code + " " + r.Title)}
		var texts, codes []string
		for _, w := range r.Werkzaamheden {
			texts, codes = append(texts, w.Text), append(codes, w.Code)
		}
		add(prefix, app.KindWerkzaamheid, texts, codes)
		add(prefix, app.KindKennisVaardigheid, lineTexts(r.KennisEnVaardigheden), nil)
	}
	s.FreezeColumns(1)
	s.PrintTitle = p.Title
	return s.Finish()
}

// writeReviewSheet writes every rating and every aanvullende informatie.
func writeReviewSheet(f *excelize.File, p *app.Profile, cat *app.Catalogue) error {
	group := "Kerntaak of rol"
	switch p.Structure {
	case app.StructureKerntaken:
		group = "Kerntaak"
	case app.StructureRollen:
		group = "Rol"
	}
	s, err := newTableSheet(f, "Beoordelingen", []sheetColumn{
		{Header: group, Width: 28, Wrap: true}, {Header: "Onderdeel", Width: 16}, {Header: "Nr.", Width: 6},
		{Header: "Tekst", Width: 50, Wrap: true}, {Header: "Soort", Width: 20}, {Header: "Aansluiting", Width: 16},
		{Header: "Toelichting", Width: 60, Wrap: true}, {Header: "Bron", Width: 28, Wrap: true}, {Header: "Datum", Width: 11},
	})
	if err != nil {
		return err
	}
	for _, r := range reviewRows(p, cat) {
		rating := ""
		if r.Review.Kind == app.ReviewBeoordeling {
			rating = r.Review.Aansluiting.Label()
		}
		s.AddRow(r.Group, r.Kind.Label(), r.Code, r.Text, reviewKindLabel(r.Review.Kind), rating, r.Review.Toelichting, r.Review.Source, r.Review.Date)
	}
	s.FreezeColumns(1)
	s.PrintTitle = p.Title
	return s.Finish()
}

func lineTexts(ls []*app.Line) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Text)
	}
	return out
}
