package compare

// result settles the links and lays out the rows of the side-by-side
// view.
func (c *crosswalk) result() *Result {
	c.sortLinks()
	c.settle()
	r := &Result{Old: c.oldP, New: c.newP, OldUnits: c.old, NewUnits: c.new, Links: c.links,
		status: c.statuses(), ofOld: c.ofOld, ofNew: c.ofNew, oldByID: c.oldByID, newByID: c.newByID}
	r.Rows = c.rows(r.status)
	r.Summary = Summary{}
	for _, row := range r.Rows {
		r.Summary[row.Status]++
	}
	r.Competenties = c.names.diff(allComps(c.old), allComps(c.new))
	return r
}

// rows puts every old element in a row with its links, in the old
// profile's order, and each new element without links after the row of
// the old element whose counterpart precedes it in the new profile.
func (c *crosswalk) rows(status map[*Unit]Status) []Row {
	after := map[int][]*Unit{} // old index → new-only elements after its row; -1: before all
	anchor := -1
	for _, n := range c.new {
		ls := c.ofNew[n]
		if len(ls) == 0 {
			after[anchor] = append(after[anchor], n)
			continue
		}
		anchor = ls[0].Old.Index
		for _, l := range ls[1:] {
			anchor = max(anchor, l.Old.Index)
		}
	}
	rows := make([]Row, 0, len(c.old)+len(c.new))
	newOnly := func(i int) {
		for _, n := range after[i] {
			rows = append(rows, Row{New: n, Status: status[n]})
		}
	}
	newOnly(-1)
	for i, o := range c.old {
		rows = append(rows, Row{Old: o, Links: c.ofOld[o], Status: status[o]})
		newOnly(i)
	}
	return rows
}

func allComps(us []*Unit) []string {
	var out []string
	for _, u := range us {
		out = append(out, u.Competenties...)
	}
	return out
}
