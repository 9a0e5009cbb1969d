package ui

import (
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app/search"
	"bcpeditor/storage"
)

// AskRestore lists the backups of the library and puts the chosen one back:
// the library is closed, the current one kept as a backup, the chosen one
// put in place, and the window opens on it.
func (mw *MainWindow) AskRestore() {
	bs, err := storage.Backups(mw.cfg.LibraryPath)
	if err != nil {
		mw.showError(err)
		return
	}
	if len(bs) == 0 {
		dialog.ShowInformation(lang.L("Reservekopie terugzetten…"), lang.L("Er zijn nog geen reservekopieën."), mw.Window)
		return
	}
	var names []string
	for _, b := range bs {
		names = append(names, b.Created.Format("2-1-2006 15:04:05")+" ("+b.Reason+")")
	}
	sel := widget.NewSelect(names, nil)
	sel.SetSelectedIndex(0)
	dialog.ShowCustomConfirm(lang.L("Reservekopie terugzetten…"), lang.L("Terugzetten"), lang.L("Annuleren"), sel, func(ok bool) {
		if ok && sel.SelectedIndex() >= 0 {
			mw.RestoreBackup(bs[sel.SelectedIndex()].Path)
		}
	}, mw.Window)
}

// RestoreBackup puts a backup in place of the open library and reopens.
func (mw *MainWindow) RestoreBackup(path string) {
	lib, ok := mw.store.(*storage.Library)
	if !ok || mw.cfg.Open == nil {
		return
	}
	lib.Close()
	restoreErr := storage.Restore(mw.ctx, mw.cfg.LibraryPath, path)
	reopened, err := mw.cfg.Open(mw.ctx, storage.Options{Exclusive: true})
	if err != nil {
		mw.showError(err)
		return
	}
	if restoreErr != nil {
		mw.showError(restoreErr)
	}
	mw.store = reopened
	mw.profile, mw.editor = nil, nil
	mw.index = search.New()
	mw.Reload()
	mw.buildIndex()
	if len(mw.summaries) > 0 {
		mw.Library.UnselectAll()
		mw.Library.Select(mw.summaries[0].ID)
	}
	if restoreErr == nil {
		mw.Status.SetText(lang.L("Reservekopie teruggezet"))
	}
}
