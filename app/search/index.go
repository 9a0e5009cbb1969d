// Package search is the fuzzy index over everything searchable in the
// library: competenties of the catalogues and every element of every
// profile. Matching uses github.com/sahilm/fuzzy on text folded to lower
// case without diacritics, so "beinvloeden" finds "Beïnvloeden"; the
// highlights point into the original text. Several words match in any
// order. The index is built for speed on large libraries: a cheap
// prefilter, narrowing the previous candidates when the query only grew,
// the scan split over the cores, and the expensive scoring only for the
// best candidates.
package search

import (
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/sahilm/fuzzy"

	"bcpeditor/app"
)

// KindCatalogus marks a competentie of a competency model itself (rather
// than its use in a werkproces or rol).
const KindCatalogus app.Kind = "catalogus"

// Item is one searchable thing.
type Item struct {
	Kind         app.Kind
	ProfileID    string // "" for catalogue competenties
	ProfileTitle string // or the catalogue's name
	ElementID    string // the element; for a competentie use, the ref's ID
	ParentID     string // the werkproces or rol a line or competentie belongs to
	Code         string
	Text         string // what is shown and matched
	title        bool   // a title-like item (ranks first)
	folded       string // Text folded: lower case, no diacritics
}

// Result is one hit: the item, its score and the runes of Item.Text that
// matched (for highlighting).
type Result struct {
	Item
	Score   int
	Matched []int
}

// Options narrow a search.
type Options struct {
	ProfileID string            // only this profile's elements
	Kinds     map[app.Kind]bool // only these kinds; nil or empty: all
	Limit     int               // at most this many results; 0: 50
}

// Index is the searchable library. Its methods are safe for concurrent use.
type Index struct {
	mu       sync.RWMutex
	segments map[string][]Item // per profile ID, "" for the catalogues
	all      []*Item           // flattened, rebuilt on change
	gen      int               // bumped on every change

	cacheMu sync.Mutex
	cache   narrowCache
}

// narrowCache remembers which items passed the prefilter for the last
// query, so that a query that only grew scans just those.
type narrowCache struct {
	gen   int
	query string
	cand  []int32
}

// New makes an empty index.
func New() *Index { return &Index{segments: map[string][]Item{}} }

// Build indexes catalogues and profiles.
func Build(cats []*app.Catalogue, profiles []*app.Profile) *Index {
	ix := New()
	ix.SetCatalogues(cats)
	for _, p := range profiles {
		ix.SetProfile(p, cats)
	}
	return ix
}

// Len is the number of items.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.all)
}

// SetCatalogues indexes the competenties of the competency models.
func (ix *Index) SetCatalogues(cats []*app.Catalogue) {
	var items []Item
	for _, c := range cats {
		for _, k := range c.Competenties {
			items = append(items, newItem(Item{Kind: KindCatalogus, ProfileTitle: c.Name, ElementID: k.ID, Code: k.Code, Text: k.Name, title: true}))
		}
	}
	ix.replace("", items)
}

// SetProfile (re)indexes one profile after it was loaded or edited.
func (ix *Index) SetProfile(p *app.Profile, cats []*app.Catalogue) {
	names := map[string]string{}
	if c := app.CatalogueByID(cats, p.CatalogueID); c != nil {
		for _, k := range c.Competenties {
			names[k.ID] = k.Name
		}
	}
	var items []Item
	elems := p.Elements()
	codes := map[string]string{}
	for _, e := range elems {
		codes[e.ID] = e.Code
	}
	for _, e := range elems {
		it := Item{Kind: e.Kind, ProfileID: p.ID, ProfileTitle: p.Title, ElementID: e.ID, Code: e.Code, ParentID: e.ParentID}
		if it.Code == "" {
			it.Code = codes[e.ParentID] // a line or competentie: where it is
		}
		switch e.Kind {
		case app.KindKerntaak, app.KindWerkproces, app.KindRol, app.KindSectie, app.KindTrend, app.KindLijst:
			it.Text, it.title = e.Title, true
		case app.KindCompetentie:
			it.Text, it.title = names[e.Ref], true
		default:
			it.Text = e.Body
		}
		if strings.TrimSpace(it.Text) == "" {
			continue
		}
		items = append(items, newItem(it))
		// Descriptions are searchable too, as the element's text.
		if (e.Kind == app.KindWerkproces || e.Kind == app.KindRol || e.Kind == app.KindSectie || e.Kind == app.KindTrend) && e.Body != "" {
			items = append(items, newItem(Item{Kind: e.Kind, ProfileID: p.ID, ProfileTitle: p.Title, ElementID: e.ID, ParentID: e.ParentID, Code: e.Code, Text: e.Body}))
		}
	}
	ix.replace(p.ID, items)
}

// RemoveProfile drops a deleted profile from the index.
func (ix *Index) RemoveProfile(id string) { ix.replace(id, nil) }

