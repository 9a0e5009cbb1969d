package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// welcomeSeen is the preference that says the welcome was shown.
const welcomeSeen = "welkom.gezien"

// welcomeOnFirstStart shows the welcome the first time the program starts.
func (mw *MainWindow) welcomeOnFirstStart() {
	if !mw.App.Preferences().Bool(welcomeSeen) {
		mw.showWelcome()
	}
}

// showWelcome says where things are: the three panes, saving, and the
// main things a designer does, each with its key.
func (mw *MainWindow) showWelcome() {
	rows := [][2]string{
		{lang.L("Bibliotheek (links)"), lang.L("de profielen, per beroep; klik er een aan om hem te openen.")},
		{lang.L("Het profiel (midden)"), lang.L("gegevens, algemene informatie en de kerntaken met werkprocessen of de rollen met werkzaamheden.")},
		{lang.L("Bewerken (rechts)"), lang.L("alles van het gekozen onderdeel. Elke wijziging wordt meteen opgeslagen; Ctrl+Z maakt ongedaan.")},
		{lang.L("Zoeken"), "Ctrl+K"},
		{lang.L("Vergelijken van twee profielen of versies"), "Ctrl+D"},
		{lang.L("Workshopmodus, voor de beamer"), "F9 · Ctrl+= " + lang.L("voor grotere tekst")},
		{lang.L("Exporteren naar Word, PDF, Excel, CASE …"), "Ctrl+E"},
		{lang.L("Alle sneltoetsen"), lang.L("Help → Sneltoetsen")},
	}
	box := container.NewVBox(wrapped(lang.L("De BCP Editor bewaart beroepscompetentieprofielen in een bibliotheek op deze computer en werkt zonder internet.")))
	for _, r := range rows {
		box.Add(container.NewBorder(nil, nil, widget.NewLabelWithStyle(r[0], fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, wrapped(r[1])))
	}
	d := dialog.NewCustom(lang.L("Welkom bij de BCP Editor"), lang.L("Aan de slag"), box, mw.Window)
	d.SetOnClosed(func() { mw.App.Preferences().SetBool(welcomeSeen, true) })
	size := mw.Window.Canvas().Size()
	d.Resize(fyne.NewSize(fyne.Min(820, size.Width*0.9), fyne.Min(560, size.Height*0.9)))
	d.Show()
	keyed(mw.Window, d, d.Hide, d.Hide)
}
