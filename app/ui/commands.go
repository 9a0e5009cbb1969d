package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
	"bcpeditor/app/workspace"
	"bcpeditor/widgets"
)

// The commands behind the menus, toolbar buttons and shortcuts.

// Undo reverts the last edit of the open profile.
func (mw *MainWindow) Undo() {
	mw.undoRedo((*workspace.Session).Undo, lang.L("Niets om ongedaan te maken"), lang.L("Ongedaan gemaakt"))
}

// Redo applies the last undone edit again.
func (mw *MainWindow) Redo() {
	mw.undoRedo((*workspace.Session).Redo, lang.L("Niets om opnieuw te doen"), lang.L("Opnieuw gedaan"))
}

func (mw *MainWindow) undoRedo(step func(*workspace.Session) (string, bool, error), nothing, done string) {
	s := mw.ws.Session()
	if s == nil {
		return
	}
	label, ok, err := step(s)
	switch {
	case err != nil:
		mw.saveFailed(err)
	case !ok:
		mw.SaveState.SetText(nothing)
	default:
		mw.Status.SetText(done + ": " + label)
	}
}

// AddChild adds the element that fits the selection: a werkproces in the
// selected kerntaak (or after the selected werkproces), a werkzaamheid in
// the selected rol (or after the selected werkzaamheid), a section, list
// or trend in those branches; otherwise a kerntaak or rol.
func (mw *MainWindow) AddChild() {
	s := mw.ws.Session()
	if s == nil {
		return
	}
	el, isElement := mw.selected()
	var kind app.Kind
	parent, after := "", ""
	switch {
	case mw.form.nodeID == widgets.NodeAlgemeen:
		kind = app.KindSectie
	case mw.form.nodeID == widgets.NodeLijsten:
		kind = app.KindLijst
	case mw.form.nodeID == widgets.NodeTrends:
		kind = app.KindTrend
	case !isElement:
		mw.AddTop()
		return
	case el.Kind == app.KindKerntaak:
		kind, parent = app.KindWerkproces, el.ID
		if kids := s.Children(el.ID, app.KindWerkproces); len(kids) > 0 {
			after = kids[len(kids)-1].ID
		}
	case el.Kind == app.KindRol:
		kind, parent = app.KindWerkzaamheid, el.ID
		if kids := s.Children(el.ID, app.KindWerkzaamheid); len(kids) > 0 {
			after = kids[len(kids)-1].ID
		}
	case el.Kind == app.KindWerkproces, el.Kind == app.KindWerkzaamheid, el.Kind == app.KindSectie, el.Kind == app.KindTrend, el.Kind == app.KindLijst:
		kind, parent, after = el.Kind, el.ParentID, el.ID
	default:
		mw.AddTop()
		return
	}
	mw.addAndShow(func(ed *app.Editor) (string, error) {
		return ed.Insert(kind, parent, after, app.Element{Title: newTitle(kind)})
	})
}

// addAndShow runs an edit that adds an element, selects the new element
// and puts the cursor in its title.
func (mw *MainWindow) addAndShow(add func(ed *app.Editor) (string, error)) {
	var id string
	if mw.edit(func(ed *app.Editor) (err error) { id, err = add(ed); return err }) == nil {
		mw.Select(id)
		mw.focusFirstField(id)
	}
}

// AddTop adds a kerntaak or rol, whichever the profile is built of.
func (mw *MainWindow) AddTop() {
	p := mw.Profile()
	if p == nil {
		return
	}
	kind := app.KindKerntaak
	if p.Structure == app.StructureRollen {
		kind = app.KindRol
	}
	mw.addAndShow(func(ed *app.Editor) (string, error) { return ed.Add(kind, "", app.Element{Title: newTitle(kind)}) })
}

// focusFirstField puts the cursor in the title (or text) of a new element,
// selected, so that typing replaces the placeholder title.
func (mw *MainWindow) focusFirstField(id string) {
	for _, f := range []string{app.FieldTitle, app.FieldBody} {
		if e := mw.form.fields[id+"/"+f]; e != nil {
			mw.Window.Canvas().Focus(e)
			e.TypedShortcut(&fyne.ShortcutSelectAll{})
			return
		}
	}
}

// DeleteSelected removes the selected element with everything under it;
// Ctrl+Z brings it back.
func (mw *MainWindow) DeleteSelected() {
	el, ok := mw.selected()
	if !ok {
		return
	}
	next := el.ParentID
	order := mw.tree.Tree.Order()
	for i, id := range order {
		if id == el.ID && i > 0 {
			next = order[i-1]
		}
	}
	if next == "" {
		next = widgets.NodeMeta
	}
	if mw.edit(func(ed *app.Editor) error { return ed.Remove(el.ID) }) == nil {
		mw.Select(next)
		mw.Status.SetText(fmt.Sprintf(lang.L("%s verwijderd; Ctrl+Z maakt het ongedaan"), capitalise(lang.L(el.Kind.Label()))))
	}
}

