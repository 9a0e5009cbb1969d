package ui

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
	"bcpeditor/storage"
)

// historyStore is what version history needs of the library.
type historyStore interface {
	SaveSnapshot(ctx context.Context, profileID, label string) (storage.Snapshot, error)
	Snapshots(ctx context.Context, profileID string) ([]storage.Snapshot, error)
	LoadSnapshot(ctx context.Context, id string) (*app.Profile, error)
}

// AskSnapshot freezes the open profile under a name ("Versie vastleggen").
func (mw *MainWindow) AskSnapshot() {
	hs, ok := mw.store.(historyStore)
	if mw.profile == nil || !ok {
		return
	}
	label := widget.NewEntry()
	label.SetPlaceHolder(lang.L("bijv. na workshop Utrecht"))
	dialog.ShowForm(lang.L("Versie vastleggen…"), lang.L("Vastleggen"), lang.L("Annuleren"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("Naam"), label)}, func(ok bool) {
			if !ok {
				return
			}
			name := strings.TrimSpace(label.Text)
			if name == "" {
				name = mw.profile.VersionLabel
			}
			if _, err := hs.SaveSnapshot(mw.ctx, mw.profile.ID, name); err != nil {
				mw.showError(err)
				return
			}
			mw.Status.SetText(lang.L("Vastgelegd") + ": " + name)
		}, mw.Window)
}

// historyEntry is one line of a profile's history: a version (a profile of
// the same lineage) or a snapshot of one.
type historyEntry struct {
	label    string
	profile  string // profile ID
	snapshot string // snapshot ID, or "" for the live profile
}

// Family lists the IDs of the profiles linked to id by "new version of",
// in both directions, oldest first.
func (mw *MainWindow) Family(id string) []string {
	parent := map[string]string{}
	for _, s := range mw.summaries {
		parent[s.ID] = s.Origin
	}
	root := func(x string) string {
		for seen := 0; parent[x] != "" && seen < 1000; seen++ {
			if _, ok := parent[parent[x]]; !ok {
				break // the origin is no longer in the library
			}
			x = parent[x]
		}
		return x
	}
	r := root(id)
	var out []app.ProfileSummary
	for _, s := range mw.summaries {
		if root(s.ID) == r {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Created < out[j].Created })
	var ids []string
	for _, s := range out {
		ids = append(ids, s.ID)
	}
	return ids
}

// HistoryEntries lists the versions of the open profile's lineage with
// their snapshots.
func (mw *MainWindow) HistoryEntries() []historyEntry {
	hs, ok := mw.store.(historyStore)
	if mw.profile == nil || !ok {
		return nil
	}
	byID := map[string]app.ProfileSummary{}
	for _, s := range mw.summaries {
		byID[s.ID] = s
	}
	var out []historyEntry
	for _, id := range mw.Family(mw.profile.ID) {
		s := byID[id]
		out = append(out, historyEntry{
			label:   fmt.Sprintf("%s — %s (%s), %s %s", s.Title, s.VersionLabel, lang.L(string(s.Status)), lang.L("gewijzigd"), shortDate(s.Modified)),
			profile: id,
		})
		snaps, err := hs.Snapshots(mw.ctx, id)
		if err != nil {
			mw.showError(err)
			continue
		}
		for _, sn := range snaps {
			out = append(out, historyEntry{label: "    " + lang.L("vastgelegd") + ": " + sn.Label + ", " + shortDate(sn.Created), profile: id, snapshot: sn.ID})
		}
	}
	return out
}

func shortDate(stamp string) string {
	if len(stamp) >= 16 {
		return stamp[:10] + " " + stamp[11:16]
	}
	return stamp
}

// loadEntry gives the profile of a history entry (a snapshot read-only).
func (mw *MainWindow) loadEntry(e historyEntry) (*app.Profile, error) {
	if e.snapshot != "" {
		return mw.store.(historyStore).LoadSnapshot(mw.ctx, e.snapshot)
	}
	if mw.profile != nil && e.profile == mw.profile.ID {
		return mw.profile, nil
	}
	return mw.store.LoadProfile(mw.ctx, e.profile)
}

// ShowHistory shows the versions and snapshots of the open profile: open
// one (a snapshot read-only), compare it with the open profile, or restore
// it as a new version.
func (mw *MainWindow) ShowHistory() {
	entries := mw.HistoryEntries()
	if len(entries) == 0 {
		return
	}
	sel := -1
	list := widget.NewList(func() int { return len(entries) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(entries[i].label) })
	var d dialog.Dialog
	open := widget.NewButton(lang.L("Openen"), func() {
		if sel < 0 {
			return
		}
		e := entries[sel]
		d.Hide()
		if e.snapshot == "" {
			mw.Library.Select(e.profile)
			return
		}
		if p, err := mw.loadEntry(e); err != nil {
			mw.showError(err)
		} else {
			mw.ShowReadOnly(p, strings.TrimSpace(e.label))
		}
	})
	// withChosen loads the chosen entry and hands it to f.
	withChosen := func(f func(p *app.Profile)) func() {
		return func() {
			if sel < 0 {
				return
			}
			p, err := mw.loadEntry(entries[sel])
			if err != nil {
				mw.showError(err)
				return
			}
			d.Hide()
			f(p)
		}
	}
	cmp := widget.NewButton(lang.L("Vergelijken met open profiel"), withChosen(func(p *app.Profile) {
		mw.OpenCompareProfiles(p, mw.profile)
	}))
	restore := widget.NewButton(lang.L("Herstellen als nieuwe versie"), withChosen(func(p *app.Profile) {
		mw.NewVersionFrom(p, p.VersionLabel+" ("+lang.L("hersteld")+")")
	}))
	list.OnSelected = func(i widget.ListItemID) { sel = i }
	content := container.NewBorder(nil, container.NewHBox(open, cmp, restore), nil, nil, list)
	d = dialog.NewCustom(lang.L("Geschiedenis…"), lang.L("Sluiten"), content, mw.Window)
	d.Resize(fyne.NewSize(760, 420))
	d.Show()
	mw.history = &historyView{list: list, entries: entries, open: open, compare: cmp, restore: restore, dialog: d}
}

// historyView is the open history dialog, kept for tests.
type historyView struct {
	list                   *widget.List
	entries                []historyEntry
	open, compare, restore *widget.Button
	dialog                 dialog.Dialog
}

// ShowReadOnly shows a profile (a snapshot) in a window of its own, as an
// outline that cannot be edited.
func (mw *MainWindow) ShowReadOnly(p *app.Profile, title string) fyne.Window {
	var b strings.Builder
	app.WriteOutline(&b, p, app.CatalogueByID(mw.catalog, p.CatalogueID))
	text := widget.NewLabel(b.String())
	text.Wrapping = fyne.TextWrapWord
	w := mw.App.NewWindow(lang.L("Alleen lezen") + ": " + title)
	w.SetContent(container.NewVScroll(container.NewPadded(text)))
	w.Resize(fyne.NewSize(900, 700))
	w.Show()
	return w
}
