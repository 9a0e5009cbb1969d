package app

import (
	"strings"
)

// A Bron is a research source: an onderzoek such as the SBB
// beroepenonderzoek of 2021 that checked the 2020 bcp's against practice.
// It lives beside the competency models in a bundle and in the library,
// because one research covers several profiles. Review notes point to it
// (Review.BronID), and so do the texts a profile took over from it
// (Section, Trend and ListItem BronID), which keeps the research's words
// apart from the bcp's own.

// Bron is one research report with what a designer needs to weigh its
// verdicts: who did it, when, how (method, respondents), how it rated
// (legend) and what it concluded (findings).
type Bron struct {
	ID            string `json:"id"`
	Titel         string `json:"titel"`
	Kenmerk       string `json:"kenmerk,omitempty"`       // "ABD20-022"
	Organisatie   string `json:"organisatie"`             // "SBB, Team ABD"
	Opdrachtgever string `json:"opdrachtgever,omitempty"` // "Sectorkamer Handel"
	Plaats        string `json:"plaats,omitempty"`
	Datum         string `json:"datum,omitempty"` // ISO 8601, as precise as known: "2021-03"
	// Auteurs are the people who wrote the report.
	Auteurs []string `json:"auteurs,omitempty"`
	// Doel and Methode are the report's own words on why and how it was
	// done (paragraphs apart with a blank line).
	Doel    string `json:"doel,omitempty"`
	Methode string `json:"methode,omitempty"`
	// Respondenten are the organisations interviewed.
	Respondenten []*Respondent `json:"respondenten,omitempty"`
	// Legenda is how the report words its ratings.
	Legenda []*LegendaRegel `json:"legenda,omitempty"`
	// Bevindingen are the report's conclusions, each with what it concerns.
	Bevindingen []*Bevinding `json:"bevindingen,omitempty"`
	// Notities are remarks of whoever entered the bron, not the report's
	// words: gaps, discrepancies, what was left out.
	Notities []string `json:"notities,omitempty"`
}

// Respondent is one organisation that took part in the research.
type Respondent struct {
	Organisatie string `json:"organisatie"`
	Sector      string `json:"sector,omitempty"` // the SBI sector the report gives
	Groep       string `json:"groep,omitempty"`  // "Diepte-interviews beroepenonderzoek"
}

// LegendaRegel is one entry of the report's rating legend.
type LegendaRegel struct {
	Aansluiting Aansluiting `json:"aansluiting"`
	Tekst       string      `json:"tekst"` // "Sluit goed aan op …"
}

// Bevinding is one finding or conclusion of the research, in its own
// words. Betreft lists what it is about: ids of profiles and of elements
// (in any profile; a finding often covers two). Aansluiting is set when
// the finding states a fit.
type Bevinding struct {
	ID          string      `json:"id"`
	Onderwerp   string      `json:"onderwerp"` // the report's heading: "Vereist werk- en denkniveau"
	Tekst       string      `json:"tekst"`
	Vindplaats  string      `json:"vindplaats,omitempty"`
	Aansluiting Aansluiting `json:"aansluiting,omitempty"`
	Betreft     []string    `json:"betreft,omitempty"`
}

// Label names the bron as a reader recognises it: "ABD20-022
// Beroepenonderzoek … (SBB, Team ABD, 2021-03)".
func (b *Bron) Label() string {
	if b == nil {
		return "onbekend onderzoek"
	}
	var who []string
	for _, s := range []string{b.Organisatie, b.Datum} {
		if s != "" {
			who = append(who, s)
		}
	}
	out := b.Titel
	if b.Kenmerk != "" && !strings.Contains(out, b.Kenmerk) {
		out = b.Kenmerk + " " + out
	}
	if len(who) > 0 {
		out += " (" + strings.Join(who, ", ") + ")"
	}
	return out
}

// BronByID finds a bron in a list; nil when absent.
func BronByID(bs []*Bron, id string) *Bron {
	for _, b := range bs {
		if b != nil && b.ID == id {
			return b
		}
	}
	return nil
}

