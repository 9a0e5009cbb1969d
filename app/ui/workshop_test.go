package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"bcpeditor/app"
)

// The flow: rate all 20 kennis-en-vaardigheden lines of the rol
// "Medewerker verkoop en klantencontact" with one key per line plus the
// typed notes; everything is in the library at once; the summary counts.
func TestWorkshopKeyboardFlow(t *testing.T) {
	mw, lib := newTestWindow(t)
	cm := profileByTitle(t, "bcp Commercieel medewerker")
	mw.OpenProfile(cm.ID)
	rol := mw.Profile().Rollen[0]
	w := app.Workshop{Name: "Workshop Utrecht", Date: "2026-11-22"}
	wv := mw.OpenWorkshop(w, rol.ID, false)
	defer wv.Window.Close()
	// Skip to the first kennis-en-vaardigheden line with Enter.
	for {
		it, _ := wv.Current()
		if it.Kind == app.KindKennisVaardigheid {
			break
		}
		press(wv.Note, fyne.KeyReturn)
	}
	keys := "123123123123123123120"
	for i := 0; i < 20; i++ {
		it, ok := wv.Current()
		if !ok || it.Kind != app.KindKennisVaardigheid {
			t.Fatalf("item %d is %v", i, it.Kind)
		}
		test.Type(wv.Note, string(keys[i])) // one key: the rating
		if i%5 == 0 {
			test.Type(wv.Note, "Herkend, maar branchegebonden") // the note
		}
		press(wv.Note, fyne.KeyReturn)
	}
	p, _ := lib.LoadProfile(context.Background(), cm.ID)
	counts := app.RatingCounts{}
	notes := 0
	for _, l := range p.Rollen[0].KennisEnVaardigheden {
		r := p.Rating(l.ID, w)
		if r == nil {
			t.Fatalf("line %q not rated", l.Text)
		}
		counts[r.Aansluiting]++
		if r.Toelichting != "" {
			notes++
		}
	}
	if counts[app.AansluitingGoed] != 7 || counts[app.AansluitingGedeeltelijk] != 7 || counts[app.AansluitingOnvoldoende] != 6 || notes != 4 {
		t.Fatalf("stored ratings %v, %d notes", counts, notes)
	}
	if strings.Contains(p.Rating(p.Rollen[0].KennisEnVaardigheden[0].ID, w).Toelichting, "1") {
		t.Error("the rating key ended up in the note")
	}
	// The rol's form marks each rated line.
	mw.Select(rol.ID)
	if n := strings.Count(formText(mw.form.box), "[goed]"); n != 7 {
		t.Errorf("the rol's form marks %d lines goed, want 7", n)
	}
	// Undo takes back the last note and rating.
	shortcut(mw, &fyne.ShortcutUndo{})
	// The summary.
	out := filepath.Join(t.TempDir(), "samenvatting.html")
	if err := mw.SaveReviewSummary(out); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(out)
	if !strings.Contains(string(data), "7× goed") {
		t.Error("summary lacks the counts")
	}
}

// Ratings of different workshops are kept apart and counted together; the
// tree shows the latest rating of a werkzaamheid as a mark.
func TestSeveralWorkshopsAndMarks(t *testing.T) {
	mw, _ := newTestWindow(t)
	cm := profileByTitle(t, "bcp Commercieel medewerker")
	mw.OpenProfile(cm.ID)
	wz := mw.Profile().Rollen[0].Werkzaamheden[0]
	for _, w := range []app.Workshop{{Name: "Utrecht", Date: "2026-11-01"}, {Name: "Zwolle", Date: "2026-11-15"}} {
		wv := mw.OpenWorkshop(w, mw.Profile().Rollen[0].ID, false)
		press(wv.Note, fyne.KeyReturn) // past the rol itself
		a := "1"
		if w.Name == "Zwolle" {
			a = "2"
		}
		test.Type(wv.Note, a)
		wv.Window.Close()
	}
	if got := mw.Profile().RatingsOf(wz.ID).String(); got != "1× goed, 1× gedeeltelijk" {
		t.Fatalf("ratings %q", got)
	}
	if mw.Profile().Latest(wz.ID) != app.AansluitingGedeeltelijk {
		t.Error("latest rating is not Zwolle's")
	}
	if mw.tree.Tree.Rating(wz.ID) != app.AansluitingGedeeltelijk {
		t.Error("tree mark does not show the latest rating")
	}
}

// A werkproces shows what a room needs to judge it; going back to an item
// with a note, the first key corrects the rating and leaves the note as it
// was.
func TestWorkshopShowsWholeItemsAndCorrectsARating(t *testing.T) {
	mw, _, p := open2010(t)
	w := app.Workshop{Name: "Workshop Zwolle", Date: "2026-11-22"}
	wv := mw.OpenWorkshop(w, "", false)
	defer wv.Window.Close()
	first := p.Kerntaken[0].Werkprocessen[0]
	body := formText(wv.details)
	if !strings.Contains(body, firstWords(first.Beschrijving, 5)) || !strings.Contains(body, "Resultaat") || !strings.Contains(body, "Competenties") {
		t.Fatalf("werkproces 1.1 shows too little to judge:\n%s", body)
	}
	test.Type(wv.Note, "2")
	test.Type(wv.Note, "Herkend, 3 gesprekken")
	press(wv.Note, fyne.KeyReturn)
	press(wv.Note, fyne.KeyPageUp) // back to 1.1
	test.Type(wv.Note, "1")        // correct the rating
	r := mw.Profile().Rating(first.ID, w)
	if r == nil || r.Aansluiting != app.AansluitingGoed || r.Toelichting != "Herkend, 3 gesprekken" {
		t.Fatalf("after correcting: %+v", r)
	}
}

func firstWords(s string, n int) string {
	ws := strings.Fields(s)
	return strings.Join(ws[:min(n, len(ws))], " ")
}
