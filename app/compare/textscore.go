package compare

import "math"

func termsOf(ws []word) []string {
	return appendTerms(make([]string, 0, countTerms(ws)), ws)
}

// countTerms is the number of terms of words.
func countTerms(ws []word) int {
	n := 0
	for _, w := range ws {
		if w.term != "" {
			n++
		}
		n += len(w.parts)
	}
	return n
}

// appendTerms appends the terms of words: each word's stem and its other
// keys.
func appendTerms(out []string, ws []word) []string {
	for _, w := range ws {
		if w.term != "" {
			out = append(out, w.term)
		}
		out = append(out, w.parts...)
	}
	return out
}

// posting is one werkproces or werkzaamheid holding a term, with the
// term's weight in its text (or in its title).
type posting struct {
	n int32
	w float64
}

// newIndex indexes the terms of the new werkprocessen and werkzaamheden,
// and the list terms of their contexts; the workers that score the old
// elements share it, reading only.
type newIndex struct {
	news     []*Unit
	postings [][]posting // per term
	titles   [][]posting // per term: the new elements whose title holds it
	titleSum []float64   // per new element: the sum of its title's weights
	ctxOf    []int       // per new element: the number of its context (rol)
	ctxs     []*features // per context number
	listPost [][]listPosting
}

// listPosting is one context holding a list term, with the term's weight
// in its lists (or one parent holding a term, with its weight).
type listPosting struct {
	cx int
	w  float64
}

// scorer holds the running sums of one old element against the new
// ones: room of its own for each worker.
type scorer struct {
	*newIndex
	ctx     []float64 // per context: its likeness to the old element's, -1 until needed
	lists   []float64 // per context: the product of its lists and the old element's
	bestNew []float64 // per new element: its strongest candidate so far

	sums    []sums // per new element
	touched []int
	mine    []scored // the old element's candidates
}

// sums are the running sums of an old element against a new one: the
// product of their texts, the weight of the old title's terms found in the
// new text and that of the new title's in the old.
type sums struct{ text, title, newTitle float64 }

// candidate with the new element's place in the scorer.
type scored struct {
	candidate
	j int
}

// newIndex indexes the terms of the new werkprocessen and werkzaamheden
// and numbers their contexts.
func (t *textStage) newIndex() *newIndex {
	counts := make([]int, len(t.core.df))
	for _, n := range t.news {
		if n.leaf() {
			for _, id := range t.feat[n].core.ids {
				counts[id]++
			}
		}
	}
	ix := &newIndex{postings: carve[posting](counts), titles: make([][]posting, len(t.core.df)),
		listPost: make([][]listPosting, len(t.lists.df))}
	num := map[*Unit]int{}
	for _, n := range t.news {
		if !n.leaf() {
			continue
		}
		f := t.feat[n]
		j := int32(len(ix.news))
		for k, id := range f.core.ids {
			ix.postings[id] = append(ix.postings[id], posting{j, f.core.w[k]})
		}
		for k, id := range f.titleVec.ids {
			ix.titles[id] = append(ix.titles[id], posting{j, f.titleVec.w[k]})
		}
		ix.titleSum = append(ix.titleSum, f.titleSum)
		cx := context(n)
		if _, ok := num[cx]; !ok {
			num[cx] = len(num)
			fc := t.feat[cx]
			for k, id := range fc.lists.ids {
				ix.listPost[id] = append(ix.listPost[id], listPosting{num[cx], fc.lists.w[k]})
			}
			ix.ctxs = append(ix.ctxs, fc)
		}
		ix.news, ix.ctxOf = append(ix.news, n), append(ix.ctxOf, num[cx])
	}
	return ix
}

// carve makes empty slices with room for counts[i] items each, all in one
// piece of memory.
func carve[T any](counts []int) [][]T {
	total := 0
	for _, c := range counts {
		total += c
	}
	all := make([]T, total)
	out := make([][]T, len(counts))
	at := 0
	for i, c := range counts {
		out[i] = all[at : at : at+c]
		at += c
	}
	return out
}

// scorer makes room for one worker.
func (ix *newIndex) scorer() *scorer {
	k, c := len(ix.news), len(ix.ctxs)
	return &scorer{newIndex: ix, ctx: make([]float64, c), lists: make([]float64, c), bestNew: make([]float64, k),
		sums: make([]sums, k)}
}