// BronIDs lists the bronnen a profile refers to, from its reviews and its
// elements, in order of first use.
func (p *Profile) BronIDs() []string {
	var out []string
	seen := map[string]bool{}
	use := func(id string) {
		if id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	for _, e := range p.Elements() {
		use(e.BronID)
	}
	for _, r := range p.Reviews {
		use(r.BronID)
	}
	return out
}

// BronnenFor picks from all the bronnen the profiles refer to, for an
// exchange file that carries what its profiles need.
func BronnenFor(all []*Bron, ps ...*Profile) []*Bron {
	var out []*Bron
	seen := map[string]bool{}
	for _, p := range ps {
		for _, id := range p.BronIDs() {
			if b := BronByID(all, id); b != nil && !seen[id] {
				seen[id] = true
				out = append(out, b)
			}
		}
	}
	return out
}

// checkBronnen checks the bronnen of a bundle: ids valid and unique (the
// findings' too), a title, known ratings, and what findings concern given
// as ids. The profiles and elements a finding concerns need not be in the
// same file: one research covers several profiles.
func checkBronnen(bs []*Bron, claim func(id, what string) error) error {
	for _, b := range bs {
		if b == nil {
			return inputErrorf("Het BCP-bestand bevat een leeg onderzoek. Er is niets gewijzigd.")
		}
		if err := claim(b.ID, "onderzoek "+quote(b.Titel)); err != nil {
			return err
		}
		if strings.TrimSpace(b.Titel) == "" {
			return inputErrorf("Een onderzoek in het BCP-bestand heeft geen titel. Er is niets gewijzigd.")
		}
		if hasNil(b.Respondenten) || hasNil(b.Legenda) || hasNil(b.Bevindingen) {
			return inputErrorf("Onderzoek %s bevat een leeg onderdeel (null). Er is niets gewijzigd.", quote(b.Titel))
		}
		for _, l := range b.Legenda {
			if !l.Aansluiting.Valid() {
				return inputErrorf("De legenda van onderzoek %s noemt een onbekende aansluiting %q. Er is niets gewijzigd.", quote(b.Titel), l.Aansluiting)
			}
		}
		for _, f := range b.Bevindingen {
			if err := checkBevinding(b, f, claim); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkBevinding(b *Bron, f *Bevinding, claim func(id, what string) error) error {
	if err := claim(f.ID, "bevinding "+quote(f.Onderwerp)+" van onderzoek "+quote(b.Titel)); err != nil {
		return err
	}
	if f.Aansluiting != "" && !f.Aansluiting.Valid() {
		return inputErrorf("Een bevinding van onderzoek %s heeft een onbekende aansluiting %q. Er is niets gewijzigd.", quote(b.Titel), f.Aansluiting)
	}
	for _, id := range f.Betreft {
		if !IsUUID(id) {
			return inputErrorf("Een bevinding van onderzoek %s verwijst naar een onderdeel zonder geldige id (%q). Er is niets gewijzigd.", quote(b.Titel), id)
		}
	}
	return nil
}

// checkReviewBron checks what a review takes from a research: a valid
// reference, and a rating read from the text carries the words it was
// read from.
func checkReviewBron(p *Profile, r *Review) error {
	if r.BronID != "" && !IsUUID(r.BronID) {
		return inputErrorf("Een beoordeling in profiel %s verwijst naar een onderzoek zonder geldige id. Er is niets gewijzigd.", quote(p.Title))
	}
	if r.UitTekst && strings.TrimSpace(r.Citaat) == "" {
		return inputErrorf("Een beoordeling in profiel %s is uit de tekst van een onderzoek gelezen, maar noemt de woorden niet waar ze op rust (citaat). Er is niets gewijzigd.", quote(p.Title))
	}
	return nil
}

// MissingBronnen lists the bronnen the bundle's profiles refer to that are
// neither in the bundle nor among known (the library's), for an importer
// to refuse with a clear message.
func (b *Bundle) MissingBronnen(known []*Bron) []string {
	var out []string
	for _, p := range b.Profiles {
		for _, id := range p.BronIDs() {
			if BronByID(b.Bronnen, id) == nil && BronByID(known, id) == nil {
				out = append(out, id)
			}
		}
	}
	return out
}
