package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
	"bcpeditor/app/export"
	"bcpeditor/app/workspace"
	"bcpeditor/assets"
	"bcpeditor/storage"
	"bcpeditor/widgets"
)

func init() { queueBackgroundDone = true }

// newTestWindow opens a seeded library in a temporary directory and the
// main window over it. The returned library is a second handle on the same
// file, for checking what was stored.
func newTestWindow(t *testing.T) (*MainWindow, *storage.Library) {
	t.Helper()
	a := test.NewTempApp(t)
	SetupLanguage()
	path := filepath.Join(t.TempDir(), "lib.sqlite")
	mw := openWindow(t, a, path)
	lib, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	return mw, lib
}

// openWindow opens the main window over the library at path, as main does;
// background work runs on real goroutines (tests wait for it with
// mw.bg.wait).
func openWindow(t *testing.T, a fyne.App, path string) *MainWindow {
	t.Helper()
	loc := storage.FileLocation{Path: path}
	ws, err := workspace.Open(context.Background(), loc, app.OpenShared)
	if err != nil {
		t.Fatal(err)
	}
	mw := NewMainWindow(a, ws, Config{Library: loc, Version: "test"})
	mw.Window.Resize(fyne.NewSize(1200, 760))
	mw.bg.wait()
	t.Cleanup(func() {
		mw.bg.wait()
		mw.Window.Close()
		ws.Close()
	})
	return mw
}

// profileByTitle finds a bundled profile; a missing one fails the test.
func profileByTitle(t *testing.T, title string) *app.Profile {
	t.Helper()
	for _, p := range bundledProfiles(t) {
		if p.Title == title {
			return p
		}
	}
	t.Fatalf("%s is not bundled", title)
	return nil
}

// formText collects every text the form shows: labels, buttons, entries
// and rich text.
func formText(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widgets.Link:
			b.WriteString(w.Text + "\n")
		case *widgets.MarkedText:
			b.WriteString(w.Text() + "\n")
		case *widget.Button:
			b.WriteString(w.Text + "\n")
		case *widgets.FieldEntry:
			b.WriteString(w.Text + "\n")
		case *widgets.RatingMark:
			if w.Rating() != "" {
				b.WriteString("[" + widgets.RatingWord(w.Rating()) + "]\n")
			}
		case *widget.RichText:
			for _, seg := range w.Segments {
				b.WriteString(segmentText(seg) + "\n")
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case *widget.Form:
			for _, it := range w.Items {
				walk(it.Widget)
			}
		}
	}
	walk(o)
	return b.String()
}

func bundledProfiles(t *testing.T) []*app.Profile {
	bundles, err := assets.Bundles()
	if err != nil {
		t.Fatal(err)
	}
	var out []*app.Profile
	for _, b := range bundles {
		out = append(out, b.Profiles...)
	}
	return out
}

func TestLibraryListsBundledProfilesAndOpensFirst(t *testing.T) {
	mw, _ := newTestWindow(t)
	want := len(bundledProfiles(t))
	if got := len(mw.ws.Profiles()); got != want {
		t.Fatalf("library shows %d profiles, want %d", got, want)
	}
	if mw.Profile() == nil {
		t.Fatal("no profile opened at start")
	}
	if !strings.Contains(mw.Window.Title(), mw.Profile().Title) {
		t.Errorf("title %q does not name the open profile", mw.Window.Title())
	}
	if !strings.Contains(mw.Status.Text, "profielen") {
		t.Errorf("status line %q is not Dutch", mw.Status.Text)
	}
}

func TestSelectingARolShowsItsFieldsForEditing(t *testing.T) {
	mw, _ := newTestWindow(t)
	cm := profileByTitle(t, "bcp Commercieel medewerker")
	mw.OpenProfile(cm.ID)
	if mw.Profile() == nil || mw.Profile().ID != cm.ID {
		t.Fatal("selecting in the library did not open the profile")
	}
	rol := cm.Rollen[0]
	mw.Select(rol.ID)
	if e := mw.form.fields[rol.ID+"/titel"]; e == nil || e.Text != rol.Title {
		t.Fatal("rol title is not in an editable field")
	}
	last := rol.KennisEnVaardigheden[19]
	if e := mw.form.fields[last.ID+"/tekst"]; e == nil || e.Text != last.Text {
		t.Error("kennis-en-vaardigheden line 20 is not editable")
	}
	text := formText(mw.form.box)
	for _, want := range []string{"Beïnvloeden", "Klantgericht handelen", "Beroepenonderzoek SBB 2021"} {
		if !strings.Contains(text, want) {
			t.Errorf("form of rol lacks %q", want)
		}
	}
}

func TestImportOfBadFileChangesNothing(t *testing.T) {
	mw, lib := newTestWindow(t)
	before, _ := lib.ListProfiles(context.Background())
	err := mw.ImportFrom(strings.NewReader(`{"formaat": "iets anders", "versie": 1}`))
	if err == nil || !strings.Contains(err.Error(), "geen BCP-bestand") {
		t.Fatalf("want a Dutch refusal, got %v", err)
	}
	after, _ := lib.ListProfiles(context.Background())
	if len(after) != len(before) {
		t.Fatal("a refused import changed the library")
	}
}

func TestExportWritesTheOpenProfile(t *testing.T) {
	mw, _ := newTestWindow(t)
	out := filepath.Join(t.TempDir(), "uit.bcp.json")
	if err := mw.ExportTo(out); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := app.DecodeBundle(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Profiles) != 1 || b.Profiles[0].ID != mw.Profile().ID || len(b.Catalogues) != 1 {
		t.Fatalf("export holds %d profiles and %d catalogues", len(b.Profiles), len(b.Catalogues))
	}
}

