package export

import (
	"archive/zip"
	"fmt"
	"io"
	"strings"
	"time"

	"bcpeditor/app"
)

// The Word document is written by this package itself (WordprocessingML,
// ECMA-376) rather than through a library: the Go libraries at hand either
// lack what a bcp needs (numbering that restarts per list, page fields,
// a table of contents, section and language settings — godocx, which this
// replaced, ships a sample template with its author and an old
// compatibility mode) or carry a licence this project cannot take on
// (unioffice is commercial, gooxml/go-docx are AGPL). A document of
// headings, paragraphs, lists and tables is a small, well-documented
// subset of the format.

// WriteDOCX writes the profile as a Word document in the bcp's own form:
// A4, Dutch, a title page, a table of contents, numbered chapters, a table
// per werkproces, lists that start at 1, header and footer with title,
// version and "Pagina x van y", and the profile's file properties.
func WriteDOCX(w io.Writer, p *app.Profile, cat *app.Catalogue, opt Options) error {
	d := newDocx(profileInfo(p))
	writeDocument(d, p, cat, opt)
	return d.Write(w)
}

// profileInfo is what a document of p says about itself.
func profileInfo(p *app.Profile) docInfo {
	created, modified := stampOrEmpty(p.Created), stampOrEmpty(p.Modified)
	if created == "" && modified == "" {
		if s := profileStamp(p); s != unknownTime {
			created, modified = s, s
		}
	}
	return docInfo{Title: p.Title, Subject: strings.TrimSpace("Beroepscompetentieprofiel " + p.Beroep), Author: p.Owner,
		Version: p.VersionLabel, Created: created, Modified: modified,
		Description: "Beroepscompetentieprofiel, status " + string(p.Status) + ", opgebouwd uit " + string(p.Structure) + "."}
}

// docxDoc builds the body of a Word document.
type docxDoc struct {
	info     docInfo
	body     strings.Builder
	toc      []tocEntry
	tocAt    int  // where in body the table of contents goes; -1: none
	numbered int  // numbered lists so far; list i has numId i+2
	newPage  bool // the next block starts a new page
	fresh    bool // nothing written on this page yet
}

// tocEntry is a heading for the table of contents.
type tocEntry struct {
	level  int
	text   string
	anchor string
}

func newDocx(info docInfo) *docxDoc {
	return &docxDoc{info: info, tocAt: -1, fresh: true}
}

// para writes a paragraph, taking a pending page break.
func (d *docxDoc) para(p pPr, runs string) {
	if d.newPage {
		p.pageBreakBefore = true
		d.newPage = false
	}
	d.body.WriteString(paragraphXML(p, runs))
	d.fresh = false
}

func (d *docxDoc) TitlePage(t titlePage) {
	d.para(pPr{style: "Title"}, runXML(t.Title, ""))
	if t.Subtitle != "" {
		d.para(pPr{style: "Subtitle"}, runXML(t.Subtitle, ""))
	}
	for _, l := range t.Lines {
		d.para(pPr{style: "Meta"}, runXML(l, ""))
	}
	for i, s := range t.Status {
		sp := ""
		if i == 0 {
			sp = spacing(480, 80)
		}
		d.para(pPr{style: "Meta", spacing: sp}, runXML(s, ""))
	}
	d.PageBreak()
}

func (d *docxDoc) Contents() {
	d.para(pPr{style: "TOCHeading"}, runXML("Inhoud", ""))
	d.tocAt = d.body.Len()
}

func (d *docxDoc) Heading(text string, level int) {
	style := "Heading" + itoa(min(max(level, 1), 4))
	if level == 0 {
		style = "Title"
	}
	p := pPr{style: style}
	if level > 2 || level == 0 {
		d.para(p, runXML(text, ""))
		return
	}
	anchor := fmt.Sprintf("_Toc%08d", len(d.toc)+1)
	d.toc = append(d.toc, tocEntry{level: level, text: text, anchor: anchor})
	id := itoa(len(d.toc))
	d.para(p, `<w:bookmarkStart w:id="`+id+`" w:name="`+anchor+`"/>`+runXML(text, "")+`<w:bookmarkEnd w:id="`+id+`"/>`)
	if level == 1 {
		d.fresh = true // a chapter heading opens its page
	}
}

func (d *docxDoc) Paragraph(text string) { d.para(pPr{}, runXML(text, "")) }

func (d *docxDoc) Label(text string) { d.para(pPr{style: "Label"}, runXML(text, "")) }

func (d *docxDoc) Aside(text string) { d.para(pPr{style: "Aside"}, runXML(text, "")) }

