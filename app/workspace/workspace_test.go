package workspace_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"bcpeditor/app"
	"bcpeditor/app/export"
	"bcpeditor/app/search"
	"bcpeditor/app/workspace"
	"bcpeditor/storage"
)

func open(t *testing.T) *workspace.Workspace {
	t.Helper()
	w, err := workspace.Open(context.Background(), storage.FileLocation{Path: filepath.Join(t.TempDir(), "lib.sqlite")}, app.OpenShared)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

func openTitle(t *testing.T, w *workspace.Workspace, title string) *workspace.Session {
	t.Helper()
	for _, s := range w.Profiles() {
		if s.Title == title {
			sess, err := w.OpenProfile(s.ID)
			if err != nil {
				t.Fatal(err)
			}
			return sess
		}
	}
	t.Fatalf("%s is not bundled", title)
	return nil
}

func jsonFormat(t *testing.T) export.Format {
	f, ok := export.FormatByName("json")
	if !ok {
		t.Fatal("no exchange format")
	}
	return f
}

// An export runs on its own goroutine while the designer goes on editing:
// it writes the profile as it was when the export started, and (under the
// race detector) never reads the live profile.
func TestExportRunsOnACopyWhileEditing(t *testing.T) {
	w := open(t)
	s := openTitle(t, w, "BCP Junior accountmanager")
	p := s.Profile()
	before := p.Kerntaken[0].Title
	path := filepath.Join(t.TempDir(), "uit.bcp.json")
	job, err := w.PrepareExport(p.ID, jsonFormat(t), path)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var runErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		runErr = job.Run(context.Background())
	}()
	for i := 0; i < 30; i++ {
		k := p.Kerntaken[0]
		if err := s.Edit("", func(ed *app.Editor) error {
			if _, err := ed.Add(app.KindWerkproces, k.ID, app.Element{Title: "Nieuw"}); err != nil {
				return err
			}
			return ed.SetField(k.ID, app.FieldTitle, "Tijdens het exporteren gewijzigd")
		}); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.Undo(); err != nil {
			t.Fatal(err)
		}
	}
	wg.Wait()
	if runErr != nil {
		t.Fatal(runErr)
	}
	f, _ := os.Open(path)
	defer f.Close()
	b, err := app.DecodeBundle(f)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Profiles[0].Kerntaken[0].Title; got != before || len(b.Profiles[0].Kerntaken[0].Werkprocessen) != 4 {
		t.Fatalf("the export holds %q with %d werkprocessen, not the profile as it was", got, len(b.Profiles[0].Kerntaken[0].Werkprocessen))
	}
}

// An export says how it ended: written (nil), cancelled (nothing written,
// the old file intact), or the real error.
func TestExportReportsWhatHappened(t *testing.T) {
	w := open(t)
	s := openTitle(t, w, "BCP Junior accountmanager")
	dir := t.TempDir()
	old := filepath.Join(dir, "oud.docx")
	os.WriteFile(old, []byte("de vorige versie"), 0o644)
	docx, _ := export.FormatByName("docx")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	job, _ := w.PrepareExport(s.Profile().ID, docx, old)
	if err := job.Run(ctx); !errors.Is(err, workspace.ErrCancelled) {
		t.Fatalf("cancelled export: %v", err)
	}
	if data, _ := os.ReadFile(old); string(data) != "de vorige versie" {
		t.Fatal("a cancelled export changed the file")
	}

	job, _ = w.PrepareExport(s.Profile().ID, docx, filepath.Join(dir, "bestaat-niet", "x.docx"))
	err := job.Run(context.Background())
	if err == nil || errors.Is(err, workspace.ErrCancelled) || !strings.Contains(err.Error(), "Exporteren naar") || !strings.Contains(err.Error(), "bestaat niet") || strings.Contains(err.Error(), "no such file") {
		t.Fatalf("failed export: %v", err)
	}

	job, _ = w.PrepareExport(s.Profile().ID, docx, old)
	if err := job.Run(context.Background()); err != nil {
		t.Fatalf("export: %v", err)
	}
	if data, _ := os.ReadFile(old); !bytes.HasPrefix(data, []byte("PK")) {
		t.Fatal("a successful export did not write the Word file")
	}
}

