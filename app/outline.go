package app

import (
	"fmt"
	"io"
	"strings"
)

// WriteOutline writes a readable plain-text outline of a profile: its
// metadata, colofon, algemene informatie titles and the whole task tree
// with competenties and lines. cat resolves competentie names and may be
// nil.
func WriteOutline(w io.Writer, p *Profile, cat *Catalogue) {
	names := map[string]string{}
	if cat != nil {
		for _, c := range cat.Competenties {
			names[c.ID] = c.Name
		}
	}
	refNames := func(rs []*CompetentieRef) string {
		var out []string
		for _, r := range rs {
			n, ok := names[r.Competentie]
			if !ok {
				n = "onbekende competentie " + r.Competentie
			}
			out = append(out, n)
		}
		return strings.Join(out, "; ")
	}
	lines := func(indent, label string, ls []*Line) {
		if len(ls) == 0 {
			return
		}
		fmt.Fprintf(w, "%s%s:\n", indent, label)
		for _, l := range ls {
			fmt.Fprintf(w, "%s  - %s\n", indent, l.Text)
		}
	}

	fmt.Fprintf(w, "%s\n", p.Title)
	fmt.Fprintf(w, "Beroep: %s · Eigenaar: %s · Versie: %s · Status: %s\n", p.Beroep, p.Owner, p.VersionLabel, p.Status)
	if cat != nil {
		fmt.Fprintf(w, "Competentiemodel: %s\n", cat.Name)
	}
	fmt.Fprintf(w, "Id: %s\n", p.ID)
	for _, e := range p.StatusHistory {
		fmt.Fprintf(w, "%s: %s %s %s\n", capital(string(e.Status)), e.Date, e.Place, e.By)
	}
	if len(p.Colofon) > 0 {
		fmt.Fprintln(w, "\nColofon")
		for _, c := range p.Colofon {
			who := strings.TrimSpace(strings.Join([]string{c.Name, c.Organisation}, ", "))
			fmt.Fprintf(w, "  %s: %s\n", c.Role, strings.Trim(who, ", "))
		}
	}
	if len(p.Sections) > 0 {
		fmt.Fprintln(w, "\nAlgemene informatie")
		var sections func(indent string, ss []*Section)
		sections = func(indent string, ss []*Section) {
			for _, s := range ss {
				fmt.Fprintf(w, "%s%s\n", indent, s.Title)
				sections(indent+"  ", s.Sections)
			}
		}
		sections("  ", p.Sections)
	}
	for _, l := range p.Lists {
		fmt.Fprintf(w, "\n%s\n", l.Title)
		for _, it := range l.Items {
			src := ""
			switch it.Source {
			case ListSourceBCP:
				src = " (in bcp)"
			case ListSourceInterviews:
				src = " (genoemd in interviews)"
			}
			fmt.Fprintf(w, "  - %s%s\n", it.Text, src)
		}
	}
	if len(p.Trends) > 0 {
		fmt.Fprintln(w, "\nTrends")
		for _, t := range p.Trends {
			fmt.Fprintf(w, "  - %s\n", t.Title)
		}
	}
	for _, k := range p.Kerntaken {
		fmt.Fprintf(w, "\nKerntaak %s  %s\n", k.Code, k.Title)
		for _, wp := range k.Werkprocessen {
			fmt.Fprintf(w, "  %s  %s\n", wp.Code, wp.Title)
			if len(wp.Competenties) > 0 {
				fmt.Fprintf(w, "      Competenties: %s\n", refNames(wp.Competenties))
			}
			lines("      ", "Resultaat", wp.Resultaat)
			lines("      ", "Kennis", wp.Kennis)
			lines("      ", "Vaardigheden", wp.Vaardigheden)
		}
		if k.Toelichting != "" {
			fmt.Fprintf(w, "  Toelichting: %s\n", firstLine(k.Toelichting))
		}
	}
	for _, r := range p.Rollen {
		fmt.Fprintf(w, "\nRol %s  %s\n", r.Code, r.Title)
		if r.Beschrijving != "" {
			fmt.Fprintf(w, "  %s\n", firstLine(r.Beschrijving))
		}
		for _, wz := range r.Werkzaamheden {
			fmt.Fprintf(w, "  %s. %s\n", wz.Code, firstLine(wz.Text))
		}
		if len(r.Competenties) > 0 {
			fmt.Fprintf(w, "  Competenties: %s\n", refNames(r.Competenties))
		}
		lines("  ", "Kennis en vaardigheden", r.KennisEnVaardigheden)
	}
	if n := len(p.Reviews); n > 0 {
		fmt.Fprintf(w, "\n%d beoordeling(en) en notitie(s)\n", n)
	}
}

// firstLine shortens a long text to its first line, at most 100 runes.
func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + " …"
	}
	r := []rune(s)
	if len(r) > 100 {
		return string(r[:99]) + "…"
	}
	return s
}

// Shorten cuts s to at most n runes on one line, with an ellipsis.
func Shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
