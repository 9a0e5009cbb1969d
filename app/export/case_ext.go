package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"bcpeditor/app"
)

// What CASE has no field for travels in the CFDocument's notes: first a
// sentence for people, then a line with profileMarker and the rest as JSON
// in the exchange format's field names. Reading it back makes the import
// of our own export lossless: same ids, same texts, same everything.

const profileMarker = "[bcp-editor:profiel]"

// profileExtension is what the notes carry.
type profileExtension struct {
	Version       int                `json:"versie"`
	Origin        string             `json:"origin,omitempty"`
	Beroep        string             `json:"beroep"`
	Owner         string             `json:"eigenaar"`
	Status        app.Status         `json:"status"`
	Structure     app.Structure      `json:"structuur"`
	CatalogueID   string             `json:"competentiemodel"`
	Created       string             `json:"aangemaakt,omitempty"`
	Modified      string             `json:"gewijzigd,omitempty"`
	StatusHistory []app.StatusEvent  `json:"statushistorie,omitempty"`
	Colofon       []app.ColofonEntry `json:"colofon,omitempty"`
	Sections      []*app.Section     `json:"algemeneInformatie,omitempty"`
	Lists         []*app.NamedList   `json:"lijsten,omitempty"`
	Trends        []*app.Trend       `json:"trends,omitempty"`
	Reviews       []*app.Review      `json:"beoordelingen,omitempty"`
	// Origins are the elements of the task tree (and competentie uses)
	// that were copied from an earlier version: id → origin id.
	Origins map[string]string `json:"herkomst,omitempty"`
	// NoCode lists the kerntaken, werkprocessen, rollen and werkzaamheden
	// without a code; their humanCodingScheme is made up from their place.
	NoCode []string `json:"zonderCode,omitempty"`
}

// profileNotes writes the CFDocument's notes for p.
func profileNotes(p *app.Profile) (string, error) {
	ext := profileExtension{Version: 1, Origin: p.Origin, Beroep: p.Beroep, Owner: p.Owner, Status: p.Status, Structure: p.Structure,
		CatalogueID: p.CatalogueID, Created: p.Created, Modified: p.Modified, StatusHistory: p.StatusHistory, Colofon: p.Colofon,
		Sections: p.Sections, Lists: p.Lists, Trends: p.Trends, Reviews: p.Reviews, Origins: map[string]string{}}
	for _, e := range p.Elements() {
		switch e.Kind {
		case app.KindSectie, app.KindLijst, app.KindLijstItem, app.KindTrend:
			continue // their origins travel with them
		case app.KindKerntaak, app.KindWerkproces, app.KindRol, app.KindWerkzaamheid:
			if strings.TrimSpace(e.Code) == "" {
				ext.NoCode = append(ext.NoCode, e.ID)
			}
		}
		if e.Origin != "" {
			ext.Origins[e.ID] = e.Origin
		}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(ext); err != nil {
		return "", fmt.Errorf("CASE-notities schrijven: %w", err)
	}
	return readableSummary(p) + "\n\n" + profileMarker + "\n" + strings.TrimSpace(b.String()), nil
}

// readableSummary is the part of the notes for people.
func readableSummary(p *app.Profile) string {
	parts := []string{strings.TrimSpace("Beroepscompetentieprofiel " + p.Beroep)}
	if p.Owner != "" {
		parts[0] += " (" + p.Owner + ")"
	}
	if p.VersionLabel != "" {
		parts[0] += ", versie " + p.VersionLabel
	}
	parts[0] += ", status " + string(p.Status) + "."
	for _, e := range p.StatusHistory {
		parts = append(parts, statusLine(e)+".")
	}
	structure := "kerntaken en werkprocessen"
	if p.Structure == app.StructureRollen {
		structure = "rollen en werkzaamheden"
	}
	model := "."
	if p.CatalogueID != "" {
		model = "; de competenties zijn items van het competentiemodel " + urn(p.CatalogueID) + "."
	}
	parts = append(parts, "Opgebouwd uit "+structure+model,
		"Wat CASE niet kent (algemene informatie, colofon, lijsten, trends, beoordelingen) staat hieronder voor de BCP Editor.")
	return strings.Join(parts, " ")
}

// readExtension finds and reads the extension in a CFDocument's notes;
// ok is false when there is none, err says when it is unreadable.
func readExtension(notes string) (ext *profileExtension, ok bool, err error) {
	i := strings.Index(notes, profileMarker)
	if i < 0 {
		return nil, false, nil
	}
	dec := json.NewDecoder(strings.NewReader(notes[i+len(profileMarker):]))
	var e profileExtension
	if err := dec.Decode(&e); err != nil {
		return nil, true, err
	}
	return &e, true, nil
}
