package app

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
)

// Editing together: every element and the profile's own fields carry a
// version. An editor sends the versions it last saw with every change; the
// library compares them with what it holds, inside the change's
// transaction, and refuses the whole change with a *ConflictError when
// someone else changed (or deleted) one of those elements meanwhile.
// Nothing is overwritten silently: the designer chooses to keep their own
// text (Editor.KeepMine) or to take what is stored (Editor.ApplyRemote).

// ConflictError is a change refused because someone else changed what it
// touches since this editor loaded it. Each conflict has the designer's
// version as Local (nil: the change removes it) and the stored one as
// Incoming (nil: removed by someone else), so that the window can show both
// in the merge view.
type ConflictError struct {
	ProfileID string
	Conflicts []Conflict
	// Versions are the stored versions of the conflicting elements that
	// are stored ("" for the profile's own fields); an element missing here
	// is not stored.
	Versions map[string]int64
}

func (e *ConflictError) Error() string {
	whats := make([]string, len(e.Conflicts))
	for i, c := range e.Conflicts {
		whats[i] = c.What
	}
	return "Iemand anders heeft intussen gewijzigd wat u wilde opslaan (" + strings.Join(whats, "; ") +
		"). Uw wijziging is niet opgeslagen: kies of u uw eigen tekst houdt of die van de ander overneemt."
}

// StoredElement is an element as the library holds it, with its version.
type StoredElement struct {
	Element
	Version int64
}

// DrawVersion draws the version a change stamps: a random positive number,
// so that writers never need to agree on a counter and an element deleted
// and written again never gets a version seen before.
func DrawVersion() int64 { return rand.Int64N(1<<62) + 1 }

// Checked reports whether the change carries versions to check.
func (c ChangeSet) Checked() bool { return c.Version != 0 }

// CheckIDs lists what a library must read to check the change: the
// elements it upserts or deletes and the parents of what it upserts (ids),
// and the elements whose stored children it must see (deleted: the
// elements it deletes).
func (c ChangeSet) CheckIDs() (ids, deleted []string) {
	seen := map[string]bool{}
	add := func(id string) {
		if id != "" && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, u := range c.Upserts {
		add(u.ID)
		add(u.ParentID)
	}
	for _, id := range c.Deletes {
		add(id)
	}
	sort.Strings(ids)
	deleted = append(deleted, c.Deletes...)
	sort.Strings(deleted)
	return ids, deleted
}

// Check compares the change with what the library holds: rows are every
// stored element of the profile whose ID CheckIDs named or whose parent is
// one of the deleted ones; meta and metaVersion the profile's own fields
// as stored. It returns a *ConflictError naming everything someone else
// changed meanwhile, or nil. An unchecked change always passes.
func (c ChangeSet) Check(profileID string, rows []StoredElement, meta ProfileMeta, metaVersion int64) error {
	if !c.Checked() {
		return nil
	}
	stored := make(map[string]StoredElement, len(rows))
	for _, r := range rows {
		stored[r.ID] = r
	}
	ce := &ConflictError{ProfileID: profileID, Versions: map[string]int64{}}
	c.checkUpserts(stored, ce)
	c.checkDeletes(stored, rows, ce)
	if c.Meta != nil && metaVersion != c.ExpectMeta && !metaSame(meta, *c.Meta) {
		m, mine := meta, *c.Meta
		ce.Conflicts = append(ce.Conflicts, Conflict{LocalMeta: &mine, IncomingMeta: &m, What: "profielgegevens (titel, versie, status, colofon)"})
		ce.Versions[""] = metaVersion
	}
	if len(ce.Conflicts) == 0 {
		return nil
	}
	return ce
}

// checkUpserts: each upserted element must be stored as the editor saw it
// (or absent when it did not have it), under a parent that is still there.
func (c ChangeSet) checkUpserts(stored map[string]StoredElement, ce *ConflictError) {
	upserted, deleted := map[string]bool{}, map[string]bool{}
	for _, u := range c.Upserts {
		upserted[u.ID] = true
	}
	for _, id := range c.Deletes {
		deleted[id] = true
	}
	for _, u := range c.Upserts {
		u := u
		s, present := stored[u.ID]
		want, had := c.Expect[u.ID]
		switch {
		case had && !present:
			ce.add(u.ID, &u, nil, 0)
		case !had && present && s.Element != u:
			ce.add(u.ID, &u, &s.Element, s.Version)
		case had && present && s.Version != want && s.Element != u:
			ce.add(u.ID, &u, &s.Element, s.Version)
		}
		checkParent(u, stored, upserted, deleted, ce)
	}
}

// checkParent: the parent of an upserted element must still be stored (or
// come with the change).
func checkParent(u Element, stored map[string]StoredElement, upserted, deleted map[string]bool, ce *ConflictError) {
	if p := u.ParentID; p != "" && !upserted[p] {
		if _, ok := stored[p]; !ok || deleted[p] {
			ce.add(p, nil, nil, 0)
		}
	}
}

// checkDeletes: a deleted element must not have changed meanwhile, and no
// one may have put something new under it.
func (c ChangeSet) checkDeletes(stored map[string]StoredElement, rows []StoredElement, ce *ConflictError) {
	deleted := map[string]bool{}
	for _, id := range c.Deletes {
		deleted[id] = true
	}
	for _, id := range c.Deletes {
		s, present := stored[id]
		if want, had := c.Expect[id]; present && had && s.Version != want {
			ce.add(id, nil, &s.Element, s.Version)
		}
	}
	for _, r := range rows {
		if deleted[r.ParentID] && !deleted[r.ID] {
			if _, had := c.Expect[r.ID]; !had {
				r := r
				ce.add(r.ID, nil, &r.Element, r.Version)
			}
		}
	}
}

// add records one conflict; the first record of an element wins.
func (ce *ConflictError) add(id string, mine, theirs *Element, version int64) {
	for _, c := range ce.Conflicts {
		if c.ElementID == id {
			return
		}
	}
	c := Conflict{ElementID: id, Local: mine, Incoming: theirs}
	src := mine
	if src == nil {
		src = theirs
	}
	c.What = "een onderdeel dat iemand anders heeft verwijderd"
	if src != nil {
		c.What = strings.TrimSpace(src.Kind.Label() + " " + src.Code + " " + Shorten(src.Label(), 60))
	}
	if theirs != nil {
		ce.Versions[id] = version
	}
	ce.Conflicts = append(ce.Conflicts, c)
}

// Describe is a conflict in one Dutch line for the command line or a log:
// what it is, the designer's text and the stored one.
func (c Conflict) Describe() string {
	text := func(e *Element, m *ProfileMeta) string {
		switch {
		case m != nil:
			return fmt.Sprintf("%q", m.Title)
		case e == nil:
			return "verwijderd"
		default:
			return fmt.Sprintf("%q", Shorten(strings.TrimSpace(e.Title+" "+e.Body), 80))
		}
	}
	return fmt.Sprintf("%s — uw versie: %s; opgeslagen: %s", c.What, text(c.Local, c.LocalMeta), text(c.Incoming, c.IncomingMeta))
}
