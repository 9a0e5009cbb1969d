package taal_test

import (
	"slices"
	"strings"
	"testing"

	"bcpeditor/app/taal"
)

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Beïnvloeden", "beinvloeden"},
		{"Creëren en innoveren", "creeren en innoveren"},
		{"HIËRARCHISCHE", "hierarchische"},
		{"plain ascii", "plain ascii"},
		{"Ⅻ ŝ", "ⅻ s"},
	} {
		if got := taal.Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, r := range "AÄéïÖŝ" {
		if got := taal.FoldRune(r); got != taal.Fold(string(r)) {
			t.Errorf("FoldRune(%q) = %q, Fold gives %q", r, got, taal.Fold(string(r)))
		}
	}
}

// Offsets point into the original text, also past letters with
// diacritics, so a highlight lands on the right letters.
func TestTokensOffsets(t *testing.T) {
	text := "Creëren van diepterelaties (o.a. met behulp van ‘incentives’)"
	rs := []rune(text)
	for _, tok := range taal.Tokens(text) {
		if got := taal.Fold(string(rs[tok.Start:tok.End])); got != tok.Word {
			t.Errorf("token %q at %d..%d reads %q", tok.Word, tok.Start, tok.End, got)
		}
		if got := text[tok.ByteStart:tok.ByteEnd]; got != string(rs[tok.Start:tok.End]) {
			t.Errorf("token %q at bytes %d..%d reads %q", tok.Word, tok.ByteStart, tok.ByteEnd, got)
		}
	}
	words := wordsOf(taal.Tokens(text))
	if want := "creeren van diepterelaties o a met behulp van incentives"; words != want {
		t.Errorf("words %q, want %q", words, want)
	}
}

func wordsOf(toks []taal.Token) string {
	var ws []string
	for _, t := range toks {
		ws = append(ws, t.Word)
	}
	return strings.Join(ws, " ")
}

func TestTokensMarks(t *testing.T) {
	cases := []struct {
		text, word string
		check      func(taal.Token) bool
	}{
		{"Koop- en weerstandssignalen", "koop", func(t taal.Token) bool { return t.MissingEnd }},
		{"Luister-, lees- en gespreksvaardigheid", "luister", func(t taal.Token) bool { return t.MissingEnd }},
		{"Verkoopmodellen en -theorieën", "theorieen", func(t taal.Token) bool { return t.MissingStart }},
		{"de e-commerce marketing", "commerce", func(t taal.Token) bool { return t.Joined && !t.MissingStart }},
		{"Sluit de verkoop af, zet het ordertraject in gang", "zet", func(t taal.Token) bool { return t.Break }},
		{"Sluit de verkoop af", "sluit", func(t taal.Token) bool { return t.Break }},
		{"Sluit de verkoop af", "verkoop", func(t taal.Token) bool { return !t.Break && !t.MissingEnd }},
	}
	for _, c := range cases {
		found := false
		for _, tok := range taal.Tokens(c.text) {
			if tok.Word == c.word {
				found = true
				if !c.check(tok) {
					t.Errorf("%q: %q has marks %+v", c.text, c.word, tok)
				}
			}
		}
		if !found {
			t.Errorf("%q: no token %q", c.text, c.word)
		}
	}
}

// Forms that designers use for one word get one key; different words keep
// different keys.
func TestStemInflections(t *testing.T) {
	same := [][]string{
		{"onderhandelen", "onderhandelt", "onderhandeling", "onderhandelingen"},
		{"verzamelen", "verzamelt"},
		{"brengen", "brengt"},
		{"opstellen", "opstelt"},
		{"offerte", "offertes"},
		{"beheren", "beheert"},
		{"afspraak", "afspraken"},
		{"geven", "geeft"},
		{"klant", "klanten"},
		{"markt", "markten"},
		{"relatie", "relaties"},
		{"bereiden", "bereidt"},
		{"sluiten", "sluit"},
		{"analyseren", "analyseert"},
		{"gesprek", "gesprekken"},
		{"signaal", "signalen"},
		{"plan", "plannen"},
	}
	for _, forms := range same {
		for _, f := range forms[1:] {
			if taal.Stem(f) != taal.Stem(forms[0]) {
				t.Errorf("Stem(%q) = %q, Stem(%q) = %q: want one key", f, taal.Stem(f), forms[0], taal.Stem(forms[0]))
			}
		}
	}
	apart := [][2]string{
		{"handelen", "onderhandelen"}, {"klant", "klacht"}, {"offerte", "order"},
		{"verkoop", "verkoper"}, {"plan", "plaats"}, {"3", "4"},
	}
	for _, p := range apart {
		if taal.Stem(p[0]) == taal.Stem(p[1]) {
			t.Errorf("%q and %q share the key %q", p[0], p[1], taal.Stem(p[0]))
		}
	}
}

