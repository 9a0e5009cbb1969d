package search

import (
	"math/bits"
	"strings"
	"sync"
)

// How well a query word matches a word of the text, out of 100.
const (
	gradeExact    = 100 // the same word
	gradeStem     = 88  // the same stem, or a separable verb, participle or elision of it
	gradePrefix   = 60  // the start of a word: 60 plus up to 19 for how much of it
	gradeCompound = 58  // a part of a compound
	gradeTypo1    = 48  // one typo
	gradeTypoPre1 = 42  // one typo in the start of a word
	gradeTypo2    = 38
	gradeTypoPre2 = 32
	gradeAbbrev   = 25 // letters left out
)

// How the matched letters of a word are highlighted.
const (
	hlWhole  = iota // the whole word
	hlPrefix        // its first n letters
	hlSuffix        // its last n letters (the head of a compound)
)

// hit is how a query word matches one word of the vocabulary.
type hit struct {
	grade uint8
	hl    uint8
	n     uint8 // letters for hlPrefix and hlSuffix
	slots uint8 // how many slots to look in: the start of a word of one letter only titles, of two also lines
}

// source is a posting list that a query word matches, and how well.
type source struct {
	post  []uint32
	grade uint8
	kind  bool // postings of a kind's name
}

// slotOrder is the order in which short prefixes widen: titles, then
// lines, then beschrijvingen.
var slotOrder = [numSlots]int{slotTitle, slotLine, slotBody}

// slotCount is how many slots of slotOrder a hit looks in.
func (h hit) slotCount() int {
	if h.slots == 0 {
		return numSlots
	}
	return int(h.slots)
}

// inSlot reports whether a hit counts in slot s.
func (h hit) inSlot(s int) bool {
	for _, x := range slotOrder[:h.slotCount()] {
		if x == s {
			return true
		}
	}
	return false
}

// matches is everything a query word matches.
type matches struct {
	words map[int32]hit // vocabulary words
	alts  []int32       // stems that texts stand for (their altPost)
	codes []codeHit
	kinds []uint32 // postings of the kind named

	once    sync.Once
	sourced []source // the posting lists of all of the above but codes
}

type codeHit struct {
	docs  []int32 // doc<<1 | 1 when the code is the parent's (a line's)
	grade uint8
}

// wordCache remembers the matches of query words until the index changes:
// typing a query letter by letter asks for the same words again.
type wordCache struct {
	mu  sync.Mutex
	gen int
	m   map[string]*matches
}

func (c *wordCache) get(gen int, key string) *matches {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		return nil
	}
	return c.m[key]
}

func (c *wordCache) put(gen int, key string, m *matches) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen || c.m == nil || len(c.m) > 512 {
		c.gen, c.m = gen, map[string]*matches{}
	}
	c.m[key] = m
}

// match finds what a query word matches. The caller holds the read lock.
func (ix *Index) match(q qword) *matches {
	key := q.key()
	if m := ix.cache.get(ix.gen, key); m != nil {
		return m
	}
	m := &matches{words: map[int32]hit{}}
	if q.code {
		ix.matchCode(q, m)
	} else {
		ix.matchWord(q, m)
	}
	ix.cache.put(ix.gen, key, m)
	return m
}

// better records h for word id unless it already matches better.
func (m *matches) better(id int32, h hit) {
	if old, ok := m.words[id]; !ok || h.grade > old.grade {
		m.words[id] = h
	}
}

func (ix *Index) matchWord(q qword, m *matches) {
	v := &ix.voc
	if id, ok := v.ids[q.text]; ok {
		m.better(id, hit{grade: gradeExact})
	}
	for _, key := range append([]string{q.stem}, q.alts...) {
		if sid, ok := v.stemIDs[key]; ok {
			for _, id := range v.stemWord[sid] {
				m.better(id, hit{grade: gradeStem})
			}
			m.alts = append(m.alts, sid)
		}
	}
	m.kinds = ix.kindPost[q.stem]
	if q.stop {
		return
	}
	slots := uint8(min(len(q.text), numSlots))
	for _, id := range v.withPrefix(q.text) {
		m.better(id, hit{grade: prefixGrade(len(q.text), len(v.words[id])), hl: hlPrefix, n: uint8(min(len(q.text), 255)), slots: slots})
	}
	if len(q.stem) >= 4 {
		ix.matchCompound(q, m)
	}
	if len(q.text) >= 4 {
		ix.matchTypo(q, m)
	}
}

// prefixGrade: a start that is most of the word counts nearly as the word.
func prefixGrade(typed, word int) uint8 {
	return uint8(gradePrefix + 19*typed/max(word, 1))
}

