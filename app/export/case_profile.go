package export

import (
	"fmt"
	"sort"
	"strings"

	"bcpeditor/app"
)

// readCASEProfile reads a package with this program's item types as a
// profile, in stages: the document and its notes, the task tree, the
// competenties used, and what the notes add. Ids are kept: importing our
// own export gives the profile it came from, which the import then merges.
func readCASEProfile(pkg *casePackage, tree *caseTree, cats []*app.Catalogue, rep *ImportReport) (*app.Bundle, error) {
	ext, ok, err := readExtension(pkg.doc.notes)
	if err != nil {
		rep.skipped("de gegevens van de BCP Editor in de notes van het CFDocument zijn onleesbaar (%v); algemene informatie, colofon, lijsten, trends en beoordelingen ontbreken daardoor.", err)
		ext = nil
	}
	r := &profileReader{pkg: pkg, tree: tree, rep: rep, ext: ext, ids: newIDMap(rep), noCode: map[string]bool{}, skippedTypes: counter{}}
	r.readDocument()
	if err := r.readTree(); err != nil {
		return nil, err
	}
	if err := r.readCompetenties(cats); err != nil {
		return nil, err
	}
	r.applyExtension()
	if len(r.p.Elements()) == 0 {
		return nil, refuse("Het CASE-pakket %s bevat geen kerntaken, rollen of algemene informatie: er is niets te importeren.", quoted(pkg.doc.title))
	}
	r.report(ok && ext != nil)
	return &app.Bundle{Format: app.ExchangeFormat, Version: app.ExchangeVersion, Profiles: []*app.Profile{r.p}}, nil
}

// profileReader holds a profile being read from a package.
type profileReader struct {
	pkg          *casePackage
	tree         *caseTree
	rep          *ImportReport
	ext          *profileExtension
	ids          *idMap
	p            *app.Profile
	noCode       map[string]bool
	owners       map[string]string // werkproces or rol item id → element id, for competentie uses
	refsByOwner  map[string]*[]*app.CompetentieRef
	skippedTypes counter
	misplaced    int
}

// readDocument reads the profile's own fields from the CFDocument.
func (r *profileReader) readDocument() {
	d := r.pkg.doc
	p := &app.Profile{ID: r.ids.id(d.id), Title: strings.TrimSpace(d.title), Owner: d.creator, VersionLabel: d.version}
	if len(d.subject) > 0 {
		p.Beroep = d.subject[0]
	}
	p.Status = r.status(d.adoption)
	if r.ext != nil {
		for _, id := range r.ext.NoCode {
			r.noCode[id] = true
		}
	}
	r.p = p
}

// status maps adoptionStatus: Draft is concept, Adopted vastgesteld.
func (r *profileReader) status(adoption string) app.Status {
	switch strings.ToLower(strings.TrimSpace(adoption)) {
	case "", "draft", "private draft":
		return app.StatusConcept
	case "adopted":
		return app.StatusVastgesteld
	default:
		r.rep.repaired("adoptionStatus %s kent de BCP Editor niet; het profiel heeft status concept.", quoted(adoption))
		return app.StatusConcept
	}
}

// code is an element's code: humanCodingScheme, unless our notes say it
// had none.
func (r *profileReader) code(it *caseItem) string {
	if r.noCode[it.id] {
		return ""
	}
	return it.code
}

// readTree builds kerntaken with werkprocessen and their lines, or rollen
// with werkzaamheden and kennis-en-vaardigheden lines.
func (r *profileReader) readTree() error {
	r.owners, r.refsByOwner = map[string]string{}, map[string]*[]*app.CompetentieRef{}
	for _, it := range r.tree.roots {
		kind, _ := kindOfType(it.typ)
		switch kind {
		case app.KindKerntaak:
			r.p.Kerntaken = append(r.p.Kerntaken, r.kerntaak(it))
		case app.KindRol:
			r.p.Rollen = append(r.p.Rollen, r.rol(it))
		case app.KindCompetentie:
			// a competentie of the model, in packages of earlier versions
		default:
			r.skip(it, kind)
		}
	}
	switch {
	case len(r.p.Kerntaken) > 0 && len(r.p.Rollen) > 0:
		return refuse("Het CASE-pakket bevat zowel kerntaken als rollen; een profiel heeft één van beide.")
	case len(r.p.Rollen) > 0:
		r.p.Structure = app.StructureRollen
	default:
		r.p.Structure = app.StructureKerntaken
	}
	return nil
}

