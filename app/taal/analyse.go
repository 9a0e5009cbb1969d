package taal

import (
	"slices"
	"strings"
	"sync"
)

// Term is a token with what the analysis found out about it.
type Term struct {
	Token
	Stem string // the word's key (see Stem)
	Stop bool   // a function word (see IsStop)
	// Alts are keys the word stands for besides its own: the verb of a
	// separable verb written apart or of a participle, the compound of an
	// elision. Sorted by first finding, without duplicates.
	Alts []string
	// Parts are the keys of the parts of a compound, head last, when the
	// lexicon splits the word; nil otherwise.
	Parts []string
}

func (t *Term) addAlt(key string) {
	if key == t.Stem {
		return
	}
	for _, a := range t.Alts {
		if a == key {
			return
		}
	}
	t.Alts = append(t.Alts, key)
}

// Keys are all the keys of a term: its stem, its alts and its parts.
func (t *Term) Keys() []string {
	out := make([]string, 0, 1+len(t.Alts)+len(t.Parts))
	out = append(out, t.Stem)
	out = append(out, t.Alts...)
	return append(out, t.Parts...)
}

// Analyse tokenises a text and finds, for every word, its key, whether it
// is a stop word, the keys it stands for (separable verbs, participles,
// elisions) and, when lex is not nil, its compound parts.
func Analyse(text string, lex *Lexicon) []Term {
	a := Analyser{lex: lex, forget: true}
	return a.Analyse(text)
}

// Analyser analyses many texts with one lexicon, remembering what it found
// in each word on its own (its stem, its compound split, the verb of a
// participle): for indexing a library or comparing two profiles, where the
// same words come back in every text. The lexicon may still grow: a split
// made before it did is made again. Safe for concurrent use.
type Analyser struct {
	lex    *Lexicon
	forget bool     // remember nothing (taal.Analyse, one text)
	stems  sync.Map // word → key
	words  sync.Map // word → *wordInfo
}

// wordInfo is what the analysis finds in one word on its own.
type wordInfo struct {
	stem  string
	stop  bool
	alts  []string // the keys of a participle's verb
	split []string // the compound's parts as written, nil if none
	parts []string // their keys
	gen   uint64   // the lexicon's generation the split was made in
}

// NewAnalyser makes an analyser with a lexicon for compounds (nil: none).
func NewAnalyser(lex *Lexicon) *Analyser { return &Analyser{lex: lex} }

// Stem is taal.Stem, remembered.
func (a *Analyser) Stem(word string) string {
	if a.forget {
		return Stem(word)
	}
	if k, ok := a.stems.Load(word); ok {
		return k.(string)
	}
	k := Stem(word)
	a.stems.Store(strings.Clone(word), k) // tokens share their text's memory
	return k
}

// Analyse is taal.Analyse with the analyser's lexicon and memory.
func (a *Analyser) Analyse(text string) []Term { return a.AnalyseTokens(Tokens(text)) }

// AnalyseTokens analyses the tokens of a text (as Tokens gives them): for a
// caller that needed the tokens already, so that the text is read once.
func (a *Analyser) AnalyseTokens(toks []Token) []Term {
	terms := make([]Term, len(toks))
	for i, t := range toks {
		in := a.info(t.Word)
		terms[i] = Term{Token: t, Stem: in.stem, Stop: in.stop, Alts: in.alts, Parts: in.parts}
	}
	separableAlts(terms, a.Stem)
	elisionAlts(terms, a.split, a.Stem)
	return terms
}

// info is what the analysis finds in a word on its own, remembered when
// there is a lexicon to split against (and made again when the lexicon grew
// since); without one, only the stem is worth remembering.
func (a *Analyser) info(word string) wordInfo {
	remember := !a.forget && a.lex != nil
	gen := a.lex.generation()
	if remember {
		if v, ok := a.words.Load(word); ok && v.(*wordInfo).gen == gen {
			return *v.(*wordInfo)
		}
	}
	in := wordInfo{stem: a.Stem(word), stop: IsStop(word), gen: gen}
	if !in.stop {
		in.alts = slices.Clip(participleAlts(word, in.stem, a.Stem))
		in.split = slices.Clip(a.lex.Split(word))
		in.parts = slices.Clip(partKeys(in.split, a.Stem))
	}
	if remember {
		a.words.Store(strings.Clone(word), &in)
	}
	return in
}

// split is the lexicon's split of a word, remembered.
func (a *Analyser) split(word string) []string { return a.info(word).split }

// partKeys are the keys of the compound parts of a word.
func partKeys(parts []string, stem func(string) string) []string {
	if parts == nil {
		return nil
	}
	keys := make([]string, len(parts))
	for i, p := range parts {
		keys[i] = stem(p)
	}
	return keys
}

// elisionWindow is how far an elided word looks for the word that
// completes it.
const elisionWindow = 6

// elisionAlts gives elided words the key of the compound they stand for:
// "koop-" in "koop- en weerstandssignalen" gets that of "koopsignalen",
// "-theorieën" in "verkoopmodellen en -theorieën" that of
// "verkooptheorieën".
func elisionAlts(terms []Term, split func(string) []string, stem func(string) string) {
	for i := range terms {
		t := &terms[i]
		if t.MissingEnd {
			if full := completing(terms, i, 1); full != nil {
				for _, head := range heads(split(full.Word), full.Word) {
					t.addAlt(stem(t.Word + head))
				}
			}
		}
		if t.MissingStart {
			if full := completing(terms, i, -1); full != nil {
				for _, mod := range modifiers(split(full.Word), full.Word) {
					t.addAlt(stem(mod + t.Word))
				}
			}
		}
	}
}

// completing finds, in direction dir from i, the first whole word past
// the conjunctions and other elided words: "weerstandssignalen" for
// "koop-".
func completing(terms []Term, i, dir int) *Term {
	for j := i + dir; j >= 0 && j < len(terms) && j != i+dir*elisionWindow; j += dir {
		t := &terms[j]
		if t.Stop || t.MissingEnd || t.MissingStart {
			continue
		}
		return t
	}
	return nil
}

// heads are the possible last parts of a compound: those of its split
// (parts) if it has one, else every ending of four letters or more that leaves a
// first part of three.
func heads(parts []string, word string) []string {
	if parts != nil {
		return parts[len(parts)-1:]
	}
	var out []string
	for i := minPart; i <= len(word)-4; i++ {
		out = append(out, word[i:])
	}
	return out
}

// modifiers are the possible first parts of a compound, as heads.
func modifiers(parts []string, word string) []string {
	if parts != nil {
		return []string{strings.Join(parts[:len(parts)-1], "")}
	}
	var out []string
	for i := minPart; i <= len(word)-minPart; i++ {
		out = append(out, word[:i])
	}
	return out
}
