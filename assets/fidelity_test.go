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
	// The 2020 set is what the 2021 report's tables name, not a verified
	// complete KC Handel list; its name says so.
	if sizes[catalogue2020] != 16 {
		t.Errorf("2020 set has %d entries", sizes[catalogue2020])
	}
}

const catalogue2020 = "Competenties bcp's KC Handel 2020 (16 namen uit SBB-rapport ABD20-022)"

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
	"Meuvr.", "Mevr.",
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
				body := e.Body
				if tb, ok := tables[e.Title]; ok && p.Structure == app.StructureKerntaken {
					var rows []string
					rows, body = splitTableRows(body)
					checkTableRows(t, what+" "+quote(e.Title), rows, tb.region(t, src))
				}
				checkTraceable(t, what, body, src, 0)
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
	// A rebuilt table row with a word that is not in its table fails.
	src2010 := source(t, "bcp-junior-accountmanager-2010.txt")
	region := tables["Welke specifieke (formele en informele) loopbaanmogelijkheden heeft de beroepsbeoefenaar?"].region(t, src2010)
	for _, bad := range []string{
		"- aantal contactpersonen binnen een organisatie: meerdere (inkopers)",
		"- Samenwerking met collega’s (accountteam): werkt op afstand",
		"- Marketingmanager (hbo)",
	} {
		if untraceableInTable(bad, region) == "" {
			t.Errorf("table row %q passed", bad)
		}
	}
}

// sourceTable is a table or diagram of the 2010 source that the
// transcription rebuilt as lines "- …" in a section: a row per line, its
// cells joined ("label: value", "naam, werkzaam bij …, namens …"). The PDF
// conversion interleaves a table's columns, so a row's cells stand apart
// in the text and a row cannot be one stretch of it. Such a line is
// checked within its table only (from … to in the source): every run of
// its words must occur there. This cannot see a cell put in the wrong
// row; it does see a word that is not in the table.
type sourceTable struct{ from, to string }

// tables are the rebuilt tables by section title: the schema of the
// bcp's function, the members of the Sectorraad (also in the colofon), and
// the beroepskolom with the comparison junior accountmanager ↔
// vertegenwoordiger.
var tables = map[string]sourceTable{
	"Wat is de functie van een beroepscompetentieprofiel?": {"In het schema is deze laatste functie", "Conform deze ketengedachte"},
	"Sectorraad Commercieel":                               {"De beroepseisen zijn vastgesteld door", "1 Algemene informatie over het beroep"},
	"Welke specifieke (formele en informele) loopbaanmogelijkheden heeft de beroepsbeoefenaar?": {"De beroepskolom binnen", "1.4 Trends en innovaties"},
}

// region is the table's part of the normalised source.
func (tb sourceTable) region(t *testing.T, src string) string {
	t.Helper()
	from, to := normalise(tb.from), normalise(tb.to)
	i := strings.Index(src, from)
	if i < 0 {
		t.Fatalf("table start %q not in the source", tb.from)
	}
	j := strings.Index(src[i:], to)
	if j < 0 {
		t.Fatalf("table end %q not after its start", tb.to)
	}
	return src[i : i+j]
}

// splitTableRows takes the "- " lines out of a text: the rows of a rebuilt
// table, and the text without them.
func splitTableRows(text string) (rows []string, rest string) {
	var kept []string
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "- ") {
			rows = append(rows, line)
		} else {
			kept = append(kept, line)
		}
	}
	return rows, strings.Join(kept, "\n")
}

// checkTableRows checks rows of a rebuilt table within its region: every
// greedy piece must occur there and be at least three letters long (a
// shorter one is a letter or two matched by chance), unless the row is
// that short.
func checkTableRows(t *testing.T, what string, rows []string, region string) {
	t.Helper()
	if len(rows) == 0 {
		t.Errorf("%s: no table rows", what)
	}
	for _, row := range rows {
		if p := untraceableInTable(row, region); p != "" {
			t.Errorf("%s: %q of table row %q is not in the table", what, p, row)
		}
	}
}

// untraceableInTable is the first piece of row that is not in the table,
// or "".
func untraceableInTable(row, region string) string {
	n := normalise(row)
	for _, p := range pieces(n, region) {
		if !strings.Contains(region, p) || (len(p) < 3 && len(p) < len(n)) {
			return p
		}
	}
	return ""
}

func quote(s string) string { return "“" + short(s) + "”" }

// The 2010 tables and diagrams as the source has them: no label and value
// scrambled or shortened to pass the traceability check, no reading of
// the diagram added, and the sentences that announce a schema or a list
// followed by it.
func TestBCP2010TablesAsTheSourceHasThem(t *testing.T) {
	ps, _ := loadAll(t)
	p := mustProfile(t, ps, "BCP Junior accountmanager")
	text := map[string]string{}
	var walk func([]*app.Section)
	walk = func(ss []*app.Section) {
		for _, s := range ss {
			text[s.Title] = s.Text
			walk(s.Sections)
		}
	}
	walk(p.Sections)
	loopbaan := text["Welke specifieke (formele en informele) loopbaanmogelijkheden heeft de beroepsbeoefenaar?"]
	for _, want := range []string{
		"- aantal contactpersonen binnen een organisatie: meerdere (DMU)\n",
		"- aantal contactpersonen binnen een organisatie: enkele (vaak alleen de inkoper)\n",
		"- Samenwerking met collega’s (accountteam): werkt in teamverband\n",
		"- Samenwerking met collega’s (accountteam): werkt individueel",
		"- Verkoopleider (hbo)\n- mbo (niveau 4)\n- Vertegenwoordiger/ Commercieel medewerker buitendienst (mbo (niveau 3))",
	} {
		if !strings.Contains(loopbaan, want) {
			t.Errorf("loopbaanperspectief lacks %q", want)
		}
	}
	if strings.Contains(loopbaan, "Junior accountmanager (mbo") {
		t.Error("the diagram's level is read as the junior accountmanager's")
	}
	schema := text["Wat is de functie van een beroepscompetentieprofiel?"]
	if !strings.Contains(schema, "weergegeven:\n\n- Bedrijfsleven: Beroepscompetentieprofielen\n") {
		t.Error("the schema of the bcp's function is not after the sentence that announces it")
	}
	sectorraad := text["Sectorraad Commercieel"]
	if !strings.Contains(sectorraad, "vastgesteld door:\n\nNamens de werkgevers / beroepsorganisaties:") || strings.Count(sectorraad, "\n- ") != 19 {
		t.Errorf("the sectorraad's members (11 + 1 + 7) do not follow 'vastgesteld door:' (%d rows)", strings.Count(sectorraad, "\n- "))
	}
}
