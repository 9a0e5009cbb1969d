package app

import (
	"fmt"
	"strings"
)

// Severity says whether a problem makes the profile wrong (Fout) or merely
// unfinished (Waarschuwing).
type Severity string

// The two severities.
const (
	Fout         Severity = "fout"
	Waarschuwing Severity = "waarschuwing"
)

// Problem is one finding of Validate, worded for a curriculum designer.
type Problem struct {
	ElementID string // the element the problem is about; the profile ID for profile fields
	Field     string // "titel", "code", "resultaat" …
	Severity  Severity
	Message   string // a Dutch sentence
}

func (p Problem) String() string { return string(p.Severity) + ": " + p.Message }

// Validate checks a profile against the rules a designer expects: titles
// and codes filled in and unique, werkprocessen with resultaat and
// competenties, competenties known in the profile's competency model. cat
// may be nil when the model is missing, which is itself reported. Validate
// never changes the profile.
func Validate(p *Profile, cat *Catalogue) []Problem {
	var out []Problem
	add := func(id, field string, sev Severity, format string, args ...any) {
		out = append(out, Problem{ElementID: id, Field: field, Severity: sev, Message: fmt.Sprintf(format, args...)})
	}
	blank := func(s string) bool { return strings.TrimSpace(s) == "" }

	if blank(p.Title) {
		add(p.ID, "titel", Fout, "Het profiel heeft geen titel.")
	}
	if !p.Status.Valid() {
		add(p.ID, "status", Fout, "Het profiel heeft een onbekende status %q.", p.Status)
	}
	known := map[string]string{}
	if cat == nil {
		add(p.ID, "competentiemodel", Fout, "Het competentiemodel van dit profiel ontbreekt in de bibliotheek.")
	} else {
		for _, c := range cat.Competenties {
			known[c.ID] = c.Name
		}
	}
	codes := map[string]string{} // code → title of the first element with it
	checkCode := func(id, kind, code, title string) {
		if blank(code) {
			add(id, "code", Fout, "%s %s heeft geen code.", capital(kind), quote(title))
			return
		}
		if prev, ok := codes[code]; ok {
			add(id, "code", Fout, "Dubbele code %s: %s en %s.", code, quote(prev), quote(title))
			return
		}
		codes[code] = title
	}
	checkRefs := func(id, kind, title string, refs []*CompetentieRef) {
		seen := map[string]bool{}
		for _, r := range refs {
			name, ok := known[r.Competentie]
			switch {
			case cat != nil && !ok:
				add(r.ID, "competenties", Fout, "%s %s noemt een onbekende competentie (niet in %s).", capital(kind), quote(title), quote(cat.Name))
			case seen[r.Competentie]:
				add(r.ID, "competenties", Waarschuwing, "%s %s noemt de competentie %s twee keer.", capital(kind), quote(title), quote(name))
			}
			seen[r.Competentie] = true
		}
	}
	checkLines := func(kind, title, field string, ls []*Line) {
		for i, l := range ls {
			if blank(l.Text) {
				add(l.ID, field, Waarschuwing, "%s %s heeft een lege regel bij %s (regel %d).", capital(kind), quote(title), field, i+1)
			}
		}
	}

	switch p.Structure {
	case StructureKerntaken:
		if len(p.Kerntaken) == 0 {
			add(p.ID, "kerntaken", Waarschuwing, "Het profiel heeft nog geen kerntaken.")
		}
	case StructureRollen:
		if len(p.Rollen) == 0 {
			add(p.ID, "rollen", Waarschuwing, "Het profiel heeft nog geen rollen.")
		}
	default:
		add(p.ID, "structuur", Fout, "Het profiel heeft een onbekende structuur %q.", p.Structure)
	}

	for _, k := range p.Kerntaken {
		if blank(k.Title) {
			add(k.ID, "titel", Fout, "Kerntaak %s heeft een lege titel.", k.Code)
		}
		checkCode(k.ID, "kerntaak", k.Code, k.Title)
		if len(k.Werkprocessen) == 0 {
			add(k.ID, "werkprocessen", Waarschuwing, "Kerntaak %s heeft geen werkprocessen.", quote(k.Title))
		}
		for _, w := range k.Werkprocessen {
			if blank(w.Title) {
				add(w.ID, "titel", Fout, "Werkproces %s heeft een lege titel.", w.Code)
			}
			checkCode(w.ID, "werkproces", w.Code, w.Title)
			if blank(w.Beschrijving) {
				add(w.ID, "beschrijving", Waarschuwing, "Werkproces %s heeft geen beschrijving.", quote(w.Title))
			}
			if len(w.Resultaat) == 0 {
				add(w.ID, "resultaat", Fout, "Werkproces %s heeft geen resultaat.", quote(w.Title))
			}
			if len(w.Competenties) == 0 {
				add(w.ID, "competenties", Waarschuwing, "Werkproces %s heeft geen competenties.", quote(w.Title))
			}
			checkRefs(w.ID, "werkproces", w.Title, w.Competenties)
			checkLines("werkproces", w.Title, "resultaat", w.Resultaat)
			checkLines("werkproces", w.Title, "kennis", w.Kennis)
			checkLines("werkproces", w.Title, "vaardigheden", w.Vaardigheden)
		}
	}
	for _, r := range p.Rollen {
		if blank(r.Title) {
			add(r.ID, "titel", Fout, "Rol %s heeft een lege titel.", r.Code)
		}
		checkCode(r.ID, "rol", r.Code, r.Title)
		if len(r.Werkzaamheden) == 0 {
			add(r.ID, "werkzaamheden", Waarschuwing, "Rol %s heeft geen werkzaamheden.", quote(r.Title))
		}
		if len(r.Competenties) == 0 {
			add(r.ID, "competenties", Waarschuwing, "Rol %s heeft geen competenties.", quote(r.Title))
		}
		wcodes := map[string]bool{}
		for _, w := range r.Werkzaamheden {
			if blank(w.Text) {
				add(w.ID, "tekst", Waarschuwing, "Werkzaamheid %s van rol %s is leeg.", w.Code, quote(r.Title))
			}
			if wcodes[w.Code] {
				add(w.ID, "code", Fout, "Dubbele code %s bij de werkzaamheden van rol %s.", w.Code, quote(r.Title))
			}
			wcodes[w.Code] = true
		}
		checkRefs(r.ID, "rol", r.Title, r.Competenties)
		checkLines("rol", r.Title, "kennis en vaardigheden", r.KennisEnVaardigheden)
	}
	var sections func([]*Section)
	sections = func(ss []*Section) {
		for _, s := range ss {
			if blank(s.Title) {
				add(s.ID, "titel", Waarschuwing, "Een onderdeel van de algemene informatie heeft een lege titel.")
			}
			sections(s.Sections)
		}
	}
	sections(p.Sections)
	return out
}

// capital gives s a capital first letter ("één" → "Één").
func capital(s string) string {
	for i, r := range s {
		if i == 0 {
			return strings.ToUpper(string(r)) + s[len(string(r)):]
		}
	}
	return s
}
