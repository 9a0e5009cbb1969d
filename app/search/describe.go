package search

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"bcpeditor/app"
	"bcpeditor/app/taal"
)

// SnippetRunes is about how long a snippet of a long text is.
const SnippetRunes = 90

// slotMatch is what matched in one field of a document.
type slotMatch struct {
	slot   int
	worth  int     // sum over the query words of their best worth here
	words  int     // how many query words matched here
	ranges []Range // matched letters, rune offsets into the field's text
	pos    [][]int // per query word, the token positions that matched
	shown  *shown  // made once, when the field is the one shown
}

// shown is what a result shows of a field.
type shown struct {
	done       bool
	snippet    string
	highlights []Range
	closeness  int
}

// describe makes the result for a candidate document: where it matched
// best, the snippet and highlights there, its uses and its final score.
//
// Libraries hold many versions of the same profiles: seen remembers, for
// one search, what each field text matched, so that equal texts are
// matched once.
func (ix *Index) describe(d int32, qs []qword, ms []*matches, sc *scratch, f filter, seen map[string]slotMatch) Result {
	doc := &ix.docs[d]
	score, covered := prelim(sc, qs, d)
	r := Result{Item: doc.Item, Parent: doc.parent, WordsMatched: covered, QueryWords: countContent(qs)}
	var best *slotMatch
	slots := ix.matchedSlots(doc, ms)
	for s := 0; s < numSlots; s++ {
		if !slots[s] {
			continue
		}
		key := string(rune('0'+s)) + doc.texts[s]
		m, ok := seen[key]
		if !ok {
			m = ix.matchSlot(doc, s, qs, ms)
			seen[key] = m
		}
		if m.words > 0 && (best == nil || m.worth > best.worth) {
			best = &m
		}
	}
	if best == nil {
		// Only the code or the kind's name matched.
		r.Field = FieldCode
		r.Snippet, _ = snippet(doc.Text, nil)
	} else {
		sh := best.shown
		if !sh.done {
			sh.done = true
			sh.closeness = proximity(best.pos)
			sh.snippet, sh.highlights = snippet(doc.texts[best.slot], best.ranges)
		}
		score += sh.closeness
		r.Field = slotFields[best.slot]
		r.Snippet, r.Highlights = sh.snippet, sh.highlights
	}
	r.Score = score
	if doc.Kind == KindCatalogus {
		ix.withUses(&r, f)
	}
	return r
}

func countContent(qs []qword) int {
	n := 0
	for _, q := range qs {
		if !q.stop {
			n++
		}
	}
	return n
}

// matchSlot finds the tokens of one field that the query words match.
// Words that the text only stands for (a separable verb written apart)
// need the full analysis; other fields are only tokenised.
func (ix *Index) matchSlot(doc *doc, s int, qs []qword, ms []*matches) slotMatch {
	text := doc.texts[s]
	altAt := ix.altsAt(doc, s, ms)
	m := slotMatch{slot: s, pos: make([][]int, len(qs)), shown: &shown{}}
	bestGrade := make([]int, len(qs))
	for _, t := range taal.Tokens(text) {
		wid, known := ix.voc.ids[t.Word]
		for i := range qs {
			h, ok := ms[i].words[wid]
			ok = ok && known && h.inSlot(s)
			if !ok && altAt[t.Index]&(1<<i) != 0 {
				h, ok = hit{grade: gradeStem}, true
			}
			if !ok {
				continue
			}
			m.pos[i] = append(m.pos[i], t.Index)
			m.ranges = append(m.ranges, highlight(text, t, h))
			bestGrade[i] = max(bestGrade[i], int(h.grade))
		}
	}
	for i, g := range bestGrade {
		if g > 0 {
			w := g * slotWeight[s] * int(doc.norm[s]) / 1000
			if qs[i].stop {
				w /= 4
			} else {
				m.words++
			}
			m.worth += w
		}
	}
	return m
}

