// Package docs holds the project's documentation; its test keeps the JSON
// Schema of the exchange format true to what the program writes.
package docs

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"bcpeditor/app"
	"bcpeditor/assets"
)

func compile(t *testing.T) *jsonschema.Schema {
	t.Helper()
	data, err := os.ReadFile("bcp-exchange.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("bcp-exchange.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("bcp-exchange.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Every bundled file and what the program writes from it is valid against
// the schema, and the schema rejects what the decoder rejects for shape.
func TestSchemaMatchesTheProgram(t *testing.T) {
	s := compile(t)
	for _, name := range assets.ProfileFiles() {
		data, _ := assets.ProfileFile(name)
		b, err := app.ParseBundle(data)
		if err != nil {
			t.Fatal(err)
		}
		// Stamp timestamps as the library would, to cover those fields.
		for _, p := range b.Profiles {
			p.Created, p.Modified = "2026-11-22T10:00:00+01:00", "2026-11-22T11:30:00Z"
		}
		var buf bytes.Buffer
		app.EncodeBundle(&buf, b)
		v, err := jsonschema.UnmarshalJSON(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(v); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	for _, bad := range []string{
		`{"formaat": "bcp-editor", "versie": 3}`,
		`{"formaat": "bcp-editor", "versie": 1, "extra": true}`,
		`{"formaat": "bcp-editor", "versie": 1, "profielen": [{"id": "X"}]}`,
		`{"formaat": "bcp-editor", "versie": 1, "bronnen": [{"id": "11111111-1111-4111-8111-111111111111", "titel": "", "organisatie": "SBB"}]}`,
		`{"formaat": "bcp-editor", "versie": 1, "profielen": [{"id": "11111111-1111-4111-8111-111111111111", "titel": "X", "beroep": "", "eigenaar": "", "versie": "", "status": "concept", "structuur": "rollen", "competentiemodel": "",
			"beoordelingen": [{"id": "21111111-1111-4111-8111-111111111111", "element": "11111111-1111-4111-8111-111111111111", "soort": "beoordeling", "aansluiting": "goed", "bron": "Onderzoek", "uitTekst": true}]}]}`,
	} {
		var v any
		json.Unmarshal([]byte(bad), &v)
		if s.Validate(v) == nil {
			t.Errorf("schema accepts %s", bad)
		}
	}
}
