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
	// lexicon splits the word; nil otherwise. An Analyser shares Parts (and
	// Alts found in the word alone) between the terms of one word: read
	// them, do not change them.
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
	forget bool // remember nothing (taal.Analyse, one text)
	syn    *Synonyms
	stems  sync.Map // word → key
	mu     sync.RWMutex
	words  map[string]*wordInfo // guarded by mu; only with a lexicon
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

// fill gives a term what was found in its word. The slices are shared by
// every term of the word, clipped so that adding to a term's Alts copies.
func (in *wordInfo) fill(t *Term) {
	t.Stem, t.Stop, t.Alts, t.Parts = in.stem, in.stop, in.alts, in.parts
}

// NewAnalyser makes an analyser with a lexicon for compounds (nil: none).
func NewAnalyser(lex *Lexicon) *Analyser {
	return &Analyser{lex: lex, words: map[string]*wordInfo{}}
}

// WithSynonyms makes the analyser give words the keys of their synonyms
// (see Synonyms); call it before the first text. It returns the analyser.
func (a *Analyser) WithSynonyms(s *Synonyms) *Analyser {
	a.syn = s
	return a
}

// alt gives a term a key it stands for, and the key of that key's
// synonyms.
func (a *Analyser) alt(t *Term, key string) {
	t.addAlt(key)
	if g := a.syn.Group(key); g != "" {
		t.addAlt(g)
	}
}

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
func (a *Analyser) AnalyseTokens(toks []Token) []Term { return a.AppendTerms(nil, toks) }

// AppendTerms appends the analysis of the tokens of one text to dst and
// returns the extended slice: for a caller that analyses many texts one
// after another and can reuse one slice for all of them.
func (a *Analyser) AppendTerms(dst []Term, toks []Token) []Term {
	from := len(dst)
	dst = slices.Grow(dst, len(toks))
	for _, t := range toks {
		dst = append(dst, Term{Token: t})
	}
	terms := dst[from:]
	a.findWords(terms)
	separableAlts(terms, a.Stem, a.alt)
	elisionAlts(terms, a.split, a.Stem)
	return dst
}

// remembers reports whether the analyser keeps what it finds in words:
// when there is a lexicon to split against; without one, only the stem is
// worth keeping.
func (a *Analyser) remembers() bool { return !a.forget && a.lex != nil && a.words != nil }

// findWords fills in what the analysis finds in each term's word on its
// own: what it remembers, looked up all at once, and the rest found now
// and remembered.
func (a *Analyser) findWords(terms []Term) {
	gen := a.lex.generation()
	if !a.remembers() {
		for i := range terms {
			in := a.find(terms[i].Word, gen)
			in.fill(&terms[i])
		}
		return
	}
	var missing []int
	a.mu.RLock()
	for i := range terms {
		if in := a.words[terms[i].Word]; in != nil && in.gen == gen {
			in.fill(&terms[i])
		} else {
			missing = append(missing, i)
		}
	}
	a.mu.RUnlock()
	if len(missing) == 0 {
		return
	}
	found := make([]*wordInfo, len(missing))
	for k, i := range missing {
		in := a.find(terms[i].Word, gen)
		in.fill(&terms[i])
		found[k] = &in
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	for k, i := range missing {
		a.words[strings.Clone(terms[i].Word)] = found[k] // tokens share their text's memory
	}
}

// info is what the analysis finds in one word on its own, remembered.
func (a *Analyser) info(word string) *wordInfo {
	gen := a.lex.generation()
	if !a.remembers() {
		in := a.find(word, gen)
		return &in
	}
	a.mu.RLock()
	in := a.words[word]
	a.mu.RUnlock()
	if in == nil || in.gen != gen {
		found := a.find(word, gen)
		in = &found
		a.mu.Lock()
		a.words[strings.Clone(word)] = in
		a.mu.Unlock()
	}
	return in
}

// find works out what the analysis finds in one word on its own, against
// the lexicon as of generation gen.
func (a *Analyser) find(word string, gen uint64) wordInfo {
	in := wordInfo{stem: a.Stem(word), stop: IsStop(word), gen: gen}
	if !in.stop {
		in.split = slices.Clip(a.lex.Split(word))
		in.parts = slices.Clip(partKeys(in.split, a.Stem))
		alts := participleAlts(word, in.stem, a.Stem)
		if d := derivedKey(word, in.stem); d != "" && !slices.Contains(alts, d) {
			alts = append(alts, d)
		}
		in.alts = slices.Clip(a.synonymsOf(alts, in))
	}
	return in
}

// synonymsOf adds to a word's alts the keys of the synonyms of its key,
// alts and parts.
func (a *Analyser) synonymsOf(alts []string, in wordInfo) []string {
	if a.syn == nil {
		return alts
	}
	t := Term{Stem: in.stem, Alts: alts}
	add := func(keys []string) {
		for _, k := range keys {
			if g := a.syn.Group(k); g != "" {
				t.addAlt(g)
			}
		}
	}
	add([]string{in.stem})
	add(alts)
	add(in.parts)
	return t.Alts
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
