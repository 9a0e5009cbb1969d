package app_test

import (
	"context"
	"strings"
	"testing"

	"bcpeditor/app"
	"bcpeditor/storage"
)

// Rating all 20 kennis-en-vaardigheden lines of rol 1 in a workshop, then
// a second workshop, then the summary counts; every rating stored at once
// and undoable.
func TestWorkshopRatingsSeveralWorkshopsAndSummary(t *testing.T) {
	lib, path := openSeeded(t)
	ctx := context.Background()
	p := loadByTitle(t, lib, "bcp Commercieel medewerker")
	cats, _ := lib.Catalogues(ctx)
	cat := app.CatalogueByID(cats, p.CatalogueID)
	ed := app.NewEditor(ctx, lib, p)
	rol := p.Rollen[0]
	var lines []app.ReviewItem
	for _, it := range app.ReviewItems(p, cat, rol.ID) {
		if it.Kind == app.KindKennisVaardigheid {
			lines = append(lines, it)
		}
	}
	if len(lines) != 20 {
		t.Fatalf("%d kennis-en-vaardigheden lines to rate", len(lines))
	}
	// The 2021 research already rated parts of rol 1 (read from its words);
	// the workshops' ratings add to those.
	base := groupCounts(p, cat, "1 Medewerker verkoop en klantencontact")
	if base[app.AansluitingGedeeltelijk] != 4 || base[app.AansluitingNietBeoordeeld] != 3 {
		t.Fatalf("the research's ratings of rol 1: %v", base)
	}
	w1 := app.Workshop{Name: "Workshop Utrecht", Date: "2026-11-20"}
	w2 := app.Workshop{Name: "Workshop Zwolle", Date: "2026-11-22"}
	ratings := []app.Aansluiting{app.AansluitingGoed, app.AansluitingGedeeltelijk, app.AansluitingOnvoldoende}
	for i, it := range lines {
		if err := ed.Rate(it.ElementID, w1, ratings[i%3]); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			if err := ed.Note(it.ElementID, w1, "Herkend in alle bedrijven"); err != nil {
				t.Fatal(err)
			}
		}
		if err := ed.Rate(it.ElementID, w2, app.AansluitingGoed); err != nil {
			t.Fatal(err)
		}
	}
	first := lines[0].ElementID
	if c := p.RatingsOf(first); c[app.AansluitingGoed] != 2 || c.String() != "2× goed" {
		t.Fatalf("line 1: %v", c)
	}
	// Re-rating in the same workshop replaces, it does not add.
	if err := ed.Rate(first, w1, app.AansluitingOnvoldoende); err != nil {
		t.Fatal(err)
	}
	if c := p.RatingsOf(first); c.String() != "1× goed, 1× onvoldoende" {
		t.Fatalf("after re-rating: %s", c)
	}
	if p.Rating(first, w1).Toelichting != "Herkend in alle bedrijven" {
		t.Error("re-rating lost the note")
	}
	ed.Undo()
	if c := p.RatingsOf(first); c.String() != "2× goed" {
		t.Fatalf("undo of re-rating: %s", c)
	}
	// The summary of rol 1 counts every rating of both workshops, beside
	// the research's.
	g := groupSummary(p, cat, "1 Medewerker verkoop en klantencontact")
	if g.Counts[app.AansluitingGoed] != base[app.AansluitingGoed]+7+20 || g.Counts[app.AansluitingGedeeltelijk] != base[app.AansluitingGedeeltelijk]+7 ||
		g.Counts[app.AansluitingOnvoldoende] != base[app.AansluitingOnvoldoende]+6 {
		t.Fatalf("summary counts %v (before the workshops %v)", g.Counts, base)
	}
	if len(g.Aanvullend) == 0 {
		t.Error("the 2021 aanvullende informatie is missing from the summary")
	}
	only := app.Summarise(p, cat, "Workshop Zwolle")
	if only[0].Counts[app.AansluitingGoed] != 20 {
		t.Errorf("summary of one workshop: %v", only[0].Counts)
	}
	// Everything is in the library, and survives reopening.
	lib.Close()
	lib2, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib2.Close()
	q, _ := lib2.LoadProfile(ctx, p.ID)
	if c := q.RatingsOf(first); c.String() != "2× goed" || q.Rating(first, w1).Toelichting != "Herkend in alle bedrijven" {
		t.Fatalf("stored: %s", c)
	}
	// Remove one workshop's rating.
	ed2 := app.NewEditor(ctx, lib2, q)
	if err := ed2.RemoveReview(q.Rating(first, w2).ID); err != nil {
		t.Fatal(err)
	}
	if c := q.RatingsOf(first); c.String() != "1× goed" {
		t.Fatalf("after removing: %s", c)
	}
	if ws := q.Workshops(); len(ws) < 2 {
		t.Errorf("workshops: %v", ws)
	}
}

func TestReviewSummaryHTML(t *testing.T) {
	lib, _ := openSeeded(t)
	defer lib.Close()
	p := loadByTitle(t, lib, "bcp Commercieel medewerker")
	ed := app.NewEditor(context.Background(), lib, p)
	w := app.Workshop{Name: "Workshop <b>Utrecht</b>", Date: "2026-11-20"}
	ed.Rate(p.Rollen[0].KennisEnVaardigheden[0].ID, w, app.AansluitingGoed)
	var b strings.Builder
	if err := app.WriteReviewSummaryHTML(&b, p, nil, ""); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	if strings.Contains(html, "<b>Utrecht</b>") || !strings.Contains(html, "&lt;b&gt;Utrecht") {
		t.Error("workshop name not escaped")
	}
	for _, want := range []string{"sluit goed aan", "1 Medewerker verkoop en klantencontact", "Aanvullende informatie", "1× goed"} {
		if !strings.Contains(html, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
}

func groupSummary(p *app.Profile, cat *app.Catalogue, group string) app.GroupSummary {
	for _, s := range app.Summarise(p, cat, "") {
		if s.Group == group {
			return s
		}
	}
	return app.GroupSummary{}
}

func groupCounts(p *app.Profile, cat *app.Catalogue, group string) app.RatingCounts {
	c := app.RatingCounts{}
	for k, v := range groupSummary(p, cat, group).Counts {
		c[k] = v
	}
	return c
}
