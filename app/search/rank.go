package search

import (
	"sort"
	"sync"

	"bcpeditor/app"
)

// How much a match counts in each field, in percent.
const (
	weightCode = 95
	weightKind = 40
)

var slotWeight = [numSlots]int{100, 60, 55} // title, beschrijving, line

// coverageUnit puts results that match more query words before those
// that match fewer, whatever the quality.
const coverageUnit = 100000

// Search returns the elements that match query, best first: one result
// per element, a competentie once with its uses.
func (ix *Index) Search(query string, opt Options) []Result {
	if opt.Limit <= 0 {
		opt.Limit = 50
	}
	qs := parseQuery(query, ix.an)
	if len(qs) == 0 {
		return nil
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	f := ix.filter(opt)
	ms := make([]*matches, len(qs))
	for i, q := range qs {
		ms[i] = ix.match(q)
	}
	sc := getScratch(len(ix.docs), len(qs))
	defer scratchPool.Put(sc)
	ix.accumulate(sc, ms, f)
	k := opt.Limit
	if countContent(qs) > 1 {
		k += 10 // room for closeness to reorder
	}
	cands := ix.candidates(sc, qs, k)
	results := make([]Result, 0, len(cands))
	seen := map[string]slotMatch{}
	for _, d := range cands {
		results = append(results, ix.describe(d, qs, ms, sc, f, seen))
	}
	sortResults(results)
	if len(results) > opt.Limit {
		results = results[:opt.Limit]
	}
	return results
}

// filter is what Options let through, per document.
type filter struct {
	anyKind bool
	kinds   [32]bool
	seg     int32            // -1: every profile
	uses    map[string][]Use // the profile's competentie uses, when seg is set
	catSeg  int32
}

func (ix *Index) filter(opt Options) filter {
	f := filter{anyKind: len(opt.Kinds) == 0, seg: -1, catSeg: -1}
	for k, ok := range opt.Kinds {
		if ok {
			f.kinds[kindNumber(k)] = true
			if k == app.KindCompetentie {
				f.kinds[kindNumber(KindCatalogus)] = true
			}
		}
	}
	if cat := ix.segs[""]; cat != nil {
		f.catSeg = cat.num
	}
	if opt.ProfileID != "" {
		f.seg = -2 // a profile not in the index: nothing
		if seg := ix.segs[opt.ProfileID]; seg != nil {
			f.seg, f.uses = seg.num, seg.uses
		}
	}
	return f
}

func (ix *Index) pass(f *filter, d uint32) bool {
	if !f.anyKind && !f.kinds[ix.kindNum[d]] {
		return false
	}
	if f.seg == -1 || ix.segNum[d] == f.seg {
		return true
	}
	// A competentie of a catalogue counts for the profile that uses it.
	return ix.segNum[d] == f.catSeg && f.uses[ix.docs[d].ElementID] != nil
}

// scratch holds one search's scores per document and query word.
type scratch struct {
	nq      int
	epoch   uint32
	stamp   []uint32
	scores  []uint16 // doc*nq + word
	touched []int32
}

var scratchPool sync.Pool

func getScratch(docs, nq int) *scratch {
	sc, _ := scratchPool.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	if len(sc.stamp) < docs {
		sc.stamp = make([]uint32, docs+docs/4)
		sc.epoch = 0
	}
	if len(sc.scores) < docs*nq {
		sc.scores = make([]uint16, (docs+docs/4)*maxWords)
	}
	sc.epoch++
	if sc.epoch == 0 { // wrapped: start clean
		clear(sc.stamp)
		sc.epoch = 1
	}
	sc.nq, sc.touched = nq, sc.touched[:0]
	return sc
}

// set raises the score of query word i in document d to s.
func (sc *scratch) set(d uint32, i int, s uint16) {
	base := int(d) * sc.nq
	if sc.stamp[d] != sc.epoch {
		sc.stamp[d] = sc.epoch
		clear(sc.scores[base : base+sc.nq])
		sc.touched = append(sc.touched, int32(d))
	}
	if s > sc.scores[base+i] {
		sc.scores[base+i] = s
	}
}

func (sc *scratch) score(d int32, i int) int { return int(sc.scores[int(d)*sc.nq+i]) }

// accumulate finds, for every document and query word, the best match's
// worth (0–1000): grade × field weight × length norm.
func (ix *Index) accumulate(sc *scratch, ms []*matches, f filter) {
	for i, m := range ms {
		for _, src := range ix.sources(m) {
			g := int(src.grade)
			for _, p := range src.post {
				d := p >> 2
				if ix.dead[d] || !ix.pass(&f, d) {
					continue
				}
				var s int
				if src.kind {
					s = g * weightKind / 10
				} else {
					slot := p & 3
					s = g * slotWeight[slot] * int(ix.norm[d][slot]) / 1000
				}
				sc.set(d, i, uint16(s))
			}
		}
		for _, c := range m.codes {
			own := uint16(int(c.grade) * weightCode / 10)
			for _, x := range c.docs {
				d, s := uint32(x>>1), own
				if x&1 == 1 {
					s /= 2 // a line, under its werkproces's code
				}
				if !ix.dead[d] && ix.pass(&f, d) {
					sc.set(d, i, s)
				}
			}
		}
	}
}

// prelim is a document's score before proximity: coverage first, then
// the sum of its words' worth (function words a quarter).
func prelim(sc *scratch, qs []qword, d int32) (score, covered int) {
	for i, q := range qs {
		s := sc.score(d, i)
		if s == 0 {
			continue
		}
		if q.stop {
			score += s / 4
		} else {
			covered++
			score += s
		}
	}
	return covered*coverageUnit + score, covered
}

// candidates are the k documents with the best preliminary score,
// shorter texts first among equals.
func (ix *Index) candidates(sc *scratch, qs []qword, k int) []int32 {
	h := make(topHeap, 0, k)
	needWord := !allStop(qs)
	for _, d := range sc.touched {
		s, covered := prelim(sc, qs, d)
		if covered == 0 && needWord {
			continue
		}
		key := int64(s)<<12 | int64(4095-min(len(ix.docs[d].Text), 4095))
		h.offer(ranked{key, d}, k)
	}
	out := make([]int32, len(h))
	for i := range out {
		out[i] = h[i].doc
	}
	return out
}

func allStop(qs []qword) bool {
	for _, q := range qs {
		if !q.stop {
			return false
		}
	}
	return true
}

type ranked struct {
	key int64
	doc int32
}

// topHeap keeps the k best: a min-heap, the worst kept on top.
type topHeap []ranked

// offer keeps r if it is among the k best so far.
func (h *topHeap) offer(r ranked, k int) {
	if len(*h) < k {
		*h = append(*h, r)
		h.up(len(*h) - 1)
		return
	}
	if k == 0 || r.key <= (*h)[0].key {
		return
	}
	(*h)[0] = r
	h.down(0)
}

func (h topHeap) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if h[p].key <= h[i].key {
			return
		}
		h[p], h[i] = h[i], h[p]
		i = p
	}
}

func (h topHeap) down(i int) {
	for {
		l, m := 2*i+1, i
		if l < len(h) && h[l].key < h[m].key {
			m = l
		}
		if r := l + 1; r < len(h) && h[r].key < h[m].key {
			m = r
		}
		if m == i {
			return
		}
		h[m], h[i] = h[i], h[m]
		i = m
	}
}

// sortResults orders by score, then shorter text, then profile, code and
// element, so that equal queries give equal lists.
func sortResults(rs []Result) {
	sort.SliceStable(rs, func(a, b int) bool {
		x, y := &rs[a], &rs[b]
		switch {
		case x.Score != y.Score:
			return x.Score > y.Score
		case len(x.Text) != len(y.Text):
			return len(x.Text) < len(y.Text)
		case x.ProfileTitle != y.ProfileTitle:
			return x.ProfileTitle < y.ProfileTitle
		case x.Code != y.Code:
			return codeLess(x.Code, y.Code)
		}
		return x.ElementID < y.ElementID
	})
}
