package app_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"bcpeditor/app"
)

const bronID = "77777777-7777-4777-8777-777777777777"

// withBron is the minimal file with a bron and the given review fields on
// werkproces 1.1.
func withBron(bron, review string) string {
	file := strings.Replace(minimal, "%s", `,"beoordelingen": [{"id": "44444444-4444-4444-8444-444444444444", "element": "33333333-3333-4333-8333-333333333333", "soort": "beoordeling", "aansluiting": "goed", "bron": "x"`+review+`}]`, 1)
	return strings.Replace(file, `"versie": 1,`, `"versie": 1, "bronnen": [`+bron+`],`, 1)
}

const goodBron = `{"id": "` + bronID + `", "titel": "Onderzoek", "organisatie": "SBB",
	"legenda": [{"aansluiting": "goed", "tekst": "Sluit goed aan"}],
	"bevindingen": [{"id": "88888888-8888-4888-8888-888888888888", "onderwerp": "Rollen", "tekst": "Herkend.", "betreft": ["11111111-1111-4111-8111-111111111111"]}]}`

func TestBronnenInTheExchangeFile(t *testing.T) {
	read := `, "onderzoek": "` + bronID + `", "citaat": "Herkend door allen.", "vindplaats": "§ 1", "uitTekst": true, "lezing": "gelezen als goed"`
	b, err := app.DecodeBundle(strings.NewReader(withBron(goodBron, read)))
	if err != nil {
		t.Fatalf("a file with a bron is refused: %v", err)
	}
	r := b.Profiles[0].Reviews[0]
	if len(b.Bronnen) != 1 || r.BronID != bronID || !r.UitTekst || r.Citaat != "Herkend door allen." {
		t.Fatalf("read %+v, %+v", b.Bronnen, r)
	}
	// Written and read again: the same bytes.
	var first, second bytes.Buffer
	app.EncodeBundle(&first, b)
	again, err := app.DecodeBundle(bytes.NewReader(first.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	app.EncodeBundle(&second, again)
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Error("a file with a bron does not survive a round trip")
	}
	// A file of before bronnen still reads.
	if _, err := app.DecodeBundle(strings.NewReader(strings.Replace(minimal, "%s", "", 1))); err != nil {
		t.Errorf("a file without bronnen is refused: %v", err)
	}
}

func TestBadBronnenAreRefused(t *testing.T) {
	cases := []struct{ name, input, want string }{
		{"no title", withBron(strings.Replace(goodBron, `"titel": "Onderzoek"`, `"titel": " "`, 1), ""), "geen titel"},
		{"bad bron id", withBron(strings.Replace(goodBron, bronID, "abc", 1), ""), "geen geldige id"},
		{"bron id twice", withBron(strings.Replace(goodBron, "88888888-8888-4888-8888-888888888888", bronID, 1), ""), "twee keer"},
		{"legend rating", withBron(strings.Replace(goodBron, `"aansluiting": "goed"`, `"aansluiting": "prima"`, 1), ""), "legenda"},
		{"finding concerns no id", withBron(strings.Replace(goodBron, `"betreft": ["11111111-1111-4111-8111-111111111111"]`, `"betreft": ["rol 4"]`, 1), ""), "zonder geldige id"},
		{"null finding", withBron(strings.Replace(goodBron, `"bevindingen": [`, `"bevindingen": [null, `, 1), ""), "leeg onderdeel"},
		{"review bron id", withBron(goodBron, `, "onderzoek": "abc"`), "onderzoek zonder geldige id"},
		{"read from text without quote", withBron(goodBron, `, "onderzoek": "`+bronID+`", "uitTekst": true`), "citaat"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := app.DecodeBundle(strings.NewReader(c.input))
			if err == nil {
				t.Fatal("accepted")
			}
			if !errors.Is(err, app.ErrInvalidFile) || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "niets gewijzigd") {
				t.Errorf("message %q lacks %q", err, c.want)
			}
		})
	}
	section := `{"formaat": "bcp-editor", "versie": 1, "profielen": [{"id": "11111111-1111-4111-8111-111111111111", "titel": "T", "beroep": "", "eigenaar": "",
		"versie": "", "status": "concept", "structuur": "rollen", "competentiemodel": "",
		"trends": [{"id": "22222222-2222-4222-8222-222222222222", "titel": "Trend", "onderzoek": "abc"}]}]}`
	if _, err := app.DecodeBundle(strings.NewReader(section)); err == nil || !strings.Contains(err.Error(), "trend") {
		t.Errorf("a trend with a bad bron id: %v", err)
	}
}

