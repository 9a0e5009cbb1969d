// Package ui is the BCP Editor's Fyne interface: the main window with the
// library, the profile tree and the detail pane, its menus and dialogs,
// and the language set-up (Dutch first, English on English systems).
package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/assets"
	"bcpeditor/storage"
)

// AppID is the application's unique ID (also in FyneApp.toml).
const AppID = "nl.bcpeditor.editor"

// Config is what main hands the interface.
type Config struct {
	LibraryPath string
	Version     string
	// Open opens the (seeded) library with the given options.
	Open func(ctx context.Context, opt storage.Options) (*storage.Library, error)
}

// Run starts the interface and returns the exit status when the last
// window closes.
func Run(cfg Config) int {
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon()))
	SetupLanguage()
	lib, err := cfg.Open(context.Background(), storage.Options{Exclusive: true})
	if err != nil {
		ShowStartProblem(a, cfg, err, func(lib *storage.Library, c Config) { openMain(a, lib, c) })
		a.Run()
		return 1
	}
	openMain(a, lib, cfg)
	a.Run()
	lib.Close()
	return 0
}

func openMain(a fyne.App, lib *storage.Library, cfg Config) {
	mw := NewMainWindow(a, lib, cfg)
	mw.Window.SetCloseIntercept(func() {
		mw.saveWindowSize()
		mw.Window.Close()
		a.Quit()
	})
	mw.Window.Show()
}

// ShowStartProblem explains why the library cannot be opened and offers
// what can be done: open it read-only (when another window has it, or the
// file cannot be written), put back a backup, start a new library next to
// it, or quit. The file itself is never changed here. opened is called with
// the library that was opened instead.
func ShowStartProblem(a fyne.App, cfg Config, cause error, opened func(*storage.Library, Config)) fyne.Window {
	w := a.NewWindow("BCP Editor")
	text := widget.NewLabel(cause.Error())
	text.Wrapping = fyne.TextWrapWord
	ctx := context.Background()
	var buttons []fyne.CanvasObject
	done := func(lib *storage.Library, c Config) {
		w.Hide()
		opened(lib, c)
		w.Close()
	}
	try := func(f func() (*storage.Library, Config, error)) {
		lib, c, err := f()
		if err != nil {
			dialog.ShowError(err, w)
			return
		}
		done(lib, c)
	}
	if errors.Is(cause, storage.ErrInUse) || errors.Is(cause, storage.ErrReadOnlyFile) {
		buttons = append(buttons, widget.NewButton(lang.L("Alleen lezen openen"), func() {
			try(func() (*storage.Library, Config, error) {
				lib, err := cfg.Open(ctx, storage.Options{ReadOnly: true})
				return lib, cfg, err
			})
		}))
	}
	if bs, _ := storage.Backups(cfg.LibraryPath); len(bs) > 0 && !errors.Is(cause, storage.ErrInUse) {
		var names []string
		for _, b := range bs {
			names = append(names, b.Created.Format("2-1-2006 15:04")+" ("+b.Reason+")")
		}
		buttons = append(buttons, widget.NewButton(lang.L("Reservekopie terugzetten…"), func() {
			sel := widget.NewSelect(names, nil)
			sel.SetSelectedIndex(0)
			dialog.ShowCustomConfirm(lang.L("Reservekopie terugzetten…"), lang.L("Terugzetten"), lang.L("Annuleren"), sel, func(ok bool) {
				if !ok || sel.SelectedIndex() < 0 {
					return
				}
				try(func() (*storage.Library, Config, error) {
					if err := storage.RestoreKeeping(ctx, cfg.LibraryPath, bs[sel.SelectedIndex()].Path); err != nil {
						return nil, cfg, err
					}
					lib, err := cfg.Open(ctx, storage.Options{Exclusive: true})
					return lib, cfg, err
				})
			}, w)
		}))
	}
	if !errors.Is(cause, storage.ErrInUse) {
		buttons = append(buttons, widget.NewButton(lang.L("Nieuwe bibliotheek beginnen"), func() {
			try(func() (*storage.Library, Config, error) {
				c := cfg
				ext := filepath.Ext(cfg.LibraryPath)
				c.LibraryPath = strings.TrimSuffix(cfg.LibraryPath, ext) + "-nieuw-" + time.Now().Format("20060102-150405") + ext
				c.Open = func(ctx context.Context, opt storage.Options) (*storage.Library, error) {
					return storage.OpenSeededWith(ctx, c.LibraryPath, opt)
				}
				lib, err := c.Open(ctx, storage.Options{Exclusive: true})
				return lib, c, err
			})
		}))
	}
	quit := widget.NewButton(lang.L("Afsluiten"), func() { a.Quit() })
	buttons = append(buttons, quit)
	w.SetContent(container.NewBorder(nil, container.NewHBox(buttons...), nil, nil, text))
	w.Resize(fyne.NewSize(640, 220))
	w.Show()
	return w
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
