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
// and aanvullende informatie with, for a note from a research (one of
// bronnen, or not in the library), what it rests on. Each sheet has a
// filter, headers that fit and a print setup (see sheet.go).
func WriteXLSX(w io.Writer, p *app.Profile, cat *app.Catalogue, bronnen []*app.Bron) error {
	f, err := newWorkbook(workbookInfo{Title: "Competentiematrix " + p.Title, Subject: p.Beroep, Author: p.Owner,
		Created: stampOrEmpty(p.Created), Modified: stampOrEmpty(p.Modified)})
	if err != nil {
		return err
	}
	sheets := []func(*excelize.File) error{
		func(f *excelize.File) error { return writeMatrixSheet(f, p, cat) },
		func(f *excelize.File) error { return writeLinesSheet(f, p) },
		func(f *excelize.File) error { return writeReviewSheet(f, p, cat, bronnen) },
	}
	for _, write := range sheets {
		if err := write(f); err != nil {
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
func writeLinesSheet(f *excelize.File, p *app.Profile) error {
	kerntaken := p.Structure != app.StructureRollen
	cols := []sheetColumn{{Header: "Rol", Width: 40, Wrap: true}}
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

// writeReviewSheet writes every rating and every aanvullende informatie,
// and for a note from a research the research, the quote, its place,
// whether the rating was read from the report's words, and how.
func writeReviewSheet(f *excelize.File, p *app.Profile, cat *app.Catalogue, bronnen []*app.Bron) error {
	group := "Kerntaak of rol"
	switch p.Structure {
	case app.StructureKerntaken:
		group = "Kerntaak"
	case app.StructureRollen:
		group = "Rol"
	}
	s, err := newTableSheet(f, "Beoordelingen", []sheetColumn{
		{Header: group, Width: 24, Wrap: true}, {Header: "Onderdeel", Width: 14}, {Header: "Nr.", Width: 5},
		{Header: "Tekst", Width: 40, Wrap: true}, {Header: "Soort", Width: 13, Wrap: true}, {Header: "Aansluiting", Width: 14, Wrap: true},
		{Header: "Toelichting", Width: 46, Wrap: true}, {Header: "Bron", Width: 24, Wrap: true}, {Header: "Datum", Width: 10},
		{Header: "Onderzoek", Width: 14, Wrap: true}, {Header: "Citaat", Width: 44, Wrap: true}, {Header: "Vindplaats", Width: 26, Wrap: true},
		{Header: "Uit de tekst gelezen", Width: 10, Wrap: true}, {Header: "Lezing", Width: 36, Wrap: true},
	})
	if err != nil {
		return err
	}
	for _, r := range reviewRows(p, cat) {
		rev := r.Review
		rating := ""
		if rev.Kind == app.ReviewBeoordeling {
			rating = rev.Aansluiting.Label()
		}
		values := []any{r.Group, r.Kind.Label(), r.Code, r.Text, reviewKindLabel(rev.Kind), rating, rev.Toelichting, rev.Source, rev.Date}
		if rev.BronID != "" {
			read := "nee"
			if rev.UitTekst {
				read = "ja"
			}
			values = append(values, researchName(rev.BronID, bronnen), rev.Citaat, rev.Vindplaats, read, rev.Lezing)
		}
		s.AddRow(values...)
	}
	s.FreezeColumns(1)
	s.PrintTitle = p.Title
	return s.Finish()
}

// researchName is how a bron is named in a cell beside the note's own
// source: its kenmerk ("ABD20-022"), or its title when it has none, or a
// plain word when the library lacks it.
func researchName(id string, bronnen []*app.Bron) string {
	b := app.BronByID(bronnen, id)
	switch {
	case b == nil:
		return "onderzoek dat niet in de bibliotheek staat"
	case b.Kenmerk != "":
		return b.Kenmerk
	}
	return b.Titel
}

func lineTexts(ls []*app.Line) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Text)
	}
	return out
}
