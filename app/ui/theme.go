package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
)

// largeScale is how much "Grotere tekst" enlarges text and spacing, for a
// projector at the back of a room.
const largeScale = 1.4

// scaledTheme is Fyne's own theme (light or dark, following the system)
// with every size multiplied.
type scaledTheme struct {
	fyne.Theme
	scale float32
}

func (t scaledTheme) Size(n fyne.ThemeSizeName) float32 { return t.Theme.Size(n) * t.scale }

func (mw *MainWindow) applyTheme() {
	if mw.App.Preferences().Bool("text.large") {
		mw.App.Settings().SetTheme(scaledTheme{Theme: theme.DefaultTheme(), scale: largeScale})
	} else {
		mw.App.Settings().SetTheme(theme.DefaultTheme())
	}
}

// ToggleLargeText switches between normal and larger text; the choice is
// remembered.
func (mw *MainWindow) ToggleLargeText() {
	large := !mw.App.Preferences().Bool("text.large")
	mw.App.Preferences().SetBool("text.large", large)
	mw.applyTheme()
	if large {
		mw.Status.SetText(lang.L("Grotere tekst aan"))
	} else {
		mw.Status.SetText(lang.L("Grotere tekst uit"))
	}
}
