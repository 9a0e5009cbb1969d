package export

import (
	"strings"

	"bcpeditor/app"
)

// writeAppendices writes "Bijlage 1 Beoordelingen" when the profile has
// ratings or notes that say something (a rating, or a toelichting) and
// that the chapters did not already show: per kerntaak or rol a table of
// the items with their aansluiting and toelichting.
func (l *layout) writeAppendices(d document) {
	if !l.opt.Reviews {
		return
	}
	groups, order := l.appendixRows()
	if len(order) == 0 {
		return
	}
	d.Heading("Bijlage 1 Beoordelingen", 1)
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
		t := table{Header: []string{"Nr.", "Onderdeel", "Aansluiting", "Toelichting"}, Widths: []int{6, 30, 13, 51}}
		for _, r := range rows {
			t.Rows = append(t.Rows, []cell{textCell(r.Code), textCell(r.Kind.Label() + ": " + app.Shorten(r.Text, 140)),
				textCell(ratingLabel(r.Review)), textCell(noteWithSource(r.Review))})
		}
		d.Table(t)
	}
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
