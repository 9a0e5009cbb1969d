package compare_test

// The expected crosswalk of the bundled 2010 BCP Junior accountmanager
// (kerntaken → werkprocessen) onto the 2020 bcp (Junior) accountmanager
// (rollen → werkzaamheden), written by reading both texts, before the
// linking was tuned. A werkzaamheid is named "Rol/n" (its rol's title and
// its number within the rol).
//
// right: the werkzaamheden that carry the werkproces's content; a good
// crosswalk reaches them. acceptable: werkzaamheden that carry a minor part
// of it (a link to them is not wrong, but it is not required either).
// Every other link counts as wrong.
//
// Reading notes, per werkproces:
//   - 1.1 market information: the beleidsondersteuner's research of the
//     market, recorded in the system, feeding sales policy (CB/1). The
//     relatiebeheerder's and vertegenwoordiger's study of one account or
//     prospect (RB/1, VT/2) gathers information too, but about one klant.
//   - 1.2 individual sales plan and 1.4 progress of the plans: "ondersteunt
//     het salesteam bij het opstellen, evalueren, uitvoeren en bijstellen
//     van account-, verkoop- of actieplannen … stelt rapportages op" (CB/2);
//     1.2's proposals for the general sales plan and the marketing plan are
//     CB/1's "voorstellen voor verkoop- en marketingbeleid".
//   - 1.3 account plan: the account analysis (visie, strategie,
//     inkoopbeleid) is RB/1 for an existing account and VT/2 for a
//     prospect; the plan itself is CB/2.
//   - 2.1 maintaining relations by informing and advising, answering
//     questions: the advisory talk with an account (RB/2) and the follow-up
//     that answers the klant's question (RB/3); RB/1 (improving the
//     relation) and the complaint (RB/5) are minor parts.
//   - 2.2 building relations: improving and extending the relation with an
//     account (RB/1) and building a network of contacts with prospects
//     (VT/1); gathering information on the klant (VT/2, CB/1), the
//     first contact (VT/3) and keeping in touch (RB/4) are minor parts.
//   - 2.3 complaints: the complaint werkzaamheid of both the
//     relatiebeheerder (RB/5) and the vertegenwoordiger (VT/6); the
//     improvement proposals from complaints (CB/3) are a minor part.
//   - 2.4 the deep relation: "de mogelijkheden voor het verbeteren en
//     uitbreiden van de relatie, bedenkt adviezen/initiatieven" (RB/1).
//   - 3.1 preparing the sales process: deciding whom to approach, how and
//     with what offer (VT/2) and agreeing which actions to take towards the
//     account (RB/1).
//   - 3.2 approaching the account: "benadert de potentiële klant …
//     presenteert de organisatie en de producten" (VT/3); making contacts
//     (VT/1) is a minor part.
//   - 3.3 the sales talk: the advies- en/of verkoopgesprek (RB/2, VT/4).
//   - 3.4 the offerte: RB/3 and VT/4.
//   - 3.5 negotiating: "onderhandelt hij, binnen … marges" (RB/4, VT/5);
//     VT/4 discusses the room to negotiate.
//   - 3.6 closing and the order: orderbevestiging, ERP, following the
//     order (RB/4, VT/5).
//   - 3.7 aftersales: "Bij afronding van het ordertraject evalueert hij het
//     traject … vervolgcontact" (RB/4, VT/5).
type expectedLinks struct {
	right, acceptable []string
}

var expectedCrosswalk2010To2020 = map[string]expectedLinks{
	"1.1": {right: []string{"CB/1"}, acceptable: []string{"RB/1", "VT/2"}},
	"1.2": {right: []string{"CB/2", "CB/1"}},
	"1.3": {right: []string{"RB/1", "VT/2", "CB/2"}},
	"1.4": {right: []string{"CB/2"}},
	"2.1": {right: []string{"RB/2", "RB/3"}, acceptable: []string{"RB/1", "RB/5"}},
	"2.2": {right: []string{"RB/1", "VT/1"}, acceptable: []string{"RB/4", "VT/2", "VT/3", "CB/1"}},
	"2.3": {right: []string{"RB/5", "VT/6"}, acceptable: []string{"CB/3"}},
	"2.4": {right: []string{"RB/1"}, acceptable: []string{"RB/2"}},
	"3.1": {right: []string{"VT/2", "RB/1"}},
	"3.2": {right: []string{"VT/3"}, acceptable: []string{"VT/1"}},
	"3.3": {right: []string{"RB/2", "VT/4"}},
	"3.4": {right: []string{"RB/3", "VT/4"}},
	"3.5": {right: []string{"RB/4", "VT/5"}, acceptable: []string{"VT/4"}},
	"3.6": {right: []string{"RB/4", "VT/5"}},
	"3.7": {right: []string{"RB/4", "VT/5"}},
}

// The kerntaken onto the rollen: plans and policy are the beleidsondersteuner,
// managing accounts the relatiebeheerder, the sales process both the
// vertegenwoordiger (new klanten) and the relatiebeheerder (existing
// accounts).
var expectedRollen2010To2020 = map[string]expectedLinks{
	"1": {right: []string{"CB"}, acceptable: []string{"RB"}},
	"2": {right: []string{"RB"}, acceptable: []string{"VT"}},
	"3": {right: []string{"VT", "RB"}},
}

// rolShort names the 2020 rollen in the tables above.
var rolShort = map[string]string{
	"Relatiebeheerder":                "RB",
	"Vertegenwoordiger":               "VT",
	"Commercieel beleidsondersteuner": "CB",
}
