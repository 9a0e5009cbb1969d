package compare_test

import (
	"strings"
	"testing"

	"bcpeditor/app"
	"bcpeditor/app/compare"
	"bcpeditor/assets"
)

func bundled(t testing.TB) (map[string]*app.Profile, map[string]*app.Catalogue, compare.Mapping) {
	t.Helper()
	bundles, err := assets.Bundles()
	if err != nil {
		t.Fatal(err)
	}
	ps := map[string]*app.Profile{}
	cs := map[string]*app.Catalogue{}
	var cats []*app.Catalogue
	for _, b := range bundles {
		for _, p := range b.Profiles {
			ps[p.Title] = p
		}
		for _, c := range b.Catalogues {
			cs[c.ID] = c
			cats = append(cats, c)
		}
	}
	ms, err := assets.Mappings(cats)
	if err != nil {
		t.Fatal(err)
	}
	var m compare.Mapping
	for _, v := range ms {
		m = v
	}
	return ps, cs, m
}

func opts(cs map[string]*app.Catalogue, a, b *app.Profile, m compare.Mapping) compare.Options {
	return compare.Options{OldCatalogue: cs[a.CatalogueID], NewCatalogue: cs[b.CatalogueID], Mapping: m}
}

func TestWordDiffDutch(t *testing.T) {
	spans := compare.WordDiff("De junior accountmanager creëert een accountplan.", "De junior accountmanager creëert het nieuwe accountplan.")
	var del, ins []string
	for _, s := range spans {
		switch s.Op {
		case compare.Delete:
			del = append(del, strings.TrimSpace(s.Text))
		case compare.Insert:
			ins = append(ins, strings.TrimSpace(s.Text))
		}
	}
	if strings.Join(del, "|") != "een" || strings.Join(ins, "|") != "het nieuwe" {
		t.Fatalf("deleted %v, inserted %v", del, ins)
	}
	// An accent is a change.
	if !compare.Changed(compare.WordDiff("Creéren van diepterelaties", "Creëren van diepterelaties")) {
		t.Error("a changed accent went unnoticed")
	}
	if compare.Changed(compare.WordDiff("zelfde  tekst", "zelfde tekst")) {
		t.Error("spacing counted as a change")
	}
}

// A new version in which one beschrijving was edited shows exactly those
// words as changed and everything else unchanged.
func TestNewVersionWithOneEditedBeschrijving(t *testing.T) {
	ps, cs, m := bundled(t)
	old := ps["BCP Junior accountmanager"]
	nv := app.NewVersion(old, "2026")
	w := nv.Kerntaken[1].Werkprocessen[2] // 2.3 Behandelt klachten
	w.Beschrijving = strings.Replace(w.Beschrijving, "klacht", "klacht of melding", 1)
	res := compare.Compare(old, nv, opts(cs, old, nv, m))
	if res.Summary[compare.Modified] != 1 || res.Summary[compare.Unchanged] != len(res.Pairs)-1 {
		t.Fatalf("summary %v", res.Summary)
	}
	for _, p := range res.Pairs {
		if p.Status != compare.Modified {
			continue
		}
		if p.New.ID != w.ID || p.How != compare.ByLineage {
			t.Fatalf("changed pair is %s (%s)", p.New.Code, p.How)
		}
		var ins []string
		for _, s := range p.Body {
			if s.Op == compare.Insert {
				ins = append(ins, strings.TrimSpace(s.Text))
			}
			if s.Op == compare.Delete {
				t.Errorf("deleted %q", s.Text)
			}
		}
		if strings.Join(ins, " ") != "of melding" {
			t.Errorf("inserted %q", ins)
		}
	}
}

func TestRenamedAndMovedElements(t *testing.T) {
	ps, cs, m := bundled(t)
	old := ps["BCP Junior accountmanager"]
	nv := app.NewVersion(old, "2026")
	// Rename 1.1, move 3.7 to kerntaak 2, add a werkproces, remove 3.1.
	nv.Kerntaken[0].Werkprocessen[0].Title = "Verzamelt markt- en klantinformatie"
	w37 := nv.Kerntaken[2].Werkprocessen[6]
	nv.Kerntaken[2].Werkprocessen = nv.Kerntaken[2].Werkprocessen[1:6]
	nv.Kerntaken[1].Werkprocessen = append(nv.Kerntaken[1].Werkprocessen, w37)
	nv.Kerntaken[1].Werkprocessen = append(nv.Kerntaken[1].Werkprocessen, &app.Werkproces{ID: app.NewID(), Code: "2.6", Title: "Evalueert de klanttevredenheid"})
	res := compare.Compare(old, nv, opts(cs, old, nv, m))
	status := map[string]compare.Status{}
	for _, p := range res.Pairs {
		switch {
		case p.New != nil:
			status[p.New.Title] = p.Status
		default:
			status["weg:"+p.Old.Title] = p.Status
		}
	}
	want := map[string]compare.Status{
		"Verzamelt markt- en klantinformatie": compare.Modified,
		"Voert aftersales uit":                compare.Moved,
		"Evalueert de klanttevredenheid":      compare.Added,
		"weg:Bereidt het verkoopproces voor":  compare.Removed,
		"Behandelt klachten":                  compare.Unchanged,
	}
	for k, v := range want {
		if status[k] != v {
			t.Errorf("%s: %s, want %s", k, status[k], v)
		}
	}
}

