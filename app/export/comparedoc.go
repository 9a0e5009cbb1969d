package export

import (
	"fmt"
	"io"
	"strings"

	"bcpeditor/app/compare"
)

// WriteCompareDOCX writes a comparison as a Word report: the summary, then
// per pair its status and both sides, with removed words struck through
// and added words marked; then the competenties.
func WriteCompareDOCX(w io.Writer, r *compare.Result, onlyChanges bool) error {
	d := newDocx(docInfo{
		Title:   fmt.Sprintf("Vergelijking %s (%s) en %s (%s)", r.Old.Title, r.Old.VersionLabel, r.New.Title, r.New.VersionLabel),
		Subject: "Vergelijking van beroepscompetentieprofielen", Author: r.New.Owner,
	})
	writeCompare(d, r, onlyChanges)
	return d.Write(w)
}

func writeCompare(d markedDocument, r *compare.Result, onlyChanges bool) {
	d.Heading(fmt.Sprintf("Vergelijking: %s (%s) ⇄ %s (%s)", r.Old.Title, r.Old.VersionLabel, r.New.Title, r.New.VersionLabel), 0)
	d.Paragraph(compare.SummaryText(r.Summary))
	parts := func(spans []compare.Span, old bool) []Part {
		var out []Part
		for _, s := range spans {
			switch {
			case s.Op == compare.Equal:
				out = append(out, Part{Text: s.Text})
			case s.Op == compare.Delete && old:
				out = append(out, Part{Text: s.Text, Removed: true})
			case s.Op == compare.Insert && !old:
				out = append(out, Part{Text: s.Text, Added: true})
			}
		}
		return out
	}
	label := func(u *compare.Unit) string {
		t := u.Title
		if t == "" {
			t = u.Body
		}
		if len([]rune(t)) > 90 {
			t = string([]rune(t)[:89]) + "…"
		}
		return strings.TrimSpace(u.Kind.Label() + " " + u.Code + " " + t)
	}
	for _, p := range r.Pairs {
		if onlyChanges && p.Status == compare.Unchanged {
			continue
		}
		var head string
		switch {
		case p.Old != nil && p.New != nil:
			head = label(p.Old) + " ⇄ " + label(p.New)
		case p.Old != nil:
			head = label(p.Old)
		default:
			head = label(p.New)
		}
		d.Heading(strings.ToUpper(string(p.Status)[:1])+string(p.Status)[1:]+": "+head, 2)
		if p.How == compare.BySimilarity {
			d.Paragraph(fmt.Sprintf("Gekoppeld op gelijkenis (%.2f).", p.Similarity))
		}
		cross := p.Old != nil && p.New != nil && p.Old.Kind != p.New.Kind
		switch {
		case p.Old != nil && p.New != nil && !cross:
			if len(p.Body) > 0 && compare.Changed(p.Body) {
				d.Heading("Oud", 3)
				d.Marked(parts(p.Body, true))
				d.Heading("Nieuw", 3)
				d.Marked(parts(p.Body, false))
			}
			for _, ld := range p.Lists {
				var changed [][]Part
				for _, it := range ld.Items {
					switch it.Status {
					case compare.Added:
						changed = append(changed, []Part{{Text: "+ "}, {Text: it.New, Added: true}})
					case compare.Removed:
						changed = append(changed, []Part{{Text: "− "}, {Text: it.Old, Removed: true}})
					case compare.Modified:
						changed = append(changed, append(parts(it.Spans, true), append([]Part{{Text: "  →  "}}, parts(it.Spans, false)...)...))
					}
				}
				if len(changed) > 0 {
					d.Heading(ld.Kind.Label(), 3)
					for _, c := range changed {
						d.Marked(c)
					}
				}
			}
		default:
			for _, u := range []*compare.Unit{p.Old, p.New} {
				if u != nil && u.Body != "" {
					d.Paragraph(u.Body)
				}
			}
		}
		c := p.Competenties
		if len(c.OnlyOld)+len(c.OnlyNew) > 0 {
			d.Paragraph("Competenties alleen oud: " + orNone(c.OnlyOld) + "; alleen nieuw: " + orNone(c.OnlyNew))
		}
	}
	d.PageBreak()
	d.Heading("Competenties", 1)
	d.Paragraph("In beide: " + orNone(r.Competenties.Both))
	d.Paragraph("Alleen oud: " + orNone(r.Competenties.OnlyOld))
	d.Paragraph("Alleen nieuw: " + orNone(r.Competenties.OnlyNew))
}

func orNone(xs []string) string {
	if len(xs) == 0 {
		return "—"
	}
	return strings.Join(xs, "; ")
}
