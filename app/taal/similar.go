package taal

// Content are the terms of a text that carry meaning: without stop words
// and without one-letter words.
func Content(terms []Term) []Term {
	out := make([]Term, 0, len(terms))
	for _, t := range terms {
		if !t.Stop && len(t.Word) > 1 {
			out = append(out, t)
		}
	}
	return out
}

// KeySet is the set of all keys of the content terms of a text.
func KeySet(terms []Term) map[string]bool {
	set := map[string]bool{}
	for _, t := range Content(terms) {
		for _, k := range t.Keys() {
			set[k] = true
		}
	}
	return set
}

// Similarity is how much two analysed texts share, from 0 (nothing) to 1
// (every content word of each has a key in the other): the share of
// content terms, of both texts together, that meet a key of the other
// text (through stem, separable verb, participle, elision or compound
// part). With a lexicon that knows "account" and "plan", "Stelt een
// accountplan op" and "opstellen van het plan" share both content words
// of the first and both of the second: 1.
func Similarity(a, b []Term) float64 {
	ca, cb := Content(a), Content(b)
	if len(ca)+len(cb) == 0 {
		return 0
	}
	ka, kb := KeySet(a), KeySet(b)
	return float64(meeting(ca, kb)+meeting(cb, ka)) / float64(len(ca)+len(cb))
}

// meeting counts the terms with a key in set.
func meeting(terms []Term, set map[string]bool) int {
	n := 0
	for _, t := range terms {
		for _, k := range t.Keys() {
			if set[k] {
				n++
				break
			}
		}
	}
	return n
}

// Phrase is a run of content words that two texts have in common, as rune
// offsets into each original text.
type Phrase struct {
	Keys                []string // the keys of the shared words, in order
	AStart, AEnd        int      // in the first text
	BStart, BEnd        int      // in the second
	AFirst, BFirst, Len int      // index of the first content term in each, and how many
}

// SharedPhrases finds the longest runs of at least min content words that
// occur in both texts in the same order (stop words between them do not
// count; words meet on their stems). Longest first; a run inside a longer
// one found earlier is left out.
func SharedPhrases(a, b []Term, min int) []Phrase {
	ca, cb := Content(a), Content(b)
	if min < 1 {
		min = 1
	}
	// run[i][j]: length of the common run ending at ca[i-1], cb[j-1].
	run := make([][]int, len(ca)+1)
	for i := range run {
		run[i] = make([]int, len(cb)+1)
	}
	var found []Phrase
	for i := 1; i <= len(ca); i++ {
		for j := 1; j <= len(cb); j++ {
			if ca[i-1].Stem != cb[j-1].Stem {
				continue
			}
			run[i][j] = run[i-1][j-1] + 1
			if run[i][j] >= min && (i == len(ca) || j == len(cb) || ca[i].Stem != cb[j].Stem) {
				found = append(found, phrase(ca, cb, i-run[i][j], j-run[i][j], run[i][j]))
			}
		}
	}
	return longestApart(found)
}

func phrase(ca, cb []Term, i, j, n int) Phrase {
	p := Phrase{AStart: ca[i].Start, AEnd: ca[i+n-1].End, BStart: cb[j].Start, BEnd: cb[j+n-1].End, AFirst: i, BFirst: j, Len: n}
	for k := 0; k < n; k++ {
		p.Keys = append(p.Keys, ca[i+k].Stem)
	}
	return p
}

// longestApart sorts phrases longest first and drops those that overlap
// a longer one in either text.
func longestApart(ps []Phrase) []Phrase {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && ps[j].Len > ps[j-1].Len; j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
	var out []Phrase
	for _, p := range ps {
		ok := true
		for _, q := range out {
			if overlaps(p.AFirst, p.Len, q.AFirst, q.Len) || overlaps(p.BFirst, p.Len, q.BFirst, q.Len) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, p)
		}
	}
	return out
}

func overlaps(a, n, b, m int) bool { return a < b+m && b < a+n }
