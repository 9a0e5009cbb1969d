package taal

import "strings"

// particles are the adverbs and prepositions that split off Dutch
// separable verbs: "opstellen" → "stelt … op", "uitbrengen" → "brengt …
// uit". ("onder" and "over" also make inseparable verbs, "onderhandelen";
// of those two only "over" is taken, as in "draagt … over".)
var particles = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`aan achter af bij binnen buiten door in los mee na neer om op over
		rond samen terug tegen toe uit vast voor voort weg`) {
		particles[w] = true
	}
}

// clauseEnds are the words that end a clause as a break does: "Sluit de
// verkoop af en zet …".
var clauseEnds = map[string]bool{"en": true, "of": true, "maar": true, "want": true, "zodat": true, "om": true, "dan": true}

// verbWindow is how far before its particle a verb is looked for.
const verbWindow = 10

// separableAlts adds to terms the keys of separable verbs written apart:
// in "Brengt de offerte uit" both "brengt" and "uit" get the key of
// "uitbrengen", in "op te stellen" both parts that of "opstellen".
// add gives a term a key (with its synonyms').
func separableAlts(terms []Term, stem func(string) string, add func(*Term, string)) {
	for i := range terms {
		p := &terms[i]
		if !particles[p.Word] {
			continue
		}
		teInfinitive(terms, i, stem, add)
		if i+1 < len(terms) && !terms[i+1].Break && !clauseEnds[terms[i+1].Word] {
			continue // not at the end of its clause
		}
		for j := i - 1; j >= 0 && j >= i-verbWindow; j-- {
			v := &terms[j]
			if looksFinite(v, j == 0 || v.Break) {
				key := stem(p.Word + v.Word)
				add(v, key)
				add(p, key)
			}
			if v.Break {
				break
			}
		}
	}
}

// teInfinitive joins a particle with the verb after "te": "op te
// stellen" stands for "opstellen".
func teInfinitive(terms []Term, i int, stem func(string) string, add func(*Term, string)) {
	if i+2 < len(terms) && terms[i+1].Word == "te" && !terms[i+1].Break && !terms[i+2].Break {
		key := stem(terms[i].Word + terms[i+2].Word)
		add(&terms[i], key)
		add(&terms[i+2], key)
	}
}

// looksFinite reports whether a word may be the finite verb of a main
// clause: it ends in -t (stelt, brengt, sluit, bereidt) or -en (stellen),
// or it opens the clause (a title: "Zet het ordertraject in gang").
func looksFinite(v *Term, first bool) bool {
	if v.Stop || particles[v.Word] || len(v.Word) < 3 || !isLetters(v.Word) {
		return false
	}
	return first || strings.HasSuffix(v.Word, "t") || strings.HasSuffix(v.Word, "en")
}

// participleAlts gives a past participle the keys of its verb:
// "opgesteld" → "opstellen", "afgehandeld" → "afhandelen", "gemaakt" →
// "maken", "verzameld" → "verzamelen". A final d or t may belong to the
// stem ("afgerond"), so both readings are given. key is the word's own
// key, which is no alt.
func participleAlts(word, key string, stem func(string) string) []string {
	t := Term{Token: Token{Word: word}, Stem: key}
	w := word
	if len(w) >= 7 && (strings.HasSuffix(w, "de") || strings.HasSuffix(w, "te")) {
		w = w[:len(w)-1] // verzamelde, opgestelde
	}
	if len(w) < 6 || !isLetters(w) || (w[len(w)-1] != 'd' && w[len(w)-1] != 't') {
		return nil
	}
	prefix, rest := "", ""
	switch {
	case strings.HasPrefix(w, "ge"):
		rest = w[2:]
	default:
		for p := range particles {
			if strings.HasPrefix(w, p+"ge") && len(w) >= len(p)+5 {
				prefix, rest = p, w[len(p)+2:]
				break
			}
		}
	}
	if rest == "" {
		if isConsonant(w[len(w)-2]) && w[len(w)-1] == 'd' {
			t.addAlt(stem(w[:len(w)-1])) // verzameld → verzamel
		}
		return t.Alts
	}
	t.addAlt(stem(prefix + rest))
	t.addAlt(stem(prefix + rest[:len(rest)-1]))
	return t.Alts
}

// derivedKey is the key that a Latinate verb in -eren and its noun in
// -atie (or -e) share: "informeren" and "informatie" both stand for
// "inform", "organiseert" and "organisatie" for "organis", "analyseren"
// for "analys", the key of "analyse", "controleert" for "control", that
// of "controle". key is the word's own key; "" if the word is neither or
// too short to say.
func derivedKey(word, key string) string {
	var cut int
	switch {
	case strings.HasSuffix(key, "er") && (strings.HasSuffix(word, "eren") || strings.HasSuffix(word, "eert")):
		cut = 2
	case strings.HasSuffix(key, "ati") && (strings.HasSuffix(word, "atie") || strings.HasSuffix(word, "aties")):
		cut = 3
	default:
		return ""
	}
	if len(key)-cut < minDerived {
		return ""
	}
	return key[:len(key)-cut]
}

// minDerived is the shortest key derivedKey gives: shorter ones ("lev" of
// "leveren", "vo" of "voeren") would meet unrelated words.
const minDerived = 5
