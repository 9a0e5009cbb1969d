// Package storetest is the contract every profile library keeps, as one
// test suite that runs against each backend (the SQLite file and the
// PostgreSQL team library): what is stored comes back the same, every
// change happens whole or not at all, and a change someone else overtook
// is refused with an *app.ConflictError instead of overwriting it.
package storetest

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"testing"

	"bcpeditor/app"
	"bcpeditor/assets"
)

// Backend makes libraries for the suite.
type Backend struct {
	// New makes a new, empty library (its schema in place, no bundled
	// profiles) and returns a function that opens it: each call is another
	// handle on the same library, as another program would have. The suite
	// closes what it opens.
	New func(t *testing.T) (open func() app.Store)
}

// Run runs the whole contract against a backend.
func Run(t *testing.T, b Backend) {
	tests := []struct {
		name string
		f    func(t *testing.T, open func() app.Store)
	}{
		{"ImportAndLoad", testImportAndLoad},
		{"ImportIsAllOrNothing", testImportIsAllOrNothing},
		{"SaveAndDelete", testSaveAndDelete},
		{"EditsAreStored", testEditsAreStored},
		{"ChangeToAnUnknownProfile", testChangeToAnUnknownProfile},
		{"ConcurrentEditOfOneField", testConcurrentEditOfOneField},
		{"ConcurrentEditOfOtherElements", testConcurrentEditOfOtherElements},
		{"EditOfWhatWasDeleted", testEditOfWhatWasDeleted},
		{"DeleteOfWhatGotAChild", testDeleteOfWhatGotAChild},
		{"ConcurrentEditOfTheProfileFields", testConcurrentMeta},
		{"MergeImportOvertakesAnEditor", testMergeImportOvertakesAnEditor},
		{"Snapshots", testSnapshots},
		{"Mappings", testMappings},
		{"Koppelingen", testKoppelingen},
		{"WatchSeesOtherHandles", testWatch},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			open := b.New(t)
			tc.f(t, func() app.Store {
				st := open()
				t.Cleanup(func() { st.Close() })
				return st
			})
		})
	}
}

// Fixture is what the bundled files hold: the competency models, the
// research sources and three real profiles.
func Fixture(t testing.TB) app.ImportSet {
	t.Helper()
	bundles, err := assets.Bundles()
	if err != nil {
		t.Fatal(err)
	}
	var set app.ImportSet
	for _, b := range bundles {
		set.Catalogues = append(set.Catalogues, b.Catalogues...)
		set.Bronnen = append(set.Bronnen, b.Bronnen...)
		set.New = append(set.New, b.Profiles...)
	}
	if len(set.New) < 3 || len(set.Catalogues) == 0 {
		t.Fatalf("the bundled files hold %d profiles and %d competency models", len(set.New), len(set.Catalogues))
	}
	return set
}

// filled imports the fixture into a new library and returns it with the
// fixture's profiles.
func filled(t *testing.T, open func() app.Store) (app.Store, []*app.Profile) {
	t.Helper()
	st := open()
	set := Fixture(t)
	if err := st.Import(context.Background(), set); err != nil {
		t.Fatalf("import: %v", err)
	}
	return st, set.New
}

// load reads a profile or fails.
func load(t *testing.T, st app.Store, id string) *app.Profile {
	t.Helper()
	p, err := st.LoadProfile(context.Background(), id)
	if err != nil {
		t.Fatalf("load %s: %v", id, err)
	}
	return p
}

// encode is a profile in the exchange format, without its time stamps.
func encode(t *testing.T, p *app.Profile) []byte {
	t.Helper()
	q := p.Clone()
	q.Created, q.Modified = "", ""
	var buf bytes.Buffer
	if err := app.EncodeBundle(&buf, &app.Bundle{Format: app.ExchangeFormat, Version: app.ExchangeVersion, Profiles: []*app.Profile{q}}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func sameProfile(t *testing.T, what string, got, want *app.Profile) {
	t.Helper()
	if !bytes.Equal(encode(t, got), encode(t, want)) {
		t.Errorf("%s: the stored profile %q differs from what was written", what, want.Title)
	}
}

func testImportAndLoad(t *testing.T, open func() app.Store) {
	ctx := context.Background()
	st, ps := filled(t, open)
	sums, err := st.ListProfiles(ctx)
	if err != nil || len(sums) != len(ps) {
		t.Fatalf("list: %d profiles, %v", len(sums), err)
	}
	for _, p := range ps {
		sameProfile(t, "load", load(t, st, p.ID), p)
	}
	for _, s := range sums {
		if s.ID == ps[0].ID && (s.Counts.Kerntaken != len(ps[0].Kerntaken) || s.Title != ps[0].Title) {
			t.Errorf("summary of %q: %+v", ps[0].Title, s)
		}
	}
	cats, err := st.Catalogues(ctx)
	if err != nil || len(cats) != len(Fixture(t).Catalogues) {
		t.Fatalf("competency models: %d, %v", len(cats), err)
	}
	want := Fixture(t).Catalogues[0]
	if got := app.CatalogueByID(cats, want.ID); got == nil || len(got.Competenties) != len(want.Competenties) {
		t.Errorf("competency model %q did not come back whole", want.Name)
	}
	bronnen, err := st.Bronnen(ctx)
	if err != nil || len(bronnen) != len(Fixture(t).Bronnen) {
		t.Errorf("onderzoeken: %d, %v", len(bronnen), err)
	}
}

func testImportIsAllOrNothing(t *testing.T, open func() app.Store) {
	ctx := context.Background()
	st, ps := filled(t, open)
	fresh := app.NewVersion(ps[0], "nieuw")
	err := st.Import(ctx, app.ImportSet{New: []*app.Profile{fresh, ps[1]}})
	if err == nil {
		t.Fatal("an import with a profile already in the library was accepted")
	}
	if _, err := st.LoadProfile(ctx, fresh.ID); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("the refused import left %q behind: %v", fresh.Title, err)
	}
}

func testSaveAndDelete(t *testing.T, open func() app.Store) {
	ctx := context.Background()
	st, ps := filled(t, open)
	p := load(t, st, ps[0].ID)
	p.Title = "Herzien profiel"
	p.Kerntaken = p.Kerntaken[:1]
	if err := st.SaveProfile(ctx, p); err != nil {
		t.Fatal(err)
	}
	sameProfile(t, "save", load(t, open(), p.ID), p)
	if err := st.DeleteProfile(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := st.LoadProfile(ctx, p.ID); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("load after delete: %v", err)
	}
	if err := st.DeleteProfile(ctx, p.ID); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("delete twice: %v", err)
	}
}

