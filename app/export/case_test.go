package export_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"bcpeditor/app"
	"bcpeditor/app/export"
)

// strictSchema compiles the official CASE 1.0 strict schema with format
// assertions (uuid, uri, date-time, date).
func strictSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("testdata/case-v1p0-strict-schema.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	c.AssertFormat()
	if err := c.AddResource("case.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("case.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validate(t *testing.T, s *jsonschema.Schema, what string, data []byte) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(v); err != nil {
		msg := err.Error()
		t.Errorf("%s does not validate against the CASE 1.0 strict schema: %s", what, app.Shorten(msg, 600))
	}
}

func exportCASE(t *testing.T, p *app.Profile, cat *app.Catalogue) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := export.WriteCASE(&b, p, cat); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func exportModel(t *testing.T, cat *app.Catalogue) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := export.WriteCASEModel(&b, cat); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Every bundled profile and competency model exports to a package that
// validates against the official strict schema, as the library holds it
// (with change times) and as bundled (without).
func TestCASEExportValidatesAgainstTheStrictSchema(t *testing.T) {
	s := strictSchema(t)
	ps, cs := bundled(t)
	for _, p := range ps {
		cat := app.CatalogueByID(cs, p.CatalogueID)
		validate(t, s, p.Title, exportCASE(t, p, cat))
		q := *p
		q.Created, q.Modified = "2026-11-22T10:00:00+01:00", "2026-11-22T11:30:00Z"
		validate(t, s, p.Title+" (stamped)", exportCASE(t, &q, cat))
	}
	for _, c := range cs {
		validate(t, s, c.Name, exportModel(t, c))
	}
	// The schema is not a formality: what the old export wrote fails it.
	validate2 := func(data string) error {
		v, _ := jsonschema.UnmarshalJSON(strings.NewReader(data))
		return s.Validate(v)
	}
	if validate2(`{"CFDocument": {"identifier": "x", "uri": "u", "creator": "c", "title": "t", "lastChangeDateTime": "now"}}`) == nil {
		t.Error("the schema accepts a package with a bad identifier and time")
	}
}

// casePackage reads an export back as JSON.
func casePackage(t *testing.T, data []byte) export.CFPackage {
	t.Helper()
	var pkg export.CFPackage
	if err := json.Unmarshal(data, &pkg); err != nil {
		t.Fatal(err)
	}
	return pkg
}

// The export is deterministic, stamped with the profile's own time; every
// item has a code and a defined item type; the status maps to
// adoptionStatus; the competency model is its own document with the
// model's ids, which the profile's uses point at, and the two 2020
// profiles share no identifier.
func TestCASEExportShape(t *testing.T) {
	ps, cs := bundled(t)
	seen := map[string]string{}
	for _, p := range ps {
		cat := app.CatalogueByID(cs, p.CatalogueID)
		data := exportCASE(t, p, cat)
		if !bytes.Equal(data, exportCASE(t, p, cat)) {
			t.Errorf("%s: two exports differ", p.Title)
		}
		pkg := casePackage(t, data)
		wantStamp := "2000-01-01T00:00:00Z" // the 2020 profiles have no dates of their own
		if p.Title == "BCP Junior accountmanager" {
			wantStamp = "2010-09-30T00:00:00Z" // vastgesteld op 30 september 2010
		}
		if pkg.CFDocument.LastChangeDateTime != wantStamp || pkg.CFItems[0].LastChangeDateTime != wantStamp {
			t.Errorf("%s: stamped %s, want %s", p.Title, pkg.CFDocument.LastChangeDateTime, wantStamp)
		}
		wantStatus := map[app.Status]string{app.StatusConcept: "Draft", app.StatusVastgesteld: "Adopted"}[p.Status]
		if pkg.CFDocument.AdoptionStatus != wantStatus {
			t.Errorf("%s: adoptionStatus %q for %s", p.Title, pkg.CFDocument.AdoptionStatus, p.Status)
		}
		types := map[string]string{}
		for _, ty := range pkg.CFDefinitions.CFItemTypes {
			types[ty.Identifier] = ty.Title
		}
		for _, it := range pkg.CFItems {
			if it.HumanCodingScheme == "" || it.CFItemTypeURI == nil || types[it.CFItemTypeURI.Identifier] != it.CFItemType {
				t.Fatalf("%s: item %s has code %q and type %q", p.Title, it.Identifier, it.HumanCodingScheme, it.CFItemType)
			}
			if prev, ok := seen[it.Identifier]; ok {
				t.Errorf("identifier %s in %s and %s", it.Identifier, prev, p.Title)
			}
			seen[it.Identifier] = p.Title
		}
		checkUses(t, p, cat, pkg)
	}
	model := casePackage(t, exportModel(t, cs[0]))
	if model.CFDocument.Identifier != cs[0].ID || model.CFItems[0].Identifier != cs[0].Competenties[0].ID {
		t.Error("the model's package does not carry the model's own ids")
	}
}

// checkUses: every competentie a werkproces or rol uses is an isRelatedTo
// association to the model's item, whose identifier is the use's own id.
func checkUses(t *testing.T, p *app.Profile, cat *app.Catalogue, pkg export.CFPackage) {
	t.Helper()
	inModel := map[string]bool{}
	for _, k := range cat.Competenties {
		inModel[k.ID] = true
	}
	uses := map[string]string{}
	for _, e := range p.Elements() {
		if e.Kind == app.KindCompetentie {
			uses[e.ID] = e.Ref
		}
	}
	n := 0
	for _, a := range pkg.CFAssociations {
		if a.AssociationType != "isRelatedTo" {
			continue
		}
		n++
		if uses[a.Identifier] != a.DestinationNodeURI.Identifier || !inModel[a.DestinationNodeURI.Identifier] {
			t.Fatalf("%s: use %s points at %s", p.Title, a.Identifier, a.DestinationNodeURI.Identifier)
		}
	}
	if n != len(uses) {
		t.Errorf("%s: %d uses exported, %d in the profile", p.Title, n, len(uses))
	}
}

// canonical is a profile as the exchange file writes it.
func canonical(t *testing.T, p *app.Profile) string {
	t.Helper()
	var b bytes.Buffer
	app.EncodeBundle(&b, &app.Bundle{Format: app.ExchangeFormat, Version: 1, Profiles: []*app.Profile{p}})
	return b.String()
}

// Our own export comes back as the same profile: same ids, texts, codes,
// algemene informatie, colofon, lijsten, trends, status history, reviews
// and origins — so the import merges it into the profile it came from.
func TestCASERoundTripIsLossless(t *testing.T) {
	ps, cs := bundled(t)
	for _, p := range append(ps, app.NewVersion(ps[1], "workshop")) {
		p.Created, p.Modified = "2026-11-22T10:00:00+01:00", "2026-11-22T11:30:00Z"
		b, rep, err := export.ReadImport(bytes.NewReader(exportCASE(t, p, app.CatalogueByID(cs, p.CatalogueID))), cs)
		if err != nil {
			t.Fatalf("%s: %v", p.Title, err)
		}
		if len(b.Profiles) != 1 || len(b.Catalogues) != 0 || rep.What != "profiel" {
			t.Fatalf("%s read back as %d profiles, %d models (%s)", p.Title, len(b.Profiles), len(b.Catalogues), rep.What)
		}
		if got, want := canonical(t, b.Profiles[0]), canonical(t, p); got != want {
			t.Errorf("%s changed on the way through CASE:\n%s", p.Title, firstDifference(got, want))
		}
		if len(rep.NotImported) > 0 || len(rep.Repaired) > 0 {
			t.Errorf("%s: our own export needs repairs or loses something: %s", p.Title, rep)
		}
	}
	// Without its competency model in the library, the profile is refused
	// with what to do.
	_, _, err := export.ReadCASE(bytes.NewReader(exportCASE(t, ps[0], app.CatalogueByID(cs, ps[0].CatalogueID))), nil)
	if err == nil || !strings.Contains(err.Error(), "Importeer eerst het CASE-pakket van dat competentiemodel") {
		t.Errorf("a profile without its model: %v", err)
	}
	// The model's own package comes back as the same model.
	for _, c := range cs {
		b, rep, err := export.ReadCASE(bytes.NewReader(exportModel(t, c)), cs)
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.NotImported) > 0 || len(rep.Repaired) > 0 {
			t.Errorf("%s: our own model export needs repairs or loses something: %s", c.Name, rep)
		}
		if got, want := catalogueJSON(b.Catalogues[0]), catalogueJSON(c); got != want {
			t.Errorf("%s changed on the way through CASE:\n%s", c.Name, firstDifference(got, want))
		}
	}
}

