package export

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"bcpeditor/app"
)

// CASE 1.0 (1EdTech Competencies and Academic Standards Exchange), the
// JSON that tools such as OpenSALT and CaSS exchange: a CFPackage with one
// CFDocument, CFItems for kerntaken, werkprocessen, rollen, werkzaamheden,
// their lines and the competenties, and isChildOf associations with a
// sequenceNumber. Identifiers are the elements' own lowercase UUIDv4s.

// CFPackage is the whole CASE document.
type CFPackage struct {
	CFDocument     CFDocument      `json:"CFDocument"`
	CFItems        []CFItem        `json:"CFItems"`
	CFAssociations []CFAssociation `json:"CFAssociations"`
}

// CFDocument describes the framework: the profile.
type CFDocument struct {
	Identifier         string   `json:"identifier"`
	URI                string   `json:"uri"`
	Creator            string   `json:"creator"`
	Title              string   `json:"title"`
	LastChangeDateTime string   `json:"lastChangeDateTime"`
	Version            string   `json:"version,omitempty"`
	AdoptionStatus     string   `json:"adoptionStatus,omitempty"`
	Language           string   `json:"language,omitempty"`
	Subject            []string `json:"subject,omitempty"`
	Notes              string   `json:"notes,omitempty"`
}

// CFItem is one element.
type CFItem struct {
	Identifier           string   `json:"identifier"`
	URI                  string   `json:"uri"`
	FullStatement        string   `json:"fullStatement"`
	HumanCodingScheme    string   `json:"humanCodingScheme,omitempty"`
	AbbreviatedStatement string   `json:"abbreviatedStatement,omitempty"`
	CFItemType           string   `json:"CFItemType,omitempty"`
	Notes                string   `json:"notes,omitempty"`
	Language             string   `json:"language,omitempty"`
	CFDocumentURI        *LinkURI `json:"CFDocumentURI,omitempty"`
	LastChangeDateTime   string   `json:"lastChangeDateTime"`
}

// CFAssociation links two nodes.
type CFAssociation struct {
	Identifier         string   `json:"identifier"`
	URI                string   `json:"uri"`
	AssociationType    string   `json:"associationType"`
	SequenceNumber     *int     `json:"sequenceNumber,omitempty"`
	OriginNodeURI      LinkURI  `json:"originNodeURI"`
	DestinationNodeURI LinkURI  `json:"destinationNodeURI"`
	CFDocumentURI      *LinkURI `json:"CFDocumentURI,omitempty"`
	LastChangeDateTime string   `json:"lastChangeDateTime"`
}

// LinkURI points at a node.
type LinkURI struct {
	Title      string `json:"title"`
	Identifier string `json:"identifier"`
	URI        string `json:"uri"`
}

// The CFItemType values this program writes and reads.
var caseTypes = map[app.Kind]string{
	app.KindKerntaak:          "Kerntaak",
	app.KindWerkproces:        "Werkproces",
	app.KindRol:               "Rol",
	app.KindWerkzaamheid:      "Werkzaamheid",
	app.KindResultaat:         "Resultaat",
	app.KindKennis:            "Kennis",
	app.KindVaardigheid:       "Vaardigheid",
	app.KindKennisVaardigheid: "Kennis en vaardigheden",
	app.KindCompetentie:       "Competentie",
}

func urn(id string) string { return "urn:uuid:" + id }

// caseID derives a stable UUIDv4-shaped identifier for things that have no
// ID of their own (an association), from two IDs.
func caseID(a, b string) string {
	return app.DerivedID(a + "|" + b)
}

