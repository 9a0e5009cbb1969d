package ui

import (
	"bufio"
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
	"bcpeditor/app/compare"
	"bcpeditor/app/export"
	"bcpeditor/widgets"
)

// compareModel is what the compare view needs of the workspace.
type compareModel interface {
	CompareProfiles(old, nw *app.Profile) (*compare.Result, error)
	SetManualPair(oldProfile, newProfile, oldID, newID string, forget bool) error
	SetMappingLink(fromID, toID string, linked bool) error
	Mapping(fromCat, toCat string) (compare.Mapping, error)
	Catalogue(p *app.Profile) *app.Catalogue
}

// CompareView is a window with two synchronised columns, old left and new
// right: each row one pair of elements, marked with its kind of change.
// The columns scroll together because each row holds both sides.
type CompareView struct {
	ws          compareModel
	Window      fyne.Window
	Old, New    *app.Profile
	Result      *compare.Result
	onlyChanges *widget.Check
	Summary     *widget.Label
	rows        *fyne.Container
	comps       *widget.Label
}

// AskCompare asks which two profiles to compare: by default the open
// profile's origin (or another version of its beroep) against the open one.
func (mw *MainWindow) AskCompare() {
	all := mw.ws.Profiles()
	if len(all) < 2 {
		dialog.ShowInformation(lang.L("Vergelijken…"), lang.L("Er zijn minstens twee profielen nodig."), mw.Window)
		return
	}
	var names []string
	for _, s := range all {
		names = append(names, fmt.Sprintf("%s (%s)", s.Title, s.VersionLabel))
	}
	oldSel, newSel := widget.NewSelect(names, nil), widget.NewSelect(names, nil)
	newIdx, oldIdx := 0, 1
	open := mw.Profile()
	for i, s := range all {
		if open != nil && s.ID == open.ID {
			newIdx = i
		}
	}
	oldIdx = (newIdx + 1) % len(names)
	for i, s := range all {
		if open != nil && s.ID == open.Origin {
			oldIdx = i
		}
	}
	oldSel.SetSelectedIndex(oldIdx)
	newSel.SetSelectedIndex(newIdx)
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Oud"), oldSel), widget.NewFormItem(lang.L("Nieuw"), newSel)}
	dialog.ShowForm(lang.L("Vergelijken…"), lang.L("Vergelijken"), lang.L("Annuleren"), items, func(ok bool) {
		if ok {
			mw.OpenCompare(all[oldSel.SelectedIndex()].ID, all[newSel.SelectedIndex()].ID)
		}
	}, mw.Window)
}

// OpenCompare opens the compare window for two profiles.
func (mw *MainWindow) OpenCompare(oldID, newID string) *CompareView {
	load := func(id string) *app.Profile {
		p, err := mw.ws.Profile(id)
		if err != nil {
			mw.showError(err)
			return nil
		}
		return p
	}
	old, nw := load(oldID), load(newID)
	if old == nil || nw == nil {
		return nil
	}
	return mw.OpenCompareProfiles(old, nw)
}

