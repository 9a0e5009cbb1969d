package export

import (
	"strings"

	"bcpeditor/app"
)

// colofonGroup is the colofon entries that share a role, in order.
type colofonGroup struct {
	label   string
	entries []app.ColofonEntry
}

// placeColofon groups the colofon entries by role and decides where each
// group goes: a role named after a section ("Sectorraad Commercieel,
// namens het onderwijs") goes in that section under the rest of its name;
// every other role goes in the Colofon section (or a colofon page).
func (l *layout) placeColofon() {
	l.colofonGroups = map[*app.Section][]colofonGroup{}
	var sections []*app.Section
	var walk func([]*app.Section)
	walk = func(ss []*app.Section) {
		for _, s := range ss {
			sections = append(sections, s)
			walk(s.Sections)
		}
	}
	walk(l.p.Sections)
	index := map[string]int{} // role → index in its host's groups
	for _, e := range l.p.Colofon {
		host, label := l.colofonHost, e.Role
		for _, s := range sections {
			if rest, ok := strings.CutPrefix(e.Role, s.Title+", "); ok && s.Title != "" {
				host, label = s, capitalFirst(rest)
				break
			}
		}
		i, ok := index[e.Role]
		if !ok {
			i = len(l.colofonGroups[host])
			index[e.Role] = i
			l.colofonGroups[host] = append(l.colofonGroups[host], colofonGroup{label: label})
		}
		l.colofonGroups[host][i].entries = append(l.colofonGroups[host][i].entries, e)
	}
}

// writeColofon writes the colofon groups that belong in section s: a role
// with organisations only as a label and lines ("Ontwikkeld door" /
// "ECABO …"), a role with people as a table of names and organisations.
func (l *layout) writeColofon(d document, s *app.Section) {
	for _, g := range l.colofonGroups[s] {
		d.Label(g.label)
		people := false
		for _, e := range g.entries {
			if e.Name != "" {
				people = true
			}
		}
		if !people {
			for _, e := range g.entries {
				d.Paragraph(e.Organisation)
			}
			continue
		}
		t := table{Header: []string{"Naam", "Organisatie"}, Widths: []int{40, 60}}
		for _, e := range g.entries {
			t.Rows = append(t.Rows, []cell{textCell(e.Name), textCell(e.Organisation)})
		}
		d.Table(t)
	}
}