// scoreLeaves measures every pair of an old and a new werkproces or
// werkzaamheid that share a term, through an index of the new ones' terms
// (a sparse product: pairs without a shared term cost nothing). The
// shares of the titles found in the other element add up on the way. The
// old elements are spread over the processors.
func (t *textStage) scoreLeaves() []candidate {
	ix := t.newIndex()
	var olds []*Unit
	for _, o := range t.olds {
		if o.leaf() {
			olds = append(olds, o)
		}
	}
	found := make([][]candidate, len(olds))
	inParallelWith(len(olds), ix.scorer, func(sc *scorer, i int) {
		sc.mine = t.scoreOld(sc, olds[i], sc.mine[:0])
		found[i] = t.keep(sc, sc.mine)
	})
	var out []candidate
	for _, f := range found {
		out = append(out, f...)
	}
	return out
}

// keep keeps of one old element's candidates only what choose may keep:
// strong enough for the old element, or for its new element as far as
// that is known yet (a lower bound of its best, so nothing is lost).
func (t *textStage) keep(sc *scorer, mine []scored) []candidate {
	bestOld := 0.0
	for _, cd := range mine {
		bestOld = max(bestOld, cd.s)
	}
	kept := func(cd scored) bool { return cd.s >= relative*bestOld || cd.s >= relative*sc.bestNew[cd.j] }
	n := 0
	for _, cd := range mine {
		if kept(cd) {
			n++
		}
	}
	out := make([]candidate, 0, n)
	for _, cd := range mine {
		if kept(cd) {
			out = append(out, cd.candidate)
		}
	}
	return out
}

// scoreOld measures one old element against the new ones it shares a
// term with. No weighing raises the likeness of the texts, so a pair
// whose texts stay below relative × the strongest candidate's strength,
// and below relative × its new element's best so far, cannot be chosen:
// it is not weighed.
func (t *textStage) scoreOld(sc *scorer, o *Unit, mine []scored) []scored {
	fc := t.feat[context(o)]
	sc.startContexts(fc)
	sc.add(t.feat[o])
	floor := 0.0
	if j := sc.strongest(); j >= 0 {
		if s, ok := t.weighPair(sc, o, fc, j); ok {
			floor = relative * s
		}
	}
	for _, j := range sc.touched {
		if text := sc.sums[j].text; text >= t.c.opt.MinStrength && (text >= floor || text >= relative*sc.bestNew[j]) {
			if s, ok := t.weighPair(sc, o, fc, j); ok {
				mine = append(mine, scored{candidate{o, sc.news[j], s}, j})
				sc.bestNew[j] = max(sc.bestNew[j], s)
			}
		}
		sc.sums[j] = sums{}
	}
	sc.touched = sc.touched[:0]
	return mine
}

// strongest is the new element whose text is likest the old one's, -1 if
// none was touched.
func (sc *scorer) strongest() int {
	best, at := 0.0, -1
	for _, j := range sc.touched {
		if x := sc.sums[j].text; x > best {
			best, at = x, j
		}
	}
	return at
}

// weighPair weighs the likeness of the texts of the old element and new
// element j by their contexts (the old one's is fc) and titles, and
// reports whether the pair is a candidate.
func (t *textStage) weighPair(sc *scorer, o *Unit, fc *features, j int) (float64, bool) {
	m := sc.sums[j]
	if m.text < t.c.opt.MinStrength {
		return 0, false
	}
	title, hasTitle := meanShare(m.title, t.feat[o].titleSum, m.newTitle, sc.titleSum[j])
	cx := sc.ctxOf[j]
	if sc.ctx[cx] < 0 {
		sc.ctx[cx] = (sc.lists[cx] + dice(fc.comps, sc.ctxs[cx].comps)) / 2
	}
	s := strength(m.text, sc.ctx[cx], title, hasTitle)
	return s, s >= t.c.opt.MinStrength && t.c.allowed(o, sc.news[j])
}

// startContexts works out the products of the old element's lists (of its
// context, fc) with those of every new context at once, through the index
// of their terms: the cosines, as the lists vectors have length 1.
func (sc *scorer) startContexts(fc *features) {
	for i := range sc.ctx {
		sc.ctx[i], sc.lists[i] = -1, 0
	}
	for k, id := range fc.lists.ids {
		w := fc.lists.w[k]
		for _, p := range sc.listPost[id] {
			sc.lists[p.cx] += w * p.w
		}
	}
}

