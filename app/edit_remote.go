package app

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// What the editor does when it edits together with others: it keeps the
// versions it saw, keeps a step the library refused for KeepMine, and takes
// in what others stored (ApplyRemote).

type stepKind int

const (
	stepDo stepKind = iota
	stepUndo
	stepRedo
)

// pendingStep is a step the library refused because of a conflict.
type pendingStep struct {
	c    *Change
	kind stepKind
}

// refused remembers a step that met a conflict and fills in the designer's
// side of conflicts the library could not know (a parent it no longer
// holds).
func (e *Editor) refused(err error, c *Change, kind stepKind) error {
	var ce *ConflictError
	if !errors.As(err, &ce) {
		return err
	}
	for i, k := range ce.Conflicts {
		if k.Local == nil && k.Incoming == nil && k.ElementID != "" {
			if el, ok := e.elems[k.ElementID]; ok {
				ce.Conflicts[i].Local = &el
				ce.Conflicts[i].What = strings.TrimSpace(el.Kind.Label()+" "+el.Code+" "+Shorten(el.Label(), 60)) + " (door iemand anders verwijderd)"
			}
		}
	}
	e.pending = &pendingStep{c: c, kind: kind}
	return err
}

// stamp records the versions a stored change wrote.
func (e *Editor) stamp(cs ChangeSet) {
	for _, u := range cs.Upserts {
		e.ver[u.ID] = cs.Version
	}
	for _, id := range cs.Deletes {
		delete(e.ver, id)
	}
	if cs.Meta != nil {
		e.metaVer = cs.Version
	}
}

// Version is the stored version of an element as this editor last saw it
// ("" for the profile's own fields); ok is false when it is not stored.
func (e *Editor) Version(id string) (v int64, ok bool) {
	if id == "" {
		return e.metaVer, true
	}
	v, ok = e.ver[id]
	return v, ok
}

// KeepMine stores the step the library refused with ce again, this time
// over what is stored now: the designer chose their own text. An element
// someone else removed is put back (with the parents the change needs); an
// element someone else put under one the designer removes is removed too.
func (e *Editor) KeepMine(ce *ConflictError) error {
	step := e.pending
	if step == nil {
		return fmt.Errorf("er is geen geweigerde wijziging om alsnog op te slaan")
	}
	target, other := step.c.after, step.c.before
	if step.kind == stepUndo {
		target, other = step.c.before, step.c.after
	}
	for _, k := range ce.Conflicts {
		e.rebase(ce, k, target, other)
	}
	e.pending = nil
	switch step.kind {
	case stepUndo:
		if n := len(e.undo); n == 0 || e.undo[n-1] != step.c {
			return fmt.Errorf("deze stap kan niet meer ongedaan worden gemaakt")
		}
		_, _, err := e.Undo()
		return err
	case stepRedo:
		if n := len(e.redo); n == 0 || e.redo[n-1] != step.c {
			return fmt.Errorf("deze stap kan niet meer opnieuw worden gedaan")
		}
		_, _, err := e.Redo()
		return err
	}
	return e.do(step.c)
}

// rebase takes the stored version of one conflicting element as the one
// seen, and widens the step where the conflict asks for it.
func (e *Editor) rebase(ce *ConflictError, k Conflict, target, other map[string]*Element) {
	if k.LocalMeta != nil || k.IncomingMeta != nil {
		e.metaVer = ce.Versions[""]
		return
	}
	id := k.ElementID
	if v, ok := ce.Versions[id]; ok {
		e.ver[id] = v
	} else {
		delete(e.ver, id)
	}
	_, inStep := target[id]
	if inStep && k.Incoming != nil {
		return
	}
	switch {
	case k.Incoming == nil: // removed by someone else: put it back whole
		for _, d := range e.descendants(id) {
			el, ok := e.elems[d]
			if !ok {
				continue
			}
			delete(e.ver, d)
			if _, there := target[d]; !there {
				target[d], other[d] = &el, &el
			}
		}
	case k.Local == nil: // something new under what the designer removes
		theirs := *k.Incoming
		target[id], other[id] = nil, &theirs
	}
}

// DropPending forgets a step the library refused: the designer chose what
// is stored (bring it in with ApplyRemote).
func (e *Editor) DropPending() { e.pending = nil }

// RemoteResult says what ApplyRemote brought into the editor.
type RemoteResult struct {
	// Elements are the elements changed, added or removed elsewhere (the
	// elements whose reviews changed included).
	Elements []string
	// Meta: the profile's own fields changed elsewhere.
	Meta bool
	// Held is the element ("meta" for the profile's own fields) kept as it
	// is because the designer is typing in the very field someone else
	// changed: the next save of it meets a conflict, so that the designer
	// chooses.
	Held string
}

// Changed reports whether anything was brought in.
func (r RemoteResult) Changed() bool { return len(r.Elements) > 0 || r.Meta }

