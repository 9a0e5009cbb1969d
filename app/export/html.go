// Package export writes a profile in the formats designers share: a
// self-contained HTML document, an Excel workbook with the
// competentiematrix, and CASE 1.0 JSON (which it also reads back). Every
// writer goes to an io.Writer; callers write files atomically.
package export

import (
	"html/template"
	"io"
	"strings"
	"time"

	"bcpeditor/app"
)

// Options steer a document export.
type Options struct {
	// Reviews adds an appendix with the ratings and notes.
	Reviews bool
}

// WriteHTML writes the profile as one self-contained HTML document in the
// layout of a bcp: title page, colofon, algemene informatie, an overview of
// kerntaken and werkprocessen (or rollen), then each werkproces or rol in
// full. It prints well. User text is escaped by html/template.
func WriteHTML(w io.Writer, p *app.Profile, cat *app.Catalogue, opt Options) error {
	names := competentieNames(cat)
	return htmlTemplate.Execute(w, struct {
		P       *app.Profile
		Names   map[string]string
		Reviews []app.GroupSummary
		Date    string
	}{p, names, reviewsFor(p, cat, opt), time.Now().Format("2-1-2006")})
}

func reviewsFor(p *app.Profile, cat *app.Catalogue, opt Options) []app.GroupSummary {
	if !opt.Reviews {
		return nil
	}
	return app.Summarise(p, cat, "")
}

func competentieNames(cat *app.Catalogue) map[string]string {
	names := map[string]string{}
	if cat != nil {
		for _, c := range cat.Competenties {
			names[c.ID] = c.Name
		}
	}
	return names
}

// paragraphs splits a text at blank lines, for <p> per paragraph.
func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return out
}

