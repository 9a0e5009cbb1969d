package app

import (
	"strings"
)

// What the window's Bronnen view, the editor form and the exports'
// appendix show of the research behind a profile.

// BronOverzicht is one bron as seen from one profile: the findings that
// concern the profile with the elements each is about, the review notes
// that rest on the bron, the texts the profile took from it, and the
// counts of its ratings.
type BronOverzicht struct {
	Bron        *Bron
	Bevindingen []BevindingInProfiel
	Oordelen    []*Review    // notes citing the bron, in document order of their elements
	Herkomst    []Element    // elements whose text is the research's, not the bcp's
	Telling     RatingCounts // its beoordelingen in this profile, per aansluiting
}

// BevindingInProfiel is a finding with what it concerns in one profile.
type BevindingInProfiel struct {
	*Bevinding
	HeleProfiel bool      // about the profile as a whole
	Onderdelen  []Element // the profile's elements it is about, in document order
}

// concerns reports whether a finding is about the thing with this id, or
// about what it was copied from (one generation back), so that a new
// version of a profile still sees the findings about its origin.
func (f *Bevinding) concerns(id, origin string) bool {
	for _, b := range f.Betreft {
		if b == id || (origin != "" && b == origin) {
			return true
		}
	}
	return false
}

// Findings gives, for every bron the profile refers to or that has a
// finding about it, the overview of that bron in this profile, in the
// order of bronnen. A finding that names nothing in particular is shown
// with every profile that uses its bron.
func (p *Profile) Findings(bronnen []*Bron) []BronOverzicht {
	elems := p.Elements()
	used := map[string]bool{}
	for _, id := range p.BronIDs() {
		used[id] = true
	}
	var out []BronOverzicht
	for _, b := range bronnen {
		o := BronOverzicht{Bron: b, Telling: RatingCounts{}}
		for _, f := range b.Bevindingen {
			if bp, ok := p.finding(f, elems, used[b.ID]); ok {
				o.Bevindingen = append(o.Bevindingen, bp)
			}
		}
		for _, e := range elems {
			if e.BronID == b.ID {
				o.Herkomst = append(o.Herkomst, e)
			}
		}
		o.Oordelen = p.reviewsCiting(b.ID, elems)
		for _, r := range o.Oordelen {
			if r.Kind == ReviewBeoordeling {
				o.Telling[r.Aansluiting]++
			}
		}
		if used[b.ID] || len(o.Bevindingen) > 0 {
			out = append(out, o)
		}
	}
	return out
}

// finding places one finding in the profile; ok is false when it is not
// about the profile.
func (p *Profile) finding(f *Bevinding, elems []Element, bronUsed bool) (BevindingInProfiel, bool) {
	bp := BevindingInProfiel{Bevinding: f, HeleProfiel: f.concerns(p.ID, p.Origin)}
	for _, e := range elems {
		if f.concerns(e.ID, e.Origin) {
			bp.Onderdelen = append(bp.Onderdelen, e)
		}
	}
	general := len(f.Betreft) == 0 && bronUsed
	return bp, general || bp.HeleProfiel || len(bp.Onderdelen) > 0
}

// reviewsCiting lists the profile's reviews that rest on a bron, the
// profile's own first, then in document order of their elements.
func (p *Profile) reviewsCiting(bronID string, elems []Element) []*Review {
	var out []*Review
	for _, r := range p.ReviewsOf(p.ID) {
		if r.BronID == bronID {
			out = append(out, r)
		}
	}
	for _, e := range elems {
		for _, r := range p.ReviewsOf(e.ID) {
			if r.BronID == bronID {
				out = append(out, r)
			}
		}
	}
	return out
}

// BevindingenOver lists the findings of all bronnen about one element of
// the profile (or the profile itself), for the editor form.
func (p *Profile) BevindingenOver(elementID string, bronnen []*Bron) []*Bevinding {
	origin := ""
	if elementID == p.ID {
		origin = p.Origin
	} else if e, ok := p.Element(elementID); ok {
		origin = e.Origin
	}
	var out []*Bevinding
	for _, b := range bronnen {
		for _, f := range b.Bevindingen {
			if f.concerns(elementID, origin) {
				out = append(out, f)
			}
		}
	}
	return out
}

// Element finds one element of the profile by id.
func (p *Profile) Element(id string) (Element, bool) {
	for _, e := range p.Elements() {
		if e.ID == id {
			return e, true
		}
	}
	return Element{}, false
}

// Herkomst is the bron an element's text comes from, or nil when the text
// is the bcp's own (or the bron is not known here).
func (p *Profile) Herkomst(elementID string, bronnen []*Bron) *Bron {
	e, ok := p.Element(elementID)
	if !ok || e.BronID == "" {
		return nil
	}
	return BronByID(bronnen, e.BronID)
}

// HerkomstLabel is the line shown above a text that is the research's,
// not the bcp's own; "" for the bcp's own text.
func HerkomstLabel(e Element, bronnen []*Bron) string {
	if e.BronID == "" {
		return ""
	}
	if b := BronByID(bronnen, e.BronID); b != nil {
		return "Bevinding uit het onderzoek, niet de tekst van het bcp: " + b.Label()
	}
	return "Bevinding uit een onderzoek dat niet in de bibliotheek staat, niet de tekst van het bcp"
}

// Grond words what a review rests on, for the window and documents: the
// rating and whether it was read from the report's words, where those
// words stand and what they are, and how they were read — or why the note
// has no rating. "" for a note that rests on no research.
//
//	Sluit goed aan (gelezen uit de tekst van het rapport; de kleur is verloren gegaan).
//	§ 2.2 Werkomgeving (blz. 6): “Dit beeld komt ook uit de interviews naar voren.”
//	De werkomgeving … gelezen als goed.
func (r *Review) Grond() string {
	var lines []string
	switch {
	case r.UitTekst:
		lines = append(lines, capital(r.Aansluiting.Label())+" (gelezen uit de tekst van het rapport; de kleur is verloren gegaan).")
	case r.BronID != "" && r.Kind == ReviewBeoordeling && r.Aansluiting == AansluitingNietBeoordeeld:
		lines = append(lines, "Niet beoordeeld.")
	}
	place := r.Vindplaats
	if r.Citaat != "" {
		place = strings.TrimPrefix(place+": “"+r.Citaat+"”", ": ")
	}
	for _, l := range []string{place, r.Lezing} {
		if l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}
