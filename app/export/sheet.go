package export

import (
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The workbooks this program writes are made of table sheets: one table
// per sheet, a styled header row that fits its text, an autofilter over the
// table, the header frozen on screen, and a print setup a designer can use
// as it is (A4 landscape, fitted to the page width, the header row repeated
// on every page, "Pagina x van y" in the footer). The competentiematrix and
// the concordantietabel use the same writer.

// workbookInfo are the file properties of a workbook.
type workbookInfo struct {
	Title, Subject, Author string
	Created, Modified      string // RFC 3339; empty: left out
}

// newWorkbook makes an empty workbook with Dutch file properties and the
// program as application. Its only sheet is renamed by the first
// newTableSheet.
func newWorkbook(info workbookInfo) (*excelize.File, error) {
	f := excelize.NewFile()
	err := f.SetDocProps(&excelize.DocProperties{
		Title: info.Title, Subject: info.Subject, Creator: info.Author, LastModifiedBy: info.Author,
		Created: info.Created, Modified: info.Modified, Language: "nl-NL",
	})
	if err == nil {
		err = f.SetAppProps(&excelize.AppProperties{Application: programName})
	}
	if err == nil {
		full := true
		err = f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full})
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("werkmap maken: %w", err)
	}
	return f, nil
}

// writeWorkbook writes f to w and closes it.
func writeWorkbook(f *excelize.File, w io.Writer) error {
	defer f.Close()
	f.SetActiveSheet(0)
	if err := f.Write(w); err != nil {
		return fmt.Errorf("werkmap schrijven: %w", err)
	}
	return nil
}

// sheetColumn is one column of a table sheet.
type sheetColumn struct {
	Header string
	Width  float64 // Excel character units
	Wrap   bool    // long text: wrapped and top-aligned
	Mark   bool    // a narrow matrix column: vertical header, centred cells
	Sum    bool    // a number column: centred, summed in the totals row
}

// tableSheet is one sheet holding one table. Rows are added with AddRow;
// Finish sets the filter, the frozen panes and the print setup. Errors are
// kept and returned by Finish, so building code stays readable.
type tableSheet struct {
	f          *excelize.File
	name       string
	cols       []sheetColumn
	next       int // the row AddRow fills next (1-based)
	lastData   int // the last row inside the filter
	freezeCols int
	styles     sheetStyles
	err        error

	// PrintTitle is printed at the top left of every page, the sheet's
	// name at the top right.
	PrintTitle string
}

type sheetStyles struct {
	header, mark, wrap, plain, center, total int
}

// Sheet metrics: fonts and sizes, the lines a vertical header may take in a
// mark column (which is wide enough for them), and Excel's limit on a row's
// height. Text widths are measured in the embedded DejaVu Sans and scaled by
// sheetFontRatio: Calibri is 0.73–0.81 and Arial 0.83–0.88 times as wide
// (measured on the competentie names), so what fits by this measure fits
// in Calibri (Carlito in LibreOffice) and in Arial.
const (
	sheetFont      = "Calibri"
	bodyFontSize   = 11
	headerFontSize = 10
	markLines      = 2
	markWidth      = 6.5 // character units: room for markLines lines of vertical text
	maxRowHeight   = 409
	sheetFontRatio = 0.88
)

// sheetTextWidth is the width in points of s in the sheet's font.
func sheetTextWidth(s string, size float64, bold bool) float64 {
	return textWidth(s, size, bold) * sheetFontRatio
}

// newTableSheet adds a sheet (or renames the workbook's first, unused
// sheet) with the columns' header row.
func newTableSheet(f *excelize.File, name string, cols []sheetColumn) (*tableSheet, error) {
	s := &tableSheet{f: f, name: name, cols: cols, next: 2}
	if idx, _ := f.GetSheetIndex("Sheet1"); idx >= 0 && len(f.GetSheetList()) == 1 {
		if err := f.SetSheetName("Sheet1", name); err != nil {
			return nil, fmt.Errorf("blad %q maken: %w", name, err)
		}
	} else if _, err := f.NewSheet(name); err != nil {
		return nil, fmt.Errorf("blad %q maken: %w", name, err)
	}
	if err := s.makeStyles(); err != nil {
		return nil, fmt.Errorf("blad %q opmaken: %w", name, err)
	}
	s.writeHeader()
	return s, s.err
}

