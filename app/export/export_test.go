package export_test

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

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

// bundledBronnen are the research sources of the bundled profiles.
func bundledBronnen(t testing.TB) []*app.Bron {
	bundles, err := assets.Bundles()
	if err != nil {
		t.Fatal(err)
	}
	var out []*app.Bron
	for _, b := range bundles {
		out = append(out, b.Bronnen...)
	}
	return out
}

// fullOptions are the options the program exports with: the notes, and
// the bronnen the profile cites.
func fullOptions(t testing.TB, p *app.Profile) export.Options {
	return export.Options{Reviews: true, Bronnen: app.BronnenFor(bundledBronnen(t), p)}
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
