package compare

import (
	"strings"
	"unicode"

	"bcpeditor/app"
)

// word is one word of a text as the comparison sees it: where it stands in
// the text and the terms it stands for: its stem, and the stems of its
// parts when it is a compound. A word without a term (a stopword, a
// number) still holds its place.
type word struct {
	start, end int    // byte offsets in the text
	term       string // "" for a stopword
	parts      []string
}

// analyse splits a text into its words with their terms.
func analyse(s string) []word {
	out := make([]word, 0, len(s)/6)
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := word{start: start, end: end}
		f := app.Fold(s[start:end])
		if len(f) >= 3 && !stopwords[f] {
			w.term = stem(f)
		}
		out = append(out, w)
		start = -1
	}
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(s))
	return out
}

var stopwords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`de het een en van in op te voor met aan door bij als dat die dit er hij zij zijn
		haar is wordt worden om of ook naar over uit tot zo zich kan moet deze welke wat wie waar niet wel nog meer
		hem hen hun ze we wij je u ons onze eigen andere alle over onder tussen tegen zoals eventueel daarbij
		daarnaast waarbij vervolgens hierbij`) {
		stopwords[w] = true
	}
}

// stem strips common Dutch endings so that "klacht" and "klachten",
// "behandelt" and "behandelen" meet.
func stem(w string) string {
	for round := 0; round < 2; round++ {
		cut := false
		for _, suf := range []string{"ingen", "ing", "en", "es", "s", "e", "t"} {
			if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
				w = w[:len(w)-len(suf)]
				cut = true
				break
			}
		}
		if !cut {
			break
		}
	}
	return w
}
