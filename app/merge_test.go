package app_test

import (
	"strings"
	"testing"

	"bcpeditor/app"
)

func clone(t *testing.T, p *app.Profile) *app.Profile {
	b, err := app.ParseBundle(encodeProfile(t, p))
	if err != nil {
		t.Fatal(err)
	}
	return b.Profiles[0]
}

func encodeProfile(t *testing.T, p *app.Profile) []byte {
	var sb strings.Builder
	app.EncodeBundle(&sb, &app.Bundle{Format: app.ExchangeFormat, Version: 1, Profiles: []*app.Profile{p}})
	return []byte(sb.String())
}

// Sent, edited on both sides, merged: each side's own changes are kept,
// the same element changed on both sides is a choice, nothing is lost.
func TestMergeKeepsBothSidesEdits(t *testing.T) {
	bundles := bundled(t)
	b, _ := app.ParseBundle(bundles[1])
	var base *app.Profile
	for _, p := range b.Profiles {
		if p.Title == "BCP Junior accountmanager" {
			base = p
		}
	}
	if base == nil {
		b, _ = app.ParseBundle(bundles[0])
		base = b.Profiles[0]
	}
	local, incoming := clone(t, base), clone(t, base)
	// Here: a title changed, a line added.
	local.Kerntaken[0].Werkprocessen[0].Title = "Verzamelt markt- en klantinformatie"
	local.Kerntaken[0].Werkprocessen[0].Kennis = append(local.Kerntaken[0].Werkprocessen[0].Kennis, &app.Line{ID: app.NewID(), Text: "Kennis van AVG"})
	// There: another beschrijving changed, a line removed, a note added,
	// and the same title changed differently.
	incoming.Kerntaken[1].Werkprocessen[2].Beschrijving += " Aangevuld in de workshop."
	incoming.Kerntaken[2].Werkprocessen[0].Resultaat = incoming.Kerntaken[2].Werkprocessen[0].Resultaat[1:]
	incoming.Kerntaken[0].Werkprocessen[0].Title = "Verzamelt marktinformatie en klantgegevens"
	incoming.Reviews = append(incoming.Reviews, &app.Review{ID: app.NewID(), ElementID: incoming.Kerntaken[1].ID, Kind: app.ReviewBeoordeling, Aansluiting: app.AansluitingGoed, Source: "Workshop Zwolle", Date: "2026-11-20"})

	plan := mustPlan(t, local, incoming, base)
	if len(plan.Updated) < 1 || len(plan.Deleted) != 1 || plan.KeptLocal != 1 || len(plan.Conflicts) != 1 || len(plan.ReviewsAdded) != 1 {
		t.Fatalf("plan: %d updated, %d deleted, %d kept, %d conflicts, %d reviews\n%s",
			len(plan.Updated), len(plan.Deleted), plan.KeptLocal, len(plan.Conflicts), len(plan.ReviewsAdded), plan.Summary())
	}
	if !strings.Contains(plan.Summary(), "1 aan beide kanten gewijzigd") {
		t.Errorf("summary:\n%s", plan.Summary())
	}
	merged, err := plan.Apply(map[string]app.Side{plan.Conflicts[0].ElementID: app.TakeIncoming})
	if err != nil {
		t.Fatal(err)
	}
	w := merged.Kerntaken[0].Werkprocessen[0]
	if w.Title != "Verzamelt marktinformatie en klantgegevens" || w.Kennis[len(w.Kennis)-1].Text != "Kennis van AVG" {
		t.Errorf("1.1 after merge: %q, last kennis %q", w.Title, w.Kennis[len(w.Kennis)-1].Text)
	}
	if !strings.HasSuffix(merged.Kerntaken[1].Werkprocessen[2].Beschrijving, "Aangevuld in de workshop.") {
		t.Error("the incoming edit is missing")
	}
	if len(merged.Kerntaken[2].Werkprocessen[0].Resultaat) != len(base.Kerntaken[2].Werkprocessen[0].Resultaat)-1 {
		t.Error("the incoming deletion is missing")
	}
	if len(merged.Reviews) != len(local.Reviews)+1 {
		t.Error("the incoming note is missing")
	}
	// Choosing our own version keeps it.
	kept, _ := plan.Apply(nil)
	if kept.Kerntaken[0].Werkprocessen[0].Title != "Verzamelt markt- en klantinformatie" {
		t.Error("keeping our version did not keep it")
	}
	// Without a base, every difference is a choice and nothing is deleted:
	// the title and the beschrijving (lines shifted by the removed resultaat
	// are no difference).
	noBase := mustPlan(t, local, incoming, nil)
	if len(noBase.Deleted) != 0 || len(noBase.Conflicts) != 2 {
		t.Errorf("without base: %d deleted, %d conflicts", len(noBase.Deleted), len(noBase.Conflicts))
	}
}