func newItem(it Item) Item {
	it.folded = app.Fold(it.Text)
	return it
}

func (ix *Index) replace(key string, items []Item) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if items == nil {
		delete(ix.segments, key)
	} else {
		ix.segments[key] = items
	}
	keys := make([]string, 0, len(ix.segments))
	for k := range ix.segments {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	ix.all = ix.all[:0]
	for _, k := range keys {
		seg := ix.segments[k]
		for i := range seg {
			ix.all = append(ix.all, &seg[i])
		}
	}
	ix.gen++
}

// Search returns the items that match query, best first.
func (ix *Index) Search(query string, opt Options) []Result {
	words := strings.Fields(app.Fold(query))
	if len(words) == 0 {
		return nil
	}
	if opt.Limit <= 0 {
		opt.Limit = 50
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	keep := opt.Limit * 8
	if keep < 200 {
		keep = 200
	}
	pool := ix.candidates(strings.Join(words, " "), words, opt, keep)
	results := make([]Result, 0, len(pool))
	for _, s := range pool {
		it := ix.all[s.idx]
		if r, ok := score(it, words); ok {
			results = append(results, r)
		}
	}
	sort.SliceStable(results, func(a, b int) bool {
		if results[a].Score != results[b].Score {
			return results[a].Score > results[b].Score
		}
		return len(results[a].Text) < len(results[b].Text)
	})
	if len(results) > opt.Limit {
		results = results[:opt.Limit]
	}
	return results
}

// candidates finds the items whose folded text holds every word's letters
// in order, and returns the best keep of those that pass the filters by a
// cheap score. When the query only grew since the last call (and nothing
// changed), only the last query's matches are scanned.
func (ix *Index) candidates(key string, words []string, opt Options, keep int) []scored {
	ix.cacheMu.Lock()
	c := ix.cache
	ix.cacheMu.Unlock()
	var from []int32
	if c.gen == ix.gen && c.query != "" && extends(key, c.query) {
		from = c.cand
	}
	matches, best := scan(ix.all, from, words, func(it *Item) bool {
		return (opt.ProfileID == "" || it.ProfileID == opt.ProfileID) &&
			(len(opt.Kinds) == 0 || opt.Kinds[it.Kind])
	}, keep)
	ix.cacheMu.Lock()
	ix.cache = narrowCache{gen: ix.gen, query: key, cand: matches}
	ix.cacheMu.Unlock()
	return best
}

// scored is a candidate with its cheap score.
type scored struct {
	idx   int32
	cheap int
}

// topK keeps the k best candidates seen, as a min-heap on the cheap score.
type topK struct {
	k int
	h []scored
}

func (t *topK) push(s scored) {
	if len(t.h) < t.k {
		t.h = append(t.h, s)
		for i := len(t.h) - 1; i > 0; {
			p := (i - 1) / 2
			if t.h[p].cheap <= t.h[i].cheap {
				break
			}
			t.h[p], t.h[i] = t.h[i], t.h[p]
			i = p
		}
		return
	}
	if s.cheap <= t.h[0].cheap {
		return
	}
	t.h[0] = s
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < len(t.h) && t.h[l].cheap < t.h[m].cheap {
			m = l
		}
		if r < len(t.h) && t.h[r].cheap < t.h[m].cheap {
			m = r
		}
		if m == i {
			break
		}
		t.h[m], t.h[i] = t.h[i], t.h[m]
		i = m
	}
}

// extends reports whether every item matching query also matches prev:
// query is prev with letters added at the end of its words, or new words.
func extends(query, prev string) bool {
	pw, qw := strings.Fields(prev), strings.Fields(query)
	if len(qw) < len(pw) {
		return false
	}
	for i, w := range pw {
		if !strings.HasPrefix(qw[i], w) {
			return false
		}
	}
	return true
}

// scan tests items (all, or only those in from) against the words, split
// over the cores. It returns every match (for narrowing the next query)
// and the keep best matches that pass the filter, by cheap score.
func scan(all []*Item, from []int32, words []string, pass func(*Item) bool, keep int) ([]int32, []scored) {
	n := len(all)
	if from != nil {
		n = len(from)
	}
	workers := runtime.GOMAXPROCS(0)
	if n < 4096 || workers < 2 {
		workers = 1
	}
	parts := make([][]int32, workers)
	tops := make([]topK, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		lo, hi := n*w/workers, n*(w+1)/workers
		wg.Add(1)
		go func(w, lo, hi int) {
			defer wg.Done()
			out := make([]int32, 0, (hi-lo)/4)
			top := topK{k: keep}
			// The best cheap score an item that is not a title can reach;
			// once the kept ones all beat it, such items need no scoring.
			bound := (60*len(words))*256 - 1
			for j := lo; j < hi; j++ {
				i := int32(j)
				if from != nil {
					i = from[j]
				}
				it := all[i]
				if !matchesAll(it.folded, words) {
					continue
				}
				out = append(out, i)
				if !it.title && len(top.h) == keep && top.h[0].cheap >= bound {
					continue
				}
				if pass(it) {
					top.push(scored{i, cheapScore(it, words)})
				}
			}
			parts[w], tops[w] = out, top
		}(w, lo, hi)
	}
	wg.Wait()
	total := 0
	for _, p := range parts {
		total += len(p)
	}
	matches := make([]int32, 0, total)
	var best []scored
	for w := range parts {
		matches = append(matches, parts[w]...)
		best = append(best, tops[w].h...)
	}
	if len(best) > keep {
		sort.Slice(best, func(a, b int) bool { return best[a].cheap > best[b].cheap })
		best = best[:keep]
	}
	return matches, best
}

