package search_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"bcpeditor/app"
	"bcpeditor/app/search"
)

// kwalificatiedossier is a small profile in the style of a
// kwalificatiedossier, with codes like B1-K1-W2.
func kwalificatiedossier() (*app.Profile, []*app.Catalogue) {
	cat := &app.Catalogue{ID: "cat", Name: "Testmodel", Competenties: []*app.Competentie{
		{ID: "k1", Code: "A", Name: "Klantgericht handelen"}, {ID: "k2", Code: "B", Name: "Plannen en organiseren"}}}
	wp := func(code, title, body string, comps ...string) *app.Werkproces {
		w := &app.Werkproces{ID: "wp-" + code, Code: code, Title: title, Beschrijving: body,
			Kennis: []*app.Line{{ID: "kn-" + code, Text: "Kennis van " + strings.ToLower(title)}}}
		for _, c := range comps {
			w.Competenties = append(w.Competenties, &app.CompetentieRef{ID: "use-" + code + c, Competentie: c})
		}
		return w
	}
	p := &app.Profile{ID: "kd", Title: "Kwalificatiedossier Verkoop", CatalogueID: "cat",
		Kerntaken: []*app.Kerntaak{{ID: "kt", Code: "B1-K1", Title: "Verkoopt producten", Werkprocessen: []*app.Werkproces{
			wp("B1-K1-W1", "Bereidt de verkoop voor", "Hij zoekt uit welke klanten in aanmerking komen.", "k1", "k2"),
			wp("B1-K1-W2", "Voert verkoopgesprekken", "Hij luistert naar de klant en brengt een aanbod uit. "+
				strings.Repeat("Daarbij let hij op de tijd en op de afspraken die gemaakt zijn. ", 6)+
				"Tot slot onderhandelt hij over de prijs.", "k1"),
			wp("B1-K1-W3", "Handelt klachten af", "Hij neemt klachten aan en lost ze op.", "k1"),
		}}}}
	return p, []*app.Catalogue{cat}
}

func TestCodesFindTheirElement(t *testing.T) {
	p, cats := kwalificatiedossier()
	ix := search.Build(cats, []*app.Profile{p})
	for _, c := range []struct{ query, id string }{
		{"B1-K1-W2", "wp-B1-K1-W2"}, {"b1-k1-w3", "wp-B1-K1-W3"}, {"B1-K1", "kt"}, {"werkproces B1-K1-W1", "wp-B1-K1-W1"},
	} {
		res := ix.Search(c.query, search.Options{Limit: 3})
		if len(res) == 0 || res[0].ElementID != c.id {
			t.Errorf("%q: first %v, want %s", c.query, ids(res), c.id)
		}
	}
}

func ids(rs []search.Result) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ElementID)
	}
	return out
}

// A competentie is one result that names its uses; narrowed to a profile
// it is that profile's competentie, opening its first use.
func TestOneResultPerCompetentie(t *testing.T) {
	p, cats := kwalificatiedossier()
	ix := search.Build(cats, []*app.Profile{p})
	res := ix.Search("klantgericht", search.Options{})
	n := 0
	for _, r := range res {
		if r.Text == "Klantgericht handelen" {
			n++
			if r.Kind != search.KindCatalogus || r.ElementID != "k1" {
				t.Errorf("competentie result %+v", r.Item)
			}
			var codes []string
			for _, u := range r.Uses {
				codes = append(codes, u.Parent.Code)
			}
			if strings.Join(codes, " ") != "B1-K1-W1 B1-K1-W2 B1-K1-W3" {
				t.Errorf("uses %v", codes)
			}
		}
	}
	if n != 1 {
		t.Fatalf("%d results for Klantgericht handelen, want 1", n)
	}
	res = ix.Search("klantgericht", search.Options{ProfileID: p.ID, Kinds: map[app.Kind]bool{app.KindCompetentie: true}})
	if len(res) != 1 || res[0].Kind != app.KindCompetentie || res[0].ProfileID != p.ID ||
		res[0].ParentID != "wp-B1-K1-W1" || len(res[0].Uses) != 3 {
		t.Fatalf("narrowed to the profile: %+v", res)
	}
	if res := ix.Search("klantgericht", search.Options{ProfileID: "nergens"}); len(res) != 0 {
		t.Errorf("a profile not in the index gave %v", ids(res))
	}
}

