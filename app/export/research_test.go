package export_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"bcpeditor/app"
	"bcpeditor/app/export"
)

// The expected texts below are the 2021 beroepenonderzoek's own words as
// they stand in the source (seeds/000: the title page, bijlage 1, § 5.1
// and hoofdstuk 6), and the labels this package writes around them.
const (
	researchAppendix = "Bijlage 2 Onderzoek: Beroepenonderzoek Commercieel medewerker & (Junior) accountmanager"
	researchLabel    = "Bevinding uit het onderzoek, niet de tekst van het bcp: ABD20-022 Beroepenonderzoek Commercieel medewerker & (Junior) accountmanager (SBB, Team ABD, 2021-03)"
	entryNotes       = "Opmerkingen bij de invoer (niet uit het rapport)"
)

// profileTitled finds a bundled profile.
func profileTitled(t *testing.T, ps []*app.Profile, title, version string) *app.Profile {
	t.Helper()
	for _, p := range ps {
		if p.Title == title && p.VersionLabel == version {
			return p
		}
	}
	t.Fatalf("no bundled profile %q %q", title, version)
	return nil
}

// wordPara is one paragraph of a Word body: its style and its text.
type wordPara struct{ style, text string }

var (
	paraRE  = regexp.MustCompile(`<w:p>(?:<w:pPr>(.*?)</w:pPr>)?(.*?)</w:p>`)
	styleRE = regexp.MustCompile(`<w:pStyle w:val="([^"]+)"/>`)
)

func wordParas(doc string) []wordPara {
	var out []wordPara
	for _, m := range paraRE.FindAllStringSubmatch(doc, -1) {
		style := ""
		if s := styleRE.FindStringSubmatch(m[1]); s != nil {
			style = s[1]
		}
		out = append(out, wordPara{style, strings.TrimSpace(plain(m[2]))})
	}
	return out
}

// after is the paragraphs after the first one with this style and text.
func after(t *testing.T, ps []wordPara, style, text string) []wordPara {
	t.Helper()
	for i, p := range ps {
		if p.style == style && p.text == text {
			return ps[i+1:]
		}
	}
	t.Fatalf("no %s paragraph %q", style, text)
	return nil
}

func joinParas(ps []wordPara) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.text + "\n")
	}
	return b.String()
}

// The 2020 (Junior) accountmanager rests on the 2021 research, so its
// Word and HTML exports end with an appendix "Onderzoek" after the
// ratings: the bron's particulars, the organisations interviewed per
// group with their sector, the legend, the findings about this profile
// (not those about the commercieel medewerker only), each under its place
// and rating, and the remarks made on entering the bron in italics under
// a heading of their own. The ratings appendix gives each rating's quote
// with its place.
func TestResearchAppendix(t *testing.T) {
	ps, cs := bundled(t)
	p := profileTitled(t, ps, "bcp (Junior) accountmanager", "november 2020")
	cat := app.CatalogueByID(cs, p.CatalogueID)
	body := wordParas(writeDOCX(t, p, cat)["word/document.xml"])
	if hs := headings(writeDOCX(t, p, cat)["word/document.xml"]); !contains(hs, "Bijlage 1 Beoordelingen") || !contains(hs, researchAppendix) {
		t.Fatalf("appendices: %q", hs)
	}
	var h bytes.Buffer
	if err := export.WriteHTML(&h, p, cat, fullOptions(t, p)); err != nil {
		t.Fatal(err)
	}
	htmlText := plain(h.String())
	texts := map[string]string{
		"Word": joinParas(after(t, body, "Heading1", researchAppendix)),
		"HTML": htmlText[strings.Index(htmlText, researchAppendix):],
	}
	for format, text := range texts {
		for _, want := range []string{
			"ABD20-022", "SBB, Team ABD", "Sectorkamer Handel", "Zoetermeer, maart 2021", "Priya Jankie en Dominique Olvers",
			"Het doel van dit onderzoek is inzicht verkrijgen",
			"Diepte-interviews beroepenonderzoek (13)", "De Efteling B.V.", "Cultuur, sport en recreatie",
			"Interviews trendonderzoek (5)", "Evofenedex",
			"Sluit gedeeltelijk aan op de gevraagde rollen en competenties uit andere werkvelden dan de (groot)handel",
			"oordeel: sluit goed aan",
			"De mbo-beroepen commercieel medewerker en de (junior) accountmanager hebben brede doorgroei-mogelijkheden.",
			"De belangrijkste aandachtspunten bij de (junior) accountmanager betreffen de rol 'commercieel beleidsondersteuner'.",
			entryNotes, "De paginanummers zijn die van de paragrafen volgens de inhoudsopgave",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the research appendix lacks %q", format, want)
			}
		}
		if strings.Contains(text, "betreffen de rol 'webshopmedewerker'") {
			t.Errorf("%s: a finding about the commercieel medewerker only is in the accountmanager's appendix", format)
		}
	}
	// The rated finding stands under its place and rating, in italics.
	findings := after(t, body, "Heading2", "Bevindingen over dit profiel")
	for i, para := range findings {
		if strings.HasPrefix(para.text, "De mbo-beroepen commercieel medewerker") {
			if prev := findings[i-1]; prev.style != "Aside" || !strings.Contains(prev.text, "oordeel: sluit goed aan") {
				t.Errorf("the rated finding follows %+v", prev)
			}
		}
	}
	// The remarks on entering the bron are all set apart in italics.
	notes := after(t, body, "Heading2", entryNotes)
	if len(notes) < 5 {
		t.Fatalf("%d paragraphs after the remarks' heading", len(notes))
	}
	for _, n := range notes {
		if n.style != "Aside" {
			t.Errorf("remark %q is not set apart (style %q)", app.Shorten(n.text, 40), n.style)
		}
	}
	if !strings.Contains(h.String(), `<p class="terzijde">De paginanummers zijn die van de paragrafen`) {
		t.Error("HTML: the remarks are not set apart")
	}
	// The ratings appendix: the quote with its place, and the marker.
	ratings := joinParas(after(t, body, "Heading1", "Bijlage 1 Beoordelingen"))
	ratings = ratings[:strings.Index(ratings, researchAppendix)]
	for _, want := range []string{
		"Onderbouwing:",
		"§ 5.1 Beschrijving rol relatiebeheerder (in het rapport genummerd 5.2.1) (blz. 19–21): “Deze beschrijving wordt door alle gesprekspartners herkend.”",
		"Door alle gesprekspartners herkend: gelezen als goed.",
		"(uit de tekst gelezen)",
	} {
		if !strings.Contains(ratings, want) {
			t.Errorf("the ratings appendix lacks %q", want)
		}
	}
}

