package ui

import (
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"bcpeditor/app"
	"bcpeditor/widgets"
)

// Detail shows one element of a profile in full, read as a document. User
// text is put in text segments, never parsed as markup.
type Detail struct {
	*widget.RichText
}

// NewDetail makes an empty detail pane.
func NewDetail() *Detail {
	d := &Detail{RichText: widget.NewRichText()}
	d.Wrapping = 3 // fyne.TextWrapWord
	d.show(para(lang.L("Kies links een profiel uit de bibliotheek.")))
	return d
}

// Text returns everything the pane shows as plain text (for tests).
func (d *Detail) Text() string {
	var b strings.Builder
	for _, s := range d.Segments {
		b.WriteString(segmentText(s))
		b.WriteString("\n")
	}
	return b.String()
}

func segmentText(s widget.RichTextSegment) string {
	switch s := s.(type) {
	case *widget.TextSegment:
		return s.Text
	case *widget.ListSegment:
		var parts []string
		for _, it := range s.Items {
			parts = append(parts, segmentText(it))
		}
		return strings.Join(parts, "\n")
	}
	return ""
}

func (d *Detail) show(segs ...widget.RichTextSegment) {
	d.Segments = segs
	d.Refresh()
}

func heading(text string) widget.RichTextSegment {
	return &widget.TextSegment{Text: text, Style: widget.RichTextStyleHeading}
}

func subheading(text string) widget.RichTextSegment {
	return &widget.TextSegment{Text: text, Style: widget.RichTextStyleSubHeading}
}

func para(text string) widget.RichTextSegment {
	return &widget.TextSegment{Text: text, Style: widget.RichTextStyleParagraph}
}

func muted(text string) widget.RichTextSegment {
	s := widget.RichTextStyleParagraph
	s.TextStyle.Italic = true
	return &widget.TextSegment{Text: text, Style: s}
}

// paragraphs splits a text at blank lines into paragraph segments.
func paragraphs(text string) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	for _, p := range strings.Split(text, "\n\n") {
		if strings.TrimSpace(p) != "" {
			out = append(out, para(p))
		}
	}
	return out
}

func list(ordered bool, items []string) widget.RichTextSegment {
	l := &widget.ListSegment{Ordered: ordered}
	for _, it := range items {
		l.Items = append(l.Items, para(it))
	}
	return l
}

func lineTexts(ls []*app.Line) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.Text
	}
	return out
}

func refNames(cat *app.Catalogue, rs []*app.CompetentieRef) []string {
	names := map[string]string{}
	if cat != nil {
		for _, c := range cat.Competenties {
			names[c.ID] = c.Name
		}
	}
	out := make([]string, len(rs))
	for i, r := range rs {
		if n, ok := names[r.Competentie]; ok {
			out[i] = n
		} else {
			out[i] = lang.L("onbekende competentie")
		}
	}
	return out
}

// section appends a titled block when there is something in it.
func section(segs []widget.RichTextSegment, title string, ordered bool, items []string) []widget.RichTextSegment {
	if len(items) == 0 {
		return segs
	}
	return append(segs, subheading(title), list(ordered, items))
}

// reviews appends the review annotations on one element.
func reviews(segs []widget.RichTextSegment, p *app.Profile, id string) []widget.RichTextSegment {
	var items []string
	for _, r := range p.Reviews {
		if r.ElementID != id {
			continue
		}
		head := lang.L(r.Aansluiting.Label())
		if r.Kind == app.ReviewAanvullend {
			head = lang.L("aanvullende informatie")
		}
		items = append(items, head+" — "+r.Source+": "+r.Toelichting)
	}
	return section(segs, lang.L("Beoordelingen en notities"), false, items)
}

// ShowProfile shows the profile's gegevens: metadata, status and colofon.
func (d *Detail) ShowProfile(p *app.Profile, cat *app.Catalogue) {
	segs := []widget.RichTextSegment{heading(p.Title)}
	meta := []string{
		lang.L("Beroep") + ": " + p.Beroep,
		lang.L("Eigenaar") + ": " + p.Owner,
		lang.L("Versie") + ": " + p.VersionLabel,
		lang.L("Status") + ": " + lang.L(string(p.Status)),
	}
	if cat != nil {
		meta = append(meta, lang.L("Competentiemodel")+": "+cat.Name)
	}
	segs = section(segs, lang.L("Gegevens"), false, meta)
	var hist []string
	for _, e := range p.StatusHistory {
		hist = append(hist, strings.Join(nonEmpty(lang.L(string(e.Status)), e.Date, e.Place, e.By), " · "))
	}
	segs = section(segs, lang.L("Statushistorie"), false, hist)
	var col []string
	for _, c := range p.Colofon {
		col = append(col, c.Role+": "+strings.Join(nonEmpty(c.Name, c.Organisation), ", "))
	}
	segs = section(segs, lang.L("Colofon"), false, col)
	d.show(segs...)
}

func nonEmpty(xs ...string) []string {
	var out []string
	for _, x := range xs {
		if strings.TrimSpace(x) != "" {
			out = append(out, x)
		}
	}
	return out
}

