package export_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"html"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"bcpeditor/app"
	"bcpeditor/app/export"
)

// docxParts unzips a Word file.
func docxParts(t *testing.T, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		parts[f.Name] = string(b)
	}
	return parts
}

func writeDOCX(t *testing.T, p *app.Profile, cat *app.Catalogue) map[string]string {
	t.Helper()
	var b bytes.Buffer
	if err := export.WriteDOCX(&b, p, cat, fullOptions(t, p)); err != nil {
		t.Fatal(err)
	}
	return docxParts(t, b.Bytes())
}

var (
	tagRE   = regexp.MustCompile(`<[^>]+>`)
	spaceRE = regexp.MustCompile(`\s+`)
)

// plain is the text of markup: tags become spaces, entities are read,
// runs of white space are one space.
func plain(markup string) string {
	markup = strings.NewReplacer("<w:br/>", " ", "</w:p>", "\n", "<br>", " ").Replace(markup)
	return spaceRE.ReplaceAllString(html.UnescapeString(tagRE.ReplaceAllString(markup, "")), " ")
}

// wantTexts are the texts of every element, line by line, list markers
// taken off, as they must appear somewhere in a document.
func wantTexts(p *app.Profile, cat *app.Catalogue) []string {
	var out []string
	names := map[string]string{}
	for _, c := range cat.Competenties {
		names[c.ID] = c.Name
	}
	for _, e := range p.Elements() {
		texts := []string{e.Body}
		if e.Kind != app.KindLijst { // a list the text already shows keeps only its items
			texts = append(texts, e.Title)
		}
		if e.Kind == app.KindCompetentie {
			texts = []string{names[e.Ref]}
		}
		for _, t := range texts {
			for _, line := range strings.Split(t, "\n") {
				line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "- "))
				if len(line) < 70 {
					line = strings.TrimSuffix(line, ":") // a label may become a column header
				}
				if key, value, ok := strings.Cut(line, ": "); ok && len(key) < 50 {
					out = append(out, key, value) // a comparison line becomes a table row
					continue
				}
				if line != "" {
					out = append(out, spaceRE.ReplaceAllString(line, " "))
				}
			}
		}
	}
	for _, r := range p.Reviews {
		if r.Toelichting != "" {
			out = append(out, spaceRE.ReplaceAllString(strings.Split(r.Toelichting, "\n")[0], " "))
		}
	}
	return out
}

// Word and HTML hold every text of every bundled profile: every section,
// list item, trend, werkproces with its lines, rol with its werkzaamheden,
// competentie and kennis-en-vaardigheden line, and every note.
func TestDocumentsAreComplete(t *testing.T) {
	ps, cs := bundled(t)
	for _, p := range ps {
		cat := app.CatalogueByID(cs, p.CatalogueID)
		var h bytes.Buffer
		if err := export.WriteHTML(&h, p, cat, fullOptions(t, p)); err != nil {
			t.Fatal(err)
		}
		docs := map[string]string{
			"Word": plain(writeDOCX(t, p, cat)["word/document.xml"]),
			"HTML": plain(h.String()),
		}
		for format, text := range docs {
			missing := 0
			for _, want := range wantTexts(p, cat) {
				if !strings.Contains(text, want) {
					if missing < 3 {
						t.Errorf("%s %s lacks %q", p.Title, format, app.Shorten(want, 60))
					}
					missing++
				}
			}
			if missing > 0 {
				t.Errorf("%s %s: %d texts missing", p.Title, format, missing)
			}
		}
	}
}

// headings lists a Word document's headings of level 1 and 2, in order.
func headings(doc string) []string {
	re := regexp.MustCompile(`<w:p><w:pPr><w:pStyle w:val="Heading[12]"/>.*?</w:p>`)
	var out []string
	for _, m := range re.FindAllString(doc, -1) {
		out = append(out, strings.TrimSpace(plain(m)))
	}
	return out
}

