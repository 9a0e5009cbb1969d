package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
	"bcpeditor/app/compare"
	"bcpeditor/widgets"
)

// The detail pane of the compare window: the selected row in full.

// showDetail shows the selected row: the old element and each counterpart
// with the words that changed (one to one) or the phrases they share
// (several), and the designer's choices.
func (cv *CompareView) showDetail() {
	cv.detail.Objects = nil
	if cv.Result == nil || cv.selected < 0 || cv.selected >= len(cv.shown) {
		cv.detail.Add(widget.NewLabel(lang.L("Kies een regel om hem hier helemaal te zien.")))
		cv.detail.Refresh()
		return
	}
	row := cv.Result.Rows[cv.shown[cv.selected]]
	cv.detail.Add(heading1(lang.L(string(row.Status)) + " — " + unitText(firstUnit(row))))
	if row.Old == nil {
		cv.detail.Add(unitBlock(row.New, nil))
		cv.detail.Add(container.NewHBox(
			widget.NewButton(lang.L("Koppelen met…"), func() { cv.askLink(nil, row.New) }),
			widget.NewButton(lang.L("Echt nieuw"), func() { cv.decide(app.Decision{NewID: row.New.ID, Verdict: app.VerdictRejected}) })))
	} else if one := row.OneToOne(); one != nil {
		cv.detail.Add(cv.oneToOne(one))
	} else {
		cv.detail.Add(cv.several(row))
	}
	cv.detail.Refresh()
}

func firstUnit(row compare.Row) *compare.Unit {
	if row.Old != nil {
		return row.Old
	}
	return row.New
}

// oneToOne shows an old element and its one counterpart side by side with
// the word diff of title, text and lists.
func (cv *CompareView) oneToOne(l *compare.Link) fyne.CanvasObject {
	d := l.Diff
	side := func(u *compare.Unit, old bool) fyne.CanvasObject {
		box := container.NewVBox(smallLabel(capitalise(u.Label())))
		if u.Title != "" || d.Title != nil {
			box.Add(widgets.NewMarkedText(pieces(compare.Side(d.Title, old)), true))
		}
		if len(d.Body) > 0 {
			box.Add(widgets.NewMarkedText(pieces(compare.Side(d.Body, old)), false))
		}
		for _, ld := range d.Lists {
			box.Add(smallLabel(capitalise(lang.L(ld.Kind.Label()))))
			for _, it := range ld.Items {
				switch {
				case it.Status == compare.Added && old, it.Status == compare.Removed && !old:
				case it.Status == compare.Added:
					box.Add(bullet(widgets.NewMarkedText([]widgets.Piece{{Text: it.New, Mark: widgets.Added}}, false)))
				case it.Status == compare.Removed:
					box.Add(bullet(widgets.NewMarkedText([]widgets.Piece{{Text: it.Old, Mark: widgets.Removed}}, false)))
				default:
					box.Add(bullet(widgets.NewMarkedText(pieces(compare.Side(it.Spans, old)), false)))
				}
			}
		}
		return box
	}
	info := smallLabel(compare.LinkLabel(l) + " · " + competentieLine(d.Competenties))
	info.Wrapping = fyne.TextWrapWord
	return container.NewVBox(container.NewGridWithColumns(2, side(l.Old, true), side(l.New, false)), info, cv.linkButtons(l))
}

