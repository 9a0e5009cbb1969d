package storage

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bcpeditor/app"
	"bcpeditor/assets"
)

func openTemp(t testing.TB) (*Library, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "lib.sqlite")
	lib, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	return lib, path
}

func seeded(t testing.TB) (*Library, string) {
	t.Helper()
	lib, path := openTemp(t)
	bundles, err := assets.Bundles()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lib.Seed(context.Background(), bundles); err != nil {
		t.Fatal(err)
	}
	return lib, path
}

func fileHash(t *testing.T, path string) [32]byte {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

func TestMigrationsSetUserVersion(t *testing.T) {
	lib, path := openTemp(t)
	var v int
	if err := lib.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	if v != SchemaVersion() || v < 1 {
		t.Fatalf("user_version %d, want %d", v, SchemaVersion())
	}
	for _, pragma := range []struct{ name, want string }{{"journal_mode", "wal"}, {"foreign_keys", "1"}, {"busy_timeout", fmt.Sprint(BusyTimeout.Milliseconds())}, {"synchronous", "2"}, {"application_id", fmt.Sprint(ApplicationID)}} {
		var got string
		if err := lib.db.QueryRow("PRAGMA " + pragma.name).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != pragma.want {
			t.Errorf("PRAGMA %s = %s, want %s", pragma.name, got, pragma.want)
		}
	}
	lib.Close()
	// Opening again applies nothing and keeps the data.
	lib2, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	lib2.Close()
}

func TestNewerLibraryIsRefusedAndUntouched(t *testing.T) {
	lib, path := openTemp(t)
	if _, err := lib.db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	lib.Close()
	before := fileHash(t, path)
	_, err := Open(context.Background(), path)
	if !errors.Is(err, ErrNewerLibrary) {
		t.Fatalf("want ErrNewerLibrary, got %v", err)
	}
	if msg := Explain(path, err); !bytes.Contains([]byte(msg), []byte("nieuwere versie")) {
		t.Errorf("message %q does not say it is newer", msg)
	}
	if fileHash(t, path) != before {
		t.Error("refused library was changed")
	}
}

func TestNotALibraryIsRefusedAndUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notities.txt")
	content := []byte("Dit is een tekstbestand en geen bibliotheek.\n")
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Open(context.Background(), path)
	if !errors.Is(err, ErrNotALibrary) {
		t.Fatalf("want ErrNotALibrary, got %v", err)
	}
	got, _ := os.ReadFile(path)
	if !bytes.Equal(got, content) {
		t.Error("file was changed")
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Error("a WAL file was created next to it")
	}
}

