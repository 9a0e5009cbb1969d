package export

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"bcpeditor/app"
)

// ReadCASE reads a CASE package, in stages: decode it leniently (plain
// string URIs, times without a zone, fields CASE does not define), index
// its items and associations, build the isChildOf hierarchy (refusing a
// missing parent or a cycle), and then read it as what it is: a profile
// (this program's item types, or its notes) or another tool's competency
// framework, which becomes a competency model. The report says what was
// read, repaired and left out. Bad input gives an *app.InputError and
// nothing to import.
func ReadCASE(r io.Reader, cats []*app.Catalogue) (*app.Bundle, *ImportReport, error) {
	data, err := io.ReadAll(io.LimitReader(r, app.MaxExchangeSize+1))
	if err != nil {
		return nil, nil, fmt.Errorf("CASE-bestand lezen: %w", err)
	}
	if len(data) > app.MaxExchangeSize {
		return nil, nil, refuse("Het CASE-bestand is groter dan %d MB.", app.MaxExchangeSize>>20)
	}
	rep := &ImportReport{Format: "CASE-pakket"}
	pkg, err := decodeCASE(data, rep)
	if err != nil {
		return nil, nil, err
	}
	tree, err := buildTree(pkg, rep)
	if err != nil {
		return nil, nil, err
	}
	var b *app.Bundle
	if pkg.isProfile() {
		b, err = readCASEProfile(pkg, tree, cats, rep)
	} else {
		b, err = readCASEFramework(pkg, tree, cats, rep)
	}
	if err != nil {
		return nil, nil, err
	}
	if err := b.Check(); err != nil {
		return nil, nil, err
	}
	return b, rep, nil
}

// refuse makes the Dutch error for bad input.
func refuse(format string, args ...any) error {
	return &app.InputError{Msg: fmt.Sprintf(format, args...) + " Er is niets gewijzigd."}
}

// casePackage is a package as read: plain strings, the fields this
// program uses.
type casePackage struct {
	doc    caseDoc
	items  []*caseItem
	byID   map[string]*caseItem
	assocs []caseAssoc
	raw    rawPackage
}

type caseDoc struct {
	id, uri, creator, title, description, language, version, adoption, notes string
	subject                                                                  []string
}

type caseItem struct {
	id, statement, abbreviated, typ, code, enum, notes string
	index                                              int // place in the file
	fields                                             map[string]bool
}

type caseAssoc struct {
	id, typ      string
	seq          int
	hasSeq       bool
	origin, dest LinkURI
}

