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
	"bcpeditor/app/workspace"
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
	summary := widget.NewLabel(plan.Summary())
	summary.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(summary)
	mv := &mergeView{plan: plan, choices: workspace.Choices{}}
	for _, m := range plan.Merges {
		mine := map[string]app.Side{}
		mv.choices[m.Local.ID] = mine
		for _, c := range m.Conflicts {
			box.Add(widget.NewSeparator())
			box.Add(conflictRow(c, mine))
		}
	}
	mv.dialog = dialog.NewCustomConfirm(lang.L("Samenvoegen"), lang.L("Samenvoegen"), lang.L("Annuleren"), container.NewVScroll(box), func(ok bool) {
		mw.merge = nil
		if ok {
			if err := mw.ApplyImport(plan, mv.choices); err != nil {
				mw.showError(err)
			}
		}
	}, mw.Window)
	mv.dialog.Resize(fyne.NewSize(900, 600))
	mw.merge = mv
	mv.dialog.Show()
	keyed(mw.Window, mv.dialog, mv.dialog.Confirm, mv.dialog.Hide)
}

// conflictRow shows both versions of an element changed on both sides,
// with the choice between them (the library's own by default).
func conflictRow(c app.Conflict, chosen map[string]app.Side) fyne.CanvasObject {
	options := []string{lang.L("eigen versie houden"), lang.L("binnenkomende versie nemen")}
	text := func(e *app.Element, m *app.ProfileMeta) string {
		switch {
		case m != nil:
			return m.Title + " · " + m.VersionLabel + " · " + string(m.Status)
		case e == nil:
			return lang.L("(verwijderd)")
		}
		return strings.TrimSpace(e.Code + " " + e.Label())
	}
	local := widget.NewLabel(lang.L("Hier") + ": " + text(c.Local, c.LocalMeta))
	local.Wrapping = fyne.TextWrapWord
	incoming := widget.NewLabel(lang.L("Binnenkomend") + ": " + text(c.Incoming, c.IncomingMeta))
	incoming.Wrapping = fyne.TextWrapWord
	pick := widget.NewRadioGroup(options, func(s string) {
		if s == options[1] {
			chosen[c.ElementID] = app.TakeIncoming
		} else {
			chosen[c.ElementID] = app.KeepLocal
		}
	})
	pick.Horizontal = true
	pick.SetSelected(options[0])
	return container.NewVBox(widget.NewLabelWithStyle(c.What, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewGridWithColumns(2, local, incoming), pick)
}
