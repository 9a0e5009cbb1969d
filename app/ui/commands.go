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
	"bcpeditor/widgets"
)

// The commands behind the menus, toolbar buttons and shortcuts.

// Undo reverts the last edit of the open profile.
func (mw *MainWindow) Undo() {
	if mw.editor == nil {
		return
	}
	label, ok, err := mw.editor.Undo()
	if !ok && err == nil {
		mw.SaveState.SetText(lang.L("Niets om ongedaan te maken"))
		return
	}
	mw.afterStructural(err, "", "")
	if err == nil {
		mw.Status.SetText(lang.L("Ongedaan gemaakt") + ": " + label)
	}
}

// Redo applies the last undone edit again.
func (mw *MainWindow) Redo() {
	if mw.editor == nil {
		return
	}
	label, ok, err := mw.editor.Redo()
	if !ok && err == nil {
		mw.SaveState.SetText(lang.L("Niets om opnieuw te doen"))
		return
	}
	mw.afterStructural(err, "", "")
	if err == nil {
		mw.Status.SetText(lang.L("Opnieuw gedaan") + ": " + label)
	}
}

// AddChild adds the element that fits the selection: a werkproces in the
// selected kerntaak (or after the selected werkproces), a werkzaamheid in
// the selected rol (or after the selected werkzaamheid), a section, list
// or trend in those branches; otherwise a kerntaak or rol.
func (mw *MainWindow) AddChild() {
	if mw.editor == nil {
		return
	}
	el, isElement := mw.selected()
	var kind app.Kind
	parent, after := "", ""
	switch {
	case mw.formID == widgets.NodeAlgemeen:
		kind = app.KindSectie
	case mw.formID == widgets.NodeLijsten:
		kind = app.KindLijst
	case mw.formID == widgets.NodeTrends:
		kind = app.KindTrend
	case !isElement:
		mw.AddTop()
		return
	case el.Kind == app.KindKerntaak:
		kind, parent = app.KindWerkproces, el.ID
		if kids := mw.editor.Children(el.ID, app.KindWerkproces); len(kids) > 0 {
			after = kids[len(kids)-1].ID
		}
	case el.Kind == app.KindRol:
		kind, parent = app.KindWerkzaamheid, el.ID
		if kids := mw.editor.Children(el.ID, app.KindWerkzaamheid); len(kids) > 0 {
			after = kids[len(kids)-1].ID
		}
	case el.Kind == app.KindWerkproces, el.Kind == app.KindWerkzaamheid, el.Kind == app.KindSectie, el.Kind == app.KindTrend, el.Kind == app.KindLijst:
		kind, parent, after = el.Kind, el.ParentID, el.ID
	default:
		mw.AddTop()
		return
	}
	id, err := mw.editor.Insert(kind, parent, after, app.Element{Title: newTitle(kind)})
	mw.afterStructural(err, "", id)
	mw.focusFirstField(id)
}

// AddTop adds a kerntaak or rol, whichever the profile is built of.
func (mw *MainWindow) AddTop() {
	if mw.editor == nil {
		return
	}
	kind := app.KindKerntaak
	if mw.profile.Structure == app.StructureRollen {
		kind = app.KindRol
	}
	id, err := mw.editor.Add(kind, "", app.Element{Title: newTitle(kind)})
	mw.afterStructural(err, "", id)
	mw.focusFirstField(id)
}

