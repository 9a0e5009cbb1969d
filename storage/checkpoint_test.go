package storage

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bcpeditor/app"
)

// copyMainFile copies only the library file (not its -wal), as a designer
// copying bibliotheek.sqlite to a stick would, and opens the copy.
func copyMainFile(t *testing.T, path string) *Library {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "kopie.sqlite")
	if err := copyFile(path, dst); err != nil {
		t.Fatal(err)
	}
	lib, err := OpenWith(context.Background(), dst, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	return lib
}

func titleIn(t *testing.T, lib *Library, id string) string {
	t.Helper()
	p, err := lib.LoadProfile(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return p.Title
}

// The library file alone holds every acknowledged edit once the library
// has been quiet for CheckpointDelay, after Checkpoint, and after Close:
// a copy of only that file, taken while the program runs, has the edits.
func TestTheLibraryFileAloneHoldsTheEdits(t *testing.T) {
	ctx := context.Background()
	defer func(d time.Duration) { CheckpointDelay = d }(CheckpointDelay)
	CheckpointDelay = time.Hour
	lib, path := seeded(t)
	all, _ := lib.ListProfiles(ctx)
	id := all[0].ID
	edit := func(title string) {
		t.Helper()
		if err := lib.SaveChange(ctx, id, app.ChangeSet{Meta: &app.ProfileMeta{Title: title, Status: app.StatusConcept}}); err != nil {
			t.Fatal(err)
		}
	}

	// Without a checkpoint everything since the library was made is only
	// in the -wal file: a copy of the file is an empty library (the
	// problem this guards against).
	edit("in de wal")
	dst := filepath.Join(t.TempDir(), "kopie.sqlite")
	copyFile(path, dst)
	if _, err := OpenWith(ctx, dst, Options{ReadOnly: true}); !errors.Is(err, ErrNotALibrary) {
		t.Fatalf("the copy without a checkpoint: %v; the test cannot see the difference", err)
	}

	// Checkpoint on request.
	if err := lib.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	if got := titleIn(t, copyMainFile(t, path), id); got != "in de wal" {
		t.Errorf("after Checkpoint the copy has %q", got)
	}

	// After a quiet period, by itself.
	CheckpointDelay = 50 * time.Millisecond
	edit("een")
	edit("twee")
	deadline := time.Now().Add(10 * time.Second)
	for titleIn(t, copyMainFile(t, path), id) != "twee" {
		if time.Now().After(deadline) {
			t.Fatal("no checkpoint after the quiet period")
		}
		time.Sleep(20 * time.Millisecond)
	}

	// On Close.
	CheckpointDelay = time.Hour
	edit("bij het sluiten")
	lib.Close()
	if got := titleIn(t, copyMainFile(t, path), id); got != "bij het sluiten" {
		t.Errorf("after Close the copy has %q", got)
	}
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
		t.Errorf("a -wal file of %d bytes is left after Close", fi.Size())
	}
}

// While another program holds the library, a write fails with a Dutch
// sentence after BusyTimeout, and the next writes wait only
// busyRetryTimeout; once the library is free, writes work and wait the
// whole BusyTimeout again.
func TestBusyLibraryFailsQuicklyInDutch(t *testing.T) {
	ctx := context.Background()
	lib, path := seeded(t)
	all, _ := lib.ListProfiles(ctx)
	other := rawDB(t, path)
	defer other.Close()
	tx, err := other.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec("UPDATE profiles SET owner = 'ander programma'"); err != nil {
		t.Fatal(err)
	}
	meta := &app.ProfileMeta{Title: "bezet", Status: app.StatusConcept}
	for i := 0; i < 3; i++ {
		err := lib.SaveChange(ctx, all[0].ID, app.ChangeSet{Meta: meta})
		if !errors.Is(err, ErrBusy) {
			t.Fatalf("write %d: want ErrBusy, got %v", i, err)
		}
		if msg := err.Error(); !strings.Contains(msg, "bezet door een ander programma") || strings.Contains(msg, "locked") || strings.Contains(msg, "SQLITE") {
			t.Errorf("message %q", msg)
		}
		if got := time.Duration(lib.waitFor.Load()); i > 0 && got != busyRetryTimeout {
			t.Errorf("write %d waited up to %v", i, got)
		}
	}
	tx.Rollback()
	if err := lib.SaveChange(ctx, all[0].ID, app.ChangeSet{Meta: meta}); err != nil {
		t.Fatalf("write once the library is free: %v", err)
	}
	lib.SaveChange(ctx, all[0].ID, app.ChangeSet{Meta: meta})
	if got := time.Duration(lib.waitFor.Load()); got != BusyTimeout {
		t.Errorf("after a write got through, writes wait %v", got)
	}
}