// RenameSelected puts the cursor in the selected element's title.
func (mw *MainWindow) RenameSelected() {
	if mw.form.nodeID == widgets.NodeMeta {
		mw.form.focus("meta/titel")
		return
	}
	mw.focusFirstField(mw.form.nodeID)
}

// MoveSelected moves the selected element up or down among its siblings.
func (mw *MainWindow) MoveSelected(delta int) {
	el, ok := mw.selected()
	if !ok {
		return
	}
	mw.edit(func(ed *app.Editor) error { return ed.MoveBy(el.ID, delta) })
}

// AskMoveSelected asks under which kerntaak (or rol, or section) the
// selected element should go, and moves it there.
func (mw *MainWindow) AskMoveSelected() {
	el, ok := mw.selected()
	if !ok {
		return
	}
	var parentKind app.Kind
	switch el.Kind {
	case app.KindWerkproces:
		parentKind = app.KindKerntaak
	case app.KindWerkzaamheid:
		parentKind = app.KindRol
	default:
		showInfo(mw.Window, lang.L("Verplaatsen naar…"), lang.L("Alleen werkprocessen en werkzaamheden kunnen naar een andere kerntaak of rol."))
		return
	}
	var targets []app.Element
	var names []string
	for _, t := range mw.ws.Session().Children("", parentKind) {
		if t.ID != el.ParentID {
			targets = append(targets, t)
			names = append(names, strings.TrimSpace(t.Code+"  "+t.Title))
		}
	}
	if len(targets) == 0 {
		return
	}
	sel := widget.NewSelect(names, nil)
	sel.SetSelectedIndex(0)
	showCustomConfirm(mw.Window, lang.L("Verplaatsen naar…"), lang.L("Verplaatsen"), sel, func(ok bool) {
		if ok && sel.SelectedIndex() >= 0 {
			mw.MoveSelectedTo(targets[sel.SelectedIndex()].ID)
		}
	})
}

// MoveSelectedTo moves the selected element under another parent.
func (mw *MainWindow) MoveSelectedTo(parent string) {
	el, ok := mw.selected()
	if !ok {
		return
	}
	if mw.edit(func(ed *app.Editor) error { return ed.MoveTo(el.ID, parent) }) == nil {
		mw.Select(el.ID)
	}
}

// SelectNext selects the next (delta 1) or previous (delta -1) node in the
// tree's order.
func (mw *MainWindow) SelectNext(delta int) {
	order := mw.tree.Tree.Order()
	if len(order) == 0 {
		return
	}
	at := -1
	for i, id := range order {
		if id == mw.form.nodeID {
			at = i
		}
	}
	next := at + delta
	if next < 0 || next >= len(order) {
		return
	}
	mw.Select(order[next])
}

// Renumber gives codes that follow the order of kerntaken and
// werkprocessen (or rollen and werkzaamheden).
func (mw *MainWindow) Renumber() {
	if mw.edit(func(ed *app.Editor) error { return ed.Renumber() }) == nil {
		mw.Status.SetText(lang.L("Codes hernummerd"))
	}
}

// ShowProblems lists what Controleren finds in the profile; choosing one
// goes to the element.
func (mw *MainWindow) ShowProblems() {
	s := mw.ws.Session()
	if s == nil {
		return
	}
	probs := s.Problems()
	if len(probs) == 0 {
		showInfo(mw.Window, lang.L("Controleren"), lang.L("Geen problemen gevonden."))
		return
	}
	var d dialog.Dialog
	list := widget.NewList(func() int { return len(probs) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(probs[i].String()) })
	list.OnSelected = func(i widget.ListItemID) {
		d.Hide()
		id := probs[i].ElementID
		if id == s.Profile().ID {
			id = widgets.NodeMeta
		} else if el, ok := s.Element(id); ok && mw.tree.Tree.Node(id) == nil {
			id = el.ParentID // a line: show its werkproces or rol
		}
		mw.Select(id)
	}
	d = dialog.NewCustom(lang.L("Controleren"), lang.L("Sluiten"), list, mw.Window)
	d.Resize(fyne.NewSize(640, 420))
	d.Show()
	keyed(mw.Window, d, d.Hide, d.Hide)
}

// AskNewProfile asks title, beroep, structure and competency model, and
// creates an empty profile.
func (mw *MainWindow) AskNewProfile() {
	title := dialogEntry("")
	beroep := dialogEntry("")
	structure := widget.NewRadioGroup([]string{lang.L("kerntaken en werkprocessen"), lang.L("rollen en werkzaamheden")}, nil)
	structure.SetSelected(lang.L("kerntaken en werkprocessen"))
	var catNames []string
	cats := mw.ws.Catalogues()
	for _, c := range cats {
		catNames = append(catNames, c.Name)
	}
	cat := widget.NewSelect(catNames, nil)
	if len(catNames) > 0 {
		cat.SetSelectedIndex(0)
	}
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Titel"), title),
		widget.NewFormItem(lang.L("Beroep"), beroep),
		widget.NewFormItem(lang.L("Opbouw"), structure),
		widget.NewFormItem(lang.L("Competentiemodel"), cat),
	}
	showForm(mw.Window, lang.L("Nieuw profiel"), lang.L("Maken"), items, func(ok bool) {
		if !ok {
			return
		}
		s := app.StructureKerntaken
		if structure.Selected == lang.L("rollen en werkzaamheden") {
			s = app.StructureRollen
		}
		catID := ""
		if i := cat.SelectedIndex(); i >= 0 {
			catID = cats[i].ID
		}
		name := strings.TrimSpace(title.Text)
		if name == "" {
			name = lang.L("Nieuw profiel")
		}
		mw.CreateProfile(app.NewProfile(name, strings.TrimSpace(beroep.Text), s, catID))
	})
}