func (s *tableSheet) makeStyles() error {
	fill := excelize.Fill{Type: "pattern", Color: []string{"DCE6EF"}, Pattern: 1}
	border := []excelize.Border{{Type: "bottom", Color: "1F5F8B", Style: 2}}
	specs := []struct {
		into  *int
		style *excelize.Style
	}{
		{&s.styles.header, &excelize.Style{Font: &excelize.Font{Bold: true, Size: headerFontSize, Family: sheetFont}, Fill: fill, Border: border,
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "bottom"}}},
		{&s.styles.mark, &excelize.Style{Font: &excelize.Font{Bold: true, Size: headerFontSize, Family: sheetFont}, Fill: fill, Border: border,
			Alignment: &excelize.Alignment{TextRotation: 90, WrapText: true, Vertical: "bottom", Horizontal: "center"}}},
		{&s.styles.wrap, &excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&s.styles.plain, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&s.styles.center, &excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}}},
		{&s.styles.total, &excelize.Style{Font: &excelize.Font{Bold: true, Family: sheetFont, Size: bodyFontSize}, Fill: fill,
			Border: []excelize.Border{{Type: "top", Color: "1F5F8B", Style: 1}}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}}},
	}
	for _, sp := range specs {
		id, err := s.f.NewStyle(sp.style)
		if err != nil {
			return err
		}
		*sp.into = id
	}
	return nil
}

// writeHeader writes the header row, sets the column widths and makes the
// row tall enough for the longest header.
func (s *tableSheet) writeHeader() {
	height := 15.0
	for i, c := range s.cols {
		cell := cellName(i+1, 1)
		s.keep(s.f.SetCellValue(s.name, cell, c.Header))
		col, _ := excelize.ColumnNumberToName(i + 1)
		s.keep(s.f.SetColWidth(s.name, col, col, c.Width))
		style := s.styles.header
		if c.Mark {
			style = s.styles.mark
		}
		s.keep(s.f.SetCellStyle(s.name, cell, cell, style))
		height = max(height, headerHeight(c))
	}
	s.keep(s.f.SetRowHeight(s.name, 1, math.Ceil(height)))
}

// headerHeight is the height in points a header needs: for a vertical
// header the longest of its (at most markLines) lines, for a horizontal
// one its wrapped lines.
func headerHeight(c sheetColumn) float64 {
	if c.Mark {
		return min(maxRowHeight, verticalExtent(c.Header, markLines)+14)
	}
	perLine := max(1, math.Floor(c.Width*1.1)) // characters of 10 pt in a column of this width
	lines := math.Ceil(float64(utf8.RuneCountInString(c.Header)) / perLine)
	return min(maxRowHeight, lines*14+4)
}

// verticalExtent is the length in points of the longest line when text is
// wrapped at spaces into at most n lines as evenly as possible.
func verticalExtent(text string, n int) float64 {
	words := strings.Fields(text)
	best := sheetTextWidth(text, headerFontSize, true)
	if n < 2 || len(words) < 2 {
		return best
	}
	for i := 1; i < len(words); i++ {
		first := sheetTextWidth(strings.Join(words[:i], " "), headerFontSize, true)
		rest := verticalExtent(strings.Join(words[i:], " "), n-1)
		best = min(best, max(first, rest))
	}
	return best
}

// AddRow writes one row of values (string, int, float64 or nil) under the
// previous and returns its number. Mark columns are centred, wrap columns
// wrapped.
func (s *tableSheet) AddRow(values ...any) int {
	r := s.next
	for i, v := range values {
		if v == nil || v == "" {
			continue
		}
		cell := cellName(i+1, r)
		s.keep(s.f.SetCellValue(s.name, cell, v))
	}
	s.styleRow(r, false)
	s.fitRow(r, values)
	s.lastData = r
	s.next++
	return r
}

// fitRow makes row r tall enough for its wrapped texts: spreadsheets do
// not do that themselves for a file they open.
func (s *tableSheet) fitRow(r int, values []any) {
	lines := 1
	for i, v := range values {
		text, ok := v.(string)
		if !ok || i >= len(s.cols) || !s.cols[i].Wrap {
			continue
		}
		lines = max(lines, wrappedLines(text, columnPoints(s.cols[i].Width)-4, bodyFontSize))
	}
	if lines > 1 {
		s.keep(s.f.SetRowHeight(s.name, r, min(maxRowHeight, float64(lines)*14.5+2)))
	}
}

// columnPoints is the width in points of a column of w character units.
func columnPoints(w float64) float64 { return (w*7 + 5) * 0.75 }

// wrappedLines counts the lines text takes when wrapped at spaces into a
// width of points.
func wrappedLines(text string, width, size float64) int {
	n := 0
	for _, para := range strings.Split(text, "\n") {
		n++
		line := 0.0
		space := sheetTextWidth(" ", size, false)
		for _, w := range strings.Fields(para) {
			ww := sheetTextWidth(w, size, false)
			if line > 0 && line+space+ww > width {
				n++
				line = ww
				continue
			}
			if line > 0 {
				line += space
			}
			line += ww
		}
	}
	return n
}

