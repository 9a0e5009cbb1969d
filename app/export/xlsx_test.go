package export_test

import (
	"archive/zip"
	"bytes"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"bcpeditor/app"
	"bcpeditor/app/export"
)

// The workbook: the matrix marks exactly the competenties used, with a
// kerntaak column for 2010 profiles and totals that add up; every sheet has
// a filter, a landscape A4 print setup fitted to the page width with the
// header repeated; vertical headers get room; the aanvullende informatie
// notes are there.
func TestXLSXMatrixTotalsAndPrintSetup(t *testing.T) {
	ps, cs := bundled(t)
	for _, p := range ps {
		var b bytes.Buffer
		cat := app.CatalogueByID(cs, p.CatalogueID)
		if err := export.WriteXLSX(&b, p, cat, app.BronnenFor(bundledBronnen(t), p)); err != nil {
			t.Fatal(err)
		}
		data := b.Bytes()
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: workbook unreadable: %v", p.Title, err)
		}
		checkMatrix(t, f, p, cat)
		checkNotes(t, f, p)
		checkPrintSetup(t, f, data, p.Title)
		f.Close()
	}
}

func checkMatrix(t *testing.T, f *excelize.File, p *app.Profile, cat *app.Catalogue) {
	t.Helper()
	const sheet = "Competentiematrix"
	rows, _ := f.GetRows(sheet)
	lead := 2
	if p.Structure == app.StructureKerntaken {
		lead = 3
		if rows[0][0] != "Kerntaak" || rows[1][0] != p.Kerntaken[0].Code+" "+p.Kerntaken[0].Title {
			t.Errorf("%s: no kerntaak column: %q", p.Title, rows[0][:3])
		}
	}
	if len(rows[0]) != lead+len(cat.Competenties)+1 {
		t.Fatalf("%s: %d columns for %d competenties", p.Title, len(rows[0]), len(cat.Competenties))
	}
	refs := map[string]int{}
	total := 0
	for _, e := range p.Elements() {
		if e.Kind == app.KindCompetentie {
			refs[e.Ref]++
			total++
		}
	}
	last := len(rows) // the totals row
	if rows[last-1][lead-1] != "Totaal" {
		t.Fatalf("%s: last row is %q, not the totals", p.Title, rows[last-1])
	}
	for j, c := range cat.Competenties {
		col := lead + 1 + j
		marks := 0
		for _, r := range rows[1 : last-1] {
			if len(r) >= col && r[col-1] == "x" {
				marks++
			}
		}
		got, err := f.CalcCellValue(sheet, cell(col, last))
		if err != nil || got != strconv.Itoa(refs[c.ID]) || marks != refs[c.ID] {
			t.Errorf("%s: %s used %d times, %d marks, total %q (%v)", p.Title, c.Name, refs[c.ID], marks, got, err)
		}
	}
	sum := 0
	for r := 2; r < last; r++ {
		v, err := f.CalcCellValue(sheet, cell(len(rows[0]), r))
		n, _ := strconv.Atoi(v)
		if err != nil {
			t.Fatal(err)
		}
		sum += n
	}
	if sum != total {
		t.Errorf("%s: row totals add up to %d, %d competenties used", p.Title, sum, total)
	}
	// Vertical headers: the row is tall enough for the header in two
	// lines of 10 pt bold (at least 5 pt per character on the longer line).
	h, _ := f.GetRowHeight(sheet, 1)
	for _, c := range cat.Competenties {
		need := 5.0 * float64(len([]rune(c.Name))) / 2
		if h < need {
			t.Errorf("%s: header row %.0f pt cannot hold %q", p.Title, h, c.Name)
		}
	}
}

