package compare

import (
	"fmt"
	"html/template"
	"io"
	"strings"
	"time"

	"bcpeditor/app"
)

// WriteHTML writes the comparison as one self-contained HTML page that
// prints well: the summary, then per old element its new counterparts
// side by side — with removed words struck through and added words marked
// where one element maps to one, and the shared phrases marked where it
// maps to several — and the competenties. Every user text is escaped by
// html/template; none becomes markup.
func WriteHTML(w io.Writer, r *Result, onlyChanges bool) error {
	var rows []reportRow
	for _, row := range r.Rows {
		if onlyChanges && row.Status == Unchanged {
			continue
		}
		rows = append(rows, newReportRow(row))
	}
	data := struct {
		Old, New     *app.Profile
		Summary      string
		Rows         []reportRow
		Competenties CompetentieDiff
		Date         string
		OnlyChanges  bool
	}{r.Old, r.New, SummaryText(r.Summary), rows, r.Competenties, time.Now().Format("2-1-2006"), onlyChanges}
	return reportTemplate.Execute(w, data)
}

// reportRow is one row of the report: an old element (or none) and its
// new counterparts.
type reportRow struct {
	Status, Class string
	Old           *reportSide
	New           []*reportSide
}

// reportSide is one element in the report.
type reportSide struct {
	Label, Link string // Link: how and how strongly it is linked (new side)
	Title, Body template.HTML
	Lists       []reportList
}

// reportList is a list (resultaat, kennis …) in the report.
type reportList struct {
	Label string
	Items []template.HTML
}

func newReportRow(row Row) reportRow {
	rr := reportRow{Status: string(row.Status), Class: string(row.Status)}
	if row.Old == nil {
		rr.New = []*reportSide{plainSide(row.New)}
		return rr
	}
	if one := row.OneToOne(); one != nil {
		rr.Old, rr.New = diffSide(row.Old, one.Diff, true), []*reportSide{diffSide(one.New, one.Diff, false)}
		rr.New[0].Link = LinkLabel(one)
		return rr
	}
	rr.Old = plainSide(row.Old)
	for _, l := range row.Links {
		s := markedSide(l)
		s.Link = LinkLabel(l)
		rr.New = append(rr.New, s)
	}
	return rr
}

// LinkLabel says in words how a link was made: "op tekst (0,42)",
// "suggestie (0,18)", "zelfde herkomst", "door u gekoppeld".
func LinkLabel(l *Link) string {
	strength := strings.Replace(fmt.Sprintf("%.2f", l.Strength), ".", ",", 1)
	switch {
	case l.Verdict == Made:
		return "door u gekoppeld"
	case l.Verdict == Confirmed:
		return "door u bevestigd (" + strength + ")"
	case l.How == ByLineage:
		return "zelfde herkomst"
	case l.How == ByCode:
		return "zelfde code"
	case l.Suggestion:
		return "suggestie (" + strength + ")"
	}
	return "op tekst (" + strength + ")"
}

// spansHTML renders one side of a word diff: the old side shows removed
// words in <del>, the new side added words in <ins>.
func spansHTML(spans []Span, old bool) template.HTML { return marksHTML(Side(spans, old)) }

// marksHTML renders marked runs: removed in <del>, added in <ins>, shared
// phrases in <mark>.
func marksHTML(ms []Mark) template.HTML {
	var b strings.Builder
	for _, m := range ms {
		text := strings.ReplaceAll(template.HTMLEscapeString(m.Text), "\n", "<br>")
		switch {
		case m.Removed:
			text = "<del>" + text + "</del>"
		case m.Added:
			text = "<ins>" + text + "</ins>"
		case m.Shared:
			text = "<mark>" + text + "</mark>"
		}
		b.WriteString(text)
	}
	return template.HTML(b.String())
}

func plainHTML(s string) template.HTML {
	return template.HTML(strings.ReplaceAll(template.HTMLEscapeString(s), "\n", "<br>"))
}

func plainSide(u *Unit) *reportSide {
	s := &reportSide{Label: u.Label(), Title: plainHTML(u.Title), Body: plainHTML(u.Body)}
	for _, k := range listKinds {
		if len(u.Lists[k]) == 0 {
			continue
		}
		l := reportList{Label: k.Label()}
		for _, line := range u.Lists[k] {
			l.Items = append(l.Items, plainHTML(line.Text))
		}
		s.Lists = append(s.Lists, l)
	}
	return s
}

