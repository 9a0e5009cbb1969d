package export_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"bcpeditor/app"
	"bcpeditor/app/compare"
	"bcpeditor/app/export"
	"bcpeditor/assets"
)

func bundled(t testing.TB) ([]*app.Profile, []*app.Catalogue) {
	bundles, err := assets.Bundles()
	if err != nil {
		t.Fatal(err)
	}
	var ps []*app.Profile
	var cs []*app.Catalogue
	for _, b := range bundles {
		ps = append(ps, b.Profiles...)
		cs = append(cs, b.Catalogues...)
	}
	return ps, cs
}

func TestHTMLHoldsTheWholeProfileAndEscapes(t *testing.T) {
	ps, cs := bundled(t)
	for _, p := range ps {
		var b bytes.Buffer
		if err := export.WriteHTML(&b, p, app.CatalogueByID(cs, p.CatalogueID), export.Options{Reviews: true}); err != nil {
			t.Fatal(err)
		}
		html := b.String()
		for _, e := range p.Elements() {
			text := e.Title
			if text == "" {
				text = e.Body
			}
			if e.Kind == app.KindCompetentie || text == "" {
				continue
			}
			first := strings.SplitN(text, "\n", 2)[0]
			esc := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(first)
			if !strings.Contains(html, esc) {
				t.Errorf("%s: HTML lacks %s %q", p.Title, e.Kind, first)
				break
			}
		}
	}
	p := ps[0]
	p.Title = `<script>alert("x")</script>`
	var b bytes.Buffer
	export.WriteHTML(&b, p, nil, export.Options{})
	if strings.Contains(b.String(), "<script>") {
		t.Error("user text became markup")
	}
}

var uuid4 = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

// CASE 1.0: required fields, lowercase UUIDv4 identifiers, RFC 3339 times
// with a zone, isChildOf with sequence numbers; and read back into a
// profile with the same content.
func TestCASEExportAndImport(t *testing.T) {
	ps, cs := bundled(t)
	for _, p := range ps {
		p.Modified = "2026-11-22T10:00:00+01:00"
		var b bytes.Buffer
		if err := export.WriteCASE(&b, p, app.CatalogueByID(cs, p.CatalogueID)); err != nil {
			t.Fatal(err)
		}
		var raw map[string]any
		if err := json.Unmarshal(b.Bytes(), &raw); err != nil {
			t.Fatal(err)
		}
		var pkg export.CFPackage
		json.Unmarshal(b.Bytes(), &pkg)
		d := pkg.CFDocument
		if d.Identifier == "" || d.URI == "" || d.Creator == "" || d.Title == "" || !uuid4.MatchString(d.Identifier) {
			t.Fatalf("CFDocument: %+v", d)
		}
		stamp := func(s string) {
			if _, err := time.Parse(time.RFC3339, s); err != nil || !(strings.Contains(s, "+") || strings.HasSuffix(s, "Z") || strings.Count(s, "-") > 2) {
				t.Fatalf("timestamp %q", s)
			}
		}
		stamp(d.LastChangeDateTime)
		for _, it := range pkg.CFItems {
			if !uuid4.MatchString(it.Identifier) || it.URI == "" || it.FullStatement == "" || it.CFItemType == "" {
				t.Fatalf("CFItem %+v", it)
			}
			stamp(it.LastChangeDateTime)
		}
		children := 0
		for _, a := range pkg.CFAssociations {
			if !uuid4.MatchString(a.Identifier) || a.OriginNodeURI.Identifier == "" || a.DestinationNodeURI.Identifier == "" {
				t.Fatalf("association %+v", a)
			}
			if a.AssociationType == "isChildOf" {
				children++
				if a.SequenceNumber == nil {
					t.Fatal("isChildOf without sequenceNumber")
				}
			}
		}
		if children == 0 {
			t.Fatal("no isChildOf associations")
		}
		back, err := export.ReadCASE(&b, cs)
		if err != nil {
			t.Fatal(err)
		}
		if back.ID == p.ID || back.Title != p.Title || back.Structure != p.Structure || back.Counts() != p.Counts() {
			t.Fatalf("%s read back as %s %v", p.Title, back.Title, back.Counts())
		}
		texts := func(q *app.Profile) string {
			var s []string
			for _, e := range q.Elements() {
				if e.Kind != app.KindSectie && e.Kind != app.KindLijst && e.Kind != app.KindLijstItem && e.Kind != app.KindTrend {
					s = append(s, string(e.Kind)+e.Code+e.Title+e.Body+e.Ref)
				}
			}
			return strings.Join(s, "\n")
		}
		if texts(back) != texts(p) {
			t.Errorf("%s: the task tree changed on the way through CASE", p.Title)
		}
	}
}

func TestCASEBadInput(t *testing.T) {
	_, cs := bundled(t)
	for _, in := range []string{``, `{}`, `{"CFDocument": {"identifier": "x"}}`,
		`{"CFDocument": {"identifier": "x", "title": "T"}, "CFItems": [{"identifier": "a", "fullStatement": "Vliegen", "CFItemType": "Competentie"}]}`,
		`{"CFDocument": {"identifier": "x", "title": "T"}, "CFItems": [{"identifier": "a"}, {"identifier": "a"}]}`} {
		_, err := export.ReadCASE(strings.NewReader(in), cs)
		if err == nil || !strings.Contains(err.Error(), "niets gewijzigd") {
			t.Errorf("%q: %v", in, err)
		}
	}
}

