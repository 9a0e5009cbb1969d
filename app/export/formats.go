package export

import (
	"bufio"

	"bcpeditor/app"
)

// Source is what an export writes: a profile, its competency model (nil
// when the library lacks it) and the research sources (bronnen) its notes
// and texts cite.
type Source struct {
	Profile   *app.Profile
	Catalogue *app.Catalogue
	Bronnen   []*app.Bron
}

// Format is one way to write a profile.
type Format struct {
	Name      string // "json", "html", "xlsx", "case"
	Label     string // as the designer reads it
	Extension string
	Write     func(w *bufio.Writer, s Source) error
}

// Formats lists the export formats, the exchange file first.
var Formats = []Format{
	{"json", "BCP-bestand (om verder te bewerken)", app.ExchangeExtension, func(w *bufio.Writer, s Source) error {
		return app.EncodeBundle(w, ExchangeBundle(s))
	}},
	{"docx", "Word-document", ".docx", func(w *bufio.Writer, s Source) error {
		return WriteDOCX(w, s.Profile, s.Catalogue, Options{Reviews: true, Bronnen: s.Bronnen})
	}},
	{"pdf", "PDF", ".pdf", func(w *bufio.Writer, s Source) error {
		return WritePDF(w, s.Profile, s.Catalogue, Options{Reviews: true, Bronnen: s.Bronnen})
	}},
	{"html", "HTML-document (om te lezen en af te drukken)", ".html", func(w *bufio.Writer, s Source) error {
		return WriteHTML(w, s.Profile, s.Catalogue, Options{Reviews: true, Bronnen: s.Bronnen})
	}},
	{"xlsx", "Excel: competentiematrix en lijsten", ".xlsx", func(w *bufio.Writer, s Source) error {
		return WriteXLSX(w, s.Profile, s.Catalogue, s.Bronnen)
	}},
	{"case", "CASE 1.0 JSON (OpenSALT, CaSS)", ".case.json", func(w *bufio.Writer, s Source) error {
		return WriteCASE(w, s.Profile, s.Catalogue)
	}},
}

// ExchangeBundle is the exchange file of one profile: the profile with its
// competency model and the bronnen it cites, for a colleague to go on
// editing.
func ExchangeBundle(s Source) *app.Bundle {
	b := app.NewBundle()
	if s.Catalogue != nil {
		b.Catalogues = []*app.Catalogue{s.Catalogue}
	}
	b.Bronnen = app.BronnenFor(s.Bronnen, s.Profile)
	b.Profiles = []*app.Profile{s.Profile}
	return b
}

// FormatByName finds a format.
func FormatByName(name string) (Format, bool) {
	for _, f := range Formats {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// CatalogueFormat is one way to write a competency model.
type CatalogueFormat struct {
	Name      string // "json", "case"
	Label     string // as the designer reads it
	Extension string
	Write     func(w *bufio.Writer, cat *app.Catalogue) error
}

// CatalogueFormats lists the export formats of a competency model: the
// exchange file, and CASE, where a model is a framework of its own that
// the CASE export of every profile using it refers to.
var CatalogueFormats = []CatalogueFormat{
	{"json", "BCP-bestand met het competentiemodel", app.ExchangeExtension, func(w *bufio.Writer, cat *app.Catalogue) error {
		b := app.NewBundle()
		b.Catalogues = []*app.Catalogue{cat}
		return app.EncodeBundle(w, b)
	}},
	{"case", "CASE 1.0 JSON: competentiemodel (OpenSALT, CaSS)", ".case.json", func(w *bufio.Writer, cat *app.Catalogue) error {
		return WriteCASEModel(w, cat)
	}},
}

// CatalogueFormatByName finds a competency model's export format.
func CatalogueFormatByName(name string) (CatalogueFormat, bool) {
	for _, f := range CatalogueFormats {
		if f.Name == name {
			return f, true
		}
	}
	return CatalogueFormat{}, false
}
