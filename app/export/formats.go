package export

import (
	"bufio"
	"bytes"
	"fmt"
	"io"

	"bcpeditor/app"
)

// Format is one way to write a profile.
type Format struct {
	Name      string // "json", "html", "xlsx", "case"
	Label     string // as the designer reads it
	Extension string
	Write     func(w *bufio.Writer, p *app.Profile, cat *app.Catalogue) error
}

// Formats lists the export formats, the exchange file first.
var Formats = []Format{
	{"json", "BCP-bestand (om verder te bewerken)", app.ExchangeExtension, func(w *bufio.Writer, p *app.Profile, cat *app.Catalogue) error {
		b := app.NewBundle()
		if cat != nil {
			b.Catalogues = []*app.Catalogue{cat}
		}
		b.Profiles = []*app.Profile{p}
		return app.EncodeBundle(w, b)
	}},
	{"docx", "Word-document", ".docx", func(w *bufio.Writer, p *app.Profile, cat *app.Catalogue) error {
		return WriteDOCX(w, p, cat, Options{Reviews: true})
	}},
	{"pdf", "PDF", ".pdf", func(w *bufio.Writer, p *app.Profile, cat *app.Catalogue) error {
		return WritePDF(w, p, cat, Options{Reviews: true})
	}},
	{"html", "HTML-document (om te lezen en af te drukken)", ".html", func(w *bufio.Writer, p *app.Profile, cat *app.Catalogue) error {
		return WriteHTML(w, p, cat, Options{Reviews: true})
	}},
	{"xlsx", "Excel: competentiematrix en lijsten", ".xlsx", func(w *bufio.Writer, p *app.Profile, cat *app.Catalogue) error {
		return WriteXLSX(w, p, cat)
	}},
	{"case", "CASE 1.0 JSON (OpenSALT, CaSS)", ".case.json", func(w *bufio.Writer, p *app.Profile, cat *app.Catalogue) error {
		return WriteCASE(w, p, cat)
	}},
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

// ReadImport reads what a designer imports: an exchange file, or a CASE
// package (recognised by its CFDocument), as a bundle that has passed its
// checks. cats are the library's competency models, for CASE.
func ReadImport(r io.Reader, cats []*app.Catalogue) (*app.Bundle, error) {
	data, err := io.ReadAll(io.LimitReader(r, app.MaxExchangeSize+1))
	if err != nil {
		return nil, fmt.Errorf("bestand lezen: %w", err)
	}
	if bytes.Contains(data[:min(len(data), 4096)], []byte(`"CFDocument"`)) {
		p, err := ReadCASE(bytes.NewReader(data), cats)
		if err != nil {
			return nil, err
		}
		b := app.NewBundle()
		b.Profiles = []*app.Profile{p}
		return b, b.Check()
	}
	return app.DecodeBundle(bytes.NewReader(data))
}