// The 2010 BCP in Word reads in the source's order and numbering (written
// down from the source document, seeds/002): the front matter unnumbered,
// 1 Algemene informatie over het beroep with 1.1–1.4, 2 Overzicht van
// kerntaken en werkprocessen with its table right under its text, 3
// Beschrijving van de kerntaken with 3.1–3.3; the colofon once; no empty
// appendix.
func TestDOCX2010FollowsTheSource(t *testing.T) {
	ps, cs := bundled(t)
	p := ps[0]
	if p.Title != "BCP Junior accountmanager" {
		t.Fatalf("first bundled profile is %q", p.Title)
	}
	doc := writeDOCX(t, p, app.CatalogueByID(cs, p.CatalogueID))["word/document.xml"]
	want := []string{
		"Aanduiding ‘hij’", "Inleiding", "Wat is een beroepscompetentieprofiel?", "Wat is de functie van een beroepscompetentieprofiel?",
		"Colofon", "Sectorraad Commercieel",
		"1 Algemene informatie over het beroep", "1.1 Mogelijke functiebenamingen", "1.2 Beschrijving van het beroep",
		"1.3 Loopbaanperspectief", "1.4 Trends en innovaties",
		"2 Overzicht van kerntaken en werkprocessen in het beroep",
		"3 Beschrijving van de kerntaken",
		"3.1 Kerntaak 1 Stelt verkoop- en accountplannen op en bewaakt de voortgang ervan",
		"3.2 Kerntaak 2 Beheert accounts", "3.3 Kerntaak 3 Voert het verkoopproces uit",
	}
	if got := headings(doc); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("headings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	text := plain(doc)
	if strings.Contains(text, "Bijlage") {
		t.Error("the 2010 export has an appendix, but there is nothing to put in it")
	}
	// The overview table follows its chapter's text.
	intro := strings.Index(text, "Een werkproces is een afgebakend onderdeel van een kerntaak.")
	table := strings.Index(text, "1.1 Verzamelt (markt)informatie")
	if intro < 0 || table < intro || table-intro > 600 {
		t.Errorf("overview table at %d, its introduction at %d", table, intro)
	}
	// The comparison is a table: a header cell per beroep, a row per kenmerk.
	var cells []string
	for _, c := range strings.Split(doc, "<w:tc>")[1:] {
		cells = append(cells, plain(strings.SplitN(c, "</w:tc>", 2)[0]))
	}
	for _, cell := range []string{"Junior accountmanager", "Vertegenwoordiger/ Commercieel medewerker buitendienst", "klantenkring", "alleen business-to-business"} {
		if !contains(cells, cell) {
			t.Errorf("comparison cell %q is not a table cell", cell)
		}
	}
	if strings.Contains(text, "klantenkring: alleen business-to-business") {
		t.Error("the comparison is still a list of key: value lines")
	}
	// Each werkproces as the bcp shows it: a table with its parts.
	for _, label := range []string{"Beschrijving werkproces:", "Competenties:", "Resultaat:", "Vakkennis en vakvaardigheden", "Kennis van:", "Vaardigheden:"} {
		if n := strings.Count(doc, ">"+label+"</w:t>"); n != 15 {
			t.Errorf("%q appears %d times, want once per werkproces (15)", label, n)
		}
	}
}

// The 2020 profiles: algemene informatie, trends, then the rollen with
// werkzaamheden, competenties and kennis en vaardigheden numbered per rol,
// the aanvullende informatie, and the ratings as an appendix.
func TestDOCX2020Rollen(t *testing.T) {
	ps, cs := bundled(t)
	for _, p := range ps[1:] {
		doc := writeDOCX(t, p, app.CatalogueByID(cs, p.CatalogueID))["word/document.xml"]
		hs := headings(doc)
		// The 2020 profiles have no colofon of their own (the report's
		// authors are the bron's), so no Colofon chapter.
		want := []string{"1 Algemene informatie", "1.1 Werkveld"}
		for i, w := range want {
			if i >= len(hs) || hs[i] != w {
				t.Fatalf("%s: headings start %q, want %q", p.Title, hs[:min(len(hs), 4)], want)
			}
		}
		for i, r := range p.Rollen {
			if !contains(hs, "3."+strconv.Itoa(i+1)+" Rol "+r.Code+": "+r.Title) {
				t.Errorf("%s: no heading for rol %s in %q", p.Title, r.Code, hs)
			}
		}
		if !contains(hs, "2 Trends en ontwikkelingen") || !contains(hs, "Bijlage 1 Beoordelingen") {
			t.Errorf("%s: headings %q", p.Title, hs)
		}
		if !strings.Contains(plain(doc), "Aanvullende informatie vanuit de gesprekken") {
			t.Errorf("%s: the aanvullende informatie is missing", p.Title)
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if strings.TrimSpace(y) == x {
			return true
		}
	}
	return false
}

// The Word file itself: A4, Dutch, the profile's properties and no
// leftovers of a library's template, current Word mode, header and footer
// with page x of y, well-formed parts, and the same bytes every time.
func TestDOCXPageLanguageAndProperties(t *testing.T) {
	ps, cs := bundled(t)
	p := ps[0]
	p.Created, p.Modified = "2010-09-30T12:00:00+02:00", "2026-11-22T10:00:00+01:00"
	parts := writeDOCX(t, p, app.CatalogueByID(cs, p.CatalogueID))
	for name, data := range parts {
		if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
			dec := xml.NewDecoder(strings.NewReader(data))
			for {
				if _, err := dec.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("%s is not well-formed: %v", name, err)
				}
			}
		}
		for _, bad := range []string{"gomutex", "godocx", "2013"} {
			if strings.Contains(data, bad) {
				t.Errorf("%s holds %q", name, bad)
			}
		}
	}
	checks := []struct{ part, want string }{
		{"word/document.xml", `<w:pgSz w:w="11906" w:h="16838"/>`},
		{"word/styles.xml", `<w:lang w:val="nl-NL"`},
		{"word/settings.xml", `<w:themeFontLang w:val="nl-NL"/>`},
		{"word/settings.xml", `w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"`},
		{"docProps/core.xml", `<dc:title>BCP Junior accountmanager</dc:title>`},
		{"docProps/core.xml", `<dc:subject>Beroepscompetentieprofiel Junior accountmanager</dc:subject>`},
		{"docProps/core.xml", `<dc:creator>ECABO</dc:creator>`},
		{"docProps/core.xml", `<dcterms:created xsi:type="dcterms:W3CDTF">2010-09-30T10:00:00Z</dcterms:created>`},
		{"docProps/core.xml", `<dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-22T09:00:00Z</dcterms:modified>`},
		{"docProps/core.xml", `<dc:language>nl-NL</dc:language>`},
		{"docProps/app.xml", `<Application>BCP Editor</Application>`},
		{"word/header1.xml", `BCP Junior accountmanager`},
		{"word/header1.xml", `Versie 2010`},
		{"word/footer1.xml", ` PAGE `},
		{"word/footer1.xml", ` NUMPAGES `},
		{"word/document.xml", `PAGEREF _Toc00000001`},
	}
	for _, c := range checks {
		if !strings.Contains(parts[c.part], c.want) {
			t.Errorf("%s lacks %s", c.part, c.want)
		}
	}
	again := writeDOCX(t, p, app.CatalogueByID(cs, p.CatalogueID))
	for name := range parts {
		if parts[name] != again[name] {
			t.Errorf("%s differs between two exports", name)
		}
	}
}

