package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
	"github.com/sahilm/fuzzy"

	"bcpeditor/app"
	"bcpeditor/widgets"
)

// competentieSource lets sahilm/fuzzy match on names without diacritics.
type competentieSource []*app.Competentie

func (s competentieSource) String(i int) string { return app.Fold(s[i].Name) }
func (s competentieSource) Len() int            { return len(s) }

// FilterCompetenties returns the catalogue entries that match query (all
// when it is empty), best first, leaving out those in skip.
func FilterCompetenties(cat *app.Catalogue, query string, skip map[string]bool) []*app.Competentie {
	var pool competentieSource
	for _, c := range cat.Competenties {
		if !skip[c.ID] {
			pool = append(pool, c)
		}
	}
	if query == "" {
		return pool
	}
	var out []*app.Competentie
	for _, m := range fuzzy.FindFrom(app.Fold(query), pool) {
		out = append(out, pool[m.Index])
	}
	return out
}

// PickCompetentie opens a picker that filters the profile's competency
// model as the designer types; Enter or a click adds the competentie to the
// werkproces or rol.
func (mw *MainWindow) PickCompetentie(parent string) {
	s := mw.ws.Session()
	if s == nil {
		return
	}
	cat := s.Catalogue()
	if cat == nil {
		mw.showError(errors.New(lang.L("Het competentiemodel van dit profiel ontbreekt in de bibliotheek.")))
		return
	}
	used := map[string]bool{}
	for _, r := range s.Children(parent, app.KindCompetentie) {
		used[r.Ref] = true
	}
	matches := FilterCompetenties(cat, "", used)
	list := widget.NewList(func() int { return len(matches) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(matches[i].Name) })
	filter := widgets.NewFieldEntry("picker")
	filter.SetPlaceHolder(lang.L("Typ om te filteren…"))
	var d dialog.Dialog
	choose := func(c *app.Competentie) {
		d.Hide()
		mw.edit(func(ed *app.Editor) error {
			_, err := ed.Add(app.KindCompetentie, parent, app.Element{Ref: c.ID})
			return err
		})
	}
	filter.OnChanged = func(s string) {
		matches = FilterCompetenties(cat, s, used)
		list.Refresh()
		list.ScrollToTop()
	}
	filter.OnSubmitted = func(string) {
		if len(matches) > 0 {
			choose(matches[0])
		}
	}
	list.OnSelected = func(i widget.ListItemID) { choose(matches[i]) }
	content := container.NewBorder(filter, nil, nil, nil, list)
	d = dialog.NewCustom(lang.L("Competentie toevoegen"), lang.L("Annuleren"), content, mw.Window)
	d.Resize(fyne.NewSize(420, 460))
	mw.picker = &picker{filter: filter, choose: func(i int) { choose(matches[i]) }, dialog: d}
	d.Show()
	keyed(mw.Window, d, func() { filter.OnSubmitted(filter.Text) }, d.Hide)
	filter.OnKey = func(k *fyne.KeyEvent) bool {
		if k.Name == fyne.KeyEscape {
			d.Hide()
			return true
		}
		return false
	}
	mw.Window.Canvas().Focus(filter)
}

// picker is the open competentie picker, kept for tests.
type picker struct {
	filter *widgets.FieldEntry
	choose func(i int)
	dialog dialog.Dialog
}
