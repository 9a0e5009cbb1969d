package export

import (
	"strings"

	"bcpeditor/app"
)

// applyExtension restores from our notes what CASE has no field for: the
// exact status and its history, owner and beroep as written, the colofon,
// algemene informatie, lijsten, trends, beoordelingen and origins. A
// review of an element that is no longer in the package is left out and
// reported.
func (r *profileReader) applyExtension() {
	e := r.ext
	if e == nil {
		return
	}
	p := r.p
	p.Origin, p.Beroep, p.Owner, p.Created, p.Modified = e.Origin, e.Beroep, e.Owner, e.Created, e.Modified
	if e.Status.Valid() {
		p.Status = e.Status
	}
	if e.Structure == app.StructureKerntaken || e.Structure == app.StructureRollen {
		if len(p.Kerntaken) == 0 && len(p.Rollen) == 0 {
			p.Structure = e.Structure
		}
	}
	p.StatusHistory, p.Colofon, p.Sections, p.Lists, p.Trends = e.StatusHistory, e.Colofon, e.Sections, e.Lists, e.Trends
	present := map[string]bool{p.ID: true}
	for _, el := range p.Elements() {
		present[el.ID] = true
	}
	r.applyOrigins(present)
	dropped := 0
	for _, rv := range e.Reviews {
		if rv != nil && present[rv.ElementID] {
			p.Reviews = append(p.Reviews, rv)
		} else {
			dropped++
		}
	}
	if dropped > 0 {
		r.rep.skipped("%d beoordeling(en) bij onderdelen die niet meer in het pakket staan.", dropped)
	}
}

// applyOrigins sets the origin of every element the notes name.
func (r *profileReader) applyOrigins(present map[string]bool) {
	origins := r.ext.Origins
	if len(origins) == 0 {
		return
	}
	set := func(id string, origin *string) {
		if o, ok := origins[id]; ok && present[id] {
			*origin = o
		}
	}
	for _, k := range r.p.Kerntaken {
		set(k.ID, &k.Origin)
		for _, w := range k.Werkprocessen {
			set(w.ID, &w.Origin)
			for _, ls := range [][]*app.Line{w.Resultaat, w.Kennis, w.Vaardigheden} {
				for _, l := range ls {
					set(l.ID, &l.Origin)
				}
			}
			for _, c := range w.Competenties {
				set(c.ID, &c.Origin)
			}
		}
	}
	for _, rol := range r.p.Rollen {
		set(rol.ID, &rol.Origin)
		for _, w := range rol.Werkzaamheden {
			set(w.ID, &w.Origin)
		}
		for _, l := range rol.KennisEnVaardigheden {
			set(l.ID, &l.Origin)
		}
		for _, c := range rol.Competenties {
			set(c.ID, &c.Origin)
		}
	}
}

// report sums up the profile read.
func (r *profileReader) report(withExtension bool) {
	rep, pkg := r.rep, r.pkg
	rep.What, rep.Title = "profiel", r.p.Title
	rep.Items, rep.Levels, rep.Associations = len(pkg.items), r.tree.levels, len(pkg.assocs)
	rep.read("Profiel %s (%s) uit een CASE-pakket: %d items in %d niveau(s), %d associaties.", quoted(r.p.Title), firstNonEmpty(r.p.VersionLabel, "zonder versie"),
		len(pkg.items), r.tree.levels, len(pkg.assocs))
	rep.read("Gelezen: %s.", countsText(r.p))
	if withExtension {
		rep.read("Met de gegevens die de BCP Editor in de notes meegeeft (algemene informatie, colofon, lijsten, trends, beoordelingen) en met dezelfde identifiers: een profiel dat al in de bibliotheek staat, wordt samengevoegd.")
	}
	if len(r.skippedTypes) > 0 {
		rep.skipped("items van een soort die een profiel niet kent: %s.", r.skippedTypes)
	}
	if r.misplaced > 0 {
		rep.skipped("%d item(s) die niet op hun plaats in de boom staan (bijvoorbeeld een werkproces dat niet onder een kerntaak hangt).", r.misplaced)
	}
	r.ids.report()
	reportUnused(pkg, rep, profileFields, func(a caseAssoc) bool {
		return strings.EqualFold(a.typ, "isChildOf") && pkg.byID[a.origin.Identifier] != nil || r.isUse(a)
	})
	kept := map[string]bool{"title": true, "creator": true, "version": true, "subject": true, "adoptionStatus": true, "notes": true,
		"description": true, "language": true, "statusStartDate": withExtension}
	reportDocumentFields(pkg, rep, kept)
}

// profileFields are the item fields a profile keeps.
var profileFields = map[string]bool{"identifier": true, "fullStatement": true, "humanCodingScheme": true, "listEnumeration": true,
	"CFItemType": true, "CFItemTypeURI": true, "notes": true, "language": true}
