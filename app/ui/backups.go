package ui

import (
	"fyne.io/fyne/v2/lang"

	"bcpeditor/app"
)

// AskRestore lists the backups of the library and puts the chosen one back.
func (mw *MainWindow) AskRestore() {
	bs, err := mw.ws.Backups()
	if err != nil {
		mw.showError(err)
		return
	}
	if len(bs) == 0 {
		showInfo(mw.Window, lang.L("Reservekopie terugzetten…"), lang.L("Er zijn nog geen reservekopieën."))
		return
	}
	chooseBackup(mw.Window, bs, mw.RestoreBackup)
}

// RestoreBackup puts a backup in place of the library (the current one is
// kept as a backup), opens it again and shows its first profile.
func (mw *MainWindow) RestoreBackup(b app.Backup) {
	err := mw.ws.Restore(b)
	if err != nil {
		mw.showError(err)
	}
	if mw.ws.Location() == nil {
		return
	}
	mw.indexLibrary()
	if ps := mw.ws.Profiles(); len(ps) > 0 {
		mw.OpenProfile(ps[0].ID)
	}
	if err == nil {
		mw.Status.SetText(lang.L("Reservekopie teruggezet"))
	}
}
