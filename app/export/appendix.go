package export

import (
	"strconv"
	"strings"

	"bcpeditor/app"
)

// writeAppendices writes the appendices that have content, numbered in
// order: "Beoordelingen" when the profile has ratings or notes that say
// something and that the chapters did not already show, then one
// "Onderzoek" per research source the profile's notes and texts rest on.
func (l *layout) writeAppendices(d document) {
	n := 0
	next := func() string { n++; return "Bijlage " + strconv.Itoa(n) + " " }
	research := l.research()
	if l.opt.Reviews {
		if groups, order := l.appendixRows(); len(order) > 0 {
			l.writeReviewsAppendix(d, next(), groups, order, len(research) > 0)
		}
	}
	for _, o := range research {
		l.writeResearchAppendix(d, next(), o)
	}
}

// writeReviewsAppendix writes per kerntaak or rol a table of the items with
// their aansluiting, toelichting and, for a rating from a research, what it
// rests on.
func (l *layout) writeReviewsAppendix(d document, prefix string, groups map[string][]reviewRow, order []string, research bool) {
	d.Heading(prefix+"Beoordelingen", 1)
	if research {
		d.Aside("Bij een beoordeling uit een onderzoek staat onder ‘Onderbouwing’ waarop die rust: het citaat met zijn vindplaats en hoe het is gelezen. ‘Uit de tekst gelezen’ betekent dat het rapport het oordeel in woorden geeft; de kleur waarmee het dat deed, is verloren gegaan. Het onderzoek zelf staat in de volgende bijlage.")
	}
	for _, g := range order {
		rows := groups[g]
		d.Heading(g, 2)
		counts := app.RatingCounts{}
		for _, r := range rows {
			if r.Review.Kind == app.ReviewBeoordeling {
				counts[r.Review.Aansluiting]++
			}
		}
		d.Label("Beoordelingen: " + counts.String() + ".")
		t := table{Header: []string{"Nr.", "Onderdeel", "Aansluiting", "Toelichting"}, Widths: []int{7, 26, 17, 50}}
		for _, r := range rows {
			t.Rows = append(t.Rows, []cell{textCell(r.Code), textCell(r.Kind.Label() + ": " + app.Shorten(r.Text, 140)),
				ratingCell(r.Review), l.noteCell(r.Review)})
		}
		d.Table(t)
	}
}

// noteCell is a review's toelichting and, when it rests on a research,
// its grounds (app.Review.Grond) under "Onderbouwing". A toelichting that
// is the quote itself is shown once, as the quote with its place; where a
// note comes from is named unless its research is in an appendix.
func (l *layout) noteCell(r *app.Review) cell {
	grond := r.Grond()
	var c cell
	note, known := r.Toelichting, app.BronByID(l.opt.Bronnen, r.BronID) != nil
	if !known {
		note = noteWithSource(r)
	}
	quoted := known && grond != "" && strings.TrimSpace(r.Toelichting) == strings.TrimSpace(r.Citaat)
	if note != "" && !quoted {
		c.Blocks = append(c.Blocks, block{Kind: blockText, Text: note})
	}
	lines := strings.Split(grond, "\n")
	ratedLine := r.UitTekst || r.Kind == app.ReviewBeoordeling && r.Aansluiting == app.AansluitingNietBeoordeeld
	if ratedLine && strings.HasPrefix(lines[0], capitalFirst(r.Aansluiting.Label())) {
		lines = lines[1:] // the rating, shown in its own column
	}
	if len(lines) > 0 && lines[0] != "" {
		c.Blocks = append(c.Blocks, block{Kind: blockLabel, Text: "Onderbouwing:"})
		for _, line := range lines {
			c.Blocks = append(c.Blocks, block{Kind: blockText, Text: line})
		}
	}
	return c
}

// ratingCell is the rating, marked when it was read from the words of a
// research report rather than given as such.
func ratingCell(r *app.Review) cell {
	c := textCell(ratingLabel(r))
	if r.UitTekst {
		c.Blocks = append(c.Blocks, block{Kind: blockText, Text: "(uit de tekst gelezen)"})
	}
	return c
}

// appendixRows are the reviews to show in the appendix, per group title.
func (l *layout) appendixRows() (map[string][]reviewRow, []string) {
	groups := map[string][]reviewRow{}
	var order []string
	for _, r := range reviewRows(l.p, l.cat) {
		rev := r.Review
		if rev.Kind == app.ReviewAanvullend && l.isGroup(rev.ElementID) {
			continue // shown with its kerntaak or rol
		}
		if rev.Toelichting == "" && rev.Aansluiting == app.AansluitingNietBeoordeeld {
			continue // says nothing
		}
		title := l.groupTitle(r)
		if _, ok := groups[title]; !ok {
			order = append(order, title)
		}
		groups[title] = append(groups[title], r)
	}
	return groups, order
}

// groupTitle is "Kerntaak 1 …", "Rol 1: …" or "Algemene informatie".
func (l *layout) groupTitle(r reviewRow) string {
	for _, k := range l.p.Kerntaken {
		if k.ID == r.GroupID {
			return strings.TrimSpace("Kerntaak " + k.Code + " " + k.Title)
		}
	}
	for _, rol := range l.p.Rollen {
		if rol.ID == r.GroupID {
			return rolTitle(rol)
		}
	}
	return r.Group
}

func ratingLabel(r *app.Review) string {
	if r.Kind == app.ReviewAanvullend {
		return "aanvullende informatie"
	}
	return r.Aansluiting.Label()
}

// noteWithSource is the toelichting followed by where it comes from.
func noteWithSource(r *app.Review) string {
	src := strings.TrimSpace(r.Source + " " + dutchDate(r.Date))
	switch {
	case r.Toelichting == "":
		return src
	case src == "":
		return r.Toelichting
	default:
		return r.Toelichting + " (" + src + ")"
	}
}
