// Package ui is the BCP Editor's Fyne interface: the main window with the
// library, the profile tree and the detail pane, its menus and dialogs,
// and the language set-up (Dutch first, English on English systems).
package ui

import (
	"context"
	"os"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
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
	// Open opens the (seeded) library.
	Open func(ctx context.Context) (*storage.Library, error)
}

// Run starts the interface and returns the exit status when the last
// window closes.
func Run(cfg Config) int {
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon()))
	SetupLanguage()
	lib, err := cfg.Open(context.Background())
	if err != nil {
		showFatal(a, err.Error())
		return 1
	}
	defer lib.Close()
	mw := NewMainWindow(a, lib, cfg)
	mw.Window.ShowAndRun()
	return 0
}

// showFatal shows a window that says why the program cannot start, with
// one button to quit: never a panic or a silent exit.
func showFatal(a fyne.App, msg string) {
	w := a.NewWindow("BCP Editor")
	text := widget.NewLabel(msg)
	text.Wrapping = fyne.TextWrapWord
	quit := widget.NewButton(lang.L("Afsluiten"), func() { a.Quit() })
	quit.Importance = widget.HighImportance
	w.SetContent(container.NewBorder(nil, container.NewHBox(quit), nil, nil, text))
	w.Resize(fyne.NewSize(560, 200))
	w.ShowAndRun()
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
