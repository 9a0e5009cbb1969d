package storage

import (
	"context"
	"testing"

	"bcpeditor/app"
)

// A competency model read from a CASE framework keeps its hierarchy and
// item types in the library; importing it again changes nothing.
func TestHierarchicalCatalogueRoundTrip(t *testing.T) {
	ctx := context.Background()
	lib, _ := seeded(t)
	defer lib.Close()
	top, child := app.NewID(), app.NewID()
	cat := &app.Catalogue{ID: app.NewID(), Name: "Raamwerk", Competenties: []*app.Competentie{
		{ID: top, Code: "A", Name: "Rekenen", Kind: "Cluster"},
		{ID: child, Code: "A.1", Name: "Verhoudingen", Beschrijving: "Begrijpt verhoudingen.", Parent: top, Kind: "Standard"},
	}}
	for i := 0; i < 2; i++ {
		if err := lib.Import(ctx, app.ImportSet{Catalogues: []*app.Catalogue{cat}}); err != nil {
			t.Fatal(err)
		}
	}
	cats, err := lib.Catalogues(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := app.CatalogueByID(cats, cat.ID)
	if got == nil || len(got.Competenties) != 2 {
		t.Fatalf("model read back as %+v", got)
	}
	for i, k := range got.Competenties {
		if *k != *cat.Competenties[i] {
			t.Errorf("entry %d read back as %+v, want %+v", i, *k, *cat.Competenties[i])
		}
	}
	if got.Level(child) != 1 || got.Level(top) != 0 {
		t.Errorf("levels %d and %d", got.Level(top), got.Level(child))
	}
}
