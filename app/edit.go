package app

import (
	"context"
	"fmt"
	"sort"
)

// ProfileMeta is a profile's own fields, apart from its element tree.
type ProfileMeta struct {
	Title, Beroep, Owner, VersionLabel string
	Status                             Status
	StatusHistory                      []StatusEvent
	Colofon                            []ColofonEntry
}

// Meta returns a copy of the profile's own fields.
func (p *Profile) Meta() ProfileMeta {
	return ProfileMeta{
		Title: p.Title, Beroep: p.Beroep, Owner: p.Owner, VersionLabel: p.VersionLabel, Status: p.Status,
		StatusHistory: append([]StatusEvent(nil), p.StatusHistory...),
		Colofon:       append([]ColofonEntry(nil), p.Colofon...),
	}
}

// SetMeta replaces the profile's own fields.
func (p *Profile) SetMeta(m ProfileMeta) {
	p.Title, p.Beroep, p.Owner, p.VersionLabel, p.Status = m.Title, m.Beroep, m.Owner, m.VersionLabel, m.Status
	p.StatusHistory = append([]StatusEvent(nil), m.StatusHistory...)
	p.Colofon = append([]ColofonEntry(nil), m.Colofon...)
}

// Change is one undoable edit of a profile: the element rows it touched as
// they were before and after (nil: absent), and the profile's own fields
// before and after when it changed those.
type Change struct {
	Label                     string
	key                       string
	before, after             map[string]*Element
	reviewBefore, reviewAfter map[string]*Review
	metaBefore                *ProfileMeta
	metaAfter                 *ProfileMeta
}

// ChangeSet is what one edit stores: the profile's own fields (when Meta
// is not nil), elements and reviews to insert or update, and elements and
// reviews to delete.
type ChangeSet struct {
	Meta          *ProfileMeta
	Upserts       []Element
	Deletes       []string
	ReviewUpserts []Review
	ReviewDeletes []string

	// Version is the version this change stamps on every element it writes
	// (and on the profile's own fields when Meta is set); see NewVersion.
	// Zero: the change is not checked (a tool writing without an editor).
	Version int64
	// Expect are the versions the editor last saw of the elements it
	// upserts or deletes; an element missing from Expect must not be
	// stored yet. ExpectMeta is the version of the profile's own fields it
	// last saw. The library refuses the change with a *ConflictError when
	// what it holds differs (see ChangeSet.Check).
	Expect     map[string]int64
	ExpectMeta int64
}

// ChangeSaver stores a change set in one transaction, refusing a checked
// change that someone else overtook with a *ConflictError. The storage
// layer implements it.
type ChangeSaver interface {
	SaveChange(ctx context.Context, profileID string, c ChangeSet) error
}

// Editor edits one profile: every edit changes the model, is stored at
// once through the saver, and can be undone and redone without limit
// within the session. It is not safe for concurrent use.
type Editor struct {
	saver ChangeSaver
	ctx   context.Context
	p     *Profile
	elems map[string]Element
	undo  []*Change
	redo  []*Change
	rev   int
	// ver are the stored versions of the elements as this editor last saw
	// them; metaVer that of the profile's own fields.
	ver     map[string]int64
	metaVer int64
	// pending is the last step the library refused with a conflict, for
	// KeepMine.
	pending *pendingStep
}

// NewEditor starts editing p, which must already be stored.
func NewEditor(ctx context.Context, saver ChangeSaver, p *Profile) *Editor {
	e := &Editor{saver: saver, ctx: ctx, p: p, elems: map[string]Element{}, ver: map[string]int64{}, metaVer: p.MetaVersion}
	for _, el := range p.Elements() {
		e.elems[el.ID] = el
		e.ver[el.ID] = p.Versions[el.ID]
	}
	return e
}

// Profile is the profile being edited; it reflects every edit at once.
func (e *Editor) Profile() *Profile { return e.p }

// Element returns the current flat form of an element.
func (e *Editor) Element(id string) (Element, bool) {
	el, ok := e.elems[id]
	return el, ok
}

// Revision counts the changes applied so far (edits, undos and redos); it
// moves whenever the profile changed.
func (e *Editor) Revision() int { return e.rev }

// CanUndo and CanRedo tell whether there is something to undo or redo,
// with the label of that edit.
func (e *Editor) CanUndo() (string, bool) {
	if len(e.undo) == 0 {
		return "", false
	}
	return e.undo[len(e.undo)-1].Label, true
}

// CanRedo: see CanUndo.
func (e *Editor) CanRedo() (string, bool) {
	if len(e.redo) == 0 {
		return "", false
	}
	return e.redo[len(e.redo)-1].Label, true
}

