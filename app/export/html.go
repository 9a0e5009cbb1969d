// Package export writes a profile in the formats designers share — Word,
// PDF, HTML (one layout for the three), an Excel workbook with the
// competentiematrix, and CASE 1.0 JSON — and reads what designers import:
// exchange files and CASE packages (profiles, and other tools' competency
// frameworks as competency models). Every writer goes to an io.Writer;
// callers write files atomically.
package export

import (
	"fmt"
	"html"
	"io"
	"strings"

	"bcpeditor/app"
)

// WriteHTML writes the profile as one self-contained HTML document with
// the same content, order and numbering as the Word document: title page,
// table of contents with links, chapters, a table per werkproces. It
// prints on A4. User text is escaped.
func WriteHTML(w io.Writer, p *app.Profile, cat *app.Catalogue, opt Options) error {
	d := &htmlDoc{info: profileInfo(p)}
	writeDocument(d, p, cat, opt)
	return d.Write(w)
}

// htmlDoc is the document interface over HTML.
type htmlDoc struct {
	info    docInfo
	body    strings.Builder
	toc     []tocEntry
	tocAt   int
	hasToc  bool
	newPage bool
}

func esc(s string) string { return html.EscapeString(xmlSafe(s)) }

// escLines escapes s and keeps its line breaks.
func escLines(s string) string { return strings.ReplaceAll(esc(s), "\n", "<br>") }

func (d *htmlDoc) open(tag, class string) {
	if d.newPage {
		class = strings.TrimSpace(class + " nieuwe-pagina")
		d.newPage = false
	}
	if class != "" {
		fmt.Fprintf(&d.body, "<%s class=\"%s\">", tag, class)
		return
	}
	fmt.Fprintf(&d.body, "<%s>", tag)
}

func (d *htmlDoc) TitlePage(t titlePage) {
	d.body.WriteString("<section class=\"titelpagina\">\n")
	fmt.Fprintf(&d.body, "<h1 class=\"titel\">%s</h1>\n", esc(t.Title))
	if t.Subtitle != "" {
		fmt.Fprintf(&d.body, "<p class=\"ondertitel\">%s</p>\n", esc(t.Subtitle))
	}
	for _, l := range t.Lines {
		fmt.Fprintf(&d.body, "<p class=\"meta\">%s</p>\n", esc(l))
	}
	for _, s := range t.Status {
		fmt.Fprintf(&d.body, "<p class=\"meta status\">%s</p>\n", esc(s))
	}
	d.body.WriteString("</section>\n")
}

func (d *htmlDoc) Contents() {
	d.hasToc = true
	d.tocAt = d.body.Len()
}

func (d *htmlDoc) Heading(text string, level int) {
	tag := fmt.Sprintf("h%d", min(max(level, 1), 4)+1)
	if level == 0 {
		tag = "h1"
	}
	id := ""
	if level == 1 || level == 2 {
		id = fmt.Sprintf("h%d", len(d.toc)+1)
		d.toc = append(d.toc, tocEntry{level: level, text: text, anchor: id})
	}
	class := ""
	if level == 1 {
		class = "hoofdstuk"
	}
	if d.newPage {
		class = strings.TrimSpace(class + " nieuwe-pagina")
		d.newPage = false
	}
	fmt.Fprintf(&d.body, "<%s", tag)
	if id != "" {
		fmt.Fprintf(&d.body, " id=\"%s\"", id)
	}
	if class != "" {
		fmt.Fprintf(&d.body, " class=\"%s\"", class)
	}
	fmt.Fprintf(&d.body, ">%s</%s>\n", esc(text), tag)
}

func (d *htmlDoc) Paragraph(text string) {
	d.open("p", "")
	d.body.WriteString(escLines(text) + "</p>\n")
}

func (d *htmlDoc) Label(text string) {
	d.open("p", "label")
	d.body.WriteString(escLines(text) + "</p>\n")
}

func (d *htmlDoc) Aside(text string) {
	d.open("p", "terzijde")
	d.body.WriteString(escLines(text) + "</p>\n")
}

// Provenance writes a research's text in a block with a bar in the left
// margin, under the line naming the research.
func (d *htmlDoc) Provenance(label string, bs []block) {
	d.open("div", "onderzoek")
	d.body.WriteString("<p class=\"herkomst\">" + escLines(label) + "</p>\n")
	writeBlocks(d, bs)
	d.body.WriteString("</div>\n")
}

func (d *htmlDoc) Bullets(items []string) { d.list("ul", items) }

func (d *htmlDoc) Numbered(items []string) { d.list("ol", items) }

func (d *htmlDoc) list(tag string, items []string) {
	if len(items) == 0 {
		return
	}
	d.open(tag, "")
	for _, it := range items {
		d.body.WriteString("<li>" + escLines(it) + "</li>")
	}
	d.body.WriteString("</" + tag + ">\n")
}

