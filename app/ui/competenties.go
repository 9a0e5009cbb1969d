package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
	"bcpeditor/app/search"
	"bcpeditor/app/workspace"
	"bcpeditor/widgets"
)

// The competenties view: every competentie of every competency model, with
// where it is used (which werkprocessen and rollen in which profiles),
// filtered by the same search; choosing a use jumps to it.

// useLabel is how a use of a competentie reads in the list.
func useLabel(u workspace.Use) string {
	return u.ProfileTitle + " (" + u.VersionLabel + ") · " + u.Code + " " + u.Title
}

// ShowCompetenties opens the competenties view, with selectID (a catalogue
// competentie) chosen when given.
func (mw *MainWindow) ShowCompetenties(selectID string) {
	uses, err := mw.ws.CompetentieUses()
	if err != nil {
		mw.showError(err)
		return
	}
	type entry struct {
		c   *app.Competentie
		cat string
	}
	var all []entry
	for _, cat := range mw.ws.Catalogues() {
		for _, c := range cat.Competenties {
			all = append(all, entry{c, cat.Name})
		}
	}
	shown := all
	var current []workspace.Use
	var d dialog.Dialog
	useList := widget.NewList(func() int { return len(current) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(useLabel(current[i])) })
	useList.OnSelected = func(i widget.ListItemID) {
		d.Hide()
		u := current[i]
		mw.JumpTo(search.Result{Item: search.Item{Kind: app.KindCompetentie, ProfileID: u.ProfileID, ProfileTitle: u.ProfileTitle, ElementID: u.RefID, ParentID: u.OwnerID}})
	}
	heading := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.Wrapping = fyne.TextWrapWord
	compList := widget.NewList(func() int { return len(shown) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			e := shown[i]
			o.(*widget.Label).SetText(e.c.Name + "  (" + itoa(len(uses[e.c.ID])) + "×) · " + e.cat)
		})
	compList.OnSelected = func(i widget.ListItemID) {
		e := shown[i]
		current = uses[e.c.ID]
		heading.SetText(e.c.Name + " — " + e.cat + ": " + lang.L("gebruikt in") + " " + itoa(len(current)))
		useList.UnselectAll()
		useList.Refresh()
	}
	filter := widgets.NewFieldEntry("competenties")
	filter.SetPlaceHolder(lang.L("Typ om te filteren…"))
	filter.OnChanged = func(q string) {
		shown = nil
		if q == "" {
			shown = all
		} else {
			byID := map[string]entry{}
			for _, e := range all {
				byID[e.c.ID] = e
			}
			for _, r := range mw.ws.Search(q, search.Options{Kinds: map[app.Kind]bool{search.KindCatalogus: true}, Limit: 100}) {
				if e, ok := byID[r.ElementID]; ok {
					shown = append(shown, e)
				}
			}
		}
		compList.UnselectAll()
		compList.Refresh()
		if len(shown) > 0 {
			compList.Select(0)
		}
	}
	left := container.NewBorder(filter, nil, nil, nil, compList)
	right := container.NewBorder(heading, nil, nil, nil, useList)
	split := container.NewHSplit(left, right)
	split.Offset = 0.4
	d = dialog.NewCustom(lang.L("Competenties"), lang.L("Sluiten"), split, mw.Window)
	size := mw.Window.Canvas().Size()
	d.Resize(fyne.NewSize(size.Width*0.9, size.Height*0.85))
	mw.competenties = &competentiesView{filter: filter, comps: compList, uses: useList, dialog: d}
	d.Show()
	keyed(mw.Window, d, d.Hide, d.Hide)
	for i, e := range shown {
		if e.c.ID == selectID {
			compList.Select(i)
			compList.ScrollTo(i)
		}
	}
	mw.Window.Canvas().Focus(filter)
}

// competentiesView is the open competenties view, kept for tests.
type competentiesView struct {
	filter *widgets.FieldEntry
	comps  *widget.List
	uses   *widget.List
	dialog dialog.Dialog
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
