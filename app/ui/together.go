package ui

import (
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
	"bcpeditor/app/workspace"
	"bcpeditor/widgets"
)

// Working together: changes others make (in a team library, or the command
// line beside this window) come in while the designer works; the status
// bar says who else has the profile open and how the connection is; a
// change the library refused because someone else changed the same thing
// meanwhile becomes a choice between both texts.

// followRemote takes the changes made elsewhere into the window as they
// come, for as long as the workspace is open.
func (mw *MainWindow) followRemote() {
	ch := mw.ws.RemoteChanges()
	if ch == nil {
		return
	}
	go func() {
		for c := range ch {
			mw.bg.deliver(func() { mw.applyRemote(c) })
		}
	}()
}

// applyRemote brings one change made elsewhere into the workspace, keeping
// the field the designer is typing in as it is.
func (mw *MainWindow) applyRemote(c app.StoreChange) {
	if err := mw.ws.ApplyRemote(c, mw.typing()); err != nil {
		fyne.LogError("wijzigingen van anderen inlezen", err)
		mw.Status.SetText(lang.L("Wat anderen wijzigden kon niet worden ingelezen:") + " " + err.Error())
	}
}

// typing is the key of the field that has the cursor ("" for none).
func (mw *MainWindow) typing() string {
	if f, ok := mw.Window.Canvas().Focused().(*widgets.FieldEntry); ok {
		return f.Key
	}
	return ""
}

// remoteEvent tells the designer what came in from elsewhere.
func (mw *MainWindow) remoteEvent(e workspace.Event) {
	switch e.Kind {
	case workspace.ConnectionChanged:
		if state, _ := mw.ws.Connection(); state == app.ConnectionOK {
			mw.toldUnreachable = false
			mw.connectionNews = e.Label // "weer verbonden", until the next edit
		}
		mw.showLibraryStatus()
	case workspace.PresenceChanged:
		mw.updatePresence()
	case workspace.ProfileOpened:
		if e.Label != "" { // the open profile was deleted elsewhere
			mw.Status.SetText(lang.L(e.Label))
		}
	case workspace.ProfileEdited:
		mw.SaveState.SetText(lang.L("Bijgewerkt met wijzigingen van een ander") + " " + time.Now().Format("15:04:05"))
		if e.Held != "" {
			mw.Status.SetText(lang.L("Een ander heeft ook gewijzigd wat u nu typt. Uw tekst blijft staan; bij de volgende toets kiest u welke tekst blijft."))
		}
	}
}

// updatePresence asks, off the UI goroutine, who else has the open
// profile open and names them in the status bar.
func (mw *MainWindow) updatePresence() {
	if mw.ws.Session() == nil {
		mw.Presence.SetText("")
		return
	}
	var names []string
	others := mw.ws.PrepareOthers()
	mw.bg.run(func() { names = others() }, func() {
		if len(names) == 0 {
			mw.Presence.SetText("")
			return
		}
		mw.Presence.SetText(lang.L("Ook open bij:") + " " + strings.Join(names, ", "))
	})
}

// showConflict shows, for a change the library refused because someone
// else changed the same thing meanwhile, both texts side by side, and lets
// the designer keep their own (saved over the other's) or take the other's.
// Nothing is saved until they choose.
func (mw *MainWindow) showConflict(ce *app.ConflictError) {
	s := mw.ws.Session()
	if s == nil {
		return
	}
	mw.SaveState.SetText(lang.L("Niet opgeslagen"))
	intro := wrapped(lang.L("Iemand anders heeft intussen gewijzigd wat u wilde opslaan. Uw wijziging is nog niet opgeslagen. Kies welke tekst blijft; de andere gaat verloren."))
	box := container.NewVBox(intro)
	for _, c := range ce.Conflicts {
		box.Add(widget.NewSeparator())
		box.Add(conflictSides(c, lang.L("Uw tekst"), lang.L("Nu opgeslagen (door een ander)")))
	}
	var d *dialog.CustomDialog
	choose := func(f func() error, done string) func() {
		return func() {
			d.Hide()
			mw.conflict = nil
			if err := f(); err != nil {
				mw.showError(err)
				return
			}
			mw.Status.SetText(done)
		}
	}
	mine := widget.NewButton(lang.L("Mijn tekst houden"), choose(func() error { return s.KeepMine(ce) }, lang.L("Uw tekst is opgeslagen.")))
	theirs := widget.NewButton(lang.L("Die van de ander overnemen"), choose(s.TakeTheirs, lang.L("De tekst van de ander is overgenomen.")))
	if mw.conflict != nil {
		mw.conflict.Hide() // the newest refusal replaces an earlier question
	}
	d = dialog.NewCustomWithoutButtons(lang.L("Tegelijk gewijzigd"), container.NewVScroll(box), mw.Window)
	mw.conflict = d
	d.SetButtons([]fyne.CanvasObject{theirs, mine})
	size := mw.Window.Canvas().Size()
	d.Resize(fyne.NewSize(fyne.Min(900, size.Width*0.95), fyne.Min(600, size.Height*0.9)))
	d.Show()
}

// conflictIn reports the conflict error in err, if any.
func conflictIn(err error) (*app.ConflictError, bool) {
	var ce *app.ConflictError
	return ce, errors.As(err, &ce)
}