func TestStopWords(t *testing.T) {
	for _, w := range []string{"de", "het", "een", "en", "van", "op", "uit", "met"} {
		if !taal.IsStop(w) {
			t.Errorf("%q is no stop word", w)
		}
	}
	for _, w := range []string{"klant", "offerte", "plan", "account", "verkoop"} {
		if taal.IsStop(w) {
			t.Errorf("%q is a stop word", w)
		}
	}
}

func TestLexiconSplit(t *testing.T) {
	lex := taal.NewLexicon()
	lex.AddText("een klacht, het afhandelen, documenten van de douane, koop en verkoop, signalen, " +
		"weerstand, technieken, onderhandeling, klachten, beleid, account, plan, gesprek, dienst")
	cases := []struct {
		word string
		want []string
	}{
		{"klachtafhandeling", []string{"klacht", "afhandeling"}},
		{"douanedocumenten", []string{"douane", "documenten"}},
		{"koopsignalen", []string{"koop", "signalen"}},
		{"weerstandssignalen", []string{"weerstand", "signalen"}},
		{"onderhandelingstechnieken", []string{"onderhandeling", "technieken"}},
		{"klachtenbeleid", []string{"klachten", "beleid"}},
		{"accountplannen", []string{"account", "plannen"}},
		{"verkoopgesprek", []string{"verkoop", "gesprek"}},
		{"klacht", nil},          // one word
		{"dienstverlening", nil}, // "verlening" unknown
		{"accountmanager", nil},  // "manager" unknown
	}
	for _, c := range cases {
		if got := lex.Split(c.word); !slices.Equal(got, c.want) {
			t.Errorf("Split(%q) = %q, want %q", c.word, got, c.want)
		}
	}
	var none *taal.Lexicon
	if none.Split("klachtafhandeling") != nil {
		t.Error("a nil lexicon split a word")
	}
}

// termWith returns the first term of text whose word is w.
func termWith(t *testing.T, terms []taal.Term, w string) taal.Term {
	t.Helper()
	for _, x := range terms {
		if x.Word == w {
			return x
		}
	}
	t.Fatalf("no term %q", w)
	return taal.Term{}
}

func hasKey(x taal.Term, key string) bool { return slices.Contains(x.Keys(), key) }