// styleRow gives every cell of row r its column's alignment.
func (s *tableSheet) styleRow(r int, total bool) {
	for i, c := range s.cols {
		style := s.styles.plain
		switch {
		case total:
			style = s.styles.total
		case c.Mark || c.Sum:
			style = s.styles.center
		case c.Wrap:
			style = s.styles.wrap
		}
		cell := cellName(i+1, r)
		s.keep(s.f.SetCellStyle(s.name, cell, cell, style))
	}
}

// SetFormula puts a formula in a cell of row r, column col (1-based).
func (s *tableSheet) SetFormula(col, r int, formula string) {
	s.keep(s.f.SetCellFormula(s.name, cellName(col, r), formula))
}

// AddTotalRow writes a totals row below the table (outside the filter):
// label in column labelCol and, for each mark column, the number of marked
// cells that the filter shows (SUBTOTAL 103, so a filtered table shows the
// totals of what is visible); for each sum column the visible sum.
func (s *tableSheet) AddTotalRow(label string, labelCol int) int {
	r := s.next
	s.styleRow(r, true)
	s.keep(s.f.SetCellValue(s.name, cellName(labelCol, r), label))
	for i, c := range s.cols {
		fn := 0
		switch {
		case c.Mark:
			fn = 103 // COUNTA of visible cells
		case c.Sum:
			fn = 109 // SUM of visible cells
		}
		if fn == 0 || s.lastData < 2 {
			continue
		}
		s.SetFormula(i+1, r, fmt.Sprintf("SUBTOTAL(%d,%s:%s)", fn, cellName(i+1, 2), cellName(i+1, s.lastData)))
	}
	s.next++
	return r
}

// FreezeColumns keeps the first n columns in view when scrolling sideways
// and repeats them on every printed page.
func (s *tableSheet) FreezeColumns(n int) { s.freezeCols = n }

// Finish sets the autofilter over header and rows, freezes the header row
// (and the chosen columns), and sets up printing: A4 landscape, fitted to
// one page wide, header row (and frozen columns) repeated, page numbers in
// the footer.
func (s *tableSheet) Finish() error {
	last := cellName(len(s.cols), max(s.lastData, 1))
	s.keep(s.f.AutoFilter(s.name, "A1:"+last, nil))
	top := cellName(s.freezeCols+1, 2)
	s.keep(s.f.SetPanes(s.name, &excelize.Panes{Freeze: true, XSplit: s.freezeCols, YSplit: 1, TopLeftCell: top, ActivePane: pane(s.freezeCols)}))
	s.printSetup()
	if s.err != nil {
		return fmt.Errorf("blad %q opmaken: %w", s.name, s.err)
	}
	return nil
}

func pane(freezeCols int) string {
	if freezeCols > 0 {
		return "bottomRight"
	}
	return "bottomLeft"
}

func (s *tableSheet) printSetup() {
	a4, landscape, wide, tall := 9, "landscape", 1, 0
	fit := true
	s.keep(s.f.SetSheetProps(s.name, &excelize.SheetPropsOptions{FitToPage: &fit}))
	s.keep(s.f.SetPageLayout(s.name, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall}))
	margin, edge := 0.6, 0.3
	s.keep(s.f.SetPageMargins(s.name, &excelize.PageLayoutMarginsOptions{Left: &margin, Right: &margin, Top: &margin, Bottom: &margin, Header: &edge, Footer: &edge}))
	s.keep(s.f.SetHeaderFooter(s.name, &excelize.HeaderFooterOptions{OddHeader: "&L" + headerText(s.PrintTitle) + "&R&A", OddFooter: "&CPagina &P van &N"}))
	titles := fmt.Sprintf("'%s'!$1:$1", s.name)
	if s.freezeCols > 0 {
		col, _ := excelize.ColumnNumberToName(s.freezeCols)
		titles = fmt.Sprintf("'%s'!$A:$%s,'%s'!$1:$1", s.name, col, s.name)
	}
	s.keep(s.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: titles, Scope: s.name}))
}

// headerText escapes text for a print header, where "&" starts a code.
func headerText(s string) string { return strings.ReplaceAll(s, "&", "&&") }

func (s *tableSheet) keep(err error) {
	if err != nil && s.err == nil {
		s.err = err
	}
}

// cellName is "B3" for column 2, row 3.
func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}
