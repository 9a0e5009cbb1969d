package export_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bcpeditor/app"
	"bcpeditor/app/export"
)

// TestWriteExportsForManualCheck writes every export of every bundled
// profile to the folder in BCP_EXPORT_DIR, for the manual check in
// LibreOffice (too heavy for CI):
//
//	BCP_EXPORT_DIR=/tmp/out go test ./app/export -run ManualCheck
//	libreoffice --headless --convert-to pdf --outdir /tmp/out/pdf /tmp/out/*.docx /tmp/out/*.xlsx
//	pdftoppm -png -r 60 -f 1 -l 4 /tmp/out/pdf/bcp-junior-accountmanager-2010.pdf page
func TestWriteExportsForManualCheck(t *testing.T) {
	dir := os.Getenv("BCP_EXPORT_DIR")
	if dir == "" {
		t.Skip("BCP_EXPORT_DIR not set")
	}
	ps, cs := bundled(t)
	for _, p := range ps {
		for _, f := range export.Formats {
			name := filepath.Join(dir, fileName(p)+f.Extension)
			out, _ := os.Create(name)
			w := bufio.NewWriter(out)
			if err := f.Write(w, export.Source{Profile: p, Catalogue: app.CatalogueByID(cs, p.CatalogueID), Bronnen: app.BronnenFor(bundledBronnen(t), p)}); err != nil {
				t.Error(err)
			}
			w.Flush()
			out.Close()
		}
	}
}

// fileName is "bcp-junior-accountmanager-2010".
func fileName(p *app.Profile) string {
	name := strings.ToLower(p.Title + " " + p.VersionLabel)
	name = strings.NewReplacer("(", "", ")", "", "november ", "").Replace(name)
	return strings.Join(strings.Fields(name), "-")
}
