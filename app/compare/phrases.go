package compare

import (
	"sort"
	"strings"
)

// Shared phrases: what a reader should see highlighted in two linked
// texts. First the longest runs of words the two texts have in the same
// order (stopwords between them do not break a run) that hold a telling
// word, then the telling single words both use (terms that occur in at
// most a quarter of the texts compared).

const (
	maxPhrases = 6
	maxWords   = 6
)

// seqWord is a content word of an element's title or beschrijving.
type seqWord struct {
	term       int32 // -1 marks the break between title and beschrijving
	inTitle    bool
	start, end int
}

// sequence lists the content words of an element: its title, a break, its
// beschrijving (once per element).
func (t *textStage) sequence(f *features) []seqWord {
	if f.seq != nil {
		return f.seq
	}
	add := func(ws []word, inTitle bool) {
		for _, w := range ws {
			if w.term != "" {
				f.seq = append(f.seq, seqWord{t.core.ids[w.term], inTitle, w.start, w.end})
			}
		}
	}
	add(f.title, true)
	f.seq = append(f.seq, seqWord{term: -1})
	add(f.body, false)
	return f.seq
}

// bigrams indexes where each pair of successive terms stands in an
// element's sequence (once per element).
func (t *textStage) bigrams(f *features) map[[2]int32][]int32 {
	if f.pairs != nil {
		return f.pairs
	}
	b := t.sequence(f)
	f.pairs = make(map[[2]int32][]int32, len(b))
	for j := 0; j+1 < len(b); j++ {
		if b[j].term >= 0 && b[j+1].term >= 0 {
			k := [2]int32{b[j].term, b[j+1].term}
			f.pairs[k] = append(f.pairs[k], int32(j))
		}
	}
	return f.pairs
}

func (w seqWord) text(u *Unit) string {
	if w.inTitle {
		return u.Title[w.start:w.end]
	}
	return u.Body[w.start:w.end]
}

// shared finds the phrases and words two linked elements share, as they
// read in the new one, and the terms they stand for.
func (t *textStage) shared(fo, fn *features) ([]string, map[string]bool) {
	a, b := t.sequence(fo), t.sequence(fn)
	runs := commonRuns(a, b, t.bigrams(fn))
	covered := make([]bool, len(b))
	terms := map[string]bool{}
	var out []string
	seen := map[string]bool{}
	for _, r := range runs {
		if len(out) == maxPhrases {
			break
		}
		if (covered[r[0]] && covered[r[0]+r[1]-1]) || !t.telling(b[r[0]:r[0]+r[1]]) {
			continue
		}
		for k := r[0]; k < r[0]+r[1]; k++ {
			covered[k] = true
			terms[t.core.terms[b[k].term]] = true
		}
		first, last := b[r[0]], b[r[0]+r[1]-1]
		src := fn.unit.Body
		if first.inTitle {
			src = fn.unit.Title
		}
		if p := src[first.start:last.end]; !seen[strings.ToLower(p)] {
			seen[strings.ToLower(p)] = true
			out = append(out, p)
		}
	}
	return append(out, t.sharedWords(fo, fn, covered, terms, seen)...), terms
}

// commonRuns finds the maximal runs of two or more terms that a and b have
// in the same order, as {start in b, length}, longest first.
func commonRuns(a, b []seqWord, at map[[2]int32][]int32) [][2]int {
	best := map[int]int{}
	for i := 0; i+1 < len(a); i++ {
		if a[i].term < 0 || a[i+1].term < 0 {
			continue
		}
		for _, j32 := range at[[2]int32{a[i].term, a[i+1].term}] {
			j := int(j32)
			if i > 0 && j > 0 && a[i-1].term >= 0 && a[i-1].term == b[j-1].term {
				continue // inside a longer run
			}
			k := 2
			for i+k < len(a) && j+k < len(b) && a[i+k].term >= 0 && a[i+k].term == b[j+k].term {
				k++
			}
			best[j] = max(best[j], k)
		}
	}
	out := make([][2]int, 0, len(best))
	for j, k := range best {
		out = append(out, [2]int{j, k})
	}
	sort.Slice(out, func(x, y int) bool {
		if out[x][1] != out[y][1] {
			return out[x][1] > out[y][1]
		}
		return out[x][0] < out[y][0]
	})
	return out
}

// sharedWords adds the telling single words of the new element that the
// old one uses too and no phrase covers, rarest first.
func (t *textStage) sharedWords(fo, fn *features, covered []bool, terms, seen map[string]bool) []string {
	type cand struct {
		text string
		term int32
	}
	var cs []cand
	picked := map[int32]bool{}
	for k, w := range t.sequence(fn) {
		if covered[k] || w.term < 0 || picked[w.term] || !t.rare(w.term) || !fo.has(w.term) {
			continue
		}
		text := w.text(fn.unit)
		name := t.core.terms[w.term]
		if terms[name] || seen[strings.ToLower(text)] {
			continue
		}
		picked[w.term] = true
		seen[strings.ToLower(text)] = true
		cs = append(cs, cand{text, w.term})
	}
	sort.SliceStable(cs, func(i, j int) bool { return t.core.df[cs[i].term] < t.core.df[cs[j].term] })
	var out []string
	for i := 0; i < len(cs) && i < maxWords; i++ {
		out = append(out, cs[i].text)
		terms[t.core.terms[cs[i].term]] = true
	}
	return out
}

// rare reports whether a term occurs in at most a quarter of the texts: a
// word that tells something ("klachten"), not one every text has
// ("accountmanager").
func (t *textStage) rare(id int32) bool { return t.core.df[id]*4 <= t.core.n }

// telling reports whether a phrase holds a rare term: "De (junior)
// accountmanager" is in every text and shows nothing.
func (t *textStage) telling(ws []seqWord) bool {
	for _, w := range ws {
		if w.term >= 0 && t.rare(w.term) {
			return true
		}
	}
	return false
}
