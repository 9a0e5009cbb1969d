package app

import (
	"strings"
	"testing"
)

// A model's hierarchy is checked on import: a parent outside the model or
// a cycle is refused with a sentence naming the entry.
func TestCatalogueHierarchyIsChecked(t *testing.T) {
	a, b, c := NewID(), NewID(), NewID()
	bundle := func(ks ...*Competentie) *Bundle {
		return &Bundle{Format: ExchangeFormat, Version: 1, Catalogues: []*Catalogue{{ID: NewID(), Name: "Raamwerk", Competenties: ks}}}
	}
	if err := bundle(&Competentie{ID: a, Name: "A"}, &Competentie{ID: b, Name: "B", Parent: a}).Check(); err != nil {
		t.Fatalf("a valid hierarchy is refused: %v", err)
	}
	for name, bad := range map[string]*Bundle{
		"missing parent": bundle(&Competentie{ID: a, Name: "A"}, &Competentie{ID: b, Name: "Wees", Parent: c}),
		"cycle":          bundle(&Competentie{ID: a, Name: "Kring", Parent: b}, &Competentie{ID: b, Name: "Kring", Parent: a}),
		"own parent":     bundle(&Competentie{ID: a, Name: "Kring", Parent: a}),
	} {
		err := bad.Check()
		if err == nil || !strings.Contains(err.Error(), "niets gewijzigd") || !(strings.Contains(err.Error(), "Wees") || strings.Contains(err.Error(), "Kring")) {
			t.Errorf("%s: %v", name, err)
		}
	}
}
