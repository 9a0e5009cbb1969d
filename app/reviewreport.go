package app

import (
	"html/template"
	"io"
	"time"
)

// WriteReviewSummaryHTML writes the workshop summary as one self-contained
// HTML page: per rol or kerntaak a table of the items with their ratings
// and toelichtingen, the counts, and the aanvullende informatie. source
// limits it to one workshop ("" for all). User text is escaped.
func WriteReviewSummaryHTML(w io.Writer, p *Profile, cat *Catalogue, source string) error {
	type rating struct {
		Class, Label, Source, Date, Note string
	}
	type item struct {
		Code, Kind, Text, Counts string
		Ratings                  []rating
	}
	type group struct {
		Title, Counts string
		Items         []item
		Aanvullend    []string
	}
	var groups []group
	for _, g := range Summarise(p, cat, source) {
		gr := group{Title: g.Group, Counts: g.Counts.String(), Aanvullend: g.Aanvullend}
		for _, it := range g.Items {
			row := item{Code: it.Code, Kind: it.Kind.Label(), Text: it.Text, Counts: it.Counts.String()}
			for _, r := range it.Reviews {
				row.Ratings = append(row.Ratings, rating{Class: string(r.Aansluiting), Label: r.Aansluiting.Label(), Source: r.Source, Date: r.Date, Note: r.Toelichting})
			}
			gr.Items = append(gr.Items, row)
		}
		groups = append(groups, gr)
	}
	return reviewTemplate.Execute(w, struct {
		Profile *Profile
		Source  string
		Groups  []group
		Date    string
	}{p, source, groups, time.Now().Format("2-1-2006")})
}

var reviewTemplate = template.Must(template.New("samenvatting").Parse(`<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Beoordelingen {{.Profile.Title}}</title>
<style>
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; margin: 2em; color: #1d1d1d; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 2em; }
table { border-collapse: collapse; width: 100%; }
td, th { vertical-align: top; padding: .4em .6em; border-bottom: 1px solid #ccc; text-align: left; }
th { background: #eee; }
.mark { display: inline-block; min-width: 8.5em; padding: 0 .4em; border-radius: 3px; font-size: .85em; font-weight: bold; }
.goed { background: #cfe3f3; border-left: 5px solid #0072b2; }
.gedeeltelijk { background: #fbe6c2; border-left: 5px solid #e69f00; }
.onvoldoende { background: #f2d0d3; border-left: 5px solid #a0202a; }
.niet-beoordeeld { background: #eee; border-left: 5px solid #999; }
.muted { color: #666; font-size: .85em; }
@media print { body { margin: 1cm; } tr { page-break-inside: avoid; } }
</style>
</head>
<body>
<h1>Beoordelingen: {{.Profile.Title}} ({{.Profile.VersionLabel}})</h1>
<p>{{if .Source}}Bron: {{.Source}}{{else}}Alle bronnen{{end}}. Gemaakt met de BCP Editor op {{.Date}}.</p>
{{range .Groups}}<h2>{{.Title}}</h2>
<p>{{.Counts}}</p>
<table>
<tr><th>Nr.</th><th>Onderdeel</th><th>Aansluiting en toelichting</th></tr>
{{range .Items}}<tr><td>{{.Code}}</td><td><div class="muted">{{.Kind}}</div>{{.Text}}</td><td>{{range .Ratings}}<div><span class="mark {{.Class}}">{{.Label}}</span> <span class="muted">{{.Source}} {{.Date}}</span>{{if .Note}}<br>{{.Note}}{{end}}</div>{{else}}<span class="muted">nog niet beoordeeld</span>{{end}}<div class="muted">{{.Counts}}</div></td></tr>
{{end}}</table>
{{if .Aanvullend}}<h3>Aanvullende informatie</h3>{{range .Aanvullend}}<p>{{.}}</p>{{end}}{{end}}
{{end}}
</body>
</html>
`))