// WriteCASE writes the profile as a CASE 1.0 CFPackage.
func WriteCASE(w io.Writer, p *app.Profile, cat *app.Catalogue) error {
	stamp := p.Modified
	if _, err := time.Parse(time.RFC3339, stamp); err != nil {
		stamp = time.Now().Format(time.RFC3339)
	}
	docLink := &LinkURI{Title: p.Title, Identifier: p.ID, URI: urn(p.ID)}
	pkg := CFPackage{CFDocument: CFDocument{
		Identifier: p.ID, URI: urn(p.ID), Creator: orDash(p.Owner), Title: p.Title, LastChangeDateTime: stamp,
		Version: p.VersionLabel, AdoptionStatus: string(p.Status), Language: "nl",
		Subject: []string{p.Beroep}, Notes: "Beroepscompetentieprofiel, opgebouwd uit " + string(p.Structure) + ".",
	}}
	titles := map[string]string{p.ID: p.Title}
	item := func(id, kind, code, text string) {
		pkg.CFItems = append(pkg.CFItems, CFItem{Identifier: id, URI: urn(id), FullStatement: text, HumanCodingScheme: code,
			CFItemType: kind, Language: "nl", CFDocumentURI: docLink, LastChangeDateTime: stamp})
		titles[id] = text
	}
	assoc := func(typ, child, parent string, seq int) {
		s := seq
		pkg.CFAssociations = append(pkg.CFAssociations, CFAssociation{
			Identifier: caseID(child, parent+typ), URI: urn(caseID(child, parent+typ)), AssociationType: typ, SequenceNumber: &s,
			OriginNodeURI:      LinkURI{Title: titles[child], Identifier: child, URI: urn(child)},
			DestinationNodeURI: LinkURI{Title: titles[parent], Identifier: parent, URI: urn(parent)},
			CFDocumentURI:      docLink, LastChangeDateTime: stamp})
	}
	names := competentieNames(cat)
	comps := map[string]bool{}
	lines := func(parent string, kind app.Kind, ls []*app.Line, seq *int) {
		for _, l := range ls {
			item(l.ID, caseTypes[kind], "", l.Text)
			*seq++
			assoc("isChildOf", l.ID, parent, *seq)
		}
	}
	refs := func(owner string, rs []*app.CompetentieRef) {
		for i, r := range rs {
			if !comps[r.Competentie] {
				comps[r.Competentie] = true
				item(r.Competentie, caseTypes[app.KindCompetentie], "", names[r.Competentie])
				assoc("isChildOf", r.Competentie, p.ID, 10000+len(comps))
			}
			assoc("isRelatedTo", owner, r.Competentie, i+1)
		}
	}
	for i, k := range p.Kerntaken {
		item(k.ID, caseTypes[app.KindKerntaak], k.Code, k.Title)
		pkg.CFItems[len(pkg.CFItems)-1].Notes = k.Toelichting
		assoc("isChildOf", k.ID, p.ID, i+1)
		for j, wp := range k.Werkprocessen {
			text := wp.Title
			item(wp.ID, caseTypes[app.KindWerkproces], wp.Code, text)
			pkg.CFItems[len(pkg.CFItems)-1].Notes = wp.Beschrijving
			assoc("isChildOf", wp.ID, k.ID, j+1)
			seq := 0
			lines(wp.ID, app.KindResultaat, wp.Resultaat, &seq)
			lines(wp.ID, app.KindKennis, wp.Kennis, &seq)
			lines(wp.ID, app.KindVaardigheid, wp.Vaardigheden, &seq)
			refs(wp.ID, wp.Competenties)
		}
	}
	for i, r := range p.Rollen {
		item(r.ID, caseTypes[app.KindRol], r.Code, r.Title)
		pkg.CFItems[len(pkg.CFItems)-1].Notes = r.Beschrijving
		assoc("isChildOf", r.ID, p.ID, i+1)
		seq := 0
		for _, w := range r.Werkzaamheden {
			item(w.ID, caseTypes[app.KindWerkzaamheid], w.Code, w.Text)
			seq++
			assoc("isChildOf", w.ID, r.ID, seq)
		}
		lines(r.ID, app.KindKennisVaardigheid, r.KennisEnVaardigheden, &seq)
		refs(r.ID, r.Competenties)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(pkg)
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return s
}

// ReadCASE reads a CASE package written by this program or a tool that
// uses the same CFItemTypes, and makes a new profile of it (new IDs, so it
// never collides with the original). Competenties are matched by name to
// the competency model that knows most of them; a name no model knows is
// refused. Bad input gives one Dutch message and changes nothing.
func ReadCASE(r io.Reader, cats []*app.Catalogue) (*app.Profile, error) {
	data, err := io.ReadAll(io.LimitReader(r, app.MaxExchangeSize+1))
	if err != nil {
		return nil, fmt.Errorf("CASE-bestand lezen: %w", err)
	}
	if len(data) > app.MaxExchangeSize {
		return nil, &app.InputError{Msg: "Het CASE-bestand is te groot. Er is niets gewijzigd."}
	}
	var pkg CFPackage
	if err := json.Unmarshal(data, &pkg); err != nil {
		return nil, &app.InputError{Msg: "Het bestand is geen leesbaar CASE-pakket (JSON). Er is niets gewijzigd."}
	}
	if pkg.CFDocument.Identifier == "" || pkg.CFDocument.Title == "" {
		return nil, &app.InputError{Msg: "Het CASE-pakket mist een CFDocument met identifier en titel. Er is niets gewijzigd."}
	}
	items := map[string]*CFItem{}
	for i := range pkg.CFItems {
		it := &pkg.CFItems[i]
		if it.Identifier == "" {
			return nil, &app.InputError{Msg: "Een CFItem in het CASE-pakket heeft geen identifier. Er is niets gewijzigd."}
		}
		if items[it.Identifier] != nil {
			return nil, &app.InputError{Msg: fmt.Sprintf("De identifier %s komt twee keer voor in het CASE-pakket. Er is niets gewijzigd.", it.Identifier)}
		}
		items[it.Identifier] = it
	}
	kindOf := map[string]app.Kind{}
	for k, t := range caseTypes {
		kindOf[t] = k
	}
	type child struct {
		id  string
		seq int
	}
	children := map[string][]child{}
	related := map[string][]child{}
	for _, a := range pkg.CFAssociations {
		seq := 0
		if a.SequenceNumber != nil {
			seq = *a.SequenceNumber
		}
		switch a.AssociationType {
		case "isChildOf":
			children[a.DestinationNodeURI.Identifier] = append(children[a.DestinationNodeURI.Identifier], child{a.OriginNodeURI.Identifier, seq})
		case "isRelatedTo":
			related[a.OriginNodeURI.Identifier] = append(related[a.OriginNodeURI.Identifier], child{a.DestinationNodeURI.Identifier, seq})
		}
	}
	sorted := func(cs []child) []child {
		sort.SliceStable(cs, func(i, j int) bool { return cs[i].seq < cs[j].seq })
		return cs
	}
	// Competenties: by name, into the model that knows most of them.
	var compNames []string
	for _, it := range pkg.CFItems {
		if kindOf[it.CFItemType] == app.KindCompetentie {
			compNames = append(compNames, it.FullStatement)
		}
	}
	var cat *app.Catalogue
	best := -1
	for _, c := range cats {
		n := 0
		for _, name := range compNames {
			for _, e := range c.Competenties {
				if strings.EqualFold(e.Name, name) {
					n++
				}
			}
		}
		if n > best {
			cat, best = c, n
		}
	}
	compID := map[string]string{}
	for _, it := range pkg.CFItems {
		if kindOf[it.CFItemType] != app.KindCompetentie {
			continue
		}
		found := ""
		if cat != nil {
			for _, e := range cat.Competenties {
				if strings.EqualFold(e.Name, it.FullStatement) {
					found = e.ID
				}
			}
		}
		if found == "" {
			return nil, &app.InputError{Msg: fmt.Sprintf("De competentie %q staat in geen competentiemodel van de bibliotheek. Er is niets gewijzigd.", it.FullStatement)}
		}
		compID[it.Identifier] = found
	}
	p := &app.Profile{ID: app.NewID(), Title: pkg.CFDocument.Title, Owner: pkg.CFDocument.Creator, VersionLabel: pkg.CFDocument.Version,
		Status: app.StatusConcept}
	if len(pkg.CFDocument.Subject) > 0 {
		p.Beroep = pkg.CFDocument.Subject[0]
	}
	if s := app.Status(pkg.CFDocument.AdoptionStatus); s.Valid() {
		p.Status = s
	}
	if cat != nil {
		p.CatalogueID = cat.ID
	}
	line := func(it *CFItem) *app.Line { return &app.Line{ID: app.NewID(), Text: it.FullStatement} }
	// childItems are the items under id, in sequence order.
	childItems := func(id string) []*CFItem {
		var out []*CFItem
		for _, c := range sorted(children[id]) {
			if it := items[c.id]; it != nil {
				out = append(out, it)
			}
		}
		return out
	}
	compRefs := func(owner string) []*app.CompetentieRef {
		var out []*app.CompetentieRef
		for _, c := range sorted(related[owner]) {
			if id, ok := compID[c.id]; ok {
				out = append(out, &app.CompetentieRef{ID: app.NewID(), Competentie: id})
			}
		}
		return out
	}
	for _, it := range childItems(pkg.CFDocument.Identifier) {
		switch kindOf[it.CFItemType] {
		case app.KindKerntaak:
			k := &app.Kerntaak{ID: app.NewID(), Code: it.HumanCodingScheme, Title: it.FullStatement, Toelichting: it.Notes}
			for _, wi := range childItems(it.Identifier) {
				if kindOf[wi.CFItemType] != app.KindWerkproces {
					continue
				}
				wp := &app.Werkproces{ID: app.NewID(), Code: wi.HumanCodingScheme, Title: wi.FullStatement, Beschrijving: wi.Notes, Competenties: compRefs(wi.Identifier)}
				for _, li := range childItems(wi.Identifier) {
					switch kindOf[li.CFItemType] {
					case app.KindResultaat:
						wp.Resultaat = append(wp.Resultaat, line(li))
					case app.KindKennis:
						wp.Kennis = append(wp.Kennis, line(li))
					case app.KindVaardigheid:
						wp.Vaardigheden = append(wp.Vaardigheden, line(li))
					}
				}
				k.Werkprocessen = append(k.Werkprocessen, wp)
			}
			p.Kerntaken = append(p.Kerntaken, k)
		case app.KindRol:
			r := &app.Rol{ID: app.NewID(), Code: it.HumanCodingScheme, Title: it.FullStatement, Beschrijving: it.Notes, Competenties: compRefs(it.Identifier)}
			for _, li := range childItems(it.Identifier) {
				switch kindOf[li.CFItemType] {
				case app.KindWerkzaamheid:
					r.Werkzaamheden = append(r.Werkzaamheden, &app.Werkzaamheid{ID: app.NewID(), Code: li.HumanCodingScheme, Text: li.FullStatement})
				case app.KindKennisVaardigheid:
					r.KennisEnVaardigheden = append(r.KennisEnVaardigheden, line(li))
				}
			}
			p.Rollen = append(p.Rollen, r)
		}
	}
	switch {
	case len(p.Kerntaken) > 0 && len(p.Rollen) > 0:
		return nil, &app.InputError{Msg: "Het CASE-pakket bevat zowel kerntaken als rollen. Er is niets gewijzigd."}
	case len(p.Rollen) > 0:
		p.Structure = app.StructureRollen
	default:
		p.Structure = app.StructureKerntaken
	}
	return p, nil
}