// Views refresh on events: opening, typing (with the field's key), a
// change of the profile's own fields (which also changes the library
// list), undo.
func TestEventsAnnounceChanges(t *testing.T) {
	w := open(t)
	var got []workspace.Event
	w.Subscribe(func(e workspace.Event) { got = append(got, e) })
	s := openTitle(t, w, "bcp Commercieel medewerker")
	rol := s.Profile().Rollen[0]
	key := rol.ID + "/" + app.FieldTitle
	s.Edit(key, func(ed *app.Editor) error { return ed.SetField(rol.ID, app.FieldTitle, "Verkoper") })
	m := s.Profile().Meta()
	m.VersionLabel = "workshop"
	s.Edit("", func(ed *app.Editor) error { return ed.EditMeta("versie", "", m) })
	s.Undo()
	want := []workspace.EventKind{workspace.ProfileOpened, workspace.ProfileEdited, workspace.LibraryChanged, workspace.ProfileEdited, workspace.LibraryChanged, workspace.ProfileEdited}
	if len(got) != len(want) {
		t.Fatalf("events %+v", got)
	}
	for i := range want {
		if got[i].Kind != want[i] {
			t.Fatalf("event %d is %v, want %v (%+v)", i, got[i].Kind, want[i], got)
		}
	}
	if got[1].Key != key || got[3].Key != "" || got[5].Label == "" {
		t.Errorf("keys and labels: %+v", got)
	}
	if sum, _ := w.Summary(s.Profile().ID); sum.VersionLabel != "november 2020" {
		t.Errorf("after undo the library lists version %q", sum.VersionLabel)
	}
}

// Importing a file that holds what the library has changes nothing: no new
// times, no snapshot, so the next export is the same.
func TestUnchangedImportChangesNothing(t *testing.T) {
	w := open(t)
	s := openTitle(t, w, "BCP Junior accountmanager")
	path := filepath.Join(t.TempDir(), "verstuurd.bcp.json")
	job, _ := w.PrepareExport(s.Profile().ID, jsonFormat(t), path)
	if err := job.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	before, _ := w.History(s.Profile().ID)
	sumBefore, _ := w.Summary(s.Profile().ID)
	f, _ := os.Open(path)
	plan, err := w.PlanImport(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Merges) != 0 || len(plan.Unchanged) != 1 || !strings.Contains(plan.Summary(), "Ongewijzigd") {
		t.Fatalf("plan:\n%s", plan.Summary())
	}
	if _, err := w.ApplyImport(plan, nil); err != nil {
		t.Fatal(err)
	}
	after, _ := w.History(s.Profile().ID)
	sumAfter, _ := w.Summary(s.Profile().ID)
	if len(after) != len(before) || sumAfter.Modified != sumBefore.Modified {
		t.Fatalf("an unchanged import left %d history entries (was %d), modified %s (was %s)", len(after), len(before), sumAfter.Modified, sumBefore.Modified)
	}
}

// A file whose profile cannot merge (another structure) is refused before
// anything is written, also the new profile that came with it.
func TestImportWithAFailingMergeChangesNothing(t *testing.T) {
	w := open(t)
	s := openTitle(t, w, "BCP Junior accountmanager")
	flipped := s.Profile().Clone()
	flipped.Structure = app.StructureRollen
	flipped.Kerntaken = nil
	fresh := app.NewVersion(s.Profile(), "elders")
	var buf bytes.Buffer
	app.EncodeBundle(&buf, &app.Bundle{Format: app.ExchangeFormat, Version: 1, Profiles: []*app.Profile{fresh, flipped}})
	n := len(w.Profiles())
	if _, err := w.PlanImport(&buf); err == nil || !strings.Contains(err.Error(), "niets gewijzigd") {
		t.Fatalf("plan: %v", err)
	}
	if len(w.Profiles()) != n {
		t.Fatal("the new profile was imported anyway")
	}
}

// Indexing the library in the background never overwrites what was
// indexed after an edit meanwhile.
func TestIndexingKeepsFresherEdits(t *testing.T) {
	w := open(t)
	s := openTitle(t, w, "BCP Junior accountmanager")
	job := w.IndexAll()
	k := s.Profile().Kerntaken[0]
	s.Edit("", func(ed *app.Editor) error { return ed.SetField(k.ID, app.FieldTitle, "Zoekbare nieuwe titel") })
	if err := job.Run(); err != nil {
		t.Fatal(err)
	}
	res := w.Search("zoekbare nieuwe titel", search.Options{Limit: 1})
	if len(res) == 0 || res[0].ElementID != k.ID {
		t.Fatal("the background index overwrote the edit")
	}
}
