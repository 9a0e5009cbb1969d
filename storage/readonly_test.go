package storage

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"bcpeditor/app"
)

// walLibrary makes a library whose last change (a new title for its first
// profile) is only in its -wal file, as a crash or a copy taken while the
// program ran leaves it, in dir. It returns the path and the profile's id.
func walLibrary(t *testing.T, dir string) (string, string) {
	t.Helper()
	lib, src := seeded(t)
	all, _ := lib.ListProfiles(context.Background())
	lib.Close()
	db := rawDB(t, src)
	mustExec(t, db, "PRAGMA wal_autocheckpoint = 0", "UPDATE profiles SET title = 'alleen in de wal' WHERE id = '"+all[0].ID+"'")
	path := filepath.Join(dir, "bibliotheek.sqlite")
	for _, suffix := range []string{"", "-wal"} {
		if err := copyFile(src+suffix, path+suffix); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	return path, all[0].ID
}

// noShm makes the -shm file of the library at path impossible to open or
// create, for root too: its name is a link into a folder that does not
// exist.
func noShm(t *testing.T, path string) {
	t.Helper()
	if err := os.Symlink(filepath.Join(t.TempDir(), "weg", "shm"), path+"-shm"); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
}

// Where SQLite cannot make the -shm file it needs to read in place (here
// its name leads nowhere, which stops root too), a read-only open
// still works and misses nothing: an empty -wal file is ignored (the file
// is read as immutable); a -wal file with changes is read through a private
// copy. Nothing is written next to the library.
func TestReadOnlyOpenWhereNoShmFileCanBeMade(t *testing.T) {
	ctx := context.Background()
	path, id := walLibrary(t, t.TempDir())
	noShm(t, path)
	before, beforeWal := hashOf(t, path), hashOf(t, path+"-wal")
	lib, err := OpenWith(ctx, path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if lib.view.how != "kopie" {
		t.Errorf("read as %q, want through a private copy", lib.view.how)
	}
	if got := titleIn(t, lib, id); got != "alleen in de wal" {
		t.Errorf("the change in the -wal file is missing: %q", got)
	}
	lib.Close()
	unchanged(t, path, before)
	unchanged(t, path+"-wal", beforeWal)

	// The same library checkpointed, with an empty -wal file left.
	clean := seededFile(t, "schoon.sqlite")
	os.WriteFile(clean+"-wal", nil, 0o644)
	noShm(t, clean)
	lib, err = OpenWith(ctx, clean, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if lib.view.how != "onveranderlijk" {
		t.Errorf("read as %q, want immutable", lib.view.how)
	}
	if all, _ := lib.ListProfiles(ctx); len(all) == 0 {
		t.Error("nothing to read")
	}
	lib.Close()
}

// A library of an older schema version can be read where it cannot be
// migrated: through a private copy brought up to date; the file stays as
// it was.
func TestReadOnlyOpenOfAnOlderLibrary(t *testing.T) {
	if SchemaVersion() < 2 {
		t.Skip("no older schema version")
	}
	old := oldLibraryWithData(t, 1)
	before := hashOf(t, old.path)
	lib, err := OpenWith(context.Background(), old.path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	if len(lib.Warnings()) == 0 || !strings.Contains(lib.Warnings()[0], "oudere versie") {
		t.Errorf("warnings %q", lib.Warnings())
	}
	for _, want := range old.profiles {
		got, err := lib.LoadProfile(context.Background(), want.ID)
		if err != nil || string(encode(t, got)) != string(encode(t, want)) {
			t.Errorf("%s: %v", want.Title, err)
		}
	}
	if err := lib.SaveProfile(context.Background(), old.profiles[0]); !errors.Is(err, ErrReadOnlyFile) {
		t.Errorf("write to the read-only copy: %v", err)
	}
	unchanged(t, old.path, before)
}

// readOnlyMount binds src read-only onto a new folder and returns it; the
// test is skipped where that is not allowed (not root, no mount).
func readOnlyMount(t *testing.T, src string) string {
	t.Helper()
	if runtime.GOOS != "linux" || os.Getuid() != 0 {
		t.Skip("a read-only disk needs root to mount one (bind mount); the always-running variant is TestReadOnlyOpenWhereNoShmFileCanBeMade")
	}
	dst := filepath.Join(t.TempDir(), "alleen-lezen?#%")
	os.MkdirAll(dst, 0o755)
	if out, err := exec.Command("mount", "--bind", src, dst).CombinedOutput(); err != nil {
		t.Skipf("mount not allowed here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", dst).Run() })
	if out, err := exec.Command("mount", "-o", "remount,ro,bind", dst).CombinedOutput(); err != nil {
		t.Skipf("read-only remount not allowed here: %v %s", err, out)
	}
	return dst
}

// On a read-only disk (a read-only bind mount, where even root cannot
// write): a library opens read-only with every change, also one only in
// its -wal file and without a -shm file; opening it for writing says it is
// read-only and can be opened read-only; a new library there says to pick
// another folder; a new library elsewhere works.
func TestReadOnlyDisk(t *testing.T) {
	ctx := context.Background()
	src := t.TempDir()
	walPath, id := walLibrary(t, src)
	clean := filepath.Join(src, "schoon.sqlite")
	copyFile(seededFile(t, "schoon.sqlite"), clean)
	ro := readOnlyMount(t, src)

	for _, name := range []string{filepath.Base(walPath), "schoon.sqlite"} {
		path := filepath.Join(ro, name)
		lib, err := OpenWith(ctx, path, Options{ReadOnly: true})
		if err != nil {
			t.Fatalf("%s read-only: %v", name, err)
		}
		if name == filepath.Base(walPath) {
			if got := titleIn(t, lib, id); got != "alleen in de wal" {
				t.Errorf("the change in the -wal file is missing: %q", got)
			}
		}
		lib.Close()
		_, err = Open(ctx, path)
		if !errors.Is(err, ErrReadOnlyFile) {
			t.Errorf("%s for writing: want ErrReadOnlyFile, got %v", name, err)
		}
		if msg := Explain(path, err); !strings.Contains(msg, "alleen-lezen") || !strings.Contains(msg, "open hem alleen-lezen") {
			t.Errorf("message %q", msg)
		}
	}
	_, err := Open(ctx, filepath.Join(ro, "nieuw.sqlite"))
	if !errors.Is(err, ErrFolderNotWritable) {
		t.Errorf("new library on a read-only disk: %v", err)
	}
	if msg := Explain(filepath.Join(ro, "nieuw.sqlite"), err); !strings.Contains(msg, "andere map") {
		t.Errorf("message %q", msg)
	}
	elsewhere, err := Open(ctx, filepath.Join(t.TempDir(), "nieuw.sqlite"))
	if err != nil {
		t.Fatalf("new library elsewhere: %v", err)
	}
	elsewhere.Close()
}

// A read-only folder for a user that is not root: the same sentences.
func TestReadOnlyFolder(t *testing.T) {
	if runtime.GOOS == "windows" || os.Getuid() == 0 {
		t.Skip("root writes into a read-only folder anyway; TestReadOnlyDisk covers root")
	}
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "bibliotheek.sqlite")
	copyFile(seededFile(t, "x.sqlite"), path)
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	if _, err := Open(ctx, path); !errors.Is(err, ErrReadOnlyFile) {
		t.Errorf("for writing: %v", err)
	}
	lib, err := OpenWith(ctx, path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := lib.SaveProfile(ctx, &app.Profile{}); !errors.Is(err, ErrReadOnlyFile) {
		t.Errorf("write: %v", err)
	}
	lib.Close()
	if _, err := Open(ctx, filepath.Join(dir, "nieuw.sqlite")); !errors.Is(err, ErrFolderNotWritable) {
		t.Errorf("new library: %v", err)
	}
}
