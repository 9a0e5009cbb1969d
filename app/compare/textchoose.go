package compare

import (
	"cmp"
	"math"
	"slices"
)

// choose turns candidates into links: each element links to every
// counterpart at least relative × as strong as its strongest, so that one
// werkproces reaches all the werkzaamheden that carry it and one
// werkzaamheid all the werkprocessen it carries; at most maxLinks each.
func (t *textStage) choose(cands []candidate) {
	// By the elements' places in their profiles.
	bestOld, bestNew := make([]float64, len(t.c.old)), make([]float64, len(t.c.new))
	for _, cd := range cands {
		bestOld[cd.o.Index] = max(bestOld[cd.o.Index], cd.s)
		bestNew[cd.n.Index] = max(bestNew[cd.n.Index], cd.s)
	}
	keep := cands[:0]
	for _, cd := range cands {
		if cd.s >= relative*bestOld[cd.o.Index] || cd.s >= relative*bestNew[cd.n.Index] {
			keep = append(keep, cd)
		}
	}
	slices.SortFunc(keep, func(a, b candidate) int { // strongest first; a pair is a candidate once
		if a.s != b.s {
			return cmp.Compare(b.s, a.s)
		}
		if a.o.Index != b.o.Index {
			return cmp.Compare(a.o.Index, b.o.Index)
		}
		return cmp.Compare(a.n.Index, b.n.Index)
	})
	countOld, countNew := make([]int, len(t.c.old)), make([]int, len(t.c.new))
	for _, cd := range keep {
		if countOld[cd.o.Index] >= maxLinks || countNew[cd.n.Index] >= maxLinks {
			continue
		}
		countOld[cd.o.Index]++
		countNew[cd.n.Index]++
		l := t.c.add(&Link{Old: cd.o, New: cd.n, How: ByText})
		l.Strength = round2(cd.s)
	}
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// finish marks the weak links as suggestions and lets each link find what
// the linked texts share when asked. Links the designer made get the
// strength the texts give them.
func (t *textStage) finish() {
	for _, l := range t.c.links {
		fo, fn := t.feat[l.Old], t.feat[l.New]
		if fo == nil || fn == nil {
			continue
		}
		if l.How == ByHand && l.Strength == 0 {
			l.Strength = round2(cosine(fo.core, fn.core))
		}
		l.Suggestion = l.How == ByText && l.Verdict == NoVerdict && l.Strength < t.c.opt.Threshold
		l.texts = t
	}
}
