package compare

import (
	"slices"
	"sync"

	"bcpeditor/app"
	"bcpeditor/app/taal"
)

// word is one word of a text as the comparison sees it: where it stands in
// the text and the terms it stands for: its stem, and the other keys taal
// finds (the parts of a compound, the verb of a separable verb written
// apart or of a participle, the compound an elision stands for). A word
// without a term (a function word) still holds its place.
type word struct {
	start, end int    // byte offsets in the text
	term       string // "" for a function word
	parts      []string
}

// Reader reads the texts of two profiles with taal's analysis, splitting
// compounds against the words of both, and remembers what it read: the
// same kennis and vaardigheden lines come back in many werkprocessen, and
// a view compares the same two profiles again after every verdict of the
// designer (pass the Reader in Options.Reader; texts edited in between are
// read afresh). Safe for concurrent use.
type Reader struct {
	an    *taal.Analyser
	toks  map[string][]taal.Token // the texts of both profiles, tokenised once (read only)
	mu    sync.Mutex
	texts map[string][]word
}

// NewReader makes a reader for comparisons of two profiles.
func NewReader(old, new *app.Profile) *Reader { return newReader(Units(old), Units(new)) }

// newReader makes a reader whose lexicon holds every word of the given
// elements' titles, texts and lists. Each distinct text is tokenised once
// (spread over the processors), for the lexicon and, later, for its
// analysis.
func newReader(units ...[]*Unit) *Reader {
	texts := distinctTexts(units)
	tokenised, met := tokeniseAll(texts)
	lex := taal.NewLexicon()
	for _, words := range met {
		for w := range words {
			lex.Add(w)
		}
	}
	toks := make(map[string][]taal.Token, len(texts))
	for i, s := range texts {
		toks[s] = tokenised[i]
	}
	return &Reader{an: taal.NewAnalyser(lex).WithSynonyms(taal.CommercialSynonyms), toks: toks, texts: map[string][]word{}}
}

// distinctTexts are the titles, texts and lists of the elements, once
// each, without empty ones.
func distinctTexts(units [][]*Unit) []string {
	var texts []string
	seen := map[string]bool{"": true}
	gather := func(s string) {
		if !seen[s] {
			seen[s] = true
			texts = append(texts, s)
		}
	}
	for _, us := range units {
		for _, u := range us {
			gather(u.Title)
			gather(u.Body)
			for _, k := range listKinds {
				for _, l := range u.Lists[k] {
					gather(l.Text)
				}
			}
		}
	}
	return texts
}

// tokeniseAll tokenises the texts, spread over the processors; each
// worker also notes the distinct words it met, for the lexicon.
func tokeniseAll(texts []string) ([][]taal.Token, []map[string]bool) {
	tokenised := make([][]taal.Token, len(texts))
	var mu sync.Mutex
	var met []map[string]bool
	inParallelWith(len(texts), func() map[string]bool {
		words := map[string]bool{}
		mu.Lock()
		met = append(met, words)
		mu.Unlock()
		return words
	}, func(words map[string]bool, i int) {
		tokenised[i] = taal.Tokens(texts[i])
		for _, t := range tokenised[i] {
			words[t.Word] = true
		}
	})
	return tokenised, met
}

// words splits a text into its words with their terms, once per distinct
// text.
func (r *Reader) words(s string) []word {
	r.mu.Lock()
	ws, ok := r.texts[s]
	r.mu.Unlock()
	if !ok {
		ws = r.read(s)
		r.mu.Lock()
		r.texts[s] = ws
		r.mu.Unlock()
	}
	return ws
}

// read analyses one text.
func (r *Reader) read(s string) []word {
	toks, ok := r.toks[s]
	if !ok {
		toks = taal.Tokens(s) // edited since the reader was made
	}
	buf := termBuffers.Get().(*[]taal.Term)
	defer termBuffers.Put(buf)
	terms := r.an.AppendTerms((*buf)[:0], toks)
	*buf = terms
	out := make([]word, len(terms))
	for i, t := range terms {
		w := word{start: t.ByteStart, end: t.ByteEnd}
		if !t.Stop && len(t.Word) > 1 {
			w.term = t.Stem
			w.parts = keysBeside(t)
		}
		out[i] = w
	}
	return out
}

// termBuffers hold the terms of one text while read turns them into words.
var termBuffers = sync.Pool{New: func() any { return new([]taal.Term) }}

// keysBeside are a term's keys besides its stem: its alts and parts. Both
// are only read from here on, so they are shared when one of them is
// empty.
func keysBeside(t taal.Term) []string {
	switch {
	case len(t.Alts) == 0:
		return t.Parts
	case len(t.Parts) == 0:
		return t.Alts
	}
	return append(slices.Clip(t.Alts), t.Parts...)
}