// matchCompound finds the compounds that have the query word as a part:
// first ("onderhandelings|technieken" for "onderhandelen") or last
// ("weerstands|signalen" for "signaal"), split against the vocabulary.
func (ix *Index) matchCompound(q qword, m *matches) {
	v := &ix.voc
	try := func(id int32) {
		if _, ok := m.words[id]; ok && m.words[id].grade >= gradeCompound {
			return
		}
		w := v.words[id]
		parts := v.lex.Split(w)
		for i, p := range parts {
			if ix.an.Stem(p) != q.stem {
				continue
			}
			h := hit{grade: gradeCompound}
			switch {
			case i == len(parts)-1:
				h.hl, h.n = hlSuffix, uint8(min(len(p), 255))
			case i == 0:
				h.hl, h.n = hlPrefix, uint8(min(len(p), 255))
			}
			m.better(id, h)
			return
		}
	}
	for _, sid := range v.stemsEndingIn(q.stem) {
		if len(v.stems[sid]) >= len(q.stem)+3 {
			for _, id := range v.stemWord[sid] {
				try(id)
			}
		}
	}
	for _, id := range v.withPrefix(q.stem) {
		if len(v.words[id]) >= len(q.stem)+3 {
			try(id)
		}
	}
}

// matchTypo finds the words that the query word is a typo or an
// abbreviation of. Only words with the same first letter are tried.
func (ix *Index) matchTypo(q qword, m *matches) {
	v := &ix.voc
	k := 1
	if len(q.text) >= 7 {
		k = 2
	}
	qset := letterSet(q.text)
	for _, id := range v.byFirst[q.text[0]] {
		// Each letter of q missing from w takes an edit.
		if bits.OnesCount32(qset&^v.letters[id]) > k {
			continue
		}
		if h, ok := m.words[id]; ok && h.grade >= gradeTypo1 {
			continue
		}
		w := v.words[id]
		if len(w) < len(q.text)-k {
			continue
		}
		if h, ok := typoHit(q.text, w, k); ok {
			m.better(id, h)
		}
	}
}

// typoHit grades w as what q was meant to be.
func typoHit(q, w string, k int) (hit, bool) {
	full, prefix := typoDistance(q, w, k)
	if full > k {
		full = -1
	}
	if prefix > k {
		prefix = -1
	}
	switch {
	case full == 1:
		return hit{grade: gradeTypo1}, true
	case prefix == 1 && len(q) >= 5:
		return hit{grade: gradeTypoPre1, hl: hlPrefix, n: uint8(min(len(q), 255))}, true
	case full == 2:
		return hit{grade: gradeTypo2}, true
	case prefix == 2 && len(q) >= 7:
		return hit{grade: gradeTypoPre2, hl: hlPrefix, n: uint8(min(len(q), 255))}, true
	case isAbbreviation(q, w):
		return hit{grade: gradeAbbrev}, true
	}
	return hit{}, false
}

// matchCode finds the elements with the code, or with codes that start
// with it ("3." → 3.1 … 3.7).
func (ix *Index) matchCode(q qword, m *matches) {
	for code, docs := range ix.codes {
		switch {
		case code == q.text:
			m.codes = append(m.codes, codeHit{docs, gradeExact})
		case strings.HasPrefix(code, q.text) && len(code) > len(q.text) && isCodeSep(rune(code[len(q.text)])):
			m.codes = append(m.codes, codeHit{docs, prefixGrade(len(q.text), len(code))})
		case strings.HasPrefix(code, q.text) && isCodeSep(rune(q.text[len(q.text)-1])):
			m.codes = append(m.codes, codeHit{docs, prefixGrade(len(q.text), len(code))})
		}
	}
}

// sources are the posting lists a query word's matches point to, made
// once per matches (which live until the index changes).
func (ix *Index) sources(m *matches) []source {
	m.once.Do(func() { m.sourced = ix.makeSources(m) })
	return m.sourced
}

func (ix *Index) makeSources(m *matches) []source {
	out := make([]source, 0, len(m.words)+len(m.alts)+1)
	for id, h := range m.words {
		for _, s := range slotOrder[:h.slotCount()] {
			out = append(out, source{post: ix.voc.posts[s][id], grade: h.grade})
		}
	}
	for _, sid := range m.alts {
		out = append(out, source{post: ix.voc.altPost[sid], grade: gradeStem})
	}
	if m.kinds != nil {
		out = append(out, source{post: m.kinds, grade: gradeExact, kind: true})
	}
	return out
}
