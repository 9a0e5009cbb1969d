package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"bcpeditor/app"
	"bcpeditor/widgets"
)

// With Grotere tekst the whole window still fits a 1024×768 projector,
// whatever the editor shows: no form, tree or toolbar asks for more.
func TestLargeTextFits1024(t *testing.T) {
	mw, _, p := open2010(t)
	mw.ToggleLargeText()
	defer mw.ToggleLargeText()
	am := profileByTitle(t, "bcp (Junior) accountmanager")
	check := func(what string) {
		t.Helper()
		if min := mw.Window.Content().MinSize(); min.Width > 1024 || min.Height > 768 {
			t.Errorf("%s: the window needs %v with Grotere tekst", what, min)
		}
	}
	for _, id := range []string{widgets.NodeMeta, p.Kerntaken[0].ID, p.Kerntaken[0].Werkprocessen[2].ID, p.Kerntaken[2].Werkprocessen[0].ID} {
		mw.Select(id)
		check(id)
	}
	mw.OpenProfile(am.ID)
	for _, id := range []string{widgets.NodeMeta, am.Rollen[0].ID, am.Rollen[0].Werkzaamheden[0].ID} {
		mw.Select(id)
		check(id)
	}
	mw.Window.Resize(fyne.NewSize(1024, 768))
	if s := mw.Window.Canvas().Size(); s.Width > 1024 {
		t.Errorf("the window is %v wide at 1024×768", s)
	}
	// A title longer than its field wraps: all of it stays in sight.
	mw.Select(am.Rollen[0].ID)
	mustEdit(t, mw, func(ed *app.Editor) error {
		return ed.SetField(am.Rollen[0].ID, app.FieldTitle, "Relatiebeheerder zakelijke markt en accountmanager voor de grotere klanten")
	})
	title := mw.form.fields[am.Rollen[0].ID+"/titel"]
	one := fyne.MeasureText(title.Text, theme.TextSize(), fyne.TextStyle{}).Width
	if one <= title.Size().Width {
		t.Fatalf("the title %q fits on one line (%v in %v): the test does not test wrapping", title.Text, one, title.Size())
	}
	if title.Size().Height < 2*fyne.MeasureText("M", theme.TextSize(), fyne.TextStyle{}).Height {
		t.Errorf("the title %q (%v wide) is cut off in a field of %v", title.Text, one, title.Size())
	}
}

// Every new selection shows the editor from the top: after a tree click,
// after Ctrl+↓, and after switching profiles.
func TestNewSelectionScrollsTheEditorToTheTop(t *testing.T) {
	mw, _, p := open2010(t)
	mw.Window.Resize(fyne.NewSize(1200, 600))
	scrolled := func() {
		mw.form.Scroll.ScrollToBottom()
		if mw.form.Scroll.Offset.Y == 0 {
			t.Fatal("the form of 1.3 is not long enough to scroll")
		}
	}
	mw.Select(p.Kerntaken[0].Werkprocessen[2].ID)
	scrolled()
	mw.Select(p.Kerntaken[0].Werkprocessen[3].ID)
	if y := mw.form.Scroll.Offset.Y; y != 0 {
		t.Errorf("after a new selection the editor is at %v, not the top", y)
	}
	scrolled()
	shortcut(mw, ctrl(fyne.KeyDown))
	if y := mw.form.Scroll.Offset.Y; y != 0 {
		t.Errorf("after Ctrl+↓ the editor is at %v", y)
	}
	scrolled()
	cm := profileByTitle(t, "bcp Commercieel medewerker")
	mw.openFromLibrary(cm.ID)
	if y := mw.form.Scroll.Offset.Y; y != 0 {
		t.Errorf("after another profile the editor is at %v", y)
	}
	if mw.Window.Canvas().Focused() != mw.tree.Tree {
		t.Error("opening a profile from the library left the focus in the library")
	}
	test.AssertRendersToMarkup(t, "mainwindow_commercieel.xml", mw.Window.Canvas())
}

// The first start says where things are; the second does not; Enter
// closes it.
func TestWelcomeOnFirstStartOnly(t *testing.T) {
	mw, _ := newTestWindow(t)
	mw.App.Preferences().SetBool(welcomeSeen, false)
	mw.welcomeOnFirstStart()
	if !strings.Contains(overlayText(mw.Window), "Welkom bij de BCP Editor") {
		t.Fatal("no welcome on the first start")
	}
	mw.Window.Canvas().Unfocus()
	dialogKey(mw.Window, &fyne.KeyEvent{Name: fyne.KeyReturn})
	mw.welcomeOnFirstStart()
	if n := len(mw.Window.Canvas().Overlays().List()); n != 0 {
		t.Fatalf("%d dialogs after the welcome was closed and the program started again", n)
	}
}
