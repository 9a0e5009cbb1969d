package compare

import "math"

func termsOf(ws []word) []string {
	var out []string
	for _, w := range ws {
		if w.term != "" {
			out = append(out, w.term)
		}
		out = append(out, w.parts...)
	}
	return out
}

// posting is one werkproces or werkzaamheid holding a term, with the
// term's weight in its text and in its title.
type posting struct {
	n     int
	w, tw float64
}

// scorer holds the running sums of one old element against the new ones.
type scorer struct {
	text, title, newTitle []float64 // per new element: text product, own title found, its title found
	touched               []int
}

// scoreLeaves measures every pair of an old and a new werkproces or
// werkzaamheid that share a term, through an index of the new ones' terms
// (a sparse product: pairs without a shared term cost nothing). The
// shares of the titles found in the other element add up on the way.
func (t *textStage) scoreLeaves() []candidate {
	var news []*Unit
	var newsF []*features
	postings := make([][]posting, len(t.core.df))
	for _, n := range t.news {
		if !n.leaf() {
			continue
		}
		f := t.feat[n]
		newsF = append(newsF, f)
		titleW := weightsOf(f.titleVec)
		for k, id := range f.core.ids {
			postings[id] = append(postings[id], posting{len(news), f.core.w[k], titleW(id)})
		}
		news = append(news, n)
	}
	// The contexts (rollen) of the new elements, numbered, and per old
	// element its likeness to each (worked out when first needed).
	ctxOf := make([]int, len(news))
	var ctxs []*Unit
	num := map[*Unit]int{}
	for j, n := range news {
		cx := context(n)
		if _, ok := num[cx]; !ok {
			num[cx] = len(ctxs)
			ctxs = append(ctxs, cx)
		}
		ctxOf[j] = num[cx]
	}
	ctx := make([]float64, len(ctxs))
	var out []candidate
	type scored struct {
		candidate
		j int
	}
	var mine []scored
	bestNew := make([]float64, len(news)) // so far: a lower bound of the final best
	sc := &scorer{text: make([]float64, len(news)), title: make([]float64, len(news)), newTitle: make([]float64, len(news))}
	for _, o := range t.olds {
		if !o.leaf() {
			continue
		}
		for i := range ctx {
			ctx[i] = -1
		}
		fo := t.feat[o]
		sc.add(fo, postings)
		bestOld := 0.0
		mine = mine[:0]
		for _, j := range sc.touched {
			text, title, ok := sc.take(j, fo, newsF[j])
			if text < t.c.opt.MinStrength {
				continue
			}
			if ctx[ctxOf[j]] < 0 {
				ctx[ctxOf[j]] = t.context(o, news[j])
			}
			s := strength(text, ctx[ctxOf[j]], title, ok)
			if s >= t.c.opt.MinStrength && t.c.allowed(o, news[j]) {
				mine = append(mine, scored{candidate{o, news[j], s}, j})
				bestOld, bestNew[j] = max(bestOld, s), max(bestNew[j], s)
			}
		}
		// Only what choose may keep: strong enough for o, or for its new
		// element as far as that is known yet.
		for _, cd := range mine {
			if cd.s >= relative*bestOld || cd.s >= relative*bestNew[cd.j] {
				out = append(out, cd.candidate)
			}
		}
		sc.touched = sc.touched[:0]
	}
	return out
}

// add runs one old element's terms through the index.
func (sc *scorer) add(f *features, postings [][]posting) {
	titleW := weightsOf(f.titleVec)
	for k, id := range f.core.ids {
		w, tw := f.core.w[k], titleW(id)
		for _, p := range postings[id] {
			if sc.text[p.n] == 0 {
				sc.touched = append(sc.touched, p.n)
			}
			sc.text[p.n] += w * p.w
			sc.title[p.n] += tw
			sc.newTitle[p.n] += p.tw
		}
	}
}

// take reads and clears the sums for one new element: the likeness of the
// texts and how much of the titles the other holds (ok: one has a title).
func (sc *scorer) take(j int, fo, fn *features) (text, title float64, ok bool) {
	text, a, b := sc.text[j], sc.title[j], sc.newTitle[j]
	sc.text[j], sc.title[j], sc.newTitle[j] = 0, 0, 0
	title, ok = meanShare(a, fo.titleSum, b, fn.titleSum)
	return text, title, ok
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

// weightsOf looks up term weights in a vector, for terms asked in
// increasing order (a merge walk).
func weightsOf(v vector) func(id int32) float64 {
	k := 0
	return func(id int32) float64 {
		for k < len(v.ids) && v.ids[k] < id {
			k++
		}
		if k < len(v.ids) && v.ids[k] == id {
			return v.w[k]
		}
		return 0
	}
}

// context measures how alike the contexts of two elements are: the lists
// and competenties of a werkproces, or of a werkzaamheid's rol.
func (t *textStage) context(o, n *Unit) float64 {
	fo, fn := t.feat[context(o)], t.feat[context(n)]
	return (cosine(fo.lists, fn.lists) + dice(fo.comps, fn.comps)) / 2
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
	mass := map[[2]*Unit]float64{}
	from, to := map[*Unit]float64{}, map[*Unit]float64{}
	for _, l := range t.c.links {
		po, pn := l.Old.Parent, l.New.Parent
		if po == nil || pn == nil || !l.Old.leaf() || !l.New.leaf() {
			continue
		}
		s := math.Max(l.Strength, t.c.opt.Threshold)
		mass[[2]*Unit{po, pn}] += s
		from[po] += s
		to[pn] += s
	}
	var out []candidate
	for _, o := range t.olds {
		if o.leaf() {
			continue
		}
		for _, n := range t.news {
			if n.leaf() || !t.c.allowed(o, n) {
				continue
			}
			text := cosine(t.feat[o].core, t.feat[n].core)
			child := 0.0
			if m := mass[[2]*Unit{o, n}]; m > 0 {
				child = math.Sqrt(m / from[o] * m / to[n])
			}
			if s := math.Max(text, (text+child)/2); s >= t.c.opt.MinStrength {
				out = append(out, candidate{o, n, s})
			}
		}
	}
	return out
}
