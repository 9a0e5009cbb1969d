package search_test

import (
	"fmt"
	"strings"
	"testing"

	"bcpeditor/app"
	"bcpeditor/app/search"
	"bcpeditor/app/taal"
)

// target names the element a query should find by what a designer sees:
// kind, code and the start of its text (and the profile, when the same
// text is in several). Equal lines under several werkprocessen or rollen
// are one target: any of them is right.
type target struct {
	kind    app.Kind
	code    string
	text    string // start of the element's text; "" for any
	profile string // start of the profile's title; "" for any
}

type qualityCase struct {
	class, query string
	want         target
}

const (
	j2010 = "BCP Junior"
	cm    = "bcp Commercieel"
	am    = "bcp (Junior)"
)

// The queries were written from reading the bundled profiles, in the
// classes of issue 12; the expected elements likewise.
var qualityCases = []qualityCase{
	{"scheidbaar werkwoord", "offerte uitbrengen", target{app.KindWerkproces, "3.4", "Brengt de offerte uit", j2010}},
	{"scheidbaar werkwoord", "accountplan opstellen", target{app.KindWerkproces, "1.3", "Stelt een accountplan op", j2010}},
	{"scheidbaar werkwoord", "verkoopplan opstellen", target{app.KindWerkproces, "1.2", "Stelt een individueel verkoopplan op", j2010}},
	{"scheidbaar werkwoord", "verkoop afsluiten", target{app.KindWerkproces, "3.6", "Sluit de verkoop af", j2010}},
	{"scheidbaar werkwoord", "verkoopproces voorbereiden", target{app.KindWerkproces, "3.1", "Bereidt het verkoopproces voor", j2010}},
	{"scheidbaar werkwoord", "aftersales uitvoeren", target{app.KindWerkproces, "3.7", "Voert aftersales uit", j2010}},
	{"scheidbaar werkwoord", "accountrelaties opbouwen", target{app.KindWerkproces, "2.2", "Bouwt accountrelaties op", j2010}},
	{"scheidbaar werkwoord", "verkoopproces uitvoeren", target{app.KindKerntaak, "3", "Voert het verkoopproces uit", j2010}},
	{"verbuiging", "onderhandelen", target{app.KindWerkproces, "3.5", "Onderhandelt met de account", j2010}},
	{"verbuiging", "informatie verzamelen", target{app.KindWerkproces, "1.1", "Verzamelt (markt)informatie", j2010}},
	{"verbuiging", "klachten behandelen", target{app.KindWerkproces, "2.3", "Behandelt klachten", j2010}},
	{"verbuiging", "accounts beheren", target{app.KindKerntaak, "2", "Beheert accounts", j2010}},
	{"verbuiging", "accountrelatie onderhouden", target{app.KindWerkproces, "2.1", "Onderhoudt accountrelaties", j2010}},
	{"verbuiging", "voortgang verkoopplannen bewaken", target{app.KindWerkproces, "1.4", "Bewaakt de voortgang", j2010}},
	{"verbuiging", "account benaderen", target{app.KindWerkproces, "3.2", "Benadert de account", j2010}},
	{"verbuiging", "verkoopgesprek voeren", target{app.KindWerkproces, "3.3", "Voert het verkoopgesprek", j2010}},
	{"verbuiging", "diepterelaties", target{app.KindWerkproces, "2.4", "Werkt aan een diepterelatie", j2010}},
	{"samenstelling", "koopsignalen", target{app.KindKennis, "", "Koop- en weerstandssignalen", j2010}},
	{"samenstelling", "weerstandssignaal", target{app.KindKennis, "", "Koop- en weerstandssignalen", j2010}},
	{"samenstelling", "douanedocumenten", target{app.KindKennisVaardigheid, "", "Basiskennis van transport- en douanedocumenten", cm}},
	{"samenstelling", "transportdocumenten", target{app.KindKennisVaardigheid, "", "Basiskennis van transport- en douanedocumenten", cm}},
	{"samenstelling", "klachtafhandeling", target{app.KindKennis, "2.3", "Wet- en regelgeving en organisatiespecifieke afspraken en protocollen ten aanzien van klachtafhandeling", j2010}},
	{"samenstelling", "onderhandelingsvaardigheid", target{app.KindVaardigheid, "3.5", "Onderhandelingsvaardigheden", j2010}},
	{"samenstelling", "technieken onderhandeling", target{app.KindKennis, "3.5", "Onderhandelingstechnieken", j2010}},
	{"samenstelling", "verkooptheorieen", target{app.KindKennis, "", "Verkoopmodellen en -theorieën", j2010}},
	{"samenstelling", "relatiebeheersysteem", target{app.KindVaardigheid, "", "Gebruik van relatiebeheersystemen", j2010}},
	{"samenstelling", "klachtenbeleid", target{app.KindKennisVaardigheid, "", "Kennis van het klachtenbeleid", ""}},
	{"code", "3.4", target{app.KindWerkproces, "3.4", "", j2010}},
	{"code", "1.2", target{app.KindWerkproces, "1.2", "", j2010}},
	{"code", "2.3", target{app.KindWerkproces, "2.3", "", j2010}},
	{"code", "rol 2", target{app.KindRol, "2", "", ""}},
	{"code", "kerntaak 3", target{app.KindKerntaak, "3", "", j2010}},
	{"tikfout", "klntgericht", target{search.KindCatalogus, "", "Klantgericht handelen", ""}},
	{"tikfout", "comercieel handelen", target{search.KindCatalogus, "", "Ondernemend en commercieel handelen", ""}},
	{"tikfout", "relatibeheer", target{app.KindRol, "1", "Relatiebeheerder", am}},
	{"tikfout", "onderhandelt met de acount", target{app.KindWerkproces, "3.5", "Onderhandelt met de account", j2010}},
	{"tikfout", "webshopmedewerkr", target{app.KindRol, "4", "Webshopmedewerker", cm}},
	{"tikfout", "vertegenwoordger", target{app.KindRol, "2", "Vertegenwoordiger", am}},
	{"diakrieten", "beinvloeden", target{search.KindCatalogus, "", "Beïnvloeden", ""}},
	{"diakrieten", "creeren innoveren", target{search.KindCatalogus, "", "Creëren en innoveren", ""}},
	{"diakrieten", "hierarchische verantwoordelijkheid", target{app.KindKennis, "", "Leidinggeven zonder hiërarchische", j2010}},
	{"diakrieten", "financiele analyses", target{app.KindKennis, "1.3", "Financiële analyses", j2010}},
	{"afkorting", "plan org", target{search.KindCatalogus, "", "Plannen en organiseren", ""}},
	{"afkorting", "omg verandering", target{search.KindCatalogus, "", "Omgaan met verandering en aanpassen", ""}},
	{"afkorting", "besl activ", target{search.KindCatalogus, "", "Beslissen en activiteiten initiëren", ""}},
	{"afkorting", "samenw overl", target{search.KindCatalogus, "", "Samenwerken en overleggen", ""}},
	{"afkorting", "webshop", target{app.KindRol, "4", "Webshopmedewerker", cm}},
	{"deels", "offerte uitbrengen vandaag", target{app.KindWerkproces, "3.4", "Brengt de offerte uit", j2010}},
	{"deels", "klachten behandelen wekelijks", target{app.KindWerkproces, "2.3", "Behandelt klachten", j2010}},
	{"deels", "accountplan opstellen binnenkort", target{app.KindWerkproces, "1.3", "Stelt een accountplan op", j2010}},
	{"deels", "verkoopgesprek voeren morgen", target{app.KindWerkproces, "3.3", "Voert het verkoopgesprek", j2010}},
}

