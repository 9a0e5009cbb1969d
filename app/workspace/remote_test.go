package workspace_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"bcpeditor/app"
	"bcpeditor/app/search"
	"bcpeditor/app/workspace"
	"bcpeditor/storage"
)

// openAt opens a workspace on a library another workspace may share.
func openAt(t *testing.T, loc app.Location) *workspace.Workspace {
	t.Helper()
	w, err := workspace.Open(context.Background(), loc, app.OpenShared)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// next waits for the next change made elsewhere (10 s at most) and applies
// it, as the window does on its goroutine.
func next(t *testing.T, w *workspace.Workspace, typing string, until func() bool) {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for !until() {
		select {
		case c, ok := <-w.RemoteChanges():
			if !ok {
				t.Fatal("the changes ended")
			}
			if err := w.ApplyRemote(c, typing); err != nil {
				t.Fatal(err)
			}
		case <-deadline:
			t.Fatal("the change made elsewhere did not arrive within 10 s")
		}
	}
}

// The command line (another program) changes the library while a window
// has it open: the window's list, search and open profile follow, and the
// form is told the change came from elsewhere.
func TestChangesElsewhereReachTheWindow(t *testing.T) {
	loc := storage.FileLocation{Path: filepath.Join(t.TempDir(), "lib.sqlite")}
	win, cli := openAt(t, loc), openAt(t, loc)
	s := openTitle(t, win, "BCP Junior accountmanager")
	var events []workspace.Event
	win.Subscribe(func(e workspace.Event) { events = append(events, e) })
	win.RemoteChanges()

	other := openTitle(t, cli, "BCP Junior accountmanager")
	k := other.Profile().Kerntaken[0].ID
	if err := other.Edit("", func(ed *app.Editor) error { return ed.SetField(k, app.FieldTitle, "Elders herschreven kerntaak") }); err != nil {
		t.Fatal(err)
	}
	added, err := cli.CreateProfile(app.NewProfile("Nieuw van de opdrachtregel", "Tester", app.StructureKerntaken, other.Profile().CatalogueID))
	if err != nil {
		t.Fatal(err)
	}
	next(t, win, "", func() bool {
		_, listed := win.Summary(added.Profile().ID)
		return listed && s.Profile().Kerntaken[0].Title == "Elders herschreven kerntaak"
	})
	if hits := win.Search("Elders herschreven", search.Options{}); len(hits) == 0 {
		t.Error("search does not find the text changed elsewhere")
	}
	remote := false
	for _, e := range events {
		remote = remote || e.Kind == workspace.ProfileEdited && e.Remote
	}
	if !remote {
		t.Errorf("no ProfileEdited event marked as remote: %+v", events)
	}
	// The window's own edit afterwards is stored on top of it.
	if err := s.Edit("", func(ed *app.Editor) error { return ed.SetField(k, app.FieldBody, "Toelichting uit het venster") }); err != nil {
		t.Fatalf("edit after the remote change: %v", err)
	}
}

// Someone else changes the very field the designer is typing in: the form
// keeps the designer's text, the next keystroke meets a conflict carrying
// both texts, and the designer chooses.
func TestTypingInAFieldSomeoneElseChanged(t *testing.T) {
	loc := storage.FileLocation{Path: filepath.Join(t.TempDir(), "lib.sqlite")}
	win, cli := openAt(t, loc), openAt(t, loc)
	s := openTitle(t, win, "BCP Junior accountmanager")
	k := s.Profile().Kerntaken[0].ID
	key := k + "/" + app.FieldTitle
	typeTitle := func(text string) error {
		return s.Edit(key, func(ed *app.Editor) error { return ed.SetField(k, app.FieldTitle, text) })
	}
	if err := typeTitle("Mijn tit"); err != nil {
		t.Fatal(err)
	}
	win.RemoteChanges()
	other := openTitle(t, cli, "BCP Junior accountmanager")
	if err := other.Edit("", func(ed *app.Editor) error { return ed.SetField(k, app.FieldTitle, "Titel van de ander") }); err != nil {
		t.Fatal(err)
	}
	var held string
	win.Subscribe(func(e workspace.Event) {
		if e.Remote && e.Held != "" {
			held = e.Held
		}
	})
	next(t, win, key, func() bool { return held != "" })
	if held != k || s.Profile().Kerntaken[0].Title != "Mijn tit" {
		t.Fatalf("the field being typed in was not held: %q, %q", held, s.Profile().Kerntaken[0].Title)
	}
	err := typeTitle("Mijn titel")
	var ce *app.ConflictError
	if !errors.As(err, &ce) || ce.Conflicts[0].Local.Title != "Mijn titel" || ce.Conflicts[0].Incoming.Title != "Titel van de ander" {
		t.Fatalf("the next keystroke: %v", err)
	}
	if err := s.KeepMine(ce); err != nil {
		t.Fatal(err)
	}
	stored, _ := cli.Profile(s.Profile().ID)
	if p, _ := storage.FileLocation(loc).Open(context.Background(), app.OpenReadOnly); p != nil {
		got, _ := p.LoadProfile(context.Background(), stored.ID)
		p.Close()
		if got.Kerntaken[0].Title != "Mijn titel" {
			t.Errorf("keep mine stored %q", got.Kerntaken[0].Title)
		}
	}
	// Now the other designer meets the conflict and takes the stored text.
	err = other.Edit("", func(ed *app.Editor) error { return ed.SetField(k, app.FieldTitle, "Nog een titel") })
	if !errors.As(err, &ce) {
		t.Fatalf("the other edit: %v", err)
	}
	if err := other.TakeTheirs(); err != nil {
		t.Fatal(err)
	}
	if got := other.Profile().Kerntaken[0].Title; got != "Mijn titel" {
		t.Errorf("take theirs: %q", got)
	}
}

// A library that may not be written gives a read-only workspace.
func TestReadOnlyLibraryGivesAReadOnlyWorkspace(t *testing.T) {
	loc := storage.FileLocation{Path: filepath.Join(t.TempDir(), "lib.sqlite")}
	openAt(t, loc).Close()
	w, err := workspace.Open(context.Background(), loc, app.OpenReadOnly)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if !w.ReadOnly() {
		t.Error("not read-only")
	}
}
