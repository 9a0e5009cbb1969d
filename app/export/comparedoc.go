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

// writeCompare writes the report: title and summary, each pair that
// changed (or every pair), then the competenties of both sides.
func writeCompare(d markedDocument, r *compare.Result, onlyChanges bool) {
	d.Heading(fmt.Sprintf("Vergelijking: %s (%s) ⇄ %s (%s)", r.Old.Title, r.Old.VersionLabel, r.New.Title, r.New.VersionLabel), 0)
	d.Paragraph(compare.SummaryText(r.Summary))
	for _, p := range r.Pairs {
		if onlyChanges && p.Status == compare.Unchanged {
			continue
		}
		writePair(d, p)
	}
	d.PageBreak()
	d.Heading("Competenties", 1)
	d.Paragraph("In beide: " + orNone(r.Competenties.Both))
	d.Paragraph("Alleen oud: " + orNone(r.Competenties.OnlyOld))
	d.Paragraph("Alleen nieuw: " + orNone(r.Competenties.OnlyNew))
}

// writePair writes one pair: its status and both sides, with word
// changes marked when they are the same kind of element.
func writePair(d markedDocument, p *compare.Pair) {
	d.Heading(capitalFirst(string(p.Status))+": "+pairTitle(p), 2)
	if p.How == compare.BySimilarity {
		d.Paragraph(fmt.Sprintf("Gekoppeld op gelijkenis (%.2f).", p.Similarity))
	}
	if p.Old != nil && p.New != nil && p.Old.Kind == p.New.Kind {
		writeChanges(d, p)
	} else {
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

// pairTitle names both sides of a pair, or the one there is.
func pairTitle(p *compare.Pair) string {
	switch {
	case p.Old != nil && p.New != nil:
		return unitLabel(p.Old) + " ⇄ " + unitLabel(p.New)
	case p.Old != nil:
		return unitLabel(p.Old)
	default:
		return unitLabel(p.New)
	}
}

// unitLabel is the kind, code and (shortened) title or text of a unit.
func unitLabel(u *compare.Unit) string {
	t := u.Title
	if t == "" {
		t = u.Body
	}
	if len([]rune(t)) > 90 {
		t = string([]rune(t)[:89]) + "…"
	}
	return strings.TrimSpace(u.Kind.Label() + " " + u.Code + " " + t)
}

// writeChanges writes the old and new text with the words marked, and
// per list the lines added, removed or changed.
func writeChanges(d markedDocument, p *compare.Pair) {
	if len(p.Body) > 0 && compare.Changed(p.Body) {
		d.Heading("Oud", 3)
		d.Marked(spanParts(p.Body, true))
		d.Heading("Nieuw", 3)
		d.Marked(spanParts(p.Body, false))
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
				changed = append(changed, append(spanParts(it.Spans, true), append([]Part{{Text: "  →  "}}, spanParts(it.Spans, false)...)...))
			}
		}
		if len(changed) > 0 {
			d.Heading(ld.Kind.Label(), 3)
			for _, c := range changed {
				d.Marked(c)
			}
		}
	}
}

// spanParts are the pieces of one side of a word diff.
func spanParts(spans []compare.Span, old bool) []Part {
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

func orNone(xs []string) string {
	if len(xs) == 0 {
		return "—"
	}
	return strings.Join(xs, "; ")
}
