package export

import (
	"fmt"
	"strings"

	"bcpeditor/app"
)

// chapters lists the numbered chapters in the bcp's order: the algemene
// informatie (its sections, or one chapter of them), the trends when no
// section holds them, the overview of kerntaken when no section holds it,
// then the kerntaken or the rollen.
func (l *layout) chapters() []chapter {
	var out []chapter
	if l.flat {
		if len(l.body) > 0 || len(l.lists) > 0 {
			out = append(out, chapter{l.writeGeneralChapter})
		}
	} else {
		for i, s := range l.body {
			out = append(out, chapter{func(d document, num string) {
				l.writeSection(d, s, 1, num)
				if i == 0 {
					l.writeLists(d, num, len(s.Sections))
				}
			}})
		}
		if len(l.body) == 0 && len(l.lists) > 0 {
			out = append(out, chapter{l.writeGeneralChapter})
		}
	}
	if l.trendHost == nil && len(l.p.Trends) > 0 {
		out = append(out, chapter{l.writeTrendsChapter})
	}
	if len(l.p.Kerntaken) > 0 {
		if l.overviewHost == nil {
			out = append(out, chapter{func(d document, num string) {
				d.Heading(numbered(num, "Overzicht van kerntaken en werkprocessen"), 1)
				d.Table(l.kerntaakOverview())
			}})
		}
		out = append(out, chapter{l.writeKerntakenChapter})
	}
	if len(l.p.Rollen) > 0 {
		out = append(out, chapter{l.writeRollenChapter})
	}
	return out
}

// writeGeneralChapter writes the sections (and lists) as the paragraphs of
// one chapter "Algemene informatie".
func (l *layout) writeGeneralChapter(d document, num string) {
	d.Heading(numbered(num, "Algemene informatie"), 1)
	for i, s := range l.body {
		l.writeSection(d, s, 2, sub(num, i, 2))
	}
	l.writeLists(d, num, len(l.body))
}

// writeLists writes the lists as paragraphs num.(after+1) and on.
func (l *layout) writeLists(d document, num string, after int) {
	for i, list := range l.lists {
		d.Heading(numbered(sub(num, after+i, 2), list.Title), 2)
		l.writeList(d, list)
	}
}

func (l *layout) writeTrendsChapter(d document, num string) {
	d.Heading(numbered(num, "Trends en ontwikkelingen"), 1)
	for i, t := range l.p.Trends {
		l.writeTrend(d, t, 2, sub(num, i, 2))
	}
}

// kerntaakOverview is the table of kerntaken and their werkprocessen.
func (l *layout) kerntaakOverview() table {
	t := table{Header: []string{"Kerntaak", "Werkprocessen"}, Widths: []int{42, 58}}
	for _, k := range l.p.Kerntaken {
		left := textCell("Kerntaak "+k.Code, k.Title)
		left.Blocks[0].Kind = blockLabel
		var right cell
		for _, w := range k.Werkprocessen {
			right.Blocks = append(right.Blocks, block{Kind: blockText, Text: strings.TrimSpace(w.Code + " " + w.Title)})
		}
		t.Rows = append(t.Rows, []cell{left, right})
	}
	return t
}

// writeKerntakenChapter writes each kerntaak (on its own page) with its
// werkprocessen as the bcp shows them, its toelichting and notes.
func (l *layout) writeKerntakenChapter(d document, num string) {
	d.Heading(numbered(num, "Beschrijving van de kerntaken"), 1)
	for i, k := range l.p.Kerntaken {
		if i > 0 {
			d.PageBreak()
		}
		d.Heading(numbered(sub(num, i, 2), strings.TrimSpace("Kerntaak "+k.Code+" "+k.Title)), 2)
		if len(k.Werkprocessen) > 0 {
			d.Label("Werkprocessen bij kerntaak " + k.Code)
		}
		for _, w := range k.Werkprocessen {
			d.Heading(strings.TrimSpace(w.Code+" "+w.Title), 3)
			d.Table(l.werkprocesTable(w))
		}
		if k.Toelichting != "" {
			d.Heading("Toelichting", 3)
			writeBlocks(d, textBlocks(k.Toelichting))
		}
		l.writeNotes(d, k.ID, "", 3)
	}
}