// Separable verbs written apart, te-infinitives and participles carry the
// key of the whole verb, on the verb and on its particle.
func TestSeparableVerbs(t *testing.T) {
	cases := []struct {
		text, verb, particle, infinitive string
	}{
		{"Brengt de offerte uit", "brengt", "uit", "uitbrengen"},
		{"Stelt een accountplan op", "stelt", "op", "opstellen"},
		{"Stelt een individueel verkoopplan op", "stelt", "op", "opstellen"},
		{"Sluit de verkoop af en zet het ordertraject in gang", "sluit", "af", "afsluiten"},
		{"Bereidt het verkoopproces voor", "bereidt", "voor", "voorbereiden"},
		{"Voert aftersales uit", "voert", "uit", "uitvoeren"},
		{"Bouwt accountrelaties op.", "bouwt", "op", "opbouwen"},
		{"om plannen op te kunnen stellen", "", "", ""},
		{"om accountplannen op te stellen", "stellen", "op", "opstellen"},
	}
	for _, c := range cases {
		terms := taal.Analyse(c.text, nil)
		if c.verb == "" {
			continue
		}
		key := taal.Stem(c.infinitive)
		if v := termWith(t, terms, c.verb); !hasKey(v, key) {
			t.Errorf("%q: %q lacks the key of %q (%q), has %q", c.text, c.verb, c.infinitive, key, v.Keys())
		}
		if p := termWith(t, terms, c.particle); !hasKey(p, key) {
			t.Errorf("%q: particle %q lacks the key of %q", c.text, c.particle, c.infinitive)
		}
	}
	// A particle in the middle of a clause makes no separable verb.
	terms := taal.Analyse("Zet het ordertraject in gang", nil)
	if hasKey(termWith(t, terms, "zet"), taal.Stem("inzetten")) {
		t.Error("\"in gang\" made \"zet … in\"")
	}
	for _, c := range []struct{ text, word, infinitive string }{
		{"Het verkoopcontract is correct opgesteld", "opgesteld", "opstellen"},
		{"De klacht is afgehandeld", "afgehandeld", "afhandelen"},
		{"De onderhandelingen zijn afgerond", "afgerond", "afronden"},
		{"Er zijn vervolgafspraken gemaakt", "gemaakt", "maken"},
		{"Verzamelde en verwerkte gegevens", "verzamelde", "verzamelen"},
	} {
		if x := termWith(t, taal.Analyse(c.text, nil), c.word); !hasKey(x, taal.Stem(c.infinitive)) {
			t.Errorf("%q lacks the key of %q (%q), has %q", c.word, c.infinitive, taal.Stem(c.infinitive), x.Keys())
		}
	}
}

// An elided word stands for the compound it abbreviates, with or without
// a lexicon.
func TestElisions(t *testing.T) {
	lex := taal.NewLexicon("weerstand", "signalen", "verkoop", "modellen", "transport", "documenten", "douane")
	cases := []struct{ text, word, compound string }{
		{"Koop- en weerstandssignalen", "koop", "koopsignalen"},
		{"Basiskennis van transport- en douanedocumenten", "transport", "transportdocumenten"},
		{"Verkoopmodellen en -theorieën", "theorieen", "verkooptheorieen"},
		{"Luister-, lees-, schrijf- en gespreksvaardigheid Engels", "lees", "leesvaardigheid"},
		{"Verkooptechnieken en -argumenten", "argumenten", "verkoopargumenten"},
	}
	for _, c := range cases {
		for _, l := range []*taal.Lexicon{nil, lex} {
			if x := termWith(t, taal.Analyse(c.text, l), c.word); !hasKey(x, taal.Stem(c.compound)) {
				t.Errorf("%q (lexicon %v): %q lacks the key of %q, has %q", c.text, l != nil, c.word, c.compound, x.Keys())
			}
		}
	}
	// With a lexicon the elision stands for just the one compound.
	x := termWith(t, taal.Analyse("Koop- en weerstandssignalen", lex), "koop")
	if len(x.Alts) != 1 {
		t.Errorf("alts %q, want only koopsignalen", x.Alts)
	}
}

func TestCompoundParts(t *testing.T) {
	lex := taal.NewLexicon()
	lex.AddText("de klacht, onderhandelen, technieken, verkoop, gesprek")
	terms := taal.Analyse("Klachtafhandeling en onderhandelingstechnieken in het verkoopgesprek", lex)
	for _, c := range []struct{ word, part string }{
		{"onderhandelingstechnieken", "onderhandelen"},
		{"onderhandelingstechnieken", "techniek"},
		{"verkoopgesprek", "gesprekken"},
	} {
		if x := termWith(t, terms, c.word); !slices.Contains(x.Parts, taal.Stem(c.part)) {
			t.Errorf("%q: parts %q lack %q", c.word, x.Parts, taal.Stem(c.part))
		}
	}
	if x := termWith(t, terms, "klachtafhandeling"); x.Parts != nil {
		t.Errorf("klachtafhandeling split with \"afhandeling\" unknown: %q", x.Parts)
	}
}