// resolve finds the IDs of the elements a target names.
func resolve(t *testing.T, docs []search.Document, w target) map[string]bool {
	t.Helper()
	ids := map[string]bool{}
	for _, d := range docs {
		if d.Kind == w.kind && (w.code == "" || d.Code == w.code) &&
			strings.HasPrefix(taal.Fold(d.Text), taal.Fold(w.text)) && strings.HasPrefix(d.ProfileTitle, w.profile) {
			ids[d.ElementID] = true
		}
	}
	if len(ids) == 0 {
		t.Fatalf("no element is %+v", w)
	}
	return ids
}

// rank is the place (1-based) of the first wanted ID, 0 if none.
func rank(got []string, want map[string]bool) int {
	for i, id := range got {
		if want[id] {
			return i + 1
		}
	}
	return 0
}

// TestSearchQuality measures recall@5 and MRR (to rank 10) of our search
// and of the baselines on the same queries, and asserts that ours finds
// every expected element in its top 3 and beats both baselines.
func TestSearchQuality(t *testing.T) {
	ix, _, _ := bundledIndex(t)
	docs := ix.Documents()
	searchers := []searcher{ours{ix}, newPlainFuzzy(docs), newBleveNL(t, docs)}
	type score struct {
		found5 int
		rr     float64
	}
	scores := make([]score, len(searchers))
	var table strings.Builder
	fmt.Fprintf(&table, "%-22s %-36s %6s %6s %6s\n", "klasse", "zoekvraag", "ons", "fuzzy", "bleve")
	for _, c := range qualityCases {
		want := resolve(t, docs, c.want)
		fmt.Fprintf(&table, "%-22s %-36q", c.class, c.query)
		for i, s := range searchers {
			r := rank(s.find(c.query, 10), want)
			if r > 0 && r <= 5 {
				scores[i].found5++
			}
			if r > 0 {
				scores[i].rr += 1 / float64(r)
			}
			fmt.Fprintf(&table, " %6s", rankText(r))
			if i == 0 && (r == 0 || r > 3) {
				t.Errorf("%q: %+v at rank %s, want in the top 3", c.query, c.want, rankText(r))
			}
		}
		table.WriteString("\n")
	}
	n := float64(len(qualityCases))
	fmt.Fprintf(&table, "%d zoekvragen\n", len(qualityCases))
	for i, s := range searchers {
		fmt.Fprintf(&table, "%-12s recall@5 %.2f (%d)  MRR %.3f\n", s.name(), float64(scores[i].found5)/n, scores[i].found5, scores[i].rr/n)
	}
	t.Log("\n" + table.String())
	if len(qualityCases) < 40 {
		t.Errorf("only %d queries", len(qualityCases))
	}
	for i := 1; i < len(searchers); i++ {
		if scores[0].found5 <= scores[i].found5 || scores[0].rr <= scores[i].rr {
			t.Errorf("%s does not beat %s", searchers[0].name(), searchers[i].name())
		}
	}
}

func rankText(r int) string {
	if r == 0 {
		return "-"
	}
	return fmt.Sprint(r)
}
