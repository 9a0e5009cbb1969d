package storage

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// Folder names with the characters that mean something in a URI (?, #, %)
// or that need escaping (spaces, accents) work for everything a library
// does: make, reopen, read-only, back up, restore. Nothing is made in a
// folder cut off at one of those characters.
func TestFolderNamesWithURICharacters(t *testing.T) {
	ctx := context.Background()
	for _, name := range []string{"map?mode=ro", "map#1", "100% klaar", "a%3Fb", "één & twee"} {
		t.Run(name, func(t *testing.T) {
			parent := t.TempDir()
			path := filepath.Join(parent, name, "bibliotheek.sqlite")
			lib, err := OpenSeeded(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			all, _ := lib.ListProfiles(ctx)
			b, err := lib.MakeBackup(ctx, "handmatig")
			if err != nil {
				t.Fatal(err)
			}
			lib.DeleteProfile(ctx, all[0].ID)
			lib.Close()
			if entries, _ := os.ReadDir(parent); len(entries) != 1 || entries[0].Name() != name {
				t.Fatalf("files went elsewhere: %v", entries)
			}
			ro, err := OpenWith(ctx, path, Options{ReadOnly: true})
			if err != nil {
				t.Fatalf("read-only: %v", err)
			}
			if got, _ := ro.ListProfiles(ctx); len(got) != len(all)-1 {
				t.Errorf("read-only shows %d profiles, want %d", len(got), len(all)-1)
			}
			ro.Close()
			if err := Restore(ctx, path, b.Path); err != nil {
				t.Fatalf("restore: %v", err)
			}
			lib, err = Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer lib.Close()
			if got, _ := lib.ListProfiles(ctx); len(got) != len(all) {
				t.Errorf("restored library has %d profiles, want %d", len(got), len(all))
			}
		})
	}
}

func TestFileURIEscapes(t *testing.T) {
	got, err := fileURI("/tmp/a?b#c%d e/lib.sqlite", nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "file:///tmp/a%3Fb%23c%25d%20e/lib.sqlite"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