// numberedLists reads the Word file's numbering: which numIds use the
// decimal list with a start of 1, and the runs of consecutive list
// paragraphs in the document with their numId.
func numberedLists(t *testing.T, parts map[string]string) (restart map[string]bool, runs []string) {
	t.Helper()
	restart = map[string]bool{}
	numRE := regexp.MustCompile(`<w:num w:numId="(\d+)"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`)
	for _, m := range numRE.FindAllStringSubmatch(parts["word/numbering.xml"], -1) {
		restart[m[1]] = true
	}
	paraRE := regexp.MustCompile(`<w:p>.*?</w:p>|<w:tc>|</w:tc>`)
	idRE := regexp.MustCompile(`<w:numId w:val="(\d+)"/>`)
	last := ""
	for _, p := range paraRE.FindAllString(parts["word/document.xml"], -1) {
		id := ""
		if m := idRE.FindStringSubmatch(p); m != nil {
			id = m[1]
		}
		if id != "" && id != last {
			runs = append(runs, id)
		}
		last = id
	}
	return restart, runs
}

// Every numbered list starts at 1: each has its own numbering instance
// that restarts at 1, and no instance is used by two lists. In the 2020
// profiles that is 3 lists per rol.
func TestDOCXNumberingRestartsPerList(t *testing.T) {
	ps, cs := bundled(t)
	for _, p := range ps {
		restart, runs := numberedLists(t, writeDOCX(t, p, app.CatalogueByID(cs, p.CatalogueID)))
		seen := map[string]bool{}
		lists := 0
		for _, id := range runs {
			if id == "1" {
				continue // bullets
			}
			lists++
			if !restart[id] {
				t.Errorf("%s: list %s does not restart at 1", p.Title, id)
			}
			if seen[id] {
				t.Errorf("%s: numbering %s continues in a second list", p.Title, id)
			}
			seen[id] = true
		}
		want := 0
		for _, r := range p.Rollen {
			for _, n := range []int{len(r.Werkzaamheden), len(r.Competenties), len(r.KennisEnVaardigheden)} {
				if n > 0 {
					want++
				}
			}
		}
		if lists != want {
			t.Errorf("%s: %d numbered lists, want %d", p.Title, lists, want)
		}
	}
}