func TestSimilarity(t *testing.T) {
	lex := taal.NewLexicon("account", "plan", "offerte", "klacht")
	a := taal.Analyse("Stelt een accountplan op", lex)
	b := taal.Analyse("opstellen van het plan", lex)
	if s := taal.Similarity(a, b); s != 1 {
		t.Errorf("similarity %v, want 1", s)
	}
	c := taal.Analyse("Behandelt klachten van klanten", lex)
	if s := taal.Similarity(a, c); s != 0 {
		t.Errorf("unrelated texts: similarity %v, want 0", s)
	}
	d := taal.Analyse("Brengt de offerte uit en stelt een accountplan op", lex)
	if s1, s2 := taal.Similarity(a, d), taal.Similarity(c, d); !(s1 > 0.5 && s1 > s2) {
		t.Errorf("similarities %v and %v", s1, s2)
	}
	if taal.Similarity(nil, nil) != 0 {
		t.Error("empty texts are similar")
	}
}

func TestSharedPhrases(t *testing.T) {
	a := "De junior accountmanager stelt op basis van de markt een individueel verkoopplan op."
	b := "Hij maakt een individueel verkoopplan en stelt op basis van de markt het accountplan op."
	ps := taal.SharedPhrases(taal.Analyse(a, nil), taal.Analyse(b, nil), 2)
	var got []string
	for _, p := range ps {
		got = append(got, string([]rune(a)[p.AStart:p.AEnd])+" | "+string([]rune(b)[p.BStart:p.BEnd]))
	}
	want := []string{"stelt op basis van de markt | stelt op basis van de markt", "individueel verkoopplan | individueel verkoopplan"}
	if !slices.Equal(got, want) {
		t.Errorf("phrases %q, want %q", got, want)
	}
	if len(taal.SharedPhrases(taal.Analyse("klant", nil), taal.Analyse("klant", nil), 2)) != 0 {
		t.Error("a one-word overlap made a phrase of two")
	}
}

// FuzzAnalyse: any text, no panic, offsets inside the text and reading
// back as the word; an Analyser gives the same, also from what it
// remembers.
func FuzzAnalyse(f *testing.F) {
	for _, s := range []string{"Koop- en weerstandssignalen", "Brengt de offerte uit", "-", "a-", "ë", "İ", "x\u0301y", "op te"} {
		f.Add(s)
	}
	lex := taal.NewLexicon("koop", "signalen")
	an := taal.NewAnalyser(lex) // remembers across inputs
	f.Fuzz(func(t *testing.T, s string) {
		rs := []rune(s)
		want := taal.Analyse(s, lex)
		for _, x := range want {
			if x.Start < 0 || x.End > len(rs) || x.Start >= x.End {
				t.Fatalf("term %q at %d..%d in %d runes", x.Word, x.Start, x.End, len(rs))
			}
		}
		for range 2 { // found, then remembered
			got := an.Analyse(s)
			if !slices.EqualFunc(got, want, func(a, b taal.Term) bool { return a.Token == b.Token && slices.Equal(a.Keys(), b.Keys()) }) {
				t.Fatalf("%q: the analyser gives %+v, Analyse %+v", s, got, want)
			}
		}
	})
}

// An Analyser gives what Analyse gives, from its remembered stems too.
func TestAnalyserMatchesAnalyse(t *testing.T) {
	lex := taal.NewLexicon("koop", "signalen", "account", "plan")
	a := taal.NewAnalyser(lex)
	for _, text := range []string{"Koop- en weerstandssignalen", "Stelt een accountplan op", "Stelt een accountplan op"} {
		want, got := taal.Analyse(text, lex), a.Analyse(text)
		if len(got) != len(want) {
			t.Fatalf("%q: %d terms, want %d", text, len(got), len(want))
		}
		for i := range got {
			if !slices.Equal(got[i].Keys(), want[i].Keys()) || got[i].Token != want[i].Token {
				t.Errorf("%q term %d: %+v, want %+v", text, i, got[i], want[i])
			}
		}
	}
}

