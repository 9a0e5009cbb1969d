// Package assets embeds what ships inside the program: the bundled
// profiles and competency models (in the exchange format), the
// translations and the icon.
package assets

import (
	"embed"
	"encoding/json"
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

//go:embed koppelingen/*.json
var koppelingen embed.FS

// MappingFile is a bundled mapping between two competency models: the
// models by id (FromID, ToID) or, in files without ids, by name; their
// competenties by name.
type MappingFile struct {
	From        string `json:"van"`
	To          string `json:"naar"`
	FromID      string `json:"vanId,omitempty"`
	ToID        string `json:"naarId,omitempty"`
	Toelichting string `json:"toelichting"`
	Links       []struct {
		From string   `json:"van"`
		To   []string `json:"naar"`
	} `json:"koppelingen"`
}

// Mappings returns the bundled mappings as catalogue entry IDs: for each,
// old entry ID → new entry IDs. Names that are not in the catalogues are
// an error, so a typo cannot silently drop a link.
func Mappings(cats []*app.Catalogue) (map[[2]string]map[string][]string, error) {
	out := map[[2]string]map[string][]string{}
	names, _ := fs.Glob(koppelingen, "koppelingen/*.json")
	for _, name := range names {
		data, err := koppelingen.ReadFile(name)
		if err != nil {
			return nil, err
		}
		var mf MappingFile
		if err := json.Unmarshal(data, &mf); err != nil {
			return nil, fmt.Errorf("koppeling %s: %w", name, err)
		}
		from, to := mappedCatalogue(cats, mf.FromID, mf.From), mappedCatalogue(cats, mf.ToID, mf.To)
		if from == nil || to == nil {
			return nil, fmt.Errorf("koppeling %s: competentiemodel %q of %q onbekend", name, mf.From, mf.To)
		}
		id := func(c *app.Catalogue, n string) (string, error) {
			for _, k := range c.Competenties {
				if k.Name == n {
					return k.ID, nil
				}
			}
			return "", fmt.Errorf("koppeling %s: %q staat niet in %q", name, n, c.Name)
		}
		m := map[string][]string{}
		for _, l := range mf.Links {
			fid, err := id(from, l.From)
			if err != nil {
				return nil, err
			}
			for _, t := range l.To {
				tid, err := id(to, t)
				if err != nil {
					return nil, err
				}
				m[fid] = append(m[fid], tid)
			}
		}
		out[[2]string{from.ID, to.ID}] = m
	}
	return out, nil
}

// mappedCatalogue finds a mapping's competency model by id when the file
// gives one (names change: the 2020 set was renamed), else by name.
func mappedCatalogue(cats []*app.Catalogue, id, name string) *app.Catalogue {
	if id != "" {
		return app.CatalogueByID(cats, id)
	}
	for _, c := range cats {
		if c.Name == name {
			return c
		}
	}
	return nil
}

//go:embed fonts/DejaVuSans.ttf
var fontRegular []byte

//go:embed fonts/DejaVuSans-Bold.ttf
var fontBold []byte

// Fonts returns the TrueType fonts embedded in PDF exports, regular and
// bold: DejaVu Sans, which covers the Dutch diacritics (free licence, see
// fonts/LICENSE-DejaVu.txt).
func Fonts() (regular, bold []byte) { return fontRegular, fontBold }
