package storage

import (
	"context"
	"database/sql"
	"slices"
	"testing"

	"bcpeditor/app"
)

// The verdicts themselves are part of the store contract
// (storage/storetest), run against both libraries.

// Pairs made or broken by hand before version 3 become verdicts.
func TestManualPairsBecomeKoppelingen(t *testing.T) {
	ctx := context.Background()
	old := oldLibraryWithData(t, 2)
	a, b := old.profiles[0].ID, old.profiles[1].ID
	db, err := sql.Open("sqlite", old.path+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range [][2]string{{"o1", "n1"}, {"o2", ""}} {
		if _, err := db.Exec("INSERT INTO manual_pairs (old_profile, new_profile, old_id, new_id) VALUES (?, ?, ?, ?)", a, b, p[0], p[1]); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	lib, err := Open(ctx, old.path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	got, err := lib.Koppelingen(ctx, a, b)
	if err != nil {
		t.Fatal(err)
	}
	want := []app.Decision{{OldID: "o1", NewID: "n1", Verdict: app.VerdictMade}, {OldID: "o2", Verdict: app.VerdictRejected}}
	if !slices.Equal(got, want) {
		t.Fatalf("after migration %v, want %v", got, want)
	}
}
