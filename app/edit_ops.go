package app

import (
	"fmt"
	"strconv"
	"strings"
)

// The edits a designer makes, in the domain's words. Each is one undoable
// step that is stored at once.

// childKinds are the kinds of element that sit under each kind, and that
// move, number and delete together.
var childKinds = map[Kind][]Kind{
	"":               {KindKerntaak, KindRol, KindSectie, KindLijst, KindTrend},
	KindKerntaak:     {KindWerkproces},
	KindWerkproces:   {KindCompetentie, KindResultaat, KindKennis, KindVaardigheid},
	KindRol:          {KindWerkzaamheid, KindCompetentie, KindKennisVaardigheid},
	KindSectie:       {KindSectie},
	KindLijst:        {KindLijstItem},
	KindTrend:        {},
	KindWerkzaamheid: {},
}

// kindOf is the kind of the element id; "" for the profile itself.
func (e *Editor) kindOf(id string) Kind {
	if id == "" {
		return ""
	}
	return e.elems[id].Kind
}

// allowedUnder reports whether kind k may sit under the element parent.
func (e *Editor) allowedUnder(k Kind, parent string) bool {
	if parent != "" {
		if _, ok := e.elems[parent]; !ok {
			return false
		}
	}
	for _, c := range childKinds[e.kindOf(parent)] {
		if c == k {
			return true
		}
	}
	return false
}

// Add creates a new element of kind k under parent (an element ID, or ""
// for the top level) after the last sibling of its kind, and returns its
// ID. Kerntaken, werkprocessen, rollen and werkzaamheden get the next code.
func (e *Editor) Add(k Kind, parent string, el Element) (string, error) {
	if !e.allowedUnder(k, parent) {
		return "", fmt.Errorf("een %s kan niet onder een %s staan", k.Label(), labelOr(e.kindOf(parent).Label(), "profiel"))
	}
	if k == KindKerntaak && e.p.Structure != StructureKerntaken || k == KindRol && e.p.Structure != StructureRollen {
		return "", fmt.Errorf("dit profiel is opgebouwd uit %s; een %s past er niet in", e.p.Structure, k.Label())
	}
	siblings := e.Children(parent, k)
	el.ID, el.Kind, el.ParentID = NewID(), k, parent
	el.Position = 0
	if n := len(siblings); n > 0 {
		el.Position = siblings[n-1].Position + 1
	}
	if el.Code == "" {
		el.Code = e.nextCode(k, parent, len(siblings)+1)
	}
	return el.ID, e.Edit(k.Label()+" toevoegen", "", []Element{el}, nil)
}

