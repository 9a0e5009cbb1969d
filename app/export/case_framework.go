package export

import (
	"encoding/json"
	"strings"

	"bcpeditor/app"
)

// readCASEFramework reads another tool's competency framework as a
// competency model: its items in hierarchy order, each with its code, its
// statement as name (the abbreviated statement when there is one), its
// parent and item type. Ids are kept (so importing it again changes
// nothing) unless they clash with a different model in the library.
func readCASEFramework(pkg *casePackage, tree *caseTree, cats []*app.Catalogue, rep *ImportReport) (*app.Bundle, error) {
	if len(pkg.items) == 0 {
		return nil, refuse("Het CASE-pakket %s bevat geen items: er is niets te importeren.", quoted(pkg.doc.title))
	}
	ids := newIDMap(rep)
	cat := &app.Catalogue{ID: ids.id(pkg.doc.id), Name: strings.TrimSpace(pkg.doc.title)}
	if cat.Name == "" {
		cat.Name = "CASE-raamwerk " + pkg.doc.id
		rep.repaired("het CFDocument heeft geen titel; het competentiemodel heet %s.", quoted(cat.Name))
	}
	ids.avoidClashes(pkg, cat, cats)
	noCode := modelNoCode(pkg.doc.notes)
	kinds := counter{}
	tree.walk(pkg.doc.id, func(it *caseItem, parent string) {
		k := frameworkEntry(it, noCode[it.id])
		k.ID = ids.id(it.id)
		if parent != pkg.doc.id {
			k.Parent = ids.id(parent)
		}
		if k.Name == "" {
			k.Name = firstNonEmpty(it.code, "(zonder tekst)")
			rep.repaired("item %s heeft geen fullStatement; het heet %s.", it.id, quoted(k.Name))
		}
		kinds[firstNonEmpty(k.Kind, "competentie")]++
		cat.Competenties = append(cat.Competenties, k)
	})
	rep.What, rep.Title = "competentiemodel", cat.Name
	rep.Items, rep.Levels, rep.Associations = len(pkg.items), tree.levels, len(pkg.assocs)
	rep.read("Competentiemodel %s uit een CASE-pakket van %s: %d item(s) (%s) in %d niveau(s), %d isChildOf-associatie(s).",
		quoted(cat.Name), maker(pkg.doc.creator), len(cat.Competenties), kinds, tree.levels, tree.childOf)
	if existing := app.CatalogueByID(cats, cat.ID); existing != nil {
		rep.read("Dit competentiemodel staat al in de bibliotheek (zelfde identifier); de bibliotheek houdt haar versie.")
	}
	ids.report()
	ours := strings.Contains(pkg.doc.notes, modelMarker) // what our own model export writes besides the model
	kept := map[string]bool{"language": ours}
	for f := range frameworkFields {
		kept[f] = true
	}
	reportUnused(pkg, rep, kept, func(a caseAssoc) bool {
		return strings.EqualFold(a.typ, "isChildOf") && pkg.byID[a.origin.Identifier] != nil
	})
	reportDocumentFields(pkg, rep, map[string]bool{"identifier": true, "title": true, "notes": ours, "creator": ours, "description": ours, "language": ours})
	return &app.Bundle{Format: app.ExchangeFormat, Version: app.ExchangeVersion, Catalogues: []*app.Catalogue{cat}}, nil
}

// maker is the creator as a report names it.
func maker(creator string) string {
	if c := strings.TrimSpace(creator); c != "" && c != "onbekend" {
		return c
	}
	return "een onbekende maker"
}

// frameworkFields are the item fields a competency model keeps.
var frameworkFields = map[string]bool{"identifier": true, "fullStatement": true, "abbreviatedStatement": true,
	"humanCodingScheme": true, "CFItemType": true, "CFItemTypeURI": true, "notes": true}

// frameworkEntry makes a model entry of an item: the abbreviated statement
// (or the full one) as name, the full statement (when not the name) and
// the notes as beschrijving.
func frameworkEntry(it *caseItem, noCode bool) *app.Competentie {
	k := &app.Competentie{Code: it.code, Kind: it.typ}
	if strings.EqualFold(k.Kind, caseTypes[app.KindCompetentie]) {
		k.Kind = ""
	}
	if noCode {
		k.Code = ""
	}
	var about []string
	if strings.TrimSpace(it.abbreviated) != "" {
		k.Name = strings.TrimSpace(it.abbreviated)
		about = append(about, strings.TrimSpace(it.statement))
	} else {
		k.Name = strings.TrimSpace(it.statement)
	}
	if n := strings.TrimSpace(it.notes); n != "" {
		about = append(about, n)
	}
	k.Beschrijving = strings.TrimSpace(strings.Join(about, "\n\n"))
	return k
}

// modelNoCode reads which entries had no code, from our own model's notes.
func modelNoCode(notes string) map[string]bool {
	out := map[string]bool{}
	i := strings.Index(notes, modelMarker)
	if i < 0 {
		return out
	}
	var ext modelExtension
	if json.NewDecoder(strings.NewReader(notes[i+len(modelMarker):])).Decode(&ext) == nil {
		for _, id := range ext.NoCode {
			out[id] = true
		}
	}
	return out
}

// idMap turns a package's identifiers into library ids: lowercase UUIDs
// as they are, anything else a stable id derived from it; and, when the
// model's ids clash with a different model in the library, every id
// derived afresh from the model's.
type idMap struct {
	rep     *ImportReport
	salt    string
	changed map[string]bool // identifiers that were no UUID
}

func newIDMap(rep *ImportReport) *idMap { return &idMap{rep: rep, changed: map[string]bool{}} }

// report says how many identifiers were no UUID.
func (m *idMap) report() {
	if len(m.changed) > 0 {
		m.rep.repaired("%d identifier(s) waren geen UUID; ze kregen een vaste identifier die ervan is afgeleid.", len(m.changed))
	}
}

func (m *idMap) id(s string) string {
	if m.salt != "" {
		return app.DerivedID(m.salt + "|" + s)
	}
	lower := strings.ToLower(s)
	if app.IsUUID(lower) {
		return lower
	}
	m.changed[s] = true
	return app.DerivedID("case|" + s)
}

// avoidClashes checks the package's ids against the library: the same
// model (same id and name) is fine; a different model or competenties of
// another model under the same ids get fresh ids for this one.
func (m *idMap) avoidClashes(pkg *casePackage, cat *app.Catalogue, cats []*app.Catalogue) {
	taken := map[string]string{} // competentie id → its model's name
	for _, c := range cats {
		for _, k := range c.Competenties {
			if c.ID != cat.ID {
				taken[k.ID] = c.Name
			}
		}
	}
	clash := ""
	if existing := app.CatalogueByID(cats, cat.ID); existing != nil && existing.Name != cat.Name {
		clash = existing.Name
	}
	for _, it := range pkg.items {
		if name, ok := taken[m.id(it.id)]; ok && clash == "" {
			clash = name
		}
	}
	if clash == "" {
		return
	}
	m.salt = "case|" + pkg.doc.id + "|" + cat.Name
	cat.ID = m.id(pkg.doc.id)
	m.rep.repaired("de identifiers van dit pakket zijn in de bibliotheek al in gebruik door competentiemodel %s; dit model krijgt eigen, vaste identifiers.", quoted(clash))
}
