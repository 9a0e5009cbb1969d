package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
	"bcpeditor/app/export"
	"bcpeditor/app/workspace"
)

func (mw *MainWindow) showAbout() {
	showInfo(mw.Window, lang.L("Over BCP Editor"), fmt.Sprintf("BCP Editor %s\n\n%s\n\n%s: %s",
		mw.cfg.Version, lang.L("Beroepscompetentieprofielen bewerken, vergelijken en delen."),
		lang.L("Bibliotheek"), mw.ws.Location()))
}

// askExport asks for a format and a file, then exports the open profile in
// the background.
func (mw *MainWindow) askExport() {
	p := mw.Profile()
	if p == nil {
		showInfo(mw.Window, lang.L("Exporteren…"), lang.L("Kies eerst een profiel in de bibliotheek."))
		return
	}
	var labels []string
	for _, f := range export.Formats {
		labels = append(labels, lang.L(f.Label))
	}
	choice := widget.NewRadioGroup(labels, nil)
	choice.SetSelected(labels[0])
	showCustomConfirm(mw.Window, lang.L("Exporteren…"), lang.L("Verder"), choice, func(ok bool) {
		if !ok {
			return
		}
		format := export.Formats[0]
		for i, l := range labels {
			if l == choice.Selected {
				format = export.Formats[i]
			}
		}
		showSaveDialog(mw.Window, mw.App.Preferences(), lang.L("Exporteren als")+" "+lang.L(format.Label),
			fileName(p)+format.Extension, []string{format.Extension}, func(path string) {
				mw.ExportInBackground(format, path)
			})
	})
}

// askExportModel asks which competency model, in which format and where,
// and writes it.
func (mw *MainWindow) askExportModel() {
	cats := mw.ws.Catalogues()
	if len(cats) == 0 {
		return
	}
	var names, formats []string
	for _, c := range cats {
		names = append(names, c.Name)
	}
	for _, f := range export.CatalogueFormats {
		formats = append(formats, lang.L(f.Label))
	}
	which := widget.NewSelect(names, nil)
	which.SetSelectedIndex(0)
	if c := mw.catalogue(); c != nil {
		which.SetSelected(c.Name)
	}
	how := widget.NewRadioGroup(formats, nil)
	how.SetSelected(formats[0])
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Competentiemodel"), which), widget.NewFormItem(lang.L("Formaat"), how)}
	showForm(mw.Window, lang.L("Competentiemodel exporteren…"), lang.L("Verder"), items, func(ok bool) {
		if !ok || which.SelectedIndex() < 0 {
			return
		}
		cat, format := cats[which.SelectedIndex()], export.CatalogueFormats[0]
		for i, l := range formats {
			if l == how.Selected {
				format = export.CatalogueFormats[i]
			}
		}
		name := fileName(&app.Profile{Title: cat.Name}) + format.Extension
		showSaveDialog(mw.Window, mw.App.Preferences(), lang.L("Competentiemodel exporteren…"), name, []string{format.Extension}, func(path string) {
			if err := mw.ws.ExportModel(cat.ID, format, path); err != nil {
				mw.showError(err)
				return
			}
			mw.Status.SetText(lang.L("Geëxporteerd naar") + " " + path)
		})
	})
}

// exportProgress is a running export's dialog.
type exportProgress struct {
	d        dialog.Dialog
	finished bool // closed because the export ended, not by Annuleren
}

// ExportInBackground exports the open profile (as it is now) off the UI
// goroutine with a progress bar and Annuleren, and then says what
// happened: written, cancelled (nothing written), or the real error.
func (mw *MainWindow) ExportInBackground(format export.Format, path string) {
	p := mw.Profile()
	if p == nil {
		return
	}
	job, err := mw.ws.PrepareExport(p.ID, format, path)
	if err != nil {
		mw.showError(err)
		return
	}
	ctx, cancel := context.WithCancel(mw.ws.Context())
	ep := &exportProgress{}
	ep.d = dialog.NewCustom(lang.L("Exporteren…"), lang.L("Annuleren"),
		container.NewVBox(widget.NewLabel(path), widget.NewProgressBarInfinite()), mw.Window)
	ep.d.SetOnClosed(func() {
		if !ep.finished {
			cancel()
		}
	})
	mw.exporting = ep
	ep.d.Show()
	var runErr error
	mw.bg.run(func() { runErr = job.Run(ctx) }, func() {
		ep.finished = true
		ep.d.Hide()
		cancel()
		mw.exporting = nil
		mw.exportDone(job, runErr)
	})
}

// exportDone reports how an export ended.
func (mw *MainWindow) exportDone(job *workspace.ExportJob, err error) {
	switch {
	case errors.Is(err, workspace.ErrCancelled):
		mw.Status.SetText(lang.L("Exporteren afgebroken; er is niets geschreven."))
	case err != nil:
		mw.showError(err)
	default:
		mw.Status.SetText(lang.L("Geëxporteerd naar") + " " + job.Path)
	}
}

// ExportAs writes the open profile to path in a format, atomically, and
// waits for it.
func (mw *MainWindow) ExportAs(format export.Format, path string) error {
	p := mw.Profile()
	if p == nil {
		return errors.New(lang.L("Kies eerst een profiel in de bibliotheek."))
	}
	job, err := mw.ws.PrepareExport(p.ID, format, path)
	if err != nil {
		return err
	}
	err = job.Run(mw.ws.Context())
	mw.exportDone(job, err)
	return err
}

// ExportTo writes the open profile with its competency model to path as
// an exchange file.
func (mw *MainWindow) ExportTo(path string) error {
	return mw.ExportAs(export.Formats[0], path)
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
