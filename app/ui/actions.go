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
		"undo":         {lang.L("Ongedaan maken"), []fyne.Shortcut{&fyne.ShortcutUndo{}}, mw.Undo},
		"redo":         {lang.L("Opnieuw"), []fyne.Shortcut{ctrlShift(fyne.KeyZ), &fyne.ShortcutRedo{}}, mw.Redo},
		"delete":       {lang.L("Verwijderen"), []fyne.Shortcut{ctrlShift(fyne.KeyDelete)}, mw.DeleteSelected},
		"rename":       {lang.L("Hernoemen"), []fyne.Shortcut{plain(fyne.KeyF2)}, mw.RenameSelected},
		"up":           {lang.L("Omhoog verplaatsen"), []fyne.Shortcut{ctrlShift(fyne.KeyUp)}, func() { mw.MoveSelected(-1) }},
		"down":         {lang.L("Omlaag verplaatsen"), []fyne.Shortcut{ctrlShift(fyne.KeyDown)}, func() { mw.MoveSelected(1) }},
		"moveTo":       {lang.L("Verplaatsen naar…"), []fyne.Shortcut{ctrl(fyne.KeyM)}, mw.AskMoveSelected},
		"next":         {lang.L("Volgend onderdeel"), []fyne.Shortcut{ctrl(fyne.KeyDown)}, func() { mw.SelectNext(1) }},
		"prev":         {lang.L("Vorig onderdeel"), []fyne.Shortcut{ctrl(fyne.KeyUp)}, func() { mw.SelectNext(-1) }},
		"addChild":     {lang.L("Nieuw onderdeel"), []fyne.Shortcut{ctrl(fyne.KeyN)}, mw.AddChild},
		"addTop":       {lang.L("Nieuwe kerntaak of rol"), []fyne.Shortcut{ctrlShift(fyne.KeyN)}, mw.AddTop},
		"renumber":     {lang.L("Codes hernummeren"), nil, mw.Renumber},
		"check":        {lang.L("Controleren"), []fyne.Shortcut{plain(fyne.KeyF7)}, mw.ShowProblems},
		"search":       {lang.L("Zoeken"), []fyne.Shortcut{ctrl(fyne.KeyF), ctrl(fyne.KeyK)}, mw.ShowSearch},
		"competenties": {lang.L("Competenties"), []fyne.Shortcut{ctrlShift(fyne.KeyC)}, func() { mw.ShowCompetenties("") }},
		"workshop":     {lang.L("Workshopmodus"), []fyne.Shortcut{plain(fyne.KeyF9)}, mw.AskWorkshop},
		"reviewSum":    {lang.L("Samenvatting beoordelingen…"), nil, mw.AskReviewSummary},
		"compare":      {lang.L("Vergelijken…"), []fyne.Shortcut{ctrl(fyne.KeyD)}, mw.AskCompare},
		"bigger":       {lang.L("Grotere tekst"), []fyne.Shortcut{ctrl(fyne.KeyEqual)}, mw.ToggleLargeText},
		"newProfile":   {lang.L("Nieuw profiel…"), nil, mw.AskNewProfile},
		"newVersion":   {lang.L("Nieuwe versie"), nil, mw.NewVersion},
		"snapshot":     {lang.L("Versie vastleggen…"), nil, mw.AskSnapshot},
		"history":      {lang.L("Geschiedenis…"), []fyne.Shortcut{ctrl(fyne.KeyH)}, mw.ShowHistory},
		"restore":      {lang.L("Reservekopie terugzetten…"), nil, mw.AskRestore},
		"renameProf":   {lang.L("Profiel hernoemen…"), nil, mw.AskRenameProfile},
		"deleteProf":   {lang.L("Profiel verwijderen…"), nil, mw.AskDeleteProfile},
		"import":       {lang.L("Importeren…"), []fyne.Shortcut{ctrl(fyne.KeyO)}, mw.askImport},
		"export":       {lang.L("Exporteren…"), []fyne.Shortcut{ctrl(fyne.KeyE)}, mw.askExport},
		"shortcuts":    {lang.L("Sneltoetsen"), nil, mw.showShortcuts},
		"about":        {lang.L("Over BCP Editor"), nil, mw.showAbout},
	}
}

func (mw *MainWindow) item(id string) *fyne.MenuItem {
	a := mw.acts[id]
	it := fyne.NewMenuItem(a.label, a.run)
	if len(a.shortcuts) > 0 {
		it.Shortcut = a.shortcuts[0]
	}
	return it
}

func (mw *MainWindow) menu() *fyne.MainMenu {
	mw.acts = mw.actions()
	return fyne.NewMainMenu(
		fyne.NewMenu(lang.L("Bestand"), mw.item("newProfile"), mw.item("newVersion"), mw.item("snapshot"), mw.item("history"), fyne.NewMenuItemSeparator(),
			mw.item("import"), mw.item("export"), fyne.NewMenuItemSeparator(), mw.item("renameProf"), mw.item("deleteProf"), fyne.NewMenuItemSeparator(), mw.item("restore")),
		fyne.NewMenu(lang.L("Bewerken"), mw.item("undo"), mw.item("redo"), fyne.NewMenuItemSeparator(),
			mw.item("rename"), mw.item("delete"), fyne.NewMenuItemSeparator(), mw.item("up"), mw.item("down"), mw.item("moveTo"),
			fyne.NewMenuItemSeparator(), mw.item("next"), mw.item("prev")),
		fyne.NewMenu(lang.L("Beeld"), mw.item("search"), mw.item("competenties"), mw.item("compare"), mw.item("workshop"), fyne.NewMenuItemSeparator(), mw.item("bigger")),
		fyne.NewMenu(lang.L("Profiel"), mw.item("addChild"), mw.item("addTop"), fyne.NewMenuItemSeparator(),
			mw.item("renumber"), mw.item("check"), fyne.NewMenuItemSeparator(), mw.item("reviewSum")),
		fyne.NewMenu(lang.L("Help"), mw.item("shortcuts"), mw.item("about")),
	)
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
