package compare_test

import (
	"encoding/json"
	"strings"
	"sync"
	"testing"

	"bcpeditor/app"
	"bcpeditor/app/compare"
)

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

// statusOf maps each element's text (its title, or its text) to its status,
// per side: "oud:" and "nieuw:".
func statusOf(res *compare.Result) map[string]compare.Status {
	out := map[string]compare.Status{}
	for _, u := range res.OldUnits {
		out["oud:"+u.Code+" "+u.Text()] = res.Status(u)
	}
	for _, u := range res.NewUnits {
		out["nieuw:"+u.Code+" "+u.Text()] = res.Status(u)
	}
	return out
}

// Comparing any bundled profile with itself, or with a new version of
// itself, finds every element ongewijzigd.
func TestSelfCompareIsAllUnchanged(t *testing.T) {
	ps, cs, m := bundled(t)
	for title, p := range ps {
		for _, other := range []*app.Profile{p, app.NewVersion(p, "kopie")} {
			res := compare.Compare(p, other, opts(cs, p, other, m))
			for k, st := range statusOf(res) {
				if st != compare.Unchanged {
					t.Errorf("%s: %s is %s", title, k, st)
				}
			}
			if len(res.Rows) != len(res.OldUnits) || res.Summary[compare.Unchanged] != len(res.Rows) {
				t.Errorf("%s: %d rows for %d elements, summary %v", title, len(res.Rows), len(res.OldUnits), res.Summary)
			}
		}
	}
}

// A new version with one edited, one moved and one deleted werkproces, and
// one reordered within its kerntaak, shows exactly those.
func TestNewVersionShowsExactlyItsChanges(t *testing.T) {
	ps, cs, m := bundled(t)
	old := ps["BCP Junior accountmanager"]
	nv := app.NewVersion(old, "2026")
	k1, k2, k3 := nv.Kerntaken[0], nv.Kerntaken[1], nv.Kerntaken[2]
	k1.Werkprocessen[0].Beschrijving += " Ook via sociale media." // 1.1 edited
	moved := k3.Werkprocessen[6]                                  // 3.7 to kerntaak 2
	k3.Werkprocessen = k3.Werkprocessen[:6]
	k2.Werkprocessen = append(k2.Werkprocessen, moved)
	k3.Werkprocessen = append(k3.Werkprocessen[:2], k3.Werkprocessen[3:]...) // 3.3 deleted
	w := k1.Werkprocessen                                                    // 1.4 to the front: one move explains it
	k1.Werkprocessen = []*app.Werkproces{w[3], w[0], w[1], w[2]}
	res := compare.Compare(old, nv, opts(cs, old, nv, m))
	want := map[compare.Status]int{compare.Modified: 1, compare.Moved: 2, compare.Removed: 1}
	got := map[compare.Status]int{}
	for _, row := range res.Rows {
		if row.Status != compare.Unchanged {
			got[row.Status]++
			t.Logf("%s %s", row.Status, row.Old.Label())
		}
	}
	for st, n := range want {
		if got[st] != n {
			t.Errorf("%d rows %s, want %d", got[st], st, n)
		}
	}
	if len(got) != len(want) {
		t.Errorf("statuses %v, want %v", got, want)
	}
	status := statusOf(res)
	for k, st := range map[string]compare.Status{
		"oud:3.7 Voert aftersales uit":                                compare.Moved,
		"oud:3.3 Voert het verkoopgesprek":                            compare.Removed,
		"oud:1.1 Verzamelt (markt)informatie":                         compare.Modified,
		"nieuw:1.1 Verzamelt (markt)informatie":                       compare.Modified,
		"oud:2.3 Behandelt klachten":                                  compare.Unchanged,
		"oud:1.4 Bewaakt de voortgang van verkoop- en accountplannen": compare.Moved,
	} {
		if status[k] != st {
			t.Errorf("%s: %s, want %s", k, status[k], st)
		}
	}
}

