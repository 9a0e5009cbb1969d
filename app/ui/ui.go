// Package ui is the BCP Editor's Fyne interface: the main window made of
// small views (library, profile tree, editor form, search, compare,
// workshop, history), its menus and dialogs, and the language set-up (Dutch
// first, English on English systems). Every view works through the
// workspace and refreshes itself on its events.
package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
	"bcpeditor/app/workspace"
	"bcpeditor/assets"
)

// AppID is the application's unique ID (also in FyneApp.toml).
const AppID = "nl.bcpeditor.editor"

// Config is what main hands the interface.
type Config struct {
	// Library is where the library lives.
	Library app.Location
	// LibraryAt is a library in a file of the designer's choosing (for a
	// new library when the usual folder cannot be written).
	LibraryAt func(path string) app.Location
	// Locate reads a library's place as the designer gives it (a path or a
	// postgres:// address); Local is the designer's own library file. With
	// both, the window can open other libraries (Bestand → Bibliotheek
	// openen…) and take profiles from a team library for offline work.
	Locate func(string) (app.Location, error)
	Local  func() (app.Location, error)
	// Chosen: main was told which library to open (--db, BCPEDITOR_DB);
	// otherwise the window opens the one it had open last time.
	Chosen  bool
	Version string
}

// Run starts the interface and returns the exit status when the last
// window closes.
func Run(cfg Config) int {
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon()))
	SetupLanguage()
	cfg = rememberedLibrary(a, cfg)
	ws, err := workspace.Open(context.Background(), cfg.Library, app.OpenExclusive)
	status := 0
	if err != nil {
		status = 1
		ShowStartProblem(a, cfg, err, func(ws *workspace.Workspace, c Config) {
			status = 0
			openMain(a, ws, c)
		})
	} else {
		openMain(a, ws, cfg)
	}
	a.Run()
	return status
}

func openMain(a fyne.App, ws *workspace.Workspace, cfg Config) *MainWindow {
	mw := NewMainWindow(a, ws, cfg)
	mw.Window.SetCloseIntercept(func() {
		mw.saveWindowSize()
		mw.Window.Close()
		ws.Close()
		a.Quit()
	})
	mw.Window.Show()
	mw.welcomeOnFirstStart()
	if ws := ws.Warnings(); len(ws) > 0 {
		showInfo(mw.Window, lang.L("Let op"), strings.Join(ws, "\n\n"))
	}
	return mw
}

// ShowStartProblem explains why the library cannot be opened and offers
// what can be done: open it read-only, put back a backup, start a new
// library next to it, or quit. The library itself is never changed here
// unless the designer puts a backup back. opened is called with the
// library that was opened instead.
func ShowStartProblem(a fyne.App, cfg Config, cause error, opened func(*workspace.Workspace, Config)) fyne.Window {
	problem := cfg.Library.Explain(cause)
	var oe *workspace.OpenError
	if errors.As(cause, &oe) {
		problem = oe.Problem
	}
	w := a.NewWindow("BCP Editor")
	text := widget.NewLabel(problem.Message)
	text.Wrapping = fyne.TextWrapWord
	ctx := context.Background()
	try := func(c Config, mode app.OpenMode, before func() error) {
		if before != nil {
			if err := before(); err != nil {
				showError(w, err)
				return
			}
		}
		ws, err := workspace.Open(ctx, c.Library, mode)
		if err != nil {
			showError(w, err)
			return
		}
		w.Hide()
		opened(ws, c)
		w.Close()
	}
	var buttons []fyne.CanvasObject
	if problem.ReadOnly {
		buttons = append(buttons, widget.NewButton(lang.L("Alleen lezen openen"), func() { try(cfg, app.OpenReadOnly, nil) }))
	}
	if bs, _ := cfg.Library.Backups(); problem.Restore && len(bs) > 0 {
		buttons = append(buttons, widget.NewButton(lang.L("Reservekopie terugzetten…"), func() {
			chooseBackup(w, bs, func(b app.Backup) {
				try(cfg, app.OpenExclusive, func() error { return cfg.Library.Restore(ctx, b) })
			})
		}))
	}
	if beside := cfg.Library.Beside(); problem.New && beside != nil {
		buttons = append(buttons, widget.NewButton(lang.L("Nieuwe bibliotheek beginnen"), func() {
			c := cfg
			c.Library = beside
			if cfg.LibraryAt == nil {
				try(c, app.OpenExclusive, nil)
				return
			}
			// Propose one next to it; the designer may pick another folder
			// (the usual one may be read-only).
			showSaveDialog(w, a.Preferences(), lang.L("Nieuwe bibliotheek beginnen"), filepath.Base(beside.String()), []string{".sqlite"}, func(path string) {
				c.Library = cfg.LibraryAt(path)
				try(c, app.OpenExclusive, nil)
			})
		}))
	}
	if local := ownLibrary(cfg); local != nil && local.String() != cfg.Library.String() {
		// A team library out of reach (a workshop without network): work
		// in one's own library meanwhile.
		buttons = append(buttons, widget.NewButton(lang.L("Eigen bibliotheek openen"), func() {
			c := cfg
			c.Library = local
			try(c, app.OpenExclusive, nil)
		}))
	}
	buttons = append(buttons, widget.NewButton(lang.L("Afsluiten"), func() { a.Quit() }))
	w.SetContent(container.NewBorder(nil, container.NewHBox(buttons...), nil, nil, text))
	w.Resize(fyne.NewSize(640, 220))
	w.Show()
	return w
}