func mustPlan(t *testing.T, local, incoming, base *app.Profile) *app.MergePlan {
	t.Helper()
	plan, err := app.PlanMerge(local, incoming, base)
	if err != nil {
		t.Fatal(err)
	}
	return plan
}

func bundled2010(t *testing.T) *app.Profile {
	t.Helper()
	for _, data := range bundled(t) {
		b, err := app.ParseBundle(data)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range b.Profiles {
			if p.Title == "BCP Junior accountmanager" {
				return p
			}
		}
	}
	t.Fatal("the 2010 BCP Junior accountmanager is not bundled")
	return nil
}

// A line removed here shifts the positions of the lines after it; that is
// not an edit of those lines, so a change there to one of them is taken
// without a conflict.
func TestMergeIgnoresSiblingPositionShifts(t *testing.T) {
	base := bundled2010(t)
	local, incoming := clone(t, base), clone(t, base)
	wl, wi := local.Kerntaken[0].Werkprocessen[0], incoming.Kerntaken[0].Werkprocessen[0]
	wl.Kennis = wl.Kennis[1:] // here: the first kennis line removed
	wi.Kennis[2].Text += " (aangevuld)"
	plan := mustPlan(t, local, incoming, base)
	if len(plan.Conflicts) != 0 {
		t.Fatalf("a shift in position counted as a conflict:\n%s", plan.Summary())
	}
	merged, err := plan.Apply(nil)
	if err != nil {
		t.Fatal(err)
	}
	got := merged.Kerntaken[0].Werkprocessen[0].Kennis
	if len(got) != len(base.Kerntaken[0].Werkprocessen[0].Kennis)-1 || got[1].Text != wi.Kennis[2].Text {
		t.Fatalf("merged kennis: %d lines, second %q", len(got), got[1].Text)
	}
}

// Two lines appended on both sides: both stay, ours first, the same every
// time (it was random before).
func TestMergeOfAppendedLinesIsDeterministic(t *testing.T) {
	base := bundled2010(t)
	for round := 0; round < 20; round++ {
		local, incoming := clone(t, base), clone(t, base)
		wl, wi := local.Kerntaken[0].Werkprocessen[0], incoming.Kerntaken[0].Werkprocessen[0]
		wl.Resultaat = append(wl.Resultaat, &app.Line{ID: app.NewID(), Text: "hier toegevoegd"})
		wi.Resultaat = append(wi.Resultaat, &app.Line{ID: app.NewID(), Text: "daar toegevoegd"})
		merged, err := mustPlan(t, local, incoming, base).Apply(nil)
		if err != nil {
			t.Fatal(err)
		}
		r := merged.Kerntaken[0].Werkprocessen[0].Resultaat
		n := len(r)
		if n != len(base.Kerntaken[0].Werkprocessen[0].Resultaat)+2 || r[n-2].Text != "hier toegevoegd" || r[n-1].Text != "daar toegevoegd" {
			t.Fatalf("round %d: last lines %q, %q", round, r[n-2].Text, r[n-1].Text)
		}
	}
}

// Reordered only there: the incoming order is taken.
func TestMergeTakesAReorderFromTheOtherSide(t *testing.T) {
	base := bundled2010(t)
	local, incoming := clone(t, base), clone(t, base)
	k := incoming.Kerntaken[0]
	k.Werkprocessen[0], k.Werkprocessen[1] = k.Werkprocessen[1], k.Werkprocessen[0]
	merged, err := mustPlan(t, local, incoming, base).Apply(nil)
	if err != nil {
		t.Fatal(err)
	}
	if merged.Kerntaken[0].Werkprocessen[0].ID != base.Kerntaken[0].Werkprocessen[1].ID {
		t.Fatal("the reorder made there was lost")
	}
}

func TestMergeRefusesAnotherStructureOrModel(t *testing.T) {
	base := bundled2010(t)
	flipped := clone(t, base)
	flipped.Structure = app.StructureRollen
	if _, err := app.PlanMerge(base, flipped, base); err == nil || !strings.Contains(err.Error(), "Er is niets gewijzigd") {
		t.Fatalf("structure flip: %v", err)
	}
	other := clone(t, base)
	other.CatalogueID = app.NewID()
	if _, err := app.PlanMerge(base, other, base); err == nil {
		t.Fatal("a profile on another competency model was merged")
	}
}

func TestUnchangedMergeHasNoChanges(t *testing.T) {
	base := bundled2010(t)
	if plan := mustPlan(t, clone(t, base), clone(t, base), base); plan.Changes() {
		t.Fatalf("an unchanged file would change the profile:\n%s", plan.Summary())
	}
}