// skip counts an item (and everything under it) the tree has no place for.
func (r *profileReader) skip(it *caseItem, kind app.Kind) {
	if kind != "" {
		r.misplaced++
	} else {
		r.skippedTypes[firstNonEmpty(it.typ, "zonder CFItemType")]++
	}
	r.tree.walk(it.id, func(c *caseItem, _ string) {
		if k, ok := kindOfType(c.typ); ok {
			if k != app.KindCompetentie {
				r.misplaced++
			}
		} else {
			r.skippedTypes[firstNonEmpty(c.typ, "zonder CFItemType")]++
		}
	})
}

func (r *profileReader) kerntaak(it *caseItem) *app.Kerntaak {
	k := &app.Kerntaak{ID: r.ids.id(it.id), Code: r.code(it), Title: it.statement, Toelichting: it.notes}
	for _, c := range r.tree.children[it.id] {
		if kind, _ := kindOfType(c.typ); kind == app.KindWerkproces {
			k.Werkprocessen = append(k.Werkprocessen, r.werkproces(c))
		} else {
			r.skip(c, kind)
		}
	}
	return k
}

func (r *profileReader) werkproces(it *caseItem) *app.Werkproces {
	w := &app.Werkproces{ID: r.ids.id(it.id), Code: r.code(it), Title: it.statement, Beschrijving: it.notes}
	r.owners[it.id], r.refsByOwner[it.id] = w.ID, &w.Competenties
	for _, c := range r.tree.children[it.id] {
		kind, _ := kindOfType(c.typ)
		line := &app.Line{ID: r.ids.id(c.id), Text: c.statement}
		switch kind {
		case app.KindResultaat:
			w.Resultaat = append(w.Resultaat, line)
		case app.KindKennis:
			w.Kennis = append(w.Kennis, line)
		case app.KindVaardigheid:
			w.Vaardigheden = append(w.Vaardigheden, line)
		default:
			r.skip(c, kind)
		}
	}
	return w
}

func (r *profileReader) rol(it *caseItem) *app.Rol {
	rol := &app.Rol{ID: r.ids.id(it.id), Code: r.code(it), Title: it.statement, Beschrijving: it.notes}
	r.owners[it.id], r.refsByOwner[it.id] = rol.ID, &rol.Competenties
	for i, c := range r.tree.children[it.id] {
		kind, _ := kindOfType(c.typ)
		switch kind {
		case app.KindWerkzaamheid:
			rol.Werkzaamheden = append(rol.Werkzaamheden, &app.Werkzaamheid{ID: r.ids.id(c.id), Code: r.werkzaamheidCode(c, i), Text: c.statement})
		case app.KindKennisVaardigheid:
			rol.KennisEnVaardigheden = append(rol.KennisEnVaardigheden, &app.Line{ID: r.ids.id(c.id), Text: c.statement})
		default:
			r.skip(c, kind)
		}
	}
	return rol
}

// werkzaamheidCode is its listEnumeration, else the number after ".W" in
// its code, else its code.
func (r *profileReader) werkzaamheidCode(it *caseItem, i int) string {
	switch {
	case r.noCode[it.id]:
		return ""
	case it.enum != "":
		return it.enum
	case strings.Contains(it.code, ".W"):
		return it.code[strings.LastIndex(it.code, ".W")+2:]
	case it.code != "":
		return it.code
	}
	return fmt.Sprint(i + 1)
}

