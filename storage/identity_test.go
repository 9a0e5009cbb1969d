package storage

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Another program's SQLite file is refused by every way of opening, and
// left byte for byte as it was: not switched to WAL, not given our tables,
// no lock or -wal file made next to it.
func TestForeignDatabaseIsRefusedAndUntouched(t *testing.T) {
	cases := []struct {
		name  string
		stmts []string
	}{
		{"no mark, own tables", []string{"CREATE TABLE notities (id INTEGER PRIMARY KEY, tekst TEXT)", "INSERT INTO notities (tekst) VALUES ('boodschappen')"}},
		{"own application_id", []string{"PRAGMA application_id = 305419896", "PRAGMA user_version = 3", "CREATE TABLE profiles (id TEXT)"}},
		{"user_version but not our tables", []string{"PRAGMA user_version = 2", "CREATE TABLE profiles (id TEXT)", "CREATE TABLE elements (id TEXT)"}},
		{"WAL mode", []string{"PRAGMA journal_mode = WAL", "CREATE TABLE t (x)", "INSERT INTO t VALUES (1)"}},
	}
	ctx := context.Background()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "ander.db")
			db := rawDB(t, path)
			mustExec(t, db, c.stmts...)
			db.Close()
			before := hashOf(t, path)
			opens := map[string]func() error{
				"Open":          func() error { l, err := Open(ctx, path); closeIf(l); return err },
				"Exclusive":     func() error { l, err := OpenWith(ctx, path, Options{Exclusive: true}); closeIf(l); return err },
				"ReadOnly":      func() error { l, err := OpenWith(ctx, path, Options{ReadOnly: true}); closeIf(l); return err },
				"OpenSeeded":    func() error { l, err := OpenSeeded(ctx, path); closeIf(l); return err },
				"Restore (src)": func() error { return Restore(ctx, filepath.Join(t.TempDir(), "lib.sqlite"), path) },
			}
			for how, open := range opens {
				err := open()
				if !errors.Is(err, ErrNotALibrary) {
					t.Errorf("%s: want ErrNotALibrary, got %v", how, err)
				}
				unchanged(t, path, before)
			}
			msg := Explain(path, func() error { _, err := Open(ctx, path); return err }())
			if !strings.Contains(msg, "geen BCP-bibliotheek") || !strings.Contains(msg, "niet gewijzigd") {
				t.Errorf("message %q", msg)
			}
			for _, extra := range []string{"-wal", ".lock", "-journal"} {
				if _, err := os.Stat(path + extra); err == nil {
					t.Errorf("%s was made next to it", extra)
				}
			}
		})
	}
}

func closeIf(l *Library) {
	if l != nil {
		l.Close()
	}
}

// A library made before libraries carried the application_id (our tables,
// a user_version, no mark) is recognised, opened and marked, with nothing
// lost.
func TestOldLibraryGetsTheApplicationID(t *testing.T) {
	old := oldLibraryWithData(t, SchemaVersion())
	db := rawDB(t, old.path)
	var id int32
	db.QueryRow("PRAGMA application_id").Scan(&id)
	db.Close()
	if id != 0 {
		t.Fatalf("the old library already has application_id %d", id)
	}
	lib, err := Open(context.Background(), old.path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	lib.db.QueryRow("PRAGMA application_id").Scan(&id)
	if id != ApplicationID {
		t.Errorf("application_id %d after opening, want %d", id, ApplicationID)
	}
	for _, want := range old.profiles {
		got, err := lib.LoadProfile(context.Background(), want.ID)
		if err != nil || string(encode(t, got)) != string(encode(t, want)) {
			t.Errorf("%s changed: %v", want.Title, err)
		}
	}
}

// A new library is marked in the same transaction that gives it its
// tables, so no file of ours ever has our tables without the mark for
// longer than a crash between two migrations.
func TestNewLibraryIsMarked(t *testing.T) {
	lib, path := openTemp(t)
	lib.Close()
	db := rawDB(t, path)
	defer db.Close()
	var id int32
	if err := db.QueryRow("PRAGMA application_id").Scan(&id); err != nil || id != ApplicationID {
		t.Fatalf("application_id %d (%v)", id, err)
	}
	// An SQLite file with nothing in it (a library whose first
	// transaction never ran) becomes a library.
	empty := filepath.Join(t.TempDir(), "leeg.sqlite")
	e := rawDB(t, empty)
	mustExec(t, e, "PRAGMA journal_mode = WAL")
	e.Close()
	l2, err := Open(context.Background(), empty)
	if err != nil {
		t.Fatalf("empty SQLite file: %v", err)
	}
	l2.Close()
}

func TestIdentityCheck(t *testing.T) {
	newer := SchemaVersion() + 1
	cases := []struct {
		id   fileIdentity
		want error
	}{
		{fileIdentity{}, nil},
		{fileIdentity{appID: ApplicationID, version: 1, tables: 6, ours: true}, nil},
		{fileIdentity{version: 1, tables: 6, ours: true}, nil},
		{fileIdentity{appID: ApplicationID, version: newer, tables: 9, ours: true}, ErrNewerLibrary},
		{fileIdentity{appID: 7, version: 1, tables: 6, ours: true}, ErrNotALibrary},
		{fileIdentity{version: 0, tables: 6, ours: true}, ErrNotALibrary},
		{fileIdentity{version: 3, tables: 2}, ErrNotALibrary},
	}
	for _, c := range cases {
		err := c.id.check("x")
		if !errors.Is(err, c.want) || (c.want == nil) != (err == nil) {
			t.Errorf("%s: got %v, want %v", fmt.Sprintf("%+v", c.id), err, c.want)
		}
	}
}