// ApplyRemote brings what the library holds now (stored, just loaded) into
// the editor without storing anything: changes others made appear in the
// profile. typing is the key of the field the designer is typing in
// ("id/field", "meta/…" or ""): a change elsewhere to that very field is
// held back (see RemoteResult.Held). Undo steps that touch what changed
// elsewhere are dropped, with every step below them (undoing them would
// overwrite the others' work); the steps above them stay.
func (e *Editor) ApplyRemote(stored *Profile, typing string) RemoteResult {
	next, nver, changed := e.remoteElements(stored)
	var res RemoteResult
	heldID, heldField, _ := strings.Cut(typing, "/")
	if local, ok := e.elems[heldID]; ok && changed[heldID] {
		if st, still := next[heldID]; !still || fieldValue(st, heldField) != fieldValue(local, heldField) {
			next[heldID] = local
			if v, had := e.ver[heldID]; had {
				nver[heldID] = v
			}
			delete(changed, heldID)
			res.Held = heldID
		}
	}
	trial := &Profile{}
	if err := trial.Assemble(flatten(next)); err != nil && res.Held != "" {
		// What is held no longer fits the stored tree: take the tree.
		next, nver, changed = e.remoteElements(stored)
		res.Held = ""
		trial = &Profile{}
		if trial.Assemble(flatten(next)) != nil {
			return RemoteResult{}
		}
	} else if err != nil {
		return RemoteResult{}
	}
	e.elems, e.ver = next, nver
	e.p.Sections, e.p.Lists, e.p.Trends, e.p.Kerntaken, e.p.Rollen = trial.Sections, trial.Lists, trial.Trends, trial.Kerntaken, trial.Rollen
	for id := range e.remoteReviews(stored) {
		changed[id] = true
	}
	res.Meta = e.remoteMeta(stored, heldID == "meta", &res)
	for id := range changed {
		res.Elements = append(res.Elements, id)
	}
	sort.Strings(res.Elements)
	if res.Changed() {
		e.rev++
		e.undo = trimSteps(e.undo, changed, res.Meta)
		e.redo = trimSteps(e.redo, changed, res.Meta)
	}
	return res
}

// remoteElements is the stored tree in flat form with its versions, and
// the elements that differ from the editor's.
func (e *Editor) remoteElements(stored *Profile) (map[string]Element, map[string]int64, map[string]bool) {
	next, nver, changed := map[string]Element{}, map[string]int64{}, map[string]bool{}
	for _, el := range stored.Elements() {
		next[el.ID] = el
		nver[el.ID] = stored.Versions[el.ID]
		if local, ok := e.elems[el.ID]; !ok || local != el {
			changed[el.ID] = true
		}
	}
	for id := range e.elems {
		if _, ok := next[id]; !ok {
			changed[id] = true
		}
	}
	return next, nver, changed
}

// remoteReviews takes the stored reviews and returns the elements whose
// reviews changed.
func (e *Editor) remoteReviews(stored *Profile) map[string]bool {
	mine := map[string]Review{}
	for _, r := range e.p.Reviews {
		mine[r.ID] = *r
	}
	changed := map[string]bool{}
	for _, r := range stored.Reviews {
		if m, ok := mine[r.ID]; !ok || m != *r {
			changed[r.ElementID] = true
		}
		delete(mine, r.ID)
	}
	for _, r := range mine {
		changed[r.ElementID] = true
	}
	if len(changed) > 0 {
		e.p.Reviews = nil
		for _, r := range stored.Reviews {
			c := *r
			e.p.Reviews = append(e.p.Reviews, &c)
		}
	}
	return changed
}

// remoteMeta takes the stored profile's own fields unless the designer is
// typing in one of them; it reports whether they changed.
func (e *Editor) remoteMeta(stored *Profile, typing bool, res *RemoteResult) bool {
	if metaSame(e.p.Meta(), stored.Meta()) {
		e.metaVer = stored.MetaVersion
		return false
	}
	if typing {
		res.Held = "meta"
		return false
	}
	e.p.SetMeta(stored.Meta())
	e.metaVer = stored.MetaVersion
	return true
}

// trimSteps drops the newest step that touches what changed elsewhere and
// every step below it.
func trimSteps(steps []*Change, changed map[string]bool, meta bool) []*Change {
	for i := len(steps) - 1; i >= 0; i-- {
		if steps[i].touches(changed, meta) {
			return append([]*Change(nil), steps[i+1:]...)
		}
	}
	return steps
}

func (c *Change) touches(changed map[string]bool, meta bool) bool {
	if meta && c.metaAfter != nil {
		return true
	}
	for id := range c.after {
		if changed[id] {
			return true
		}
	}
	for _, r := range c.reviewAfter {
		if r != nil && changed[r.ElementID] {
			return true
		}
	}
	for _, r := range c.reviewBefore {
		if r != nil && changed[r.ElementID] {
			return true
		}
	}
	return false
}

// fieldValue is one field of an element by its SetField name; "" names
// the whole element.
func fieldValue(el Element, field string) string {
	switch field {
	case FieldCode:
		return el.Code
	case FieldTitle:
		return el.Title
	case FieldBody:
		return el.Body
	case FieldRef:
		return el.Ref
	case FieldSource:
		return string(el.Source)
	}
	return fmt.Sprint(el)
}

func flatten(m map[string]Element) []Element {
	out := make([]Element, 0, len(m))
	for _, el := range m {
		out = append(out, el)
	}
	return out
}
