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

	plan := app.PlanMerge(local, incoming, base)
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
	// Without a base, every difference is a choice and nothing is deleted.
	noBase := app.PlanMerge(local, incoming, nil)
	if len(noBase.Deleted) != 0 || len(noBase.Conflicts) < 3 {
		t.Errorf("without base: %d deleted, %d conflicts", len(noBase.Deleted), len(noBase.Conflicts))
	}
}