// several shows an old element and each of its counterparts with the
// phrases they share highlighted.
func (cv *CompareView) several(row compare.Row) fyne.CanvasObject {
	right := container.NewVBox()
	for _, l := range row.Links {
		l := l
		right.Add(widget.NewLabelWithStyle(compare.LinkLabel(l), fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
		right.Add(unitBlock(l.New, l))
		right.Add(cv.linkButtons(l))
		right.Add(widget.NewSeparator())
	}
	if len(row.Links) == 0 {
		right.Add(widget.NewLabel(lang.L("Geen nieuw onderdeel neemt dit over.")))
	}
	right.Add(container.NewHBox(
		widget.NewButton(lang.L("Koppelen met…"), func() { cv.askLink(row.Old, nil) }),
		widget.NewButton(lang.L("Vervallen"), func() { cv.decide(app.Decision{OldID: row.Old.ID, Verdict: app.VerdictRejected}) })))
	var left fyne.CanvasObject = unitBlock(row.Old, nil)
	if len(row.Links) > 0 {
		left = unitBlock(row.Old, row.Links[0])
	}
	return container.NewGridWithColumns(2, left, right)
}

// unitBlock shows an element: its kind and code, title and text, with the
// phrases it shares with the other side of link marked (when link is set).
func unitBlock(u *compare.Unit, link *compare.Link) fyne.CanvasObject {
	box := container.NewVBox(smallLabel(capitalise(u.Label())))
	for _, text := range []string{u.Title, u.Body} {
		if text == "" {
			continue
		}
		if link != nil {
			box.Add(widgets.NewMarkedText(pieces(link.Marks(text)), text == u.Title))
		} else {
			box.Add(widgets.NewMarkedText([]widgets.Piece{{Text: text}}, text == u.Title))
		}
	}
	return box
}

// linkButtons are the choices on one link: confirm or reject a
// suggestion, reject a link the program made, forget one's own choice.
func (cv *CompareView) linkButtons(l *compare.Link) fyne.CanvasObject {
	d := app.Decision{OldID: l.Old.ID, NewID: l.New.ID}
	box := container.NewHBox()
	switch {
	case l.Verdict == compare.Made || l.Verdict == compare.Confirmed:
		box.Add(widget.NewButton(lang.L("Mijn keuze vergeten"), func() { cv.forget(l.Old.ID, l.New.ID) }))
	case l.Suggestion:
		d.Verdict = app.VerdictConfirmed
		confirm := d
		box.Add(widget.NewButton(lang.L("Bevestigen"), func() { cv.decide(confirm) }))
		fallthrough
	default:
		d.Verdict = app.VerdictRejected
		reject := d
		box.Add(widget.NewButton(lang.L("Ontkoppelen"), func() { cv.decide(reject) }))
	}
	return box
}

// askLink lets the designer link an element to one of the other side.
func (cv *CompareView) askLink(old, nw *compare.Unit) {
	cands := cv.Result.NewUnits
	if old == nil {
		cands = cv.Result.OldUnits
	}
	var names []string
	for _, u := range cands {
		names = append(names, unitText(u))
	}
	sel := widget.NewSelect(names, nil)
	d := showCustomConfirm(cv.Window, lang.L("Koppelen met…"), lang.L("Koppelen"), sel, func(ok bool) {
		if !ok || sel.SelectedIndex() < 0 {
			return
		}
		other := cands[sel.SelectedIndex()]
		if old != nil {
			cv.decide(app.Decision{OldID: old.ID, NewID: other.ID, Verdict: app.VerdictMade})
		} else {
			cv.decide(app.Decision{OldID: other.ID, NewID: nw.ID, Verdict: app.VerdictMade})
		}
	})
	d.Resize(fyne.NewSize(fyne.Min(900, cv.Window.Canvas().Size().Width*0.9), 200))
}

// Decide stores a verdict and compares again.
func (cv *CompareView) decide(d app.Decision) {
	cv.recompare(func() error { return cv.cmp.Decide(d) })
}

func (cv *CompareView) forget(oldID, newID string) {
	cv.recompare(func() error { return cv.cmp.Forget(oldID, newID) })
}

// pieces turns the marks every view draws into the widget's pieces.
func pieces(ms []compare.Mark) []widgets.Piece {
	out := make([]widgets.Piece, len(ms))
	for i, m := range ms {
		mark := widgets.Plain
		switch {
		case m.Removed:
			mark = widgets.Removed
		case m.Added:
			mark = widgets.Added
		case m.Shared:
			mark = widgets.Shared
		}
		out[i] = widgets.Piece{Text: m.Text, Mark: mark}
	}
	return out
}

func competentieLine(c compare.CompetentieDiff) string {
	var parts []string
	if len(c.OnlyOld) > 0 {
		parts = append(parts, lang.L("alleen oud")+": "+strings.Join(c.OnlyOld, ", "))
	}
	if len(c.OnlyNew) > 0 {
		parts = append(parts, lang.L("alleen nieuw")+": "+strings.Join(c.OnlyNew, ", "))
	}
	if len(c.Both) > 0 {
		parts = append(parts, lang.L("in beide")+": "+strings.Join(c.Both, ", "))
	}
	if len(parts) == 0 {
		return lang.L("Competenties") + " —"
	}
	return lang.L("Competenties") + " — " + strings.Join(parts, " · ")
}

func smallLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Importance = widget.LowImportance
	return l
}

func bullet(o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(nil, nil, widget.NewLabel("•"), nil, o)
}

// editMapping edits the mapping between the two competency models: choose
// an old competentie, tick the new ones it lines up with.
func (cv *CompareView) editMapping() {
	from, to := cv.ws.Catalogue(cv.cmp.Old), cv.ws.Catalogue(cv.cmp.New)
	if from == nil || to == nil {
		return
	}
	mapping, err := cv.ws.Mapping(from.ID, to.ID)
	if err != nil {
		showError(cv.Window, err)
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
	pick.OnChanged = func(string) {
		current := from.Competenties[pick.SelectedIndex()]
		var on []string
		for _, t := range mapping[current.ID] {
			if c := catalogueEntry(to, t); c != nil {
				on = append(on, c.Name)
			}
		}
		checks.OnChanged = nil
		checks.SetSelected(on)
		checks.OnChanged = func(sel []string) { cv.setMapping(from, to, current, sel, &mapping) }
	}
	pick.SetSelectedIndex(0)
	content := container.NewBorder(container.NewVBox(widget.NewLabel(from.Name+" → "+to.Name), pick), nil, nil, nil, container.NewVScroll(checks))
	d := dialog.NewCustom(lang.L("Koppeling competenties…"), lang.L("Sluiten"), content, cv.Window)
	d.Resize(fyne.NewSize(520, 560))
	d.Show()
	keyed(cv.Window, d, d.Hide, d.Hide)
}

// setMapping stores which new competenties one old competentie maps to and
// compares again.
func (cv *CompareView) setMapping(from, to *app.Catalogue, current *app.Competentie, sel []string, mapping *compare.Mapping) {
	chosen := map[string]bool{}
	for _, s := range sel {
		chosen[s] = true
	}
	for _, c := range to.Competenties {
		if err := cv.ws.SetMappingLink(current.ID, c.ID, chosen[c.Name]); err != nil {
			showError(cv.Window, err)
			return
		}
	}
	m, err := cv.ws.Mapping(from.ID, to.ID)
	if err != nil {
		showError(cv.Window, err)
		return
	}
	*mapping = m
	cv.recompare(cv.cmp.Remap)
}

func catalogueEntry(c *app.Catalogue, id string) *app.Competentie {
	for _, k := range c.Competenties {
		if k.ID == id {
			return k
		}
	}
	return nil
}
