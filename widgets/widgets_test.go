package widgets_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"bcpeditor/app"
	"bcpeditor/widgets"
)

func TestFieldEntryKeys(t *testing.T) {
	test.NewTempApp(t)
	e := widgets.NewFieldMultiLineEntry("x/tekst")
	e.SubmitOnEnter = true
	var submitted, emptied, moved, global int
	e.OnSubmitted = func(string) { submitted++ }
	e.OnBackspaceEmpty = func() { emptied++ }
	e.OnMove = func(d int) { moved += d }
	e.Global = func(s fyne.Shortcut) bool { global++; return s.ShortcutName() == (&fyne.ShortcutUndo{}).ShortcutName() }
	test.NewTempWindow(t, e)

	test.Type(e, "ab")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if submitted != 1 || e.Text != "ab" {
		t.Fatalf("Enter: submitted %d, text %q", submitted, e.Text)
	}
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if emptied != 0 {
		t.Fatal("Backspace in a non-empty field reported empty")
	}
	e.SetText("")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if emptied != 1 {
		t.Fatal("Backspace in an empty field not reported")
	}
	e.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: fyne.KeyModifierAlt})
	e.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt})
	e.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt})
	if moved != 1 {
		t.Fatalf("Alt+arrows moved %d", moved)
	}
	e.SetText("tekst")
	e.TypedShortcut(&fyne.ShortcutUndo{})
	if global != 1 || e.Text != "tekst" {
		t.Fatalf("Ctrl+Z went to the entry instead of the window (global %d, text %q)", global, e.Text)
	}
}

// A growing field is as tall as its text at its width (the form scrolls,
// not the field), grows and shrinks as the text does, and Tab leaves it.
func TestFieldGrowsWithItsText(t *testing.T) {
	test.NewTempApp(t)
	e := widgets.NewFieldMultiLineEntry("x/tekst")
	e.Grow, e.MinRows = true, 2
	grew := 0
	e.OnGrow = func() { grew++ }
	w := test.NewTempWindow(t, container.NewVBox(e))
	w.Resize(fyne.NewSize(320, 600))
	short := e.MinSize().Height
	e.SetText(strings.Repeat("De junior accountmanager verzamelt informatie over de account. ", 12))
	test.Type(e, " meer")
	long := e.MinSize().Height
	if long < 3*short || grew == 0 {
		t.Fatalf("a long text did not grow the field: %v → %v (%d times)", short, long, grew)
	}
	e.SetText("kort")
	test.Type(e, "er")
	if h := e.MinSize().Height; h != short {
		t.Errorf("a short text again: height %v, want %v", h, short)
	}
	if e.AcceptsTab() {
		t.Error("Tab types a tab character instead of moving on")
	}
}

func TestProfileTreeShowsBothStructures(t *testing.T) {
	test.NewTempApp(t)
	p := &app.Profile{ID: app.NewID(), Structure: app.StructureRollen,
		Sections: []*app.Section{{ID: app.NewID(), Title: "Werkomgeving"}},
		Rollen: []*app.Rol{{ID: app.NewID(), Code: "1", Title: "Relatiebeheerder",
			Werkzaamheden: []*app.Werkzaamheid{{ID: app.NewID(), Code: "1", Text: "Hij onderhoudt contact."}}}},
	}
	tree := widgets.NewProfileTree()
	var picked string
	tree.OnNodeSelected = func(n *widgets.ProfileNode) { picked = n.ID }
	w := test.NewTempWindow(t, tree)
	w.Resize(fyne.NewSize(400, 300))
	tree.SetProfile(p)
	order := tree.Order()
	want := []string{widgets.NodeMeta, widgets.NodeAlgemeen, p.Sections[0].ID, p.Rollen[0].ID, p.Rollen[0].Werkzaamheden[0].ID}
	if len(order) != len(want) {
		t.Fatalf("order %v", order)
	}
	for i := range want {
		if order[i] != want[i] {
			t.Fatalf("order[%d] = %s, want %s", i, order[i], want[i])
		}
	}
	if !tree.IsBranchOpen(p.Rollen[0].ID) {
		t.Error("rollen are not open at first")
	}
	tree.Select(p.Rollen[0].Werkzaamheden[0].ID)
	if picked != p.Rollen[0].Werkzaamheden[0].ID {
		t.Error("selection not reported")
	}
	// An update keeps open branches and the selection.
	p.Rollen[0].Title = "Accountbeheerder"
	tree.Update(p)
	if !tree.IsBranchOpen(p.Rollen[0].ID) || tree.Node(p.Rollen[0].ID).Text != "Accountbeheerder" {
		t.Error("update lost the open branch or the new title")
	}
	test.AssertRendersToMarkup(t, "profiletree.xml", w.Canvas())
}