// matchedSlots are the fields where some query word matches a word or a
// stem the text stands for: only those are tokenised again.
func (ix *Index) matchedSlots(doc *doc, ms []*matches) [numSlots]bool {
	var out [numSlots]bool
	for _, x := range doc.wordIDs {
		wid, s := int32(x>>2), int(x&3)
		if out[s] {
			continue
		}
		for _, m := range ms {
			if h, ok := m.words[wid]; ok && h.inSlot(s) {
				out[s] = true
				break
			}
		}
	}
	for _, x := range doc.altIDs {
		sid, s := int32(x>>2), int(x&3)
		for _, m := range ms {
			for _, y := range m.alts {
				out[s] = out[s] || y == sid
			}
		}
	}
	return out
}

// altsAt are the tokens of a field that stand for a stem a query word
// matches (a separable verb written apart …): token → bit set of query
// words.
func (ix *Index) altsAt(doc *doc, s int, ms []*matches) map[int]uint8 {
	var out map[int]uint8
	for k, x := range doc.altIDs {
		if int(x&3) != s {
			continue
		}
		for i, m := range ms {
			if slices.Contains(m.alts, int32(x>>2)) {
				if out == nil {
					out = map[int]uint8{}
				}
				out[int(doc.altToks[k])] |= 1 << i
			}
		}
	}
	return out
}

// highlight is the stretch of a token to show in bold for a hit: all of
// it, its first n folded letters or its last n.
func highlight(text string, t taal.Token, h hit) Range {
	r := Range{t.Start, t.End}
	if h.hl == hlWhole || int(h.n) >= len(t.Word) {
		return r
	}
	rs := []rune(text[t.ByteStart:t.ByteEnd])
	n := 0
	switch h.hl {
	case hlPrefix:
		for i, c := range rs {
			n += len(taal.FoldRune(c))
			if n >= int(h.n) {
				return Range{t.Start, t.Start + i + 1}
			}
		}
	case hlSuffix:
		for i := len(rs) - 1; i >= 0; i-- {
			n += len(taal.FoldRune(rs[i]))
			if n >= int(h.n) {
				return Range{t.Start + i, t.End}
			}
		}
	}
	return r
}

// proximity rewards query words found close together: up to 60 for each
// word after the first when they stand side by side.
func proximity(pos [][]int) int {
	type p struct{ at, word int }
	var all []p
	words := 0
	for i, ps := range pos {
		if len(ps) > 0 {
			words++
		}
		for _, x := range ps {
			all = append(all, p{x, i})
		}
	}
	if words < 2 {
		return 0
	}
	sort.Slice(all, func(a, b int) bool { return all[a].at < all[b].at })
	// The smallest window holding every matched word.
	count := map[int]int{}
	have, span := 0, 1<<30
	for lo, hi := 0, 0; hi < len(all); hi++ {
		if count[all[hi].word]++; count[all[hi].word] == 1 {
			have++
		}
		for have == words {
			span = min(span, all[hi].at-all[lo].at+1)
			if count[all[lo].word]--; count[all[lo].word] == 0 {
				have--
			}
			lo++
		}
	}
	return 60 * (words - 1) * words / max(span, words)
}

// withUses gives a competentie of a catalogue its uses; when the search
// is narrowed to a profile it becomes that profile's competentie, with
// the uses there.
func (ix *Index) withUses(r *Result, f filter) {
	if f.seg >= 0 {
		r.Uses = append([]Use(nil), f.uses[r.ElementID]...)
		if len(r.Uses) > 0 {
			u := r.Uses[0]
			r.Kind, r.ProfileID, r.ProfileTitle = app.KindCompetentie, u.ProfileID, u.ProfileTitle
			r.ElementID, r.ParentID, r.Code = u.ElementID, u.Parent.ID, u.Parent.Code
			parent := u.Parent
			r.Parent = &parent
		}
		return
	}
	r.Uses = ix.allUses(r.ElementID)
}