// The 2010 BCP rests on no research: no appendix "Onderzoek" and no text
// marked as a finding, even when every bundled bron is at hand.
func TestNoResearchAppendixWithoutResearch(t *testing.T) {
	ps, cs := bundled(t)
	p := profileTitled(t, ps, "BCP Junior accountmanager", "2010")
	cat := app.CatalogueByID(cs, p.CatalogueID)
	opt := export.Options{Reviews: true, Bronnen: bundledBronnen(t)}
	var d, h bytes.Buffer
	if err := export.WriteDOCX(&d, p, cat, opt); err != nil {
		t.Fatal(err)
	}
	if err := export.WriteHTML(&h, p, cat, opt); err != nil {
		t.Fatal(err)
	}
	for format, text := range map[string]string{"Word": plain(docxParts(t, d.Bytes())["word/document.xml"]), "HTML": plain(h.String())} {
		for _, unwanted := range []string{"Onderzoek:", "Bevinding uit", "Onderbouwing"} {
			if strings.Contains(text, unwanted) {
				t.Errorf("%s: the 2010 export has %q", format, unwanted)
			}
		}
	}
}

// Texts the 2020 profile took from the research (the six trends, the
// "Opleidingsachtergrond en niveau" section, the names "genoemd in
// interviews", the aanvullende informatie) stand under the line naming
// the research, in the set-apart style; the bcp's own sections do not.
// Without the bron at hand the line still says the text is a research's.
func TestResearchTextsAreMarked(t *testing.T) {
	ps, cs := bundled(t)
	p := profileTitled(t, ps, "bcp (Junior) accountmanager", "november 2020")
	cat := app.CatalogueByID(cs, p.CatalogueID)
	body := wordParas(writeDOCX(t, p, cat)["word/document.xml"])
	marked := func(heading string) {
		t.Helper()
		rest := after(t, body, "Heading2", heading)
		if rest[0].style != "Herkomst" || rest[0].text != researchLabel {
			t.Errorf("%q is followed by %+v, not the research's label", heading, rest[0])
		}
		if rest[1].style != "Onderzoekstekst" {
			t.Errorf("the text of %q is not set apart: %+v", heading, rest[1])
		}
	}
	if len(p.Trends) != 6 {
		t.Fatalf("%d trends", len(p.Trends))
	}
	for i, tr := range p.Trends {
		marked("2." + string(rune('1'+i)) + " " + tr.Title)
	}
	marked("1.4 Opleidingsachtergrond en niveau")
	if own := after(t, body, "Heading2", "1.1 Werkveld"); own[0].style != "" {
		t.Errorf("the bcp's own Werkveld is marked: %+v", own[0])
	}
	names := after(t, body, "Heading2", "1.5 Functienamen")
	if names[0].style != "Aside" || names[0].text != "Genoemd in interviews — "+researchLabel {
		t.Errorf("the names from the interviews are not marked: %+v", names[0])
	}
	notes := after(t, body, "Heading3", "3.1.4 Aanvullende informatie vanuit de gesprekken")
	if notes[0].style != "Herkomst" {
		t.Errorf("the aanvullende informatie is not marked: %+v", notes[0])
	}

	var h bytes.Buffer
	if err := export.WriteHTML(&h, p, cat, fullOptions(t, p)); err != nil {
		t.Fatal(err)
	}
	for _, tr := range p.Trends {
		if !strings.Contains(h.String(), tr.Title+"</h3>\n<div class=\"onderzoek\"><p class=\"herkomst\">"+strings.ReplaceAll(researchLabel, "&", "&amp;")+"</p>") {
			t.Errorf("HTML: trend %q is not marked", tr.Title)
		}
	}

	var d bytes.Buffer
	if err := export.WriteDOCX(&d, p, cat, export.Options{Reviews: true}); err != nil {
		t.Fatal(err)
	}
	unknown := after(t, wordParas(docxParts(t, d.Bytes())["word/document.xml"]), "Heading2", "2.1 "+p.Trends[0].Title)
	if unknown[0].style != "Herkomst" || !strings.HasPrefix(unknown[0].text, "Bevinding uit een onderzoek dat niet in de bibliotheek staat") {
		t.Errorf("without the bron a trend reads %+v", unknown[0])
	}
}
