package compare

import (
	"slices"

	"bcpeditor/app"
)

// naiveCrosswalk is the naive way to make the same crosswalk: no lineage
// and no code, every old werkproces or werkzaamheid scored against every
// new one (no index of shared terms). It exists as the baseline that the
// benchmarks measure Compare against.
func naiveCrosswalk(old, new *app.Profile, opt Options) int {
	c := newCrosswalk(old, new, opt.withDefaults())
	t := c.newTextStage()
	t.read = newReader(c.old, c.new)
	t.analyse()
	var cands []candidate
	for _, o := range t.olds {
		for _, n := range t.news {
			if !o.leaf() || !n.leaf() {
				continue
			}
			if text := cosine(t.feat[o].core, t.feat[n].core); text >= opt.withDefaults().MinStrength {
				title, ok := titleShare(t.feat[o], t.feat[n])
				if s := strength(text, t.context(o, n), title, ok); s >= c.opt.MinStrength {
					cands = append(cands, candidate{o, n, s})
				}
			}
		}
	}
	t.choose(cands)
	t.choose(t.scoreParents())
	return len(c.links)
}

// titleShare is how much of each element's title (by weight) the other
// element holds, averaged over the elements that have a title: what the
// index adds up on the way, here looked up pair by pair.
func titleShare(a, b *features) (float64, bool) {
	found := func(title vector, other []int32) float64 {
		got := 0.0
		for k, id := range title.ids {
			if _, ok := slices.BinarySearch(other, id); ok {
				got += title.w[k]
			}
		}
		return got
	}
	return meanShare(found(a.titleVec, b.own), a.titleSum, found(b.titleVec, a.own), b.titleSum)
}

// context measures how alike the contexts of two elements are: the lists
// and competenties of a werkproces, or of a werkzaamheid's rol; pair by
// pair, where the scorer works out all contexts of an old element at once.
func (t *textStage) context(o, n *Unit) float64 {
	fo, fn := t.feat[context(o)], t.feat[context(n)]
	return (cosine(fo.lists, fn.lists) + dice(fo.comps, fn.comps)) / 2
}