// OpenCompareProfiles opens the compare window for two profiles in memory
// (a snapshot against the live profile, say).
func (mw *MainWindow) OpenCompareProfiles(old, nw *app.Profile) *CompareView {
	cv := &CompareView{ws: mw.ws, Old: old, New: nw}
	cv.Window = mw.App.NewWindow(fmt.Sprintf("%s: %s (%s) ⇄ %s (%s)", lang.L("Vergelijken"), old.Title, old.VersionLabel, nw.Title, nw.VersionLabel))
	cv.onlyChanges = widget.NewCheck(lang.L("Alleen wijzigingen"), func(bool) { cv.render() })
	cv.Summary = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	report := widget.NewButtonWithIcon(lang.L("Rapport opslaan…"), theme.DocumentSaveIcon(), func() { cv.askReport(".html") })
	reportWord := widget.NewButtonWithIcon(lang.L("Rapport in Word…"), theme.DocumentSaveIcon(), func() { cv.askReport(".docx") })
	mapping := widget.NewButton(lang.L("Koppeling competenties…"), cv.editMapping)
	mapping.Hidden = old.CatalogueID == nw.CatalogueID
	top := container.NewBorder(nil, nil, cv.onlyChanges, container.NewHBox(mapping, report, reportWord), cv.Summary)
	head := container.NewGridWithColumns(2,
		widget.NewLabelWithStyle(lang.L("Oud")+": "+old.Title+" ("+old.VersionLabel+")", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(lang.L("Nieuw")+": "+nw.Title+" ("+nw.VersionLabel+")", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	cv.comps = widget.NewLabel("")
	cv.comps.Wrapping = fyne.TextWrapWord
	cv.rows = container.NewVBox()
	body := container.NewVScroll(container.NewVBox(cv.rows, widget.NewSeparator(), cv.comps))
	cv.Window.SetContent(container.NewBorder(container.NewVBox(top, head, widget.NewSeparator()), nil, nil, nil, body))
	cv.Window.Resize(fyne.NewSize(1200, 760))
	cv.Refresh()
	cv.Window.Show()
	return cv
}

// Refresh compares again (after pairing by hand or a mapping change).
func (cv *CompareView) Refresh() {
	res, err := cv.ws.CompareProfiles(cv.Old, cv.New)
	if err != nil {
		dialog.ShowError(err, cv.Window)
		return
	}
	cv.Result = res
	cv.render()
}

func (cv *CompareView) render() {
	res := cv.Result
	cv.Summary.SetText(compare.SummaryText(res.Summary))
	cv.rows.Objects = nil
	for _, p := range res.Pairs {
		if cv.onlyChanges.Checked && p.Status == compare.Unchanged {
			continue
		}
		cv.rows.Add(cv.row(p))
		cv.rows.Add(widget.NewSeparator())
	}
	c := res.Competenties
	cv.comps.SetText(lang.L("Competenties") + " — " + lang.L("in beide") + ": " + joinOr(c.Both) +
		"\n" + lang.L("alleen oud") + ": " + joinOr(c.OnlyOld) + "\n" + lang.L("alleen nieuw") + ": " + joinOr(c.OnlyNew))
	cv.rows.Refresh()
}

func joinOr(xs []string) string {
	if len(xs) == 0 {
		return "—"
	}
	return strings.Join(xs, "; ")
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
	case compare.Moved:
		return widgets.Purple
	}
	return widgets.Grey
}

func (cv *CompareView) row(p *compare.Pair) fyne.CanvasObject {
	bar := canvas.NewRectangle(statusColour(p.Status))
	bar.SetMinSize(fyne.NewSize(6, 10))
	status := widget.NewLabelWithStyle(lang.L(string(p.Status)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	info := ""
	if p.How == compare.BySimilarity {
		info = fmt.Sprintf("%s %.2f", lang.L("gelijkenis"), p.Similarity)
	} else if p.How == compare.ByHand {
		info = lang.L("door u gekoppeld")
	}
	left := container.NewBorder(nil, nil, bar, nil, container.NewVBox(status, smallLabel(info), cv.pairButtons(p)))
	cross := p.Old != nil && p.New != nil && p.Old.Kind != p.New.Kind
	cols := container.NewGridWithColumns(2, cv.side(p, p.Old, true, cross), cv.side(p, p.New, false, cross))
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(130, 0))
	return container.NewBorder(nil, nil, container.NewStack(width, left), nil, cols)
}

func smallLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Importance = widget.LowImportance
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// pieces turns one side of a word diff into marked pieces.
func pieces(spans []compare.Span, old bool) []widgets.Piece {
	var out []widgets.Piece
	for _, s := range spans {
		switch {
		case s.Op == compare.Equal:
			out = append(out, widgets.Piece{Text: s.Text})
		case s.Op == compare.Delete && old:
			out = append(out, widgets.Piece{Text: s.Text, Mark: widgets.Removed})
		case s.Op == compare.Insert && !old:
			out = append(out, widgets.Piece{Text: s.Text, Mark: widgets.Added})
		}
	}
	return out
}

func plainPieces(text string) []widgets.Piece { return []widgets.Piece{{Text: text}} }

// side shows one side of a pair: kind and code, title, text and lists, with
// the word diff where both sides are of one kind.
func (cv *CompareView) side(p *compare.Pair, u *compare.Unit, old, cross bool) fyne.CanvasObject {
	if u == nil {
		return widget.NewLabel("—")
	}
	box := container.NewVBox(smallLabel(capitalise(lang.L(u.Kind.Label())) + " " + u.Code))
	diffed := p.Old != nil && p.New != nil && !cross
	if diffed {
		if u.Title != "" || p.Old.Title != "" {
			box.Add(widgets.NewDiffText(pieces(p.Title, old), true))
		}
		box.Add(widgets.NewDiffText(pieces(p.Body, old), false))
		for _, ld := range p.Lists {
			var items []fyne.CanvasObject
			for _, it := range ld.Items {
				switch {
				case it.Status == compare.Added && old, it.Status == compare.Removed && !old:
				case it.Status == compare.Added:
					items = append(items, bullet(widgets.NewDiffText([]widgets.Piece{{Text: it.New, Mark: widgets.Added}}, false)))
				case it.Status == compare.Removed:
					items = append(items, bullet(widgets.NewDiffText([]widgets.Piece{{Text: it.Old, Mark: widgets.Removed}}, false)))
				default:
					items = append(items, bullet(widgets.NewDiffText(pieces(it.Spans, old), false)))
				}
			}
			if len(items) > 0 {
				box.Add(smallLabel(capitalise(lang.L(ld.Kind.Label()))))
				box.Add(container.NewVBox(items...))
			}
		}
	} else {
		if u.Title != "" {
			box.Add(widgets.NewDiffText(plainPieces(u.Title), true))
		}
		if u.Body != "" {
			box.Add(widgets.NewDiffText(plainPieces(u.Body), false))
		}
	}
	if p.Old != nil && p.New != nil {
		c := p.Competenties
		var parts []string
		if old && len(c.OnlyOld) > 0 {
			parts = append(parts, lang.L("alleen hier")+": "+strings.Join(c.OnlyOld, ", "))
		}
		if !old && len(c.OnlyNew) > 0 {
			parts = append(parts, lang.L("alleen hier")+": "+strings.Join(c.OnlyNew, ", "))
		}
		if len(c.Both) > 0 && !old {
			parts = append(parts, lang.L("in beide")+": "+strings.Join(c.Both, ", "))
		}
		if len(parts) > 0 {
			l := smallLabel(lang.L("Competenties") + " — " + strings.Join(parts, " · "))
			l.Wrapping = fyne.TextWrapWord
			box.Add(l)
		}
	}
	return box
}

func bullet(o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(nil, nil, widget.NewLabel("•"), nil, o)
}

// pairButtons: unpair a pair, forget a pair made by hand, or pair an
// element that has no partner.
func (cv *CompareView) pairButtons(p *compare.Pair) fyne.CanvasObject {
	set := func(oldID, newID string, forget bool) {
		if err := cv.ws.SetManualPair(cv.Old.ID, cv.New.ID, oldID, newID, forget); err != nil {
			dialog.ShowError(err, cv.Window)
			return
		}
		cv.Refresh()
	}
	small := func(label string, f func()) *widget.Button {
		b := widget.NewButton(label, f)
		b.Importance = widget.LowImportance
		return b
	}
	switch {
	case p.How == compare.ByHand:
		return small(lang.L("Ontkoppelen"), func() { set(p.Old.ID, "", true) })
	case p.Old != nil && p.New != nil:
		return small(lang.L("Ontkoppelen"), func() { set(p.Old.ID, "", false) })
	case p.Old != nil:
		return small(lang.L("Koppelen…"), func() { cv.choosePartner(p.Old, false, func(n *compare.Unit) { set(p.Old.ID, n.ID, false) }) })
	default:
		return small(lang.L("Koppelen…"), func() { cv.choosePartner(p.New, true, func(o *compare.Unit) { set(o.ID, p.New.ID, false) }) })
	}
}

// choosePartner offers the elements on the other side that have no
// partner yet.
func (cv *CompareView) choosePartner(u *compare.Unit, fromOld bool, chosen func(*compare.Unit)) {
	var cands []*compare.Unit
	var names []string
	for _, q := range cv.Result.Pairs {
		other := q.New
		if fromOld {
			other = q.Old
		}
		if other == nil || (q.Old != nil && q.New != nil) {
			continue
		}
		cands = append(cands, other)
		text := other.Title
		if text == "" {
			text = other.Body
		}
		names = append(names, app.Shorten(strings.TrimSpace(other.Kind.Label()+" "+other.Code+" "+text), 80))
	}
	if len(cands) == 0 {
		dialog.ShowInformation(lang.L("Koppelen…"), lang.L("Aan de andere kant is niets meer zonder partner."), cv.Window)
		return
	}
	sel := widget.NewSelect(names, nil)
	sel.SetSelectedIndex(0)
	dialog.ShowCustomConfirm(lang.L("Koppelen…"), lang.L("Koppelen"), lang.L("Annuleren"), sel, func(ok bool) {
		if ok && sel.SelectedIndex() >= 0 {
			chosen(cands[sel.SelectedIndex()])
		}
	}, cv.Window)
}

// askReport saves the comparison as a report: HTML or Word (by extension).
func (cv *CompareView) askReport(ext string) {
	showSaveDialog(cv.Window, fyne.CurrentApp().Preferences(), lang.L("Rapport opslaan…"),
		"vergelijking-"+fileName(cv.Old)+"-"+fileName(cv.New)+ext, []string{ext}, func(path string) {
			if err := cv.SaveReport(path); err != nil {
				dialog.ShowError(err, cv.Window)
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

// editMapping edits the mapping between the two competency models: choose
// an old competentie, tick the new ones it lines up with.
func (cv *CompareView) editMapping() {
	from, to := cv.ws.Catalogue(cv.Old), cv.ws.Catalogue(cv.New)
	if from == nil || to == nil {
		return
	}
	mapping, err := cv.ws.Mapping(from.ID, to.ID)
	if err != nil {
		dialog.ShowError(err, cv.Window)
		return
	}
	var fromNames, toNames []string
	for _, c := range from.Competenties {
		fromNames = append(fromNames, c.Name)
	}
	for _, c := range to.Competenties {
		toNames = append(toNames, c.Name)
	}
	checks := widget.NewCheckGroup(toNames, nil)
	pick := widget.NewSelect(fromNames, nil)
	current := -1
	pick.OnChanged = func(string) {
		current = pick.SelectedIndex()
		var on []string
		for _, t := range mapping[from.Competenties[current].ID] {
			for _, c := range to.Competenties {
				if c.ID == t {
					on = append(on, c.Name)
				}
			}
		}
		checks.OnChanged = nil
		checks.SetSelected(on)
		checks.OnChanged = func(sel []string) {
			chosen := map[string]bool{}
			for _, s := range sel {
				chosen[s] = true
			}
			for _, c := range to.Competenties {
				if err := cv.ws.SetMappingLink(from.Competenties[current].ID, c.ID, chosen[c.Name]); err != nil {
					dialog.ShowError(err, cv.Window)
					return
				}
			}
			if mapping, err = cv.ws.Mapping(from.ID, to.ID); err != nil {
				dialog.ShowError(err, cv.Window)
			}
			cv.Refresh()
		}
	}
	pick.SetSelectedIndex(0)
	content := container.NewBorder(container.NewVBox(widget.NewLabel(from.Name+" → "+to.Name), pick), nil, nil, nil, container.NewVScroll(checks))
	d := dialog.NewCustom(lang.L("Koppeling competenties…"), lang.L("Sluiten"), content, cv.Window)
	d.Resize(fyne.NewSize(520, 560))
	d.Show()
}
