package taal

import (
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
func Analyse(text string, lex *Lexicon) []Term { return analyse(text, lex, Stem) }

// Analyser analyses many texts with one lexicon, remembering the stems
// it made: for indexing a library, where the same words come back in
// every text. Safe for concurrent use.
type Analyser struct {
	lex   *Lexicon
	stems sync.Map // word → key
}

// NewAnalyser makes an analyser with a lexicon for compounds (nil: none).
func NewAnalyser(lex *Lexicon) *Analyser { return &Analyser{lex: lex} }

// Stem is taal.Stem, remembered.
func (a *Analyser) Stem(word string) string {
	if k, ok := a.stems.Load(word); ok {
		return k.(string)
	}
	k := Stem(word)
	a.stems.Store(strings.Clone(word), k) // tokens share their text's memory
	return k
}

// Analyse is taal.Analyse with the analyser's lexicon and stems.
func (a *Analyser) Analyse(text string) []Term { return analyse(text, a.lex, a.Stem) }

func analyse(text string, lex *Lexicon, stem func(string) string) []Term {
	toks := Tokens(text)
	terms := make([]Term, len(toks))
	for i, t := range toks {
		terms[i] = Term{Token: t, Stem: stem(t.Word), Stop: IsStop(t.Word)}
		if !terms[i].Stop {
			participleAlts(&terms[i], stem)
			terms[i].Parts = partKeys(lex, t.Word, stem)
		}
	}
	separableAlts(terms, stem)
	elisionAlts(terms, lex, stem)
	return terms
}

// partKeys are the keys of the compound parts of a word.
func partKeys(lex *Lexicon, word string, stem func(string) string) []string {
	parts := lex.Split(word)
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
func elisionAlts(terms []Term, lex *Lexicon, stem func(string) string) {
	for i := range terms {
		t := &terms[i]
		if t.MissingEnd {
			if full := completing(terms, i, 1); full != nil {
				for _, head := range heads(lex, full.Word) {
					t.addAlt(stem(t.Word + head))
				}
			}
		}
		if t.MissingStart {
			if full := completing(terms, i, -1); full != nil {
				for _, mod := range modifiers(lex, full.Word) {
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

// heads are the possible last parts of a compound: the lexicon's split if
// it has one, else every ending of four letters or more that leaves a
// first part of three.
func heads(lex *Lexicon, word string) []string {
	if parts := lex.Split(word); parts != nil {
		return parts[len(parts)-1:]
	}
	var out []string
	for i := minPart; i <= len(word)-4; i++ {
		out = append(out, word[i:])
	}
	return out
}

// modifiers are the possible first parts of a compound, as heads.
func modifiers(lex *Lexicon, word string) []string {
	if parts := lex.Split(word); parts != nil {
		return []string{strings.Join(parts[:len(parts)-1], "")}
	}
	var out []string
	for i := minPart; i <= len(word)-minPart; i++ {
		out = append(out, word[:i])
	}
	return out
}
