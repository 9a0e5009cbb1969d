package app_test

import (
	"context"
	"testing"

	"bcpeditor/app"
	"bcpeditor/storage"
)

// A change made elsewhere drops the undo steps that touch what it changed
// (undoing them would overwrite the other's work) with every step below
// them; the newer steps stay and still undo.
func TestApplyRemoteKeepsTheUndoStepsItCan(t *testing.T) {
	lib, path := openSeeded(t)
	defer lib.Close()
	ctx := context.Background()
	p := loadByTitle(t, lib, "BCP Junior accountmanager")
	ed := app.NewEditor(ctx, lib, p)
	k0, k1 := p.Kerntaken[0].ID, p.Kerntaken[1].ID
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(ed.SetField(k0, app.FieldTitle, "Eerste stap"))
	must(ed.SetField(k1, app.FieldTitle, "Tweede stap"))

	other, err := storage.OpenWith(ctx, path, storage.Options{})
	must(err)
	defer other.Close()
	theirs := app.NewEditor(ctx, other, loadByTitle(t, other, "BCP Junior accountmanager"))
	must(theirs.SetField(k0, app.FieldBody, "Toelichting van een ander"))

	stored := loadByTitle(t, lib, "BCP Junior accountmanager")
	res := ed.ApplyRemote(stored, "")
	if len(res.Elements) != 1 || res.Elements[0] != k0 || ed.Profile().Kerntaken[0].Toelichting != "Toelichting van een ander" {
		t.Fatalf("remote change: %+v", res)
	}
	if label, ok := ed.CanUndo(); !ok {
		t.Fatal("the step that does not touch the remote change was dropped")
	} else if _, _, err := ed.Undo(); err != nil {
		t.Fatalf("undo %q: %v", label, err)
	}
	if _, ok := ed.CanUndo(); ok {
		t.Error("the step that touches the remote change can still be undone")
	}
	got := loadByTitle(t, lib, "BCP Junior accountmanager")
	if got.Kerntaken[0].Title != "Eerste stap" || got.Kerntaken[0].Toelichting != "Toelichting van een ander" || got.Kerntaken[1].Title == "Tweede stap" {
		t.Errorf("after undo: %q / %q / %q", got.Kerntaken[0].Title, got.Kerntaken[0].Toelichting, got.Kerntaken[1].Title)
	}
}
