package storage

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"testing"

	"bcpeditor/app/compare"
)

func TestKoppelingenStoredAndReplaced(t *testing.T) {
	ctx := context.Background()
	lib, _ := seeded(t)
	ps, err := lib.ListProfiles(ctx)
	if err != nil || len(ps) < 2 {
		t.Fatalf("profiles: %v %v", ps, err)
	}
	a, b := ps[0].ID, ps[1].ID
	set := func(d compare.Decision) {
		t.Helper()
		if err := lib.SetKoppeling(ctx, a, b, d); err != nil {
			t.Fatal(err)
		}
	}
	want := func(ds ...compare.Decision) {
		t.Helper()
		got, err := lib.Koppelingen(ctx, a, b)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, ds) {
			t.Fatalf("koppelingen %v, want %v", got, ds)
		}
	}
	set(compare.Decision{OldID: "o1", NewID: "n1", Verdict: compare.Made})
	set(compare.Decision{OldID: "o1", NewID: "n2", Verdict: compare.Confirmed})
	set(compare.Decision{OldID: "o2", NewID: "n1", Verdict: compare.Rejected})
	set(compare.Decision{OldID: "o1", NewID: "n2", Verdict: compare.Rejected}) // changes its mind
	want(compare.Decision{OldID: "o1", NewID: "n1", Verdict: compare.Made},
		compare.Decision{OldID: "o1", NewID: "n2", Verdict: compare.Rejected},
		compare.Decision{OldID: "o2", NewID: "n1", Verdict: compare.Rejected})

	// Vervallen replaces every verdict on the element; a link lifts it.
	set(compare.Decision{OldID: "o1", Verdict: compare.Rejected})
	want(compare.Decision{OldID: "o1", Verdict: compare.Rejected},
		compare.Decision{OldID: "o2", NewID: "n1", Verdict: compare.Rejected})
	set(compare.Decision{OldID: "o1", NewID: "n3", Verdict: compare.Made})
	want(compare.Decision{OldID: "o1", NewID: "n3", Verdict: compare.Made},
		compare.Decision{OldID: "o2", NewID: "n1", Verdict: compare.Rejected})

	if err := lib.ForgetKoppeling(ctx, a, b, "o2", "n1"); err != nil {
		t.Fatal(err)
	}
	want(compare.Decision{OldID: "o1", NewID: "n3", Verdict: compare.Made})

	// Bad verdicts are refused and change nothing.
	for _, d := range []compare.Decision{
		{OldID: "o1", NewID: "n1", Verdict: "misschien"},
		{Verdict: compare.Rejected},
		{OldID: "o1", Verdict: compare.Made},
	} {
		if err := lib.SetKoppeling(ctx, a, b, d); !errors.Is(err, ErrBadKoppeling) {
			t.Errorf("%+v: %v", d, err)
		}
	}
	want(compare.Decision{OldID: "o1", NewID: "n3", Verdict: compare.Made})

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
	want := []compare.Decision{{OldID: "o1", NewID: "n1", Verdict: compare.Made}, {OldID: "o2", Verdict: compare.Rejected}}
	if !slices.Equal(got, want) {
		t.Fatalf("after migration %v, want %v", got, want)
	}
	opt, err := lib.CompareOptions(ctx, old.profiles[0], old.profiles[1])
	if err != nil || !slices.Equal(opt.Decisions, want) {
		t.Fatalf("compare options %v %v", opt.Decisions, err)
	}
}
