package export

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"bcpeditor/app"
)

// WriteXLSX writes an Excel workbook: the competentiematrix (werkprocessen
// or rollen against the competenties of the profile's model, an "x" where
// one is used), a sheet with every list line, and one with the ratings.
func WriteXLSX(w io.Writer, p *app.Profile, cat *app.Catalogue) error {
	f := excelize.NewFile()
	defer f.Close()
	const matrix = "Competentiematrix"
	if err := f.SetSheetName("Sheet1", matrix); err != nil {
		return err
	}
	type row struct {
		code, title string
		refs        []*app.CompetentieRef
	}
	var rows []row
	for _, k := range p.Kerntaken {
		for _, wp := range k.Werkprocessen {
			rows = append(rows, row{wp.Code, wp.Title, wp.Competenties})
		}
	}
	for _, r := range p.Rollen {
		rows = append(rows, row{r.Code, r.Title, r.Competenties})
	}
	var comps []*app.Competentie
	if cat != nil {
		comps = cat.Competenties
	}
	head, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"E8EEF3"}, Pattern: 1},
		Alignment: &excelize.Alignment{TextRotation: 90, Vertical: "bottom", Horizontal: "center"}})
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"E8EEF3"}, Pattern: 1}})
	center, _ := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center"}})
	wrap, _ := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	label := "Werkproces"
	if p.Structure == app.StructureRollen {
		label = "Rol"
	}
	set := func(sheet string, col, r int, v any) {
		cell, _ := excelize.CoordinatesToCellName(col, r)
		f.SetCellValue(sheet, cell, v)
	}
	set(matrix, 1, 1, "Code")
	set(matrix, 2, 1, label)
	for j, c := range comps {
		set(matrix, j+3, 1, c.Name)
	}
	if len(comps) > 0 {
		last, _ := excelize.CoordinatesToCellName(len(comps)+2, 1)
		f.SetCellStyle(matrix, "C1", last, head)
		lastCol, _ := excelize.ColumnNumberToName(len(comps) + 2)
		f.SetColWidth(matrix, "C", lastCol, 4.5)
		f.SetRowHeight(matrix, 1, 190)
	}
	f.SetCellStyle(matrix, "A1", "B1", bold)
	f.SetColWidth(matrix, "A", "A", 8)
	f.SetColWidth(matrix, "B", "B", 48)
	for i, r := range rows {
		set(matrix, 1, i+2, r.code)
		set(matrix, 2, i+2, r.title)
		used := map[string]bool{}
		for _, ref := range r.refs {
			used[ref.Competentie] = true
		}
		for j, c := range comps {
			if used[c.ID] {
				set(matrix, j+3, i+2, "x")
				cell, _ := excelize.CoordinatesToCellName(j+3, i+2)
				f.SetCellStyle(matrix, cell, cell, center)
			}
		}
	}
	f.SetPanes(matrix, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: 1, TopLeftCell: "C2", ActivePane: "bottomRight"})

	const lists = "Lijsten"
	f.NewSheet(lists)
	for i, h := range []string{"Code", label, "Soort", "Nr.", "Tekst"} {
		set(lists, i+1, 1, h)
	}
	f.SetCellStyle(lists, "A1", "E1", bold)
	f.SetColWidth(lists, "A", "A", 8)
	f.SetColWidth(lists, "B", "B", 36)
	f.SetColWidth(lists, "C", "C", 22)
	f.SetColWidth(lists, "D", "D", 5)
	f.SetColWidth(lists, "E", "E", 90)
	n := 2
	add := func(code, title string, kind app.Kind, ls []*app.Line) {
		for i, l := range ls {
			set(lists, 1, n, code)
			set(lists, 2, n, title)
			set(lists, 3, n, kind.Label())
			set(lists, 4, n, i+1)
			set(lists, 5, n, l.Text)
			cell := fmt.Sprintf("E%d", n)
			f.SetCellStyle(lists, cell, cell, wrap)
			n++
		}
	}
	for _, k := range p.Kerntaken {
		for _, wp := range k.Werkprocessen {
			add(wp.Code, wp.Title, app.KindResultaat, wp.Resultaat)
			add(wp.Code, wp.Title, app.KindKennis, wp.Kennis)
			add(wp.Code, wp.Title, app.KindVaardigheid, wp.Vaardigheden)
		}
	}
	for _, r := range p.Rollen {
		var wz []*app.Line
		for _, w := range r.Werkzaamheden {
			wz = append(wz, &app.Line{Text: w.Text})
		}
		add(r.Code, r.Title, app.KindWerkzaamheid, wz)
		add(r.Code, r.Title, app.KindKennisVaardigheid, r.KennisEnVaardigheden)
	}

	const ratings = "Beoordelingen"
	f.NewSheet(ratings)
	for i, h := range []string{"Onderdeel", "Nr.", "Tekst", "Aansluiting", "Toelichting", "Bron", "Datum"} {
		set(ratings, i+1, 1, h)
	}
	f.SetCellStyle(ratings, "A1", "G1", bold)
	f.SetColWidth(ratings, "C", "C", 60)
	f.SetColWidth(ratings, "E", "E", 60)
	f.SetColWidth(ratings, "F", "F", 30)
	n = 2
	for _, g := range app.Summarise(p, cat, "") {
		for _, it := range g.Items {
			for _, r := range it.Reviews {
				for col, v := range []any{g.Group, it.Code, it.Text, r.Aansluiting.Label(), r.Toelichting, r.Source, r.Date} {
					set(ratings, col+1, n, v)
				}
				f.SetCellStyle(ratings, fmt.Sprintf("C%d", n), fmt.Sprintf("E%d", n), wrap)
				n++
			}
		}
	}
	f.SetActiveSheet(0)
	if err := f.Write(w); err != nil {
		return fmt.Errorf("werkmap schrijven: %w", err)
	}
	return nil
}