// A new version in which one beschrijving was edited shows exactly those
// words as changed.
func TestNewVersionWordDiff(t *testing.T) {
	ps, cs, m := bundled(t)
	old := ps["BCP Junior accountmanager"]
	nv := app.NewVersion(old, "2026")
	w := nv.Kerntaken[1].Werkprocessen[2] // 2.3 Behandelt klachten
	w.Beschrijving = strings.Replace(w.Beschrijving, "klacht", "klacht of melding", 1)
	res := compare.Compare(old, nv, opts(cs, old, nv, m))
	if res.Summary[compare.Modified] != 1 || res.Summary[compare.Unchanged] != len(res.Rows)-1 {
		t.Fatalf("summary %v", res.Summary)
	}
	for _, row := range res.Rows {
		if row.Status != compare.Modified {
			continue
		}
		one := row.OneToOne()
		if one == nil || one.New.ID != w.ID || one.How != compare.ByLineage {
			t.Fatalf("changed row %+v", row)
		}
		var ins []string
		for _, s := range one.Diff.Body {
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

// A profile typed in again (no lineage) links by code.
func TestLinkByCodeWithoutLineage(t *testing.T) {
	ps, cs, m := bundled(t)
	old := ps["BCP Junior accountmanager"]
	nv := app.NewVersion(old, "kopie")
	for _, k := range nv.Kerntaken {
		k.Origin = ""
		for _, w := range k.Werkprocessen {
			w.Origin = ""
		}
	}
	res := compare.Compare(old, nv, opts(cs, old, nv, m))
	for _, l := range res.Links {
		if l.How != compare.ByCode {
			t.Fatalf("%s → %s by %s", l.Old.Label(), l.New.Label(), l.How)
		}
	}
	if len(res.Links) != len(res.OldUnits) || res.Summary[compare.Unchanged] != len(res.Rows) {
		t.Fatalf("%d links, summary %v", len(res.Links), res.Summary)
	}
}

// One werkproces copied twice into a new version is gesplitst; two
// werkprocessen the designer links to one are samengevoegd.
func TestSplitAndMerged(t *testing.T) {
	ps, cs, m := bundled(t)
	old := ps["BCP Junior accountmanager"]
	nv := app.NewVersion(old, "2026")
	k2 := nv.Kerntaken[1]
	copyOf := *k2.Werkprocessen[2] // 2.3, Origin = old 2.3
	copyOf.ID, copyOf.Code, copyOf.Title = app.NewID(), "2.5", "Behandelt meldingen"
	k2.Werkprocessen = append(k2.Werkprocessen, &copyOf)
	// 3.5 and 3.6 both into the new 3.6; the new 3.5 is dropped.
	k3 := nv.Kerntaken[2]
	o35, n36 := old.Kerntaken[2].Werkprocessen[4], k3.Werkprocessen[5]
	k3.Werkprocessen = append(k3.Werkprocessen[:4], k3.Werkprocessen[5:]...)
	o := opts(cs, old, nv, m)
	o.Decisions = []compare.Decision{{OldID: o35.ID, NewID: n36.ID, Verdict: compare.Made}}
	res := compare.Compare(old, nv, o)
	status := statusOf(res)
	for k, st := range map[string]compare.Status{
		"oud:2.3 Behandelt klachten":                                    compare.Split,
		"nieuw:2.5 Behandelt meldingen":                                 compare.Split,
		"oud:3.5 Onderhandelt met de account":                           compare.Merged,
		"oud:3.6 Sluit de verkoop af en zet het ordertraject in gang":   compare.Merged,
		"nieuw:3.6 Sluit de verkoop af en zet het ordertraject in gang": compare.Merged,
	} {
		if status[k] != st {
			t.Errorf("%s: %s, want %s", k, status[k], st)
		}
	}
	for _, row := range res.Rows {
		if row.Old != nil && row.Old.ID == o35.ID && (len(row.Links) != 1 || row.Links[0].How != compare.ByHand || row.OneToOne() != nil) {
			t.Errorf("3.5's row: %+v", row)
		}
	}
}

// The designer's verdicts win: a rejected link is not made, an element
// marked vervallen gets no link at all, a confirmed suggestion counts.
func TestDecisionsWin(t *testing.T) {
	ps, cs, m := bundled(t)
	old, nv := ps["BCP Junior accountmanager"], ps["bcp (Junior) accountmanager"]
	o := opts(cs, old, nv, m)
	o.Threshold, o.MinStrength = 0.15, 0.05 // firm links and suggestions both
	base := compare.Compare(old, nv, o)
	var firm, weak *compare.Link
	for _, l := range base.Links {
		if l.Old.Kind == app.KindWerkproces && !l.Suggestion && firm == nil {
			firm = l
		}
		if l.Suggestion && weak == nil {
			weak = l
		}
	}
	if firm == nil || weak == nil {
		t.Fatalf("need a firm link and a suggestion to test with; links: %d", len(base.Links))
	}
	gone := old.Kerntaken[1].Werkprocessen[2] // 2.3
	o.Decisions = []compare.Decision{
		{OldID: firm.Old.ID, NewID: firm.New.ID, Verdict: compare.Rejected},
		{OldID: weak.Old.ID, NewID: weak.New.ID, Verdict: compare.Confirmed},
		{OldID: gone.ID, Verdict: compare.Rejected},
	}
	res := compare.Compare(old, nv, o)
	for _, l := range res.Links {
		switch {
		case l.Old.ID == firm.Old.ID && l.New.ID == firm.New.ID:
			t.Error("rejected link made anyway")
		case l.Old.ID == gone.ID:
			t.Error("element marked vervallen got a link")
		case l.Old.ID == weak.Old.ID && l.New.ID == weak.New.ID && (l.Suggestion || l.Verdict != compare.Confirmed):
			t.Errorf("confirmed suggestion: %+v", l)
		}
	}
	if res.Status(res.OldUnit(gone.ID)) != compare.Removed {
		t.Error("element marked vervallen is not vervallen")
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
	for _, row := range res.Rows {
		one := row.OneToOne()
		if one == nil || one.New.ID != nv.Rollen[0].ID {
			continue
		}
		counts := map[compare.Status]int{}
		for _, it := range one.Diff.Lists[0].Items {
			counts[it.Status]++
		}
		if counts[compare.Modified] != 1 || counts[compare.Removed] != 1 || counts[compare.Unchanged] != 18 || row.Status != compare.Modified {
			t.Fatalf("list items: %v, row %s", counts, row.Status)
		}
		return
	}
	t.Fatal("rol 1 not found")
}

// Every old element has one row, every new element without links one row,
// new-only rows follow the row of the element before them in the new
// profile, and marks give the text back.
func TestRowsCoverBothSides(t *testing.T) {
	ps, cs, m := bundled(t)
	old := ps["BCP Junior accountmanager"]
	nv := app.NewVersion(old, "2026")
	added := &app.Werkproces{ID: app.NewID(), Code: "1.5", Title: "Evalueert de klanttevredenheid"}
	nv.Kerntaken[0].Werkprocessen = append(nv.Kerntaken[0].Werkprocessen, added)
	res := compare.Compare(old, nv, opts(cs, old, nv, m))
	seen := map[*compare.Unit]int{}
	for i, row := range res.Rows {
		if row.Old != nil {
			seen[row.Old]++
			continue
		}
		seen[row.New]++
		if row.New.ID != added.ID || row.Status != compare.Added {
			t.Errorf("new-only row %s %s", row.New.Label(), row.Status)
		}
		if prev := res.Rows[i-1].Old; prev == nil || prev.Code != "1.4" {
			t.Errorf("new 1.5 placed after %+v", res.Rows[i-1])
		}
	}
	if len(seen) != len(res.OldUnits)+1 {
		t.Errorf("%d elements in rows, want %d", len(seen), len(res.OldUnits)+1)
	}
	for u, n := range seen {
		if n != 1 {
			t.Errorf("%s in %d rows", u.Label(), n)
		}
	}
}

func TestMarksGiveTheTextBack(t *testing.T) {
	ps, cs, m := bundled(t)
	old, nv := ps["BCP Junior accountmanager"], ps["bcp (Junior) accountmanager"]
	res := compare.Compare(old, nv, opts(cs, old, nv, m))
	marked := 0
	for _, l := range res.Links {
		for _, text := range []string{l.Old.Body, l.New.Body} {
			var b strings.Builder
			for _, mk := range l.Marks(text) {
				b.WriteString(mk.Text)
				if mk.Shared {
					marked++
				}
			}
			if b.String() != text {
				t.Fatalf("marks of %s lose text", l.New.Label())
			}
		}
	}
	if marked == 0 {
		t.Error("no shared phrase marked in any link")
	}
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

// The crosswalk report marks shared phrases and shows several new
// elements beside one old one.
func TestHTMLReportOfCrosswalk(t *testing.T) {
	ps, cs, m := bundled(t)
	old, nv := ps["BCP Junior accountmanager"], ps["bcp (Junior) accountmanager"]
	res := compare.Compare(old, nv, opts(cs, old, nv, m))
	var b strings.Builder
	if err := compare.WriteHTML(&b, res, false); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	for _, want := range []string{"<mark>", `class="deel"`, "Relatiebeheerder", "Behandelt klachten"} {
		if !strings.Contains(html, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

// --json lists every link as one row of "paren" and every element without
// links in a row with only "oud" or "nieuw".
func TestJSONRowsPerLink(t *testing.T) {
	ps, cs, m := bundled(t)
	old, nv := ps["BCP Junior accountmanager"], ps["bcp (Junior) accountmanager"]
	res := compare.Compare(old, nv, opts(cs, old, nv, m))
	data, err := json.Marshal(compare.JSON(res))
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		Paren []map[string]json.RawMessage `json:"paren"`
	}
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	type el struct {
		ID    string `json:"id"`
		Soort string `json:"soort"`
		Titel string `json:"titel"`
	}
	rows := map[string]int{}
	links := 0
	for _, p := range out.Paren {
		var o, n el
		json.Unmarshal(p["oud"], &o)
		json.Unmarshal(p["nieuw"], &n)
		if _, ok := p["status"]; !ok {
			t.Fatalf("row without status: %s", data)
		}
		if _, ok := p["gelijkenis"]; !ok {
			t.Fatalf("row without gelijkenis")
		}
		rows[o.ID]++
		rows[n.ID]++
		if o.ID != "" && n.ID != "" {
			links++
		}
	}
	if links != len(res.Links) {
		t.Errorf("%d link rows for %d links", links, len(res.Links))
	}
	for _, u := range append(append([]*compare.Unit{}, res.OldUnits...), res.NewUnits...) {
		want := max(len(res.LinksOf(u)), 1)
		if rows[u.ID] != want {
			t.Errorf("%s %s in %d rows, want %d", u.Label(), app.Shorten(u.Text(), 30), rows[u.ID], want)
		}
	}
}

// Views ask for shared phrases from several goroutines at once.
func TestSharedFromManyGoroutines(t *testing.T) {
	ps, cs, m := bundled(t)
	old, nv := ps["BCP Junior accountmanager"], ps["bcp (Junior) accountmanager"]
	res := compare.Compare(old, nv, opts(cs, old, nv, m))
	var wg sync.WaitGroup
	got := make([][]string, 4)
	for g := range got {
		wg.Go(func() {
			for _, l := range res.Links {
				got[g] = append(got[g], strings.Join(l.Shared(), "|"))
				l.Marks(l.New.Body)
			}
		})
	}
	wg.Wait()
	for g := range got {
		if strings.Join(got[g], "\n") != strings.Join(got[0], "\n") {
			t.Fatal("goroutines saw different shared phrases")
		}
	}
}

// The new side of a word diff (kept and inserted words) is the new text.
func FuzzWordDiffGivesTheNewTextBack(f *testing.F) {
	f.Add("De junior accountmanager creëert een accountplan.", "De junior accountmanager creëert het nieuwe accountplan.")
	f.Add("zelfde  tekst", "zelfde tekst\n")
	f.Fuzz(func(t *testing.T, old, new string) {
		var b strings.Builder
		for _, s := range compare.WordDiff(old, new) {
			if s.Op != compare.Delete {
				b.WriteString(s.Text)
			}
		}
		if b.String() != new {
			t.Fatalf("new side %q, want %q", b.String(), new)
		}
	})
}

// A kept Reader gives the same crosswalk as a fresh one.
func TestReaderKeptGivesTheSameCrosswalk(t *testing.T) {
	ps, cs, m := bundled(t)
	old, nv := ps["BCP Junior accountmanager"], ps["bcp (Junior) accountmanager"]
	o := opts(cs, old, nv, m)
	fresh := compare.JSON(compare.Compare(old, nv, o))
	o.Reader = compare.NewReader(old, nv)
	for range 2 {
		kept := compare.JSON(compare.Compare(old, nv, o))
		a, _ := json.Marshal(fresh)
		b, _ := json.Marshal(kept)
		if string(a) != string(b) {
			t.Fatal("a kept reader changes the crosswalk")
		}
	}
}