// readCompetenties reads the isRelatedTo associations from werkprocessen
// and rollen as the competenties they use: by id in the library's models,
// else by name; a competentie no model knows is refused.
func (r *profileReader) readCompetenties(cats []*app.Catalogue) error {
	uses := r.competentieUses()
	cat, err := r.chooseCatalogue(uses, cats)
	if err != nil {
		return err
	}
	for _, a := range uses {
		compID := findCompetentie(cat, r.ids.id(a.dest.Identifier), r.competentieName(a))
		if compID == "" {
			return refuse("De competentie %s staat niet in competentiemodel %s van de bibliotheek.", quoted(firstNonEmpty(r.competentieName(a), a.dest.Identifier)), quoted(cat.Name))
		}
		id := a.id
		if id == "" {
			id = assocID(a.origin.Identifier, a.typ, a.dest.Identifier)
		}
		refs := r.refsByOwner[a.origin.Identifier]
		*refs = append(*refs, &app.CompetentieRef{ID: r.ids.id(id), Competentie: compID})
	}
	if cat != nil {
		r.p.CatalogueID = cat.ID
	}
	return nil
}

// competentieUses are the isRelatedTo associations from a werkproces or
// rol, in their order.
func (r *profileReader) competentieUses() []caseAssoc {
	var uses []caseAssoc
	for _, a := range r.pkg.assocs {
		if r.isUse(a) {
			uses = append(uses, a)
		}
	}
	sort.SliceStable(uses, func(i, j int) bool { return uses[i].seq < uses[j].seq })
	return uses
}

// isUse reports whether a is a werkproces or rol using a competentie.
func (r *profileReader) isUse(a caseAssoc) bool {
	return strings.EqualFold(a.typ, "isRelatedTo") && r.refsByOwner[a.origin.Identifier] != nil
}

// competentieName is the name a use gives its competentie: the link's
// title, or the statement of the package's own item (earlier versions).
func (r *profileReader) competentieName(a caseAssoc) string {
	if it := r.pkg.byID[a.dest.Identifier]; it != nil && strings.TrimSpace(it.statement) != "" {
		return strings.TrimSpace(it.statement)
	}
	return strings.TrimSpace(a.dest.Title)
}

// chooseCatalogue finds the profile's competency model: the one the notes
// name, else the one that knows most of the competenties used.
func (r *profileReader) chooseCatalogue(uses []caseAssoc, cats []*app.Catalogue) (*app.Catalogue, error) {
	if r.ext != nil && r.ext.CatalogueID != "" {
		if cat := app.CatalogueByID(cats, r.ext.CatalogueID); cat != nil {
			return cat, nil
		}
		if len(uses) > 0 {
			return nil, refuse("Het profiel %s gebruikt competentiemodel %s, dat niet in de bibliotheek staat. Importeer eerst het CASE-pakket van dat competentiemodel.", quoted(r.p.Title), urn(r.ext.CatalogueID))
		}
	}
	var best *app.Catalogue
	bestN := 0
	for _, c := range cats {
		n := 0
		for _, a := range uses {
			if findCompetentie(c, r.ids.id(a.dest.Identifier), r.competentieName(a)) != "" {
				n++
			}
		}
		if n > bestN {
			best, bestN = c, n
		}
	}
	if best == nil && len(uses) > 0 {
		return nil, refuse("De competentie %s staat in geen competentiemodel van de bibliotheek.", quoted(firstNonEmpty(r.competentieName(uses[0]), uses[0].dest.Identifier)))
	}
	return best, nil
}

// findCompetentie finds a competentie in cat by id, else by name.
func findCompetentie(cat *app.Catalogue, id, name string) string {
	if cat == nil {
		return ""
	}
	for _, k := range cat.Competenties {
		if k.ID == id {
			return k.ID
		}
	}
	for _, k := range cat.Competenties {
		if name != "" && strings.EqualFold(k.Name, name) {
			return k.ID
		}
	}
	return ""
}
