package assets

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"bcpeditor/app"
)

// The research layer of the 2020 profiles: the 2021 beroepenonderzoek as a
// bron, the verdicts read from its words, and which texts are the
// research's. Expected answers are from reading the report
// (testdata/bronnen/sbb-beroepenonderzoek-2021.txt).

func loadBronnen(t *testing.T) []*app.Bron {
	t.Helper()
	bundles, err := Bundles()
	if err != nil {
		t.Fatal(err)
	}
	var out []*app.Bron
	for _, b := range bundles {
		out = append(out, b.Bronnen...)
	}
	return out
}

func research2021(t *testing.T) *app.Bron {
	t.Helper()
	bs := loadBronnen(t)
	if len(bs) != 1 {
		t.Fatalf("%d bundled bronnen, want 1", len(bs))
	}
	return bs[0]
}

// numberedRow is a row "| 3. Rabobank |" of a table in bijlage 1.
var numberedRow = regexp.MustCompile(`^\| \d+\. (.+?) +\|`)

func TestResearchBron(t *testing.T) {
	b := research2021(t)
	if b.Kenmerk != "ABD20-022" || b.Organisatie != "SBB, Team ABD" || b.Datum != "2021-03" || len(b.Auteurs) != 2 {
		t.Errorf("bron metadata: %+v", b)
	}
	groups := map[string]int{}
	listed := map[string]bool{}
	for _, r := range b.Respondenten {
		groups[r.Groep]++
		listed[r.Organisatie] = true
	}
	// Every organisation of bijlage 1 is there: 13 for the interviews and
	// 5 experts for the trend research (the text speaks of fifteen and six
	// interviews).
	raw, err := os.ReadFile("testdata/bronnen/sbb-beroepenonderzoek-2021.txt")
	if err != nil {
		t.Fatal(err)
	}
	appendix := string(raw)[strings.LastIndex(string(raw), "Bijlage 1 Overzicht gesprekpartners"):]
	for _, line := range strings.Split(appendix, "\n") {
		m := numberedRow.FindStringSubmatch(line)
		if m != nil && !listed[m[1]] {
			t.Errorf("bijlage 1 names %q, the bron does not", m[1])
		}
	}
	if groups["Diepte-interviews beroepenonderzoek"] != 13 || groups["Interviews trendonderzoek"] != 5 {
		t.Errorf("respondenten per groep: %v", groups)
	}
	var legend []string
	for _, l := range b.Legenda {
		legend = append(legend, string(l.Aansluiting))
	}
	if strings.Join(legend, " ") != "goed gedeeltelijk onvoldoende" {
		t.Errorf("legenda: %v", legend)
	}
	if len(b.Bevindingen) != 20 {
		t.Errorf("%d bevindingen, want 20", len(b.Bevindingen))
	}
	for _, want := range []string{"21 kwalitatieve interviews", "Vijftien diepte-interview", "zes interviews"} {
		if !strings.Contains(b.Methode, want) {
			t.Errorf("methode lacks %q", want)
		}
	}
}

// The samenvattende conclusies the issue names are there, each attached
// to what it concerns.
func TestResearchConclusions(t *testing.T) {
	ps, _ := loadAll(t)
	cm := mustProfile(t, ps, "bcp Commercieel medewerker")
	am := mustProfile(t, ps, "bcp (Junior) accountmanager")
	b := research2021(t)
	find := func(words string) *app.Bevinding {
		t.Helper()
		for _, f := range b.Bevindingen {
			if strings.Contains(f.Tekst, words) {
				return f
			}
		}
		t.Fatalf("no finding with %q", words)
		return nil
	}
	concerns := func(f *app.Bevinding, ids ...string) bool {
		got := strings.Join(f.Betreft, " ")
		for _, id := range ids {
			if !strings.Contains(got, id) {
				return false
			}
		}
		return true
	}
	if f := find("Er zijn geen aanvullende rollen benoemd."); !concerns(f, cm.ID, am.ID) {
		t.Error("'geen aanvullende rollen' does not concern both profiles")
	}
	if f := find("rol 'webshopmedewerker'"); f.Aansluiting != app.AansluitingGedeeltelijk || !concerns(f, cm.Rollen[3].ID) {
		t.Errorf("webshop conclusion: %s %v", f.Aansluiting, f.Betreft)
	}
	if f := find("rol 'commercieel beleidsondersteuner'"); f.Aansluiting != app.AansluitingGedeeltelijk || !concerns(f, am.Rollen[2].ID) {
		t.Errorf("beleidsondersteuner conclusion: %s %v", f.Aansluiting, f.Betreft)
	}
	if f := find("vaker een mbo-plus-niveau of hbo-werk- en denkniveau wordt gevraagd"); !concerns(f, cm.ID, cm.Sections[3].ID) {
		t.Error("the shift towards mbo-plus/hbo does not concern the commercieel medewerker")
	}
	if f := find("specifieke productkennis vaker een must"); !concerns(f, cm.ID, am.ID) {
		t.Error("product knowledge outside the groothandel does not concern both profiles")
	}
	// What a finding concerns is in the bundled profiles.
	known := map[string]bool{cm.ID: true, am.ID: true}
	for _, p := range []*app.Profile{cm, am} {
		for _, e := range p.Elements() {
			known[e.ID] = true
		}
	}
	for _, f := range b.Bevindingen {
		if len(f.Betreft) == 0 {
			t.Errorf("finding %q concerns nothing", short(f.Tekst))
		}
		for _, id := range f.Betreft {
			if !known[id] {
				t.Errorf("finding %q concerns %s, which is in no bundled profile", short(f.Tekst), id)
			}
		}
	}
}