func FuzzReadCASE(f *testing.F) {
	ps, cs := bundled(f)
	var b bytes.Buffer
	p := ps[len(ps)-1]
	small := *p
	if len(small.Rollen) > 1 {
		small.Rollen = small.Rollen[:1]
	}
	if len(small.Kerntaken) > 1 {
		small.Kerntaken = small.Kerntaken[:1]
	}
	export.WriteCASE(&b, &small, app.CatalogueByID(cs, p.CatalogueID))
	f.Add(b.Bytes())
	f.Add([]byte(`{"CFDocument": {"identifier": "x", "title": "T"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		q, err := export.ReadCASE(bytes.NewReader(data), cs)
		if err != nil {
			return
		}
		// What is accepted must be a valid profile to import.
		bundle := &app.Bundle{Format: app.ExchangeFormat, Version: 1, Profiles: []*app.Profile{q}}
		if err := bundle.Check(); err != nil {
			t.Fatalf("accepted CASE gives an invalid profile: %v", err)
		}
	})
}

// The Word export is a valid .docx: unzipped, its document.xml has real
// headings, list paragraphs, tables, and every werkproces; Dutch
// diacritics intact.
func TestDOCXIsARealDocument(t *testing.T) {
	ps, cs := bundled(t)
	for _, p := range ps {
		var b bytes.Buffer
		if err := export.WriteDOCX(&b, p, app.CatalogueByID(cs, p.CatalogueID), export.Options{Reviews: true}); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
		if err != nil {
			t.Fatalf("%s: not a zip: %v", p.Title, err)
		}
		var doc string
		for _, f := range zr.File {
			if f.Name == "word/document.xml" {
				rc, _ := f.Open()
				data, _ := io.ReadAll(rc)
				rc.Close()
				doc = string(data)
			}
		}
		if doc == "" {
			t.Fatalf("%s: no word/document.xml", p.Title)
		}
		if err := xml.Unmarshal([]byte(doc), new(struct{})); err != nil {
			t.Fatalf("%s: document.xml is not XML: %v", p.Title, err)
		}
		for _, want := range []string{`w:val="Heading1"`, `w:val="ListBullet"`, "<w:tbl>", "<w:gridCol"} {
			if !strings.Contains(doc, want) {
				t.Errorf("%s: document lacks %s", p.Title, want)
			}
		}
		for _, k := range p.Kerntaken {
			for _, w := range k.Werkprocessen {
				if !strings.Contains(doc, xmlEscape(w.Title)) {
					t.Errorf("%s: werkproces %s missing", p.Title, w.Code)
				}
			}
		}
		for _, r := range p.Rollen {
			if !strings.Contains(doc, xmlEscape(r.Title)) {
				t.Errorf("%s: rol %s missing", p.Title, r.Code)
			}
		}
	}
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func TestPDFHasEveryPageAndTheFont(t *testing.T) {
	ps, cs := bundled(t)
	for _, p := range ps {
		var b bytes.Buffer
		if err := export.WritePDF(&b, p, app.CatalogueByID(cs, p.CatalogueID), export.Options{Reviews: true}); err != nil {
			t.Fatal(err)
		}
		pdf := b.String()
		pages := strings.Count(pdf, "/Type /Page\n") + strings.Count(pdf, "/Type /Page ") + strings.Count(pdf, "/Type /Page>")
		if !strings.HasPrefix(pdf, "%PDF-") || !strings.Contains(pdf, "%%EOF") || pages < 5 {
			t.Errorf("%s: %d pages, header %q", p.Title, pages, pdf[:8])
		}
		if !strings.Contains(strings.ToLower(pdf), "dejavu") || !strings.Contains(pdf, "/FontFile2") {
			t.Errorf("%s: font not embedded", p.Title)
		}
	}
}

func TestDOCXEscapesUserText(t *testing.T) {
	ps, _ := bundled(t)
	p := ps[0]
	p.Title = `Beroep <w:p>"&"</w:p>`
	var b bytes.Buffer
	if err := export.WriteDOCX(&b, p, nil, export.Options{}); err != nil {
		t.Fatal(err)
	}
	zr, _ := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			data, _ := io.ReadAll(rc)
			rc.Close()
			if strings.Contains(string(data), `<w:p>"&"</w:p>`) {
				t.Fatal("user text became Word markup")
			}
			if err := xml.Unmarshal(data, new(struct{})); err != nil {
				t.Fatalf("document.xml broken by user text: %v", err)
			}
		}
	}
}

func TestCompareReportInWord(t *testing.T) {
	ps, cs := bundled(t)
	old := ps[0]
	nv := app.NewVersion(old, "2026")
	if len(nv.Kerntaken) > 0 {
		nv.Kerntaken[0].Werkprocessen[0].Beschrijving += " Nieuw woord."
	} else {
		nv.Rollen[0].Beschrijving += " Nieuw woord."
	}
	res := compare.Compare(old, nv, compare.Options{OldCatalogue: app.CatalogueByID(cs, old.CatalogueID), NewCatalogue: app.CatalogueByID(cs, nv.CatalogueID)})
	var b bytes.Buffer
	if err := export.WriteCompareDOCX(&b, res, true); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			data, _ := io.ReadAll(rc)
			rc.Close()
			doc := string(data)
			if !strings.Contains(doc, "Nieuw woord.") || !strings.Contains(doc, "w:highlight") || !strings.Contains(doc, "gewijzigd") {
				t.Error("Word report lacks the marked change")
			}
			return
		}
	}
	t.Fatal("no document.xml")
}
