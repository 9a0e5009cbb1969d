package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
	"bcpeditor/app/workspace"
)

// AskSnapshot freezes the open profile under a name ("Versie vastleggen").
func (mw *MainWindow) AskSnapshot() {
	p := mw.Profile()
	if p == nil {
		return
	}
	label := dialogEntry("")
	label.SetPlaceHolder(lang.L("bijv. na workshop Utrecht"))
	showForm(mw.Window, lang.L("Versie vastleggen…"), lang.L("Vastleggen"), []*widget.FormItem{widget.NewFormItem(lang.L("Naam"), label)}, func(ok bool) {
		if !ok {
			return
		}
		name := strings.TrimSpace(label.Text)
		if name == "" {
			name = p.VersionLabel
		}
		if _, err := mw.ws.SaveSnapshot(name); err != nil {
			mw.showError(err)
			return
		}
		mw.Status.SetText(lang.L("Vastgelegd") + ": " + name)
	})
}

// historyLabel is how a history entry reads in the list.
func historyLabel(e workspace.HistoryEntry) string {
	if e.Snapshot != nil {
		return "    " + lang.L("vastgelegd") + ": " + e.Snapshot.Label + ", " + shortDate(e.Snapshot.Created)
	}
	v := e.Version
	return fmt.Sprintf("%s — %s (%s), %s %s", v.Title, v.VersionLabel, lang.L(string(v.Status)), lang.L("gewijzigd"), shortDate(v.Modified))
}

func shortDate(stamp string) string {
	if len(stamp) >= 16 {
		return stamp[:10] + " " + stamp[11:16]
	}
	return stamp
}

// ShowHistory shows the versions and snapshots of the open profile: open
// one (a snapshot read-only), compare it with the open profile, or restore
// it as a new version.
func (mw *MainWindow) ShowHistory() {
	p := mw.Profile()
	if p == nil {
		return
	}
	entries, err := mw.ws.History(p.ID)
	if err != nil {
		mw.showError(err)
		return
	}
	sel := -1
	list := widget.NewList(func() int { return len(entries) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(historyLabel(entries[i])) })
	var d dialog.Dialog
	open := widget.NewButton(lang.L("Openen"), func() {
		if sel < 0 {
			return
		}
		e := entries[sel]
		d.Hide()
		if e.Snapshot == nil {
			mw.OpenProfile(e.Version.ID)
			return
		}
		if p, err := mw.ws.LoadHistoryEntry(e); err != nil {
			mw.showError(err)
		} else {
			mw.ShowReadOnly(p, strings.TrimSpace(historyLabel(e)))
		}
	})
	// withChosen loads the chosen entry and hands it to f.
	withChosen := func(f func(p *app.Profile)) func() {
		return func() {
			if sel < 0 {
				return
			}
			p, err := mw.ws.LoadHistoryEntry(entries[sel])
			if err != nil {
				mw.showError(err)
				return
			}
			d.Hide()
			f(p)
		}
	}
	cmp := widget.NewButton(lang.L("Vergelijken met open profiel"), withChosen(func(p *app.Profile) {
		mw.OpenCompareProfiles(p, mw.Profile())
	}))
	restore := widget.NewButton(lang.L("Herstellen als nieuwe versie"), withChosen(func(p *app.Profile) {
		mw.NewVersionFrom(p, p.VersionLabel+" ("+lang.L("hersteld")+")")
	}))
	list.OnSelected = func(i widget.ListItemID) { sel = i }
	content := container.NewBorder(nil, container.NewHBox(open, cmp, restore), nil, nil, list)
	d = dialog.NewCustom(lang.L("Geschiedenis…"), lang.L("Sluiten"), content, mw.Window)
	d.Resize(fyne.NewSize(760, 420))
	d.Show()
	keyed(mw.Window, d, func() { open.OnTapped() }, d.Hide)
	mw.history = &historyView{list: list, entries: entries, open: open, compare: cmp, restore: restore, dialog: d}
}

// historyView is the open history dialog, kept for tests.
type historyView struct {
	list                   *widget.List
	entries                []workspace.HistoryEntry
	open, compare, restore *widget.Button
	dialog                 dialog.Dialog
}

// ShowReadOnly shows a profile (a snapshot) in a window of its own, as an
// outline that cannot be edited.
func (mw *MainWindow) ShowReadOnly(p *app.Profile, title string) fyne.Window {
	var b strings.Builder
	app.WriteOutline(&b, p, mw.ws.Catalogue(p))
	text := widget.NewLabel(b.String())
	text.Wrapping = fyne.TextWrapWord
	w := mw.App.NewWindow(lang.L("Alleen lezen") + ": " + title)
	w.SetContent(container.NewVScroll(container.NewPadded(text)))
	w.Resize(fyne.NewSize(900, 700))
	w.Show()
	return w
}
