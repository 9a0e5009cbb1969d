package assets

import (
	"os"
	"strings"
	"testing"
	"unicode"

	"bcpeditor/app"
)

// The bundled profiles are transcriptions of the two source documents in
// testdata/bronnen (text converted from PDF). These tests hold them to
// the sources: counts, a sample of exact texts, and every text traceable
// to the source.

func loadAll(t *testing.T) (map[string]*app.Profile, map[string]*app.Catalogue) {
	t.Helper()
	bundles, err := Bundles()
	if err != nil {
		t.Fatal(err)
	}
	ps := map[string]*app.Profile{}
	cs := map[string]*app.Catalogue{}
	for _, b := range bundles {
		for _, p := range b.Profiles {
			ps[p.Title] = p
		}
		for _, c := range b.Catalogues {
			cs[c.ID] = c
		}
	}
	return ps, cs
}

func mustProfile(t *testing.T, ps map[string]*app.Profile, title string) *app.Profile {
	t.Helper()
	p := ps[title]
	if p == nil {
		t.Fatalf("bundled profile %q missing", title)
	}
	return p
}

func names(cat *app.Catalogue, refs []*app.CompetentieRef) []string {
	var out []string
	for _, r := range refs {
		for _, c := range cat.Competenties {
			if c.ID == r.Competentie {
				out = append(out, c.Name)
			}
		}
	}
	return out
}

func TestCatalogues(t *testing.T) {
	_, cs := loadAll(t)
	sizes := map[string]int{}
	for _, c := range cs {
		sizes[c.Name] = len(c.Competenties)
	}
	if sizes["Competentiemodel kwalificatiedossiers (25 competenties)"] != 25 {
		t.Errorf("25-competency model has %d entries", sizes["Competentiemodel kwalificatiedossiers (25 competenties)"])
	}
	if sizes["Competenties KC Handel 2020"] != 16 {
		t.Errorf("2020 set has %d entries", sizes["Competenties KC Handel 2020"])
	}
}

func TestBCP2010Counts(t *testing.T) {
	ps, cs := loadAll(t)
	p := mustProfile(t, ps, "BCP Junior accountmanager")
	if p.Owner != "ECABO" || p.Status != app.StatusVastgesteld || p.Structure != app.StructureKerntaken {
		t.Errorf("metadata: %s %s %s", p.Owner, p.Status, p.Structure)
	}
	var vastgesteld bool
	for _, e := range p.StatusHistory {
		vastgesteld = vastgesteld || (e.Status == app.StatusVastgesteld && e.Date == "2010-09-30")
	}
	if !vastgesteld {
		t.Error("no vaststelling on 2010-09-30 in the status history")
	}
	c := p.Counts()
	if c.Kerntaken != 3 || c.Werkprocessen != 15 {
		t.Fatalf("%d kerntaken, %d werkprocessen; want 3 and 15", c.Kerntaken, c.Werkprocessen)
	}
	perKerntaak := []int{4, 4, 7}
	used := map[string]bool{}
	cat := cs[p.CatalogueID]
	for i, k := range p.Kerntaken {
		if len(k.Werkprocessen) != perKerntaak[i] {
			t.Errorf("kerntaak %s has %d werkprocessen, want %d", k.Code, len(k.Werkprocessen), perKerntaak[i])
		}
		for _, w := range k.Werkprocessen {
			if w.Beschrijving == "" || len(w.Resultaat) == 0 || len(w.Kennis) == 0 || len(w.Vaardigheden) == 0 || len(w.Competenties) == 0 {
				t.Errorf("werkproces %s is incomplete", w.Code)
			}
			for _, n := range names(cat, w.Competenties) {
				used[n] = true
			}
		}
	}
	if len(used) != 22 {
		t.Errorf("the 2010 BCP uses %d distinct competenties, the source 22", len(used))
	}
	if len(p.Colofon) == 0 || len(p.Sections) == 0 {
		t.Error("colofon or algemene informatie missing")
	}
	if problems := app.Validate(p, cat); len(problems) > 0 {
		t.Errorf("bundled 2010 BCP does not validate: %v", problems)
	}
}

