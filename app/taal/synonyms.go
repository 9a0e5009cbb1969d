package taal

// Synonyms are groups of words that mean the same in a field: a text that
// says one of them also stands for the others. An Analyser given synonyms
// (Analyser.WithSynonyms) gives every word whose key, or the key of one of
// its compound parts, is in a group the group's key as an alt: "account"
// and "accountrelaties" stand for "klant" too. Safe for concurrent reading.
type Synonyms struct {
	group map[string]string // a member's key → its group's key
}

// NewSynonyms makes synonyms of groups of folded words; a group's key is
// that of its first word.
func NewSynonyms(groups ...[]string) *Synonyms {
	s := &Synonyms{group: map[string]string{}}
	for _, g := range groups {
		if len(g) == 0 {
			continue
		}
		key := Stem(g[0])
		for _, w := range g {
			s.group[Stem(w)] = key
		}
	}
	return s
}

// Group is the key of the group of a key, "" if it is in none.
func (s *Synonyms) Group(key string) string {
	if s == nil {
		return ""
	}
	return s.group[key]
}

// CommercialSynonyms are the near-synonyms of the commercial field that
// the bcp's of sales and account management write both ways, across
// versions of a profile especially (2010 "account", 2020 "klant"). Each
// group holds only words that a designer would accept for one another in
// any profile of the field:
//   - klant, account: in business-to-business sales an account is a
//     (business) klant; "accountrelatie" is a "klantrelatie".
//   - offerte, aanbieding: the written offer to a klant.
//   - aftersales, nazorg: the care after the sale.
//   - afronden, afsluiten: concluding a sale, an order, a traject.
//   - verkoop, sales: "salesteam" and "verkoopteam", "verkoopplan" and
//     "salesplan".
//   - order, bestelling.
//
// Words that are near only sometimes ("relatie", which is a klant in
// "relatiebeheer" but the relationship in "de relatie verbeteren";
// "aanbod", which is the whole range as often as the offer) are left out.
var CommercialSynonyms = NewSynonyms(
	[]string{"klant", "account"},
	[]string{"offerte", "aanbieding"},
	[]string{"aftersales", "nazorg"},
	[]string{"afronden", "afsluiten"},
	[]string{"verkoop", "sales"},
	[]string{"order", "bestelling"},
)