// ShowNode shows the element (or synthetic branch) with the given ID.
func (d *Detail) ShowNode(p *app.Profile, cat *app.Catalogue, id string) {
	switch id {
	case widgets.NodeMeta:
		d.ShowProfile(p, cat)
		return
	case widgets.NodeAlgemeen:
		var titles []string
		for _, s := range p.Sections {
			titles = append(titles, s.Title)
		}
		d.show(heading(lang.L("Algemene informatie")), list(false, titles))
		return
	case widgets.NodeLijsten, widgets.NodeTrends:
		var segs []widget.RichTextSegment
		if id == widgets.NodeTrends {
			segs = append(segs, heading(lang.L("Trends")))
			for _, t := range p.Trends {
				segs = append(append(segs, subheading(t.Title)), paragraphs(t.Text)...)
			}
		} else {
			segs = append(segs, heading(lang.L("Lijsten")))
			for _, l := range p.Lists {
				segs = append(segs, listSegments(l)...)
			}
		}
		d.show(segs...)
		return
	}
	if s := findSection(p.Sections, id); s != nil {
		segs := append([]widget.RichTextSegment{heading(s.Title)}, paragraphs(s.Text)...)
		for _, sub := range s.Sections {
			segs = append(append(segs, subheading(sub.Title)), paragraphs(sub.Text)...)
		}
		d.show(reviews(segs, p, id)...)
		return
	}
	for _, l := range p.Lists {
		if l.ID == id {
			d.show(listSegments(l)...)
			return
		}
	}
	for _, t := range p.Trends {
		if t.ID == id {
			d.show(reviews(append([]widget.RichTextSegment{heading(t.Title)}, paragraphs(t.Text)...), p, id)...)
			return
		}
	}
	for _, k := range p.Kerntaken {
		if k.ID == id {
			segs := []widget.RichTextSegment{heading(lang.L("Kerntaak") + " " + k.Code + "  " + k.Title)}
			var wps []string
			for _, w := range k.Werkprocessen {
				wps = append(wps, w.Code+"  "+w.Title)
			}
			segs = section(segs, lang.L("Werkprocessen"), false, wps)
			if k.Toelichting != "" {
				segs = append(append(segs, subheading(lang.L("Toelichting"))), paragraphs(k.Toelichting)...)
			}
			d.show(reviews(segs, p, id)...)
			return
		}
		for _, w := range k.Werkprocessen {
			if w.ID == id {
				d.showWerkproces(p, cat, k, w)
				return
			}
		}
	}
	for _, r := range p.Rollen {
		if r.ID == id {
			d.showRol(p, cat, r)
			return
		}
		for _, w := range r.Werkzaamheden {
			if w.ID == id {
				segs := []widget.RichTextSegment{
					heading(lang.L("Werkzaamheid") + " " + w.Code),
					muted(lang.L("Rol") + " " + r.Code + " · " + r.Title),
				}
				segs = append(segs, paragraphs(w.Text)...)
				d.show(reviews(segs, p, id)...)
				return
			}
		}
	}
	d.show(para(lang.L("Dit onderdeel bestaat niet meer.")))
}

func listSegments(l *app.NamedList) []widget.RichTextSegment {
	var bcp, interviews, plain []string
	for _, it := range l.Items {
		switch it.Source {
		case app.ListSourceBCP:
			bcp = append(bcp, it.Text)
		case app.ListSourceInterviews:
			interviews = append(interviews, it.Text)
		default:
			plain = append(plain, it.Text)
		}
	}
	segs := []widget.RichTextSegment{subheading(l.Title)}
	if len(plain) > 0 {
		segs = append(segs, list(false, plain))
	}
	if len(bcp) > 0 {
		segs = append(segs, muted(lang.L("In het bcp")), list(false, bcp))
	}
	if len(interviews) > 0 {
		segs = append(segs, muted(lang.L("Genoemd in interviews")), list(false, interviews))
	}
	return segs
}

func findSection(ss []*app.Section, id string) *app.Section {
	for _, s := range ss {
		if s.ID == id {
			return s
		}
		if f := findSection(s.Sections, id); f != nil {
			return f
		}
	}
	return nil
}

func (d *Detail) showWerkproces(p *app.Profile, cat *app.Catalogue, k *app.Kerntaak, w *app.Werkproces) {
	segs := []widget.RichTextSegment{
		heading(w.Code + "  " + w.Title),
		muted(lang.L("Werkproces") + " · " + lang.L("Kerntaak") + " " + k.Code + " " + k.Title),
	}
	if w.Beschrijving != "" {
		segs = append(append(segs, subheading(lang.L("Beschrijving"))), paragraphs(w.Beschrijving)...)
	}
	segs = section(segs, lang.L("Competenties"), false, refNames(cat, w.Competenties))
	segs = section(segs, lang.L("Resultaat"), false, lineTexts(w.Resultaat))
	segs = section(segs, lang.L("Kennis"), false, lineTexts(w.Kennis))
	segs = section(segs, lang.L("Vaardigheden"), false, lineTexts(w.Vaardigheden))
	d.show(reviews(segs, p, w.ID)...)
}

func (d *Detail) showRol(p *app.Profile, cat *app.Catalogue, r *app.Rol) {
	segs := []widget.RichTextSegment{heading(lang.L("Rol") + " " + r.Code + "  " + r.Title)}
	if r.Beschrijving != "" {
		segs = append(append(segs, subheading(lang.L("Beschrijving"))), paragraphs(r.Beschrijving)...)
	}
	var wz []string
	for _, w := range r.Werkzaamheden {
		wz = append(wz, w.Text)
	}
	segs = section(segs, lang.L("Werkzaamheden"), true, wz)
	segs = section(segs, lang.L("Competenties"), true, refNames(cat, r.Competenties))
	segs = section(segs, lang.L("Kennis en vaardigheden"), true, lineTexts(r.KennisEnVaardigheden))
	d.show(reviews(segs, p, r.ID)...)
}