func testSnapshots(t *testing.T, open func() app.Store) {
	ctx := context.Background()
	st, ps := filled(t, open)
	p := load(t, st, ps[1].ID)
	first, err := st.SaveSnapshot(ctx, p, "eerste")
	if err != nil {
		t.Fatal(err)
	}
	q := p.Clone()
	q.Title = "Later"
	if err := st.SaveProfile(ctx, q); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveSnapshot(ctx, q, "tweede"); err != nil {
		t.Fatal(err)
	}
	snaps, err := st.Snapshots(ctx, p.ID)
	if err != nil || len(snaps) != 2 || snaps[0].Label != "eerste" || snaps[1].Label != "tweede" {
		t.Fatalf("snapshots: %+v, %v", snaps, err)
	}
	frozen, err := st.LoadSnapshot(ctx, first.ID)
	if err != nil {
		t.Fatal(err)
	}
	sameProfile(t, "snapshot", frozen, p)
	if _, err := st.LoadSnapshot(ctx, app.NewID()); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("unknown snapshot: %v", err)
	}
}

func testMappings(t *testing.T, open func() app.Store) {
	ctx := context.Background()
	st, _ := filled(t, open)
	cats := Fixture(t).Catalogues
	if len(cats) < 2 {
		t.Skip("the bundled files hold one competency model")
	}
	from, to := cats[0].Competenties[0].ID, cats[1].Competenties[0].ID
	if err := st.SetMappingLink(ctx, from, to, true); err != nil {
		t.Fatal(err)
	}
	if err := st.SetMappingLink(ctx, from, to, true); err != nil {
		t.Fatalf("linking twice: %v", err)
	}
	m, err := open().Mapping(ctx, cats[0].ID, cats[1].ID)
	if err != nil || len(m[from]) != 1 || m[from][0] != to {
		t.Fatalf("mapping: %v, %v", m, err)
	}
	if err := st.SetMappingLink(ctx, from, to, false); err != nil {
		t.Fatal(err)
	}
	if m, _ := st.Mapping(ctx, cats[0].ID, cats[1].ID); len(m) != 0 {
		t.Errorf("unlinked mapping still there: %v", m)
	}
}

func testKoppelingen(t *testing.T, open func() app.Store) {
	ctx := context.Background()
	st, ps := filled(t, open)
	a, b := ps[1].ID, ps[2].ID
	set := func(d app.Decision) {
		t.Helper()
		if err := st.SetKoppeling(ctx, a, b, d); err != nil {
			t.Fatal(err)
		}
	}
	want := func(ds ...app.Decision) {
		t.Helper()
		got, err := st.Koppelingen(ctx, a, b)
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

	if err := st.ForgetKoppeling(ctx, a, b, "o2", "n1"); err != nil {
		t.Fatal(err)
	}
	want(app.Decision{OldID: "o1", NewID: "n3", Verdict: app.VerdictMade})

	// Bad verdicts are refused and change nothing.
	for _, d := range []app.Decision{
		{OldID: "o1", NewID: "n1", Verdict: "misschien"},
		{Verdict: app.VerdictRejected},
		{OldID: "o1", Verdict: app.VerdictMade},
	} {
		if err := st.SetKoppeling(ctx, a, b, d); !errors.Is(err, app.ErrBadKoppeling) {
			t.Errorf("%+v: %v", d, err)
		}
	}
	want(app.Decision{OldID: "o1", NewID: "n3", Verdict: app.VerdictMade})

	// The other direction has none.
	if got, _ := st.Koppelingen(ctx, b, a); len(got) != 0 {
		t.Errorf("reverse direction has %v", got)
	}
}
