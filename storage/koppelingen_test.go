package storage

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"testing"

	"bcpeditor/app"
)

func TestKoppelingenStoredAndReplaced(t *testing.T) {
	ctx := context.Background()
	lib, _ := seeded(t)
	ps, err := lib.ListProfiles(ctx)
	if err != nil || len(ps) < 2 {
		t.Fatalf("profiles: %v %v", ps, err)
	}
	a, b := ps[0].ID, ps[1].ID
	set := func(d app.Decision) {
		t.Helper()
		if err := lib.SetKoppeling(ctx, a, b, d); err != nil {
			t.Fatal(err)
		}
	}
	want := func(ds ...app.Decision) {
		t.Helper()
		got, err := lib.Koppelingen(ctx, a, b)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, ds) {
			t.Fatalf("koppelingen %v, want %v", got, ds)
		}
	}
	set(app.Decision{OldID: "o1", NewID: "n1", Verdict: app.VerdictMade})
	set(app.Decision{OldID: "o1", NewID: "n2", Verdict: app.VerdictConfirmed})
	set(app.Decision{OldID: "o2", NewID: "n1", Verdict: app.VerdictRejected})
	set(app.Decision{OldID: "o1", NewID: "n2", Verdict: app.VerdictRejected}) // changes its mind
	want(app.Decision{OldID: "o1", NewID: "n1", Verdict: app.VerdictMade},
		app.Decision{OldID: "o1", NewID: "n2", Verdict: app.VerdictRejected},
		app.Decision{OldID: "o2", NewID: "n1", Verdict: app.VerdictRejected})

	// Vervallen replaces every verdict on the element; a link lifts it.
	set(app.Decision{OldID: "o1", Verdict: app.VerdictRejected})
	want(app.Decision{OldID: "o1", Verdict: app.VerdictRejected},
		app.Decision{OldID: "o2", NewID: "n1", Verdict: app.VerdictRejected})
	set(app.Decision{OldID: "o1", NewID: "n3", Verdict: app.VerdictMade})
	want(app.Decision{OldID: "o1", NewID: "n3", Verdict: app.VerdictMade},
		app.Decision{OldID: "o2", NewID: "n1", Verdict: app.VerdictRejected})

	if err := lib.ForgetKoppeling(ctx, a, b, "o2", "n1"); err != nil {
		t.Fatal(err)
	}
	want(app.Decision{OldID: "o1", NewID: "n3", Verdict: app.VerdictMade})

	// Bad verdicts are refused and change nothing.
	for _, d := range []app.Decision{
		{OldID: "o1", NewID: "n1", Verdict: "misschien"},
		{Verdict: app.VerdictRejected},
		{OldID: "o1", Verdict: app.VerdictMade},
	} {
		if err := lib.SetKoppeling(ctx, a, b, d); !errors.Is(err, ErrBadKoppeling) {
			t.Errorf("%+v: %v", d, err)
		}
	}
	want(app.Decision{OldID: "o1", NewID: "n3", Verdict: app.VerdictMade})

	// Other direction, other profiles: nothing.
	if got, _ := lib.Koppelingen(ctx, b, a); len(got) != 0 {
		t.Errorf("reverse direction has %v", got)
	}
}

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