func TestSeedIsIdempotentAndKeepsUserChanges(t *testing.T) {
	lib, _ := seeded(t)
	ctx := context.Background()
	bundles, _ := assets.Bundles()
	n, err := lib.Seed(ctx, bundles)
	if err != nil || n != 0 {
		t.Fatalf("second seed added %d (%v)", n, err)
	}
	all, _ := lib.ListProfiles(ctx)
	if len(all) == 0 {
		t.Fatal("nothing seeded")
	}
	// Change a title, delete another profile, seed again.
	p, err := lib.LoadProfile(ctx, all[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	e := p.Elements()[0]
	e.Title = "Door de gebruiker gewijzigd"
	if err := lib.SaveChange(ctx, p.ID, app.ChangeSet{Upserts: []app.Element{e}}); err != nil {
		t.Fatal(err)
	}
	if len(all) > 1 {
		if err := lib.DeleteProfile(ctx, all[1].ID); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := lib.Seed(ctx, bundles); err != nil || n != 0 {
		t.Fatalf("seed after edits added %d (%v)", n, err)
	}
	again, _ := lib.LoadProfile(ctx, p.ID)
	if again.Elements()[0].Title != "Door de gebruiker gewijzigd" {
		t.Error("seeding overwrote a user's change")
	}
	after, _ := lib.ListProfiles(ctx)
	if len(after) != len(all)-1 && len(all) > 1 {
		t.Errorf("seeding brought back a deleted profile: %d profiles", len(after))
	}
}

func TestSaveAndLoadGiveTheSameProfile(t *testing.T) {
	lib, _ := seeded(t)
	ctx := context.Background()
	for _, b := range mustBundles(t) {
		for _, want := range b.Profiles {
			got, err := lib.LoadProfile(ctx, want.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(encode(t, got), encode(t, want)) {
				t.Errorf("%s: loaded profile differs from the bundled one", want.Title)
			}
		}
	}
}

func TestSaveChangeMovesAndEdits(t *testing.T) {
	lib, _ := seeded(t)
	ctx := context.Background()
	all, _ := lib.ListProfiles(ctx)
	p, _ := lib.LoadProfile(ctx, all[0].ID)
	var line app.Element
	for _, e := range p.Elements() {
		if e.Kind == app.KindKennisVaardigheid || e.Kind == app.KindKennis {
			line = e
			break
		}
	}
	if line.ID == "" {
		t.Fatal("no line found")
	}
	line.Body = "Kennis van beïnvloedingstechnieken"
	line.Position = 999
	if err := lib.SaveChange(ctx, p.ID, app.ChangeSet{Upserts: []app.Element{line}}); err != nil {
		t.Fatal(err)
	}
	p2, _ := lib.LoadProfile(ctx, p.ID)
	var found bool
	for _, e := range p2.Elements() {
		if e.ID == line.ID {
			found = e.Body == line.Body
		}
	}
	if !found {
		t.Fatal("edited line not stored")
	}
	if p2.Modified == p.Modified && p2.Modified != "" {
		t.Log("modified stamp unchanged within the same second; fine")
	}
	if err := lib.SaveChange(ctx, "00000000-0000-4000-8000-000000000000", app.ChangeSet{Upserts: []app.Element{line}}); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("saving into a missing profile: %v", err)
	}
}

func TestImportRefusesExistingProfileAndChangesNothing(t *testing.T) {
	lib, _ := seeded(t)
	ctx := context.Background()
	before, _ := lib.ListProfiles(ctx)
	bundles := mustBundles(t)
	// A bundle with a new profile and then one that exists: all or nothing.
	var existing *app.Profile
	for _, b := range bundles {
		if len(b.Profiles) > 0 {
			existing = b.Profiles[0]
		}
	}
	fresh := cloneWithNewIDs(t, existing)
	err := lib.Import(ctx, app.ImportSet{New: []*app.Profile{fresh, existing}})
	var ie *ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("want ImportError, got %v", err)
	}
	after, _ := lib.ListProfiles(ctx)
	if len(after) != len(before) {
		t.Fatal("a refused import added profiles")
	}
	// Alone, the fresh copy imports.
	if err := lib.Import(ctx, app.ImportSet{New: []*app.Profile{fresh}}); err != nil {
		t.Fatal(err)
	}
}

func TestForeignKeysRemoveElementsWithTheirProfile(t *testing.T) {
	lib, _ := seeded(t)
	ctx := context.Background()
	all, _ := lib.ListProfiles(ctx)
	if err := lib.DeleteProfile(ctx, all[0].ID); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := lib.db.QueryRow("SELECT count(*) FROM elements WHERE profile_id = ?", all[0].ID).Scan(&n); err != nil && err != sql.ErrNoRows {
		t.Fatal(err)
	}
	if n != 0 {
		t.Fatalf("%d elements left behind", n)
	}
	if err := lib.DeleteProfile(ctx, all[0].ID); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("deleting twice: %v", err)
	}
}

func mustBundles(t testing.TB) []*app.Bundle {
	bundles, err := assets.Bundles()
	if err != nil {
		t.Fatal(err)
	}
	return bundles
}

func encode(t testing.TB, p *app.Profile) []byte {
	var buf bytes.Buffer
	if err := app.EncodeBundle(&buf, &app.Bundle{Format: app.ExchangeFormat, Version: 1, Profiles: []*app.Profile{p}}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// cloneWithNewIDs copies a profile through JSON and gives every element a
// fresh ID, as a designer's "copy" would.
func cloneWithNewIDs(t testing.TB, p *app.Profile) *app.Profile {
	b, err := app.ParseBundle(encode(t, p))
	if err != nil {
		t.Fatal(err)
	}
	c := b.Profiles[0]
	ids := map[string]string{c.ID: app.NewID()}
	elems := c.Elements()
	for i := range elems {
		ids[elems[i].ID] = app.NewID()
	}
	for i := range elems {
		elems[i].ID = ids[elems[i].ID]
		if elems[i].ParentID != "" {
			elems[i].ParentID = ids[elems[i].ParentID]
		}
	}
	c.ID = ids[c.ID]
	if err := c.Assemble(elems); err != nil {
		t.Fatal(err)
	}
	for _, r := range c.Reviews {
		r.ID = app.NewID()
		r.ElementID = ids[r.ElementID]
	}
	return c
}

func TestSnapshotsFreezeAProfile(t *testing.T) {
	lib, _ := seeded(t)
	ctx := context.Background()
	all, _ := lib.ListProfiles(ctx)
	p, _ := lib.LoadProfile(ctx, all[0].ID)
	s, err := lib.SaveSnapshot(ctx, p, "voor de workshop")
	if err != nil {
		t.Fatal(err)
	}
	e := p.Elements()[0]
	e.Title = "Na de workshop"
	if err := lib.SaveChange(ctx, p.ID, app.ChangeSet{Upserts: []app.Element{e}}); err != nil {
		t.Fatal(err)
	}
	frozen, err := lib.LoadSnapshot(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if frozen.Elements()[0].Title == "Na de workshop" {
		t.Fatal("snapshot changed with the profile")
	}
	list, _ := lib.Snapshots(ctx, p.ID)
	if len(list) != 1 || list[0].Label != "voor de workshop" {
		t.Fatalf("snapshots: %+v", list)
	}
}

// A library made at schema version 1, with data, migrates to the current
// version without losing anything, and a backup is made first.
func TestMigrationFromEveryEarlierVersion(t *testing.T) {
	ms, _ := migrations()
	for from := 1; from < len(ms); from++ {
		// Bring it back to the old version with data in it, as an old
		// program would have left it.
		old := oldLibraryWithData(t, from)
		lib2, err := Open(context.Background(), old.path)
		if err != nil {
			t.Fatalf("migrating from version %d: %v", from, err)
		}
		var v int
		lib2.db.QueryRow("PRAGMA user_version").Scan(&v)
		if v != len(ms) {
			t.Fatalf("from %d: user_version %d", from, v)
		}
		for _, want := range old.profiles {
			got, err := lib2.LoadProfile(context.Background(), want.ID)
			if err != nil {
				t.Fatalf("from %d: %v", from, err)
			}
			if !bytes.Equal(encode(t, got), encode(t, want)) {
				t.Errorf("from %d: %s changed in the migration", from, want.Title)
			}
		}
		bs, _ := Backups(old.path)
		if len(bs) == 0 || !strings.Contains(bs[len(bs)-1].Reason, "voor-migratie") {
			t.Errorf("from %d: no backup before the migration: %+v", from, bs)
		}
		lib2.Close()
	}
}

type oldLibrary struct {
	path     string
	profiles []*app.Profile
}

// oldLibraryWithData makes a library at schema version v holding the
// bundled profiles, written with the version-v tables only.
func oldLibraryWithData(t *testing.T, v int) oldLibrary {
	t.Helper()
	path := filepath.Join(t.TempDir(), fmt.Sprintf("v%d.sqlite", v))
	ms, _ := migrations()
	db, err := sql.Open("sqlite", path+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms[:v] {
		if _, err := db.Exec(m.SQL); err != nil {
			t.Fatal(err)
		}
	}
	db.Exec(fmt.Sprintf("PRAGMA user_version = %d", v))
	var out oldLibrary
	out.path = path
	tx, _ := db.Begin()
	for _, b := range mustBundles(t) {
		for _, c := range b.Catalogues {
			insertVersion1Catalogue(t, tx, c)
		}
	}
	for _, b := range mustBundles(t) {
		for _, p := range b.Profiles {
			write := writeProfile
			if v < 6 { // before element versions
				write = writeProfileV3
			}
			if v < 3 { // before research sources: the old columns only
				p = withoutResearch(t, p)
				write = writeProfileV1
			}
			if err := write(context.Background(), tx, p); err != nil {
				t.Fatal(err)
			}
			out.profiles = append(out.profiles, p)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	db.Close()
	return out
}

// insertVersion1Catalogue stores a competency model as the first version
// of the program did (no hierarchy columns).
func insertVersion1Catalogue(t *testing.T, tx *sql.Tx, c *app.Catalogue) {
	t.Helper()
	if _, err := tx.Exec("INSERT INTO catalogues (id, name, position) VALUES (?, ?, 0)", c.ID, c.Name); err != nil {
		t.Fatal(err)
	}
	for i, k := range c.Competenties {
		if _, err := tx.Exec("INSERT INTO competenties (id, catalogue_id, position, code, name, beschrijving) VALUES (?, ?, ?, ?, ?, ?)",
			k.ID, c.ID, i, k.Code, k.Name, k.Beschrijving); err != nil {
			t.Fatal(err)
		}
	}
}

func TestDamagedLockedAndReadOnlyLibraries(t *testing.T) {
	ctx := context.Background()
	lib, path := seeded(t)
	lib.Close()

	// Locked: a second exclusive open is refused; a read-only open works.
	first, err := OpenWith(ctx, path, Options{Exclusive: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := OpenWith(ctx, path, Options{Exclusive: true}); !errors.Is(err, ErrInUse) {
		t.Fatalf("second window: %v", err)
	}
	ro, err := OpenWith(ctx, path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	all, _ := ro.ListProfiles(ctx)
	if len(all) == 0 {
		t.Fatal("read-only library shows nothing")
	}
	p, _ := ro.LoadProfile(ctx, all[0].ID)
	if err := ro.SaveProfile(ctx, p); !errors.Is(err, ErrReadOnlyFile) {
		t.Fatalf("write to a read-only library: %v", err)
	}
	ro.Close()
	first.Close()
	if again, err := OpenWith(ctx, path, Options{Exclusive: true}); err != nil {
		t.Fatalf("lock not released: %v", err)
	} else {
		again.Close()
	}

	// Damaged: pages overwritten in the middle; refused, file untouched.
	data, _ := os.ReadFile(path)
	for i := 4096; i < len(data) && i < 4096*6; i++ {
		data[i] = 0xA5
	}
	bad := filepath.Join(t.TempDir(), "kapot.sqlite")
	os.WriteFile(bad, data, 0o644)
	before := fileHash(t, bad)
	if _, err := Open(ctx, bad); !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrNotALibrary) {
		t.Fatalf("damaged library: %v", err)
	}
	if fileHash(t, bad) != before {
		t.Error("damaged library was changed")
	}
	msg := (&OpenError{Path: bad, Err: ErrDamaged}).Error()
	if !strings.Contains(msg, "beschadigd") || strings.Contains(msg, "\n") {
		t.Errorf("message %q", msg)
	}

	// Read-only file: refused for writing, fine read-only.
	if os.Getuid() != 0 { // root may write anyway
		os.Chmod(path, 0o444)
		if _, err := Open(ctx, path); !errors.Is(err, ErrReadOnlyFile) {
			t.Errorf("read-only file: %v", err)
		}
		os.Chmod(path, 0o644)
	}
}

func TestBackupAndRestore(t *testing.T) {
	ctx := context.Background()
	lib, path := seeded(t)
	all, _ := lib.ListProfiles(ctx)
	b, err := lib.MakeBackup(ctx, "handmatig")
	if err != nil {
		t.Fatal(err)
	}
	if err := lib.DeleteProfile(ctx, all[0].ID); err != nil {
		t.Fatal(err)
	}
	lib.Close()
	if err := Restore(ctx, path, b.Path); err != nil {
		t.Fatal(err)
	}
	lib2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib2.Close()
	after, _ := lib2.ListProfiles(ctx)
	if len(after) != len(all) {
		t.Fatalf("restored library has %d profiles, want %d", len(after), len(all))
	}
	bs, _ := Backups(path)
	reasons := ""
	for _, x := range bs {
		reasons += x.Reason + " "
	}
	if !strings.Contains(reasons, "voor-terugzetten") {
		t.Errorf("the replaced library was not kept: %s", reasons)
	}
	// Old backups are pruned.
	for i := 0; i < KeepBackups+3; i++ {
		lib2.MakeBackup(ctx, "handmatig")
	}
	if bs, _ := Backups(path); len(bs) != KeepBackups {
		t.Errorf("%d backups kept", len(bs))
	}
}

// One import writes new and merged profiles in one transaction: when the
// merged part fails, the new profile is not added either, and no snapshot
// is left behind.
func TestImportOfNewAndMergedIsAllOrNothing(t *testing.T) {
	lib, _ := seeded(t)
	ctx := context.Background()
	all, _ := lib.ListProfiles(ctx)
	stored, _ := lib.LoadProfile(ctx, all[0].ID)
	fresh := cloneWithNewIDs(t, stored)
	broken := cloneWithNewIDs(t, stored)
	broken.ID = stored.ID
	broken.CatalogueID = app.NewID() // a competency model the library lacks
	err := lib.Import(ctx, app.ImportSet{New: []*app.Profile{fresh}, Merged: []app.MergedProfile{{Profile: broken, SnapshotLabel: "voor samenvoegen"}}})
	if err == nil {
		t.Fatal("a merge with an unknown competency model was stored")
	}
	after, _ := lib.ListProfiles(ctx)
	snaps, _ := lib.Snapshots(ctx, stored.ID)
	if len(after) != len(all) || len(snaps) != 0 {
		t.Fatalf("a failed import left %d profiles (was %d) and %d snapshots", len(after), len(all), len(snaps))
	}
	merged := cloneWithNewIDs(t, stored)
	merged.ID = stored.ID
	merged.Title = "Samengevoegd"
	if err := lib.Import(ctx, app.ImportSet{New: []*app.Profile{fresh}, Merged: []app.MergedProfile{{Profile: merged, SnapshotLabel: "voor samenvoegen"}}}); err != nil {
		t.Fatal(err)
	}
	got, _ := lib.LoadProfile(ctx, stored.ID)
	snaps, _ = lib.Snapshots(ctx, stored.ID)
	if got.Title != "Samengevoegd" || len(snaps) != 1 || snaps[0].Label != "voor samenvoegen" {
		t.Fatalf("merged title %q, %d snapshots", got.Title, len(snaps))
	}
	before, _ := lib.LoadSnapshot(ctx, snaps[0].ID)
	if before.Title != stored.Title {
		t.Fatal("the snapshot does not hold the profile as it was")
	}
}

// withoutResearch is a profile as a library before schema version 3 kept
// it: without research sources and what notes and texts take from them.
func withoutResearch(t *testing.T, p *app.Profile) *app.Profile {
	t.Helper()
	q, err := app.ParseBundle(encode(t, p))
	if err != nil {
		t.Fatal(err)
	}
	c := q.Profiles[0]
	elems := c.Elements()
	for i := range elems {
		elems[i].BronID = ""
	}
	if err := c.Assemble(elems); err != nil {
		t.Fatal(err)
	}
	for _, r := range c.Reviews {
		r.BronID, r.Citaat, r.Vindplaats, r.UitTekst, r.Lezing = "", "", "", false, ""
	}
	return c
}

// writeProfileV1 stores a profile with the columns of schema version 1, as
// a program of that time did.
func writeProfileV1(ctx context.Context, tx *sql.Tx, p *app.Profile) error {
	history, _ := json.Marshal(nonNil(p.StatusHistory))
	colofon, _ := json.Marshal(nonNil(p.Colofon))
	if _, err := tx.ExecContext(ctx, `INSERT INTO profiles (id, origin, title, beroep, owner, version_label, status, structure, catalogue_id,
		created, modified, status_history, colofon) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.ID, p.Origin, p.Title, p.Beroep, p.Owner, p.VersionLabel, p.Status, p.Structure, p.CatalogueID, p.Created, p.Modified,
		string(history), string(colofon)); err != nil {
		return err
	}
	for _, e := range p.Elements() {
		if _, err := tx.ExecContext(ctx, `INSERT INTO elements (id, profile_id, parent_id, kind, position, code, title, body, ref, source, origin)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, e.ID, p.ID, e.ParentID, e.Kind, e.Position, e.Code, e.Title, e.Body, e.Ref, e.Source, e.Origin); err != nil {
			return err
		}
	}
	for i, r := range p.Reviews {
		if _, err := tx.ExecContext(ctx, `INSERT INTO reviews (id, profile_id, element_id, position, kind, aansluiting, toelichting, source, date)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.ID, p.ID, r.ElementID, i, r.Kind, r.Aansluiting, r.Toelichting, r.Source, r.Date); err != nil {
			return err
		}
	}
	return nil
}
