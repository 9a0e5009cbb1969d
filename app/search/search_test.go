package search_test

import (
	"strings"
	"testing"

	"bcpeditor/app"
	"bcpeditor/app/search"
	"bcpeditor/assets"
)

func bundledIndex(t testing.TB) (*search.Index, []*app.Profile, []*app.Catalogue) {
	t.Helper()
	bundles, err := assets.Bundles()
	if err != nil {
		t.Fatal(err)
	}
	var ps []*app.Profile
	var cs []*app.Catalogue
	for _, b := range bundles {
		ps = append(ps, b.Profiles...)
		cs = append(cs, b.Catalogues...)
	}
	return search.Build(cs, ps), ps, cs
}

func TestQueriesOnTheBundledProfiles(t *testing.T) {
	ix, _, _ := bundledIndex(t)
	cases := []struct {
		query string
		kind  app.Kind
		want  string // text of a result among the first three
	}{
		{"beinvl", search.KindCatalogus, "Overtuigen en beïnvloeden"},
		{"beinvl", search.KindCatalogus, "Beïnvloeden"},
		{"klntgericht", search.KindCatalogus, "Klantgericht handelen"},
		{"creeren", search.KindCatalogus, "Creëren en innoveren"},
		{"behandelt klachten", app.KindWerkproces, "Behandelt klachten"},
		{"klachten behandelt", app.KindWerkproces, "Behandelt klachten"},
		{"relatiebeheer", app.KindRol, "Relatiebeheerder"},
		{"accountplan", app.KindWerkproces, "Stelt een accountplan op"},
		{"plan org", search.KindCatalogus, "Plannen en organiseren"},
		{"webshop", app.KindRol, "Webshopmedewerker"},
	}
	for _, c := range cases {
		res := ix.Search(c.query, search.Options{Kinds: map[app.Kind]bool{c.kind: true}, Limit: 3})
		found := false
		for _, r := range res {
			found = found || r.Text == c.want
		}
		if !found {
			var got []string
			for _, r := range res {
				got = append(got, r.Text)
			}
			t.Errorf("%q (%s): want %q in the top 3, got %q", c.query, c.kind, c.want, got)
		}
	}
	// Without a kind filter "offerte" finds werkproces 3.4 among the first.
	res := ix.Search("offerte", search.Options{Limit: 5})
	found := false
	for _, r := range res {
		found = found || r.Kind == app.KindWerkproces && r.Code == "3.4"
	}
	if !found {
		t.Errorf("offerte: werkproces 3.4 not in the top 5")
	}
}

func TestHighlightsPointIntoTheOriginalText(t *testing.T) {
	ix, _, _ := bundledIndex(t)
	res := ix.Search("beinvloeden", search.Options{Kinds: map[app.Kind]bool{search.KindCatalogus: true}, Limit: 1})
	if len(res) == 0 || res[0].Text != "Beïnvloeden" {
		t.Fatalf("got %v", res)
	}
	runes := []rune(res[0].Snippet)
	var b strings.Builder
	for _, r := range res[0].Highlights {
		b.WriteString(string(runes[r.Start:r.End]))
	}
	if b.String() != "Beïnvloeden" {
		t.Errorf("highlighted %q", b.String())
	}
}

func TestTitlesBeforeScatteredLetters(t *testing.T) {
	ix, _, _ := bundledIndex(t)
	res := ix.Search("analyseren", search.Options{Limit: 5})
	if len(res) == 0 || res[0].Text != "Analyseren" {
		t.Fatalf("first result %v", res[0].Text)
	}
}

func TestFiltersAndUpdates(t *testing.T) {
	ix, ps, cs := bundledIndex(t)
	var cm *app.Profile
	for _, p := range ps {
		if p.Title == "bcp Commercieel medewerker" {
			cm = p
		}
	}
	for _, r := range ix.Search("klant", search.Options{ProfileID: cm.ID, Limit: 100}) {
		if r.ProfileID != cm.ID {
			t.Fatalf("result from another profile: %s", r.ProfileTitle)
		}
	}
	if len(ix.Search("zzqxw", search.Options{})) != 0 {
		t.Error("nonsense matched")
	}
	// Narrowing: a query that grows gives the same results as a fresh search.
	ix.Search("be", search.Options{})
	a := ix.Search("beinvl", search.Options{Limit: 20})
	fresh, _, _ := bundledIndex(t)
	b := fresh.Search("beinvl", search.Options{Limit: 20})
	if len(a) != len(b) {
		t.Fatalf("narrowed search gave %d results, fresh %d", len(a), len(b))
	}
	// After an edit the index shows the new text.
	cm.Rollen[0].Title = "Klantcontactspecialist"
	ix.SetProfile(cm, cs)
	res := ix.Search("klantcontactspec", search.Options{Limit: 1})
	if len(res) == 0 || res[0].Text != "Klantcontactspecialist" {
		t.Fatal("edit not in the index")
	}
	ix.RemoveProfile(cm.ID)
	for _, r := range ix.Search("klantcontactspec", search.Options{}) {
		if r.ProfileID == cm.ID {
			t.Fatal("removed profile still found")
		}
	}
}

// FuzzSearch: any query, no panic, highlights inside the snippet, in
// order, not overlapping.
func FuzzSearch(f *testing.F) {
	ix, _, _ := bundledIndex(f)
	for _, q := range []string{"beinvl", "plan org", "ë", "  ", "Ⅻ", "a\x00b", "klant klant klant", "3.", "B1-K1-W2", "koop- en", "op te", "-", "İ"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		for _, r := range ix.Search(q, search.Options{Limit: 10}) {
			end := 0
			for _, h := range r.Highlights {
				if h.Start < end || h.Start >= h.End || h.End > len([]rune(r.Snippet)) {
					t.Fatalf("highlight %v in %q (after %d)", h, r.Snippet, end)
				}
				end = h.End
			}
		}
	})
}
