package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"bcpeditor/app"
	"bcpeditor/assets"
	"bcpeditor/storage"
	"bcpeditor/widgets"
)

// newTestWindow opens a seeded library in a temporary directory and the
// main window over it.
func newTestWindow(t *testing.T) (*MainWindow, *storage.Library) {
	t.Helper()
	a := test.NewTempApp(t)
	SetupLanguage()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "lib.sqlite")
	lib, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	bundles, err := assets.Bundles()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Seed(ctx, bundles); err != nil {
		t.Fatal(err)
	}
	mw := NewMainWindow(a, lib, Config{LibraryPath: path, Version: "test"})
	mw.Window.Resize(fyne.NewSize(1200, 760))
	t.Cleanup(mw.Window.Close)
	return mw, lib
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
	if got := len(mw.summaries); got != want {
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

func TestSelectingARolShowsItsContent(t *testing.T) {
	mw, _ := newTestWindow(t)
	var cm *app.Profile
	for _, p := range bundledProfiles(t) {
		if p.Title == "bcp Commercieel medewerker" {
			cm = p
		}
	}
	if cm == nil {
		t.Fatal("bundled Commercieel medewerker missing")
	}
	mw.Library.Select(cm.ID)
	if mw.Profile() == nil || mw.Profile().ID != cm.ID {
		t.Fatal("selecting in the library did not open the profile")
	}
	rol := cm.Rollen[0]
	if mw.Tree.Node(rol.ID) == nil {
		t.Fatal("rol missing from the tree")
	}
	mw.Tree.Select(rol.ID)
	text := mw.Detail.Text()
	for _, want := range []string{rol.Title, "Beïnvloeden", "Klantgericht handelen", rol.KennisEnVaardigheden[19].Text, "Beroepenonderzoek SBB 2021"} {
		if !strings.Contains(text, want) {
			t.Errorf("detail of rol lacks %q", want)
		}
	}
	mw.Tree.Select(widgets.NodeLijsten)
	if !strings.Contains(mw.Detail.Text(), "Genoemd in interviews") {
		t.Error("lists do not show the interviews split")
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
