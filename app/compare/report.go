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
// prints well: the summary, every pair side by side with removed words
// struck through and added words marked, and the competenties. Every user
// text is escaped by html/template; none becomes markup.
func WriteHTML(w io.Writer, r *Result, onlyChanges bool) error {
	type row struct {
		Status, Class, How string
		Similarity         string
		Old, New           *reportSideT
	}
	var rows []row
	for _, p := range r.Pairs {
		if onlyChanges && p.Status == Unchanged {
			continue
		}
		rw := row{Status: string(p.Status), Class: statusClass(p.Status), How: howLabel(p.How)}
		if p.How == BySimilarity {
			rw.Similarity = fmt.Sprintf("%.2f", p.Similarity)
		}
		cross := p.Old != nil && p.New != nil && p.Old.Kind != p.New.Kind
		rw.Old = reportSide(p.Old, p, true, cross)
		rw.New = reportSide(p.New, p, false, cross)
		rows = append(rows, rw)
	}
	data := struct {
		Old, New     *app.Profile
		Summary      string
		Rows         []row
		Competenties CompetentieDiff
		Date         string
		OnlyChanges  bool
	}{r.Old, r.New, SummaryText(r.Summary), rows, r.Competenties, time.Now().Format("2-1-2006"), onlyChanges}
	return reportTemplate.Execute(w, data)
}

// reportSideT is one side of a pair in the report.
type reportSideT struct {
	Label       string
	Title, Body template.HTML
	Lists       []reportList
}

// reportList is a list (resultaat, kennis …) in the report.
type reportList struct {
	Label string
	Items []template.HTML
}

func statusClass(s Status) string {
	switch s {
	case Modified:
		return "gewijzigd"
	case Added:
		return "nieuw"
	case Removed:
		return "vervallen"
	case Moved:
		return "verplaatst"
	}
	return "ongewijzigd"
}

func howLabel(h string) string {
	switch h {
	case ByHand:
		return "door u gekoppeld"
	case ByLineage:
		return "zelfde herkomst"
	case ByCode:
		return "zelfde code"
	case BySimilarity:
		return "op gelijkenis"
	}
	return ""
}

// spansHTML renders one side of a word diff: the old side shows removed
// words in <del>, the new side added words in <ins>.
func spansHTML(spans []Span, old bool) template.HTML {
	var b strings.Builder
	for _, s := range spans {
		text := template.HTMLEscapeString(s.Text)
		switch {
		case s.Op == Equal:
			b.WriteString(text)
		case s.Op == Delete && old:
			b.WriteString("<del>" + text + "</del>")
		case s.Op == Insert && !old:
			b.WriteString("<ins>" + text + "</ins>")
		}
	}
	return template.HTML(b.String())
}

func plainHTML(s string) template.HTML {
	return template.HTML(strings.ReplaceAll(template.HTMLEscapeString(s), "\n", "<br>"))
}

func reportSide(u *Unit, p *Pair, old, cross bool) *reportSideT {
	if u == nil {
		return nil
	}
	s := &reportSideT{Label: strings.TrimSpace(u.Kind.Label() + " " + u.Code)}
	diffed := p.Old != nil && p.New != nil && !cross
	if diffed {
		s.Title, s.Body = spansHTML(p.Title, old), spansHTML(p.Body, old)
		for _, ld := range p.Lists {
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
	s.Title, s.Body = plainHTML(u.Title), plainHTML(u.Body)
	for k, ls := range u.Lists {
		if len(ls) == 0 {
			continue
		}
		l := reportList{Label: k.Label()}
		for _, line := range ls {
			l.Items = append(l.Items, plainHTML(line.Text))
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
del { background: #f8d7da; text-decoration: line-through; }
ins { background: #d4f0e4; text-decoration: none; border-bottom: 2px solid #0b7a53; }
.label { color: #555; font-size: .9em; }
.titel { font-weight: bold; }
.muted { color: #666; font-size: .85em; }
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
<td class="status">{{.Status}}<div class="muted">{{.How}}{{if .Similarity}} ({{.Similarity}}){{end}}</div></td>
<td>{{with .Old}}<div class="label">{{.Label}}</div><div class="titel">{{.Title}}</div><div>{{.Body}}</div>{{range .Lists}}<div class="label">{{.Label}}</div><ul>{{range .Items}}<li>{{.}}</li>{{end}}</ul>{{end}}{{else}}—{{end}}</td>
<td>{{with .New}}<div class="label">{{.Label}}</div><div class="titel">{{.Title}}</div><div>{{.Body}}</div>{{range .Lists}}<div class="label">{{.Label}}</div><ul>{{range .Items}}<li>{{.}}</li>{{end}}</ul>{{end}}{{else}}—{{end}}</td>
</tr>
{{end}}</table>
<h2>Competenties</h2>
<p><b>In beide:</b> {{range $i, $c := .Competenties.Both}}{{if $i}}; {{end}}{{$c}}{{else}}—{{end}}</p>
<p><b>Alleen oud:</b> {{range $i, $c := .Competenties.OnlyOld}}{{if $i}}; {{end}}{{$c}}{{else}}—{{end}}</p>
<p><b>Alleen nieuw:</b> {{range $i, $c := .Competenties.OnlyNew}}{{if $i}}; {{end}}{{$c}}{{else}}—{{end}}</p>
</body>
</html>
`))