// The snippet of a long text shows where the words matched, and the
// highlights are exactly the matched letters.
func TestSnippetAndHighlights(t *testing.T) {
	p, cats := kwalificatiedossier()
	ix := search.Build(cats, []*app.Profile{p})
	res := ix.Search("onderhandelen prijs", search.Options{Limit: 1})
	if len(res) == 0 || res[0].ElementID != "wp-B1-K1-W2" || res[0].Field != search.FieldBody {
		t.Fatalf("got %+v", res)
	}
	r := res[0]
	if len([]rune(r.Snippet)) > search.SnippetRunes+2 || !strings.HasPrefix(r.Snippet, "…") {
		t.Errorf("snippet %q", r.Snippet)
	}
	if got := bolded(r.Snippet, r.Highlights); got != "onderhandelt|prijs" {
		t.Errorf("bold %q in %q", got, r.Snippet)
	}
	// A prefix lights up only the typed letters, also past diacritics.
	res = ix.Search("verkoopgespr", search.Options{Limit: 1})
	if got := bolded(res[0].Snippet, res[0].Highlights); got != "verkoopgespr" {
		t.Errorf("prefix bold %q", got)
	}
	ix2, _, _ := bundledIndex(t)
	res = ix2.Search("beinvl", search.Options{Limit: 1})
	if got := bolded(res[0].Snippet, res[0].Highlights); got != "Beïnvl" {
		t.Errorf("bold %q in %q", got, res[0].Snippet)
	}
	// A separable verb lights up both its parts.
	res = ix2.Search("offerte uitbrengen", search.Options{Limit: 1})
	if got := bolded(res[0].Snippet, res[0].Highlights); got != "Brengt|offerte|uit" {
		t.Errorf("bold %q in %q", got, res[0].Snippet)
	}
}

func bolded(s string, hl []search.Range) string {
	rs := []rune(s)
	var parts []string
	last := -1
	for _, h := range hl {
		if h.Start < last || h.Start >= h.End || h.End > len(rs) {
			return fmt.Sprintf("bad range %v", h)
		}
		last = h.End
		parts = append(parts, string(rs[h.Start:h.End]))
	}
	return strings.Join(parts, "|")
}

// Words before scattered letters, all words before some, the nearest
// words first.
func TestRankingOrder(t *testing.T) {
	ix, _, _ := bundledIndex(t)
	first := func(q string) search.Result {
		t.Helper()
		res := ix.Search(q, search.Options{Limit: 10})
		if len(res) == 0 {
			t.Fatalf("%q: nothing", q)
		}
		return res[0]
	}
	if r := first("onderhandelen"); r.Code != "3.5" || r.Kind != app.KindWerkproces {
		t.Errorf("onderhandelen: first %s %q", r.Code, r.Text)
	}
	for _, r := range ix.Search("onderhandelen", search.Options{Limit: 10}) {
		if r.Text == "Ondernemend en commercieel handelen" {
			t.Error("scattered letters among the matches of onderhandelen")
		}
	}
	// One word that occurs nowhere: the others still find, ranked lower
	// than a full match would be.
	res := ix.Search("offerte uitbrengen vandaag", search.Options{Limit: 5})
	if len(res) == 0 || res[0].Code != "3.4" || res[0].WordsMatched != 2 || res[0].QueryWords != 3 {
		t.Errorf("partial: %+v", res)
	}
	// Elements with all the words before those with some.
	for _, q := range []string{"offerte uitbrengen vandaag", "klachten behandelen organisatie", "verkoop afsluiten"} {
		res := ix.Search(q, search.Options{Limit: 50})
		for i := 1; i < len(res); i++ {
			if res[i].WordsMatched > res[i-1].WordsMatched {
				t.Errorf("%q: %q (%d words) after %q (%d words)", q, res[i].Text, res[i].WordsMatched, res[i-1].Text, res[i-1].WordsMatched)
			}
		}
	}
	// A typo finds, but below the word itself.
	if r := first("comercieel"); !strings.Contains(strings.ToLower(r.Text), "commercieel") {
		t.Errorf("comercieel: first %q", r.Text)
	}
}

// An index kept up to date edit by edit finds what a fresh one finds,
// also after the dead documents were compacted away.
func TestIncrementalEqualsFresh(t *testing.T) {
	ix, ps, cs := bundledIndex(t)
	for i := 0; i < 12; i++ { // enough edits to compact
		for _, p := range ps {
			p.Title = fmt.Sprintf("%s.", p.Title)
			ix.SetProfile(p, cs)
		}
	}
	fresh := search.Build(cs, ps)
	if ix.Len() != fresh.Len() {
		t.Fatalf("len %d, fresh %d", ix.Len(), fresh.Len())
	}
	for _, q := range []string{"klant", "offerte uitbrengen", "3.4", "beinvl", "koopsignalen", "k"} {
		a, b := ix.Search(q, search.Options{Limit: 20}), fresh.Search(q, search.Options{Limit: 20})
		if fmt.Sprint(ids(a)) != fmt.Sprint(ids(b)) {
			t.Errorf("%q: incremental %v, fresh %v", q, ids(a), ids(b))
		}
	}
}

// Searches go on while profiles are reindexed (run with -race).
func TestConcurrentSearchAndEdit(t *testing.T) {
	ix, ps, cs := bundledIndex(t)
	var wg sync.WaitGroup
	for g := 0; g < 3; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 30; i++ {
				ix.Search([]string{"klant", "offerte uit", "3.", "plan org"}[i%4], search.Options{Limit: 10})
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 5; i++ {
			ix.SetProfile(ps[i%len(ps)], cs)
		}
		ix.RemoveProfile(ps[0].ID)
	}()
	wg.Wait()
}
