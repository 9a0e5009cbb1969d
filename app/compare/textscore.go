package compare

import (
	"math"
	"slices"
)

// analyse reads the words of every element taking part and of the rollen
// that stand for their werkzaamheden, and weighs their terms.
func (t *textStage) analyse() {
	t.core, t.lists = newCorpus(), newCorpus()
	all := append(append([]*Unit{}, t.olds...), t.news...)
	listed := map[*Unit]bool{}
	for _, u := range all {
		f := t.get(u)
		if u.leaf() {
			t.core.add(f.terms)
			if cx := context(u); !listed[cx] {
				listed[cx] = true
				t.lists.add(t.listTerms(t.get(cx)))
			}
		} else {
			t.core.add(f.terms)
			for _, ch := range u.Children {
				f.terms = append(f.terms, t.get(ch).terms...)
			}
		}
	}
	for u, f := range t.feat {
		f.core = t.core.vector(f.terms)
		f.own = f.core.ids
		f.titleVec = t.core.vector(termsOf(f.title))
		if !u.leaf() {
			f.own = t.core.vector(ownTerms(f)).ids
		}
		if listed[u] {
			f.lists = t.lists.vector(t.listTerms(f))
		}
	}
}

// get returns the features of an element, reading its words the first
// time.
func (t *textStage) get(u *Unit) *features {
	if f := t.feat[u]; f != nil {
		return f
	}
	f := &features{title: t.read.words(u.Title), body: t.read.words(u.Body), unit: u}
	f.terms = ownTerms(f)
	f.comps = t.c.names.translate(u.Competenties)
	t.feat[u] = f
	return f
}

// ownTerms are the terms of an element's title (counted twice: it says
// what the element is about) and beschrijving.
func ownTerms(f *features) []string {
	title := termsOf(f.title)
	return append(append(title, title...), termsOf(f.body)...)
}

// listTerms are the terms of an element's lists (kennis, vaardigheden,
// resultaat; a rol's kennis en vaardigheden), read once.
func (t *textStage) listTerms(f *features) []string {
	if f.listed == nil {
		f.listed = []string{}
		for _, k := range listKinds {
			for _, l := range f.unit.Lists[k] {
				f.listed = append(f.listed, termsOf(t.read.words(l.Text))...)
			}
		}
	}
	return f.listed
}

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
// term's weight in it.
type posting struct {
	n int
	w float64
}

// scoreLeaves measures every pair of an old and a new werkproces or
// werkzaamheid that share a term, through an index of the new ones' terms
// (a sparse product: pairs without a shared term cost nothing).
func (t *textStage) scoreLeaves() []candidate {
	var news []*Unit
	postings := make([][]posting, len(t.core.df))
	for _, n := range t.news {
		if !n.leaf() {
			continue
		}
		v := t.feat[n].core
		for k, id := range v.ids {
			postings[id] = append(postings[id], posting{len(news), v.w[k]})
		}
		news = append(news, n)
	}
	var out []candidate
	acc := make([]float64, len(news))
	var touched []int
	ctx := map[*Unit]float64{} // the context of o with each new context
	for _, o := range t.olds {
		if !o.leaf() {
			continue
		}
		clear(ctx)
		v := t.feat[o].core
		for k, id := range v.ids {
			for _, p := range postings[id] {
				if acc[p.n] == 0 {
					touched = append(touched, p.n)
				}
				acc[p.n] += v.w[k] * p.w
			}
		}
		for _, j := range touched {
			text := acc[j]
			acc[j] = 0
			if text < t.c.opt.MinStrength || !t.c.allowed(o, news[j]) {
				continue
			}
			cn := context(news[j])
			cx, ok := ctx[cn]
			if !ok {
				cx = t.context(o, news[j])
				ctx[cn] = cx
			}
			if s := t.strength(o, news[j], text, cx); s >= t.c.opt.MinStrength {
				out = append(out, candidate{o, news[j], s})
			}
		}
		touched = touched[:0]
	}
	return out
}

// context measures how alike the contexts of two elements are: the lists
// and competenties of a werkproces, or of a werkzaamheid's rol.
func (t *textStage) context(o, n *Unit) float64 {
	fo, fn := t.feat[context(o)], t.feat[context(n)]
	return (cosine(fo.lists, fn.lists) + dice(fo.comps, fn.comps)) / 2
}

// strength weighs the likeness of two texts by their context and by how
// much of their titles the other holds. Neither makes a link on its own
// (a rol's werkzaamheden share its context); they rank the counterparts
// that the texts found.
func (t *textStage) strength(o, n *Unit, text, context float64) float64 {
	s := text * (1 - contextWeight + contextWeight*context)
	if title, ok := titleShare(t.feat[o], t.feat[n]); ok {
		s *= 1 - titleWeight + titleWeight*title
	}
	return s
}

// titleShare is how much of each element's title (by weight) the other
// element holds, averaged over the elements that have a title; ok is
// false when neither has one (a werkzaamheid has none).
func titleShare(a, b *features) (float64, bool) {
	sum, n := 0.0, 0
	for _, p := range [][2]*features{{a, b}, {b, a}} {
		title, other := p[0].titleVec, p[1].own
		if len(title.ids) == 0 {
			continue
		}
		got, all := 0.0, 0.0
		for k, id := range title.ids {
			all += title.w[k]
			if _, ok := slices.BinarySearch(other, id); ok {
				got += title.w[k]
			}
		}
		sum += got / all
		n++
	}
	if n == 0 {
		return 0, false
	}
	return sum / float64(n), true
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