func TestBCP2010Samples(t *testing.T) {
	ps, cs := loadAll(t)
	p := mustProfile(t, ps, "BCP Junior accountmanager")
	wp := map[string]*app.Werkproces{}
	for _, k := range p.Kerntaken {
		for _, w := range k.Werkprocessen {
			wp[w.Code] = w
		}
	}
	titles := map[string]string{
		"1.1": "Verzamelt (markt)informatie",
		"1.3": "Stelt een accountplan op",
		"2.3": "Behandelt klachten",
		"3.4": "Brengt de offerte uit",
		"3.7": "Voert aftersales uit",
	}
	for code, want := range titles {
		if wp[code] == nil || wp[code].Title != want {
			t.Errorf("werkproces %s: want %q", code, want)
		}
	}
	if p.Kerntaken[1].Title != "Beheert accounts" {
		t.Errorf("kerntaak 2 = %q", p.Kerntaken[1].Title)
	}
	got := names(cs[p.CatalogueID], wp["1.1"].Competenties)
	want := []string{"Samenwerken en overleggen", "Analyseren", "Onderzoeken", "Bedrijfsmatig handelen"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("competenties of 1.1: %v, want %v", got, want)
	}
	// "Creéren" in the source is the catalogue's "Creëren en innoveren".
	if !contains(names(cs[p.CatalogueID], wp["1.2"].Competenties), "Creëren en innoveren") {
		t.Error("1.2 lacks Creëren en innoveren")
	}
	if wp["1.1"].Kennis[0].Text != "Sector en branche" {
		t.Errorf("first kennis line of 1.1: %q", wp["1.1"].Kennis[0].Text)
	}
}

func TestBCP2020Counts(t *testing.T) {
	ps, cs := loadAll(t)
	cm := mustProfile(t, ps, "bcp Commercieel medewerker")
	am := mustProfile(t, ps, "bcp (Junior) accountmanager")
	if len(cm.Rollen) != 4 || len(am.Rollen) != 3 {
		t.Fatalf("%d and %d rollen; want 4 and 3", len(cm.Rollen), len(am.Rollen))
	}
	r1 := cm.Rollen[0]
	if r1.Title != "Medewerker verkoop en klantencontact" || len(r1.KennisEnVaardigheden) != 20 || len(r1.Werkzaamheden) != 6 {
		t.Errorf("rol 1: %q with %d kennis-en-vaardigheden and %d werkzaamheden", r1.Title, len(r1.KennisEnVaardigheden), len(r1.Werkzaamheden))
	}
	if r1.KennisEnVaardigheden[0].Text != "Kennis van de samenhang tussen marketing, marktwerking en verkoop." {
		t.Errorf("rol 1 line 1: %q", r1.KennisEnVaardigheden[0].Text)
	}
	wantComp := "Beïnvloeden|Klantgericht handelen|Omgaan met procedures|Flexibel handelen|Doorzetten|Financieel handelen"
	if got := strings.Join(names(cs[cm.CatalogueID], r1.Competenties), "|"); got != wantComp {
		t.Errorf("rol 1 competenties: %s", got)
	}
	// Source typos map to the catalogue: "Kantgericht handelen",
	// "Omgaan met procedures inzetten".
	if n := names(cs[am.CatalogueID], am.Rollen[0].Competenties); len(n) == 0 || n[0] != "Klantgericht handelen" {
		t.Errorf("relatiebeheerder competenties: %v", n)
	}
	if n := names(cs[cm.CatalogueID], cm.Rollen[2].Competenties); len(n) < 3 || n[2] != "Omgaan met procedures" {
		t.Errorf("commercieel ondersteuner competenties: %v", n)
	}
	for _, p := range []*app.Profile{cm, am} {
		if len(p.Trends) != 6 {
			t.Errorf("%s has %d trends", p.Title, len(p.Trends))
		}
		lists := map[string]map[app.ListSource]int{}
		for _, l := range p.Lists {
			lists[l.Title] = map[app.ListSource]int{}
			for _, it := range l.Items {
				lists[l.Title][it.Source]++
			}
		}
		for _, title := range []string{"Functienamen", "Verwante beroepen"} {
			if lists[title][app.ListSourceBCP] == 0 || lists[title][app.ListSourceInterviews] == 0 {
				t.Errorf("%s: list %s lacks the bcp/interviews split", p.Title, title)
			}
		}
		var beoordeling, aanvullend int
		for _, r := range p.Reviews {
			if r.Source != "Beroepenonderzoek SBB 2021 (ABD20-022)" {
				t.Errorf("review source %q", r.Source)
			}
			if r.Kind == app.ReviewAanvullend {
				aanvullend++
			} else {
				beoordeling++
			}
		}
		if beoordeling == 0 || aanvullend == 0 {
			t.Errorf("%s: %d beoordelingen, %d aanvullende informatie", p.Title, beoordeling, aanvullend)
		}
		if problems := app.Validate(p, cs[p.CatalogueID]); len(problems) > 0 {
			t.Errorf("%s does not validate: %v", p.Title, problems)
		}
	}
}

