package export_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"bcpeditor/app"
	"bcpeditor/app/compare"
	"bcpeditor/app/export"
	"bcpeditor/assets"
)

// crosswalk2010To2020 compares the bundled 2010 BCP with the 2020 bcp
// (Junior) accountmanager, through the bundled mapping of their models.
func crosswalk2010To2020(t *testing.T) *compare.Result {
	t.Helper()
	ps, cs := bundled(t)
	byTitle := map[string]*app.Profile{}
	for _, p := range ps {
		byTitle[p.Title] = p
	}
	old, nv := byTitle["BCP Junior accountmanager"], byTitle["bcp (Junior) accountmanager"]
	ms, err := assets.Mappings(cs)
	if err != nil {
		t.Fatal(err)
	}
	opt := compare.Options{OldCatalogue: app.CatalogueByID(cs, old.CatalogueID), NewCatalogue: app.CatalogueByID(cs, nv.CatalogueID)}
	for _, m := range ms {
		opt.Mapping = m
	}
	return compare.Compare(old, nv, opt)
}

// The Excel concordantietabel has a row per row of the crosswalk, the new
// elements of each old one with their strengths, an empty notes column,
// and the print setup of every table sheet.
func TestConcordantieInExcel(t *testing.T) {
	res := crosswalk2010To2020(t)
	var b bytes.Buffer
	if err := export.WriteConcordantieXLSX(&b, res); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Concordantietabel")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], "|") != "Code|Soort|Oud|Status|Nieuw|Gelijkenis|Toelichting" {
		t.Fatalf("header %v", rows[0])
	}
	if len(rows)-1 != len(res.Rows) {
		t.Fatalf("%d rows for %d rows of the crosswalk", len(rows)-1, len(res.Rows))
	}
	var klachten []string
	for _, r := range rows[1:] {
		if len(r) > 6 && r[6] != "" {
			t.Errorf("notes column filled: %q", r[6])
		}
		if len(r) > 2 && r[2] == "Behandelt klachten" {
			klachten = r
		}
	}
	if klachten == nil || klachten[3] != string(compare.Split) ||
		!strings.Contains(klachten[4], "Relatiebeheerder, werkzaamheid 5") || !strings.Contains(klachten[4], "Vertegenwoordiger, werkzaamheid 6") ||
		strings.Count(klachten[5], "\n") != strings.Count(klachten[4], "\n") {
		t.Errorf("row of 2.3: %q", klachten)
	}
	checkPrintSetup(t, f, b.Bytes(), "concordantietabel")
}

// The Word concordantietabel is one landscape table whose header row
// repeats, with a row per row of the crosswalk; user text stays text.
func TestConcordantieInWord(t *testing.T) {
	res := crosswalk2010To2020(t)
	res.OldUnits[1].Title = `Verzamelt <markt> & "klant" informatie` // the row shows the unit's text
	var b bytes.Buffer
	if err := export.WriteConcordantieDOCX(&b, res); err != nil {
		t.Fatal(err)
	}
	doc := documentXML(t, b.Bytes())
	if err := xml.Unmarshal([]byte(doc), new(struct{})); err != nil {
		t.Fatalf("document.xml broken: %v", err)
	}
	for _, want := range []string{`w:orient="landscape"`, "w:tblHeader", "Concordantietabel BCP Junior accountmanager", "Toelichting",
		"Relatiebeheerder, werkzaamheid 5", "&lt;markt&gt; &amp;", string(compare.Split)} {
		if !strings.Contains(doc, want) {
			t.Errorf("document lacks %q", want)
		}
	}
	if n := strings.Count(doc, "<w:tr>") + strings.Count(doc, "<w:tr "); n != len(res.Rows)+1 {
		t.Errorf("%d table rows for %d rows of the crosswalk", n, len(res.Rows))
	}
}

// The crosswalk's Word report marks the phrases a werkproces shares with
// each of its werkzaamheden.
func TestCrosswalkReportInWord(t *testing.T) {
	res := crosswalk2010To2020(t)
	var b bytes.Buffer
	if err := export.WriteCompareDOCX(&b, res, false); err != nil {
		t.Fatal(err)
	}
	doc := documentXML(t, b.Bytes())
	for _, want := range []string{`w:highlight w:val="yellow"`, "Behandelt klachten", "gesplitst"} {
		if !strings.Contains(doc, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

func documentXML(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	t.Fatal("no document.xml")
	return ""
}
