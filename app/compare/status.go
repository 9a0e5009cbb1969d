package compare

import "sort"

// firmLinks are an element's links that count for its status.
func firmLinks(ls []*Link) []*Link {
	var out []*Link
	for _, l := range ls {
		if l.firm() {
			out = append(out, l)
		}
	}
	return out
}

// settle diffs the one-to-one links between elements of the same kind and
// finds which of them moved: to another parent, or elsewhere among the
// same siblings.
func (c *crosswalk) settle() {
	var ones []*Link
	for _, l := range c.links {
		if !l.firm() || len(firmLinks(c.ofOld[l.Old])) != 1 || len(firmLinks(c.ofNew[l.New])) != 1 {
			continue
		}
		if l.Old.Kind != l.New.Kind {
			l.Changed = true // a werkproces became a werkzaamheid: no word diff
			continue
		}
		l.Diff, l.Changed = diffUnits(l.Old, l.New, c.names)
		l.Moved = c.otherParent(l)
		ones = append(ones, l)
	}
	c.markReordered(ones)
}

// otherParent reports whether the new element stands under a parent that
// its old element's parent is not linked to.
func (c *crosswalk) otherParent(l *Link) bool {
	po, pn := l.Old.Parent, l.New.Parent
	if po == nil || pn == nil {
		return po != pn
	}
	pl := c.pair[[2]*Unit{po, pn}]
	return pl == nil || !pl.firm()
}

// markReordered marks as moved the fewest one-to-one links that explain
// how a list of siblings was reordered: per pair of linked parents, the
// links outside the longest run that keeps its order.
func (c *crosswalk) markReordered(ones []*Link) {
	groups := map[[2]*Unit][]*Link{}
	var keys [][2]*Unit
	for _, l := range ones {
		if l.Moved {
			continue
		}
		k := [2]*Unit{l.Old.Parent, l.New.Parent}
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], l)
	}
	for _, k := range keys {
		g := groups[k]
		sort.Slice(g, func(i, j int) bool { return g[i].Old.Position < g[j].Old.Position })
		keep := longestIncreasing(g)
		for i, l := range g {
			if !keep[i] {
				l.Moved = true
			}
		}
	}
}

// longestIncreasing marks the longest run of links (in old order) whose
// new positions increase: patience sorting, O(n log n).
func longestIncreasing(g []*Link) []bool {
	var tails []int // index into g of the last link of the best run of each length
	prev := make([]int, len(g))
	for i, l := range g {
		p := l.New.Position
		at := sort.Search(len(tails), func(k int) bool { return g[tails[k]].New.Position >= p })
		prev[i] = -1
		if at > 0 {
			prev[i] = tails[at-1]
		}
		if at == len(tails) {
			tails = append(tails, i)
		} else {
			tails[at] = i
		}
	}
	keep := make([]bool, len(g))
	if len(tails) > 0 {
		for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
			keep[i] = true
		}
	}
	return keep
}

// statuses gives every element of both sides its status.
func (c *crosswalk) statuses() map[*Unit]Status {
	st := make(map[*Unit]Status, len(c.old)+len(c.new))
	for _, o := range c.old {
		fl := firmLinks(c.ofOld[o])
		switch {
		case len(fl) == 0:
			st[o] = Removed
		case len(fl) > 1:
			st[o] = Split
		case len(firmLinks(c.ofNew[fl[0].New])) > 1:
			st[o] = Merged
		default:
			st[o] = oneToOne(fl[0])
		}
	}
	for _, n := range c.new {
		fl := firmLinks(c.ofNew[n])
		switch {
		case len(fl) == 0:
			st[n] = Added
		case len(fl) > 1:
			st[n] = Merged
		case len(firmLinks(c.ofOld[fl[0].Old])) > 1:
			st[n] = Split
		default:
			st[n] = oneToOne(fl[0])
		}
	}
	return st
}

func oneToOne(l *Link) Status {
	switch {
	case l.Moved:
		return Moved
	case l.Changed:
		return Modified
	}
	return Unchanged
}