// label is how a report names an item: its code and statement.
func (it *caseItem) label() string {
	return quoted(strings.TrimSpace(it.code + " " + app.Shorten(firstNonEmpty(it.statement, it.abbreviated, it.id), 70)))
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// rawPackage is the package as JSON, each part kept raw so that a wrong
// type in one field is reported, not fatal.
type rawPackage struct {
	CFDocument     json.RawMessage            `json:"CFDocument"`
	CFItems        []json.RawMessage          `json:"CFItems"`
	CFAssociations []json.RawMessage          `json:"CFAssociations"`
	CFDefinitions  map[string]json.RawMessage `json:"CFDefinitions"`
	CFRubrics      []json.RawMessage          `json:"CFRubrics"`
}

type rawDocument struct {
	Identifier         flexString      `json:"identifier"`
	URI                flexString      `json:"uri"`
	Creator            flexString      `json:"creator"`
	Title              flexString      `json:"title"`
	Description        flexString      `json:"description"`
	Language           flexString      `json:"language"`
	Version            flexString      `json:"version"`
	AdoptionStatus     flexString      `json:"adoptionStatus"`
	Notes              flexString      `json:"notes"`
	Subject            json.RawMessage `json:"subject"`
	LastChangeDateTime flexString      `json:"lastChangeDateTime"`
	CFPackageURI       *LinkURI        `json:"CFPackageURI"`
}

type rawItem struct {
	Identifier           flexString `json:"identifier"`
	FullStatement        flexString `json:"fullStatement"`
	AbbreviatedStatement flexString `json:"abbreviatedStatement"`
	CFItemType           flexString `json:"CFItemType"`
	CFItemTypeURI        *LinkURI   `json:"CFItemTypeURI"`
	HumanCodingScheme    flexString `json:"humanCodingScheme"`
	ListEnumeration      flexString `json:"listEnumeration"`
	Notes                flexString `json:"notes"`
	LastChangeDateTime   flexString `json:"lastChangeDateTime"`
	CFDocumentURI        *LinkURI   `json:"CFDocumentURI"`
}

type rawAssociation struct {
	Identifier         flexString `json:"identifier"`
	AssociationType    flexString `json:"associationType"`
	SequenceNumber     flexInt    `json:"sequenceNumber"`
	OriginNodeURI      LinkURI    `json:"originNodeURI"`
	DestinationNodeURI LinkURI    `json:"destinationNodeURI"`
	LastChangeDateTime flexString `json:"lastChangeDateTime"`
	CFDocumentURI      *LinkURI   `json:"CFDocumentURI"`
}

// repairs counts what was read leniently, for the report.
type repairs struct {
	stringLinks counter // link fields that were plain strings
	zoneless    int     // times without a zone
	badTimes    int     // times that are no time at all
}

// decodeCASE reads the JSON into a casePackage.
func decodeCASE(data []byte, rep *ImportReport) (*casePackage, error) {
	var raw rawPackage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, refuse("Het bestand is geen leesbaar CASE-pakket (%s).", jsonProblemCASE(err))
	}
	if len(raw.CFDocument) == 0 || string(raw.CFDocument) == "null" {
		return nil, refuse("Het CASE-pakket mist zijn CFDocument.")
	}
	pkg := &casePackage{byID: map[string]*caseItem{}, raw: raw}
	fix := repairs{stringLinks: counter{}}
	if err := pkg.decodeDocument(raw.CFDocument, &fix); err != nil {
		return nil, err
	}
	for i, msg := range raw.CFItems {
		if err := pkg.decodeItem(i, msg, &fix); err != nil {
			return nil, err
		}
	}
	for i, msg := range raw.CFAssociations {
		if err := pkg.decodeAssociation(i, msg, &fix); err != nil {
			return nil, err
		}
	}
	reportRepairs(fix, rep)
	return pkg, nil
}

func jsonProblemCASE(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("fout in de JSON bij teken %d", syn.Offset)
	case errors.As(err, &typ):
		return fmt.Sprintf("veld %q heeft de verkeerde soort waarde", typ.Field)
	default:
		return "geen geldige JSON"
	}
}

func (pkg *casePackage) decodeDocument(msg json.RawMessage, fix *repairs) error {
	var d rawDocument
	if err := json.Unmarshal(msg, &d); err != nil {
		return refuse("Het CFDocument van het CASE-pakket is onleesbaar (%s).", jsonProblemCASE(err))
	}
	if strings.TrimSpace(string(d.Identifier)) == "" {
		return refuse("Het CFDocument van het CASE-pakket heeft geen identifier.")
	}
	pkg.doc = caseDoc{id: strings.TrimSpace(string(d.Identifier)), uri: string(d.URI), creator: string(d.Creator), title: string(d.Title),
		description: string(d.Description), language: string(d.Language), version: string(d.Version), adoption: string(d.AdoptionStatus),
		notes: string(d.Notes), subject: flexStrings(d.Subject)}
	if d.CFPackageURI != nil && d.CFPackageURI.fromString {
		fix.stringLinks["CFPackageURI"]++
	}
	fix.time(string(d.LastChangeDateTime))
	return nil
}

// flexStrings reads a string array or a single string.
func flexStrings(raw json.RawMessage) []string {
	var list []string
	if json.Unmarshal(raw, &list) == nil {
		return list
	}
	var one string
	if json.Unmarshal(raw, &one) == nil && one != "" {
		return []string{one}
	}
	return nil
}

