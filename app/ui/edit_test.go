package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
	"bcpeditor/storage"
	"bcpeditor/widgets"
)

// state is what a profile holds, element by element, for comparing the
// model and the library before and after edits.
func state(p *app.Profile) string {
	var b strings.Builder
	for _, e := range p.Elements() {
		b.WriteString(strings.Join([]string{e.ID, e.ParentID, string(e.Kind), e.Code, e.Title, e.Body, e.Ref}, "|") + "\n")
	}
	m := p.Meta()
	b.WriteString(m.Title + "|" + m.VersionLabel + "|" + string(m.Status))
	return b.String()
}

func stored(t *testing.T, lib *storage.Library, id string) string {
	t.Helper()
	p, err := lib.LoadProfile(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return state(p)
}

func shortcut(mw *MainWindow, s fyne.Shortcut) {
	mw.Window.Canvas().(fyne.Shortcutable).TypedShortcut(s)
}

func buttons(o fyne.CanvasObject, text string) []*widget.Button {
	var out []*widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Button:
			if w.Text == text {
				out = append(out, w)
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

func focused(t *testing.T, mw *MainWindow) *widgets.FieldEntry {
	t.Helper()
	f, ok := mw.Window.Canvas().Focused().(*widgets.FieldEntry)
	if !ok {
		t.Fatalf("no field has focus (%T)", mw.Window.Canvas().Focused())
	}
	return f
}

func press(e fyne.Focusable, k fyne.KeyName) { e.TypedKey(&fyne.KeyEvent{Name: k}) }

// open2010 opens the 2010 BCP, which is vastgesteld, and chooses to edit
// it anyway (see TestVastgesteldProfileAsksBeforeEditing).
func open2010(t *testing.T) (*MainWindow, *storage.Library, *app.Profile) {
	mw, lib := newTestWindow(t)
	want := profileByTitle(t, "BCP Junior accountmanager")
	mw.OpenProfile(want.ID)
	if mw.Profile() == nil || mw.Profile().ID != want.ID {
		t.Fatal("2010 BCP did not open")
	}
	mw.form.unlock()
	return mw, lib, mw.Profile()
}

// The scenario through the window: add werkproces 3.8 with a
// resultaat and two competenties, move it under kerntaak 2, undo all of it
// with Ctrl+Z, redo all of it with Ctrl+Y; the library follows every step.
func TestAddWerkprocesMoveUndoRedoThroughTheWindow(t *testing.T) {
	mw, lib, p := open2010(t)
	original := stored(t, lib, p.ID)
	k2, k3 := p.Kerntaken[1], p.Kerntaken[2]

	mw.Select(k3.ID)
	shortcut(mw, ctrl(fyne.KeyN))
	el, ok := mw.selected()
	if !ok || el.Kind != app.KindWerkproces || el.Code != "3.8" || el.ParentID != k3.ID {
		t.Fatalf("Ctrl+N on kerntaak 3 selected %+v", el)
	}
	wp := el.ID
	title := focused(t, mw)
	if title.Key != wp+"/titel" {
		t.Fatalf("focus is in %s, want the new title", title.Key)
	}
	test.Type(title, "Evalueert de klanttevredenheid")
	if got, _ := mw.Session().Element(wp); got.Title != "Evalueert de klanttevredenheid" {
		t.Fatalf("typed title became %q", got.Title)
	}

	test.Tap(buttons(mw.form.box, "Regel toevoegen")[0]) // the resultaat block
	test.Type(focused(t, mw), "Een evaluatieverslag")

	for _, q := range []string{"analy", "aandacht"} {
		test.Tap(buttons(mw.form.box, "Competentie toevoegen")[0])
		if mw.picker == nil {
			t.Fatal("picker did not open")
		}
		test.Type(mw.picker.filter, q)
		press(mw.picker.filter, fyne.KeyReturn)
	}
	mw.MoveSelectedTo(k2.ID)

	w := p.Kerntaken[1].Werkprocessen[len(p.Kerntaken[1].Werkprocessen)-1]
	if w.ID != wp || len(w.Resultaat) != 1 || w.Resultaat[0].Text != "Een evaluatieverslag" || len(w.Competenties) != 2 {
		t.Fatalf("werkproces after the edits: %+v", w)
	}
	names := refNames(mw.catalogue(), w.Competenties)
	if names[0] != "Analyseren" || names[1] != "Aandacht en begrip tonen" {
		t.Errorf("competenties: %v", names)
	}
	if mw.tree.Tree.Node(wp) == nil {
		t.Error("tree does not show the new werkproces")
	}
	final := stored(t, lib, p.ID)
	if final != state(p) {
		t.Fatal("library and window disagree after the edits")
	}

	steps := 0
	for stored(t, lib, p.ID) != original {
		shortcut(mw, &fyne.ShortcutUndo{})
		if steps++; steps > 100 {
			t.Fatal("undo never reaches the original")
		}
	}
	if state(p) != original || mw.tree.Tree.Node(wp) != nil {
		t.Fatal("window does not show the original after undo")
	}
	for i := 0; i < steps; i++ {
		shortcut(mw, &fyne.ShortcutRedo{})
	}
	if stored(t, lib, p.ID) != final || state(p) != final {
		t.Fatal("redo did not bring back the last edit")
	}
}

func TestListRowsKeyboard(t *testing.T) {
	mw, lib, p := open2010(t)
	w := p.Kerntaken[0].Werkprocessen[0]
	mw.Select(w.ID)
	first := mw.form.fields[w.Kennis[0].ID+"/tekst"]
	n := len(w.Kennis)
	// Enter adds a row right after, with the cursor in it.
	press(first, fyne.KeyReturn)
	w = p.Kerntaken[0].Werkprocessen[0]
	if len(w.Kennis) != n+1 || w.Kennis[1].Text != "" {
		t.Fatalf("Enter did not add an empty second row: %d rows", len(w.Kennis))
	}
	row := focused(t, mw)
	if row.Key != w.Kennis[1].ID+"/tekst" {
		t.Fatal("focus did not move to the new row")
	}
	// Backspace in the empty row removes it.
	press(row, fyne.KeyBackspace)
	w = p.Kerntaken[0].Werkprocessen[0]
	if len(w.Kennis) != n {
		t.Fatal("Backspace in an empty row did not remove it")
	}
	// Alt+↓ moves the first row down.
	id := w.Kennis[0].ID
	mw.form.fields[id+"/tekst"].TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt})
	w = p.Kerntaken[0].Werkprocessen[0]
	if w.Kennis[1].ID != id {
		t.Fatal("Alt+↓ did not move the row down")
	}
	if stored(t, lib, p.ID) != state(p) {
		t.Fatal("library and window disagree")
	}
}

func TestCtrlZInAFieldUndoesTheProfileEdit(t *testing.T) {
	mw, lib, p := open2010(t)
	k := p.Kerntaken[0]
	mw.Select(k.ID)
	before := stored(t, lib, p.ID)
	e := mw.form.fields[k.ID+"/titel"]
	mw.Window.Canvas().Focus(e)
	test.Type(e, " (bewerkt)")
	if stored(t, lib, p.ID) == before {
		t.Fatal("typing was not saved at once")
	}
	e.TypedShortcut(&fyne.ShortcutUndo{})
	if stored(t, lib, p.ID) != before {
		t.Fatal("Ctrl+Z in the field did not undo the typed text as one step")
	}
	if got := mw.form.fields[k.ID+"/titel"].Text; strings.Contains(got, "bewerkt") {
		t.Errorf("field still shows %q after undo", got)
	}
}

func TestDeleteMoveAndRenumberWithShortcuts(t *testing.T) {
	mw, lib, p := open2010(t)
	before := stored(t, lib, p.ID)
	w := p.Kerntaken[0].Werkprocessen[1]
	mw.Select(w.ID)
	shortcut(mw, ctrlShift(fyne.KeyDelete))
	if len(p.Kerntaken[0].Werkprocessen) != 3 || mw.tree.Tree.Node(w.ID) != nil {
		t.Fatal("Ctrl+Shift+Delete did not delete the werkproces")
	}
	shortcut(mw, &fyne.ShortcutUndo{})
	if stored(t, lib, p.ID) != before {
		t.Fatal("undo of delete did not restore the library")
	}
	mw.Select(w.ID)
	shortcut(mw, ctrlShift(fyne.KeyUp))
	if p.Kerntaken[0].Werkprocessen[0].ID != w.ID {
		t.Fatal("Ctrl+Shift+↑ did not move the werkproces up")
	}
	mw.Renumber()
	if p.Kerntaken[0].Werkprocessen[0].Code != "1.1" || p.Kerntaken[0].Werkprocessen[1].Code != "1.2" {
		t.Error("renumbering did not follow the new order")
	}
	// Next and previous element walk the tree.
	mw.Select(p.Kerntaken[0].ID)
	shortcut(mw, ctrl(fyne.KeyDown))
	if mw.form.nodeID != p.Kerntaken[0].Werkprocessen[0].ID {
		t.Error("Ctrl+↓ did not go to the next element")
	}
	shortcut(mw, ctrl(fyne.KeyUp))
	if mw.form.nodeID != p.Kerntaken[0].ID {
		t.Error("Ctrl+↑ did not go back")
	}
}

func TestMetadataEditsShowInTitleAndLibrary(t *testing.T) {
	mw, lib, p := open2010(t)
	mw.Select(widgets.NodeMeta)
	e := mw.form.fields["meta/versie"]
	if e == nil {
		t.Fatal("no version field")
	}
	mw.Window.Canvas().Focus(e)
	press(e, fyne.KeyEnd)
	test.Type(e, " workshop")
	if !strings.Contains(mw.Window.Title(), "2010 workshop") {
		t.Errorf("window title %q", mw.Window.Title())
	}
	q, _ := lib.LoadProfile(context.Background(), p.ID)
	if q.VersionLabel != "2010 workshop" {
		t.Errorf("stored version %q", q.VersionLabel)
	}
	if !strings.HasPrefix(mw.library.labels[p.ID], "2010 workshop") {
		t.Errorf("library label %q", mw.library.labels[p.ID])
	}
}

func TestProfilesCreateVersionDelete(t *testing.T) {
	mw, lib, p := open2010(t)
	ctx := context.Background()
	n := len(mw.ws.Profiles())
	mw.CreateProfile(app.NewVersion(p, "2026 concept"))
	if len(mw.ws.Profiles()) != n+1 || mw.Profile().Origin != p.ID || mw.Profile().Status != app.StatusConcept {
		t.Fatal("new version not created and opened")
	}
	copyP := mw.Profile()
	if copyP.Kerntaken[0].Origin != p.Kerntaken[0].ID {
		t.Error("elements of the new version are not linked to where they came from")
	}
	mw.DeleteProfile(copyP.ID)
	if len(mw.ws.Profiles()) != n {
		t.Fatal("delete did not remove the profile")
	}
	if _, err := lib.LoadProfile(ctx, copyP.ID); err == nil {
		t.Fatal("deleted profile still in the library")
	}
	mw.CreateProfile(app.NewProfile("Nieuw beroep", "Tester", app.StructureRollen, mw.ws.Catalogues()[1].ID))
	mw.AddTop()
	if len(mw.Profile().Rollen) != 1 || mw.Profile().Rollen[0].Code != "1" {
		t.Fatal("a rol was not added to the new profile")
	}
}

func TestPreferencesAreRemembered(t *testing.T) {
	mw, _ := newTestWindow(t)
	cm := profileByTitle(t, "bcp Commercieel medewerker")
	mw.OpenProfile(cm.ID)
	mw.Select(cm.Rollen[1].ID)
	mw.ToggleLargeText()
	if !mw.App.Preferences().Bool("text.large") {
		t.Fatal("larger text not remembered")
	}
	if _, ok := mw.App.Settings().Theme().(scaledTheme); !ok {
		t.Error("larger text did not change the theme")
	}
	// A new window (as after a restart) opens the same profile and node.
	mw2 := openWindow(t, mw.App, mw.ws.Location().String())
	if mw2.Profile() == nil || mw2.Profile().ID != cm.ID || mw2.form.nodeID != cm.Rollen[1].ID {
		t.Fatal("the last profile and selection were not restored")
	}
}

func refNames(cat *app.Catalogue, rs []*app.CompetentieRef) []string {
	var out []string
	for _, r := range rs {
		for _, c := range cat.Competenties {
			if c.ID == r.Competentie {
				out = append(out, c.Name)
			}
		}
	}
	return out
}

func TestStatusHistoryAndListSourceAreEditable(t *testing.T) {
	mw, lib, p := open2010(t)
	mw.Select(widgets.NodeMeta)
	n := len(p.StatusHistory)
	test.Tap(buttons(mw.form.box, "Stap toevoegen")[0])
	test.Type(focused(t, mw), "2026-11-22")
	q, _ := lib.LoadProfile(context.Background(), p.ID)
	if len(q.StatusHistory) != n+1 || q.StatusHistory[n].Date != "2026-11-22" {
		t.Fatalf("status history: %+v", q.StatusHistory)
	}
	cm := profileByTitle(t, "bcp Commercieel medewerker")
	mw.OpenProfile(cm.ID)
	list := mw.Profile().Lists[0]
	mw.Select(list.ID)
	item := list.Items[0]
	mustEdit(t, mw, func(ed *app.Editor) error {
		return ed.SetField(item.ID, app.FieldSource, string(app.ListSourceInterviews))
	})
	q, _ = lib.LoadProfile(context.Background(), cm.ID)
	if q.Lists[0].Items[0].Source != app.ListSourceInterviews {
		t.Fatal("list item source not stored")
	}
}

// A vastgesteld profile asks before it is edited: its fields stay readable
// but typing asks first, a banner offers a new version or editing anyway, and an edit through a
// shortcut asks the same question; Esc changes nothing.
func TestVastgesteldProfileAsksBeforeEditing(t *testing.T) {
	mw, lib := newTestWindow(t)
	p := profileByTitle(t, "BCP Junior accountmanager")
	mw.OpenProfile(p.ID)
	mw.Select(p.Kerntaken[0].Werkprocessen[0].ID)
	before := stored(t, lib, p.ID)
	title := mw.form.fields[p.Kerntaken[0].Werkprocessen[0].ID+"/titel"]
	if title == nil || title.Disabled() {
		t.Fatal("the title of a vastgesteld profile is not readable as text")
	}
	test.Type(title, "x") // typing asks first and changes nothing
	if !strings.Contains(overlayText(mw.Window), "Nieuwe versie maken?") || stored(t, lib, p.ID) != before {
		t.Fatalf("typing in a vastgesteld title did not ask first: %q", overlayText(mw.Window))
	}
	mw.Window.Canvas().Unfocus()
	dialogKey(mw.Window, &fyne.KeyEvent{Name: fyne.KeyEscape})
	if title.Text != p.Kerntaken[0].Werkprocessen[0].Title {
		t.Fatalf("the title changed to %q", title.Text)
	}
	if !strings.Contains(formText(mw.form.box), "vastgesteld") {
		t.Fatal("no banner on a vastgesteld profile")
	}
	shortcut(mw, ctrl(fyne.KeyN)) // a new werkproces: asks first
	if !strings.Contains(overlayText(mw.Window), "Nieuwe versie maken?") {
		t.Fatalf("no question before the edit: %q", overlayText(mw.Window))
	}
	mw.Window.Canvas().Unfocus()
	dialogKey(mw.Window, &fyne.KeyEvent{Name: fyne.KeyEscape})
	if stored(t, lib, p.ID) != before || len(mw.Window.Canvas().Overlays().List()) != 0 {
		t.Fatal("Esc on the question changed the profile or left it open")
	}
	test.Tap(buttons(mw.form.box, "Nieuwe versie maken")[0])
	if !strings.Contains(overlayText(mw.Window), "Nieuwe versie") {
		t.Fatal("Nieuwe versie maken did not ask for the version")
	}
	mw.Window.Canvas().Unfocus()
	dialogKey(mw.Window, &fyne.KeyEvent{Name: fyne.KeyReturn})
	nv := mw.Profile()
	if nv.ID == p.ID || nv.Status != app.StatusConcept || len(nv.StatusHistory) != 0 {
		t.Fatalf("the new version: %s %s %v", nv.ID, nv.Status, nv.StatusHistory)
	}
}