// Edit applies new versions of elements and deletions as one undoable step.
// When key is not empty and the previous step had the same key (typing in
// one field), the two steps merge into one for undo.
func (e *Editor) Edit(label, key string, upserts []Element, deletes []string) error {
	c, err := e.newChange(label, key, upserts, deletes)
	if err != nil {
		return err
	}
	return e.do(c)
}

// newChange records upserts and deletes with the rows they replace.
func (e *Editor) newChange(label, key string, upserts []Element, deletes []string) (*Change, error) {
	c := &Change{Label: label, key: key, before: map[string]*Element{}, after: map[string]*Element{}}
	for _, u := range upserts {
		if !u.Kind.Valid() {
			return nil, fmt.Errorf("%s: onbekende soort %q", label, u.Kind)
		}
		u := u
		c.after[u.ID] = &u
		c.before[u.ID] = e.current(u.ID)
	}
	for _, id := range deletes {
		c.after[id] = nil
		c.before[id] = e.current(id)
	}
	return c, nil
}

// EditMeta changes the profile's own fields as one undoable step; key
// works as for Edit.
func (e *Editor) EditMeta(label, key string, m ProfileMeta) error {
	before := e.p.Meta()
	c := &Change{Label: label, key: key, before: map[string]*Element{}, after: map[string]*Element{}, metaBefore: &before, metaAfter: &m}
	return e.do(c)
}

func (e *Editor) current(id string) *Element {
	if el, ok := e.elems[id]; ok {
		return &el
	}
	return nil
}

// do applies a new change, stores it and pushes it on the undo stack.
func (e *Editor) do(c *Change) error {
	if err := e.apply(c.after, c.metaAfter, c.reviewAfter); err != nil {
		return e.refused(err, c, stepDo)
	}
	e.redo = nil
	if n := len(e.undo); n > 0 && c.key != "" && e.undo[n-1].key == c.key {
		prev := e.undo[n-1]
		for id, el := range c.after {
			if _, seen := prev.before[id]; !seen {
				prev.before[id] = c.before[id]
			}
			prev.after[id] = el
		}
		if c.metaAfter != nil {
			if prev.metaBefore == nil {
				prev.metaBefore = c.metaBefore
			}
			prev.metaAfter = c.metaAfter
		}
		for id, r := range c.reviewAfter {
			if prev.reviewAfter == nil {
				prev.reviewBefore, prev.reviewAfter = map[string]*Review{}, map[string]*Review{}
			}
			if _, seen := prev.reviewBefore[id]; !seen {
				prev.reviewBefore[id] = c.reviewBefore[id]
			}
			prev.reviewAfter[id] = r
		}
		return nil
	}
	e.undo = append(e.undo, c)
	return nil
}

// EditReviews changes review annotations as one undoable step: reviews to
// insert or update, and review IDs to delete; key works as for Edit.
func (e *Editor) EditReviews(label, key string, upserts []Review, deletes []string) error {
	c := &Change{Label: label, key: key, before: map[string]*Element{}, after: map[string]*Element{},
		reviewBefore: map[string]*Review{}, reviewAfter: map[string]*Review{}}
	for _, r := range upserts {
		r := r
		if !IsUUID(r.ElementID) || !r.Aansluiting.Valid() {
			return fmt.Errorf("%s: ongeldige beoordeling", label)
		}
		c.reviewAfter[r.ID] = &r
		c.reviewBefore[r.ID] = e.review(r.ID)
	}
	for _, id := range deletes {
		c.reviewAfter[id] = nil
		c.reviewBefore[id] = e.review(id)
	}
	return e.do(c)
}

func (e *Editor) review(id string) *Review {
	for _, r := range e.p.Reviews {
		if r.ID == id {
			c := *r
			return &c
		}
	}
	return nil
}

// Undo reverts the last edit and returns its label; ok is false when there
// was nothing to undo.
func (e *Editor) Undo() (label string, ok bool, err error) {
	if len(e.undo) == 0 {
		return "", false, nil
	}
	c := e.undo[len(e.undo)-1]
	if err := e.apply(c.before, c.metaBefore, c.reviewBefore); err != nil {
		return c.Label, false, e.refused(err, c, stepUndo)
	}
	e.undo = e.undo[:len(e.undo)-1]
	e.redo = append(e.redo, c)
	return c.Label, true, nil
}

// Redo applies the last undone edit again.
func (e *Editor) Redo() (label string, ok bool, err error) {
	if len(e.redo) == 0 {
		return "", false, nil
	}
	c := e.redo[len(e.redo)-1]
	if err := e.apply(c.after, c.metaAfter, c.reviewAfter); err != nil {
		return c.Label, false, e.refused(err, c, stepRedo)
	}
	e.redo = e.redo[:len(e.redo)-1]
	e.undo = append(e.undo, c)
	return c.Label, true, nil
}