// Everything the bron says in the report's name is in the report.
func TestResearchTextsAreTraceable(t *testing.T) {
	src := source(t, "sbb-beroepenonderzoek-2021.txt")
	b := research2021(t)
	checkTraceable(t, "titel", b.Titel, src, 1)
	checkTraceable(t, "doel", b.Doel, src, 1)
	checkTraceable(t, "methode", b.Methode, src, 0)
	for _, r := range b.Respondenten {
		checkTraceable(t, "respondent", r.Organisatie+" "+r.Sector, src, 2)
	}
	for _, l := range b.Legenda {
		checkTraceable(t, "legenda", l.Tekst, src, 1)
	}
	for _, f := range b.Bevindingen {
		// One stretch of the report; two where a list of the report stands
		// between its paragraphs.
		checkTraceable(t, "bevinding "+f.Onderwerp, f.Tekst, src, 2)
		checkTraceable(t, "onderwerp", f.Onderwerp, src, 1)
	}
}

// Every rating read from the report rests on a quote that is in the report
// and in the note; every note from the report without a rating says why.
func TestResearchVerdictsQuoteTheReport(t *testing.T) {
	ps, _ := loadAll(t)
	src := source(t, "sbb-beroepenonderzoek-2021.txt")
	b := research2021(t)
	for _, title := range []string{"bcp Commercieel medewerker", "bcp (Junior) accountmanager"} {
		p := mustProfile(t, ps, title)
		for _, r := range p.Reviews {
			what := title + " " + short(r.Toelichting)
			if r.BronID != b.ID || r.Vindplaats == "" {
				t.Errorf("%s: bron %q, vindplaats %q", what, r.BronID, r.Vindplaats)
			}
			switch {
			case r.Kind == app.ReviewAanvullend:
				if r.UitTekst || r.Aansluiting != app.AansluitingNietBeoordeeld {
					t.Errorf("%s: aanvullende informatie carries a rating", what)
				}
			case r.UitTekst:
				q := normalise(r.Citaat)
				if len(q) < 20 || !strings.Contains(src, q) {
					t.Errorf("%s: quote %q is not in the report", what, r.Citaat)
				}
				if !strings.Contains(normalise(r.Toelichting), q) {
					t.Errorf("%s: quote %q is not the note's own words", what, r.Citaat)
				}
				if r.Aansluiting == app.AansluitingNietBeoordeeld || r.Lezing == "" {
					t.Errorf("%s: read from the text without a rating or a reading", what)
				}
			default:
				if r.Aansluiting != app.AansluitingNietBeoordeeld || r.Lezing == "" || r.Citaat != "" {
					t.Errorf("%s: a note without a reading from the text must be niet beoordeeld with its reason", what)
				}
			}
		}
	}
}

// The counts, as read from the report: per profile the ratings, the rol
// descriptions each rated once, and the notes moved to the item they name.
func TestResearchCounts(t *testing.T) {
	ps, _ := loadAll(t)
	want := map[string]map[string]int{
		"bcp Commercieel medewerker":  {"goed": 4, "gedeeltelijk": 11, "onvoldoende": 1, "niet-beoordeeld": 5, "aanvullend": 4},
		"bcp (Junior) accountmanager": {"goed": 4, "gedeeltelijk": 2, "onvoldoende": 0, "niet-beoordeeld": 6, "aanvullend": 2},
	}
	for title, w := range want {
		p := mustProfile(t, ps, title)
		got := map[string]int{}
		for _, r := range p.Reviews {
			if r.Kind == app.ReviewAanvullend {
				got["aanvullend"]++
			} else {
				got[string(r.Aansluiting)]++
			}
		}
		for k, n := range w {
			if got[k] != n {
				t.Errorf("%s: %d %s, want %d", title, got[k], k, n)
			}
		}
		for _, r := range p.Rollen {
			rated := 0
			for _, rv := range p.ReviewsOf(r.ID) {
				if rv.UitTekst {
					rated++
				}
			}
			if rated != 1 {
				t.Errorf("%s rol %s: %d ratings of its description read from the report, want 1", title, r.Title, rated)
			}
		}
		for _, sec := range []string{"Werkomgeving", "Loopbaanperspectief"} {
			s := sectionByTitle(p, sec)
			if s == nil || p.Latest(s.ID) != app.AansluitingGoed {
				t.Errorf("%s: %s lacks its confirmation by the interviews", title, sec)
			}
		}
	}
}

