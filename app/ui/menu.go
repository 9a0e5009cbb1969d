package ui

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
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

// ImportFrom reads an exchange file and adds its profiles to the library.
// Bad input changes nothing and is reported in Dutch.
func (mw *MainWindow) ImportFrom(r io.Reader) error {
	b, err := export.ReadImport(r, mw.catalog)
	if err != nil {
		return err
	}
	if err := mw.store.Import(mw.ctx, b); err != nil {
		return err
	}
	for _, p := range b.Profiles {
		mw.index.SetProfile(p, mw.catalog)
	}
	mw.Reload()
	var names []string
	for _, p := range b.Profiles {
		names = append(names, p.Title)
	}
	if len(names) > 0 {
		mw.OpenProfile(b.Profiles[0].ID)
		mw.Library.Select(b.Profiles[0].ID)
	}
	mw.Status.SetText(lang.L("Ingelezen") + ": " + strings.Join(names, "; "))
	return nil
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
			if err := mw.ExportAs(format, path); err != nil {
				mw.showError(err)
			}
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

// ExportAs writes the open profile to path in a format, atomically.
func (mw *MainWindow) ExportAs(format export.Format, path string) error {
	p, cat := mw.profile, mw.catalogue()
	if err := app.WriteFileAtomic(path, func(w *bufio.Writer) error { return format.Write(w, p, cat) }); err != nil {
		return fmt.Errorf("%s: %w", lang.L("Exporteren mislukt"), err)
	}
	mw.Status.SetText(lang.L("Geëxporteerd naar") + " " + path)
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