func catalogueJSON(c *app.Catalogue) string {
	data, _ := json.MarshalIndent(c, "", " ")
	return string(data)
}

func firstDifference(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return "got:  " + app.Shorten(la[i], 200) + "\nwant: " + app.Shorten(lb[i], 200)
		}
	}
	return "lengths differ"
}

// What OpenSALT writes imports as what it is: a competency framework
// becomes a competency model with its hierarchy and codes, with a report.
// The counts are read from the files themselves.
func TestOpenSALTPackagesImportAsCompetencyModels(t *testing.T) {
	_, cs := bundled(t)
	want := map[string]struct{ items, levels int }{
		"AdoptedTestFramework.json":    {1, 1},
		"ItemTypeTestFramework.json":   {1, 1},
		"MarkdownFramework.json":       {2, 1},
		"Ordering.json":                {28, 5},
		"SequenceNumberFramework.json": {2, 1},
		"SmartLevelFramework.json":     {14, 2},
		"Utf8TestFramework.json":       {1, 1},
		"opensalt-framework-20c5134f-423d-4097-a971-3dd5152bf507.json": {16, 3},
	}
	files, _ := filepath.Glob("testdata/case-opensalt/*.json")
	if len(files) != len(want)+1 {
		t.Fatalf("%d sample files", len(files))
	}
	for _, f := range files {
		data, _ := os.ReadFile(f)
		b, rep, err := export.ReadImport(bytes.NewReader(data), cs)
		name := filepath.Base(f)
		if name == "EmptyExternalFramework.json" {
			if err == nil || !strings.Contains(err.Error(), "geen items") || !strings.Contains(err.Error(), "niets gewijzigd") {
				t.Errorf("%s: an empty framework gives %v", name, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		w := want[name]
		if len(b.Profiles) != 0 || len(b.Catalogues) != 1 || len(b.Catalogues[0].Competenties) != w.items || rep.Levels != w.levels || rep.Items != w.items {
			t.Errorf("%s: %d profiles, model %+v, report %d items %d levels; want %d items in %d levels", name, len(b.Profiles), len(b.Catalogues), rep.Items, rep.Levels, w.items, w.levels)
		}
		if len(rep.Read) == 0 {
			t.Errorf("%s: no summary", name)
		}
		t.Logf("%s:\n  %s", name, strings.Join(rep.Lines(), "\n  "))
	}
}

// The details of one real package: codes, the hierarchy, order by
// sequence number, the abbreviated statement as name, and a report that
// names the plain-string URIs, times without a zone, and the associations
// a model has no place for.
func TestOpenSALTDetails(t *testing.T) {
	read := func(name string) (*app.Catalogue, *export.ImportReport) {
		data, _ := os.ReadFile("testdata/case-opensalt/" + name)
		b, rep, err := export.ReadCASE(bytes.NewReader(data), nil)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return b.Catalogues[0], rep
	}
	cat, rep := read("opensalt-framework-20c5134f-423d-4097-a971-3dd5152bf507.json")
	byCode := map[string]*app.Competentie{}
	for _, k := range cat.Competenties {
		byCode[k.Code] = k
	}
	top, sub := byCode["CCSS.Math.Content.6.RP.A"], byCode["CCSS.Math.Content.6.RP.A.1"]
	if top == nil || sub == nil || sub.Parent != top.ID || top.Parent != "" || top.Kind != "Cluster" {
		t.Fatalf("hierarchy not kept: %+v %+v", top, sub)
	}
	text := rep.String()
	for _, want := range []string{"CFPackageURI", "CFDocumentURI", "zonder tijdzone", "exactMatchOf (16×)", "precedes (3×)", "exemplar (2×)", "isRelatedTo (2×)", "educationalLevel"} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q:\n%s", want, text)
		}
	}
	seq, _ := read("SequenceNumberFramework.json")
	if seq.Competenties[0].Name != "Second added item, but should be first" {
		t.Errorf("sequence numbers not followed: %q first", seq.Competenties[0].Name)
	}
	ord, _ := read("Ordering.json")
	if ord.Competenties[0].Name != "Geometry and Measurement" || !strings.Contains(ord.Competenties[0].Beschrijving, "two?- and three-dimensional") {
		t.Errorf("abbreviated statement not the name: %+v", ord.Competenties[0])
	}
	utf, _ := read("Utf8TestFramework.json")
	if utf.Name != "UTF8 𝑑 Test" || utf.Competenties[0].Name != "Item 𝑑 1" {
		t.Errorf("UTF-8 outside the BMP lost: %q %q", utf.Name, utf.Competenties[0].Name)
	}
}

// Two OpenSALT test frameworks use the same identifiers for different
// frameworks: the second gets ids of its own instead of vanishing into the
// first; importing the same one again keeps its ids (nothing new).
func TestCASEIdentifierClashes(t *testing.T) {
	read := func(name string, cats []*app.Catalogue) *app.Bundle {
		data, _ := os.ReadFile("testdata/case-opensalt/" + name)
		b, _, err := export.ReadCASE(bytes.NewReader(data), cats)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	first := read("AdoptedTestFramework.json", nil).Catalogues[0]
	again := read("AdoptedTestFramework.json", []*app.Catalogue{first}).Catalogues[0]
	other := read("Utf8TestFramework.json", []*app.Catalogue{first}).Catalogues[0]
	if again.ID != first.ID || again.Competenties[0].ID != first.Competenties[0].ID {
		t.Error("importing the same framework again changed its ids")
	}
	if other.ID == first.ID || other.Competenties[0].ID == first.Competenties[0].ID {
		t.Error("a different framework with the same ids would vanish into the first")
	}
	both := &app.Bundle{Format: app.ExchangeFormat, Version: 1, Catalogues: []*app.Catalogue{first, other}}
	if err := both.Check(); err != nil {
		t.Errorf("the two models cannot live side by side: %v", err)
	}
}

// An item under a parent that is not in the package, or in a cycle, is
// refused with a Dutch sentence naming it; so is a package that is no JSON.
func TestCASERefusesMissingParentsAndCycles(t *testing.T) {
	doc := `"CFDocument": {"identifier": "d0000000-0000-4000-8000-000000000000", "uri": "https://x/d", "creator": "c", "title": "Raamwerk", "lastChangeDateTime": "2020-01-01T00:00:00"}`
	item := func(id, code, text string) string {
		return `{"identifier": "` + id + `", "uri": "https://x/` + id + `", "fullStatement": "` + text + `", "humanCodingScheme": "` + code + `", "lastChangeDateTime": "2020-01-01T00:00:00"}`
	}
	child := func(from, to string) string {
		return `{"identifier": "` + from + to + `", "uri": "https://x/a", "associationType": "isChildOf", "originNodeURI": "https://x/` + from + `", "destinationNodeURI": {"title": "ouder", "identifier": "` + to + `", "uri": "https://x/` + to + `"}, "lastChangeDateTime": "2020-01-01T00:00:00"}`
	}
	cases := map[string]struct{ json, want string }{
		"missing parent": {`{` + doc + `, "CFItems": [` + item("a", "A", "Rekenen") + `], "CFAssociations": [` + child("a", "weg") + `]}`, "A Rekenen"},
		"cycle": {`{` + doc + `, "CFItems": [` + item("a", "A", "Rekenen") + `,` + item("b", "B", "Meten") + `], "CFAssociations": [` +
			child("a", "b") + `,` + child("b", "a") + `]}`, "kring"},
		"no JSON":       {`{"CFDocument": {`, "geen leesbaar CASE-pakket"},
		"no identifier": {`{"CFDocument": {"title": "T"}, "CFItems": []}`, "geen identifier"},
		"no items":      {`{` + doc + `}`, "geen items"},
		"twice":         {`{` + doc + `, "CFItems": [` + item("a", "A", "x") + `,` + item("a", "A", "y") + `]}`, "twee keer"},
	}
	for name, c := range cases {
		_, _, err := export.ReadCASE(strings.NewReader(c.json), nil)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "niets gewijzigd") {
			t.Errorf("%s: %v", name, err)
		}
	}
	// The same package with the parent present imports, plain-string
	// link and times without a zone repaired and reported.
	ok := `{` + doc + `, "CFItems": [` + item("a", "A", "Rekenen") + `,` + item("b", "A.1", "Verhoudingen") + `], "CFAssociations": [` + child("b", "a") + `]}`
	b, rep, err := export.ReadCASE(strings.NewReader(ok), nil)
	if err != nil {
		t.Fatal(err)
	}
	if ks := b.Catalogues[0].Competenties; len(ks) != 2 || ks[1].Parent != ks[0].ID {
		t.Errorf("hierarchy %+v", ks)
	}
	if !strings.Contains(rep.String(), "originNodeURI") || !strings.Contains(rep.String(), "zonder isChildOf") || !strings.Contains(rep.String(), "geen UUID") {
		t.Errorf("report does not say what was repaired:\n%s", rep)
	}
}

// A profile made by another tool with our item types (no notes of ours)
// imports as a profile; its competenties are found by name; an unknown
// competentie is refused.
func TestCASEProfileFromAnotherTool(t *testing.T) {
	_, cs := bundled(t)
	build := func(competentie string) string {
		return `{"CFDocument": {"identifier": "0b0e4bb4-6f56-4c1e-9a49-3f9f2f9d7a10", "uri": "https://x/d", "creator": "KC Handel", "title": "bcp Test", "lastChangeDateTime": "2021-01-01T00:00:00Z", "adoptionStatus": "Draft", "subject": ["Tester"]},
"CFItems": [
 {"identifier": "1c6a2f04-8c9e-4a7e-9a0f-5c1f0d3b2a01", "uri": "https://x/1", "fullStatement": "Relatiebeheerder", "CFItemType": "Rol", "humanCodingScheme": "1", "lastChangeDateTime": "2021-01-01T00:00:00Z"},
 {"identifier": "1c6a2f04-8c9e-4a7e-9a0f-5c1f0d3b2a02", "uri": "https://x/2", "fullStatement": "Onderhoudt contacten.", "CFItemType": "Werkzaamheid", "humanCodingScheme": "1.W1", "lastChangeDateTime": "2021-01-01T00:00:00Z"},
 {"identifier": "1c6a2f04-8c9e-4a7e-9a0f-5c1f0d3b2a03", "uri": "https://x/3", "fullStatement": "Iets anders", "CFItemType": "Cluster", "lastChangeDateTime": "2021-01-01T00:00:00Z"}],
"CFAssociations": [
 {"identifier": "2c6a2f04-8c9e-4a7e-9a0f-5c1f0d3b2a01", "uri": "https://x/a1", "associationType": "isChildOf", "originNodeURI": {"title": "", "identifier": "1c6a2f04-8c9e-4a7e-9a0f-5c1f0d3b2a01", "uri": "https://x/1"}, "destinationNodeURI": {"title": "", "identifier": "0b0e4bb4-6f56-4c1e-9a49-3f9f2f9d7a10", "uri": "https://x/d"}, "lastChangeDateTime": "2021-01-01T00:00:00Z"},
 {"identifier": "2c6a2f04-8c9e-4a7e-9a0f-5c1f0d3b2a02", "uri": "https://x/a2", "associationType": "isChildOf", "sequenceNumber": 1, "originNodeURI": {"title": "", "identifier": "1c6a2f04-8c9e-4a7e-9a0f-5c1f0d3b2a02", "uri": "https://x/2"}, "destinationNodeURI": {"title": "", "identifier": "1c6a2f04-8c9e-4a7e-9a0f-5c1f0d3b2a01", "uri": "https://x/1"}, "lastChangeDateTime": "2021-01-01T00:00:00Z"},
 {"identifier": "2c6a2f04-8c9e-4a7e-9a0f-5c1f0d3b2a03", "uri": "https://x/a3", "associationType": "isRelatedTo", "originNodeURI": {"title": "", "identifier": "1c6a2f04-8c9e-4a7e-9a0f-5c1f0d3b2a01", "uri": "https://x/1"}, "destinationNodeURI": {"title": "` + competentie + `", "identifier": "elders", "uri": "https://elders/c"}, "lastChangeDateTime": "2021-01-01T00:00:00Z"}]}`
	}
	b, rep, err := export.ReadCASE(strings.NewReader(build("Netwerken")), cs)
	if err != nil {
		t.Fatal(err)
	}
	p := b.Profiles[0]
	if p.Structure != app.StructureRollen || p.Beroep != "Tester" || p.Status != app.StatusConcept || len(p.Rollen) != 1 || len(p.Rollen[0].Werkzaamheden) != 1 || p.Rollen[0].Werkzaamheden[0].Code != "1" {
		t.Fatalf("profile read as %s", canonical(t, p))
	}
	ref := p.Rollen[0].Competenties
	cat := app.CatalogueByID(cs, p.CatalogueID)
	if len(ref) != 1 || cat == nil || !strings.Contains(cat.Name, "KC Handel 2020") {
		t.Fatalf("competentie not found by name: %+v in %v", ref, p.CatalogueID)
	}
	if !strings.Contains(rep.String(), "Cluster (1×)") {
		t.Errorf("the Cluster item is not reported as left out:\n%s", rep)
	}
	if _, _, err := export.ReadCASE(strings.NewReader(build("Vliegen")), cs); err == nil || !strings.Contains(err.Error(), "Vliegen") {
		t.Errorf("an unknown competentie gives %v", err)
	}
}

var uuidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

func FuzzReadCASE(f *testing.F) {
	ps, cs := bundled(f)
	p := ps[len(ps)-1]
	small := *p
	small.Rollen = small.Rollen[:1]
	small.Reviews = nil
	var b bytes.Buffer
	export.WriteCASE(&b, &small, app.CatalogueByID(cs, p.CatalogueID))
	f.Add(b.Bytes())
	for _, name := range []string{"SmartLevelFramework.json", "opensalt-framework-20c5134f-423d-4097-a971-3dd5152bf507.json"} {
		data, _ := os.ReadFile("testdata/case-opensalt/" + name)
		f.Add(data)
	}
	f.Add([]byte(`{"CFDocument": {"identifier": "x", "title": "T"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		bundle, rep, err := export.ReadCASE(bytes.NewReader(data), cs)
		if err != nil {
			if !strings.Contains(err.Error(), "niets gewijzigd") && !strings.Contains(err.Error(), "lezen") {
				t.Fatalf("error without a Dutch sentence: %v", err)
			}
			return
		}
		// What is accepted is something to import, valid as it is.
		if rep == nil || len(bundle.Profiles)+len(bundle.Catalogues) != 1 {
			t.Fatalf("accepted, but %d profiles and %d models", len(bundle.Profiles), len(bundle.Catalogues))
		}
		if err := bundle.Check(); err != nil {
			t.Fatalf("accepted CASE gives an invalid bundle: %v", err)
		}
		for _, c := range bundle.Catalogues {
			if len(c.Competenties) == 0 || !uuidRE.MatchString(c.ID) {
				t.Fatalf("accepted an empty model or one without a proper id: %+v", c)
			}
		}
		for _, q := range bundle.Profiles {
			if len(q.Elements()) == 0 {
				t.Fatal("accepted an empty profile")
			}
		}
	})
}