// werkprocesTable lays out a werkproces as the 2010 BCP does: the
// beschrijving beside the competenties, then the resultaat, then the
// vakkennis en vakvaardigheden.
func (l *layout) werkprocesTable(w *app.Werkproces) table {
	var left, right cell
	if w.Beschrijving != "" {
		left.Blocks = append(left.Blocks, block{Kind: blockLabel, Text: "Beschrijving werkproces:"})
		left.Blocks = append(left.Blocks, textBlocks(w.Beschrijving)...)
	}
	right.addList("Competenties:", false, l.refNames(w.Competenties))
	t := table{Widths: []int{62, 38}, Rows: [][]cell{{left, right}}}
	var result cell
	result.addList("Resultaat:", false, lineTexts(w.Resultaat))
	if len(result.Blocks) > 0 {
		t.Rows = append(t.Rows, []cell{result.span(2)})
	}
	var vak cell
	if len(w.Kennis)+len(w.Vaardigheden) > 0 {
		vak.Blocks = append(vak.Blocks, block{Kind: blockLabel, Text: "Vakkennis en vakvaardigheden"})
	}
	vak.addList("Kennis van:", false, lineTexts(w.Kennis))
	vak.addList("Vaardigheden:", false, lineTexts(w.Vaardigheden))
	if len(vak.Blocks) > 0 {
		t.Rows = append(t.Rows, []cell{vak.span(2)})
	}
	return t
}

// writeRollenChapter writes an overview of the rollen, then each rol (on
// its own page) with its beschrijving, werkzaamheden, competenties, kennis
// en vaardigheden and notes, numbered as the 2021 research does.
func (l *layout) writeRollenChapter(d document, num string) {
	d.Heading(numbered(num, "Rollen, competenties, kennis en vaardigheden"), 1)
	t := table{Header: []string{"Rol", "Werkzaamheden", "Competenties"}, Widths: []int{32, 18, 50}}
	for _, r := range l.p.Rollen {
		t.Rows = append(t.Rows, []cell{textCell(rolTitle(r)), textCell(fmt.Sprint(len(r.Werkzaamheden))), textCell(strings.Join(l.refNames(r.Competenties), ", "))})
	}
	d.Table(t)
	for i, r := range l.p.Rollen {
		d.PageBreak()
		rnum := sub(num, i, 2)
		d.Heading(numbered(rnum, rolTitle(r)), 2)
		writeBlocks(d, textBlocks(r.Beschrijving))
		parts := []struct {
			title string
			items []string
		}{
			{"Werkzaamheden", werkzaamheidTexts(r)},
			{"Competenties", l.refNames(r.Competenties)},
			{"Kennis en vaardigheden", lineTexts(r.KennisEnVaardigheden)},
		}
		n := 0
		for _, part := range parts {
			if len(part.items) == 0 {
				continue
			}
			n++
			d.Heading(numbered(rnum+"."+fmt.Sprint(n), part.title), 3)
			d.Numbered(part.items)
		}
		if len(l.notes[r.ID]) > 0 {
			n++
		}
		l.writeNotes(d, r.ID, rnum+"."+fmt.Sprint(n), 3)
	}
}

// rolTitle is "Rol 1: Relatiebeheerder".
func rolTitle(r *app.Rol) string {
	if r.Code == "" {
		return "Rol: " + r.Title
	}
	return "Rol " + r.Code + ": " + r.Title
}

// werkzaamheidTexts are the werkzaamheden as list items; a werkzaamheid
// whose code is not its place in the list keeps its code in front.
func werkzaamheidTexts(r *app.Rol) []string {
	var out []string
	for i, w := range r.Werkzaamheden {
		text := w.Text
		if w.Code != "" && w.Code != fmt.Sprint(i+1) {
			text = "(" + w.Code + ") " + text
		}
		out = append(out, text)
	}
	return out
}

// writeNotes writes the aanvullende informatie on a kerntaak or rol.
func (l *layout) writeNotes(d document, id, num string, level int) {
	notes := l.notes[id]
	if len(notes) == 0 {
		return
	}
	d.Heading(numbered(num, "Aanvullende informatie vanuit de gesprekken"), level)
	for _, r := range notes {
		src := strings.TrimSpace(r.Source + " " + dutchDate(r.Date))
		if label := app.HerkomstLabel(app.Element{BronID: r.BronID}, l.opt.Bronnen); label != "" {
			if app.BronByID(l.opt.Bronnen, r.BronID) == nil && src != "" {
				label += " (" + src + ")"
			}
			d.Provenance(label, textBlocks(r.Toelichting)) // the research's words
			continue
		}
		writeBlocks(d, textBlocks(r.Toelichting))
		if src != "" {
			d.Paragraph("Bron: " + src)
		}
	}
}

func (l *layout) refNames(rs []*app.CompetentieRef) []string {
	var out []string
	for _, r := range rs {
		out = append(out, nameOf(l.names, r.Competentie))
	}
	return out
}