func (pkg *casePackage) decodeItem(i int, msg json.RawMessage, fix *repairs) error {
	var it rawItem
	if err := json.Unmarshal(msg, &it); err != nil {
		return refuse("CFItem nummer %d in het CASE-pakket is onleesbaar (%s).", i+1, jsonProblemCASE(err))
	}
	id := strings.TrimSpace(string(it.Identifier))
	if id == "" {
		return refuse("CFItem nummer %d in het CASE-pakket heeft geen identifier.", i+1)
	}
	if pkg.byID[id] != nil || id == pkg.doc.id {
		return refuse("De identifier %s komt twee keer voor in het CASE-pakket.", id)
	}
	typ := strings.TrimSpace(string(it.CFItemType))
	if typ == "" && it.CFItemTypeURI != nil {
		typ = it.CFItemTypeURI.Title
	}
	item := &caseItem{id: id, statement: string(it.FullStatement), abbreviated: string(it.AbbreviatedStatement), typ: typ,
		code: strings.TrimSpace(string(it.HumanCodingScheme)), enum: strings.TrimSpace(string(it.ListEnumeration)), notes: string(it.Notes),
		index: i, fields: fieldsWithContent(msg)}
	for name, l := range map[string]*LinkURI{"CFDocumentURI": it.CFDocumentURI, "CFItemTypeURI": it.CFItemTypeURI} {
		if l != nil && l.fromString {
			fix.stringLinks[name]++
		}
	}
	fix.time(string(it.LastChangeDateTime))
	pkg.items = append(pkg.items, item)
	pkg.byID[id] = item
	return nil
}

// fieldsWithContent lists the fields of a JSON object that hold a value.
func fieldsWithContent(msg json.RawMessage) map[string]bool {
	var m map[string]json.RawMessage
	json.Unmarshal(msg, &m)
	out := map[string]bool{}
	for k, v := range m {
		s := strings.TrimSpace(string(v))
		if s != "null" && s != `""` && s != "[]" && s != "{}" {
			out[k] = true
		}
	}
	return out
}

func (pkg *casePackage) decodeAssociation(i int, msg json.RawMessage, fix *repairs) error {
	var a rawAssociation
	if err := json.Unmarshal(msg, &a); err != nil {
		return refuse("CFAssociation nummer %d in het CASE-pakket is onleesbaar (%s).", i+1, jsonProblemCASE(err))
	}
	for name, l := range map[string]*LinkURI{"originNodeURI": &a.OriginNodeURI, "destinationNodeURI": &a.DestinationNodeURI, "CFDocumentURI": a.CFDocumentURI} {
		if l != nil && l.fromString {
			fix.stringLinks[name]++
		}
	}
	fix.time(string(a.LastChangeDateTime))
	a.OriginNodeURI.Identifier = strings.TrimSpace(a.OriginNodeURI.Identifier)
	a.DestinationNodeURI.Identifier = strings.TrimSpace(a.DestinationNodeURI.Identifier)
	pkg.assocs = append(pkg.assocs, caseAssoc{id: strings.TrimSpace(string(a.Identifier)), typ: strings.TrimSpace(string(a.AssociationType)),
		seq: a.SequenceNumber.n, hasSeq: a.SequenceNumber.set, origin: a.OriginNodeURI, dest: a.DestinationNodeURI})
	return nil
}

// time notes a time that is not RFC 3339 with a zone.
func (f *repairs) time(s string) {
	if s == "" {
		return
	}
	if _, err := time.Parse(time.RFC3339, s); err == nil {
		return
	}
	if _, err := time.Parse("2006-01-02T15:04:05", s); err == nil {
		f.zoneless++
		return
	}
	f.badTimes++
}

func reportRepairs(f repairs, rep *ImportReport) {
	if len(f.stringLinks) > 0 {
		rep.repaired("verwijzingen die een losse tekst waren in plaats van {title, identifier, uri}: %s; als uri gelezen, met het laatste deel als identifier.", f.stringLinks)
	}
	if f.zoneless > 0 {
		rep.repaired("%d tijdstip(pen) zonder tijdzone; als UTC gelezen.", f.zoneless)
	}
	if f.badTimes > 0 {
		rep.repaired("%d tijdstip(pen) die geen geldige tijd zijn; genegeerd.", f.badTimes)
	}
}

// isProfile reports whether the package is a profile: its notes carry this
// program's profile, or it has items of the task tree's types.
func (pkg *casePackage) isProfile() bool {
	if strings.Contains(pkg.doc.notes, profileMarker) {
		return true
	}
	for _, it := range pkg.items {
		if k, ok := kindOfType(it.typ); ok && k != app.KindCompetentie {
			return true
		}
	}
	return false
}