func TestDOCXEscapesUserText(t *testing.T) {
	ps, _ := bundled(t)
	p := *ps[0]
	p.Title = "Beroep <w:p>\"&\"</w:p> \x01\x1b"
	parts := writeDOCX(t, &p, nil)
	for _, name := range []string{"word/document.xml", "docProps/core.xml", "word/header1.xml"} {
		data := parts[name]
		if strings.Contains(data, `<w:p>"&"</w:p>`) || strings.ContainsAny(data, "\x01\x1b") {
			t.Fatalf("%s: user text became markup or holds control characters", name)
		}
		if err := xml.Unmarshal([]byte(data), new(struct{})); err != nil {
			t.Fatalf("%s broken by user text: %v", name, err)
		}
	}
}

func TestHTMLFollowsTheSameOrderAndEscapes(t *testing.T) {
	ps, cs := bundled(t)
	p := ps[0]
	var b bytes.Buffer
	if err := export.WriteHTML(&b, p, app.CatalogueByID(cs, p.CatalogueID), export.Options{Reviews: true}); err != nil {
		t.Fatal(err)
	}
	h := b.String()
	docHeadings := headings(writeDOCX(t, p, app.CatalogueByID(cs, p.CatalogueID))["word/document.xml"])
	var htmlHeadings []string
	for _, m := range regexp.MustCompile(`<h[23][^>]*>(.*?)</h[23]>`).FindAllStringSubmatch(h, -1) {
		if m[1] != "Inhoud" {
			htmlHeadings = append(htmlHeadings, html.UnescapeString(m[1]))
		}
	}
	if strings.Join(htmlHeadings, "\n") != strings.Join(docHeadings, "\n") {
		t.Errorf("HTML headings differ from Word's:\n%s", strings.Join(htmlHeadings, "\n"))
	}
	q := *p
	q.Title = `<script>alert("x")</script>`
	b.Reset()
	export.WriteHTML(&b, &q, nil, export.Options{})
	if strings.Contains(b.String(), "<script>") {
		t.Error("user text became markup")
	}
}

// The PDF: A4 pages, the font embedded, an outline, the same bytes every
// time; and an emoji, a control character or a mathematical letter in a
// profile does not stop it.
func TestPDFWithEveryPageTheFontAndOddCharacters(t *testing.T) {
	ps, cs := bundled(t)
	for _, p := range ps {
		cat := app.CatalogueByID(cs, p.CatalogueID)
		var b, again bytes.Buffer
		if err := export.WritePDF(&b, p, cat, fullOptions(t, p)); err != nil {
			t.Fatal(err)
		}
		pdf := b.String()
		pages := strings.Count(pdf, "/Type /Page\n") + strings.Count(pdf, "/Type /Page ") + strings.Count(pdf, "/Type /Page>")
		if !strings.HasPrefix(pdf, "%PDF-") || !strings.Contains(pdf, "%%EOF") || pages < 10 {
			t.Errorf("%s: %d pages", p.Title, pages)
		}
		if !strings.Contains(pdf, "/MediaBox [0 0 595.28 841.89]") {
			t.Errorf("%s: pages are not A4", p.Title)
		}
		if !strings.Contains(strings.ToLower(pdf), "dejavu") || !strings.Contains(pdf, "/FontFile2") || !strings.Contains(pdf, "/Outlines") {
			t.Errorf("%s: font not embedded or no outline", p.Title)
		}
		export.WritePDF(&again, p, cat, fullOptions(t, p))
		if !bytes.Equal(b.Bytes(), again.Bytes()) {
			t.Errorf("%s: two exports differ", p.Title)
		}
	}
	p := *ps[1]
	p.Title = "Profiel 😀 met \x01 en 𝑑"
	p.Rollen = append([]*app.Rol{{ID: app.NewID(), Code: "9", Title: "Rol ✅👍🏽", Beschrijving: "tekst\x07met bel"}}, p.Rollen...)
	var b bytes.Buffer
	if err := export.WritePDF(&b, &p, app.CatalogueByID(cs, p.CatalogueID), export.Options{Reviews: true}); err != nil {
		t.Fatalf("an emoji stops the PDF: %v", err)
	}
}