// allUses are the uses of a catalogue competentie in every profile,
// sorted; remembered until the index changes. The slice is shared.
func (ix *Index) allUses(id string) []Use {
	c := &ix.uses
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != ix.gen || c.m == nil {
		c.gen, c.m, c.order = ix.gen, map[string][]Use{}, nil
	}
	if us, ok := c.m[id]; ok {
		return us
	}
	if c.order == nil {
		// Each segment's uses are sorted: profiles in title order give
		// all uses sorted.
		for _, seg := range ix.segs {
			if len(seg.uses) > 0 {
				c.order = append(c.order, seg)
			}
		}
		sort.Slice(c.order, func(a, b int) bool {
			x, y := c.order[a], c.order[b]
			if x.title != y.title {
				return x.title < y.title
			}
			return x.num < y.num
		})
	}
	var us []Use
	for _, seg := range c.order {
		us = append(us, seg.uses[id]...)
	}
	c.m[id] = us
	return us
}

// collapsed is a text with its white space made single spaces, and where
// each original rune went.
type collapsed struct {
	text string
	at   []int // original rune index → index in text
}

func collapse(text string) collapsed {
	rs := []rune(text)
	out := make([]rune, 0, len(rs))
	at := make([]int, len(rs)+1)
	space := true // drop leading space
	for i, r := range rs {
		at[i] = len(out)
		if unicode.IsSpace(r) {
			if !space {
				out = append(out, ' ')
			}
			space = true
			continue
		}
		space = false
		out = append(out, r)
	}
	at[len(rs)] = len(out)
	return collapsed{strings.TrimRight(string(out), " "), at}
}

// snippet is the text, or the stretch of about SnippetRunes of it where
// the most highlights are, with the highlights moved into it.
func snippet(text string, ranges []Range) (string, []Range) {
	c := collapse(text)
	rs := []rune(c.text)
	hl := make([]Range, 0, len(ranges))
	for _, r := range ranges {
		s, e := c.at[r.Start], min(c.at[r.End], len(rs))
		if s < e {
			hl = append(hl, Range{s, e})
		}
	}
	hl = mergeRanges(hl)
	if len(rs) <= SnippetRunes {
		return c.text, hl
	}
	start := window(rs, hl)
	end := min(len(rs), start+SnippetRunes)
	if end < len(rs) {
		if sp := lastSpace(rs[start:end]); sp > SnippetRunes/2 {
			end = start + sp
		}
	}
	var out []Range
	shift := start
	prefix := ""
	if start > 0 {
		prefix, shift = "…", start-1
	}
	for _, r := range hl {
		if r.Start >= start && r.End <= end {
			out = append(out, Range{r.Start - shift, r.End - shift})
		}
	}
	s := prefix + string(rs[start:end])
	if end < len(rs) {
		s += "…"
	}
	return s, out
}

// window picks where a snippet starts: a little before the highlight
// after which the most highlights fit, at a word's start.
func window(rs []rune, hl []Range) int {
	best, bestN := 0, -1
	for _, a := range hl {
		start := max(0, a.Start-SnippetRunes/5)
		for start > 0 && rs[start-1] != ' ' {
			start--
		}
		n := 0
		for _, r := range hl {
			if r.Start >= start && r.End <= start+SnippetRunes {
				n++
			}
		}
		if n > bestN {
			best, bestN = start, n
		}
	}
	return best
}

func lastSpace(rs []rune) int {
	for i := len(rs) - 1; i > 0; i-- {
		if rs[i] == ' ' {
			return i
		}
	}
	return 0
}

// mergeRanges sorts ranges and joins those that overlap or touch.
func mergeRanges(rs []Range) []Range {
	sort.Slice(rs, func(a, b int) bool { return rs[a].Start < rs[b].Start })
	var out []Range
	for _, r := range rs {
		if n := len(out); n > 0 && r.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, r.End)
			continue
		}
		out = append(out, r)
	}
	return out
}
