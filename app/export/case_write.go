package export

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"bcpeditor/app"
)

// WriteCASE writes the profile as a CASE 1.0 CFPackage: the profile as
// CFDocument, its kerntaken, werkprocessen and their lines (or rollen,
// werkzaamheden and kennis-en-vaardigheden lines) as CFItems under it with
// isChildOf associations, and each use of a competentie as an isRelatedTo
// association to that competentie's item in the competency model's own
// CFDocument (WriteCASEModel). What CASE has no field for travels in the
// document's notes, so that importing the package gives back the same
// profile. Times are the profile's own; the same profile gives the same
// bytes.
func WriteCASE(w io.Writer, p *app.Profile, cat *app.Catalogue) error {
	c := &caseWriter{p: p, names: competentieNames(cat), stamp: profileStamp(p), titles: map[string]string{p.ID: p.Title}}
	doc, err := c.document()
	if err != nil {
		return err
	}
	c.pkg.CFDocument = doc
	c.tree()
	c.pkg.CFDefinitions = &CFDefinitions{CFItemTypes: itemTypes(c.kinds()...)}
	return writeJSON(w, c.pkg)
}

// caseWriter builds a profile's package.
type caseWriter struct {
	p      *app.Profile
	names  map[string]string
	stamp  string
	pkg    CFPackage
	titles map[string]string // node id → title, for links
	used   map[app.Kind]bool
}

// adoptionStatus maps a status to CASE: a concept is a Draft; a profile
// the branche accorded or that is established is Adopted (the difference
// travels in the notes).
func adoptionStatus(s app.Status) string {
	if s == app.StatusConcept {
		return "Draft"
	}
	return "Adopted"
}

// document is the profile's CFDocument.
func (c *caseWriter) document() (CFDocument, error) {
	p := c.p
	notes, err := profileNotes(p)
	if err != nil {
		return CFDocument{}, err
	}
	d := CFDocument{Identifier: p.ID, URI: urn(p.ID), Creator: orUnknown(p.Owner), Title: p.Title, LastChangeDateTime: c.stamp,
		Description: strings.TrimSpace("Beroepscompetentieprofiel " + p.Beroep), Language: "nl", Version: p.VersionLabel,
		AdoptionStatus: adoptionStatus(p.Status), Notes: notes}
	if p.Beroep != "" {
		d.Subject = []string{p.Beroep}
	}
	for _, e := range p.StatusHistory {
		if _, err := time.Parse(time.DateOnly, e.Date); err == nil && e.Status == p.Status {
			d.StatusStartDate = e.Date
		}
	}
	return d, nil
}

func orUnknown(s string) string {
	if strings.TrimSpace(s) == "" {
		return "onbekend"
	}
	return s
}

// item adds one CFItem.
func (c *caseWriter) item(id string, kind app.Kind, code, enum, text, notes string) {
	typ := caseTypes[kind]
	if c.used == nil {
		c.used = map[app.Kind]bool{}
	}
	c.used[kind] = true
	c.pkg.CFItems = append(c.pkg.CFItems, CFItem{Identifier: id, URI: urn(id), FullStatement: text, CFItemType: typ,
		HumanCodingScheme: code, ListEnumeration: enum, Notes: notes, Language: "nl", CFItemTypeURI: typeLink(typ), LastChangeDateTime: c.stamp})
	c.titles[id] = text
}

// assoc adds one association; id "" derives a stable one.
func (c *caseWriter) assoc(id, typ, origin, destination string, seq int, destTitle string) {
	if id == "" {
		id = assocID(origin, typ, destination)
	}
	if destTitle == "" {
		destTitle = c.titles[destination]
	}
	s := seq
	c.pkg.CFAssociations = append(c.pkg.CFAssociations, CFAssociation{Identifier: id, AssociationType: typ, SequenceNumber: &s, URI: urn(id),
		OriginNodeURI:      LinkURI{Title: c.titles[origin], Identifier: origin, URI: urn(origin)},
		DestinationNodeURI: LinkURI{Title: destTitle, Identifier: destination, URI: urn(destination)}, LastChangeDateTime: c.stamp})
}

// tree adds the task tree.
func (c *caseWriter) tree() {
	for i, k := range c.p.Kerntaken {
		code := orCode(k.Code, fmt.Sprintf("K%d", i+1))
		c.item(k.ID, app.KindKerntaak, code, fmt.Sprint(i+1), k.Title, k.Toelichting)
		c.assoc("", "isChildOf", k.ID, c.p.ID, i+1, "")
		for j, w := range k.Werkprocessen {
			wcode := orCode(w.Code, fmt.Sprintf("%s.%d", code, j+1))
			c.item(w.ID, app.KindWerkproces, wcode, fmt.Sprint(j+1), w.Title, w.Beschrijving)
			c.assoc("", "isChildOf", w.ID, k.ID, j+1, "")
			seq := 0
			c.lines(w.ID, wcode, app.KindResultaat, "R", w.Resultaat, &seq)
			c.lines(w.ID, wcode, app.KindKennis, "K", w.Kennis, &seq)
			c.lines(w.ID, wcode, app.KindVaardigheid, "V", w.Vaardigheden, &seq)
			c.uses(w.ID, w.Competenties)
		}
	}
	for i, r := range c.p.Rollen {
		code := orCode(r.Code, fmt.Sprintf("R%d", i+1))
		c.item(r.ID, app.KindRol, code, fmt.Sprint(i+1), r.Title, r.Beschrijving)
		c.assoc("", "isChildOf", r.ID, c.p.ID, i+1, "")
		seq := 0
		for j, w := range r.Werkzaamheden {
			enum := orCode(w.Code, fmt.Sprint(j+1))
			c.item(w.ID, app.KindWerkzaamheid, code+".W"+enum, enum, w.Text, "")
			seq++
			c.assoc("", "isChildOf", w.ID, r.ID, seq, "")
		}
		c.lines(r.ID, code, app.KindKennisVaardigheid, "KV", r.KennisEnVaardigheden, &seq)
		c.uses(r.ID, r.Competenties)
	}
}

func orCode(code, fallback string) string {
	if strings.TrimSpace(code) == "" {
		return fallback
	}
	return code
}

// lines adds list lines under parent, coded parent code + letter + number.
func (c *caseWriter) lines(parent, code string, kind app.Kind, letter string, ls []*app.Line, seq *int) {
	for i, l := range ls {
		n := fmt.Sprint(i + 1)
		c.item(l.ID, kind, code+"."+letter+n, n, l.Text, "")
		*seq++
		c.assoc("", "isChildOf", l.ID, parent, *seq, "")
	}
}

// uses links a werkproces or rol to the competenties it uses, in the
// competency model's document; the association is the use itself.
func (c *caseWriter) uses(owner string, refs []*app.CompetentieRef) {
	for i, r := range refs {
		c.assoc(r.ID, "isRelatedTo", owner, r.Competentie, i+1, nameOf(c.names, r.Competentie))
	}
}

// kinds are the item types the package uses.
func (c *caseWriter) kinds() []app.Kind {
	var out []app.Kind
	for _, t := range caseTypeOrder {
		if c.used[t.kind] {
			out = append(out, t.kind)
		}
	}
	return out
}

// writeJSON writes v as indented JSON without HTML escaping.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("CASE-bestand schrijven: %w", err)
	}
	return nil
}