// window is how far the letters of one query word may spread in a text:
// enough for a word typed with letters left out ("klntgericht"), not so
// far that any long beschrijving matches any query by scattered letters.
const window = 40

func matchesAll(text string, words []string) bool {
	for _, w := range words {
		if _, ok := compactMatch(text, w); !ok {
			return false
		}
	}
	return true
}

// compactMatch finds the first place where the letters of w occur in order
// within window bytes, and returns where that stretch starts. Because the
// window does not depend on w, a text that matches a word also matches
// every word it grew from, which keeps narrowing correct.
func compactMatch(text, w string) (int, bool) {
	if w == "" {
		return 0, true
	}
	for from := 0; ; {
		j := strings.IndexByte(text[from:], w[0])
		if j < 0 {
			return 0, false
		}
		start := from + j
		end := min(start+window, len(text))
		if isSubsequence(w[1:], text[start+1:end]) {
			return start, true
		}
		from = start + 1
	}
}

// isSubsequence reports whether the bytes of w occur in s in order.
func isSubsequence(w, s string) bool {
	for i := 0; i < len(w); i++ {
		j := strings.IndexByte(s, w[i])
		if j < 0 {
			return false
		}
		s = s[j+1:]
	}
	return true
}

// cheapScore ranks candidates before the real scoring: titles first, then
// whole words and word starts, then shorter texts. One pass over the
// occurrences of each word.
func cheapScore(it *Item, words []string) int {
	s := 0
	if it.title {
		s += 100
	}
	for _, w := range words {
		s += []int{0, 20, 40, 60}[occurrence(it.folded, w)]
	}
	return s*256 - min(len(it.folded), 255)
}

// occurrence grades how w occurs in s: 3 as a whole word, 2 at a word's
// start, 1 inside a word, 0 not as such.
func occurrence(s, w string) int {
	best := 0
	for i := 0; i <= len(s); {
		j := strings.Index(s[i:], w)
		if j < 0 {
			break
		}
		j += i
		end := j + len(w)
		start := j == 0 || !isLetter(s[j-1])
		switch {
		case start && (end == len(s) || !isLetter(s[end])):
			return 3
		case start:
			best = 2
		case best == 0:
			best = 1
		}
		i = j + 1
	}
	return best
}

// score is the real scoring with sahilm/fuzzy, word by word; the bonuses
// put titles and whole-word matches before scattered letters.
func score(it *Item, words []string) (Result, bool) {
	total := 0
	var matched []int
	for _, w := range words {
		// Score the compact stretch, not the whole text: cheaper on long
		// beschrijvingen, and the highlight shows where the word is.
		start, ok := compactMatch(it.folded, w)
		if !ok {
			return Result{}, false
		}
		end := min(start+window, len(it.folded))
		ms := fuzzy.Find(w, []string{it.folded[start:end]})
		if len(ms) == 0 {
			return Result{}, false
		}
		total += ms[0].Score
		for _, m := range ms[0].MatchedIndexes {
			matched = append(matched, start+m)
		}
		total += []int{0, 10, 25, 40}[occurrence(it.folded, w)]
	}
	if it.title {
		total += 30
	}
	if it.Kind == KindCatalogus {
		total += 5 // the competentie itself before its uses
	}
	return Result{Item: *it, Score: total, Matched: foldedToRunes(it.Text, matched)}, true
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80 }

// foldedToRunes turns byte offsets in the folded text into rune indexes of
// the original text, by folding the original rune by rune.
func foldedToRunes(original string, offsets []int) []int {
	if len(offsets) == 0 {
		return nil
	}
	want := map[int]bool{}
	for _, o := range offsets {
		want[o] = true
	}
	var out []int
	pos := 0
	for ri, r := range []rune(original) {
		f := app.Fold(string(r))
		for k := 0; k < len(f); k++ {
			if want[pos+k] {
				out = append(out, ri)
				break
			}
		}
		pos += len(f)
	}
	sort.Ints(out)
	return out
}

// FoldedTexts returns the folded text of every item (for baselines and
// diagnostics).
func (ix *Index) FoldedTexts() []string {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	out := make([]string, len(ix.all))
	for i, it := range ix.all {
		out[i] = it.folded
	}
	return out
}
