package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
	"bcpeditor/app/search"
	"bcpeditor/widgets"
)

// The competenties view: every competentie of every competency model, with
// where it is used (which werkprocessen and rollen in which profiles),
// filtered by the same search; choosing a use jumps to it.

// competentieUse is one werkproces or rol that uses a competentie.
type competentieUse struct {
	result search.Result // to jump to
	label  string
}

// CompetentieUses lists, per catalogue competentie ID, the werkprocessen
// and rollen of all profiles that use it.
func (mw *MainWindow) CompetentieUses() map[string][]competentieUse {
	uses := map[string][]competentieUse{}
	for _, s := range mw.summaries {
		p, err := mw.store.LoadProfile(mw.ctx, s.ID)
		if err != nil {
			continue
		}
		if mw.profile != nil && p.ID == mw.profile.ID {
			p = mw.profile // the open one, with its latest edits
		}
		add := func(ref *app.CompetentieRef, owner, code, title string) {
			uses[ref.Competentie] = append(uses[ref.Competentie], competentieUse{
				result: search.Result{Item: search.Item{Kind: app.KindCompetentie, ProfileID: p.ID, ProfileTitle: p.Title, ElementID: ref.ID, ParentID: owner}},
				label:  p.Title + " (" + p.VersionLabel + ") · " + code + " " + title,
			})
		}
		for _, k := range p.Kerntaken {
			for _, w := range k.Werkprocessen {
				for _, r := range w.Competenties {
					add(r, w.ID, w.Code, w.Title)
				}
			}
		}
		for _, r := range p.Rollen {
			for _, c := range r.Competenties {
				add(c, r.ID, lang.L("rol")+" "+r.Code, r.Title)
			}
		}
	}
	return uses
}

// ShowCompetenties opens the competenties view, with selectID (a catalogue
// competentie) chosen when given.
func (mw *MainWindow) ShowCompetenties(selectID string) {
	uses := mw.CompetentieUses()
	type entry struct {
		c   *app.Competentie
		cat string
	}
	var all []entry
	for _, cat := range mw.catalog {
		for _, c := range cat.Competenties {
			all = append(all, entry{c, cat.Name})
		}
	}
	shown := all
	var current []competentieUse
	var d dialog.Dialog
	useList := widget.NewList(func() int { return len(current) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(current[i].label) })
	useList.OnSelected = func(i widget.ListItemID) {
		d.Hide()
		mw.JumpTo(current[i].result)
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
			for _, r := range mw.index.Search(q, search.Options{Kinds: map[app.Kind]bool{search.KindCatalogus: true}, Limit: 100}) {
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
