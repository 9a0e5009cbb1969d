package app

import (
	"fmt"
	"sort"
	"strings"
)

// Merging a profile that comes back: a colleague edited the exchange file
// and sends it back, while the designer also went on editing. Elements are
// matched by their IDs. With the state that was sent (the base) each side's
// changes are known: a change on one side is taken, a change on both sides
// is a conflict the designer decides. Without a base every difference is a
// conflict. Nothing is overwritten silently.

// Side says which version of a conflicting element to keep.
type Side int

// The sides.
const (
	KeepLocal Side = iota
	TakeIncoming
)

// Conflict is an element (or the profile's own fields, ElementID "") that
// both sides changed differently.
type Conflict struct {
	ElementID       string
	Local, Incoming *Element // nil: deleted on that side
	LocalMeta       *ProfileMeta
	IncomingMeta    *ProfileMeta
	What            string // a Dutch label: "werkproces 2.3 Behandelt klachten"
}

// MergePlan is what merging would do.
type MergePlan struct {
	Local, Incoming *Profile
	Base            *Profile // nil when unknown
	HasBase         bool
	Added           []Element // new in the incoming profile
	Updated         []Element // changed only there
	Deleted         []Element // deleted only there (unchanged here)
	KeptLocal       int       // changed or added only here
	Unchanged       int
	Conflicts       []Conflict
	ReviewsAdded    []*Review
	MetaUpdated     *ProfileMeta
}

// same reports whether two versions of an element have the same content
// and parent. Its position among its siblings does not count: a sibling
// added or removed before it shifts it without changing it; the order of
// siblings is merged separately (see mergeOrder).
func (e Element) same(o Element) bool {
	return e.ParentID == o.ParentID && e.Kind == o.Kind && e.Code == o.Code &&
		e.Title == o.Title && e.Body == o.Body && e.Ref == o.Ref && e.Source == o.Source && e.BronID == o.BronID
}

func metaSame(a, b ProfileMeta) bool {
	return fmt.Sprint(a) == fmt.Sprint(b)
}

func byID(p *Profile) map[string]Element {
	m := map[string]Element{}
	if p != nil {
		for _, e := range p.Elements() {
			m[e.ID] = e
		}
	}
	return m
}

// PlanMerge works out how incoming merges into local; base is the state
// both started from (nil when unknown). A profile of the other structure or
// another competency model cannot be merged: that is refused with a Dutch
// sentence.
func PlanMerge(local, incoming, base *Profile) (*MergePlan, error) {
	if incoming.Structure != local.Structure {
		return nil, inputErrorf("Profiel %s is in de bibliotheek opgebouwd uit %s, maar in het bestand uit %s; zo'n versie kan niet worden samengevoegd. Er is niets gewijzigd.", quote(local.Title), local.Structure, incoming.Structure)
	}
	if incoming.CatalogueID != local.CatalogueID {
		return nil, inputErrorf("Profiel %s gebruikt in het bestand een ander competentiemodel dan in de bibliotheek; zo'n versie kan niet worden samengevoegd. Er is niets gewijzigd.", quote(local.Title))
	}
	plan := &MergePlan{Local: local, Incoming: incoming, Base: base, HasBase: base != nil}
	L, I, B := byID(local), byID(incoming), byID(base)
	ids := map[string]bool{}
	for id := range L {
		ids[id] = true
	}
	for id := range I {
		ids[id] = true
	}
	sorted := make([]string, 0, len(ids))
	for id := range ids {
		sorted = append(sorted, id)
	}
	sort.Strings(sorted)
	conflict := func(id string, l, i *Element) {
		c := Conflict{ElementID: id, Local: l, Incoming: i}
		src := l
		if src == nil {
			src = i
		}
		c.What = strings.TrimSpace(src.Kind.Label() + " " + src.Code + " " + Shorten(src.Label(), 60))
		plan.Conflicts = append(plan.Conflicts, c)
	}
	for _, id := range sorted {
		l, inL := L[id]
		i, inI := I[id]
		b, inB := B[id]
		switch {
		case inL && inI && l.same(i):
			plan.Unchanged++
		case inL && inI:
			switch {
			case inB && b.same(l):
				plan.Updated = append(plan.Updated, i)
			case inB && b.same(i):
				plan.KeptLocal++
			default:
				conflict(id, &l, &i)
			}
		case inI: // not here
			switch {
			case !inB:
				plan.Added = append(plan.Added, i)
			case b.same(i):
				// deleted here, untouched there: stays deleted
				plan.KeptLocal++
			default:
				conflict(id, nil, &i)
			}
		case inL: // not there
			switch {
			case !plan.HasBase || !inB:
				plan.KeptLocal++ // added here (or unknown): keep
			case b.same(l):
				plan.Deleted = append(plan.Deleted, l)
			default:
				conflict(id, &l, nil)
			}
		}
	}
	// Reviews are annotations: the incoming ones that are new here are
	// added; the designer's own stay.
	have := map[string]bool{}
	for _, r := range local.Reviews {
		have[r.ID] = true
	}
	for _, r := range incoming.Reviews {
		if !have[r.ID] {
			plan.ReviewsAdded = append(plan.ReviewsAdded, r)
		}
	}
	lm, im := local.Meta(), incoming.Meta()
	if !metaSame(lm, im) {
		switch {
		case base != nil && metaSame(base.Meta(), lm):
			plan.MetaUpdated = &im
		case base != nil && metaSame(base.Meta(), im):
		default:
			plan.Conflicts = append(plan.Conflicts, Conflict{LocalMeta: &lm, IncomingMeta: &im, What: "profielgegevens (titel, versie, status, colofon)"})
		}
	}
	return plan, nil
}

