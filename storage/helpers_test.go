package storage

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// rawDB opens a file with the driver directly, as another program would.
func rawDB(t testing.TB, path string) *sql.DB {
	t.Helper()
	dsn, err := fileURI(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	return db
}

// mustExec runs statements on a raw connection.
func mustExec(t testing.TB, db *sql.DB, stmts ...string) {
	t.Helper()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// seededFile makes a closed library with the bundled profiles in a new
// folder and returns its path.
func seededFile(t testing.TB, name string) string {
	t.Helper()
	lib, path := seeded(t)
	lib.Close()
	dst := filepath.Join(t.TempDir(), name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

// digest is what a designer sees of a library through the Store: every
// profile, whole, and the competency models.
func digest(t testing.TB, lib *Library) ([32]byte, error) {
	t.Helper()
	ctx := context.Background()
	h := sha256.New()
	all, err := lib.ListProfiles(ctx)
	if err != nil {
		return [32]byte{}, err
	}
	for _, s := range all {
		h.Write([]byte(s.ID))
		for _, n := range []int{s.Counts.Kerntaken, s.Counts.Werkprocessen, s.Counts.Rollen, s.Counts.Werkzaamheden} {
			h.Write([]byte{byte(n), byte(n >> 8)})
		}
		p, err := lib.LoadProfile(ctx, s.ID)
		if err != nil {
			return [32]byte{}, err
		}
		h.Write(encode(t, p))
	}
	cats, err := lib.Catalogues(ctx)
	if err != nil {
		return [32]byte{}, err
	}
	for _, c := range cats {
		h.Write([]byte(c.ID))
		for _, k := range c.Competenties {
			h.Write([]byte(k.ID + k.Name + k.Beschrijving))
		}
	}
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out, nil
}

// todaysBackup puts a copy of the library at path into its backup folder
// as today's, so that opening it makes no backup.
func todaysBackup(t testing.TB, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(BackupDir(path), 0o755)
	name := filepath.Join(BackupDir(path), backupName(path, time.Now(), "dagelijks"))
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// unchanged fails the test when the file at path is not byte for byte
// what it was.
func unchanged(t testing.TB, path string, before [32]byte) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if sha256.Sum256(data) != before {
		t.Errorf("%s was changed", filepath.Base(path))
	}
}

func hashOf(t testing.TB, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}
