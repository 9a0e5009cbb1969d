package search

import (
	"sort"
	"strings"

	"bcpeditor/app/taal"
)

// vocab is the index's vocabulary: every word that occurs (stop words
// left out), its stem, and where it occurs. Words are never forgotten
// while the index lives; their postings are.
type vocab struct {
	ids      map[string]int32 // word → word ID
	words    []string         // by word ID
	stemOf   []int32          // word ID → stem ID
	stemIDs  map[string]int32 // stem → stem ID
	stems    []string         // by stem ID
	stemWord [][]int32        // stem ID → its words

	// slot → word ID → postings (doc<<2 | slot): titles, beschrijvingen
	// and lines apart, so that a query of one letter looks only at titles,
	// of two only at titles and lines.
	posts   [numSlots][][]uint32
	altPost [][]uint32 // stem ID → postings of docs that stand for it (separable verbs …)

	sorted   sortedSet // word IDs in word order, for prefixes
	revStem  []string  // stem ID → the stem reversed
	revStems sortedSet // stem IDs in order of the reversed stem, for compound heads
	byFirst  map[byte][]int32
	letters  []uint32 // word ID → the set of its letters a–z, as bits
	lex      *taal.Lexicon
}

func newVocab() vocab {
	return vocab{ids: map[string]int32{}, stemIDs: map[string]int32{}, byFirst: map[byte][]int32{}, lex: taal.NewLexicon()}
}

// word returns the ID of a word, adding it with its stem if new.
func (v *vocab) word(w, stem string) int32 {
	if id, ok := v.ids[w]; ok {
		return id
	}
	w = strings.Clone(w) // not the whole text a token was cut from
	id := int32(len(v.words))
	v.ids[w] = id
	v.words = append(v.words, w)
	s := v.stem(stem)
	v.stemOf = append(v.stemOf, s)
	v.stemWord[s] = append(v.stemWord[s], id)
	for s := range v.posts {
		v.posts[s] = append(v.posts[s], nil)
	}
	v.sorted.add(id)
	v.byFirst[w[0]] = append(v.byFirst[w[0]], id)
	v.letters = append(v.letters, letterSet(w))
	v.lex.Add(w)
	return id
}

// stem returns the ID of a stem, adding it if new.
func (v *vocab) stem(s string) int32 {
	if id, ok := v.stemIDs[s]; ok {
		return id
	}
	s = strings.Clone(s)
	id := int32(len(v.stems))
	v.stemIDs[s] = id
	v.stems = append(v.stems, s)
	v.stemWord = append(v.stemWord, nil)
	v.altPost = append(v.altPost, nil)
	v.revStem = append(v.revStem, reversed(s))
	v.revStems.add(id)
	return id
}

// settle puts new words and stems in their sorted places.
func (v *vocab) settle() {
	v.sorted.settle(func(id int32) string { return v.words[id] })
	v.revStems.settle(func(id int32) string { return v.revStem[id] })
}

// withPrefix is the word IDs whose word starts with p.
func (v *vocab) withPrefix(p string) []int32 {
	return v.sorted.withPrefix(p, func(id int32) string { return v.words[id] })
}

// stemsEndingIn is the stem IDs whose stem ends in s.
func (v *vocab) stemsEndingIn(s string) []int32 {
	return v.revStems.withPrefix(reversed(s), func(id int32) string { return v.revStem[id] })
}

// letterSet is the set of the letters a–z in w, as bits.
func letterSet(w string) uint32 {
	var m uint32
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'a' && c <= 'z' {
			m |= 1 << (c - 'a')
		}
	}
	return m
}

func reversed(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

// sortedSet keeps IDs in the order of their keys; IDs added since the
// last settle wait at the end.
type sortedSet struct {
	ids   []int32
	fresh int
}

func (s *sortedSet) add(id int32) {
	s.ids = append(s.ids, id)
	s.fresh++
}

// settle puts the fresh IDs in place: one by one when few came (an edit),
// by sorting when many did (a whole library at once).
func (s *sortedSet) settle(key func(int32) string) {
	if s.fresh == 0 {
		return
	}
	if s.fresh > 64 || s.fresh == len(s.ids) {
		sort.Slice(s.ids, func(a, b int) bool { return key(s.ids[a]) < key(s.ids[b]) })
		s.fresh = 0
		return
	}
	fresh := append([]int32(nil), s.ids[len(s.ids)-s.fresh:]...)
	old := s.ids[:len(s.ids)-s.fresh]
	for _, id := range fresh {
		i := sort.Search(len(old), func(k int) bool { return key(old[k]) >= key(id) })
		old = append(old, 0)
		copy(old[i+1:], old[i:])
		old[i] = id
	}
	s.ids, s.fresh = old, 0
}

// withPrefix is the settled IDs whose key starts with p.
func (s *sortedSet) withPrefix(p string, key func(int32) string) []int32 {
	ids := s.ids[:len(s.ids)-s.fresh]
	lo := sort.Search(len(ids), func(k int) bool { return key(ids[k]) >= p })
	hi := lo
	for hi < len(ids) && strings.HasPrefix(key(ids[hi]), p) {
		hi++
	}
	return ids[lo:hi]
}
