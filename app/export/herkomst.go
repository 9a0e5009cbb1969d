package export

import (
	"strings"

	"bcpeditor/app"
)

// Provenance in the documents: a text the profile took from a research
// (a section, trend, list item or note with a BronID) is set apart from
// the bcp's own text under a line in italics that names the research
// (app.HerkomstLabel).

// writeText writes a text of the profile: as it is when it is the bcp's
// own, set apart under the line naming its research when it is a finding
// of one.
func (l *layout) writeText(d document, bronID, text string) {
	bs := textBlocks(text)
	label := app.HerkomstLabel(app.Element{BronID: bronID}, l.opt.Bronnen)
	if label == "" || len(bs) == 0 {
		writeBlocks(d, bs)
		return
	}
	d.Provenance(label, bs)
}

// writeList writes a list: as two columns when its items say where they
// come from (the 2021 research: "in bcp" and "genoemd in interviews"),
// otherwise as bullets. Items from a research are marked: when they are
// exactly the "Genoemd in interviews" column, one line above the table
// says so; any other item gets a star that a line above explains.
func (l *layout) writeList(d document, list *app.NamedList) {
	var plain, bcp, interviews []*app.ListItem
	for _, it := range list.Items {
		switch it.Source {
		case app.ListSourceBCP:
			bcp = append(bcp, it)
		case app.ListSourceInterviews:
			interviews = append(interviews, it)
		default:
			plain = append(plain, it)
		}
	}
	m := itemMarks{}
	m.add(plain)
	m.add(bcp)
	column := oneBron(interviews)
	if column == "" {
		m.add(interviews)
	}
	for _, label := range m.labels(l.opt.Bronnen) {
		d.Aside(label)
	}
	d.Bullets(m.texts(plain))
	if len(bcp)+len(interviews) == 0 {
		return
	}
	if column != "" {
		d.Aside("Genoemd in interviews — " + app.HerkomstLabel(app.Element{BronID: column}, l.opt.Bronnen))
	}
	left, right := cell{}, cell{}
	left.addList("", false, m.texts(bcp))
	right.addList("", false, m.texts(interviews))
	d.Table(table{Header: []string{"In bcp", "Genoemd in interviews"}, Widths: []int{50, 50}, Rows: [][]cell{{left, right}}})
}

// oneBron is the bron every item comes from, or "" when there are none or
// they differ.
func oneBron(items []*app.ListItem) string {
	if len(items) == 0 {
		return ""
	}
	id := items[0].BronID
	for _, it := range items[1:] {
		if it.BronID != id {
			return ""
		}
	}
	return id
}

// itemMarks gives the items of a list that come from a research a star
// per bron: "*" for the first, "**" for the second.
type itemMarks struct {
	order []string          // bron ids in order of first use
	mark  map[string]string // bron id → stars
}

func (m *itemMarks) add(items []*app.ListItem) {
	for _, it := range items {
		if it.BronID == "" || m.mark[it.BronID] != "" {
			continue
		}
		if m.mark == nil {
			m.mark = map[string]string{}
		}
		m.order = append(m.order, it.BronID)
		m.mark[it.BronID] = strings.Repeat("*", len(m.order))
	}
}

// texts are the items' texts with their stars.
func (m *itemMarks) texts(items []*app.ListItem) []string {
	var out []string
	for _, it := range items {
		text := it.Text
		if s := m.mark[it.BronID]; s != "" && it.BronID != "" {
			text += " " + s
		}
		out = append(out, text)
	}
	return out
}

// labels explain the stars.
func (m *itemMarks) labels(bronnen []*app.Bron) []string {
	var out []string
	for _, id := range m.order {
		out = append(out, m.mark[id]+" "+app.HerkomstLabel(app.Element{BronID: id}, bronnen))
	}
	return out
}