// Provenance writes the label and the text in styles that share a rule
// in the left margin, which Word draws as one bar beside the whole text;
// list items hang from the same edge as the paragraphs.
func (d *docxDoc) Provenance(label string, bs []block) {
	d.para(pPr{style: "Herkomst"}, runXML(label, ""))
	for _, b := range bs {
		switch b.Kind {
		case blockText:
			d.para(pPr{style: "Onderzoekstekst"}, runXML(b.Text, ""))
		case blockLabel:
			d.para(pPr{style: "Onderzoekstekst", keepNext: true}, runXML(b.Text, `<w:b/><w:bCs/>`))
		case blockBullets:
			d.researchList(b.Items, 1, bulletHanging)
		case blockNumbered:
			d.numbered++
			d.researchList(b.Items, d.numbered+1, numberHanging)
		default:
			writeBlocks(d, []block{b})
		}
	}
}

// researchList writes the items of a list in a research's text.
func (d *docxDoc) researchList(items []string, numID, hanging int) {
	ind := `<w:ind w:left="` + itoa(researchLeft+hanging) + `" w:hanging="` + itoa(hanging) + `"/>`
	for _, it := range items {
		d.para(pPr{style: "Onderzoekslijst", numID: numID, ind: ind}, runXML(it, ""))
	}
}

func (d *docxDoc) Bullets(items []string) { d.list(items, 1, "ListParagraph") }

func (d *docxDoc) Numbered(items []string) {
	if len(items) == 0 {
		return
	}
	d.numbered++
	d.list(items, d.numbered+1, "ListParagraph")
}

func (d *docxDoc) list(items []string, numID int, style string) {
	for _, it := range items {
		d.para(pPr{style: style, numID: numID}, runXML(it, ""))
	}
}

func (d *docxDoc) PageBreak() {
	if !d.fresh {
		d.newPage = true
	}
}

func (d *docxDoc) Marked(parts []Part) {
	var runs strings.Builder
	for _, part := range parts {
		switch {
		case part.Removed:
			runs.WriteString(runXML(part.Text, `<w:strike/><w:color w:val="A0202A"/>`))
		case part.Added:
			runs.WriteString(runXML(part.Text, `<w:b/><w:bCs/><w:highlight w:val="green"/>`))
		case part.Shared:
			runs.WriteString(runXML(part.Text, `<w:highlight w:val="yellow"/>`))
		default:
			runs.WriteString(runXML(part.Text, ""))
		}
	}
	d.para(pPr{}, runs.String())
}

// Write packs the document with its parts into a .docx. The zip entries
// carry a fixed time, so the same profile gives the same bytes.
func (d *docxDoc) Write(w io.Writer) error {
	body := d.body.String()
	if d.tocAt >= 0 {
		body = body[:d.tocAt] + d.tocXML() + body[d.tocAt:]
	}
	document := xmlH + `<w:document ` + nsW + ` ` + nsR + `><w:body>` + body + sectionXML + `</w:body></w:document>`
	parts := []struct{ name, data string }{
		{"[Content_Types].xml", contentTypesXML},
		{"_rels/.rels", packageRelsXML},
		{"docProps/core.xml", coreXML(d.info)},
		{"docProps/app.xml", appXML()},
		{"word/document.xml", document},
		{"word/_rels/document.xml.rels", documentRelsXML},
		{"word/styles.xml", stylesXML},
		{"word/numbering.xml", numberingXML(d.numbered)},
		{"word/settings.xml", settingsXML},
		{"word/fontTable.xml", fontTableXML},
		{"word/header1.xml", headerXML(d.info)},
		{"word/header2.xml", emptyHeaderXML},
		{"word/footer1.xml", footerXML()},
		{"word/footer2.xml", emptyFooterXML},
	}
	zw := zip.NewWriter(w)
	stamp := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, part := range parts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: part.name, Method: zip.Deflate, Modified: stamp})
		if err == nil {
			_, err = io.WriteString(f, part.data)
		}
		if err != nil {
			return fmt.Errorf("het Word-document schrijven: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("het Word-document schrijven: %w", err)
	}
	return nil
}

// tocXML is the table of contents: a line per level 1 and 2 heading,
// each a link to the heading with a PAGEREF field for its page. It is not
// one TOC field: LibreOffice shows a TOC field's stored result as it is,
// while it computes PAGEREF fields itself; Word computes them when it
// updates the fields on opening (settings.xml asks it to).
func (d *docxDoc) tocXML() string {
	if len(d.toc) == 0 {
		return paragraphXML(pPr{}, runXML("(Dit document heeft geen hoofdstukken.)", ""))
	}
	var b strings.Builder
	tabs := `<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="` + itoa(textWidthTw) + `"/></w:tabs>`
	for _, e := range d.toc {
		runs := `<w:hyperlink w:anchor="` + e.anchor + `" w:history="1">` + runXML(e.text, "") + `<w:r><w:tab/></w:r>` +
			fieldXML(`PAGEREF `+e.anchor+` \h`, "", "") + `</w:hyperlink>`
		b.WriteString(paragraphXML(pPr{style: "TOC" + itoa(e.level), tabs: tabs}, runs))
	}
	return b.String()
}