var htmlTemplate = template.Must(template.New("bcp").Funcs(template.FuncMap{
	"paras": paragraphs,
	"name": func(names map[string]string, id string) string {
		if n, ok := names[id]; ok {
			return n
		}
		return "onbekende competentie"
	},
}).Parse(`<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>{{.P.Title}}</title>
<style>
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; margin: 2em auto; max-width: 50em; color: #1d1d1d; line-height: 1.45; }
h1 { font-size: 2em; margin-bottom: .2em; } h2 { font-size: 1.4em; border-bottom: 2px solid #1f5f8b; margin-top: 2em; }
h3 { font-size: 1.15em; margin-top: 1.5em; } h4 { font-size: 1em; margin: 1em 0 .3em; }
table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #bbb; padding: .3em .5em; vertical-align: top; text-align: left; }
p { white-space: pre-line; }
th { background: #e8eef3; } .titel { page-break-after: always; padding-top: 6em; } .meta { color: #444; }
.werkproces { page-break-inside: avoid; }
@media print { body { margin: 1.5cm; max-width: none; } h2 { page-break-before: always; } }
</style>
</head>
<body>
<section class="titel">
<h1>{{.P.Title}}</h1>
<p class="meta">Beroep: {{.P.Beroep}}<br>Eigenaar: {{.P.Owner}}<br>Versie: {{.P.VersionLabel}}<br>Status: {{.P.Status}}</p>
{{range .P.StatusHistory}}<p class="meta">{{.Status}} {{.Date}} {{.Place}} {{.By}}</p>{{end}}
</section>
{{if .P.Colofon}}<h2>Colofon</h2>
<table><tr><th>Rol</th><th>Naam</th><th>Organisatie</th></tr>
{{range .P.Colofon}}<tr><td>{{.Role}}</td><td>{{.Name}}</td><td>{{.Organisation}}</td></tr>{{end}}
</table>{{end}}
{{if .P.Sections}}<h2>Algemene informatie</h2>
{{range .P.Sections}}{{template "sectie" .}}{{end}}{{end}}
{{range .P.Lists}}<h3>{{.Title}}</h3><ul>{{range .Items}}<li>{{.Text}}{{if eq .Source "bcp"}} <i>(in bcp)</i>{{else if eq .Source "interviews"}} <i>(genoemd in interviews)</i>{{end}}</li>{{end}}</ul>{{end}}
{{if .P.Trends}}<h2>Trends en ontwikkelingen</h2>{{range .P.Trends}}<h3>{{.Title}}</h3>{{range paras .Text}}<p>{{.}}</p>{{end}}{{end}}{{end}}
{{if .P.Kerntaken}}<h2>Overzicht van kerntaken en werkprocessen</h2>
<table><tr><th>Kerntaak</th><th>Werkprocessen</th></tr>
{{range .P.Kerntaken}}<tr><td>{{.Code}} {{.Title}}</td><td>{{range .Werkprocessen}}{{.Code}} {{.Title}}<br>{{end}}</td></tr>{{end}}
</table>
{{$names := .Names}}{{range .P.Kerntaken}}<h2>Kerntaak {{.Code}} {{.Title}}</h2>
{{range .Werkprocessen}}<div class="werkproces"><h3>{{.Code}} {{.Title}}</h3>
{{range paras .Beschrijving}}<p>{{.}}</p>{{end}}
{{if .Competenties}}<h4>Competenties</h4><ul>{{range .Competenties}}<li>{{name $names .Competentie}}</li>{{end}}</ul>{{end}}
{{if .Resultaat}}<h4>Resultaat</h4><ul>{{range .Resultaat}}<li>{{.Text}}</li>{{end}}</ul>{{end}}
{{if .Kennis}}<h4>Kennis</h4><ul>{{range .Kennis}}<li>{{.Text}}</li>{{end}}</ul>{{end}}
{{if .Vaardigheden}}<h4>Vaardigheden</h4><ul>{{range .Vaardigheden}}<li>{{.Text}}</li>{{end}}</ul>{{end}}
</div>{{end}}
{{if .Toelichting}}<h4>Toelichting</h4>{{range paras .Toelichting}}<p>{{.}}</p>{{end}}{{end}}
{{end}}{{end}}
{{if .P.Rollen}}<h2>Overzicht van rollen</h2>
<table><tr><th>Rol</th><th>Werkzaamheden</th></tr>
{{range .P.Rollen}}<tr><td>{{.Code}} {{.Title}}</td><td>{{len .Werkzaamheden}}</td></tr>{{end}}
</table>
{{$names := .Names}}{{range .P.Rollen}}<h2>Rol {{.Code}} {{.Title}}</h2>
{{range paras .Beschrijving}}<p>{{.}}</p>{{end}}
{{if .Werkzaamheden}}<h4>Werkzaamheden</h4><ol>{{range .Werkzaamheden}}<li>{{.Text}}</li>{{end}}</ol>{{end}}
{{if .Competenties}}<h4>Competenties</h4><ol>{{range .Competenties}}<li>{{name $names .Competentie}}</li>{{end}}</ol>{{end}}
{{if .KennisEnVaardigheden}}<h4>Kennis en vaardigheden</h4><ol>{{range .KennisEnVaardigheden}}<li>{{.Text}}</li>{{end}}</ol>{{end}}
{{end}}{{end}}
{{if .Reviews}}<h2>Bijlage: beoordelingen</h2>
{{range .Reviews}}<h3>{{.Group}}</h3><p>{{.Counts}}</p>
<table><tr><th>Nr.</th><th>Onderdeel</th><th>Aansluiting en toelichting</th></tr>
{{range .Items}}{{if .Reviews}}<tr><td>{{.Code}}</td><td>{{.Text}}</td><td>{{range .Reviews}}<div><b>{{.Aansluiting.Label}}</b> — {{.Source}} {{.Date}}{{if .Toelichting}}: {{.Toelichting}}{{end}}</div>{{end}}</td></tr>{{end}}{{end}}
</table>{{range .Aanvullend}}<p><i>Aanvullende informatie:</i> {{.}}</p>{{end}}{{end}}{{end}}
<p class="meta">Gemaakt met de BCP Editor op {{.Date}}.</p>
</body>
</html>
{{define "sectie"}}<h3>{{.Title}}</h3>{{range paras .Text}}<p>{{.}}</p>{{end}}{{range .Sections}}{{template "sectie" .}}{{end}}{{end}}`))