// markedSide is the new element of a link with the phrases it shares with
// the old one marked.
func markedSide(l *Link) *reportSide {
	return &reportSide{Label: l.New.Label(), Title: marksHTML(l.Marks(l.New.Title)), Body: marksHTML(l.Marks(l.New.Body))}
}

func diffSide(u *Unit, d *Diff, old bool) *reportSide {
	s := &reportSide{Label: u.Label(), Title: spansHTML(d.Title, old), Body: spansHTML(d.Body, old)}
	for _, ld := range d.Lists {
		l := reportList{Label: ld.Kind.Label()}
		for _, it := range ld.Items {
			switch {
			case it.Status == Added && old, it.Status == Removed && !old:
				continue
			case it.Status == Added:
				l.Items = append(l.Items, template.HTML("<ins>"+template.HTMLEscapeString(it.New)+"</ins>"))
			case it.Status == Removed:
				l.Items = append(l.Items, template.HTML("<del>"+template.HTMLEscapeString(it.Old)+"</del>"))
			default:
				l.Items = append(l.Items, spansHTML(it.Spans, old))
			}
		}
		s.Lists = append(s.Lists, l)
	}
	return s
}

var reportTemplate = template.Must(template.New("rapport").Parse(`<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Vergelijking {{.Old.Title}} ⇄ {{.New.Title}}</title>
<style>
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; margin: 2em; color: #1d1d1d; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 2em; }
table { border-collapse: collapse; width: 100%; }
td, th { vertical-align: top; padding: .5em .7em; border-bottom: 1px solid #ccc; text-align: left; }
th { background: #eee; }
td.status { width: 8em; font-weight: bold; border-left: 6px solid #999; }
tr.gewijzigd td.status { border-left-color: #e69f00; }
tr.nieuw td.status { border-left-color: #0072b2; }
tr.vervallen td.status { border-left-color: #a0202a; }
tr.verplaatst td.status { border-left-color: #7b4fa0; }
tr.gesplitst td.status, tr.samengevoegd td.status { border-left-color: #56b4e9; }
del { background: #f8d7da; text-decoration: line-through; }
ins { background: #d4f0e4; text-decoration: none; border-bottom: 2px solid #0b7a53; }
mark { background: #fff1b8; }
.label { color: #555; font-size: .9em; }
.titel { font-weight: bold; }
.muted { color: #666; font-size: .85em; }
.deel + .deel { border-top: 1px dashed #bbb; margin-top: .6em; padding-top: .6em; }
ul { margin: .3em 0 .3em 1.2em; padding: 0; }
@media print { body { margin: 1cm; } tr { page-break-inside: avoid; } }
</style>
</head>
<body>
<h1>Vergelijking: {{.Old.Title}} ({{.Old.VersionLabel}}) ⇄ {{.New.Title}} ({{.New.VersionLabel}})</h1>
<p>{{.Summary}}{{if .OnlyChanges}} — alleen wijzigingen getoond{{end}}. Gemaakt met de BCP Editor op {{.Date}}.</p>
<table>
<tr><th>Status</th><th>Oud: {{.Old.Title}}</th><th>Nieuw: {{.New.Title}}</th></tr>
{{range .Rows}}<tr class="{{.Class}}">
<td class="status">{{.Status}}</td>
<td>{{with .Old}}{{template "kant" .}}{{else}}—{{end}}</td>
<td>{{range .New}}<div class="deel">{{template "kant" .}}</div>{{else}}—{{end}}</td>
</tr>
{{end}}</table>
<h2>Competenties</h2>
<p><b>In beide:</b> {{range $i, $c := .Competenties.Both}}{{if $i}}; {{end}}{{$c}}{{else}}—{{end}}</p>
<p><b>Alleen oud:</b> {{range $i, $c := .Competenties.OnlyOld}}{{if $i}}; {{end}}{{$c}}{{else}}—{{end}}</p>
<p><b>Alleen nieuw:</b> {{range $i, $c := .Competenties.OnlyNew}}{{if $i}}; {{end}}{{$c}}{{else}}—{{end}}</p>
</body>
</html>
{{define "kant"}}<div class="label">{{.Label}}{{with .Link}} <span class="muted">— {{.}}</span>{{end}}</div><div class="titel">{{.Title}}</div><div>{{.Body}}</div>{{range .Lists}}<div class="label">{{.Label}}</div><ul>{{range .Items}}<li>{{.}}</li>{{end}}</ul>{{end}}{{end}}
`))
