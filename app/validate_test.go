package app_test

import (
	"strings"
	"testing"

	"bcpeditor/app"
)

func testCatalogue() *app.Catalogue {
	return &app.Catalogue{ID: app.NewID(), Name: "Testmodel", Competenties: []*app.Competentie{
		{ID: "aaaaaaaa-0000-4000-8000-000000000001", Name: "Analyseren"},
		{ID: "aaaaaaaa-0000-4000-8000-000000000002", Name: "Samenwerken"},
	}}
}

func goodProfile(cat *app.Catalogue) *app.Profile {
	return &app.Profile{
		ID: app.NewID(), Title: "Test", Status: app.StatusConcept, Structure: app.StructureKerntaken, CatalogueID: cat.ID,
		Kerntaken: []*app.Kerntaak{{ID: app.NewID(), Code: "1", Title: "Kerntaak", Werkprocessen: []*app.Werkproces{{
			ID: app.NewID(), Code: "1.1", Title: "Verzamelt informatie", Beschrijving: "Hij verzamelt.",
			Competenties: []*app.CompetentieRef{{ID: app.NewID(), Competentie: cat.Competenties[0].ID}},
			Resultaat:    []*app.Line{{ID: app.NewID(), Text: "Verzamelde informatie"}},
		}}}},
	}
}

func TestValidate(t *testing.T) {
	cat := testCatalogue()
	cases := []struct {
		name   string
		change func(p *app.Profile)
		want   string // part of the one expected message; "" means no problems
	}{
		{"good", func(p *app.Profile) {}, ""},
		{"empty title", func(p *app.Profile) { p.Title = " " }, "Het profiel heeft geen titel."},
		{"werkproces without resultaat", func(p *app.Profile) { p.Kerntaken[0].Werkprocessen[0].Resultaat = nil }, "Werkproces “Verzamelt informatie” heeft geen resultaat."},
		{"unknown competentie", func(p *app.Profile) {
			p.Kerntaken[0].Werkprocessen[0].Competenties[0].Competentie = "bbbbbbbb-0000-4000-8000-000000000001"
		}, "noemt een onbekende competentie"},
		{"duplicate code", func(p *app.Profile) { p.Kerntaken[0].Werkprocessen[0].Code = "1" }, "Dubbele code 1"},
		{"empty werkproces title", func(p *app.Profile) { p.Kerntaken[0].Werkprocessen[0].Title = "" }, "Werkproces 1.1 heeft een lege titel."},
		{"competentie twice", func(p *app.Profile) {
			w := p.Kerntaken[0].Werkprocessen[0]
			w.Competenties = append(w.Competenties, &app.CompetentieRef{ID: app.NewID(), Competentie: cat.Competenties[0].ID})
		}, "twee keer"},
		{"empty line", func(p *app.Profile) {
			w := p.Kerntaken[0].Werkprocessen[0]
			w.Kennis = append(w.Kennis, &app.Line{ID: app.NewID(), Text: ""})
		}, "lege regel bij kennis"},
		{"no werkprocessen", func(p *app.Profile) { p.Kerntaken[0].Werkprocessen = nil }, "heeft geen werkprocessen"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := goodProfile(cat)
			c.change(p)
			problems := app.Validate(p, cat)
			if c.want == "" {
				if len(problems) != 0 {
					t.Fatalf("unexpected: %v", problems)
				}
				return
			}
			if len(problems) != 1 || !strings.Contains(problems[0].Message, c.want) {
				t.Fatalf("got %v, want one problem with %q", problems, c.want)
			}
		})
	}
	if ps := app.Validate(goodProfile(cat), nil); len(ps) != 1 || !strings.Contains(ps[0].Message, "competentiemodel") {
		t.Errorf("missing catalogue: %v", ps)
	}
}

func TestResolveProfile(t *testing.T) {
	all := []app.ProfileSummary{
		{ID: "aaaa1111-0000-4000-8000-000000000000", Title: "BCP Junior accountmanager", VersionLabel: "2010"},
		{ID: "bbbb2222-0000-4000-8000-000000000000", Title: "bcp (Junior) accountmanager", VersionLabel: "november 2020"},
		{ID: "cccc3333-0000-4000-8000-000000000000", Title: "bcp Commercieel medewerker", VersionLabel: "november 2020"},
	}
	cases := []struct{ q, want, err string }{
		{"commercieel", "cccc3333", ""},
		{"COMMERCIEEL MEDEWERKER", "cccc3333", ""},
		{"bbbb2222", "bbbb2222", ""},
		{"BCP Junior accountmanager", "aaaa1111", ""},
		{"accountmanager", "", "meer dan één"},
		{"bakker", "", "geen profiel"},
	}
	for _, c := range cases {
		got, err := app.ResolveProfile(all, c.q)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%q: err %v, want %q", c.q, err, c.err)
			}
			continue
		}
		if err != nil || !strings.HasPrefix(got.ID, c.want) {
			t.Errorf("%q: got %s (%v), want %s", c.q, got.ID, err, c.want)
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{"Beïnvloeden": "beinvloeden", "Creëren": "creeren", "Commerciële": "commerciele"} {
		if got := app.Fold(in); got != want {
			t.Errorf("Fold(%q) = %q", in, got)
		}
	}
}

func TestShortLabelsLeaveOutWhatSiblingsShare(t *testing.T) {
	got := app.ShortLabels([]string{
		"De (junior) accountmanager verdiept zich in de behoeften van de klant en legt die vast.",
		"De (junior) accountmanager voert een advies- of verkoopgesprek.",
		"De (junior) accountmanager bewaakt.",
	}, 6, "")
	want := []string{"Verdiept zich in de behoeften van …", "Voert een advies- of verkoopgesprek.", "De (junior) accountmanager bewaakt."}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("label %d = %q, want %q", i, got[i], want[i])
		}
	}
	if one := app.ShortLabels([]string{"Hij onderhoudt het contact met de klant en de leverancier"}, 4, ""); one[0] != "Onderhoudt het contact met …" {
		t.Errorf("a single text: %q", one[0])
	}
	// The subject differs ("De (junior) accountmanager", "Hij"): each is left out.
	mixed := app.ShortLabels([]string{
		"De (junior) accountmanager verdiept zich in de klant.",
		"Hij voert vervolgens een advies- en/of verkoopgesprek met het account.",
		"Ook neemt hij meldingen van klachten aan.",
	}, 5, "(Junior) accountmanager")
	for i, want := range []string{"Verdiept zich in de klant.", "Voert vervolgens een advies- en/of …", "Ook neemt hij meldingen van …"} {
		if mixed[i] != want {
			t.Errorf("mixed subjects, label %d = %q, want %q", i, mixed[i], want)
		}
	}
}
