package storetest

import (
	"context"
	"errors"
	"testing"

	"bcpeditor/app"
)

// Editing, alone and together: every edit is stored at once; an edit of
// something someone else changed meanwhile is refused with both texts.

// editor opens the first fixture profile (kerntaken) on a handle of its own.
func editor(t *testing.T, open func() app.Store, id string) (*app.Editor, app.Store) {
	t.Helper()
	st := open()
	return app.NewEditor(context.Background(), st, load(t, st, id)), st
}

// conflict fails unless err is a conflict, and returns it.
func conflict(t *testing.T, err error) *app.ConflictError {
	t.Helper()
	var ce *app.ConflictError
	if !errors.As(err, &ce) {
		t.Fatalf("want a conflict, got %v", err)
	}
	return ce
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func testEditsAreStored(t *testing.T, open func() app.Store) {
	_, ps := filled(t, open)
	ed, _ := editor(t, open, ps[0].ID)
	p := ed.Profile()
	k := p.Kerntaken[0]
	must(t, ed.SetField(k.ID, app.FieldTitle, "Nieuwe titel"))
	wp, err := ed.Add(app.KindWerkproces, k.ID, app.Element{Title: "Nieuw werkproces"})
	must(t, err)
	must(t, ed.Remove(p.Kerntaken[1].Werkprocessen[0].ID))
	m := p.Meta()
	m.VersionLabel = "teamversie"
	must(t, ed.EditMeta("versie", "meta/versie", m))
	must(t, ed.Rate(wp, app.Workshop{Name: "Workshop Utrecht"}, app.AansluitingGoed))
	if _, _, err := ed.Undo(); err != nil {
		t.Fatal(err)
	}
	sameProfile(t, "after edits", load(t, open(), p.ID), ed.Profile())
}

func testChangeToAnUnknownProfile(t *testing.T, open func() app.Store) {
	st, ps := filled(t, open)
	e := ps[0].Elements()[0]
	e.Title = "x"
	for _, cs := range []app.ChangeSet{
		{Upserts: []app.Element{e}},
		{Upserts: []app.Element{e}, Version: app.DrawVersion(), Expect: map[string]int64{}},
	} {
		if err := st.SaveChange(context.Background(), app.NewID(), cs); !errors.Is(err, app.ErrNotFound) {
			t.Errorf("change to an unknown profile: %v", err)
		}
	}
}

func testConcurrentEditOfOneField(t *testing.T, open func() app.Store) {
	_, ps := filled(t, open)
	a, _ := editor(t, open, ps[0].ID)
	b, _ := editor(t, open, ps[0].ID)
	k := ps[0].Kerntaken[0].ID
	must(t, a.SetField(k, app.FieldTitle, "Titel van A"))
	ce := conflict(t, b.SetField(k, app.FieldTitle, "Titel van B"))
	if len(ce.Conflicts) != 1 || ce.Conflicts[0].Local == nil || ce.Conflicts[0].Incoming == nil ||
		ce.Conflicts[0].Local.Title != "Titel van B" || ce.Conflicts[0].Incoming.Title != "Titel van A" {
		t.Fatalf("the conflict does not carry both texts: %+v", ce.Conflicts)
	}
	if got := load(t, open(), ps[0].ID).Kerntaken[0].Title; got != "Titel van A" {
		t.Fatalf("the refused edit changed the library: %q", got)
	}
	must(t, b.KeepMine(ce))
	if got := load(t, open(), ps[0].ID).Kerntaken[0].Title; got != "Titel van B" {
		t.Fatalf("keep mine: %q", got)
	}
	conflict(t, a.SetField(k, app.FieldBody, "Toelichting van A"))
	st := open()
	res := a.ApplyRemote(load(t, st, ps[0].ID), "")
	if len(res.Elements) != 1 || res.Elements[0] != k || a.Profile().Kerntaken[0].Title != "Titel van B" {
		t.Fatalf("take theirs: %+v, title %q", res, a.Profile().Kerntaken[0].Title)
	}
	must(t, a.SetField(k, app.FieldBody, "Toelichting van A"))
	got := load(t, st, ps[0].ID).Kerntaken[0]
	if got.Title != "Titel van B" || got.Toelichting != "Toelichting van A" {
		t.Errorf("after taking theirs: %q / %q", got.Title, got.Toelichting)
	}
}

func testConcurrentEditOfOtherElements(t *testing.T, open func() app.Store) {
	_, ps := filled(t, open)
	a, _ := editor(t, open, ps[0].ID)
	b, _ := editor(t, open, ps[0].ID)
	must(t, a.SetField(ps[0].Kerntaken[0].ID, app.FieldTitle, "Van A"))
	must(t, b.SetField(ps[0].Kerntaken[1].ID, app.FieldTitle, "Van B"))
	got := load(t, open(), ps[0].ID)
	if got.Kerntaken[0].Title != "Van A" || got.Kerntaken[1].Title != "Van B" {
		t.Errorf("edits of different elements: %q, %q", got.Kerntaken[0].Title, got.Kerntaken[1].Title)
	}
}

func testEditOfWhatWasDeleted(t *testing.T, open func() app.Store) {
	_, ps := filled(t, open)
	a, _ := editor(t, open, ps[0].ID)
	b, _ := editor(t, open, ps[0].ID)
	k := ps[0].Kerntaken[1]
	w := k.Werkprocessen[0].ID
	must(t, a.Remove(w))
	ce := conflict(t, b.SetField(w, app.FieldTitle, "Nog bewerkt"))
	if ce.Conflicts[0].Incoming != nil {
		t.Errorf("a removed element comes back as stored: %+v", ce.Conflicts[0])
	}
	must(t, b.KeepMine(ce))
	after := load(t, open(), ps[0].ID)
	if el, ok := after.Element(w); !ok || el.Title != "Nog bewerkt" || len(subtree(after, w)) != len(subtree(ps[0], w)) {
		t.Errorf("keep mine did not put the werkproces back whole: %+v", el)
	}
	// A kerntaak removed while a werkproces is added under it.
	k0 := ps[0].Kerntaken[0]
	must(t, a.Remove(k0.ID))
	_, err := b.Add(app.KindWerkproces, k0.ID, app.Element{Title: "Onder een verwijderde kerntaak"})
	ce = conflict(t, err)
	if ce.Conflicts[0].ElementID != k0.ID || ce.Conflicts[0].Local == nil {
		t.Fatalf("the removed parent is not named: %+v", ce.Conflicts)
	}
	must(t, b.KeepMine(ce))
	got := load(t, open(), ps[0].ID)
	if len(subtree(got, k0.ID)) != len(subtree(ps[0], k0.ID))+1 {
		t.Errorf("keep mine did not restore the kerntaak whole with the new werkproces")
	}
}

func testDeleteOfWhatGotAChild(t *testing.T, open func() app.Store) {
	_, ps := filled(t, open)
	a, _ := editor(t, open, ps[0].ID)
	b, _ := editor(t, open, ps[0].ID)
	k := ps[0].Kerntaken[0]
	child, err := a.Add(app.KindWerkproces, k.ID, app.Element{Title: "Net toegevoegd"})
	must(t, err)
	ce := conflict(t, b.Remove(k.ID))
	found := false
	for _, c := range ce.Conflicts {
		found = found || c.ElementID == child && c.Local == nil && c.Incoming != nil && c.Incoming.Title == "Net toegevoegd"
	}
	if !found {
		t.Fatalf("the new werkproces under the removed kerntaak is not named: %+v", ce.Conflicts)
	}
	if got := load(t, open(), ps[0].ID); len(got.Kerntaken) != len(ps[0].Kerntaken) {
		t.Fatal("the refused removal changed the library")
	}
	must(t, b.KeepMine(ce))
	got := load(t, open(), ps[0].ID)
	if len(got.Kerntaken) != len(ps[0].Kerntaken)-1 || got.Kerntaken[0].ID == k.ID {
		t.Errorf("keep mine did not remove the kerntaak")
	}
}

func testConcurrentMeta(t *testing.T, open func() app.Store) {
	_, ps := filled(t, open)
	a, _ := editor(t, open, ps[0].ID)
	b, _ := editor(t, open, ps[0].ID)
	ma, mb := a.Profile().Meta(), b.Profile().Meta()
	ma.Title, mb.Title = "Titel A", "Titel B"
	must(t, a.EditMeta("titel", "meta/titel", ma))
	ce := conflict(t, b.EditMeta("titel", "meta/titel", mb))
	if c := ce.Conflicts[0]; c.LocalMeta == nil || c.IncomingMeta == nil || c.LocalMeta.Title != "Titel B" || c.IncomingMeta.Title != "Titel A" {
		t.Fatalf("meta conflict: %+v", ce.Conflicts)
	}
	must(t, b.KeepMine(ce))
	if got := load(t, open(), ps[0].ID).Title; got != "Titel B" {
		t.Errorf("keep mine: %q", got)
	}
}

func testMergeImportOvertakesAnEditor(t *testing.T, open func() app.Store) {
	st, ps := filled(t, open)
	ed, _ := editor(t, open, ps[0].ID)
	merged := load(t, st, ps[0].ID)
	merged.Kerntaken[0].Title = "Uit het samenvoegen"
	must(t, st.Import(context.Background(), app.ImportSet{Merged: []app.MergedProfile{{Profile: merged, SnapshotLabel: "voor samenvoegen"}}}))
	snaps, err := st.Snapshots(context.Background(), merged.ID)
	if err != nil || len(snaps) != 1 || snaps[0].Label != "voor samenvoegen" {
		t.Fatalf("the merge did not freeze the stored state first: %+v, %v", snaps, err)
	}
	conflict(t, ed.SetField(merged.Kerntaken[0].ID, app.FieldTitle, "Van de ontwerper"))
}

// subtree lists the element id and everything below it.
func subtree(p *app.Profile, id string) []app.Element {
	in := map[string]bool{id: true}
	var out []app.Element
	for _, e := range p.Elements() { // parents come before their children
		if in[e.ID] || in[e.ParentID] {
			in[e.ID] = true
			out = append(out, e)
		}
	}
	return out
}
