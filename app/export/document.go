package export

import (
	"fmt"
	"io"
	"strings"

	"bcpeditor/app"
)

// document is what a profile document needs of a word-processing format;
// Word (godocx) and PDF (fpdf) implement it, so that both carry the same
// content in the same order.
type document interface {
	Heading(text string, level int)
	Paragraph(text string)
	Meta(label, value string)
	Bullets(items []string)
	Numbered(items []string)
	Table(headers []string, widths []int, rows [][]string)
	PageBreak()
	Write(w io.Writer) error
}

// markedDocument can also show word diffs: a paragraph of pieces, some
// struck through (removed) and some marked (added). Word does.
type markedDocument interface {
	document
	Marked(parts []Part)
}

// Part is a run of text in a Marked paragraph.
type Part struct {
	Text    string
	Removed bool // struck through
	Added   bool // highlighted
	Shared  bool // marked as held by both sides of a crosswalk link
}

// writeDocument lays out a profile in the bcp's own order: title page,
// colofon, algemene informatie, lists and trends, an overview table of
// kerntaken and werkprocessen (or rollen), then each werkproces or rol with
// its beschrijving, competenties, resultaat, kennis and vaardigheden (or
// werkzaamheden and kennis en vaardigheden), the toelichtingen, and
// optionally an appendix with the ratings.
func writeDocument(d document, p *app.Profile, cat *app.Catalogue, opt Options) {
	names := competentieNames(cat)
	refNames := func(rs []*app.CompetentieRef) []string {
		var out []string
		for _, r := range rs {
			if n, ok := names[r.Competentie]; ok {
				out = append(out, n)
			} else {
				out = append(out, "onbekende competentie")
			}
		}
		return out
	}
	lineTexts := func(ls []*app.Line) []string {
		var out []string
		for _, l := range ls {
			out = append(out, l.Text)
		}
		return out
	}
	paras := func(s string) {
		for _, p := range paragraphs(s) {
			d.Paragraph(p)
		}
	}
	// block writes a titled list when it has items.
	block := func(title string, level int, numbered bool, items []string) {
		if len(items) == 0 {
			return
		}
		d.Heading(title, level)
		if numbered {
			d.Numbered(items)
		} else {
			d.Bullets(items)
		}
	}

	d.Heading(p.Title, 0)
	d.Meta("Beroep", p.Beroep)
	d.Meta("Eigenaar", p.Owner)
	d.Meta("Versie", p.VersionLabel)
	d.Meta("Status", string(p.Status))
	for _, e := range p.StatusHistory {
		d.Meta(capitalFirst(string(e.Status)), strings.TrimSpace(strings.Join([]string{e.Date, e.Place, e.By}, " ")))
	}
	if cat != nil {
		d.Meta("Competentiemodel", cat.Name)
	}
	d.PageBreak()
	if len(p.Colofon) > 0 {
		d.Heading("Colofon", 1)
		var rows [][]string
		for _, c := range p.Colofon {
			rows = append(rows, []string{c.Role, c.Name, c.Organisation})
		}
		d.Table([]string{"Rol", "Naam", "Organisatie"}, []int{35, 25, 40}, rows)
	}
	if len(p.Sections) > 0 {
		d.Heading("Algemene informatie", 1)
		var sections func(ss []*app.Section, level int)
		sections = func(ss []*app.Section, level int) {
			for _, s := range ss {
				d.Heading(s.Title, min(level, 4))
				paras(s.Text)
				sections(s.Sections, level+1)
			}
		}
		sections(p.Sections, 2)
	}
	for _, l := range p.Lists {
		d.Heading(l.Title, 2)
		var items []string
		for _, it := range l.Items {
			text := it.Text
			switch it.Source {
			case app.ListSourceBCP:
				text += " (in bcp)"
			case app.ListSourceInterviews:
				text += " (genoemd in interviews)"
			}
			items = append(items, text)
		}
		d.Bullets(items)
	}
	if len(p.Trends) > 0 {
		d.Heading("Trends en ontwikkelingen", 1)
		for _, t := range p.Trends {
			d.Heading(t.Title, 2)
			paras(t.Text)
		}
	}
	if len(p.Kerntaken) > 0 {
		d.PageBreak()
		d.Heading("Overzicht van kerntaken en werkprocessen", 1)
		var rows [][]string
		for _, k := range p.Kerntaken {
			for i, w := range k.Werkprocessen {
				kt := ""
				if i == 0 {
					kt = k.Code + " " + k.Title
				}
				rows = append(rows, []string{kt, w.Code + " " + w.Title})
			}
		}
		d.Table([]string{"Kerntaak", "Werkproces"}, []int{45, 55}, rows)
		for _, k := range p.Kerntaken {
			d.PageBreak()
			d.Heading("Kerntaak "+k.Code+" "+k.Title, 1)
			for _, w := range k.Werkprocessen {
				d.Heading(w.Code+" "+w.Title, 2)
				paras(w.Beschrijving)
				block("Competenties", 3, false, refNames(w.Competenties))
				block("Resultaat", 3, false, lineTexts(w.Resultaat))
				block("Kennis", 3, false, lineTexts(w.Kennis))
				block("Vaardigheden", 3, false, lineTexts(w.Vaardigheden))
			}
			if k.Toelichting != "" {
				d.Heading("Toelichting", 2)
				paras(k.Toelichting)
			}
		}
	}
	if len(p.Rollen) > 0 {
		d.PageBreak()
		d.Heading("Overzicht van rollen", 1)
		var rows [][]string
		for _, r := range p.Rollen {
			rows = append(rows, []string{r.Code + " " + r.Title, fmt.Sprint(len(r.Werkzaamheden)), strings.Join(refNames(r.Competenties), ", ")})
		}
		d.Table([]string{"Rol", "Werkzaamheden", "Competenties"}, []int{40, 15, 45}, rows)
		for _, r := range p.Rollen {
			d.PageBreak()
			d.Heading("Rol "+r.Code+" "+r.Title, 1)
			paras(r.Beschrijving)
			var wz []string
			for _, w := range r.Werkzaamheden {
				wz = append(wz, w.Text)
			}
			block("Werkzaamheden", 2, true, wz)
			block("Competenties", 2, true, refNames(r.Competenties))
			block("Kennis en vaardigheden", 2, true, lineTexts(r.KennisEnVaardigheden))
		}
	}
	if opt.Reviews {
		d.PageBreak()
		d.Heading("Bijlage: beoordelingen", 1)
		for _, g := range app.Summarise(p, cat, "") {
			var rows [][]string
			for _, it := range g.Items {
				for _, r := range it.Reviews {
					rows = append(rows, []string{it.Code, it.Text, r.Aansluiting.Label(), strings.TrimSpace(r.Source + " " + r.Date + ": " + r.Toelichting)})
				}
			}
			if len(rows) == 0 && len(g.Aanvullend) == 0 {
				continue
			}
			d.Heading(g.Group, 2)
			d.Paragraph(g.Counts.String())
			if len(rows) > 0 {
				d.Table([]string{"Nr.", "Onderdeel", "Aansluiting", "Toelichting"}, []int{6, 40, 16, 38}, rows)
			}
			for _, a := range g.Aanvullend {
				d.Paragraph("Aanvullende informatie: " + a)
			}
		}
	}
}
