package export

import (
	"strconv"
	"strings"

	"bcpeditor/app"
)

// Options steer a document export.
type Options struct {
	// Reviews adds the aanvullende informatie to each rol or kerntaak and
	// an appendix with the ratings, when there are any.
	Reviews bool
	// Bronnen are the research sources the profile cites: each gets an
	// appendix "Onderzoek", and the texts taken from one name it. A text
	// from a bron not given here is still marked as not the bcp's own.
	Bronnen []*app.Bron
}

// writeDocument lays out a profile as the bcp itself does: a title page,
// the table of contents, the unnumbered front matter (inleiding, colofon),
// the numbered chapters (algemene informatie, trends, the overview of
// kerntaken and werkprocessen or rollen, each kerntaak with its
// werkprocessen or each rol with its werkzaamheden, competenties and
// kennis en vaardigheden), and appendices only when they have content.
func writeDocument(d document, p *app.Profile, cat *app.Catalogue, opt Options) {
	l := newLayout(p, cat, opt)
	d.TitlePage(l.titlePage())
	d.Contents()
	l.writeFrontMatter(d)
	for i, ch := range l.chapters() {
		ch.write(d, strconv.Itoa(i+1))
	}
	l.writeAppendices(d)
}

// chapter is one numbered chapter; write gets its number.
type chapter struct {
	write func(d document, num string)
}

// layout is what writeDocument decided about a profile before writing:
// which sections are front matter, which host the colofon, the trends or
// the overview table, and which lists still need showing.
type layout struct {
	p     *app.Profile
	cat   *app.Catalogue
	opt   Options
	names map[string]string

	front, body   []*app.Section
	flat          bool // no section has sub-sections: they form one chapter
	colofonHost   *app.Section
	colofonGroups map[*app.Section][]colofonGroup
	trendHost     *app.Section
	overviewHost  *app.Section
	lists         []*app.NamedList // lists whose items the text does not already show
	notes         map[string][]*app.Review
}

func newLayout(p *app.Profile, cat *app.Catalogue, opt Options) *layout {
	l := &layout{p: p, cat: cat, opt: opt, names: competentieNames(cat), notes: map[string][]*app.Review{}}
	l.splitSections()
	l.findHosts(p.Sections)
	l.placeColofon()
	l.lists = listsToShow(p)
	if opt.Reviews {
		for _, r := range p.Reviews {
			if r.Kind == app.ReviewAanvullend && l.isGroup(r.ElementID) {
				l.notes[r.ElementID] = append(l.notes[r.ElementID], r)
			}
		}
	}
	return l
}

// frontTitles start the titles of sections that come before the numbered
// chapters in a bcp.
var frontTitles = []string{"aanduiding", "voorwoord", "inleiding", "leeswijzer", "colofon"}

func isFrontTitle(title string) bool {
	t := strings.ToLower(strings.TrimSpace(title))
	for _, f := range frontTitles {
		if strings.HasPrefix(t, f) {
			return true
		}
	}
	return false
}

// splitSections separates front matter from chapters. When some top-level
// section has sub-sections the sections are the chapters themselves, and
// the front matter is the leading run of sections up to the first one
// with sub-sections that is not an inleiding or the like (the 2010 BCP:
// "Aanduiding ‘hij’", Inleiding, Colofon, Sectorraad). Otherwise the
// sections are the paragraphs of one chapter "Algemene informatie" and
// only inleiding-like sections are front matter.
func (l *layout) splitSections() {
	l.flat = true
	for _, s := range l.p.Sections {
		if len(s.Sections) > 0 {
			l.flat = false
		}
	}
	leading := !l.flat
	for _, s := range l.p.Sections {
		if leading && len(s.Sections) > 0 && !isFrontTitle(s.Title) {
			leading = false
		}
		if leading || isFrontTitle(s.Title) {
			l.front = append(l.front, s)
		} else {
			l.body = append(l.body, s)
		}
	}
}

// findHosts finds the sections that the colofon, the trends and the
// overview of kerntaken belong in.
func (l *layout) findHosts(ss []*app.Section) {
	for _, s := range ss {
		t := strings.ToLower(strings.TrimSpace(s.Title))
		switch {
		case l.colofonHost == nil && strings.HasPrefix(t, "colofon"):
			l.colofonHost = s
		case l.trendHost == nil && strings.HasPrefix(t, "trends"):
			l.trendHost = s
		case l.overviewHost == nil && len(l.p.Kerntaken) > 0 && strings.HasPrefix(t, "overzicht van kerntaken"):
			l.overviewHost = s
		}
		l.findHosts(s.Sections)
	}
}