func labelOr(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// nextCode proposes the code of the n-th element of kind k under parent.
func (e *Editor) nextCode(k Kind, parent string, n int) string {
	switch k {
	case KindKerntaak, KindRol, KindWerkzaamheid:
		return strconv.Itoa(n)
	case KindWerkproces:
		return codeJoin(e.elems[parent].Code, n)
	}
	return ""
}

// codeJoin makes a werkproces code from its kerntaak code: "1" → "1.3",
// "B1-K1" → "B1-K1-W3".
func codeJoin(parent string, n int) string {
	if strings.Contains(parent, "-K") {
		return fmt.Sprintf("%s-W%d", parent, n)
	}
	if parent == "" {
		return strconv.Itoa(n)
	}
	return fmt.Sprintf("%s.%d", parent, n)
}

// Field names for SetField.
const (
	FieldCode   = "code"
	FieldTitle  = "titel"
	FieldBody   = "tekst"
	FieldRef    = "competentie"
	FieldSource = "bron"
)

// SetField changes one field of an element. Typing in one field merges
// into one undo step.
func (e *Editor) SetField(id, field, value string) error {
	el, ok := e.elems[id]
	if !ok {
		return fmt.Errorf("onderdeel %s: %w", id, ErrNotFound)
	}
	switch field {
	case FieldCode:
		el.Code = value
	case FieldTitle:
		el.Title = value
	case FieldBody:
		el.Body = value
	case FieldRef:
		el.Ref = value
	case FieldSource:
		el.Source = ListSource(value)
	default:
		return fmt.Errorf("onbekend veld %q", field)
	}
	if el == e.elems[id] {
		return nil
	}
	return e.Edit(el.Kind.Label()+" wijzigen", id+"/"+field, []Element{el}, nil)
}

// Remove deletes an element with everything under it, and the reviews on
// them, as one step: undo brings back the elements with their notes.
func (e *Editor) Remove(id string) error {
	el, ok := e.elems[id]
	if !ok {
		return fmt.Errorf("onderdeel %s: %w", id, ErrNotFound)
	}
	gone := e.descendants(id)
	// Close the gap: renumber the positions of the siblings after it.
	var moved []Element
	for _, s := range e.Children(el.ParentID, el.Kind) {
		if s.Position > el.Position {
			s.Position--
			moved = append(moved, s)
		}
	}
	c, err := e.newChange(el.Kind.Label()+" verwijderen", "", moved, gone)
	if err != nil {
		return err
	}
	isGone := map[string]bool{}
	for _, g := range gone {
		isGone[g] = true
	}
	for _, r := range e.p.Reviews {
		if isGone[r.ElementID] {
			if c.reviewAfter == nil {
				c.reviewBefore, c.reviewAfter = map[string]*Review{}, map[string]*Review{}
			}
			before := *r
			c.reviewBefore[r.ID] = &before
			c.reviewAfter[r.ID] = nil
		}
	}
	return e.do(c)
}

// MoveBy moves an element up (delta < 0) or down among its siblings of the
// same kind.
func (e *Editor) MoveBy(id string, delta int) error {
	el, ok := e.elems[id]
	if !ok {
		return fmt.Errorf("onderdeel %s: %w", id, ErrNotFound)
	}
	sibs := e.Children(el.ParentID, el.Kind)
	at := -1
	for i, s := range sibs {
		if s.ID == id {
			at = i
		}
	}
	to := at + delta
	if to < 0 || to >= len(sibs) || delta == 0 {
		return nil // already first or last
	}
	item := sibs[at]
	sibs = append(sibs[:at], sibs[at+1:]...)
	sibs = append(sibs[:to], append([]Element{item}, sibs[to:]...)...)
	var changed []Element
	for i, s := range sibs {
		if s.Position != i {
			s.Position = i
			changed = append(changed, s)
		}
	}
	label := "omhoog"
	if delta > 0 {
		label = "omlaag"
	}
	return e.Edit(el.Kind.Label()+" "+label+" verplaatsen", "", changed, nil)
}

// MoveTo moves an element under another parent, after its last child of
// the same kind. Its code is left as it is; Renumber fixes codes on request.
func (e *Editor) MoveTo(id, parent string) error {
	el, ok := e.elems[id]
	if !ok {
		return fmt.Errorf("onderdeel %s: %w", id, ErrNotFound)
	}
	if el.ParentID == parent {
		return nil
	}
	for _, d := range e.descendants(id) {
		if d == parent {
			return fmt.Errorf("een onderdeel kan niet onder zichzelf staan")
		}
	}
	if !e.allowedUnder(el.Kind, parent) {
		return fmt.Errorf("een %s kan niet onder een %s staan", el.Kind.Label(), labelOr(e.kindOf(parent).Label(), "profiel"))
	}
	var changed []Element
	for _, s := range e.Children(el.ParentID, el.Kind) {
		if s.Position > el.Position {
			s.Position--
			changed = append(changed, s)
		}
	}
	target := e.Children(parent, el.Kind)
	el.ParentID = parent
	el.Position = 0
	if n := len(target); n > 0 {
		el.Position = target[n-1].Position + 1
	}
	changed = append(changed, el)
	return e.Edit(el.Kind.Label()+" verplaatsen", "", changed, nil)
}

// Renumber gives kerntaken, werkprocessen, rollen and werkzaamheden codes
// that follow their order: 1, 1.1, 1.2 …, keeping the "B1-K1-W1" style
// where the profile uses it.
func (e *Editor) Renumber() error {
	var changed []Element
	set := func(el Element, code string) {
		if el.Code != code {
			el.Code = code
			changed = append(changed, el)
		}
	}
	for i, k := range e.Children("", KindKerntaak) {
		code := strconv.Itoa(i + 1)
		if strings.Contains(k.Code, "-K") {
			code = fmt.Sprintf("%s-K%d", strings.SplitN(k.Code, "-K", 2)[0], i+1)
		}
		set(k, code)
		for j, w := range e.Children(k.ID, KindWerkproces) {
			set(w, codeJoin(code, j+1))
		}
	}
	for i, r := range e.Children("", KindRol) {
		set(r, strconv.Itoa(i+1))
		for j, w := range e.Children(r.ID, KindWerkzaamheid) {
			set(w, strconv.Itoa(j+1))
		}
	}
	if len(changed) == 0 {
		return nil
	}
	return e.Edit("codes hernummeren", "", changed, nil)
}

// Insert creates a new element of kind k under parent right after the
// sibling after (or first when after is ""), moving later siblings down,
// as one undoable step; it returns the new ID.
func (e *Editor) Insert(k Kind, parent, after string, el Element) (string, error) {
	if !e.allowedUnder(k, parent) {
		return "", fmt.Errorf("een %s kan niet onder een %s staan", k.Label(), labelOr(e.kindOf(parent).Label(), "profiel"))
	}
	siblings := e.Children(parent, k)
	at := 0
	for i, s := range siblings {
		if s.ID == after {
			at = i + 1
		}
	}
	el.ID, el.Kind, el.ParentID = NewID(), k, parent
	if el.Code == "" {
		el.Code = e.nextCode(k, parent, len(siblings)+1)
	}
	order := append(append(append([]Element{}, siblings[:at]...), el), siblings[at:]...)
	var changed []Element
	for i, s := range order {
		if s.ID == el.ID || s.Position != i {
			s.Position = i
			changed = append(changed, s)
		}
	}
	return el.ID, e.Edit(k.Label()+" toevoegen", "", changed, nil)
}
