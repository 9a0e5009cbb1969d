package export

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"bcpeditor/app"
)

// CASE 1.0 (1EdTech Competencies and Academic Standards Exchange), the
// JSON that tools such as OpenSALT and CaSS exchange. What this program
// writes validates against the strict CASE 1.0 schema: a CFPackage with
// one CFDocument, its CFItems and CFAssociations, and the CFItemTypes in
// CFDefinitions. A profile is one package, its competency model another
// (see case_write.go and case_model.go); docs/exchange-format.md gives the
// mapping.

// CFPackage is a whole CASE package.
type CFPackage struct {
	CFDocument     CFDocument      `json:"CFDocument"`
	CFItems        []CFItem        `json:"CFItems"`
	CFAssociations []CFAssociation `json:"CFAssociations"`
	CFDefinitions  *CFDefinitions  `json:"CFDefinitions,omitempty"`
}

// CFDocument describes the framework: a profile or a competency model.
type CFDocument struct {
	Identifier         string   `json:"identifier"`
	URI                string   `json:"uri"`
	Creator            string   `json:"creator"`
	Title              string   `json:"title"`
	LastChangeDateTime string   `json:"lastChangeDateTime"`
	Description        string   `json:"description,omitempty"`
	Subject            []string `json:"subject,omitempty"`
	Language           string   `json:"language,omitempty"`
	Version            string   `json:"version,omitempty"`
	AdoptionStatus     string   `json:"adoptionStatus,omitempty"`
	StatusStartDate    string   `json:"statusStartDate,omitempty"`
	Notes              string   `json:"notes,omitempty"`
}

// CFItem is one element of a framework.
type CFItem struct {
	Identifier           string   `json:"identifier"`
	FullStatement        string   `json:"fullStatement"`
	CFItemType           string   `json:"CFItemType,omitempty"`
	URI                  string   `json:"uri"`
	HumanCodingScheme    string   `json:"humanCodingScheme,omitempty"`
	ListEnumeration      string   `json:"listEnumeration,omitempty"`
	AbbreviatedStatement string   `json:"abbreviatedStatement,omitempty"`
	Notes                string   `json:"notes,omitempty"`
	Language             string   `json:"language,omitempty"`
	CFItemTypeURI        *LinkURI `json:"CFItemTypeURI,omitempty"`
	LastChangeDateTime   string   `json:"lastChangeDateTime"`
}

// CFAssociation links two nodes.
type CFAssociation struct {
	Identifier         string  `json:"identifier"`
	AssociationType    string  `json:"associationType"`
	SequenceNumber     *int    `json:"sequenceNumber,omitempty"`
	URI                string  `json:"uri"`
	OriginNodeURI      LinkURI `json:"originNodeURI"`
	DestinationNodeURI LinkURI `json:"destinationNodeURI"`
	LastChangeDateTime string  `json:"lastChangeDateTime"`
}

// LinkURI points at a node. Other tools sometimes write a plain URI
// string instead; reading accepts that (see UnmarshalJSON).
type LinkURI struct {
	Title      string `json:"title"`
	Identifier string `json:"identifier"`
	URI        string `json:"uri"`

	fromString bool // read from a plain string
}

// UnmarshalJSON reads a link object or a plain URI string, whose last path
// segment is taken as the identifier.
func (l *LinkURI) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	if len(data) > 0 && data[0] == '"' {
		var s string
		if err := json.Unmarshal(data, &s); err != nil {
			return err
		}
		*l = LinkURI{URI: s, Identifier: lastSegment(s), fromString: true}
		return nil
	}
	if string(data) == "null" {
		*l = LinkURI{}
		return nil
	}
	var obj struct {
		Title      flexString `json:"title"`
		Identifier flexString `json:"identifier"`
		URI        flexString `json:"uri"`
	}
	if err := json.Unmarshal(data, &obj); err != nil {
		return err
	}
	*l = LinkURI{Title: string(obj.Title), Identifier: string(obj.Identifier), URI: string(obj.URI)}
	return nil
}

func lastSegment(uri string) string {
	uri = strings.TrimRight(uri, "/")
	if i := strings.LastIndexAny(uri, "/:"); i >= 0 {
		return uri[i+1:]
	}
	return uri
}

// CFDefinitions holds the item types (and, in other tools' packages,
// concepts, subjects, licences and groupings, which are read past).
type CFDefinitions struct {
	CFItemTypes []CFItemType `json:"CFItemTypes"`
}