// A bron's findings, ratings and texts as one profile sees them, also in a
// new version of the profile (its elements remember their origin).
func TestFindingsOfAProfile(t *testing.T) {
	lib, _ := openSeeded(t)
	ctx := context.Background()
	p := loadByTitle(t, lib, "bcp Commercieel medewerker")
	bs, err := lib.Bronnen(ctx)
	if err != nil || len(bs) != 1 {
		t.Fatalf("bronnen in the library: %d (%v)", len(bs), err)
	}
	webshop := p.Rollen[3]
	check := func(q *app.Profile, rol string) {
		t.Helper()
		ov := q.Findings(bs)
		if len(ov) != 1 {
			t.Fatalf("%d bronnen", len(ov))
		}
		var placed bool
		for _, f := range ov[0].Bevindingen {
			placed = placed || (strings.Contains(f.Tekst, "'webshopmedewerker'") && len(f.Onderdelen) == 1 && f.Onderdelen[0].ID == rol)
		}
		if !placed {
			t.Error("the webshop conclusion is not placed on the webshop rol")
		}
		if got := ov[0].Telling.String(); got != "4× goed, 11× gedeeltelijk, 1× onvoldoende, 5× niet beoordeeld" {
			t.Errorf("telling %q", got)
		}
		if len(q.BevindingenOver(rol, bs)) != 1 {
			t.Error("BevindingenOver misses the webshop conclusion")
		}
	}
	check(p, webshop.ID)
	q := app.NewVersion(p, "workshop")
	check(q, q.Rollen[3].ID)
	// Every rated note says what it rests on.
	for _, r := range p.ReviewsOf(webshop.Werkzaamheden[1].ID) {
		g := r.Grond()
		if !strings.HasPrefix(g, "Sluit onvoldoende aan (gelezen uit de tekst") || !strings.Contains(g, "“Dit wordt in de gesprekken niet expliciet benoemd") || !strings.Contains(g, "tabel 13") {
			t.Errorf("grond %q", g)
		}
	}
	if app.BronnenFor(bs, p)[0] != bs[0] || len(app.BronnenFor(bs, loadByTitle(t, lib, "BCP Junior accountmanager"))) != 0 {
		t.Error("BronnenFor picks the wrong bronnen")
	}
}

// Changing a rating read from a report makes it the designer's: the mark
// "uit de tekst" goes, the quote stays.
func TestChangedResearchRatingIsNoLongerTheReports(t *testing.T) {
	lib, _ := openSeeded(t)
	ctx := context.Background()
	p := loadByTitle(t, lib, "bcp Commercieel medewerker")
	ed := app.NewEditor(ctx, lib, p)
	var r *app.Review
	for _, x := range p.ReviewsOf(p.Rollen[3].ID) {
		if x.UitTekst {
			r = x
		}
	}
	if r == nil {
		t.Fatal("webshop rol has no rating read from the report")
	}
	if err := ed.SetReview(r.ID, r.Aansluiting, r.Toelichting+" (besproken)"); err != nil {
		t.Fatal(err)
	}
	if !p.ReviewsOf(p.Rollen[3].ID)[0].UitTekst {
		t.Error("changing only the note dropped the mark")
	}
	if err := ed.SetReview(r.ID, app.AansluitingGoed, r.Toelichting); err != nil {
		t.Fatal(err)
	}
	got := p.ReviewsOf(p.Rollen[3].ID)[0]
	if got.UitTekst || got.Citaat == "" {
		t.Errorf("after a new rating: uitTekst %v, citaat %q", got.UitTekst, got.Citaat)
	}
	stored, _ := lib.LoadProfile(ctx, p.ID)
	if s := stored.ReviewsOf(p.Rollen[3].ID)[0]; s.UitTekst || s.Citaat != got.Citaat || s.BronID != got.BronID {
		t.Errorf("stored: %+v", s)
	}
}
