package compare

import (
	"sync"
	"unicode/utf8"

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

// reader reads the texts of one comparison with taal's analysis, splitting
// compounds against the words of both profiles. It remembers the lines it
// read: the same kennis and vaardigheden lines come back in many
// werkprocessen.
type reader struct {
	an    *taal.Analyser
	mu    sync.Mutex
	lines map[string][]word
}

// newReader makes a reader whose lexicon holds every word of the given
// elements' titles, texts and lists.
func newReader(units ...[]*Unit) *reader {
	lex := taal.NewLexicon()
	for _, us := range units {
		for _, u := range us {
			lex.AddText(u.Title)
			lex.AddText(u.Body)
			for _, k := range listKinds {
				for _, l := range u.Lists[k] {
					lex.AddText(l.Text)
				}
			}
		}
	}
	return &reader{an: taal.NewAnalyser(lex), lines: map[string][]word{}}
}

// line reads a list line, once per distinct text.
func (r *reader) line(s string) []word {
	r.mu.Lock()
	ws, ok := r.lines[s]
	r.mu.Unlock()
	if !ok {
		ws = r.words(s)
		r.mu.Lock()
		r.lines[s] = ws
		r.mu.Unlock()
	}
	return ws
}

// words splits a text into its words with their terms.
func (r *reader) words(s string) []word {
	terms := r.an.Analyse(s)
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