// normalise keeps letters and digits only, lowercased and without
// diacritics, so that line breaks, hyphenation and bullets of the PDF
// conversion do not matter.
func normalise(s string) string {
	var b strings.Builder
	for _, r := range app.Fold(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// pieces covers text with the fewest in-order pieces that each occur in
// source (greedy longest match). A transcription that only repairs the
// conversion needs one piece, or a few where a page break or a column
// interrupted the text; a paraphrase or an invented word shows up as a
// short piece.
func pieces(text, source string) []string {
	var out []string
	for len(text) > 0 {
		lo, hi := 0, len(text) // longest prefix that occurs: binary search
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if strings.Contains(source, text[:mid]) {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		if lo == 0 {
			return append(out, text[:1]) // a letter that is nowhere in the source
		}
		out = append(out, text[:lo])
		text = text[lo:]
	}
	return out
}

func checkTraceable(t *testing.T, what, text, source string, maxPieces int) {
	t.Helper()
	n := normalise(text)
	if n == "" {
		return
	}
	ps := pieces(n, source)
	for _, p := range ps {
		if len(p) < 12 && len(p) < len(n) {
			t.Errorf("%s: %q is not in the source (text %q)", what, p, short(text))
			return
		}
	}
	if maxPieces > 0 && len(ps) > maxPieces {
		t.Errorf("%s: text %q is pieced together from %d places in the source", what, short(text), len(ps))
	}
}

func short(s string) string {
	if r := []rune(s); len(r) > 80 {
		return string(r[:80]) + "…"
	}
	return s
}

// conversionErrors are letters the PDF-to-text conversion got wrong in the
// 2010 source (not the authors' own slips, which the transcription keeps).
// The transcription repairs them; the check repairs the source the same
// way before comparing.
var conversionErrors = strings.NewReplacer(
	"potenti€le", "potentiële",
	"0.a.", "o.a.",
	"Bedrijffseconomische", "Bedrijfseconomische",
	"voortgangshewaking", "voortgangsbewaking",
	"hoodzakelijk", "noodzakelijk",
)

func source(t *testing.T, name string) string {
	data, err := os.ReadFile("testdata/bronnen/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return normalise(conversionErrors.Replace(string(data)))
}

func TestTextsAreTraceableToTheSource(t *testing.T) {
	ps, _ := loadAll(t)
	src2010 := source(t, "bcp-junior-accountmanager-2010.txt")
	src2021 := source(t, "sbb-beroepenonderzoek-2021.txt")
	for title, p := range ps {
		src := src2021
		if p.Structure == app.StructureKerntaken {
			src = src2010
		}
		for _, e := range p.Elements() {
			what := title + " " + e.Kind.Label() + " " + e.Code
			switch e.Kind {
			case app.KindKerntaak, app.KindWerkproces, app.KindRol:
				checkTraceable(t, what+" titel", e.Title, src, 3)
				checkTraceable(t, what+" tekst", e.Body, src, 0)
			case app.KindResultaat, app.KindKennis, app.KindVaardigheid, app.KindKennisVaardigheid, app.KindWerkzaamheid, app.KindLijstItem:
				checkTraceable(t, what, e.Body, src, 3)
			case app.KindSectie, app.KindTrend:
				checkTraceable(t, what, e.Body, src, 0)
			}
		}
		for _, r := range p.Reviews {
			checkTraceable(t, title+" beoordeling", r.Toelichting, src, 0)
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// The traceability check must catch what it is for: a paraphrase or an
// invented word.
func TestTraceabilityCatchesInventedText(t *testing.T) {
	src := source(t, "sbb-beroepenonderzoek-2021.txt")
	faithful := "Kennis van de samenhang tussen marketing, marktwerking en verkoop."
	if ps := pieces(normalise(faithful), src); len(ps) != 1 {
		t.Fatalf("a faithful line needs %d pieces", len(ps))
	}
	for _, bad := range []string{
		"Kennis van de samenhang tussen marketing, marktwerking en inkoop.",
		"Kennis van de samenhang tussen marketing en verkoop.",
		"Kan klachten afhandelen en omgaan met boze klanten.",
	} {
		ps := pieces(normalise(bad), src)
		short := false
		for _, p := range ps {
			short = short || len(p) < 12
		}
		if !short {
			t.Errorf("%q passed as traceable (%d pieces)", bad, len(ps))
		}
	}
}
