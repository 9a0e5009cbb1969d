package ui

import (
	"fmt"
	"io"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
	"bcpeditor/app/compare"
	"bcpeditor/app/workspace"
	"bcpeditor/widgets"
)

// askImport asks for an exchange file or CASE package and imports it.
func (mw *MainWindow) askImport() {
	showOpenDialog(mw.Window, mw.App.Preferences(), lang.L("Importeren…"), []string{".json"}, func(path string) {
		f, err := os.Open(path)
		if err != nil {
			mw.showError(fmt.Errorf(lang.L("%s kan niet worden geopend. Er is niets gewijzigd."), path))
			return
		}
		defer f.Close()
		if err := mw.ImportFrom(f); err != nil {
			mw.showError(err)
		}
	})
}

// ImportFrom reads an exchange file or CASE package. New profiles are
// added at once; when a profile the library has comes back, the designer
// first sees what would happen and chooses for every element changed on
// both sides, and then everything is written in one go. Bad input changes
// nothing and is reported in Dutch.
func (mw *MainWindow) ImportFrom(r io.Reader) error {
	plan, err := mw.ws.PlanImport(r)
	if err != nil {
		return err
	}
	if len(plan.Merges) > 0 {
		mw.showMerge(plan)
		return nil
	}
	return mw.ApplyImport(plan, nil)
}

// ApplyImport writes an import with the designer's choices and opens what
// came in.
func (mw *MainWindow) ApplyImport(plan *workspace.ImportPlan, choices workspace.Choices) error {
	res, err := mw.ws.ApplyImport(plan, choices)
	if err != nil {
		return err
	}
	var names []string
	for _, c := range plan.Catalogues {
		names = append(names, c.Name)
	}
	for _, p := range append(res.New, res.Merged...) {
		names = append(names, p.Title)
	}
	if r := plan.Report; r != nil && (len(r.Repaired) > 0 || len(r.NotImported) > 0 || len(plan.Catalogues) > 0) {
		showInfo(mw.Window, lang.L("Ingelezen"), r.String())
	}
	switch {
	case len(res.New) > 0:
		mw.OpenProfile(res.New[0].ID)
	case len(res.Merged) > 0 && (mw.Profile() == nil || mw.Profile().ID != res.Merged[0].ID):
		mw.OpenProfile(res.Merged[0].ID)
	}
	if len(names) == 0 {
		mw.Status.SetText(lang.L("Ingelezen; er is niets veranderd."))
	} else {
		mw.Status.SetText(lang.L("Ingelezen") + ": " + strings.Join(names, "; "))
	}
	return nil
}

// mergeView is the open merge dialog, kept for tests.
type mergeView struct {
	plan    *workspace.ImportPlan
	choices workspace.Choices
	dialog  *dialog.ConfirmDialog
}

// showMerge shows the dry run of an import and, per conflict, both
// versions with a choice; nothing changes until "Samenvoegen".
func (mw *MainWindow) showMerge(plan *workspace.ImportPlan) {
	mw.showMergeThen(plan, lang.L("Samenvoegen"), mw.ApplyImport)
}

// showMergeThen is showMerge with what "Samenvoegen" does (an import, or
// bringing profiles back from offline work).
func (mw *MainWindow) showMergeThen(plan *workspace.ImportPlan, title string, apply func(*workspace.ImportPlan, workspace.Choices) error) {
	summary := widget.NewLabel(plan.Summary())
	summary.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(summary)
	mv := &mergeView{plan: plan, choices: workspace.Choices{}}
	for _, m := range plan.Merges {
		mine := map[string]app.Side{}
		mv.choices[m.Local.ID] = mine
		box.Add(incomingChanges(m))
		for _, c := range m.Conflicts {
			box.Add(widget.NewSeparator())
			box.Add(conflictRow(c, mine))
		}
	}
	mv.dialog = dialog.NewCustomConfirm(title, lang.L("Samenvoegen"), lang.L("Annuleren"), container.NewVScroll(box), func(ok bool) {
		mw.merge = nil
		if ok {
			if err := apply(plan, mv.choices); err != nil {
				mw.showError(err)
			}
		}
	}, mw.Window)
	size := mw.Window.Canvas().Size()
	mv.dialog.Resize(fyne.NewSize(fyne.Min(1000, size.Width*0.95), fyne.Min(700, size.Height*0.9)))
	mw.merge = mv
	mv.dialog.Show()
	keyed(mw.Window, mv.dialog, mv.dialog.Confirm, mv.dialog.Hide)
}

