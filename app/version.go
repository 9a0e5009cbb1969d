package app

// NewVersion copies a profile as a new version: every element gets a new
// ID and an origin link to the element it came from, the profile gets the
// given version label, status concept and a status history of its own (the
// original's "vastgesteld 2010" is not this version's), and review notes
// come along on the copied elements.
func NewVersion(p *Profile, label string) *Profile {
	ids := map[string]string{p.ID: NewID()}
	elems := p.Elements()
	for _, e := range elems {
		ids[e.ID] = NewID()
	}
	for i := range elems {
		elems[i].Origin = elems[i].ID
		elems[i].ID = ids[elems[i].ID]
		if elems[i].ParentID != "" {
			elems[i].ParentID = ids[elems[i].ParentID]
		}
	}
	q := &Profile{
		ID: ids[p.ID], Origin: p.ID, CatalogueID: p.CatalogueID, Structure: p.Structure,
	}
	q.SetMeta(p.Meta())
	q.VersionLabel = label
	q.Status = StatusConcept
	q.StatusHistory = nil
	_ = q.Assemble(elems) // elems come from a valid tree
	for _, r := range p.Reviews {
		c := *r
		c.ID = NewID()
		c.ElementID = ids[r.ElementID]
		q.Reviews = append(q.Reviews, &c)
	}
	return q
}

// NewProfile makes an empty profile in the given structure.
func NewProfile(title, beroep string, s Structure, catalogueID string) *Profile {
	return &Profile{ID: NewID(), Title: title, Beroep: beroep, Status: StatusConcept, Structure: s, CatalogueID: catalogueID}
}

// Clone returns a deep copy of the profile: changing the copy (or the
// original) leaves the other as it was. Background work (exports, say)
// works on a clone taken on the goroutine that owns the profile.
func (p *Profile) Clone() *Profile {
	q := *p
	q.SetMeta(p.Meta())
	q.Reviews = nil
	if p.Versions != nil {
		q.Versions = make(map[string]int64, len(p.Versions))
		for id, v := range p.Versions {
			q.Versions[id] = v
		}
	}
	_ = q.Assemble(p.Elements()) // the elements come from a valid tree
	for _, r := range p.Reviews {
		c := *r
		q.Reviews = append(q.Reviews, &c)
	}
	return &q
}
