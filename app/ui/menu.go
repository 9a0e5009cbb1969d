package ui

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
	"bcpeditor/app/export"
)

func (mw *MainWindow) showAbout() {
	dialog.ShowInformation(lang.L("Over BCP Editor"), fmt.Sprintf("BCP Editor %s\n\n%s\n\n%s: %s",
		mw.cfg.Version, lang.L("Beroepscompetentieprofielen bewerken, vergelijken en delen."),
		lang.L("Bibliotheek"), mw.cfg.LibraryPath), mw.Window)
}

func (mw *MainWindow) askImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			mw.showError(err)
			return
		}
		if r == nil {
			return // cancelled
		}
		defer r.Close()
		if err := mw.ImportFrom(r); err != nil {
			mw.showError(err)
		}
	}, mw.Window)
	d.SetFilter(fynestorage.NewExtensionFileFilter([]string{".json"}))
	d.Show()
}

// mergeStore is what merging an import needs of the library.
type mergeStore interface {
	MergeBase(ctx context.Context, profileID string) (*app.Profile, error)
	SaveMerged(ctx context.Context, merged *app.Profile) error
	MarkExchanged(ctx context.Context, profileID string) error
}

// ImportFrom reads an exchange file or CASE package: new profiles are added
// to the library; a profile that is already there is merged, after the
// designer has seen what would happen and chosen for every element changed
// on both sides. Bad input changes nothing and is reported in Dutch.
func (mw *MainWindow) ImportFrom(r io.Reader) error {
	b, err := export.ReadImport(r, mw.catalog)
	if err != nil {
		return err
	}
	present := map[string]bool{}
	for _, s := range mw.summaries {
		present[s.ID] = true
	}
	fresh := &app.Bundle{Format: b.Format, Version: b.Version, Catalogues: b.Catalogues}
	var plans []*app.MergePlan
	for _, p := range b.Profiles {
		if !present[p.ID] {
			fresh.Profiles = append(fresh.Profiles, p)
			continue
		}
		plan, err := mw.PlanMerge(p)
		if err != nil {
			return err
		}
		plans = append(plans, plan)
	}
	if len(fresh.Profiles) > 0 || len(fresh.Catalogues) > 0 {
		if err := mw.store.Import(mw.ctx, fresh); err != nil {
			return err
		}
		for _, p := range fresh.Profiles {
			mw.index.SetProfile(p, mw.catalog)
		}
		mw.Reload()
		var names []string
		for _, p := range fresh.Profiles {
			names = append(names, p.Title)
		}
		if len(fresh.Profiles) > 0 {
			mw.Library.Select(fresh.Profiles[0].ID)
			mw.Status.SetText(lang.L("Ingelezen") + ": " + strings.Join(names, "; "))
		}
	}
	for _, plan := range plans {
		mw.showMerge(plan)
	}
	return nil
}

// PlanMerge works out how an incoming version of a profile in the library
// merges with it, against the version that was last sent.
func (mw *MainWindow) PlanMerge(incoming *app.Profile) (*app.MergePlan, error) {
	ms, ok := mw.store.(mergeStore)
	if !ok {
		return nil, fmt.Errorf("profiel %q staat al in de bibliotheek", incoming.Title)
	}
	local, err := mw.store.LoadProfile(mw.ctx, incoming.ID)
	if err != nil {
		return nil, err
	}
	if mw.profile != nil && mw.profile.ID == incoming.ID {
		local = mw.profile
	}
	base, err := ms.MergeBase(mw.ctx, incoming.ID)
	if err != nil {
		return nil, err
	}
	return app.PlanMerge(local, incoming, base), nil
}

// ApplyMerge stores a merge with the designer's choices and opens the
// merged profile. The profile as it was is kept in its history.
func (mw *MainWindow) ApplyMerge(plan *app.MergePlan, choices map[string]app.Side) error {
	merged, err := plan.Apply(choices)
	if err != nil {
		return err
	}
	if err := mw.store.(mergeStore).SaveMerged(mw.ctx, merged); err != nil {
		return err
	}
	mw.index.SetProfile(merged, mw.catalog)
	if mw.profile != nil && mw.profile.ID == merged.ID {
		mw.profile = nil // reopen from the library
	}
	mw.Reload()
	mw.OpenProfile(merged.ID)
	mw.Status.SetText(lang.L("Samengevoegd") + ": " + merged.Title)
	return nil
}

