package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
)

// action is one thing the designer can do from a menu and, where it has
// them, with its shortcuts. Each is defined once here and attached both
// to its menu item and to the window's canvas.
type action struct {
	label     string
	shortcuts []fyne.Shortcut // the first is shown in the menu
	run       func()
	// Where the action shows, to enable and disable it.
	item    *fyne.MenuItem
	buttons []switchable
	menu    *fyne.MainMenu
}

// switchable is a button an action enables and disables.
type switchable interface {
	Enable()
	Disable()
}

// setEnabled enables or disables the action's menu item and buttons.
func (a *action) setEnabled(on bool) {
	for _, b := range a.buttons {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if a.item != nil && a.item.Disabled == on {
		a.item.Disabled = !on
		if a.menu != nil {
			a.menu.Refresh()
		}
	}
}

func ctrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func ctrlShift(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

func plain(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k}
}

// actions builds the window's actions.
func (mw *MainWindow) actions() map[string]*action {
	return map[string]*action{
		"undo":         {label: lang.L("Ongedaan maken"), shortcuts: []fyne.Shortcut{&fyne.ShortcutUndo{}}, run: mw.Undo},
		"redo":         {label: lang.L("Opnieuw"), shortcuts: []fyne.Shortcut{ctrlShift(fyne.KeyZ), &fyne.ShortcutRedo{}}, run: mw.Redo},
		"delete":       {label: lang.L("Verwijderen"), shortcuts: []fyne.Shortcut{ctrlShift(fyne.KeyDelete)}, run: mw.DeleteSelected},
		"rename":       {label: lang.L("Hernoemen"), shortcuts: []fyne.Shortcut{plain(fyne.KeyF2)}, run: mw.RenameSelected},
		"up":           {label: lang.L("Omhoog verplaatsen"), shortcuts: []fyne.Shortcut{ctrlShift(fyne.KeyUp)}, run: func() { mw.MoveSelected(-1) }},
		"down":         {label: lang.L("Omlaag verplaatsen"), shortcuts: []fyne.Shortcut{ctrlShift(fyne.KeyDown)}, run: func() { mw.MoveSelected(1) }},
		"moveTo":       {label: lang.L("Verplaatsen naar…"), shortcuts: []fyne.Shortcut{ctrl(fyne.KeyM)}, run: mw.AskMoveSelected},
		"next":         {label: lang.L("Volgend onderdeel"), shortcuts: []fyne.Shortcut{ctrl(fyne.KeyDown)}, run: func() { mw.SelectNext(1) }},
		"prev":         {label: lang.L("Vorig onderdeel"), shortcuts: []fyne.Shortcut{ctrl(fyne.KeyUp)}, run: func() { mw.SelectNext(-1) }},
		"addChild":     {label: lang.L("Nieuw onderdeel"), shortcuts: []fyne.Shortcut{ctrl(fyne.KeyN)}, run: mw.AddChild},
		"addTop":       {label: lang.L("Nieuwe kerntaak of rol"), shortcuts: []fyne.Shortcut{ctrlShift(fyne.KeyN)}, run: mw.AddTop},
		"renumber":     {label: lang.L("Codes hernummeren"), shortcuts: nil, run: mw.Renumber},
		"check":        {label: lang.L("Controleren"), shortcuts: []fyne.Shortcut{plain(fyne.KeyF7)}, run: mw.ShowProblems},
		"search":       {label: lang.L("Zoeken"), shortcuts: []fyne.Shortcut{ctrl(fyne.KeyF), ctrl(fyne.KeyK)}, run: mw.ShowSearch},
		"competenties": {label: lang.L("Competenties"), shortcuts: []fyne.Shortcut{ctrlShift(fyne.KeyC)}, run: func() { mw.ShowCompetenties("") }},
		"workshop":     {label: lang.L("Workshopmodus"), shortcuts: []fyne.Shortcut{plain(fyne.KeyF9)}, run: mw.AskWorkshop},
		"reviewSum":    {label: lang.L("Samenvatting beoordelingen…"), shortcuts: nil, run: mw.AskReviewSummary},
		"compare":      {label: lang.L("Vergelijken…"), shortcuts: []fyne.Shortcut{ctrl(fyne.KeyD)}, run: mw.AskCompare},
		"bigger":       {label: lang.L("Grotere tekst"), shortcuts: []fyne.Shortcut{ctrl(fyne.KeyEqual)}, run: mw.ToggleLargeText},
		"newProfile":   {label: lang.L("Nieuw profiel…"), shortcuts: nil, run: mw.AskNewProfile},
		"newVersion":   {label: lang.L("Nieuwe versie"), shortcuts: nil, run: mw.NewVersion},
		"snapshot":     {label: lang.L("Versie vastleggen…"), shortcuts: nil, run: mw.AskSnapshot},
		"history":      {label: lang.L("Geschiedenis…"), shortcuts: []fyne.Shortcut{ctrl(fyne.KeyH)}, run: mw.ShowHistory},
		"openLibrary":  {label: lang.L("Bibliotheek openen…"), shortcuts: nil, run: mw.AskOpenLibrary},
		"takeOffline":  {label: lang.L("Meenemen voor offline werk…"), shortcuts: nil, run: mw.AskTakeOffline},
		"bringBack":    {label: lang.L("Terugbrengen…"), shortcuts: nil, run: mw.AskBringBack},
		"restore":      {label: lang.L("Reservekopie terugzetten…"), shortcuts: nil, run: mw.AskRestore},
		"renameProf":   {label: lang.L("Profiel hernoemen…"), shortcuts: nil, run: mw.AskRenameProfile},
		"deleteProf":   {label: lang.L("Profiel verwijderen…"), shortcuts: nil, run: mw.AskDeleteProfile},
		"import":       {label: lang.L("Importeren…"), shortcuts: []fyne.Shortcut{ctrl(fyne.KeyO)}, run: mw.askImport},
		"export":       {label: lang.L("Exporteren…"), shortcuts: []fyne.Shortcut{ctrl(fyne.KeyE)}, run: mw.askExport},
		"exportModel":  {label: lang.L("Competentiemodel exporteren…"), shortcuts: nil, run: mw.askExportModel},
		"shortcuts":    {label: lang.L("Sneltoetsen"), shortcuts: nil, run: mw.showShortcuts},
		"about":        {label: lang.L("Over BCP Editor"), shortcuts: nil, run: mw.showAbout},
		"welcome":      {label: lang.L("Welkom"), shortcuts: nil, run: mw.showWelcome},
	}
}

func (mw *MainWindow) item(id string) *fyne.MenuItem {
	a := mw.acts[id]
	it := fyne.NewMenuItem(a.label, a.run)
	if len(a.shortcuts) > 0 {
		it.Shortcut = a.shortcuts[0]
	}
	a.item = it
	return it
}

func (mw *MainWindow) menu() *fyne.MainMenu {
	m := fyne.NewMainMenu(
		fyne.NewMenu(lang.L("Bestand"), mw.item("openLibrary"), mw.item("takeOffline"), mw.item("bringBack"), fyne.NewMenuItemSeparator(), mw.item("newProfile"), mw.item("newVersion"), mw.item("snapshot"), mw.item("history"), fyne.NewMenuItemSeparator(),
			mw.item("import"), mw.item("export"), mw.item("exportModel"), fyne.NewMenuItemSeparator(), mw.item("renameProf"), mw.item("deleteProf"), fyne.NewMenuItemSeparator(), mw.item("restore")),
		fyne.NewMenu(lang.L("Bewerken"), mw.item("undo"), mw.item("redo"), fyne.NewMenuItemSeparator(),
			mw.item("rename"), mw.item("delete"), fyne.NewMenuItemSeparator(), mw.item("up"), mw.item("down"), mw.item("moveTo"),
			fyne.NewMenuItemSeparator(), mw.item("next"), mw.item("prev")),
		fyne.NewMenu(lang.L("Beeld"), mw.item("search"), mw.item("competenties"), mw.item("compare"), mw.item("workshop"), fyne.NewMenuItemSeparator(), mw.item("bigger")),
		fyne.NewMenu(lang.L("Profiel"), mw.item("addChild"), mw.item("addTop"), fyne.NewMenuItemSeparator(),
			mw.item("renumber"), mw.item("check"), fyne.NewMenuItemSeparator(), mw.item("reviewSum")),
		fyne.NewMenu(lang.L("Help"), mw.item("welcome"), mw.item("shortcuts"), mw.item("about")),
	)
	for _, a := range mw.acts {
		a.menu = m
	}
	return m
}

// registerShortcuts puts every action's shortcuts on the canvas, for when
// no menu takes them first (and for tests, which have no menu bar).
func (mw *MainWindow) registerShortcuts() {
	for _, a := range mw.acts {
		run := a.run
		for _, s := range a.shortcuts {
			mw.Window.Canvas().AddShortcut(s, func(fyne.Shortcut) { run() })
		}
	}
}

// Global runs the action bound to a shortcut, if any; field entries ask it
// first so that the shortcuts work while typing.
func (mw *MainWindow) Global(s fyne.Shortcut) bool {
	for _, a := range mw.acts {
		for _, k := range a.shortcuts {
			if k.ShortcutName() == s.ShortcutName() {
				a.run()
				return true
			}
		}
	}
	return false
}
