package export

import (
	"fmt"
	"strings"

	"bcpeditor/app"
)

// The appendix "Onderzoek": one per research source (bron) the profile's
// notes and texts rest on. What the report says is given in its own words
// (aim, method, the organisations interviewed, the legend of its ratings,
// its findings about this profile); what the document says about it is in
// italics (how the bron is cited, where each finding stands and what it
// concerns), and the remarks of whoever entered the bron close the
// appendix under a heading of their own.

// research is the overview of every bron given that the profile cites or
// that has findings about it, in the order of the bronnen.
func (l *layout) research() []app.BronOverzicht {
	if len(l.opt.Bronnen) == 0 {
		return nil
	}
	return l.p.Findings(l.opt.Bronnen)
}

// writeResearchAppendix writes the appendix of one bron.
func (l *layout) writeResearchAppendix(d document, prefix string, o app.BronOverzicht) {
	b := o.Bron
	d.Heading(prefix+"Onderzoek: "+b.Titel, 1)
	d.Table(bronFacts(b))
	d.Aside(researchIntro(o))
	writeAimAndMethod(d, b)
	writeRespondents(d, b.Respondenten)
	writeLegend(d, b.Legenda)
	l.writeFindings(d, o.Bevindingen)
	writeEntryNotes(d, b.Notities)
}

// researchIntro says how the bron is cited in the document and what of the
// profile rests on it.
func researchIntro(o app.BronOverzicht) string {
	ratings := 0
	for _, n := range o.Telling {
		ratings += n
	}
	kinds := map[app.Kind]int{}
	for _, e := range o.Herkomst {
		kinds[e.Kind]++
	}
	var uses []string
	for _, u := range []struct {
		n           int
		one, plural string
	}{
		{ratings, "beoordeling", "beoordelingen"},
		{len(o.Oordelen) - ratings, "aanvullende opmerking", "aanvullende opmerkingen"},
		{kinds[app.KindSectie], "paragraaf algemene informatie", "paragrafen algemene informatie"},
		{kinds[app.KindTrend], "trend", "trends"},
		{kinds[app.KindLijstItem], "regel in een lijst", "regels in lijsten"},
	} {
		if u.n == 1 {
			uses = append(uses, "1 "+u.one)
		} else if u.n > 1 {
			uses = append(uses, fmt.Sprintf("%d %s", u.n, u.plural))
		}
	}
	out := "In dit document aangehaald als „" + o.Bron.Label() + "”."
	if len(uses) > 0 {
		out += " Dit profiel neemt er " + joinDutch(uses) + " uit over."
	}
	if len(o.Herkomst) > 0 {
		out += " Die teksten staan in de hoofdstukken apart van de tekst van het bcp."
	}
	return out + " Hieronder de woorden van het rapport; eigen opmerkingen bij de invoer staan apart aan het eind."
}

// joinDutch joins words as a Dutch enumeration: "a, b en c".
func joinDutch(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " en " + words[len(words)-1]
}

// bronFacts is the table of who did the research, for whom, where and
// when; the title is the appendix's heading.
func bronFacts(b *app.Bron) table {
	t := table{Widths: []int{28, 72}}
	when := strings.Trim(b.Plaats+", "+dutchDate(b.Datum), ", ")
	for _, f := range [][2]string{
		{"Kenmerk", b.Kenmerk}, {"Uitgevoerd door", b.Organisatie},
		{"Opdrachtgever", b.Opdrachtgever}, {"Plaats en datum", when}, {"Auteurs", joinDutch(b.Auteurs)},
	} {
		if f[1] != "" {
			t.Rows = append(t.Rows, []cell{textCell(f[0]).shaded(), textCell(f[1])})
		}
	}
	return t
}

// writeAimAndMethod writes the report's own words on why and how.
func writeAimAndMethod(d document, b *app.Bron) {
	if b.Doel == "" && b.Methode == "" {
		return
	}
	d.Heading("Doel en methode", 2)
	for _, part := range []struct{ label, text string }{{"Doel", b.Doel}, {"Methode", b.Methode}} {
		if part.text != "" {
			d.Label(part.label)
			writeBlocks(d, textBlocks(part.text))
		}
	}
}

// writeRespondents writes the organisations interviewed, grouped as the
// report groups them, with their sector where the report gives it.
func writeRespondents(d document, rs []*app.Respondent) {
	if len(rs) == 0 {
		return
	}
	d.Heading("Gesprekspartners", 2)
	groups := map[string][]*app.Respondent{}
	var order []string
	for _, r := range rs {
		if _, ok := groups[r.Groep]; !ok {
			order = append(order, r.Groep)
		}
		groups[r.Groep] = append(groups[r.Groep], r)
	}
	for _, g := range order {
		members := groups[g]
		title := g
		if title == "" {
			title = "Overige gesprekspartners"
		}
		d.Heading(fmt.Sprintf("%s (%d)", title, len(members)), 3)
		writeGroup(d, members)
	}
}