func checkNotes(t *testing.T, f *excelize.File, p *app.Profile) {
	t.Helper()
	rows, _ := f.GetRows("Beoordelingen")
	want := map[string]int{}
	for _, r := range p.Reviews {
		if r.Toelichting != "" {
			want[r.Toelichting]++
		}
	}
	for _, r := range rows[1:] {
		if len(r) > 6 {
			want[r[6]]--
		}
	}
	for text, n := range want {
		if n != 0 {
			t.Errorf("%s: note %q appears %d times too few", p.Title, app.Shorten(text, 40), n)
		}
	}
	if len(rows)-1 != len(p.Reviews) {
		t.Errorf("%s: %d review rows for %d reviews", p.Title, len(rows)-1, len(p.Reviews))
	}
}

func checkPrintSetup(t *testing.T, f *excelize.File, data []byte, title string) {
	t.Helper()
	titles := map[string]bool{}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" && strings.Contains(d.RefersTo, "$1:$1") {
			titles[d.Scope] = true
		}
	}
	for i, sheet := range f.GetSheetList() {
		pl, err := f.GetPageLayout(sheet)
		if err != nil || *pl.Orientation != "landscape" || *pl.Size != 9 || *pl.FitToWidth != 1 || *pl.FitToHeight != 0 {
			t.Errorf("%s/%s: page layout %+v", title, sheet, pl)
		}
		props, _ := f.GetSheetProps(sheet)
		if props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s/%s: not fitted to the page", title, sheet)
		}
		if !titles[sheet] {
			t.Errorf("%s/%s: header row not repeated on printed pages", title, sheet)
		}
		xml := sheetXML(t, data, i+1)
		if !strings.Contains(strings.ReplaceAll(xml, "$", ""), "<autoFilter ref=\"A1:") {
			t.Errorf("%s/%s: no autofilter", title, sheet)
		}
	}
}

func sheetXML(t *testing.T, data []byte, n int) string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name == "xl/worksheets/sheet"+strconv.Itoa(n)+".xml" {
			rc, _ := zf.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	t.Fatalf("no sheet %d", n)
	return ""
}

func cell(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// The ratings sheet names what a note from the research rests on: the
// research (its kenmerk), the quote, its place, whether the rating was
// read from the report's words, and how; the filter covers those columns
// too. A note that rests on no research leaves them empty.
func TestXLSXRatingsWithTheirGrounds(t *testing.T) {
	ps, cs := bundled(t)
	for _, p := range ps {
		var b bytes.Buffer
		if err := export.WriteXLSX(&b, p, app.CatalogueByID(cs, p.CatalogueID), app.BronnenFor(bundledBronnen(t), p)); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows("Beoordelingen")
		f.Close()
		header := strings.Join(rows[0], "|")
		if !strings.HasSuffix(header, "|Onderzoek|Citaat|Vindplaats|Uit de tekst gelezen|Lezing") {
			t.Fatalf("%s: header %q", p.Title, header)
		}
		if xml := sheetXML(t, b.Bytes(), 3); !strings.Contains(strings.ReplaceAll(xml, "$", ""), `<autoFilter ref="A1:N`) {
			t.Errorf("%s: the filter does not cover the research columns", p.Title)
		}
		checkGrounds(t, p, rows)
	}
}

// checkGrounds matches every review with its row (rows follow the reviews
// of each element in order, see TestXLSXMatrixTotalsAndPrintSetup).
func checkGrounds(t *testing.T, p *app.Profile, rows [][]string) {
	t.Helper()
	quoted := 0
	for _, r := range p.Reviews {
		want := []string{"", "", "", "", ""}
		if r.BronID != "" {
			read := map[bool]string{true: "ja", false: "nee"}[r.UitTekst]
			want = []string{"ABD20-022", r.Citaat, r.Vindplaats, read, r.Lezing}
		}
		if r.Citaat != "" {
			quoted++
		}
		found := false
		for _, row := range rows[1:] {
			row = append(row, make([]string, 14)...)[:14]
			if row[6] == r.Toelichting && strings.Join(row[9:], "|") == strings.Join(want, "|") {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("%s: no row with %q and its grounds %q", p.Title, app.Shorten(r.Toelichting, 40), want)
		}
	}
	if p.VersionLabel == "november 2020" && quoted == 0 {
		t.Errorf("%s: no quoted rating to check", p.Title)
	}
}
