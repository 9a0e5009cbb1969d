package ui

import (
	"bufio"
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
	"bcpeditor/app/compare"
	"bcpeditor/app/export"
	"bcpeditor/app/workspace"
	"bcpeditor/widgets"
)

// compareModel is what the compare view needs of the workspace.
type compareModel interface {
	PrepareComparison(old, nw *app.Profile) (*workspace.Comparison, error)
	SetMappingLink(fromID, toID string, linked bool) error
	Mapping(fromCat, toCat string) (compare.Mapping, error)
	Catalogue(p *app.Profile) *app.Catalogue
}

// CompareView is the crosswalk window: old left, new right, a row per old
// element with every new element that carries its content (and the new
// elements nothing links to, in place). The list is virtualised, so a
// thousand elements a side show at once and scroll smoothly; the selected
// row shows in full below, with its word diff or shared phrases and the
// designer's choices (confirm, reject, link by hand).
type CompareView struct {
	ws          compareModel
	mw          *MainWindow
	Window      fyne.Window
	cmp         *workspace.Comparison
	Result      *compare.Result
	Summary     *widget.Label
	onlyChanges *widget.Check
	List        *widget.List
	split       *container.Split
	detail      *fyne.Container
	shown       []int // indexes of Result.Rows in the list
	selected    int   // index into shown, -1 for none
	lineHeight  float32
}

// AskCompare asks which two profiles to compare: by default the open
// profile's origin (or another version of its beroep) against the open one.
func (mw *MainWindow) AskCompare() {
	all := mw.ws.Profiles()
	if len(all) < 2 {
		showInfo(mw.Window, lang.L("Vergelijken…"), lang.L("Er zijn minstens twee profielen nodig."))
		return
	}
	var names []string
	for _, s := range all {
		names = append(names, fmt.Sprintf("%s (%s, %s)", s.Title, s.VersionLabel, s.Owner))
	}
	oldSel, newSel := widget.NewSelect(names, nil), widget.NewSelect(names, nil)
	newIdx := 0
	open := mw.Profile()
	for i, s := range all {
		if open != nil && s.ID == open.ID {
			newIdx = i
		}
	}
	oldIdx := oldVersionOf(all, newIdx)
	oldSel.SetSelectedIndex(oldIdx)
	newSel.SetSelectedIndex(newIdx)
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Oud"), oldSel), widget.NewFormItem(lang.L("Nieuw"), newSel)}
	d := showForm(mw.Window, lang.L("Vergelijken…"), lang.L("Vergelijken"), items, func(ok bool) {
		if ok {
			mw.OpenCompare(all[oldSel.SelectedIndex()].ID, all[newSel.SelectedIndex()].ID)
		}
	})
	d.Resize(fyne.NewSize(fyne.Min(900, mw.Window.Canvas().Size().Width*0.9), 220))
}

// oldVersionOf proposes what to compare the profile all[n] with: the
// profile it is a new version of, else another version of the same beroep
// (the one made last), else the next profile in the list.
func oldVersionOf(all []app.ProfileSummary, n int) int {
	p := all[n]
	best := -1
	for i, s := range all {
		switch {
		case i == n:
		case s.ID == p.Origin:
			return i
		case groupKey(s.Beroep) == groupKey(p.Beroep) && (best < 0 || s.Created > all[best].Created):
			best = i
		}
	}
	if best >= 0 {
		return best
	}
	return (n + 1) % len(all)
}

// OpenCompare opens the compare window for two profiles of the library.
func (mw *MainWindow) OpenCompare(oldID, newID string) *CompareView {
	old, err := mw.ws.Profile(oldID)
	if err != nil {
		mw.showError(err)
		return nil
	}
	nw, err := mw.ws.Profile(newID)
	if err != nil {
		mw.showError(err)
		return nil
	}
	return mw.OpenCompareProfiles(old, nw)
}

// OpenCompareProfiles opens the compare window for two profiles in memory
// (a snapshot against the live profile, say). The comparing happens in the
// background; the window shows at once.
func (mw *MainWindow) OpenCompareProfiles(old, nw *app.Profile) *CompareView {
	cmp, err := mw.ws.PrepareComparison(old, nw)
	if err != nil {
		mw.showError(err)
		return nil
	}
	cv := &CompareView{ws: mw.ws, mw: mw, cmp: cmp, selected: -1}
	cv.Window = mw.App.NewWindow(fmt.Sprintf("%s: %s (%s) ⇄ %s (%s)", lang.L("Vergelijken"), old.Title, old.VersionLabel, nw.Title, nw.VersionLabel))
	cv.Window.SetContent(cv.layout())
	cv.Window.Resize(fyne.NewSize(1200, 780))
	cv.Window.Show()
	cv.Summary.SetText(lang.L("Bezig met vergelijken…"))
	cv.recompare(nil)
	return cv
}