// An Analyser remembers what it found in a word, but a split made before
// the lexicon learnt the parts is made again, and what one text adds to a
// word (a separable verb's key) does not stick to the word in the next.
func TestAnalyserRemembersOnlyWhatHolds(t *testing.T) {
	lex := taal.NewLexicon("account")
	a := taal.NewAnalyser(lex)
	if x := termWith(t, a.Analyse("Klachtafhandeling"), "klachtafhandeling"); x.Parts != nil {
		t.Fatalf("split %q before the parts were known", x.Parts)
	}
	lex.Add("klacht", "afhandeling")
	if x := termWith(t, a.Analyse("Klachtafhandeling"), "klachtafhandeling"); !slices.Equal(x.Parts, []string{taal.Stem("klacht"), taal.Stem("afhandeling")}) {
		t.Errorf("parts %q once the lexicon knows them", x.Parts)
	}
	verb := termWith(t, a.Analyse("Gemaakt af"), "gemaakt")
	if !hasKey(verb, taal.Stem("afgemaakt")) {
		t.Fatalf("no separable key in %q", verb.Keys())
	}
	if alone := termWith(t, a.Analyse("gemaakt"), "gemaakt"); hasKey(alone, taal.Stem("afgemaakt")) {
		t.Errorf("the separable key of one text stuck to the word: %q", alone.Keys())
	}
	other := termWith(t, a.Analyse("Gemaakt uit"), "gemaakt")
	if !hasKey(verb, taal.Stem("afgemaakt")) || hasKey(verb, taal.Stem("uitgemaakt")) || !hasKey(other, taal.Stem("uitgemaakt")) {
		t.Errorf("two texts' separable keys mixed: %q and %q", verb.Keys(), other.Keys())
	}
	toks := taal.Tokens("Brengt de offerte uit")
	if got, want := a.AnalyseTokens(toks), a.Analyse("Brengt de offerte uit"); !slices.EqualFunc(got, want, func(x, y taal.Term) bool { return slices.Equal(x.Keys(), y.Keys()) }) {
		t.Errorf("AnalyseTokens %+v, Analyse %+v", got, want)
	}
}

// A Latinate verb in -eren and its noun in -atie (or -e) share a key;
// other verbs in -eren and short stems do not get one.
func TestDerivedKeys(t *testing.T) {
	pairs := [][2]string{{"informeren", "informatie"}, {"organiseert", "organisatie"}, {"evalueren", "evaluatie"},
		{"registreert", "registraties"}, {"analyseren", "analyse"}, {"controleert", "controle"}}
	keysOf := func(w string) []string { x := termWith(t, taal.Analyse(w, nil), w); return x.Keys() }
	for _, p := range pairs {
		a, b := keysOf(p[0]), keysOf(p[1])
		if !slices.ContainsFunc(a, func(k string) bool { return slices.Contains(b, k) }) {
			t.Errorf("%s %q and %s %q share no key", p[0], a, p[1], b)
		}
	}
	for _, w := range []string{"leveren", "voeren", "manager", "order"} {
		if ks := keysOf(w); len(ks) != 1 {
			t.Errorf("%s has keys %q, want only its stem", w, ks)
		}
	}
}

// With synonyms a word, a compound part or a separable verb also stands
// for its group's key; without, it does not.
func TestSynonyms(t *testing.T) {
	lex := taal.NewLexicon("account", "relaties", "klant")
	a := taal.NewAnalyser(lex).WithSynonyms(taal.CommercialSynonyms)
	klant := taal.Stem("klant")
	for _, c := range []struct{ text, word, key string }{
		{"Benadert de account", "account", klant},
		{"Onderhoudt accountrelaties", "accountrelaties", klant},
		{"Sluit het project af", "sluit", taal.Stem("afronden")},
		{"Voert aftersales uit", "aftersales", taal.Stem("aftersales")},
		{"De nazorg", "nazorg", taal.Stem("aftersales")},
	} {
		if x := termWith(t, a.Analyse(c.text), c.word); !hasKey(x, c.key) {
			t.Errorf("%q: %s has keys %q, not %q", c.text, c.word, x.Keys(), c.key)
		}
	}
	if x := termWith(t, taal.NewAnalyser(lex).Analyse("Benadert de account"), "account"); hasKey(x, klant) {
		t.Errorf("without synonyms account has keys %q", x.Keys())
	}
	if taal.CommercialSynonyms.Group(taal.Stem("account")) != klant || taal.CommercialSynonyms.Group("plan") != "" {
		t.Error("Group does not give the group's key, or gives one to a word in no group")
	}
}
