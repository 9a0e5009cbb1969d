package compare

import (
	"sync"
	"unicode/utf8"

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
	var texts []string
	toks := map[string][]taal.Token{}
	gather := func(s string) {
		if _, ok := toks[s]; !ok && s != "" {
			toks[s] = nil
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
	tokenised := make([][]taal.Token, len(texts))
	inParallel(len(texts), func(i int) { tokenised[i] = taal.Tokens(texts[i]) })
	lex := taal.NewLexicon()
	for i, s := range texts {
		toks[s] = tokenised[i]
		lex.AddTokens(tokenised[i])
	}
	return &Reader{an: taal.NewAnalyser(lex), toks: toks, texts: map[string][]word{}}
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
	terms := r.an.AnalyseTokens(toks)
	out := make([]word, len(terms))
	offsets := byteOffsets(s)
	for i, t := range terms {
		w := word{start: offsets(t.Start), end: offsets(t.End)}
		if !t.Stop && len(t.Word) > 1 {
			w.term = t.Stem
			w.parts = append(append(w.parts, t.Alts...), t.Parts...)
		}
		out[i] = w
	}
	return out
}

// byteOffsets turns rune offsets into a text into byte offsets.
func byteOffsets(s string) func(int) int {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return func(r int) int { return r }
	}
	at := make([]int, 0, len(s)+1)
	for i := range s {
		at = append(at, i)
	}
	at = append(at, len(s))
	return func(r int) int { return at[r] }
}