func TestResearchNotesSitOnTheItemTheyName(t *testing.T) {
	ps, _ := loadAll(t)
	cm := mustProfile(t, ps, "bcp Commercieel medewerker")
	am := mustProfile(t, ps, "bcp (Junior) accountmanager")
	notes := func(p *app.Profile, id string) string {
		var out []string
		for _, r := range p.ReviewsOf(id) {
			out = append(out, r.Toelichting)
		}
		return strings.Join(out, " | ")
	}
	cases := []struct {
		p     *app.Profile
		id    string
		words string
	}{
		{cm, cm.Rollen[0].KennisEnVaardigheden[1].ID, "'koopgedrag bevorderende factoren'"},
		{cm, cm.Rollen[3].Werkzaamheden[0].ID, "Deze werkzaamheden behoren niet volgens alle gesprekspartners tot de taken"},
		{cm, cm.Rollen[3].Werkzaamheden[1].ID, "niet expliciet benoemd als een standaardtaak"},
		{cm, cm.Rollen[3].Werkzaamheden[2].ID, "per organisatie verschilt in hoeverre"},
		{am, am.Rollen[0].Werkzaamheden[0].ID, "naast het klantdossier en bedrijfsgegevens"},
	}
	for _, c := range cases {
		if got := notes(c.p, c.id); !strings.Contains(got, c.words) {
			t.Errorf("%s: the note with %q is not on its item (has %q)", c.p.Title, c.words, short(got))
		}
	}
	// The webshop rol keeps only its own description's note.
	if n := len(cm.ReviewsOf(cm.Rollen[3].ID)); n != 2 {
		t.Errorf("webshop rol has %d notes, want its description's and the aanvullende informatie", n)
	}
}

func TestResearchProvenance(t *testing.T) {
	ps, _ := loadAll(t)
	b := research2021(t)
	for _, title := range []string{"bcp Commercieel medewerker", "bcp (Junior) accountmanager"} {
		p := mustProfile(t, ps, title)
		for _, tr := range p.Trends {
			if tr.BronID != b.ID {
				t.Errorf("%s: trend %s is not marked as the research's", title, tr.Title)
			}
		}
		for _, s := range p.Sections {
			research := s.Title == "Opleidingsachtergrond en niveau"
			if (s.BronID == b.ID) != research {
				t.Errorf("%s: section %s marked %q", title, s.Title, s.BronID)
			}
		}
		for _, l := range p.Lists {
			for _, it := range l.Items {
				if (it.BronID == b.ID) != (it.Source == app.ListSourceInterviews) {
					t.Errorf("%s: list item %q (%s) marked %q", title, it.Text, it.Source, it.BronID)
				}
			}
		}
		for _, c := range p.Colofon {
			if strings.Contains(c.Organisation, "SBB") {
				t.Errorf("%s: the research's authors are in the bcp's colofon", title)
			}
		}
	}
	p := mustProfile(t, ps, "BCP Junior accountmanager")
	if len(p.BronIDs()) != 0 {
		t.Error("the 2010 BCP refers to a research")
	}
}

// The helpers the window and the exports use give, for the (junior)
// accountmanager, the research with its verdicts and conclusions.
func TestResearchOverviewOfAProfile(t *testing.T) {
	ps, _ := loadAll(t)
	am := mustProfile(t, ps, "bcp (Junior) accountmanager")
	bs := loadBronnen(t)
	ov := am.Findings(bs)
	if len(ov) != 1 {
		t.Fatalf("%d bronnen in the overview", len(ov))
	}
	o := ov[0]
	if o.Telling.String() != "4× goed, 2× gedeeltelijk, 6× niet beoordeeld" {
		t.Errorf("telling %q", o.Telling)
	}
	if len(o.Oordelen) != 14 || len(o.Herkomst) != 6+1+12+2 { // trends, opleidingsachtergrond, names from the interviews
		t.Errorf("%d oordelen, %d texts from the research", len(o.Oordelen), len(o.Herkomst))
	}
	var beleid bool
	for _, f := range o.Bevindingen {
		if strings.Contains(f.Tekst, "commercieel beleidsondersteuner") && len(f.Onderdelen) == 1 && f.Onderdelen[0].ID == am.Rollen[2].ID {
			beleid = true
		}
		if strings.Contains(f.Tekst, "rol 'webshopmedewerker'") {
			t.Error("the webshop conclusion is shown with the accountmanager")
		}
	}
	if !beleid {
		t.Error("the beleidsondersteuner conclusion is not placed on rol 3")
	}
	if got := am.BevindingenOver(am.Rollen[2].ID, bs); len(got) != 1 {
		t.Errorf("%d findings about rol 3", len(got))
	}
	if l := app.HerkomstLabel(elementByID(am, am.Trends[0].ID), bs); !strings.Contains(l, "ABD20-022") {
		t.Errorf("provenance label %q", l)
	}
	if l := app.HerkomstLabel(elementByID(am, am.Sections[0].ID), bs); l != "" {
		t.Errorf("the bcp's own werkveld text is labelled %q", l)
	}
}

func sectionByTitle(p *app.Profile, title string) *app.Section {
	for _, s := range p.Sections {
		if s.Title == title {
			return s
		}
	}
	return nil
}

func elementByID(p *app.Profile, id string) app.Element {
	e, _ := p.Element(id)
	return e
}