// CreateProfile stores a new profile and opens it.
func (mw *MainWindow) CreateProfile(p *app.Profile) {
	if _, err := mw.ws.CreateProfile(p); err != nil {
		mw.showError(err)
		return
	}
	mw.App.Preferences().SetString("profile.last", p.ID)
}

// NewVersion copies the open profile as a new version (status concept,
// every element linked to the one it came from) and opens the copy.
func (mw *MainWindow) NewVersion() {
	p := mw.Profile()
	if p == nil {
		return
	}
	label := dialogEntry("")
	label.SetText(p.VersionLabel + " " + lang.L("nieuwe versie"))
	showForm(mw.Window, lang.L("Nieuwe versie"), lang.L("Maken"), []*widget.FormItem{widget.NewFormItem(lang.L("Versie"), label)}, func(ok bool) {
		if ok {
			mw.NewVersionFrom(p, strings.TrimSpace(label.Text))
		}
	})
}

// NewVersionFrom stores a new version of p under the given label and opens
// it.
func (mw *MainWindow) NewVersionFrom(p *app.Profile, label string) {
	mw.CreateProfile(app.NewVersion(p, label))
}

// AskRenameProfile asks for a new title of the open profile.
func (mw *MainWindow) AskRenameProfile() {
	p := mw.Profile()
	if p == nil {
		return
	}
	title := dialogEntry("")
	title.SetText(p.Title)
	showForm(mw.Window, lang.L("Profiel hernoemen…"), lang.L("Hernoemen"), []*widget.FormItem{widget.NewFormItem(lang.L("Titel"), title)}, func(ok bool) {
		if ok {
			m := p.Meta()
			m.Title = strings.TrimSpace(title.Text)
			mw.edit(func(ed *app.Editor) error { return ed.EditMeta(lang.L("profiel hernoemen"), "", m) })
		}
	})
}

// AskDeleteProfile asks for confirmation and deletes the open profile.
func (mw *MainWindow) AskDeleteProfile() {
	p := mw.Profile()
	if p == nil {
		return
	}
	showConfirm(mw.Window, lang.L("Profiel verwijderen…"), fmt.Sprintf(lang.L("%s (%s) en alles wat erin staat verwijderen? Dit kan niet ongedaan worden gemaakt."), p.Title, p.VersionLabel), func(ok bool) {
		if ok {
			mw.DeleteProfile(p.ID)
		}
	})
}

// DeleteProfile deletes a profile and opens another.
func (mw *MainWindow) DeleteProfile(id string) {
	if err := mw.ws.DeleteProfile(id); err != nil {
		mw.showError(err)
		return
	}
	if ps := mw.ws.Profiles(); len(ps) > 0 && mw.ws.Session() == nil {
		mw.OpenProfile(ps[0].ID)
	}
}

func (mw *MainWindow) showShortcuts() {
	var rows []fyne.CanvasObject
	for _, id := range []string{"search", "competenties", "compare", "workshop", "undo", "redo", "addChild", "addTop", "rename", "delete", "up", "down", "moveTo", "next", "prev", "check", "bigger", "import", "export"} {
		a := mw.acts[id]
		var keys []string
		for _, s := range a.shortcuts {
			keys = append(keys, shortcutText(s))
		}
		rows = append(rows, widget.NewLabel(a.label), widget.NewLabelWithStyle(strings.Join(keys, ", "), fyne.TextAlignLeading, fyne.TextStyle{Monospace: true}))
	}
	rows = append(rows, widget.NewLabel(lang.L("In een lijst")), widget.NewLabelWithStyle("Enter, Backspace, Alt+↑/↓", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true}))
	d := dialog.NewCustom(lang.L("Sneltoetsen"), lang.L("Sluiten"), container.NewGridWithColumns(2, rows...), mw.Window)
	d.Show()
	keyed(mw.Window, d, d.Hide, d.Hide)
}

// shortcutText writes a shortcut as users read it: "Ctrl+Shift+Z".
func shortcutText(s fyne.Shortcut) string {
	switch s.(type) {
	case *fyne.ShortcutUndo:
		return "Ctrl+Z"
	case *fyne.ShortcutRedo:
		return "Ctrl+Y"
	}
	name := s.ShortcutName()
	if i := strings.Index(name, ":"); i >= 0 {
		name = name[i+1:]
	}
	return strings.NewReplacer("Control", "Ctrl", "Up", "↑", "Down", "↓").Replace(name)
}
