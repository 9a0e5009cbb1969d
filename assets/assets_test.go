package assets

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"bcpeditor/app"
)

var update = flag.Bool("update", false, "rewrite the bundled files in canonical form")

// The bundled files are stored exactly as the program writes them, so that
// export → import → export of a bundled profile gives the same bytes.
func TestBundledFilesAreCanonical(t *testing.T) {
	for _, name := range ProfileFiles() {
		data, err := ProfileFile(name)
		if err != nil {
			t.Fatal(err)
		}
		b, err := app.ParseBundle(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var buf bytes.Buffer
		if err := app.EncodeBundle(&buf, b); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(buf.Bytes(), data) {
			if *update {
				if err := os.WriteFile(filepath.FromSlash(name), buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			t.Errorf("%s is not in canonical form; run go test ./assets -run Canonical -update", name)
		}
	}
}