// ownLibrary is the designer's own library file, when main said where.
func ownLibrary(cfg Config) app.Location {
	if cfg.Local == nil {
		return nil
	}
	loc, err := cfg.Local()
	if err != nil {
		return nil
	}
	return loc
}

// chooseBackup lets the designer pick one of the backups, newest first.
func chooseBackup(w fyne.Window, bs []app.Backup, chosen func(app.Backup)) {
	var names []string
	for _, b := range bs {
		names = append(names, b.Created.Format("2-1-2006 15:04:05")+" ("+b.Reason+")")
	}
	sel := widget.NewSelect(names, nil)
	sel.SetSelectedIndex(0)
	showCustomConfirm(w, lang.L("Reservekopie terugzetten…"), lang.L("Terugzetten"), sel, func(ok bool) {
		if ok && sel.SelectedIndex() >= 0 {
			chosen(bs[sel.SelectedIndex()])
		}
	})
}

// SetupLanguage loads our translations. Dutch is the first language: on
// any system whose language is not English, the Dutch words are used,
// Fyne's own dialog words included; on an English system the English ones.
func SetupLanguage() {
	nl, _ := assets.Translation("nl")
	if systemIsEnglish() {
		if en, err := assets.Translation("en"); err == nil {
			if err := lang.AddTranslationsForLocale(en, "en"); err != nil {
				fyne.LogError("Engelse vertaling laden", err)
			}
		}
		return
	}
	if err := lang.AddTranslationsForLocale(nl, "nl"); err != nil {
		fyne.LogError("Nederlandse vertaling laden", err)
	}
	// Fyne picks the translation closest to the system language; give
	// that language the Dutch words too, so that a German or French
	// system still shows Dutch throughout.
	if sys := lang.SystemLocale().LanguageString(); sys != "" && sys != "nl" {
		if err := lang.AddTranslationsForLocale(nl, fyne.Locale(sys)); err != nil {
			fyne.LogError("Nederlandse vertaling laden", err)
		}
	}
}

// systemIsEnglish tells whether the user's language is English. On Unix
// an unset or "C" locale is not English: it means no choice was made.
func systemIsEnglish() bool {
	if runtime.GOOS != "windows" && runtime.GOOS != "darwin" {
		for _, v := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"} {
			val := os.Getenv(v)
			if val == "" {
				continue
			}
			return strings.HasPrefix(val, "en")
		}
		return false
	}
	return lang.SystemLocale().LanguageString() == "en"
}
