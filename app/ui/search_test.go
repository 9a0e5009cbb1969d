package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
	"bcpeditor/app/search"
)

func searchWindow(t *testing.T) *MainWindow {
	mw, _ := newTestWindow(t)
	return mw
}

// Ctrl+K, type "beinvl": each competentie is one row that names where it
// is used, and Enter opens it in the competenties view. With "Alleen dit
// profiel" the competentie is that profile's, and Enter opens its rol.
func TestSearchTypeArrowEnter(t *testing.T) {
	mw := searchWindow(t)
	shortcut(mw, ctrl(fyne.KeyK))
	sp := mw.search
	if sp == nil || !sp.popup.Visible() {
		t.Fatal("Ctrl+K did not open the search")
	}
	if mw.Window.Canvas().Focused() != sp.entry {
		t.Fatal("the cursor is not in the search field")
	}
	test.Type(sp.entry, "beinvl")
	mw.bg.wait()
	var texts []string
	rows := map[string]int{}
	for _, r := range sp.results {
		texts = append(texts, r.Text)
		rows[r.Text]++
	}
	if rows["Overtuigen en beïnvloeden"] != 1 || rows["Beïnvloeden"] != 1 {
		t.Fatalf("want each competentie once, got %v", texts)
	}
	if u := usesText(sp.results[0]); !strings.HasPrefix(u, "in ") {
		t.Errorf("the competentie's row does not say where it is used: %q", u)
	}
	want := sp.results[0]
	press(sp.entry, fyne.KeyReturn)
	if sp.popup.Visible() {
		t.Error("search stayed open after Enter")
	}
	if mw.competenties == nil {
		t.Fatal("Enter on a competentie did not open the competenties view")
	}
	mw.competenties.dialog.Hide()
	// Only this profile: the use, which opens its rol.
	cm := profileByTitle(t, "bcp Commercieel medewerker")
	mw.OpenProfile(cm.ID)
	mw.ShowSearch()
	sp.onlyProfile.SetChecked(true)
	sp.entry.SetText("beinvloeden")
	mw.bg.wait()
	if len(sp.results) == 0 || sp.results[0].Kind != app.KindCompetentie || sp.results[0].Parent == nil {
		t.Fatalf("in one profile: %+v", sp.results)
	}
	want = sp.results[0]
	press(sp.entry, fyne.KeyReturn)
	if mw.form.nodeID != want.Parent.ID {
		t.Fatalf("Enter did not open the rol of the use (form %s, want %s)", mw.form.nodeID, want.Parent.ID)
	}
}

func TestSearchFiltersAndEscape(t *testing.T) {
	mw := searchWindow(t)
	p := profileByTitle(t, "BCP Junior accountmanager")
	mw.OpenProfile(p.ID)
	mw.ShowSearch()
	sp := mw.search
	sp.onlyProfile.SetChecked(true)
	sp.kind.SetSelectedIndex(3) // Werkproces
	test.Type(sp.entry, "klachten")
	mw.bg.wait()
	if len(sp.results) == 0 {
		t.Fatal("no results")
	}
	for _, r := range sp.results {
		if r.ProfileID != p.ID || r.Kind != app.KindWerkproces {
			t.Fatalf("filter let through %s %s", r.Kind, r.ProfileTitle)
		}
	}
	if sp.results[0].Text != "Behandelt klachten" {
		t.Errorf("first result %q", sp.results[0].Text)
	}
	press(sp.entry, fyne.KeyEscape)
	if sp.popup.Visible() {
		t.Error("Esc did not close the search")
	}
}

// After an edit the index has the new text at once.
func TestSearchSeesEdits(t *testing.T) {
	mw, _, p := open2010(t)
	k := p.Kerntaken[0]
	mustEdit(t, mw, func(ed *app.Editor) error { return ed.SetField(k.ID, app.FieldTitle, "Zoekbare nieuwe kerntaaktitel") })
	res := mw.ws.Search("zoekbare kerntaaktitel", search.Options{Limit: 1})
	if len(res) == 0 || res[0].ElementID != k.ID {
		t.Fatal("edited title not found")
	}
}

func TestCompetentiesViewShowsUsesAndJumps(t *testing.T) {
	mw := searchWindow(t)
	var analyseren string
	for _, c := range mw.ws.Catalogues()[0].Competenties {
		if c.Name == "Analyseren" {
			analyseren = c.ID
		}
	}
	all, err := mw.ws.CompetentieUses()
	if err != nil {
		t.Fatal(err)
	}
	uses := all[analyseren]
	if len(uses) < 5 {
		t.Fatalf("Analyseren (25-model) used %d times", len(uses))
	}
	mw.ShowCompetenties(analyseren)
	cv := mw.competenties
	test.Type(cv.filter, "analy")
	cv.uses.Select(0)
	if mw.Profile() == nil || mw.Profile().ID != uses[0].ProfileID {
		t.Fatal("choosing a use did not open its profile")
	}
	if mw.form.nodeID != uses[0].OwnerID {
		t.Error("choosing a use did not select its werkproces")
	}
}

func TestHighlightBoldsMatchedRunes(t *testing.T) {
	segs := Highlight("Overtuigen en beïnvloeden", []search.Range{{Start: 14, End: 17}})
	var plain, bold string
	for _, s := range segs {
		ts := s.(*widget.TextSegment)
		if ts.Style.TextStyle.Bold {
			bold += ts.Text
		} else {
			plain += ts.Text
		}
	}
	if bold != "beï" || plain != "Overtuigen en nvloeden" {
		t.Fatalf("bold %q, plain %q", bold, plain)
	}
}

// A search that found a line far down a form shows that line, not the top.
func TestSearchHitOnALineScrollsToIt(t *testing.T) {
	mw := searchWindow(t)
	p := profileByTitle(t, "BCP Junior accountmanager")
	mw.OpenProfile(p.ID)
	mw.Window.Resize(fyne.NewSize(1200, 600))
	w := p.Kerntaken[0].Werkprocessen[2]
	last := w.Vaardigheden[len(w.Vaardigheden)-1]
	mw.ShowSearch()
	mw.search.onlyProfile.SetChecked(true)
	mw.search.entry.SetText(last.Text)
	mw.bg.wait()
	for i, r := range mw.search.results {
		if r.ElementID == last.ID {
			mw.search.jump(i)
			break
		}
	}
	if mw.form.nodeID != w.ID {
		t.Fatalf("the search did not open werkproces 1.3 (form %s)", mw.form.nodeID)
	}
	if mw.form.Scroll.Offset.Y == 0 || mw.Window.Canvas().Focused() != mw.form.fields[lineKey(last.ID)] {
		t.Errorf("the line found is not in view (offset %v) or has no cursor", mw.form.Scroll.Offset.Y)
	}
}