// apply brings the elements in target (and the meta, when given) to the
// target state. The new tree is built first, then stored, and only then
// does the model change: if either step fails, nothing changes.
func (e *Editor) apply(target map[string]*Element, meta *ProfileMeta, reviews map[string]*Review) error {
	var upserts []Element
	var deletes []string
	ids := make([]string, 0, len(target))
	for id := range target {
		ids = append(ids, id)
	}
	sort.Strings(ids) // stable order for storage
	for _, id := range ids {
		_, exists := e.elems[id]
		_, stored := e.ver[id] // put there by someone else (see KeepMine)
		if el := target[id]; el != nil {
			upserts = append(upserts, *el)
		} else if exists || stored {
			deletes = append(deletes, id)
		}
	}
	// Check the model can be built before anything is stored.
	next := make(map[string]Element, len(e.elems))
	for id, el := range e.elems {
		next[id] = el
	}
	for _, u := range upserts {
		next[u.ID] = u
	}
	for _, id := range deletes {
		delete(next, id)
	}
	flat := make([]Element, 0, len(next))
	for _, el := range next {
		flat = append(flat, el)
	}
	trial := &Profile{}
	if err := trial.Assemble(flat); err != nil {
		return fmt.Errorf("wijziging past niet in het profiel: %w", err)
	}
	cs := e.changeSet(meta, upserts, deletes, reviews)
	if err := e.saver.SaveChange(e.ctx, e.p.ID, cs); err != nil {
		return err
	}
	e.pending = nil
	e.stamp(cs)
	if len(reviews) > 0 {
		e.applyReviews(reviews)
	}
	e.elems = next
	e.rev++
	e.p.Sections, e.p.Lists, e.p.Trends, e.p.Kerntaken, e.p.Rollen = trial.Sections, trial.Lists, trial.Trends, trial.Kerntaken, trial.Rollen
	if meta != nil {
		e.p.SetMeta(*meta)
	}
	return nil
}

// changeSet is what apply stores: the elements and reviews, with the
// versions this editor saw of what it touches and the version it stamps.
func (e *Editor) changeSet(meta *ProfileMeta, upserts []Element, deletes []string, reviews map[string]*Review) ChangeSet {
	cs := ChangeSet{Meta: meta, Upserts: upserts, Deletes: deletes, Version: DrawVersion(), ExpectMeta: e.metaVer, Expect: map[string]int64{}}
	for _, u := range upserts {
		if v, ok := e.ver[u.ID]; ok {
			cs.Expect[u.ID] = v
		}
	}
	for _, id := range deletes {
		if v, ok := e.ver[id]; ok {
			cs.Expect[id] = v
		}
	}
	rids := make([]string, 0, len(reviews))
	for id := range reviews {
		rids = append(rids, id)
	}
	sort.Strings(rids)
	for _, id := range rids {
		if r := reviews[id]; r != nil {
			cs.ReviewUpserts = append(cs.ReviewUpserts, *r)
		} else if e.review(id) != nil {
			cs.ReviewDeletes = append(cs.ReviewDeletes, id)
		}
	}
	return cs
}

// Children returns the current children of parent of the given kinds, in
// order.
func (e *Editor) Children(parent string, kinds ...Kind) []Element {
	var out []Element
	for _, el := range e.elems {
		if el.ParentID != parent {
			continue
		}
		for _, k := range kinds {
			if el.Kind == k {
				out = append(out, el)
				break
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Position != out[j].Position {
			return out[i].Position < out[j].Position
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// descendants lists id and everything below it.
func (e *Editor) descendants(id string) []string {
	out := []string{id}
	for i := 0; i < len(out); i++ {
		for _, el := range e.elems {
			if el.ParentID == out[i] {
				out = append(out, el.ID)
			}
		}
	}
	return out
}

// applyReviews brings the model's reviews to the target state: updated in
// place, new ones at the end, deleted ones gone.
func (e *Editor) applyReviews(target map[string]*Review) {
	var out []*Review
	seen := map[string]bool{}
	for _, r := range e.p.Reviews {
		seen[r.ID] = true
		if t, ok := target[r.ID]; ok {
			if t != nil {
				c := *t
				out = append(out, &c)
			}
			continue
		}
		out = append(out, r)
	}
	ids := make([]string, 0, len(target))
	for id := range target {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if t := target[id]; t != nil && !seen[id] {
			c := *t
			out = append(out, &c)
		}
	}
	e.p.Reviews = out
}