// conflictRow shows both versions of an element changed on both sides, in
// full and with the words that differ marked (gone on this side, new on
// the other), with the choice between them (the library's own by default).
func conflictRow(c app.Conflict, chosen map[string]app.Side) fyne.CanvasObject {
	options := []string{lang.L("eigen versie houden"), lang.L("binnenkomende versie nemen")}
	pick := widget.NewRadioGroup(options, func(s string) {
		if s == options[1] {
			chosen[c.ElementID] = app.TakeIncoming
		} else {
			chosen[c.ElementID] = app.KeepLocal
		}
	})
	pick.Horizontal = true
	pick.SetSelected(options[0])
	return container.NewVBox(conflictSides(c, lang.L("Hier"), lang.L("Binnenkomend")), pick)
}

// conflictSides shows what a conflict is about and both versions side by
// side, in full, with the words that differ marked.
func conflictSides(c app.Conflict, hereHead, thereHead string) fyne.CanvasObject {
	here, there := conflictText(c.Local, c.LocalMeta), conflictText(c.Incoming, c.IncomingMeta)
	diff := compare.WordDiff(here, there)
	side := func(head string, gone bool, old bool) fyne.CanvasObject {
		box := container.NewVBox(widget.NewLabelWithStyle(head, fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
		if gone {
			box.Add(widget.NewLabel(lang.L("(verwijderd)")))
		} else {
			box.Add(widgets.NewMarkedText(pieces(compare.Side(diff, old)), false))
		}
		return box
	}
	return container.NewVBox(widget.NewLabelWithStyle(c.What, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewGridWithColumns(2,
			side(hereHead, c.Local == nil && c.LocalMeta == nil, true),
			side(thereHead, c.Incoming == nil && c.IncomingMeta == nil, false)))
}

// conflictText is one side of a conflict as text: an element's code, title
// and text, or the profile's own fields one per line.
func conflictText(e *app.Element, m *app.ProfileMeta) string {
	var parts []string
	add := func(label, value string) {
		if strings.TrimSpace(value) != "" {
			if label != "" {
				value = label + ": " + value
			}
			parts = append(parts, value)
		}
	}
	switch {
	case m != nil:
		add(lang.L("Titel"), m.Title)
		add(lang.L("Beroep"), m.Beroep)
		add(lang.L("Eigenaar"), m.Owner)
		add(lang.L("Versie"), m.VersionLabel)
		add(lang.L("Status"), lang.L(string(m.Status)))
		for _, ev := range m.StatusHistory {
			add(capitalise(lang.L(string(ev.Status))), strings.TrimSpace(ev.Date+" "+ev.Place+" "+ev.By))
		}
		for _, c := range m.Colofon {
			add(c.Role, strings.TrimSpace(c.Name+" "+c.Organisation))
		}
	case e != nil:
		add("", e.Code)
		add("", e.Title)
		add("", e.Body)
	}
	return strings.Join(parts, "\n")
}

// incomingChanges lists what the other side changed without a conflict:
// every element that is new there, changed only there or deleted there,
// and the new notes.
func incomingChanges(m *app.MergePlan) fyne.CanvasObject {
	acc := widget.NewAccordion()
	group := func(title string, es []app.Element) {
		if len(es) == 0 {
			return
		}
		box := container.NewVBox()
		for _, e := range es {
			box.Add(wrapped(strings.TrimSpace(capitalise(lang.L(e.Kind.Label())) + " " + e.Code + " " + app.Shorten(e.Label(), 100))))
		}
		acc.Append(widget.NewAccordionItem(fmt.Sprintf("%s (%d)", title, len(es)), box))
	}
	group(lang.L("Nieuw in het bestand"), m.Added)
	group(lang.L("Alleen in het bestand gewijzigd"), m.Updated)
	group(lang.L("In het bestand verwijderd"), m.Deleted)
	if len(m.ReviewsAdded) > 0 {
		box := container.NewVBox()
		for _, r := range m.ReviewsAdded {
			box.Add(wrapped(strings.TrimSpace(r.Source + " " + r.Date + ": " + lang.L(r.Aansluiting.Label()) + " " + app.Shorten(r.Toelichting, 100))))
		}
		acc.Append(widget.NewAccordionItem(fmt.Sprintf("%s (%d)", lang.L("Nieuwe beoordelingen en notities"), len(m.ReviewsAdded)), box))
	}
	return acc
}
