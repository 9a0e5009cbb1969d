package export

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"bcpeditor/app"
)

// The competency model travels as a CASE package of its own: a CFPackage
// holds one CFDocument, and the model is a framework in its own right
// that several profiles refer to. Its CFDocument and CFItems carry the
// model's and the competenties' own ids, so every export of every profile
// that uses the model points at the same items (and a CASE server keeps
// one copy).

const modelMarker = "[bcp-editor:competentiemodel]"

// modelExtension is what the model's notes carry for the BCP Editor.
type modelExtension struct {
	Version int `json:"versie"`
	// NoCode lists the entries without a code; their humanCodingScheme is
	// their number in the model.
	NoCode []string `json:"zonderCode,omitempty"`
}

// WriteCASEModel writes a competency model as a CASE 1.0 CFPackage: the
// model as CFDocument, each competentie as a CFItem (type Competentie, or
// the item type of the framework it came from) under its parent entry or
// the document. A model has no change times of its own: its items carry a
// fixed time, so every export is the same.
func WriteCASEModel(w io.Writer, cat *app.Catalogue) error {
	if cat == nil {
		return errors.New("het profiel heeft geen competentiemodel om te exporteren")
	}
	titles := map[string]string{cat.ID: cat.Name}
	ext := modelExtension{Version: 1}
	pkg := CFPackage{CFDocument: CFDocument{Identifier: cat.ID, URI: urn(cat.ID), Creator: "onbekend", Title: cat.Name,
		LastChangeDateTime: unknownTime, Description: "Competentiemodel", Language: "nl"}}
	types := map[string]bool{}
	seq := map[string]int{}
	for i, k := range cat.Competenties {
		titles[k.ID] = k.Name
		code := k.Code
		if strings.TrimSpace(code) == "" {
			code = fmt.Sprint(i + 1)
			ext.NoCode = append(ext.NoCode, k.ID)
		}
		typ := k.Kind
		if typ == "" {
			typ = caseTypes[app.KindCompetentie]
		}
		types[typ] = true
		pkg.CFItems = append(pkg.CFItems, CFItem{Identifier: k.ID, FullStatement: k.Name, CFItemType: typ, URI: urn(k.ID),
			HumanCodingScheme: code, Notes: k.Beschrijving, Language: "nl", CFItemTypeURI: typeLink(typ), LastChangeDateTime: unknownTime})
	}
	for _, k := range cat.Competenties {
		parent := k.Parent
		if parent == "" {
			parent = cat.ID
		}
		seq[parent]++
		s := seq[parent]
		id := assocID(k.ID, "isChildOf", parent)
		pkg.CFAssociations = append(pkg.CFAssociations, CFAssociation{Identifier: id, AssociationType: "isChildOf", SequenceNumber: &s, URI: urn(id),
			OriginNodeURI:      LinkURI{Title: titles[k.ID], Identifier: k.ID, URI: urn(k.ID)},
			DestinationNodeURI: LinkURI{Title: titles[parent], Identifier: parent, URI: urn(parent)}, LastChangeDateTime: unknownTime})
	}
	notes, err := json.Marshal(ext)
	if err != nil {
		return fmt.Errorf("CASE-notities schrijven: %w", err)
	}
	pkg.CFDocument.Notes = fmt.Sprintf("Competentiemodel met %d competenties, gebruikt in beroepscompetentieprofielen.\n\n%s\n%s", len(cat.Competenties), modelMarker, notes)
	pkg.CFDefinitions = &CFDefinitions{CFItemTypes: modelItemTypes(types)}
	return writeJSON(w, pkg)
}

// modelItemTypes defines Competentie and any framework item types the
// model keeps.
func modelItemTypes(used map[string]bool) []CFItemType {
	var out []CFItemType
	if used[caseTypes[app.KindCompetentie]] {
		out = append(out, itemTypes(app.KindCompetentie)...)
	}
	var others []string
	for t := range used {
		if t != caseTypes[app.KindCompetentie] {
			others = append(others, t)
		}
	}
	sort.Strings(others)
	for i, t := range others {
		id := itemTypeID(t)
		out = append(out, CFItemType{Identifier: id, URI: urn(id), Title: t, Description: t, HierarchyCode: fmt.Sprint(i + 4), TypeCode: t, LastChangeDateTime: typesChanged})
	}
	return out
}