// isGroup reports whether id is a kerntaak or rol.
func (l *layout) isGroup(id string) bool {
	for _, k := range l.p.Kerntaken {
		if k.ID == id {
			return true
		}
	}
	for _, r := range l.p.Rollen {
		if r.ID == id {
			return true
		}
	}
	return false
}

// listsToShow leaves out the lists whose items the algemene informatie
// already shows (the 2010 BCP's "Functienamen" are the bullets of
// "Mogelijke functiebenamingen"): a list counts as shown when at least two
// thirds of its items appear in the texts.
func listsToShow(p *app.Profile) []*app.NamedList {
	var all strings.Builder
	var walk func([]*app.Section)
	walk = func(ss []*app.Section) {
		for _, s := range ss {
			all.WriteString(s.Text)
			all.WriteByte('\n')
			walk(s.Sections)
		}
	}
	walk(p.Sections)
	text := all.String()
	var out []*app.NamedList
	for _, l := range p.Lists {
		found := 0
		for _, it := range l.Items {
			if it.Text != "" && strings.Contains(text, it.Text) {
				found++
			}
		}
		if len(l.Items) == 0 || found*3 < len(l.Items)*2 {
			out = append(out, l)
		}
	}
	return out
}

// titlePage gathers the title page: title, beroep, versie, owner, model
// and the status with its dates and places.
func (l *layout) titlePage() titlePage {
	p := l.p
	t := titlePage{Title: p.Title, Subtitle: "Beroepscompetentieprofiel " + p.Beroep}
	if p.VersionLabel != "" {
		t.Lines = append(t.Lines, "Versie "+p.VersionLabel)
	}
	if p.Owner != "" {
		t.Lines = append(t.Lines, "Eigenaar: "+p.Owner)
	}
	if l.cat != nil {
		t.Lines = append(t.Lines, "Competentiemodel: "+l.cat.Name)
	}
	for _, e := range p.StatusHistory {
		t.Status = append(t.Status, statusLine(e))
	}
	if len(t.Status) == 0 || p.StatusHistory[len(p.StatusHistory)-1].Status != p.Status {
		t.Status = append(t.Status, "Status: "+string(p.Status))
	}
	return t
}

// numbered puts a chapter or paragraph number before a title.
func numbered(num, title string) string {
	if num == "" {
		return title
	}
	return num + " " + title
}

// sub is the number of the i-th (0-based) part under num, or "" when
// the level is not numbered (below level 2).
func sub(num string, i, level int) string {
	if num == "" || level > 2 {
		return ""
	}
	return num + "." + strconv.Itoa(i+1)
}

// writeSection writes a section at a heading level with its text, what it
// hosts, and its sub-sections.
func (l *layout) writeSection(d document, s *app.Section, level int, num string) {
	d.Heading(numbered(num, s.Title), level)
	if s == l.colofonHost {
		l.writeColofon(d, s)
	}
	l.writeText(d, s.BronID, s.Text)
	if s != l.colofonHost {
		l.writeColofon(d, s)
	}
	for i, c := range s.Sections {
		l.writeSection(d, c, min(level+1, 4), sub(num, i, level+1))
	}
	if s == l.trendHost {
		for i, t := range l.p.Trends {
			l.writeTrend(d, t, min(level+1, 4), sub(num, len(s.Sections)+i, level+1))
		}
	}
	if s == l.overviewHost {
		d.Table(l.kerntaakOverview())
	}
}

func (l *layout) writeTrend(d document, t *app.Trend, level int, num string) {
	d.Heading(numbered(num, t.Title), level)
	l.writeText(d, t.BronID, t.Text)
}

// writeFrontMatter writes the unnumbered sections before chapter 1, and a
// colofon page when the profile has colofon entries but no section for
// them.
func (l *layout) writeFrontMatter(d document) {
	for _, s := range l.front {
		l.writeSection(d, s, 1, "")
	}
	if l.colofonHost == nil && len(l.colofonGroups[nil]) > 0 {
		d.Heading("Colofon", 1)
		l.writeColofon(d, nil)
	}
}
