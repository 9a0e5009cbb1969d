package storage

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"

	"bcpeditor/app"
)

// A library seeded before the research layer existed: schema version 2,
// the bundled profiles without research, seeded rows without revision,
// the 2020 competency set under its old name. The user edited the 2010
// BCP and left the 2020 profiles alone.
func librarySeededBeforeResearch(t *testing.T) (path, edited string) {
	t.Helper()
	old := oldLibraryWithData(t, 2)
	db, err := sql.Open("sqlite", old.path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, p := range old.profiles {
		if _, err := db.Exec("INSERT INTO seeded (profile_id, seeded_at) VALUES (?, '2026-01-05T10:00:00Z')", p.ID); err != nil {
			t.Fatal(err)
		}
		if p.Structure == app.StructureKerntaken {
			edited = p.ID
		}
	}
	for _, stmt := range []string{
		"UPDATE catalogues SET name = 'Competenties KC Handel 2020' WHERE id = 'dcb07796-d1ee-43cc-a4f0-b7c4f238acdb'",
		"UPDATE profiles SET modified = '2026-02-01T09:00:00Z' WHERE id = '" + edited + "'",
		"UPDATE elements SET body = 'Door de gebruiker gewijzigd' WHERE kind = 'kerntaak' AND position = 0 AND profile_id = '" + edited + "'",
	} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	return old.path, edited
}

// How an existing user gets the corrected research: the profiles they
// never changed are brought up to date (the old state kept in their
// history), the one they changed stays theirs with the corrected one
// beside it as a new version, and the renamed competency set keeps its
// mapping.
func TestCorrectedBundleReachesALibrarySeededBefore(t *testing.T) {
	ctx := context.Background()
	path, edited := librarySeededBeforeResearch(t)
	lib, res, err := OpenSeededReport(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	if res.Added != 0 || len(res.Updated) != 2 || len(res.NewVersions) != 1 || res.NewVersions[0] != "BCP Junior accountmanager" {
		t.Fatalf("seed result %+v", res)
	}
	bs, _ := lib.Bronnen(ctx)
	all, _ := lib.ListProfiles(ctx)
	if len(bs) != 1 || len(all) != 4 {
		t.Fatalf("%d bronnen, %d profiles", len(bs), len(all))
	}
	for _, s := range all {
		p, err := lib.LoadProfile(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case p.ID == edited:
			if p.Kerntaken[0].Toelichting != "Door de gebruiker gewijzigd" {
				t.Error("the user's change was overwritten")
			}
		case p.Origin == edited:
			if !strings.HasSuffix(p.VersionLabel, UpdatedLabel) || p.Status != app.StatusVastgesteld || p.Kerntaken[0].Toelichting == "Door de gebruiker gewijzigd" {
				t.Errorf("the corrected 2010 BCP beside the user's: %q %s", p.VersionLabel, p.Status)
			}
		default:
			if len(p.Findings(bs)) != 1 || p.Findings(bs)[0].Telling[app.AansluitingGoed] != 4 {
				t.Errorf("%s did not get the research", p.Title)
			}
			snaps, _ := lib.Snapshots(ctx, p.ID)
			if len(snaps) != 1 {
				t.Errorf("%s: the state before the update is not in its history (%d snapshots)", p.Title, len(snaps))
			}
		}
	}
	cats, _ := lib.Catalogues(ctx)
	if c := app.CatalogueByID(cats, "dcb07796-d1ee-43cc-a4f0-b7c4f238acdb"); c == nil || strings.Contains(c.Name, "Competenties KC Handel 2020") {
		t.Errorf("the 2020 set is not renamed: %v", c)
	}
	// Offered again: nothing more happens.
	again, err := lib.SeedBundles(ctx, mustBundles(t))
	if err != nil || again.Added != 0 || len(again.Updated) != 0 || len(again.NewVersions) != 0 {
		t.Errorf("second seed: %+v %v", again, err)
	}
}

func TestImportKeepsResearchAndRefusesAnUnknownBron(t *testing.T) {
	ctx := context.Background()
	lib, _ := openTemp(t)
	var cats []*app.Catalogue
	var p *app.Profile
	var bron *app.Bron
	for _, b := range mustBundles(t) {
		cats = append(cats, b.Catalogues...)
		for _, q := range b.Profiles {
			if q.Title == "bcp (Junior) accountmanager" {
				p = q
			}
		}
		if len(b.Bronnen) > 0 {
			bron = b.Bronnen[0]
		}
	}
	err := lib.Import(ctx, app.ImportSet{Catalogues: cats, New: []*app.Profile{p}})
	var ie *ImportError
	if !errors.As(err, &ie) || !strings.Contains(ie.Msg, "onderzoek") || !strings.Contains(ie.Msg, "niets gewijzigd") {
		t.Fatalf("a file referring to an unknown bron: %v", err)
	}
	if all, _ := lib.ListProfiles(ctx); len(all) != 0 {
		t.Fatal("the refused import changed the library")
	}
	if err := lib.Import(ctx, app.ImportSet{Catalogues: cats, Bronnen: []*app.Bron{bron}, New: []*app.Profile{p}}); err != nil {
		t.Fatal(err)
	}
	got, err := lib.LoadProfile(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if string(encode(t, got)) != string(encode(t, p)) {
		t.Error("the research fields did not survive the library")
	}
	if bs, _ := lib.Bronnen(ctx); len(bs) != 1 || len(bs[0].Bevindingen) != len(bron.Bevindingen) {
		t.Error("the bron was not stored whole")
	}
	// A bron already there is kept (a file does not overwrite the library's).
	changed := *bron
	changed.Titel = "Iets anders"
	if err := lib.Import(ctx, app.ImportSet{Bronnen: []*app.Bron{&changed}}); err != nil {
		t.Fatal(err)
	}
	if bs, _ := lib.Bronnen(ctx); len(bs) != 1 || bs[0].Titel != bron.Titel {
		t.Error("adding a bron overwrote the library's")
	}
}
