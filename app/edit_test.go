package app_test

import (
	"context"
	"path/filepath"
	"testing"

	"bcpeditor/app"
	"bcpeditor/storage"
)

func openSeeded(t testing.TB) (*storage.Library, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "lib.sqlite")
	lib, err := storage.OpenSeeded(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return lib, path
}

func loadByTitle(t *testing.T, st app.Store, title string) *app.Profile {
	t.Helper()
	all, _ := st.ListProfiles(context.Background())
	for _, s := range all {
		if s.Title == title {
			p, err := st.LoadProfile(context.Background(), s.ID)
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
	}
	t.Skipf("profile %q not bundled", title)
	return nil
}

func snapshot(t *testing.T, p *app.Profile) string {
	q := *p
	q.Modified, q.Created = "", ""
	var b []byte
	for _, e := range q.Elements() {
		b = append(b, []byte(e.ID+"|"+e.ParentID+"|"+string(e.Kind)+"|"+e.Code+"|"+e.Title+"|"+e.Body+"|"+e.Ref+"\n")...)
	}
	m := q.Meta()
	return string(b) + m.Title + m.VersionLabel + string(m.Status)
}

// The scenario on the 2010 BCP: add werkproces 3.8 with a
// resultaat and two competenties, move it under kerntaak 2, undo all of
// it, redo all of it; after reopening the library the state is exactly that
// of the last edit.
func TestEditUndoRedoAndReopen(t *testing.T) {
	lib, path := openSeeded(t)
	ctx := context.Background()
	p := loadByTitle(t, lib, "BCP Junior accountmanager")
	cats, _ := lib.Catalogues(ctx)
	cat := app.CatalogueByID(cats, p.CatalogueID)
	original := snapshot(t, p)
	ed := app.NewEditor(ctx, lib, p)

	k3, k2 := p.Kerntaken[2], p.Kerntaken[1]
	wp, err := ed.Add(app.KindWerkproces, k3.ID, app.Element{Title: "Evalueert de klanttevredenheid"})
	if err != nil {
		t.Fatal(err)
	}
	if el, _ := ed.Element(wp); el.Code != "3.8" {
		t.Errorf("new werkproces got code %q, want 3.8", el.Code)
	}
	steps := 1
	if _, err := ed.Add(app.KindResultaat, wp, app.Element{Body: "Een evaluatieverslag"}); err != nil {
		t.Fatal(err)
	}
	steps++
	for _, name := range []string{"Analyseren", "Aandacht en begrip tonen"} {
		var id string
		for _, c := range cat.Competenties {
			if c.Name == name {
				id = c.ID
			}
		}
		if _, err := ed.Add(app.KindCompetentie, wp, app.Element{Ref: id}); err != nil {
			t.Fatal(err)
		}
		steps++
	}
	for _, s := range "ab" { // typing merges into one step
		if err := ed.SetField(wp, app.FieldBody, "Hij evalueert"+string(s)); err != nil {
			t.Fatal(err)
		}
	}
	steps++
	if err := ed.MoveTo(wp, k2.ID); err != nil {
		t.Fatal(err)
	}
	steps++
	if len(p.Kerntaken[1].Werkprocessen) != len(k2.Werkprocessen)+1 || len(p.Kerntaken[2].Werkprocessen) != len(k3.Werkprocessen) {
		t.Fatal("move did not change the model")
	}
	moved := p.Kerntaken[1].Werkprocessen[len(p.Kerntaken[1].Werkprocessen)-1]
	if moved.ID != wp || len(moved.Competenties) != 2 || len(moved.Resultaat) != 1 || moved.Beschrijving != "Hij evalueertb" {
		t.Fatalf("moved werkproces: %+v", moved)
	}
	if problems := app.Validate(p, cat); len(problems) != 0 {
		t.Errorf("validation after edits: %v", problems)
	}
	final := snapshot(t, p)

	for i := 0; i < steps; i++ {
		if _, ok, err := ed.Undo(); !ok || err != nil {
			t.Fatalf("undo %d: %v %v", i, ok, err)
		}
	}
	if _, ok, _ := ed.Undo(); ok {
		t.Fatal("more undo steps than edits")
	}
	if snapshot(t, p) != original {
		t.Fatal("undoing everything did not restore the original")
	}
	stored, _ := lib.LoadProfile(ctx, p.ID)
	if snapshot(t, stored) != original {
		t.Fatal("the library does not hold the original after undo")
	}
	for i := 0; i < steps; i++ {
		if _, ok, err := ed.Redo(); !ok || err != nil {
			t.Fatalf("redo %d: %v %v", i, ok, err)
		}
	}
	if snapshot(t, p) != final {
		t.Fatal("redo did not give the final state")
	}
	lib.Close()
	lib2, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib2.Close()
	again, _ := lib2.LoadProfile(ctx, p.ID)
	if snapshot(t, again) != final {
		t.Fatal("after reopening, the library is not in the state of the last edit")
	}
}

func TestEditRulesAndRenumber(t *testing.T) {
	lib, _ := openSeeded(t)
	defer lib.Close()
	ctx := context.Background()
	p := loadByTitle(t, lib, "bcp Commercieel medewerker")
	ed := app.NewEditor(ctx, lib, p)
	if _, err := ed.Add(app.KindKerntaak, "", app.Element{Title: "X"}); err == nil {
		t.Error("a kerntaak was added to a profile of rollen")
	}
	if _, err := ed.Add(app.KindWerkzaamheid, "", app.Element{}); err == nil {
		t.Error("a werkzaamheid was added at the top level")
	}
	r1, r2 := p.Rollen[0], p.Rollen[1]
	if err := ed.MoveTo(r1.ID, r2.ID); err == nil {
		t.Error("a rol was moved under a rol")
	}
	// Move werkzaamheid 1 down, then renumber: codes follow the order.
	first := r1.Werkzaamheden[0].ID
	if err := ed.MoveBy(first, 1); err != nil {
		t.Fatal(err)
	}
	if p.Rollen[0].Werkzaamheden[1].ID != first {
		t.Fatal("move down did not move")
	}
	if err := ed.Renumber(); err != nil {
		t.Fatal(err)
	}
	for i, w := range p.Rollen[0].Werkzaamheden {
		if w.Code != string(rune('1'+i)) {
			t.Errorf("werkzaamheid %d has code %s after renumbering", i, w.Code)
		}
	}
	// Remove a rol: it and everything under it go, and undo brings all back.
	n := len(p.Elements())
	if err := ed.Remove(r2.ID); err != nil {
		t.Fatal(err)
	}
	if len(p.Rollen) != 3 || len(p.Elements()) >= n {
		t.Fatal("remove did not remove the rol with its children")
	}
	ed.Undo()
	if len(p.Elements()) != n || p.Rollen[1].ID != r2.ID {
		t.Fatal("undo of remove did not restore the rol in place")
	}
	// Metadata edits are undoable too.
	m := p.Meta()
	m.Status = app.StatusGeaccordeerd
	if err := ed.EditMeta("status wijzigen", "", m); err != nil {
		t.Fatal(err)
	}
	stored, _ := lib.LoadProfile(ctx, p.ID)
	if stored.Status != app.StatusGeaccordeerd {
		t.Error("status change not stored")
	}
	ed.Undo()
	stored, _ = lib.LoadProfile(ctx, p.ID)
	if stored.Status != app.StatusConcept || p.Status != app.StatusConcept {
		t.Error("status change not undone")
	}
}

// Deleting an element that has reviews deletes them with it: the profile
// then still exports as a valid exchange file (an orphan review made every
// later export and snapshot unreadable). Undo brings element and reviews
// back together.
func TestDeletingAnElementTakesItsReviews(t *testing.T) {
	lib, _ := openSeeded(t)
	ctx := context.Background()
	p := loadByTitle(t, lib, "bcp Commercieel medewerker")
	ed := app.NewEditor(ctx, lib, p)
	rol := p.Rollen[0]
	var before int
	for _, r := range p.Reviews {
		if r.ElementID == rol.ID {
			before++
		}
	}
	if before == 0 {
		t.Fatal("the first rol of Commercieel medewerker has no research notes to test with")
	}
	total := len(p.Reviews)
	if err := ed.Remove(rol.ID); err != nil {
		t.Fatal(err)
	}
	check := func(q *app.Profile) {
		t.Helper()
		data := encodeProfile(t, q)
		if _, err := app.ParseBundle(data); err != nil {
			t.Fatalf("after deleting a rol the export no longer imports: %v", err)
		}
	}
	check(p)
	stored, err := lib.LoadProfile(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	check(stored)
	snap, err := lib.SaveSnapshot(ctx, p, "na verwijderen")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lib.LoadSnapshot(ctx, snap.ID); err != nil {
		t.Fatalf("the snapshot is unreadable: %v", err)
	}
	if _, ok, err := ed.Undo(); !ok || err != nil {
		t.Fatalf("undo: %v %v", ok, err)
	}
	if len(p.Reviews) != total {
		t.Fatalf("undo brought back %d of %d reviews", len(p.Reviews), total)
	}
	stored, _ = lib.LoadProfile(ctx, p.ID)
	if len(stored.Reviews) != total {
		t.Fatalf("the library holds %d of %d reviews after undo", len(stored.Reviews), total)
	}
}
