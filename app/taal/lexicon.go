package taal

import (
	"strings"
	"sync"
	"sync/atomic"
)

// Lexicon is a set of known words against which compounds are split. Fill
// it with the words of the texts at hand (AddText) and any word lists;
// Split then finds "klacht" + "afhandeling" in "klachtafhandeling" when
// both are known (the last part may be known in another form:
// "afhandelen" makes "afhandeling" known through its stem).
type Lexicon struct {
	mu    sync.RWMutex
	words map[string]bool
	stems map[string]bool

	stemCache sync.Map      // string → string
	gen       atomic.Uint64 // counts the changes, for those who remember splits
}

// NewLexicon makes a lexicon of the given folded words.
func NewLexicon(words ...string) *Lexicon {
	l := &Lexicon{words: map[string]bool{}, stems: map[string]bool{}}
	l.Add(words...)
	return l
}

// minPart is the shortest part a compound is split into.
const minPart = 3

// Add makes folded words known.
func (l *Lexicon) Add(words ...string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, w := range words {
		l.add(w)
	}
}

// add makes one folded word known; the caller holds the lock.
func (l *Lexicon) add(w string) {
	if len(w) < minPart || l.words[w] || IsStop(w) {
		return
	}
	w = strings.Clone(w) // tokens share their text's memory
	l.words[w] = true
	l.stems[Stem(w)] = true
	l.gen.Add(1)
}

// generation changes whenever a word is added: a split remembered from an
// earlier generation may have changed. A nil lexicon has generation 0.
func (l *Lexicon) generation() uint64 {
	if l == nil {
		return 0
	}
	return l.gen.Load()
}

// AddText makes the words of a text known.
func (l *Lexicon) AddText(text string) { l.AddTokens(Tokens(text)) }

// AddTokens makes the words of a tokenised text known.
func (l *Lexicon) AddTokens(toks []Token) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, t := range toks {
		l.add(t.Word)
	}
}

// Len is the number of known words.
func (l *Lexicon) Len() int {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return len(l.words)
}

// Known reports whether a folded word is in the lexicon as it is.
func (l *Lexicon) Known(word string) bool {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.words[word]
}

// Split splits a folded compound into known words, in order, without the
// linking letters between them: "onderhandelingstechnieken" →
// ["onderhandeling", "technieken"], "klachtenbeleid" → ["klachten",
// "beleid"]. A part is known as it is or, if it is the last or has five
// letters or more, through its stem ("onderhandeling" through
// "onderhandelen"). Of several splits the one with the fewest parts wins,
// then the one with the fewest parts known only through their stem, then
// the one with the fewest linking letters. A word that does not split into
// two or more known parts gives nil.
func (l *Lexicon) Split(word string) []string {
	if l == nil || len(word) < 2*minPart {
		return nil
	}
	l.mu.RLock()
	defer l.mu.RUnlock()
	n := len(word) + 1
	sp := splitter{l: l, word: word, cost: make([]int, n), next: make([]int, n), skip: make([]int, n), done: make([]bool, n)}
	if sp.best(0) == 0 {
		return nil
	}
	var parts []string
	for i := 0; i < len(word); {
		parts = append(parts, word[i:sp.next[i]])
		i = sp.next[i] + sp.skip[i]
	}
	return parts
}

// splitter finds the cheapest split of a word, working out the split of a
// rest of the word only after a known part before it: most of a word's
// substrings are never looked up (nor stemmed).
type splitter struct {
	l    *Lexicon
	word string
	// cost[i]: the cheapest split of word[i:], 0 if none; next[i]: end of
	// its first part, skip[i]: the linking letters after that part;
	// done[i]: cost[i] is worked out.
	cost, next, skip []int
	done             []bool
}

// best is the cost of the cheapest split of word[i:] (the word itself,
// for i > 0, counts as a split of one part), 0 if there is none.
func (sp *splitter) best(i int) int {
	if sp.done[i] {
		return sp.cost[i]
	}
	sp.done[i] = true
	n := len(sp.word)
	if i > 0 { // the whole word itself is no split
		sp.cost[i], sp.next[i] = sp.l.headCost(sp.word[i:]), n
	}
	for j := i + minPart; j <= n-minPart; j++ {
		c := sp.l.modifierCost(sp.word[i:j])
		if c == 0 {
			continue
		}
		for _, link := range links(sp.word, j) {
			k := j + link
			if k > n-minPart {
				continue
			}
			rest := sp.best(k)
			if rest == 0 {
				continue
			}
			if total := c + link + rest; sp.cost[i] == 0 || total < sp.cost[i] {
				sp.cost[i], sp.next[i], sp.skip[i] = total, j, link
			}
		}
	}
	return sp.cost[i]
}

// The cost of a part: a part counts 10, known only through its stem 3
// more; each linking letter 1.
const (
	partCost     = 10
	stemOnlyCost = 3
)

// modifierCost is the cost of w as a part before the last, 0 if it
// cannot be one.
func (l *Lexicon) modifierCost(w string) int {
	switch {
	case l.words[w]:
		return partCost
	case len(w) >= 5 && !IsStop(w) && l.stems[l.stem(w)]:
		return partCost + stemOnlyCost
	}
	return 0
}

// headCost is the cost of w as the last part, 0 if it cannot be one.
func (l *Lexicon) headCost(w string) int {
	switch {
	case IsStop(w):
		return 0
	case l.words[w]:
		return partCost
	case l.stems[l.stem(w)]:
		return partCost + stemOnlyCost
	}
	return 0
}

// stem is Stem, remembered: splitting asks for the stems of many
// substrings, again and again for the same words.
func (l *Lexicon) stem(w string) string {
	if s, ok := l.stemCache.Load(w); ok {
		return s.(string)
	}
	s := Stem(w)
	l.stemCache.Store(strings.Clone(w), s)
	return s
}

// links are the lengths of the linking letters that may follow a part
// ending at j: none, s, e or en ("onderhandeling-s-technieken").
func links(word string, j int) []int {
	out := []int{0}
	if j < len(word) && (word[j] == 's' || word[j] == 'e') {
		out = append(out, 1)
	}
	if j+1 < len(word) && word[j:j+2] == "en" {
		out = append(out, 2)
	}
	return out
}