// CFItemType defines a kind of item.
type CFItemType struct {
	Identifier         string `json:"identifier"`
	URI                string `json:"uri"`
	Title              string `json:"title"`
	Description        string `json:"description"`
	HierarchyCode      string `json:"hierarchyCode"`
	TypeCode           string `json:"typeCode,omitempty"`
	LastChangeDateTime string `json:"lastChangeDateTime"`
}

// flexString reads a string, a number or null as a string: real packages
// hold "description": null and numbers where strings belong.
type flexString string

// UnmarshalJSON accepts a string, number, boolean or null.
func (s *flexString) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	switch {
	case string(data) == "null":
		*s = ""
	case len(data) > 0 && data[0] == '"':
		var v string
		if err := json.Unmarshal(data, &v); err != nil {
			return err
		}
		*s = flexString(v)
	default:
		*s = flexString(data)
	}
	return nil
}

// flexInt reads a number or a numeric string.
type flexInt struct {
	n   int
	set bool
}

// UnmarshalJSON accepts 3, 3.0, "3" and null.
func (i *flexInt) UnmarshalJSON(data []byte) error {
	var s flexString
	if err := s.UnmarshalJSON(data); err != nil {
		return err
	}
	if s == "" {
		*i = flexInt{}
		return nil
	}
	f, err := strconv.ParseFloat(string(s), 64)
	if err != nil {
		*i = flexInt{}
		return nil //nolint:nilerr // a sequence number that is no number only loses its order
	}
	*i = flexInt{n: int(f), set: true}
	return nil
}

// The CFItemTypes this program writes and reads, by element kind.
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

// caseTypeOrder is the order of the item types in CFDefinitions, with
// their hierarchy codes.
var caseTypeOrder = []struct {
	kind      app.Kind
	hierarchy string
	about     string
}{
	{app.KindKerntaak, "1", "Een kenmerkende taak binnen de beroepsuitoefening (bcp tot 2016-stijl)."},
	{app.KindWerkproces, "1.1", "Een afgebakend onderdeel van een kerntaak, met beschrijving, resultaat, kennis en vaardigheden."},
	{app.KindResultaat, "1.1.1", "Een resultaat van een werkproces."},
	{app.KindKennis, "1.1.2", "Kennis die een werkproces vraagt."},
	{app.KindVaardigheid, "1.1.3", "Een vaardigheid die een werkproces vraagt."},
	{app.KindRol, "2", "Een rol binnen het beroep (bcp 2020-stijl)."},
	{app.KindWerkzaamheid, "2.1", "Een genummerde werkzaamheid van een rol."},
	{app.KindKennisVaardigheid, "2.2", "Een regel kennis en vaardigheden van een rol, geordend naar NLQF."},
	{app.KindCompetentie, "3", "Een competentie uit een competentiemodel."},
}

// kindOfType finds the element kind of a CFItemType this program writes.
func kindOfType(t string) (app.Kind, bool) {
	for k, name := range caseTypes {
		if strings.EqualFold(strings.TrimSpace(t), name) {
			return k, true
		}
	}
	return "", false
}

// itemTypeID is the stable identifier of one of our CFItemTypes.
func itemTypeID(title string) string { return app.DerivedID("bcp-editor/CFItemType/" + title) }

// typesChanged is when these item types were last changed.
const typesChanged = "2026-11-22T00:00:00Z"

// itemTypes defines the given kinds for CFDefinitions.
func itemTypes(kinds ...app.Kind) []CFItemType {
	var out []CFItemType
	for _, t := range caseTypeOrder {
		for _, k := range kinds {
			if t.kind == k {
				title := caseTypes[k]
				id := itemTypeID(title)
				out = append(out, CFItemType{Identifier: id, URI: urn(id), Title: title, Description: t.about,
					HierarchyCode: t.hierarchy, TypeCode: title, LastChangeDateTime: typesChanged})
			}
		}
	}
	return out
}

// typeLink is an item's CFItemTypeURI.
func typeLink(title string) *LinkURI {
	id := itemTypeID(title)
	return &LinkURI{Title: title, Identifier: id, URI: urn(id)}
}

func urn(id string) string { return "urn:uuid:" + id }

// assocID derives a stable identifier for an association that has no ID
// of its own.
func assocID(origin, typ, destination string) string {
	return app.DerivedID(origin + "|" + typ + "|" + destination)
}