// Changes reports whether applying the plan would change the local
// profile at all (with every conflict kept local, the default).
func (m *MergePlan) Changes() bool {
	if len(m.Added) > 0 || len(m.Updated) > 0 || len(m.Deleted) > 0 || len(m.Conflicts) > 0 ||
		len(m.ReviewsAdded) > 0 || m.MetaUpdated != nil {
		return true
	}
	merged, err := m.Apply(nil)
	if err != nil {
		return true
	}
	local := byID(m.Local)
	for _, e := range merged.Elements() {
		if l, ok := local[e.ID]; !ok || l.Position != e.Position {
			return true
		}
	}
	return false
}

// Summary words the plan for a dry run.
func (m *MergePlan) Summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Samenvoegen van %q (%s) met de versie in de bibliotheek", m.Incoming.Title, m.Incoming.VersionLabel)
	if !m.HasBase {
		b.WriteString(" (zonder gemeenschappelijke uitgangsversie: elk verschil is een keuze)")
	}
	b.WriteString(":\n")
	fmt.Fprintf(&b, "  %d ongewijzigd, %d nieuw, %d daar gewijzigd, %d daar verwijderd, %d alleen hier gewijzigd of toegevoegd\n",
		m.Unchanged, len(m.Added), len(m.Updated), len(m.Deleted), m.KeptLocal)
	if len(m.ReviewsAdded) > 0 {
		fmt.Fprintf(&b, "  %d nieuwe beoordelingen of notities\n", len(m.ReviewsAdded))
	}
	if m.MetaUpdated != nil {
		b.WriteString("  profielgegevens daar gewijzigd\n")
	}
	if len(m.Conflicts) == 0 {
		b.WriteString("  geen conflicten\n")
	} else {
		fmt.Fprintf(&b, "  %d aan beide kanten gewijzigd (kies per onderdeel):\n", len(m.Conflicts))
		for _, c := range m.Conflicts {
			fmt.Fprintf(&b, "    - %s\n", c.What)
		}
	}
	return b.String()
}

// Apply makes the merged profile: local with the plan applied and each
// conflict resolved by choices (by ElementID; "" for the profile's own
// fields; missing means KeepLocal).
func (m *MergePlan) Apply(choices map[string]Side) (*Profile, error) {
	out := *m.Local
	elems := byID(m.Local)
	for _, e := range m.Added {
		elems[e.ID] = e
	}
	for _, e := range m.Updated {
		elems[e.ID] = e
	}
	for _, e := range m.Deleted {
		delete(elems, e.ID)
	}
	meta := m.Local.Meta()
	if m.MetaUpdated != nil {
		meta = *m.MetaUpdated
	}
	for _, c := range m.Conflicts {
		if choices[c.ElementID] != TakeIncoming {
			continue
		}
		switch {
		case c.IncomingMeta != nil:
			meta = *c.IncomingMeta
		case c.Incoming == nil:
			delete(elems, c.ElementID)
		default:
			elems[c.ElementID] = *c.Incoming
		}
	}
	// Children of removed elements go with them.
	for changed := true; changed; {
		changed = false
		for id, e := range elems {
			if _, ok := elems[e.ParentID]; e.ParentID != "" && !ok {
				delete(elems, id)
				changed = true
			}
		}
	}
	flat := mergeOrder(elems, m.Local, m.Incoming, m.Base)
	if err := out.Assemble(flat); err != nil {
		return nil, fmt.Errorf("samenvoegen: %w", err)
	}
	out.SetMeta(meta)
	out.Reviews = append(append([]*Review(nil), m.Local.Reviews...), m.ReviewsAdded...)
	kept := map[string]bool{out.ID: true}
	for _, e := range flat {
		kept[e.ID] = true
	}
	var reviews []*Review
	for _, r := range out.Reviews {
		if kept[r.ElementID] {
			reviews = append(reviews, r)
		}
	}
	out.Reviews = reviews
	return &out, nil
}
