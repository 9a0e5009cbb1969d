package compare

import (
	"cmp"
	"slices"

	"bcpeditor/app"
)

// Compare links two profiles: every link from an old element to a new one
// whose content carries over, the status of every element, and the rows
// of the side-by-side view. It works in stages, each on the elements the
// stages before it left: the designer's own links, lineage (a new version
// made from the old profile), code, and text.
func Compare(old, new *app.Profile, opt Options) *Result {
	c := newCrosswalk(old, new, opt.withDefaults())
	c.linkByHand()
	c.linkByLineage()
	c.linkByCode()
	c.linkByText()
	return c.result()
}

// crosswalk is a comparison while it is being made.
type crosswalk struct {
	opt              Options
	oldP, newP       *app.Profile
	old, new         []*Unit
	oldByID, newByID map[string]*Unit
	names            *namer
	links            []*Link
	ofOld, ofNew     map[*Unit][]*Link
	pair             map[[2]*Unit]*Link
	exact            map[*Unit]bool     // linked by lineage or code
	rejected         map[[2]string]bool // {old, new} ID; "" stands for any
}

func newCrosswalk(old, new *app.Profile, opt Options) *crosswalk {
	c := &crosswalk{opt: opt, oldP: old, newP: new, old: Units(old), new: Units(new), names: newNamer(opt),
		ofOld: map[*Unit][]*Link{}, ofNew: map[*Unit][]*Link{}, pair: map[[2]*Unit]*Link{},
		exact: map[*Unit]bool{}, rejected: map[[2]string]bool{}}
	c.oldByID, c.newByID = byID(c.old), byID(c.new)
	return c
}

func byID(us []*Unit) map[string]*Unit {
	m := make(map[string]*Unit, len(us))
	for _, u := range us {
		m[u.ID] = u
	}
	return m
}

// add records a link, once per pair of elements.
func (c *crosswalk) add(l *Link) *Link {
	k := [2]*Unit{l.Old, l.New}
	if have := c.pair[k]; have != nil {
		return have
	}
	c.pair[k] = l
	c.links = append(c.links, l)
	c.ofOld[l.Old] = append(c.ofOld[l.Old], l)
	c.ofNew[l.New] = append(c.ofNew[l.New], l)
	return l
}

// allowed reports whether the designer has not ruled the link out.
func (c *crosswalk) allowed(o, n *Unit) bool {
	return len(c.rejected) == 0 || !c.rejected[[2]string{o.ID, n.ID}] && !c.rejected[[2]string{o.ID, ""}] && !c.rejected[[2]string{"", n.ID}]
}

// linkByHand makes the links the designer made or confirmed and notes the
// ones rejected.
func (c *crosswalk) linkByHand() {
	for _, d := range c.opt.Decisions {
		if d.Verdict == Rejected {
			c.rejected[[2]string{d.OldID, d.NewID}] = true
		}
	}
	for _, d := range c.opt.Decisions {
		o, n := c.oldByID[d.OldID], c.newByID[d.NewID]
		if o == nil || n == nil || (d.Verdict != Made && d.Verdict != Confirmed) {
			continue
		}
		how := ByHand
		if d.Verdict == Confirmed {
			how = ByText
		}
		c.add(&Link{Old: o, New: n, How: how, Verdict: d.Verdict})
	}
}

// linkByLineage links each old element to the new elements of the same
// kind that were copied from it, it from them, or both from one element.
func (c *crosswalk) linkByLineage() {
	byOrigin := map[string][]*Unit{}
	for _, n := range c.new {
		if n.Origin != "" {
			byOrigin[n.Origin] = append(byOrigin[n.Origin], n)
		}
	}
	for _, o := range c.old {
		var cands []*Unit
		if n := c.newByID[o.ID]; n != nil {
			cands = append(cands, n)
		}
		cands = append(cands, byOrigin[o.ID]...)
		if o.Origin != "" {
			if n := c.newByID[o.Origin]; n != nil {
				cands = append(cands, n)
			}
			cands = append(cands, byOrigin[o.Origin]...)
		}
		for _, n := range cands {
			if n.Kind == o.Kind && c.allowed(o, n) {
				c.linkExact(o, n, ByLineage)
			}
		}
	}
}

// linkByCode links old and new elements of the same kind and code that
// have no links yet, one to one: a profile typed in again.
func (c *crosswalk) linkByCode() {
	codes := map[string]*Unit{}
	for _, o := range c.old {
		if o.Code != "" && len(c.ofOld[o]) == 0 {
			codes[string(o.Kind)+"|"+o.Code] = o
		}
	}
	for _, n := range c.new {
		o := codes[string(n.Kind)+"|"+n.Code]
		if o != nil && n.Code != "" && len(c.ofNew[n]) == 0 && len(c.ofOld[o]) == 0 && c.allowed(o, n) {
			c.linkExact(o, n, ByCode)
		}
	}
}

func (c *crosswalk) linkExact(o, n *Unit, how string) {
	c.add(&Link{Old: o, New: n, How: how}).Strength = 1
	c.exact[o], c.exact[n] = true, true
}

// sortLinks puts the links in the old profile's order and, per old
// element, firm links before suggestions, each in the new profile's order.
func (c *crosswalk) sortLinks() {
	order := func(a, b *Link) int {
		if a.Old.Index != b.Old.Index {
			return cmp.Compare(a.Old.Index, b.Old.Index)
		}
		if a.Suggestion != b.Suggestion {
			if a.Suggestion {
				return 1
			}
			return -1
		}
		return cmp.Compare(a.New.Index, b.New.Index)
	}
	// A pair of elements has one link: the order is total.
	slices.SortFunc(c.links, order)
	for _, m := range []map[*Unit][]*Link{c.ofOld, c.ofNew} {
		for _, ls := range m {
			slices.SortFunc(ls, order)
		}
	}
}
