// Package assets embeds what ships inside the program: the bundled
// profiles and competency models (in the exchange format), the
// translations and the icon.
package assets

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"

	"bcpeditor/app"
)

//go:embed profielen/*.bcp.json
var profielen embed.FS

// ProfileFiles lists the bundled exchange files, in load order.
func ProfileFiles() []string {
	names, _ := fs.Glob(profielen, "profielen/*.bcp.json")
	sort.Strings(names)
	return names
}

// ProfileFile returns the bytes of one bundled exchange file.
func ProfileFile(name string) ([]byte, error) { return profielen.ReadFile(name) }

// Bundles parses every bundled exchange file. The competency models come
// first, so that profiles can refer to them.
func Bundles() ([]*app.Bundle, error) {
	var out []*app.Bundle
	for _, name := range ProfileFiles() {
		data, err := profielen.ReadFile(name)
		if err != nil {
			return nil, err
		}
		b, err := app.ParseBundle(data)
		if err != nil {
			return nil, fmt.Errorf("meegeleverd bestand %s: %w", name, err)
		}
		out = append(out, b)
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].Profiles) == 0 && len(out[j].Profiles) > 0 })
	return out, nil
}

//go:embed translations/*.json
var translations embed.FS

// Translation returns the translation file for a language ("nl", "en").
func Translation(language string) ([]byte, error) {
	return translations.ReadFile("translations/" + language + ".json")
}

//go:embed icon/icon.png
var icon []byte

// Icon is the application icon as PNG (512×512).
func Icon() []byte { return icon }