// focusFirstField puts the cursor in the title (or text) of a new element,
// selected, so that typing replaces the placeholder title.
func (mw *MainWindow) focusFirstField(id string) {
	for _, f := range []string{app.FieldTitle, app.FieldBody} {
		if e := mw.fields[id+"/"+f]; e != nil {
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
	order := mw.Tree.Order()
	for i, id := range order {
		if id == el.ID && i > 0 {
			next = order[i-1]
		}
	}
	if next == "" {
		next = widgets.NodeMeta
	}
	err := mw.editor.Remove(el.ID)
	mw.afterStructural(err, "", next)
	if err == nil {
		mw.Status.SetText(fmt.Sprintf(lang.L("%s verwijderd; Ctrl+Z maakt het ongedaan"), capitalise(lang.L(el.Kind.Label()))))
	}
}

// RenameSelected puts the cursor in the selected element's title.
func (mw *MainWindow) RenameSelected() {
	if mw.formID == widgets.NodeMeta {
		if e := mw.fields["meta/titel"]; e != nil {
			mw.Window.Canvas().Focus(e)
		}
		return
	}
	mw.focusFirstField(mw.formID)
}

// MoveSelected moves the selected element up or down among its siblings.
func (mw *MainWindow) MoveSelected(delta int) {
	el, ok := mw.selected()
	if !ok {
		return
	}
	mw.afterStructural(mw.editor.MoveBy(el.ID, delta), "", el.ID)
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
		dialog.ShowInformation(lang.L("Verplaatsen naar…"), lang.L("Alleen werkprocessen en werkzaamheden kunnen naar een andere kerntaak of rol."), mw.Window)
		return
	}
	var targets []app.Element
	var names []string
	for _, t := range mw.editor.Children("", parentKind) {
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
	dialog.ShowCustomConfirm(lang.L("Verplaatsen naar…"), lang.L("Verplaatsen"), lang.L("Annuleren"), sel, func(ok bool) {
		if ok && sel.SelectedIndex() >= 0 {
			mw.MoveSelectedTo(targets[sel.SelectedIndex()].ID)
		}
	}, mw.Window)
}

// MoveSelectedTo moves the selected element under another parent.
func (mw *MainWindow) MoveSelectedTo(parent string) {
	el, ok := mw.selected()
	if !ok {
		return
	}
	mw.afterStructural(mw.editor.MoveTo(el.ID, parent), "", el.ID)
}

// SelectNext selects the next (delta 1) or previous (delta -1) node in the
// tree's order.
func (mw *MainWindow) SelectNext(delta int) {
	order := mw.Tree.Order()
	if len(order) == 0 {
		return
	}
	at := -1
	for i, id := range order {
		if id == mw.formID {
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
	if mw.editor == nil {
		return
	}
	mw.afterStructural(mw.editor.Renumber(), "", "")
	mw.Status.SetText(lang.L("Codes hernummerd"))
}

// ShowProblems lists what Controleren finds in the profile; choosing one
// goes to the element.
func (mw *MainWindow) ShowProblems() {
	if mw.profile == nil {
		return
	}
	probs := app.Validate(mw.profile, mw.catalogue())
	if len(probs) == 0 {
		dialog.ShowInformation(lang.L("Controleren"), lang.L("Geen problemen gevonden."), mw.Window)
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
		if id == mw.profile.ID {
			id = widgets.NodeMeta
		} else if el, ok := mw.editor.Element(id); ok && mw.Tree.Node(id) == nil {
			id = el.ParentID // a line: show its werkproces or rol
		}
		mw.Select(id)
	}
	d = dialog.NewCustom(lang.L("Controleren"), lang.L("Sluiten"), list, mw.Window)
	d.Resize(fyne.NewSize(640, 420))
	d.Show()
}

// AskNewProfile asks title, beroep, structure and competency model, and
// creates an empty profile.
func (mw *MainWindow) AskNewProfile() {
	title := widget.NewEntry()
	beroep := widget.NewEntry()
	structure := widget.NewRadioGroup([]string{lang.L("kerntaken en werkprocessen"), lang.L("rollen en werkzaamheden")}, nil)
	structure.SetSelected(lang.L("kerntaken en werkprocessen"))
	var catNames []string
	for _, c := range mw.catalog {
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
	dialog.ShowForm(lang.L("Nieuw profiel"), lang.L("Maken"), lang.L("Annuleren"), items, func(ok bool) {
		if !ok {
			return
		}
		s := app.StructureKerntaken
		if structure.Selected == lang.L("rollen en werkzaamheden") {
			s = app.StructureRollen
		}
		catID := ""
		if i := cat.SelectedIndex(); i >= 0 {
			catID = mw.catalog[i].ID
		}
		name := strings.TrimSpace(title.Text)
		if name == "" {
			name = lang.L("Nieuw profiel")
		}
		mw.CreateProfile(app.NewProfile(name, strings.TrimSpace(beroep.Text), s, catID))
	}, mw.Window)
}

// CreateProfile stores a new profile and opens it.
func (mw *MainWindow) CreateProfile(p *app.Profile) {
	if err := mw.store.SaveProfile(mw.ctx, p); err != nil {
		mw.showError(err)
		return
	}
	mw.index.SetProfile(p, mw.catalog)
	mw.Reload()
	mw.Library.Select(p.ID)
	mw.OpenProfile(p.ID)
}

// NewVersion copies the open profile as a new version (status concept,
// every element linked to the one it came from) and opens the copy.
func (mw *MainWindow) NewVersion() {
	if mw.profile == nil {
		return
	}
	label := widget.NewEntry()
	label.SetText(mw.profile.VersionLabel + " " + lang.L("nieuwe versie"))
	dialog.ShowForm(lang.L("Nieuwe versie"), lang.L("Maken"), lang.L("Annuleren"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("Versie"), label)}, func(ok bool) {
			if ok {
				mw.NewVersionFrom(mw.profile, strings.TrimSpace(label.Text))
			}
		}, mw.Window)
}

// NewVersionFrom stores a new version of p under the given label and opens
// it.
func (mw *MainWindow) NewVersionFrom(p *app.Profile, label string) {
	mw.CreateProfile(app.NewVersion(p, label))
}

// AskRenameProfile asks for a new title of the open profile.
func (mw *MainWindow) AskRenameProfile() {
	if mw.profile == nil {
		return
	}
	title := widget.NewEntry()
	title.SetText(mw.profile.Title)
	dialog.ShowForm(lang.L("Profiel hernoemen…"), lang.L("Hernoemen"), lang.L("Annuleren"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("Titel"), title)}, func(ok bool) {
			if ok {
				m := mw.profile.Meta()
				m.Title = strings.TrimSpace(title.Text)
				mw.afterStructural(mw.editor.EditMeta(lang.L("profiel hernoemen"), "", m), "", "")
			}
		}, mw.Window)
}

// AskDeleteProfile asks for confirmation and deletes the open profile.
func (mw *MainWindow) AskDeleteProfile() {
	if mw.profile == nil {
		return
	}
	p := mw.profile
	dialog.ShowConfirm(lang.L("Profiel verwijderen…"),
		fmt.Sprintf(lang.L("%s (%s) en alles wat erin staat verwijderen? Dit kan niet ongedaan worden gemaakt."), p.Title, p.VersionLabel),
		func(ok bool) {
			if ok {
				mw.DeleteProfile(p.ID)
			}
		}, mw.Window)
}

// DeleteProfile deletes a profile and opens another.
func (mw *MainWindow) DeleteProfile(id string) {
	if err := mw.store.DeleteProfile(mw.ctx, id); err != nil {
		mw.showError(err)
		return
	}
	mw.index.RemoveProfile(id)
	mw.profile, mw.editor = nil, nil
	mw.Tree.UnselectAll()
	mw.Tree.Update(nil)
	mw.Library.UnselectAll()
	mw.Reload()
	if len(mw.summaries) > 0 {
		mw.Library.Select(mw.summaries[0].ID)
	} else {
		mw.ShowForm("")
		mw.updateTitle()
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
	dialog.ShowCustom(lang.L("Sneltoetsen"), lang.L("Sluiten"), container.NewGridWithColumns(2, rows...), mw.Window)
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