func (cv *CompareView) layout() fyne.CanvasObject {
	c := cv.cmp
	cv.onlyChanges = widget.NewCheck(lang.L("Alleen wijzigingen"), func(bool) { cv.render("") })
	cv.Summary = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	cv.Summary.Wrapping = fyne.TextWrapWord
	report := widget.NewButtonWithIcon(lang.L("Rapport…"), theme.DocumentSaveIcon(), cv.askReport)
	table := widget.NewButtonWithIcon(lang.L("Concordantietabel…"), theme.DocumentSaveIcon(), cv.askConcordantie)
	mapping := widget.NewButton(lang.L("Koppeling competenties…"), cv.editMapping)
	mapping.Hidden = c.Old.CatalogueID == c.New.CatalogueID
	top := container.NewBorder(nil, nil, cv.onlyChanges, container.NewHBox(mapping, table, report), cv.Summary)
	head := container.NewGridWithColumns(2,
		widget.NewLabelWithStyle(lang.L("Oud")+": "+c.Old.Title+" ("+c.Old.VersionLabel+")", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(lang.L("Nieuw")+": "+c.New.Title+" ("+c.New.VersionLabel+")", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	cv.lineHeight = widget.NewLabel("M").MinSize().Height
	cv.List = cv.newList()
	cv.detail = container.NewVBox(widget.NewLabel(lang.L("Kies een regel om hem hier helemaal te zien.")))
	cv.split = container.NewVSplit(cv.List, container.NewVScroll(container.NewPadded(cv.detail)))
	cv.split.Offset = 0.55
	return container.NewBorder(container.NewVBox(top, head, widget.NewSeparator()), nil, nil, nil, cv.split)
}

// newList makes the list of rows. Each render makes a fresh one: heights
// set before a list is on screen cost nothing, while on a shown list every
// change of height lays the whole list out again.
func (cv *CompareView) newList() *widget.List {
	l := widget.NewList(func() int { return len(cv.shown) }, cv.newRow, cv.updateRow)
	l.OnSelected = func(i widget.ListItemID) {
		cv.selected = i
		cv.showDetail()
	}
	return l
}

// recompare compares again off the UI goroutine (after a verdict, say),
// then shows the result with the row of keepOld (an old element's ID, or
// "new:"+ID) selected again.
func (cv *CompareView) recompare(prepare func() error) {
	keep := cv.selectedKey()
	if prepare != nil {
		if err := prepare(); err != nil {
			showError(cv.Window, err)
			return
		}
	}
	cmp := cv.cmp
	cv.mw.bg.run(cmp.Run, func() {
		cv.Result = cmp.Result
		cv.render(keep)
	})
}

// render fills the list with the rows to show and the summary.
func (cv *CompareView) render(keep string) {
	if cv.Result == nil {
		return
	}
	if keep == "" {
		keep = cv.selectedKey()
	}
	cv.Summary.SetText(compare.SummaryText(cv.Result.Summary) + " · " + competentiesText(cv.Result.Competenties))
	cv.shown = cv.shown[:0]
	for i, row := range cv.Result.Rows {
		if cv.onlyChanges.Checked && row.Status == compare.Unchanged && !hasSuggestion(row) {
			continue
		}
		cv.shown = append(cv.shown, i)
	}
	list := cv.newList()
	for i, ri := range cv.shown {
		list.SetItemHeight(i, cv.rowHeight(cv.Result.Rows[ri]))
	}
	cv.List = list
	cv.split.Leading = list
	cv.split.Refresh()
	cv.selected = -1
	for i, ri := range cv.shown {
		if rowKey(cv.Result.Rows[ri]) == keep && keep != "" {
			cv.selected = i
			cv.List.Select(i)
			cv.List.ScrollTo(i)
			break
		}
	}
	if cv.selected < 0 && len(cv.shown) > 0 {
		// The first row, so that the pane below shows a pair in full at
		// once rather than an empty space.
		cv.selected = 0
		cv.List.Select(0)
	}
	cv.showDetail()
}

func hasSuggestion(row compare.Row) bool {
	for _, l := range row.Links {
		if l.Suggestion {
			return true
		}
	}
	return false
}

func rowKey(row compare.Row) string {
	if row.Old != nil {
		return row.Old.ID
	}
	return "new:" + row.New.ID
}

func (cv *CompareView) selectedKey() string {
	if cv.Result == nil || cv.selected < 0 || cv.selected >= len(cv.shown) {
		return ""
	}
	return rowKey(cv.Result.Rows[cv.shown[cv.selected]])
}

// rowHeight is a row's height from its number of links: known without
// laying out any text, so a thousand rows cost nothing until shown.
func (cv *CompareView) rowHeight(row compare.Row) float32 {
	lines := max(1, min(len(row.Links), maxRowLinks))
	return float32(lines)*cv.lineHeight + theme.Padding()
}

// maxRowLinks is how many counterparts a row lists; the detail pane shows
// them all.
const maxRowLinks = 4

// newRow is one row: a coloured bar and the status word, the old element
// on the left, its counterparts on the right.
func (cv *CompareView) newRow() fyne.CanvasObject {
	bar := canvas.NewRectangle(color.Transparent)
	bar.SetMinSize(fyne.NewSize(6, 10))
	status := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(130, 0))
	left := truncLabel()
	right := container.NewVBox()
	for i := 0; i < maxRowLinks; i++ {
		right.Add(truncLabel())
	}
	lead := container.NewBorder(nil, nil, bar, nil, container.NewStack(width, container.NewVBox(status)))
	return container.NewBorder(nil, nil, lead, nil, container.NewGridWithColumns(2, container.NewVBox(left), right))
}

func truncLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// updateRow fills a row object with one row of the crosswalk.
func (cv *CompareView) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if cv.Result == nil || i >= len(cv.shown) {
		return
	}
	row := cv.Result.Rows[cv.shown[i]]
	c := o.(*fyne.Container)
	cols := c.Objects[0].(*fyne.Container)
	lead := c.Objects[1].(*fyne.Container)
	bar := lead.Objects[1].(*canvas.Rectangle)
	status := lead.Objects[0].(*fyne.Container).Objects[1].(*fyne.Container).Objects[0].(*widget.Label)
	bar.FillColor = statusColour(row.Status)
	bar.Refresh()
	status.SetText(lang.L(string(row.Status)))
	left := cols.Objects[0].(*fyne.Container).Objects[0].(*widget.Label)
	right := cols.Objects[1].(*fyne.Container)
	left.SetText(unitText(row.Old))
	for k, obj := range right.Objects {
		l := obj.(*widget.Label)
		switch {
		case row.Old == nil && k == 0:
			l.SetText(unitText(row.New))
		case row.Old != nil && k < len(row.Links):
			text := unitText(row.Links[k].New) + "  (" + compare.LinkLabel(row.Links[k]) + ")"
			if k == maxRowLinks-1 && len(row.Links) > maxRowLinks {
				text = fmt.Sprintf(lang.L("en nog %d …"), len(row.Links)-k)
			}
			l.SetText(text)
		case row.Old != nil && k == 0:
			l.SetText("—")
		default:
			l.SetText("")
		}
	}
}

// unitText names an element with the start of its text.
func unitText(u *compare.Unit) string {
	if u == nil {
		return "—"
	}
	return app.Shorten(capitalise(u.Label())+"  "+u.Text(), 140)
}

func competentiesText(c compare.CompetentieDiff) string {
	return fmt.Sprintf(lang.L("competenties: %d in beide, %d alleen oud, %d alleen nieuw"), len(c.Both), len(c.OnlyOld), len(c.OnlyNew))
}

// statusColour gives each kind of change a colour that stays apart for
// colour-blind readers (Okabe–Ito), always with its word beside it.
func statusColour(s compare.Status) color.Color {
	switch s {
	case compare.Modified:
		return widgets.Orange
	case compare.Added:
		return widgets.Blue
	case compare.Removed:
		return widgets.Red
	case compare.Moved, compare.Split, compare.Merged:
		return widgets.Purple
	}
	return widgets.Grey
}

// askReport saves the comparison as a report: HTML or Word.
func (cv *CompareView) askReport() {
	cv.askFile(lang.L("Rapport…"), "vergelijking", []string{".html", ".docx"}, cv.SaveReport)
}

// askConcordantie saves the concordantietabel: Excel or Word.
func (cv *CompareView) askConcordantie() {
	cv.askFile(lang.L("Concordantietabel…"), "concordantie", []string{".xlsx", ".docx"}, cv.SaveConcordantie)
}

func (cv *CompareView) askFile(title, prefix string, exts []string, save func(string) error) {
	if cv.Result == nil {
		return
	}
	name := prefix + "-" + fileName(cv.cmp.Old) + "-" + fileName(cv.cmp.New) + exts[0]
	showSaveDialog(cv.Window, fyne.CurrentApp().Preferences(), title, name, exts, func(path string) {
		if err := save(path); err != nil {
			showError(cv.Window, err)
		}
	})
}

// SaveReport writes the report to path, atomically: a Word document when
// path ends in .docx, HTML otherwise.
func (cv *CompareView) SaveReport(path string) error {
	return app.WriteFileAtomic(path, func(w *bufio.Writer) error {
		if strings.HasSuffix(strings.ToLower(path), ".docx") {
			return export.WriteCompareDOCX(w, cv.Result, cv.onlyChanges.Checked)
		}
		return compare.WriteHTML(w, cv.Result, cv.onlyChanges.Checked)
	})
}

// SaveConcordantie writes the concordantietabel to path, atomically: Word
// when path ends in .docx, Excel otherwise.
func (cv *CompareView) SaveConcordantie(path string) error {
	return app.WriteFileAtomic(path, func(w *bufio.Writer) error {
		if strings.HasSuffix(strings.ToLower(path), ".docx") {
			return export.WriteConcordantieDOCX(w, cv.Result)
		}
		return export.WriteConcordantieXLSX(w, cv.Result)
	})
}