func TestPairingByCodeWithoutLineage(t *testing.T) {
	ps, cs, m := bundled(t)
	old := ps["BCP Junior accountmanager"]
	nv := app.NewVersion(old, "kopie")
	// Forget the lineage, as in a profile typed in again.
	for _, k := range nv.Kerntaken {
		k.Origin = ""
		for _, w := range k.Werkprocessen {
			w.Origin = ""
		}
	}
	res := compare.Compare(old, nv, opts(cs, old, nv, m))
	for _, p := range res.Pairs {
		if p.Old == nil || p.New == nil || p.How != compare.ByCode || p.Status != compare.Unchanged {
			t.Fatalf("%+v", p)
		}
	}
}

// The 2010 BCP (kerntaken) against the 2020 bcp (rollen): werkproces 2.3
// "Behandelt klachten" pairs with the werkzaamheid of the Relatiebeheerder
// that handles complaints, and the competency models are lined up.
func TestCrossStructure2010Versus2020(t *testing.T) {
	ps, cs, m := bundled(t)
	old, nv := ps["BCP Junior accountmanager"], ps["bcp (Junior) accountmanager"]
	res := compare.Compare(old, nv, opts(cs, old, nv, m))
	var klachten *compare.Pair
	for _, p := range res.Pairs {
		if p.Old != nil && p.Old.Code == "2.3" && p.Old.Kind == app.KindWerkproces {
			klachten = p
		}
	}
	if klachten == nil || klachten.New == nil {
		t.Fatal("2.3 Behandelt klachten found no partner")
	}
	if klachten.New.Kind != app.KindWerkzaamheid || !strings.Contains(klachten.New.Body, "klachten") || klachten.How != compare.BySimilarity || klachten.Similarity <= 0 {
		t.Fatalf("2.3 paired with %s %q (%s %.2f)", klachten.New.Kind, klachten.New.Body, klachten.How, klachten.Similarity)
	}
	both := strings.Join(res.Competenties.Both, "|")
	if !strings.Contains(both, "Overtuigen en beïnvloeden → Beïnvloeden") {
		t.Errorf("competenties not lined up through the mapping: %s", both)
	}
	if res.Summary[compare.Added]+res.Summary[compare.Removed]+res.Summary[compare.Modified]+res.Summary[compare.Moved]+res.Summary[compare.Unchanged] != len(res.Pairs) {
		t.Error("summary does not count every pair")
	}
}

func TestManualPairsWin(t *testing.T) {
	ps, cs, m := bundled(t)
	old, nv := ps["BCP Junior accountmanager"], ps["bcp (Junior) accountmanager"]
	o := old.Kerntaken[0].Werkprocessen[0]
	n := nv.Rollen[2].Werkzaamheden[0]
	res := compare.Compare(old, nv, compare.Options{OldCatalogue: cs[old.CatalogueID], NewCatalogue: cs[nv.CatalogueID], Mapping: m,
		Manual: map[string]string{o.ID: n.ID, old.Kerntaken[1].Werkprocessen[2].ID: ""}})
	for _, p := range res.Pairs {
		if p.Old != nil && p.Old.ID == o.ID && (p.New == nil || p.New.ID != n.ID || p.How != compare.ByHand) {
			t.Fatal("manual pair not kept")
		}
		if p.Old != nil && p.Old.ID == old.Kerntaken[1].Werkprocessen[2].ID && p.New != nil {
			t.Fatal("unpaired element was paired anyway")
		}
	}
}

func TestListItemsMatchedOneToOne(t *testing.T) {
	ps, cs, m := bundled(t)
	old := ps["bcp Commercieel medewerker"]
	nv := app.NewVersion(old, "2026")
	kv := nv.Rollen[0].KennisEnVaardigheden
	kv[2].Text = "Kennis van het klachten- en retourbeleid van de organisatie."
	nv.Rollen[0].KennisEnVaardigheden = append(kv[:5], kv[6:]...) // line 6 gone
	res := compare.Compare(old, nv, opts(cs, old, nv, m))
	for _, p := range res.Pairs {
		if p.New == nil || p.New.ID != nv.Rollen[0].ID {
			continue
		}
		counts := map[compare.Status]int{}
		for _, it := range p.Lists[0].Items {
			counts[it.Status]++
		}
		if counts[compare.Modified] != 1 || counts[compare.Removed] != 1 || counts[compare.Unchanged] != 18 {
			t.Fatalf("list items: %v", counts)
		}
		return
	}
	t.Fatal("rol 1 not found")
}

func TestHTMLReportEscapesAndMarks(t *testing.T) {
	ps, cs, m := bundled(t)
	old := ps["BCP Junior accountmanager"]
	nv := app.NewVersion(old, "2026")
	nv.Kerntaken[0].Werkprocessen[0].Title = "Verzamelt <script>alert(1)</script> informatie"
	res := compare.Compare(old, nv, opts(cs, old, nv, m))
	var b strings.Builder
	if err := compare.WriteHTML(&b, res, true); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	if strings.Contains(html, "<script>") {
		t.Fatal("user text became markup")
	}
	for _, want := range []string{"&lt;script&gt;", "<ins>", "<del>", "gewijzigd", "Verzamelt"} {
		if !strings.Contains(html, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(html, "Behandelt klachten") {
		t.Error("only-changes report shows an unchanged werkproces")
	}
}