// add runs one old element's terms through the index.
func (sc *scorer) add(f *features) {
	for k, id := range f.core.ids {
		w := f.core.w[k]
		for _, p := range sc.postings[id] {
			m := &sc.sums[p.n]
			if m.text == 0 {
				sc.touched = append(sc.touched, int(p.n))
			}
			m.text += w * p.w
		}
	}
	// The titles' terms are in the texts: these pairs were touched.
	for k, id := range f.titleVec.ids {
		w := f.titleVec.w[k]
		for _, p := range sc.postings[id] {
			sc.sums[p.n].title += w
		}
	}
	for _, id := range f.core.ids {
		for _, p := range sc.titles[id] {
			sc.sums[p.n].newTitle += p.w
		}
	}
}

// meanShare averages the shares found/all of the titles that exist.
func meanShare(foundA, allA, foundB, allB float64) (float64, bool) {
	sum, n := 0.0, 0
	if allA > 0 {
		sum, n = sum+foundA/allA, n+1
	}
	if allB > 0 {
		sum, n = sum+foundB/allB, n+1
	}
	if n == 0 {
		return 0, false
	}
	return sum / float64(n), true
}

// strength weighs the likeness of two texts by their context and by how
// much of their titles the other holds (when one has a title). Neither
// makes a link on its own (a rol's werkzaamheden share its context); they
// rank the counterparts that the texts found.
func strength(text, context, title float64, hasTitle bool) float64 {
	s := text * (1 - contextWeight + contextWeight*context)
	if hasTitle {
		s *= 1 - titleWeight + titleWeight*title
	}
	return s
}

// scoreParents measures every pair of an old and a new kerntaak or rol:
// by their texts (with their children's) and by how much of the links of
// their children run between them.
func (t *textStage) scoreParents() []candidate {
	mass := t.childLinks()
	parents, texts := t.parentTexts()
	var out []candidate
	for _, o := range t.olds {
		if o.leaf() {
			continue
		}
		text := texts(t.feat[o])
		for j, n := range parents {
			if !t.c.allowed(o, n) {
				continue
			}
			child := 0.0
			if m := mass.between[[2]*Unit{o, n}]; m > 0 {
				child = math.Sqrt(m / mass.from[o] * m / mass.to[n])
			}
			if s := math.Max(text[j], (text[j]+child)/2); s >= t.c.opt.MinStrength {
				out = append(out, candidate{o, n, s})
			}
		}
	}
	return out
}

// linkMass is how much of the links of the children of the kerntaken and
// rollen runs between two of them, and from and to each.
type linkMass struct {
	between  map[[2]*Unit]float64
	from, to map[*Unit]float64
}

// childLinks adds up the strengths of the links between the children of
// the kerntaken and rollen (a suggestion counts as much as a firm link at
// the threshold).
func (t *textStage) childLinks() linkMass {
	m := linkMass{between: map[[2]*Unit]float64{}, from: map[*Unit]float64{}, to: map[*Unit]float64{}}
	for _, l := range t.c.links {
		po, pn := l.Old.Parent, l.New.Parent
		if po == nil || pn == nil || !l.Old.leaf() || !l.New.leaf() {
			continue
		}
		s := math.Max(l.Strength, t.c.opt.Threshold)
		m.between[[2]*Unit{po, pn}] += s
		m.from[po] += s
		m.to[pn] += s
	}
	return m
}

// parentTexts indexes the terms of the new kerntaken and rollen and
// returns them with a function that gives the likeness of an old one's
// texts to each of them (in their order): the cosines with all at once,
// through the index. The slice it returns is reused by the next call.
func (t *textStage) parentTexts() ([]*Unit, func(*features) []float64) {
	var parents []*Unit
	postings := make([][]listPosting, len(t.core.df)) // per term: the new parents holding it, with its weight
	for _, n := range t.news {
		if !n.leaf() {
			f := t.feat[n]
			for k, id := range f.core.ids {
				postings[id] = append(postings[id], listPosting{len(parents), f.core.w[k]})
			}
			parents = append(parents, n)
		}
	}
	text := make([]float64, len(parents))
	return parents, func(f *features) []float64 {
		clear(text)
		for k, id := range f.core.ids {
			for _, p := range postings[id] {
				text[p.cx] += f.core.w[k] * p.w
			}
		}
		return text
	}
}