func segmentText(s widget.RichTextSegment) string {
	switch s := s.(type) {
	case *widget.TextSegment:
		return s.Text
	case *widget.ListSegment:
		var parts []string
		for _, it := range s.Items {
			parts = append(parts, segmentText(it))
		}
		return strings.Join(parts, "\n")
	}
	return ""
}

func TestExportEveryFormatAndImportCASE(t *testing.T) {
	mw, _ := newTestWindow(t)
	dir := t.TempDir()
	n := len(mw.ws.Profiles())
	for _, f := range export.Formats {
		path := filepath.Join(dir, "uit"+f.Extension)
		if err := mw.ExportAs(f, path); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if st, err := os.Stat(path); err != nil || st.Size() < 1000 {
			t.Fatalf("%s: %v", f.Name, err)
		}
	}
	f, _ := os.Open(filepath.Join(dir, "uit.case.json"))
	defer f.Close()
	if err := mw.ImportFrom(f); err != nil {
		t.Fatal(err)
	}
	// Our own CASE export carries the profile's ids: it merges into the
	// profile it came from instead of making a duplicate.
	if len(mw.ws.Profiles()) != n {
		t.Fatalf("CASE import gave %d profiles, want %d (merged)", len(mw.ws.Profiles()), n)
	}
}

// Sent from the window, edited elsewhere and here, imported back: the
// merge keeps both sides' edits, and a conflict is the designer's choice.
func TestImportBackMergesFromTheWindow(t *testing.T) {
	mw, lib := newTestWindow(t)
	cm := profileByTitle(t, "bcp Commercieel medewerker")
	mw.OpenProfile(cm.ID)
	sent := filepath.Join(t.TempDir(), "verstuurd.bcp.json")
	if err := mw.ExportTo(sent); err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(sent)
	b, _ := app.DecodeBundle(f)
	f.Close()
	other := b.Profiles[0]
	other.Rollen[1].Title = "Administratief medewerker verkoop"                // only there
	other.Rollen[0].Werkzaamheden[0].Text = "Elders herschreven werkzaamheid." // both sides
	var buf strings.Builder
	app.EncodeBundle(&buf, b)

	p := mw.Profile()
	mustEdit(t, mw, func(ed *app.Editor) error {
		return ed.SetField(p.Rollen[0].Werkzaamheden[0].ID, app.FieldBody, "Hier herschreven werkzaamheid.")
	})
	mustEdit(t, mw, func(ed *app.Editor) error {
		return ed.SetField(p.Rollen[2].ID, app.FieldTitle, "Commercieel ondersteuner binnendienst") // only here
	})

	if err := mw.ImportFrom(strings.NewReader(buf.String())); err != nil {
		t.Fatal(err)
	}
	mv := mw.merge
	if mv == nil || len(mv.plan.Merges) != 1 {
		t.Fatal("importing the profile that came back showed no merge")
	}
	plan := mv.plan.Merges[0]
	if len(plan.Conflicts) != 1 || !plan.HasBase {
		t.Fatalf("plan:\n%s", plan.Summary())
	}
	if stored(t, lib, cm.ID) != state(mw.Profile()) {
		t.Fatal("the merge dialog changed the library before Samenvoegen")
	}
	// The conflict shows both texts in full; the change made only there is
	// listed by name.
	shown := overlayText(mw.Window)
	for _, want := range []string{"Hier herschreven werkzaamheid.", "Elders herschreven werkzaamheid.", "Administratief medewerker verkoop", "Alleen in het bestand gewijzigd (1)"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the merge dialog does not show %q:\n%s", want, shown)
		}
	}
	if err := mw.ApplyImport(mv.plan, workspace.Choices{cm.ID: {plan.Conflicts[0].ElementID: app.TakeIncoming}}); err != nil {
		t.Fatal(err)
	}
	q, _ := lib.LoadProfile(context.Background(), cm.ID)
	if q.Rollen[1].Title != "Administratief medewerker verkoop" || q.Rollen[2].Title != "Commercieel ondersteuner binnendienst" ||
		q.Rollen[0].Werkzaamheden[0].Text != "Elders herschreven werkzaamheid." {
		t.Fatalf("merged: %q / %q / %q", q.Rollen[1].Title, q.Rollen[2].Title, q.Rollen[0].Werkzaamheden[0].Text)
	}
	// ImportFrom on the same file shows the merge dialog and changes nothing yet.
	if err := mw.ImportFrom(strings.NewReader(buf.String())); err != nil {
		t.Fatal(err)
	}
}

// mustEdit makes an edit of the open profile as a view would.
func mustEdit(t *testing.T, mw *MainWindow, f func(ed *app.Editor) error) {
	t.Helper()
	if err := mw.Session().Edit("", f); err != nil {
		t.Fatal(err)
	}
}

// Another tool's competency framework imports from the window as a
// competency model, with the report of what was read and left out.
func TestImportOpenSALTFrameworkFromTheWindow(t *testing.T) {
	mw, _ := newTestWindow(t)
	f, err := os.Open(filepath.Join("..", "export", "testdata", "case-opensalt", "SmartLevelFramework.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := len(mw.ws.Catalogues())
	if err := mw.ImportFrom(f); err != nil {
		t.Fatal(err)
	}
	if len(mw.ws.Catalogues()) != n+1 {
		t.Fatalf("%d competency models after the import, want %d", len(mw.ws.Catalogues()), n+1)
	}
	if text := overlayText(mw.Window); !strings.Contains(text, "CASE") {
		t.Errorf("no report after the import: %q", text)
	}
}
