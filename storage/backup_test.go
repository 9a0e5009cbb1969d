package storage

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// clock gives a library a time that moves an hour further at every call.
func clock(lib *Library, start time.Time) {
	t := start
	lib.Now = func() time.Time { t = t.Add(time.Hour); return t }
}

// Two libraries in one folder keep their own backups: neither lists nor
// prunes the other's.
func TestBackupsArePerLibraryFile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	var libs []*Library
	for _, name := range []string{"werk.sqlite", "werk.db"} {
		lib, err := Open(ctx, filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer lib.Close()
		clock(lib, time.Now().Add(-100*time.Hour))
		libs = append(libs, lib)
	}
	for i := 0; i < KeepBackups+2; i++ {
		for _, lib := range libs {
			if _, err := lib.MakeBackup(ctx, "handmatig"); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, lib := range libs {
		bs, err := Backups(lib.Path())
		if err != nil {
			t.Fatal(err)
		}
		if len(bs) != KeepBackups {
			t.Errorf("%s: %d backups, want %d", lib.Path(), len(bs), KeepBackups)
		}
		for _, b := range bs {
			if !strings.HasPrefix(filepath.Base(b.Path), filepath.Base(lib.Path())+"-") {
				t.Errorf("%s lists %s", lib.Path(), b.Path)
			}
		}
	}
}

// A 0-byte backup, a truncated one and one still being written are not
// listed and do not count as today's: opening makes a real one.
func TestUnfinishedBackupsAreNeitherListedNorTodays(t *testing.T) {
	path := seededFile(t, "bibliotheek.sqlite")
	dir := BackupDir(path)
	os.MkdirAll(dir, 0o755)
	now := time.Now()
	whole, _ := os.ReadFile(path)
	bad := map[string][]byte{
		backupName(path, now, "dagelijks"):                                               nil,
		"bibliotheek-" + now.Add(-time.Minute).Format(stampLayout) + "-dagelijks.sqlite": nil, // the older naming
		backupName(path, now.Add(-2*time.Minute), "dagelijks"):                           whole[:len(whole)/2],
		tempPrefix + backupName(path, now.Add(-3*time.Minute), "dagelijks"):              whole,
	}
	for name, data := range bad {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if bs, _ := Backups(path); len(bs) != 0 {
		t.Fatalf("unfinished backups listed: %+v", bs)
	}
	lib, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	lib.Close()
	if w := lib.Warnings(); len(w) > 0 {
		t.Errorf("warnings: %q", w)
	}
	bs, _ := Backups(path)
	if len(bs) != 1 || bs[0].Reason != "dagelijks" {
		t.Fatalf("want one new daily backup, got %+v", bs)
	}
	if _, err := verifyLibraryFile(context.Background(), bs[0].Path); err != nil {
		t.Errorf("the daily backup does not verify: %v", err)
	}
}

// A backup dated in the future (a clock that was wrong) does not stop the
// daily backup.
func TestFutureBackupDoesNotStopDailyBackups(t *testing.T) {
	path := seededFile(t, "bibliotheek.sqlite")
	data, _ := os.ReadFile(path)
	os.MkdirAll(BackupDir(path), 0o755)
	future := filepath.Join(BackupDir(path), backupName(path, time.Now().AddDate(1, 0, 0), "dagelijks"))
	os.WriteFile(future, data, 0o644)
	lib, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	lib.Close()
	bs, _ := Backups(path)
	if len(bs) != 2 {
		t.Fatalf("no daily backup beside the future one: %+v", bs)
	}
}

// Restore checks the backup before it replaces anything: an empty file,
// a text file, another program's database, a damaged library and one of a
// newer version are refused, and the library stays as it was.
func TestRestoreRefusesWhatIsNotAGoodBackup(t *testing.T) {
	ctx := context.Background()
	path := seededFile(t, "bibliotheek.sqlite")
	dir := t.TempDir()
	file := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, data, 0o644)
		return p
	}
	foreign := filepath.Join(dir, "ander.db")
	db := rawDB(t, foreign)
	mustExec(t, db, "CREATE TABLE t (x)")
	db.Close()
	newer := seededFile(t, "nieuwer.sqlite")
	db = rawDB(t, newer)
	mustExec(t, db, "PRAGMA user_version = 99")
	db.Close()
	damaged := seededFile(t, "kapot.sqlite")
	db = rawDB(t, damaged)
	mustExec(t, db, "DROP INDEX elements_profile", "CREATE INDEX elements_profile ON elements(CASE WHEN kind = 'rol' THEN 'x' ELSE profile_id END)",
		"PRAGMA writable_schema = ON", "UPDATE sqlite_master SET sql = 'CREATE INDEX elements_profile ON elements(profile_id)' WHERE name = 'elements_profile'")
	db.Close()
	cases := map[string]struct {
		path string
		want error
	}{
		"empty":   {file("leeg.sqlite", nil), ErrNotALibrary},
		"text":    {file("tekst.sqlite", []byte("geen database")), ErrNotALibrary},
		"foreign": {foreign, ErrNotALibrary},
		"newer":   {newer, ErrNewerLibrary},
		"damaged": {damaged, ErrDamaged},
	}
	before := hashOf(t, path)
	for name, c := range cases {
		err := Restore(ctx, path, c.path)
		if !errors.Is(err, ErrNotABackup) || !errors.Is(err, c.want) {
			t.Errorf("%s: want %v, got %v", name, c.want, err)
		}
		if msg := err.Error(); !strings.HasSuffix(msg, "Er is niets teruggezet.") || strings.Contains(msg, "\n") || strings.Contains(msg, dir) {
			t.Errorf("%s: message %q", name, msg)
		}
		unchanged(t, path, before)
	}
	if bs, _ := Backups(path); len(bs) != 0 {
		t.Errorf("a refused restore made backups: %+v", bs)
	}
}

// A damaged library need not open to be replaced: it is set aside as it
// is, listed with the backups, and the backup is put in its place.
func TestRestoreWhenTheLibraryIsDamaged(t *testing.T) {
	ctx := context.Background()
	lib, path := seeded(t)
	want, _ := digest(t, lib)
	b, err := lib.MakeBackup(ctx, "handmatig")
	if err != nil {
		t.Fatal(err)
	}
	lib.Close()
	data, _ := os.ReadFile(path)
	for i := 4096 * 2; i < 4096*4; i++ {
		data[i] = 0xA5
	}
	os.WriteFile(path, data, 0o644)
	damaged := hashOf(t, path)
	if _, err := Open(ctx, path); !errors.Is(err, ErrDamaged) {
		t.Fatalf("damaged library opened: %v", err)
	}
	if err := Restore(ctx, path, b.Path); err != nil {
		t.Fatal(err)
	}
	lib2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := digest(t, lib2); got != want {
		t.Error("the restored library differs from the backup")
	}
	lib2.Close()
	aside := findBackup(t, path, ReasonSetAside)
	unchanged(t, aside.Path, damaged)
}

func findBackup(t *testing.T, path, reason string) Backup {
	t.Helper()
	bs, _ := Backups(path)
	for _, b := range bs {
		if b.Reason == reason {
			return b
		}
	}
	t.Fatalf("no backup %q among %+v", reason, bs)
	return Backup{}
}

// A library an older program set aside ("buiten-gebruik-…", with changes
// still in its -wal file) is listed and can be put back whole.
func TestSetAsideLibraryIsListedAndRestorable(t *testing.T) {
	ctx := context.Background()
	lib, path := seeded(t)
	want, _ := digest(t, lib)
	lib.Close()
	// The real library, with its last changes only in the -wal file, as a
	// crash leaves it.
	db := rawDB(t, path)
	mustExec(t, db, "PRAGMA wal_autocheckpoint = 0", "UPDATE profiles SET title = title || ' (bijgewerkt)'")
	os.MkdirAll(BackupDir(path), 0o755)
	aside := filepath.Join(BackupDir(path), "buiten-gebruik-20250301-101500-"+filepath.Base(path))
	for _, suffix := range []string{"", "-wal"} {
		if err := copyFile(path+suffix, aside+suffix); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	os.Remove(path)
	// An empty library took its place.
	empty, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	empty.Close()
	b := findBackup(t, path, ReasonSetAside)
	if err := Restore(ctx, path, b.Path); err != nil {
		t.Fatal(err)
	}
	lib2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib2.Close()
	got, _ := digest(t, lib2)
	all, _ := lib2.ListProfiles(ctx)
	if got == want || len(all) == 0 || !strings.HasSuffix(all[0].Title, "(bijgewerkt)") {
		t.Errorf("the changes in the set-aside library's -wal file were not restored: %+v", all)
	}
}

// Putting back the oldest of KeepBackups backups works and keeps it: the
// backup of the current library made first does not prune it.
func TestRestoreTheOldestBackup(t *testing.T) {
	ctx := context.Background()
	lib, path := seeded(t)
	clock(lib, time.Now().Add(-48*time.Hour))
	want, _ := digest(t, lib)
	oldest, err := lib.MakeBackup(ctx, "handmatig")
	if err != nil {
		t.Fatal(err)
	}
	all, _ := lib.ListProfiles(ctx)
	lib.DeleteProfile(ctx, all[0].ID)
	for i := 1; i < KeepBackups; i++ {
		if _, err := lib.MakeBackup(ctx, "handmatig"); err != nil {
			t.Fatal(err)
		}
	}
	lib.Close()
	if bs, _ := Backups(path); len(bs) != KeepBackups || bs[len(bs)-1].Path != oldest.Path {
		t.Fatalf("setup: %+v", bs)
	}
	if err := Restore(ctx, path, oldest.Path); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(oldest.Path); err != nil {
		t.Errorf("the restored backup is gone: %v", err)
	}
	lib2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib2.Close()
	if got, _ := digest(t, lib2); got != want {
		t.Error("restored library differs from the oldest backup")
	}
}

// Restore is refused while a window has the library open.
func TestRestoreWaitsForTheWindow(t *testing.T) {
	ctx := context.Background()
	lib, path := seeded(t)
	b, _ := lib.MakeBackup(ctx, "handmatig")
	lib.Close()
	window, err := OpenWith(ctx, path, Options{Exclusive: true})
	if err != nil {
		t.Fatal(err)
	}
	defer window.Close()
	err = Restore(ctx, path, b.Path)
	if !errors.Is(err, ErrInUse) || errors.Is(err, ErrNotABackup) || !strings.Contains(err.Error(), "sluit dat venster") {
		t.Errorf("restore under an open window: %v", err)
	}
}