// showMerge shows the dry run of a merge and, per conflict, both versions
// with a choice; nothing changes until "Samenvoegen".
func (mw *MainWindow) showMerge(plan *app.MergePlan) {
	summary := widget.NewLabel(plan.Summary())
	summary.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(summary)
	choices := map[string]app.Side{}
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
	for _, c := range plan.Conflicts {
		c := c
		local := widget.NewLabel(lang.L("Hier") + ": " + text(c.Local, c.LocalMeta))
		local.Wrapping = fyne.TextWrapWord
		incoming := widget.NewLabel(lang.L("Binnenkomend") + ": " + text(c.Incoming, c.IncomingMeta))
		incoming.Wrapping = fyne.TextWrapWord
		pick := widget.NewRadioGroup(options, func(s string) {
			if s == options[1] {
				choices[c.ElementID] = app.TakeIncoming
			} else {
				choices[c.ElementID] = app.KeepLocal
			}
		})
		pick.Horizontal = true
		pick.SetSelected(options[0])
		box.Add(widget.NewSeparator())
		box.Add(widget.NewLabelWithStyle(c.What, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		box.Add(container.NewGridWithColumns(2, local, incoming))
		box.Add(pick)
	}
	d := dialog.NewCustomConfirm(lang.L("Samenvoegen"), lang.L("Samenvoegen"), lang.L("Annuleren"), container.NewVScroll(box), func(ok bool) {
		if ok {
			if err := mw.ApplyMerge(plan, choices); err != nil {
				mw.showError(err)
			}
		}
	}, mw.Window)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

func (mw *MainWindow) askExport() {
	if mw.profile == nil {
		dialog.ShowInformation(lang.L("Exporteren…"), lang.L("Kies eerst een profiel in de bibliotheek."), mw.Window)
		return
	}
	var labels []string
	for _, f := range export.Formats {
		labels = append(labels, lang.L(f.Label))
	}
	choice := widget.NewRadioGroup(labels, nil)
	choice.SetSelected(labels[0])
	dialog.ShowCustomConfirm(lang.L("Exporteren…"), lang.L("Verder"), lang.L("Annuleren"), choice, func(ok bool) {
		if !ok {
			return
		}
		format := export.Formats[0]
		for i, l := range labels {
			if l == choice.Selected {
				format = export.Formats[i]
			}
		}
		d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
			if err != nil {
				mw.showError(err)
				return
			}
			if w == nil {
				return
			}
			path := w.URI().Path()
			w.Close()
			mw.ExportInBackground(format, path)
		}, mw.Window)
		d.SetFileName(fileName(mw.profile) + format.Extension)
		d.Show()
	}, mw.Window)
}

// ExportTo writes the open profile with its competency model to path as
// an exchange file, atomically.
func (mw *MainWindow) ExportTo(path string) error {
	return mw.ExportAs(export.Formats[0], path)
}

// ExportInBackground exports off the UI goroutine with a progress bar and
// a cancel button; a cancelled export leaves the target as it was.
func (mw *MainWindow) ExportInBackground(format export.Format, path string) {
	ctx, cancel := context.WithCancel(mw.ctx)
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustom(lang.L("Exporteren…"), lang.L("Annuleren"), container.NewVBox(widget.NewLabel(path), bar), mw.Window)
	d.SetOnClosed(cancel)
	d.Show()
	mw.runBackground(func() {
		err := mw.exportAs(ctx, format, path)
		fyne.Do(func() {
			d.Hide()
			switch {
			case ctx.Err() != nil:
				mw.Status.SetText(lang.L("Exporteren afgebroken; er is niets geschreven."))
			case err != nil:
				mw.showError(err)
			}
		})
		cancel()
	})
}

// ExportAs writes the open profile to path in a format, atomically.
func (mw *MainWindow) ExportAs(format export.Format, path string) error {
	return mw.exportAs(mw.ctx, format, path)
}

func (mw *MainWindow) exportAs(ctx context.Context, format export.Format, path string) error {
	p, cat := mw.profile, mw.catalogue()
	if err := app.WriteFileAtomicContext(ctx, path, func(w *bufio.Writer) error { return format.Write(w, p, cat) }); err != nil {
		return fmt.Errorf("%s: %w", lang.L("Exporteren mislukt"), err)
	}
	if ms, ok := mw.store.(mergeStore); ok && format.Name == "json" {
		// What was sent is the base for merging it when it comes back.
		if err := ms.MarkExchanged(mw.ctx, p.ID); err != nil {
			return err
		}
	}
	fyne.Do(func() { mw.Status.SetText(lang.L("Geëxporteerd naar") + " " + path) })
	return nil
}

// fileName makes a file name from a profile title and version.
func fileName(p *app.Profile) string {
	s := app.Fold(p.Title + " " + p.VersionLabel)
	var b strings.Builder
	dash := false
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimRight(b.String(), "-")
}