// writeGroup writes one group of respondents: a table with their sectors
// when the report gives any, otherwise a list.
func writeGroup(d document, members []*app.Respondent) {
	sectors := false
	var names []string
	for _, r := range members {
		sectors = sectors || r.Sector != ""
		names = append(names, r.Organisatie)
	}
	if !sectors {
		d.Bullets(names)
		return
	}
	t := table{Header: []string{"Organisatie", "SBI-indeling"}, Widths: []int{45, 55}}
	for _, r := range members {
		t.Rows = append(t.Rows, []cell{textCell(r.Organisatie), textCell(r.Sector)})
	}
	d.Table(t)
}

// writeLegend writes how the report words its ratings.
func writeLegend(d document, ls []*app.LegendaRegel) {
	if len(ls) == 0 {
		return
	}
	d.Heading("Legenda van de oordelen", 2)
	t := table{Header: []string{"Oordeel", "Betekenis in het rapport"}, Widths: []int{25, 75}}
	for _, r := range ls {
		t.Rows = append(t.Rows, []cell{textCell(r.Aansluiting.Label()), textCell(r.Tekst)})
	}
	d.Table(t)
}

// writeFindings writes the findings about the profile per subject, in the
// order the report gives them: each under a line saying where it stands,
// what it rates (when it states a fit) and what of the profile it is about.
func (l *layout) writeFindings(d document, fs []app.BevindingInProfiel) {
	if len(fs) == 0 {
		return
	}
	d.Heading("Bevindingen over dit profiel", 2)
	refs, _ := elementRefs(l.p, l.cat)
	subjects := map[string][]app.BevindingInProfiel{}
	var order []string
	for _, f := range fs {
		if _, ok := subjects[f.Onderwerp]; !ok {
			order = append(order, f.Onderwerp)
		}
		subjects[f.Onderwerp] = append(subjects[f.Onderwerp], f)
	}
	for _, s := range order {
		d.Heading(s, 3)
		for _, f := range subjects[s] {
			d.Aside(findingLine(f, refs))
			writeBlocks(d, textBlocks(f.Tekst))
		}
	}
}

// findingLine is "hoofdstuk 6 (blz. 25–27) · sluit goed aan · over: rol 1:
// Relatiebeheerder".
func findingLine(f app.BevindingInProfiel, refs map[string]elementRef) string {
	var parts []string
	if f.Vindplaats != "" {
		parts = append(parts, f.Vindplaats)
	}
	if f.Aansluiting != "" && f.Aansluiting != app.AansluitingNietBeoordeeld {
		parts = append(parts, "oordeel: "+f.Aansluiting.Label())
	}
	var about []string
	if f.HeleProfiel {
		about = append(about, "het profiel als geheel")
	}
	for _, e := range f.Onderdelen {
		about = append(about, elementName(e, refs[e.ID]))
	}
	if len(about) > 0 {
		parts = append(parts, "over: "+strings.Join(about, "; "))
	}
	if len(parts) == 0 {
		return "Bevinding van het onderzoek"
	}
	return capitalFirst(strings.Join(parts, " · "))
}

// elementName names an element of the profile for a reader: "rol 1:
// Relatiebeheerder", "trend ‘Duurzaamheid’", "werkzaamheid 3 (1
// Relatiebeheerder)".
func elementName(e app.Element, ref elementRef) string {
	switch e.Kind {
	case app.KindKerntaak, app.KindRol, app.KindWerkproces:
		return strings.TrimSpace(e.Kind.Label()+" "+e.Code) + ": " + app.Shorten(e.Label(), 60)
	case app.KindSectie, app.KindTrend, app.KindLijst, app.KindLijstItem:
		return e.Kind.Label() + " ‘" + app.Shorten(e.Label(), 60) + "’"
	}
	name := e.Kind.Label()
	if ref.code != "" {
		name += " " + ref.code
	}
	if ref.group != "" {
		name += " (" + ref.group + ")"
	}
	return name
}

// writeEntryNotes writes the remarks of whoever entered the bron, set
// apart as not the report's words.
func writeEntryNotes(d document, notes []string) {
	if len(notes) == 0 {
		return
	}
	d.Heading("Opmerkingen bij de invoer (niet uit het rapport)", 2)
	d.Aside("Deze opmerkingen zijn van wie het onderzoek in de bibliotheek heeft opgenomen, niet van de onderzoekers.")
	for _, n := range notes {
		d.Aside(n)
	}
}
