package compare_test

import (
	"testing"

	"bcpeditor/app"
	"bcpeditor/app/compare"
	"bcpeditor/assets"
)

// bundled reads the bundled profiles (by title), competency models (by ID)
// and the mapping between the two models.
func bundled(t testing.TB) (map[string]*app.Profile, map[string]*app.Catalogue, compare.Mapping) {
	t.Helper()
	bundles, err := assets.Bundles()
	if err != nil {
		t.Fatal(err)
	}
	ps := map[string]*app.Profile{}
	cs := map[string]*app.Catalogue{}
	var cats []*app.Catalogue
	for _, b := range bundles {
		for _, p := range b.Profiles {
			ps[p.Title] = p
		}
		for _, c := range b.Catalogues {
			cs[c.ID] = c
			cats = append(cats, c)
		}
	}
	ms, err := assets.Mappings(cats)
	if err != nil {
		t.Fatal(err)
	}
	var m compare.Mapping
	for _, v := range ms {
		m = v
	}
	return ps, cs, m
}

func opts(cs map[string]*app.Catalogue, a, b *app.Profile, m compare.Mapping) compare.Options {
	return compare.Options{OldCatalogue: cs[a.CatalogueID], NewCatalogue: cs[b.CatalogueID], Mapping: m}
}
