package export

import (
	"fmt"
	"io"
	"strings"

	"bcpeditor/app"
	"bcpeditor/app/compare"
)

// WriteCompareDOCX writes a comparison as a Word report: the summary, then
// per old element its status and new counterparts — with removed words
// struck through and added words marked where one element maps to one,
// and the phrases both hold marked where it maps to several — then the
// competenties.
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
	for _, row := range r.Rows {
		if onlyChanges && row.Status == compare.Unchanged {
			continue
		}
		writeCompareRow(d, row)
	}
	d.PageBreak()
	d.Heading("Competenties", 1)
	d.Paragraph("In beide: " + orNone(r.Competenties.Both))
	d.Paragraph("Alleen oud: " + orNone(r.Competenties.OnlyOld))
	d.Paragraph("Alleen nieuw: " + orNone(r.Competenties.OnlyNew))
}

// writeCompareRow writes one row: a heading with the status and the old
// element, then its diff or its counterparts.
func writeCompareRow(d markedDocument, row compare.Row) {
	status := strings.ToUpper(string(row.Status)[:1]) + string(row.Status)[1:]
	if row.Old == nil {
		d.Heading(status+": "+unitHeading(row.New), 2)
		if row.New.Body != "" {
			d.Paragraph(row.New.Body)
		}
		return
	}
	d.Heading(status+": "+unitHeading(row.Old), 2)
	if one := row.OneToOne(); one != nil {
		d.Paragraph("⇄ " + unitHeading(one.New) + " (" + compare.LinkLabel(one) + ")")
		writeCompareDiff(d, one.Diff)
		return
	}
	if row.Old.Body != "" {
		d.Paragraph(row.Old.Body)
	}
	for _, l := range row.Links {
		d.Heading("⇄ "+unitHeading(l.New)+" ("+compare.LinkLabel(l)+")", 3)
		if l.New.Body != "" {
			d.Marked(markedParts(l.Marks(l.New.Body)))
		}
	}
}

// writeCompareDiff writes the changed texts and list items of a
// one-to-one link.
func writeCompareDiff(d markedDocument, diff *compare.Diff) {
	if compare.Changed(diff.Title) {
		d.Marked(append(append(diffParts(diff.Title, true), Part{Text: "  →  "}), diffParts(diff.Title, false)...))
	}
	if compare.Changed(diff.Body) {
		d.Heading("Oud", 3)
		d.Marked(diffParts(diff.Body, true))
		d.Heading("Nieuw", 3)
		d.Marked(diffParts(diff.Body, false))
	}
	for _, ld := range diff.Lists {
		var changed [][]Part
		for _, it := range ld.Items {
			switch it.Status {
			case compare.Added:
				changed = append(changed, []Part{{Text: "+ "}, {Text: it.New, Added: true}})
			case compare.Removed:
				changed = append(changed, []Part{{Text: "− "}, {Text: it.Old, Removed: true}})
			case compare.Modified:
				changed = append(changed, append(diffParts(it.Spans, true), append([]Part{{Text: "  →  "}}, diffParts(it.Spans, false)...)...))
			}
		}
		if len(changed) > 0 {
			d.Heading(ld.Kind.Label(), 3)
			for _, c := range changed {
				d.Marked(c)
			}
		}
	}
	if c := diff.Competenties; len(c.OnlyOld)+len(c.OnlyNew) > 0 {
		d.Paragraph("Competenties alleen oud: " + orNone(c.OnlyOld) + "; alleen nieuw: " + orNone(c.OnlyNew))
	}
}

// diffParts is one side of a word diff (see compare.Side).
func diffParts(spans []compare.Span, old bool) []Part { return markedParts(compare.Side(spans, old)) }

// markedParts turns the marks every view draws into document parts.
func markedParts(ms []compare.Mark) []Part {
	out := make([]Part, len(ms))
	for i, m := range ms {
		out[i] = Part{Text: m.Text, Removed: m.Removed, Added: m.Added, Shared: m.Shared}
	}
	return out
}

// unitHeading names an element with the start of its text: "werkproces
// 2.3 Behandelt klachten".
func unitHeading(u *compare.Unit) string {
	return app.Shorten(u.Label()+" "+u.Text(), 90)
}

func orNone(xs []string) string {
	if len(xs) == 0 {
		return "—"
	}
	return strings.Join(xs, "; ")
}