func (d *htmlDoc) Table(t table) {
	if len(t.Rows) == 0 {
		return
	}
	d.open("table", "")
	d.body.WriteString("<colgroup>")
	for _, w := range t.Widths {
		fmt.Fprintf(&d.body, "<col style=\"width:%d%%\">", w)
	}
	d.body.WriteString("</colgroup>\n")
	if len(t.Header) > 0 {
		d.body.WriteString("<thead><tr>")
		for _, h := range t.Header {
			d.body.WriteString("<th>" + esc(h) + "</th>")
		}
		d.body.WriteString("</tr></thead>\n")
	}
	d.body.WriteString("<tbody>\n")
	for _, r := range t.Rows {
		d.body.WriteString("<tr>")
		for _, c := range r {
			d.body.WriteString("<td")
			if c.Span > 1 {
				fmt.Fprintf(&d.body, " colspan=\"%d\"", c.Span)
			}
			if c.Shade {
				d.body.WriteString(" class=\"kop\"")
			}
			d.body.WriteString(">" + cellHTML(c) + "</td>")
		}
		d.body.WriteString("</tr>\n")
	}
	d.body.WriteString("</tbody></table>\n")
}

func cellHTML(c cell) string {
	var b strings.Builder
	for _, bl := range c.Blocks {
		switch bl.Kind {
		case blockLabel:
			b.WriteString("<p class=\"label\">" + escLines(bl.Text) + "</p>")
		case blockBullets, blockNumbered:
			tag := "ul"
			if bl.Kind == blockNumbered {
				tag = "ol"
			}
			b.WriteString("<" + tag + ">")
			for _, it := range bl.Items {
				b.WriteString("<li>" + escLines(it) + "</li>")
			}
			b.WriteString("</" + tag + ">")
		default:
			b.WriteString("<p>" + escLines(bl.Text) + "</p>")
		}
	}
	return b.String()
}

func (d *htmlDoc) PageBreak() { d.newPage = true }

func (d *htmlDoc) Write(w io.Writer) error {
	body := d.body.String()
	if d.hasToc {
		body = body[:d.tocAt] + d.tocHTML() + body[d.tocAt:]
	}
	_, err := fmt.Fprintf(w, htmlPage, esc(d.info.Title), esc(d.info.Author), esc(d.info.Subject), body)
	if err != nil {
		return fmt.Errorf("HTML-document schrijven: %w", err)
	}
	return nil
}

func (d *htmlDoc) tocHTML() string {
	var b strings.Builder
	b.WriteString("<nav class=\"inhoud\"><h2 class=\"inhoudkop\">Inhoud</h2>\n<ul>")
	for _, e := range d.toc {
		fmt.Fprintf(&b, "<li class=\"niveau%d\"><a href=\"#%s\">%s</a></li>", e.level, e.anchor, esc(e.text))
	}
	b.WriteString("</ul></nav>\n")
	return b.String()
}

const htmlPage = `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>%s</title>
<meta name="author" content="%s">
<meta name="description" content="%s">
<meta name="generator" content="` + programName + `">
<style>
@page { size: A4; margin: 2.5cm; }
body { font-family: Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 10.5pt; margin: 2em auto; max-width: 46em; color: #1d1d1d; line-height: 1.4; }
h1.titel { font-size: 2.4em; color: #1f5f8b; margin: 3em 0 .3em; }
.ondertitel { font-size: 1.4em; margin: 0 0 2em; }
.meta { font-size: 1.1em; margin: .2em 0; } .status { color: #333; }
h2 { font-size: 1.6em; color: #1f5f8b; margin-top: 2.2em; } h3 { font-size: 1.25em; color: #1f5f8b; margin-top: 1.6em; }
h4 { font-size: 1.05em; margin: 1.2em 0 .3em; } h5 { font-size: 1em; font-style: italic; margin: 1em 0 .2em; }
p { margin: .3em 0 .6em; } .label { font-weight: bold; margin-bottom: .2em; }
table { border-collapse: collapse; width: 100%%; margin: .4em 0 1em; table-layout: fixed; }
td, th { border: 1px solid #9fb4c7; padding: .3em .5em; vertical-align: top; text-align: left; }
th, td.kop { background: #dce6ef; } td p, td ul, td ol { margin: .15em 0; } td ul, td ol { padding-left: 1.4em; }
.terzijde, .herkomst { font-style: italic; color: #44546a; font-size: .95em; margin: .3em 0 .4em; }
.onderzoek { border-left: 3px solid #9fb4c7; padding-left: .8em; margin: .4em 0 .9em; }
nav.inhoud ul { list-style: none; padding: 0; } nav.inhoud .niveau2 { padding-left: 1.5em; }
nav.inhoud a { color: #1d1d1d; text-decoration: none; }
@media print {
  body { margin: 0; max-width: none; }
  .titelpagina, nav.inhoud { page-break-after: always; }
  .hoofdstuk, .nieuwe-pagina { page-break-before: always; }
  h2, h3, h4, h5, .label, .terzijde, .herkomst { page-break-after: avoid; } tr { page-break-inside: avoid; } thead { display: table-header-group; }
}
</style>
</head>
<body>
%s</body>
</html>
`
