package compare

import "bcpeditor/app"

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
				if s := t.strength(o, n, text, t.context(o, n)); s >= c.opt.MinStrength {
					cands = append(cands, candidate{o, n, s})
				}
			}
		}
	}
	t.choose(cands)
	t.choose(t.scoreParents())
	return len(c.links)
}
